"""Incidents from whole sentences and pages written for these tests."""
from __future__ import annotations

import pytest

from warledger import pipeline
from warledger.records import Count


def incidents_of(text: str, published: str = "2025-11-13"):  # a Thursday
    return pipeline.extract(text, published=published).incidents


def only(text: str, published: str = "2025-11-13"):
    found = incidents_of(text, published)
    assert len(found) == 1, [i.to_dict() for i in found]
    return found[0]


def test_simple_strike_with_toll_place_date_and_attribution():
    inc = only(
        "Missile hits Kharkiv\n\nA Russian missile hit an apartment block in Kharkiv on Tuesday, killing three people "
        "and injuring 14, regional governor Oleh Syniehubov said on Telegram."
    )
    assert inc.date == "2025-11-11" and inc.date_precision == "day"
    assert inc.location.admin1 == "Kharkiv Oblast" and inc.location.precision == 1
    assert inc.killed == Count(3, 3, "exact") and inc.injured == Count(14, 14, "exact")
    assert inc.event_type == "Shelling/artillery/missile attack" and inc.weapon == "missile"
    assert inc.perpetrator == "Russia"
    assert "residential" in inc.targets
    assert inc.attributed_to == ["Oleh Syniehubov (regional governor), Telegram"]


def test_one_sentence_three_events_with_relative_date():
    found = incidents_of(
        "On Thursday, Russian strikes killed a couple near Lviv and battered the eastern city of Dnipro, "
        "two days after a missile attack killed seven people at a bus depot."
    )
    assert len(found) == 3
    by_place = {(i.location.admin1 if i.location else None): i for i in found}
    assert by_place["Lviv Oblast"].killed.min == 2 and by_place["Lviv Oblast"].location.near
    assert by_place["Dnipropetrovsk Oblast"].date == "2025-11-13"
    depot = by_place[None]
    assert depot.date == "2025-11-11" and depot.killed == Count(7, 7, "exact")
    assert "transport" in depot.targets


def test_no_place_is_invented():
    inc = only("A drone attack killed four people on a commuter train on Wednesday, officials said.")
    assert inc.location is None
    assert inc.event_type == "Air/drone strike" and "rail" in inc.targets


def test_follow_up_sentence_attaches_toll_and_targets_to_the_event_it_refers_to():
    inc = only(
        "The port of Izmail came under attack overnight. Four people were injured in the attack, which also "
        "damaged a grain terminal, regional governor Oleh Kiper said. A church nearby was also damaged, he added."
    )
    assert inc.location.admin1 == "Odesa Oblast"
    assert inc.injured == Count(4, 4, "exact")
    assert {"port", "agriculture", "religious"} <= set(inc.targets)


def test_no_casualties_is_zero_not_null():
    inc = only("Russian drones attacked Sumy overnight, damaging several houses, but no casualties were reported.")
    assert inc.killed == Count(0, 0, "exact") and inc.injured == Count(0, 0, "exact")


@pytest.mark.parametrize(
    "text",
    [
        "Moscow has said it will take the whole of the Zaporizhzhia region by force.",
        "Officials warned that Russia could strike Odesa again this winter.",
        "Delegations met in Geneva on Tuesday to discuss a new exchange of prisoners.",
        "Heavy snow closed roads across the Chernihiv region on Monday.",
    ],
)
def test_threats_plans_diplomacy_and_weather_are_not_incidents(text):
    assert incidents_of(text) == []


def test_caption_and_body_mentions_of_one_event_are_one_incident():
    text = (
        "Strikes hit the north\n\nOn Thursday, Russian strikes killed a couple near Lviv.\n\n"
        "Officials said air defences had been active all night.\n\n"
        "At least two people were killed in the strikes near Lviv"
    )
    inc = only(text)
    assert inc.killed.min == 2 and inc.killed.max == 2
    assert sum(1 for e in inc.evidence if e.field == "killed") == 2


def test_every_evidence_span_indexes_the_article_text(think_tank_page):
    result = pipeline.extract(think_tank_page, published="2025-11-13")
    text = result.article.text
    records = result.incidents + result.claims
    assert records
    for record in records:
        for ev in record.evidence:
            assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    "text",
    [
        "Russia has been moving missiles and drones towards the border for months.",
        "Health officials said 140 civilians had been killed so far in the Kharkiv region since the invasion.",
        "The package includes infantry fighting vehicles and artillery shells for Kharkiv.",
        "One of the scenarios discussed was a quick attack on Kyiv.",
    ],
)
def test_background_weapons_and_running_totals_are_not_incidents(text):
    assert incidents_of(text) == []


def test_headline_as_joins_cause_and_toll_but_splits_two_events():
    one = incidents_of("Two civilians killed as Russian glide bombs hit Kostiantynivka")
    assert len(one) == 1 and one[0].location.name == "Kostiantynivka" and one[0].killed.min == 2
    two = incidents_of("Drone attack on a passenger train injures three as Kherson comes under fire")
    assert len(two) == 2


def test_military_reports_destroyed_targets_and_daily_tolls():
    inc = only("Ukrainian forces destroyed two ammunition depots and a ferry in the Kherson region on Tuesday.")
    assert inc.location.admin1 == "Kherson Oblast" and inc.date == "2025-11-11"
    day = only("Four servicemen have died since the beginning of the day in battles near Bakhmut, officials said.")
    assert day.killed.min == 4 and day.location.admin1 == "Donetsk Oblast"


@pytest.mark.parametrize(
    ("text", "event_type", "admin1"),
    [
        ("Russian forces launched a failed counterattack near Vuhledar on Monday.", "Armed clash", "Donetsk Oblast"),
        ("The enemy thwarted the attempts of an offensive near Kupiansk on Monday.", "Armed clash", "Kharkiv Oblast"),
        ("Two companies lost about 90 soldiers near Orikhiv on Monday, the ministry claimed.", "Armed clash",
         "Zaporizhzhia Oblast"),
        ("Aerospace Forces dealt a massive blow to enemy reserves in the Kherson region.", "Air/drone strike",
         "Kherson Oblast"),
    ],
)
def test_military_report_wording_is_an_incident(text, event_type, admin1):
    inc = only(text)
    assert (inc.event_type, inc.location.admin1) == (event_type, admin1)
    assert inc.killed is None  # "lost 90 soldiers" is a loss, not a count of the dead


@pytest.mark.parametrize(
    "text",
    [
        "Police thwarted an attempt to smuggle cigarettes across the border in the Zakarpattia region.",
        "The regional aviation authority in the Lviv region reopened two airfields to civilian flights.",
        "The army lost 300 trucks to mechanical faults in the Kharkiv region over the winter.",
    ],
)
def test_lookalikes_of_military_report_wording_are_not_incidents(text):
    assert incidents_of(text) == []


def test_an_event_named_by_its_year_is_history_not_this_event():
    inc = only("Ukrainian forces recaptured two villages near Kupiansk on Monday, close to the site of a deadly "
               "2022 chemical weapons attack.")
    assert inc.event_type == "Government regains territory"
    today = only("Gunmen massacred 12 civilians near Kupiansk on Monday.")
    assert today.event_type == "Attack"


def article(*paragraphs: str) -> str:
    """A whole article: a title, a standfirst and three or more paragraphs (``incidents.ARTICLE_PARAGRAPHS``)."""
    standfirst = "Diplomats in both capitals describe the mood as cautious."
    return "\n\n".join(("Leaders meet as the war grinds on", standfirst, *paragraphs))


_TALKS = "The two presidents spoke by phone on Wednesday about grain exports and prisoner exchanges."
_CLOSE = "Neither side gave details of the next round of talks, which officials expect early next month."


@pytest.mark.parametrize(
    "background",
    [
        "In 2014 Russia seized Crimea and sent troops into the Donbas.",  # dated to a year only
        "The bloody battle of Bakhmut is still remembered by both armies.",  # names the war, no verb, no date
        "Frequent strikes on occupied Crimea have weakened the fleet.",
        "The talks have been tense since Russia annexed Crimea.",
        "Suburbs near Kyiv were brutally targeted in the early days of the invasion.",
        "Sanctions aim to hit Moscow's ability to pay for the war.",  # a capital meaning its government
        "He accused Kyiv of planning an attack on the bridge.",
        "A survey asked about the possible liberation of Crimea by force.",
        "Mariupol has been bombed out of existence.",
    ],
)
def test_an_article_recalling_the_war_reports_no_incident(background):
    assert incidents_of(article(_TALKS, background, _CLOSE)) == []


def test_an_undated_reference_still_adds_to_the_event_the_article_reports():
    text = article(
        "Russian drones struck Odesa overnight, damaging a school and a church, regional officials said on Thursday.",
        "Several buildings were damaged in the attacks on Odesa, though no casualties were reported.",
        _CLOSE,
    )
    inc = only(text)
    assert inc.location.name == "Odesa" and inc.killed == Count(0, 0)  # the toll came from the reference


def test_who_attacked_when_an_attack_was_repelled_or_a_weapon_shot_down():
    assert only("Ukrainian forces repelled a Russian attack near Brody on Monday.").perpetrator == "Russia"
    downed = only("Air defence units shot down another enemy aircraft near Avdiivka on Monday.")
    assert downed.event_type == "Disrupted weapons use" and downed.perpetrator != "Russia"


def test_a_description_of_a_place_or_of_an_actor_is_no_target():
    assert only("The port city of Mariupol was shelled on Monday.").targets == []
    assert only("Russia sent troops into the Donetsk region on Monday and shelled Kramatorsk.").targets == []
    assert only("Russian artillery shelled Ukrainian positions near Kupiansk on Monday.").targets == ["military"]


def test_a_town_named_beside_another_oblast_keeps_its_own():
    inc = only("The LPR ombudsman called the video of the massacre in Kupiansk a provocation.")
    assert inc.location.name == "Kupiansk" and inc.location.admin1 == "Kharkiv Oblast"


def test_as_before_another_act_by_another_subject_is_a_second_event():
    found = incidents_of("Russian troops captured the town of Vasylivka, as Moscow launched missile attacks on "
                         "several cities including Kyiv.")
    assert [(i.location.name, i.event_type) for i in found] == [
        ("Vasylivka", "Non-state actor overtakes territory"), ("Kyiv", "Shelling/artillery/missile attack")]


def test_a_wire_dateline_is_where_the_report_was_filed_not_where_it_happened():
    text = article(
        "KYIV, Nov 13 (Reuters) - A Russian missile hit a school in Kryvyi Rih late on Wednesday, killing two "
        "people, officials said.",
        "Rescuers worked through the night at the site, the regional governor said.",
        _CLOSE,
    )
    inc = only(text)
    assert (inc.location.name, inc.date, inc.killed) == ("Kryvyi Rih", "2025-11-12", Count(2, 2))


def test_no_one_hurt_is_a_zero_for_both_tolls():
    inc = only("A drone hit a substation in the village of Tetkino overnight. No one was hurt, the governor said.")
    assert (inc.killed, inc.injured) == (Count(0, 0), Count(0, 0))


def test_a_reference_back_adds_its_toll_and_a_governor_speaks_for_the_oblast():
    text = article(
        "Russian artillery shelled Nikopol on Tuesday afternoon, the military said.",
        "The shells damaged several houses, but there were no casualties, Dnipropetrovsk governor Serhiy Lysak said.",
        _CLOSE,
    )
    inc = only(text)
    assert (inc.location.name, inc.killed, inc.injured) == ("Nikopol", Count(0, 0), Count(0, 0))
    bombs = only("Russian aircraft dropped two guided bombs on the town on Tuesday, wounding five people, Kharkiv "
                 "governor Oleh Syniehubov said.")
    assert bombs.location.name == "Kharkiv Oblast"


def test_came_a_day_after_starts_the_earlier_event():
    found = incidents_of("The attack on Kharkiv came a day after Russian artillery shelled the village of "
                         "Krasnopillia in the Sumy region, killing two men.")
    earlier = next(i for i in found if i.killed is not None)
    assert (earlier.location.admin1, earlier.killed, earlier.date) == ("Sumy Oblast", Count(2, 2), "2025-11-12")


def test_wordings_that_disagree_keep_the_larger_toll():
    rising = only("A drone hit a house in Kamianske on Monday, wounding nine people. By evening the number of "
                  "wounded had risen, and at least 11 people were wounded.")
    assert rising.injured.min == 11
    parts = only("Russian forces shelled Kherson on Monday, killing two people. A man was killed in the Korabelnyi "
                 "district, and a woman died in hospital.")
    assert parts.killed == Count(2, 2)


def test_a_road_leading_to_a_town_is_not_where_the_strike_was():
    inc = only("A drone hit a minibus on the outskirts of Kostiantynivka, on the road to Druzhkivka, on Monday, "
               "killing the driver.")
    assert inc.location.name == "Kostiantynivka"


def test_a_man_blown_up_on_a_mine_and_people_not_hurt():
    mine = only("Yesterday, in the village of Borova, a 71-year-old man was blown up on an enemy mine while "
                "working in his garden.")
    assert (mine.event_type, mine.location.name) == ("Remote explosive/landmine/IED", "Borova")
    unhurt = only("Artillery hit Marhanets on Monday. In Marhanets, people were not hurt.")
    assert (unhurt.killed, unhurt.injured) == (Count(0, 0), Count(0, 0))


def test_a_governors_summary_counts_munitions_of_each_attack():
    text = article(
        "Bilopillia community: Russian aircraft dropped two guided aerial bombs on Bilopillia. Two men were wounded.",
        "Krasnopillia community: artillery shelling of Krasnopillia (14 explosions). A farm building was damaged.",
        _CLOSE,
    )
    assert {i.location.name for i in incidents_of(text)} == {"Bilopillia", "Krasnopillya"}  # GeoNames spelling


def test_hours_before_talks_is_another_clause_not_a_veto_on_the_strike():
    inc = only("Russia fired drones at Ukraine overnight, killing two people in Kyiv, hours before ministers were due "
               "to discuss new sanctions on Moscow.")
    assert (inc.location.name, inc.killed) == ("Kyiv", Count(2, 2))
