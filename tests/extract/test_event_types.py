"""Event types (ACLED sub-event types), what makes a clause an incident, and the wording that vetoes one.

Every sentence here is written for these tests. The unit tests read cues the way ``mentions`` does (one scan of
``warledger/vocab/event_types.tsv``, weapons from ``weapons.tsv``) and call ``classify``, ``reads_as_incident``
and ``names_one_event`` directly, so they do not depend on how incidents are assembled.
"""
from __future__ import annotations

import pytest

from warledger import pipeline
from warledger.extract.cues import find_cues, line_pattern, vocab_rows
from warledger.extract.event_context import Roles
from warledger.extract.event_types import classify, names_one_event, reads_as_incident, role, weapon_type

_WEAPON_ORDER = {row["label"]: i for i, row in enumerate(vocab_rows("weapons"))}


def weapon_of(text: str) -> str | None:
    found = find_cues("weapons", text)
    return min(found, key=lambda c: _WEAPON_ORDER[c.label]).label if found else None


def kind(text: str) -> str:
    return classify(find_cues("event_types", text), weapon_of(text))[0]


def incident(text: str, *, tolls: int = 0, place: bool = False) -> bool:
    return reads_as_incident(
        find_cues("event_types", text),
        tolls=tolls,
        has_place=place,
        has_weapon=weapon_of(text) is not None,
        hypothetical=bool(line_pattern("hypothetical_cues").search(text)),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government helicopters dropped chlorine barrels on the town, residents said.", "Chemical weapon"),
        ("Dozens were treated after a poison gas attack on the suburb.", "Chemical weapon"),
        ("A suicide bomber blew himself up at the gate of the governor's compound.", "Suicide bomb"),
        ("An attacker threw a hand grenade into a crowded cafe.", "Grenade"),
        ("A roadside bomb exploded as a police convoy passed.", "Remote explosive/landmine/IED"),
        ("A tractor hit an anti-tank mine in a field.", "Remote explosive/landmine/IED"),
        ("Warplanes bombed a market in the rebel-held town.", "Air/drone strike"),
        ("Jets fired two missiles at a compound outside the city.", "Air/drone strike"),
        ("A Russian drone struck a house in the village overnight.", "Air/drone strike"),
        ("Artillery shelled the outskirts of the town overnight.", "Shelling/artillery/missile attack"),
        ("Rebels fired rockets at the airport.", "Shelling/artillery/missile attack"),
        ("Rocket-propelled grenades were fired at the convoy.", "Shelling/artillery/missile attack"),
        ("Militants attacked an army checkpoint on the main road.", "Armed clash"),
        ("Fierce clashes between government troops and rebels lasted all night.", "Armed clash"),
        ("Russian troops attacked Ukrainian positions near the river and were pushed back.", "Armed clash"),
        ("Bandits attacked a village and shot dead four farmers.", "Attack"),
        ("Gunmen opened fire on worshippers leaving the mosque.", "Attack"),
        ("Armed men abducted two aid workers from their car.", "Abduction/forced disappearance"),
        ("Soldiers raped women held at the checkpoint, a rights group said.", "Sexual violence"),
        ("Government forces recaptured the town from the rebels on Monday.", "Government regains territory"),
        ("The army took control of the airport after a week of fighting.", "Government regains territory"),
        ("Insurgents seized the district centre after a night assault.", "Non-state actor overtakes territory"),
        ("Rebels retook the village from government troops.", "Non-state actor overtakes territory"),
        ("Russian troops captured the village of Novoselivka.", "Non-state actor overtakes territory"),
        ("Police seized two rifles and 300 rounds of ammunition in a raid.", "Disrupted weapons use"),
        ("Sappers defused a mine found near the school.", "Disrupted weapons use"),
        ("Air defences shot down twelve drones overnight.", "Disrupted weapons use"),
        ("A large cache of explosives was discovered in a farmhouse.", "Disrupted weapons use"),
        ("The brigade repelled a counterattack on the southern flank.", "Armed clash"),
        ("The enemy suffered heavy losses trying to break through near the river.", "Armed clash"),
        ("The battalion lost up to 70 servicemen in the assault, the ministry claimed.", "Armed clash"),
        ("About 30 invaders were liquidated in the forest.", "Armed clash"),
        ("Aerospace Forces hit an enemy command post overnight.", "Air/drone strike"),
        ("Government troops advanced 15 kilometres along the highway.", "Government regains territory"),
        ("After heavy clashes, the army recaptured the border village from the rebels.",
         "Government regains territory"),
        ("Rebels took control of the town after government troops pulled out of it.",
         "Non-violent transfer of territory"),
        ("Rebels seized the town after clashes, hours after the army withdrew from the hills.",
         "Non-state actor overtakes territory"),
    ],
)
def test_each_class_from_its_wording_and_context(text: str, expected: str) -> None:
    assert kind(text) == expected


def test_a_named_weapon_decides_over_a_generic_verb() -> None:
    assert weapon_type("drone") == "Air/drone strike"
    assert weapon_type("small arms") is None
    assert kind("Soldiers attacked the positions with guided bombs.") == "Air/drone strike"


def test_an_attack_with_no_means_is_read_from_its_target() -> None:
    assert kind("Militants attacked a military convoy.") == "Armed clash"
    assert kind("Militants attacked passengers on a bus.") == "Attack"
    assert kind("The city was attacked overnight.") == "Shelling/artillery/missile attack"


def test_who_took_ground_decides_between_the_territory_types() -> None:
    roles = Roles.of(find_cues("event_types", "The village was captured by rebels."), role)
    capture = next(p.cue for p in roles.placed if p.role == "verb")
    assert roles.agent(capture) == "nonstate"
    assert kind("Troops liberated the town.") == "Government regains territory"
    assert kind("Militants liberated the town from the army.") == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    "text",
    [
        "Two men were abducted on the road to the border.",
        "Weapons and ammunition were seized at a roadblock.",
        "A suicide bomber struck the market.",
        "Militants attacked a checkpoint.",
    ],
)
def test_specific_wording_or_an_armed_actor_stands_without_place_or_toll(text: str) -> None:
    assert incident(text)


def test_generic_wording_needs_a_place_a_toll_or_an_actor() -> None:
    assert not incident("Fighting continued.")
    assert incident("Fighting continued.", place=True)
    assert incident("The building was hit.", tolls=1)


@pytest.mark.parametrize(
    ("text", "tolls", "place"),
    [
        ("Floods hit the province, killing eleven people.", 1, True),
        ("An earthquake struck the coast overnight.", 0, True),
        ("A gas explosion destroyed two flats and injured three residents.", 1, True),
        ("The ferry capsized in a storm and 30 passengers drowned.", 1, False),
        ("A man shot his neighbour dead after a drunken quarrel.", 1, True),
        ("Robbers shot dead a shopkeeper in the market.", 1, True),
        ("A court sentenced a soldier for shelling homes in the district.", 0, True),
        ("The ministers agreed new sanctions after the missile attack.", 0, False),
        ("The country carried out a missile test on Tuesday.", 0, False),
        ("Police fired tear gas at protesters, injuring five.", 1, True),
        ("Russia could strike the capital within days.", 0, True),
        ("The fire was caused by faulty wiring, not an attack.", 0, True),
    ],
)
def test_vetoes(text: str, tolls: int, place: bool) -> None:
    assert not incident(text, tolls=tolls, place=place)


def test_an_armed_actor_or_specific_wording_overrides_the_news_kind() -> None:
    assert incident("Militants attacked the town during the floods.")
    assert incident("Smugglers were caught and their explosives were seized.")
    assert incident("After the sanctions were announced, a strike killed four.", tolls=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen abducted a priest outside the church.", True),
        ("Militants attacked a checkpoint at dawn.", True),
        ("A grenade exploded at the entrance of the station.", True),
        ("Sexual violence has been used as a weapon of war.", False),
        ("Drones are cheap and plentiful.", False),
        ("A court heard that soldiers raped villagers.", False),
        ("Militants are attacking checkpoints every week.", False),
    ],
)
def test_names_one_event(text: str, expected: bool) -> None:
    assert names_one_event(find_cues("event_types", text)) is expected


def test_whole_report_still_reads_ukrainian_strikes() -> None:
    found = pipeline.extract(
        "A Russian drone struck a house in Kharkiv on Monday, injuring two people, the governor said.",
        published="2025-11-13",
    ).incidents
    assert [i.event_type for i in found] == ["Air/drone strike"]
    assert not pipeline.extract(
        "Heavy rain flooded dozens of houses in the Zakarpattia region overnight, and two people drowned.",
        published="2025-11-13",
    ).incidents
