"""Claims read from parts of a figure, from who the claimant is, and from figures that only round another: the
children among a toll, the missing, a monitor's figures that name no people, a belligerent's own losses, and a
standfirst that rounds the body's figure. Sentences written for these tests."""

from __future__ import annotations

from tests.extract.test_claims_more import claims_of, one


def test_children_among_a_toll_are_a_claim_of_their_own() -> None:
    claims = claims_of(
        "The UN human rights office says at least 13,300 civilians were killed in Ukraine between February 2022 and "
        "the end of May 2025, including more than 700 children."
    )
    children = one(claims, min=700)
    assert (children.side, children.population, children.metric, children.qualifier) == (
        "Ukraine", "civilian", "killed", "more than")
    assert (children.period_start, children.period_end) == ("2022-02", "2025-05")


def test_a_part_in_the_next_sentence_counts_only_after_a_claim() -> None:
    monthly = "At least 158 civilians were killed in Ukraine in October, the UN human rights office said. "
    part = "Among those killed were at least 16 children, the office said."
    children = one(claims_of(monthly + part), min=16)
    assert (children.metric, children.population, children.side) == ("killed", "civilian", "Ukraine")
    assert not [c for c in claims_of(part) if c.min == 16], "16 alone is no aggregate"


def test_the_same_period_makes_a_small_figure_part_of_the_total() -> None:
    total = "Ukraine's General Staff said Russian losses in the Kherson direction had reached 12,400 since June. "
    part = "It said 950 Russian servicemen had been killed in that period."
    assert one(claims_of(total + part), min=950).metric == "killed"
    assert not [c for c in claims_of(part) if c.min == 950]


def test_the_missing_listed_registered_or_still_missing() -> None:
    claims = claims_of(
        "Shelling hit Kharkiv again overnight. The National Police say more than 2,000 children are still listed as "
        "missing. A commissioner said more than 60,000 people, soldiers and civilians, were registered as missing. "
        "A volunteer project, Names of the Fallen, says it has identified 78,000 Ukrainian soldiers killed and "
        "lists about 70,000 more as missing."
    )
    children = one(claims, min=2_000)
    assert (children.metric, children.population, children.side) == ("missing", "civilian", "Ukraine")
    assert one(claims, min=60_000).metric == "missing"
    soldiers = one(claims, min=70_000)
    assert (soldiers.metric, soldiers.qualifier, soldiers.side) == ("missing", "about", "Ukraine")


def test_the_injury_of_is_injured() -> None:
    claims = claims_of(
        "Between 24 February 2022 and 30 April 2025, the UN mission verified the deaths of 13,100 civilians in "
        "Ukraine and the injury of 31,000."
    )
    assert one(claims, min=31_000).metric == "injured"
    assert one(claims, min=13_100).metric == "killed"


def test_a_monitor_of_civilians_counts_civilians_when_no_people_are_named() -> None:
    claims = claims_of("That is up from 1,570 killed and 8,730 injured last year, the UN human rights office said.")
    assert {(c.side, c.population, c.metric) for c in claims} == {
        ("Ukraine", "civilian", "killed"), ("Ukraine", "civilian", "injured")}


def test_a_count_of_one_armys_dead_is_that_army() -> None:
    claims = claims_of(
        "Mediazona has confirmed the names of at least 111,000 servicemen who have died since February 2022."
    )
    dead = one(claims, min=111_000)
    assert (dead.side, dead.population, dead.metric, dead.qualifier) == ("Russia", "military", "killed", "at least")


def test_a_belligerent_states_its_own_losses_unless_it_did_the_killing() -> None:
    own = claims_of("In September 2022 Russia's defence ministry said 5,937 servicemen had been killed.")
    assert one(own, min=5_937).side == "Russia"
    minister = claims_of("The last official number, 5,937 dead, was given by then-Defence Minister Sergei Shoigu.")
    assert (one(minister, min=5_937).side, one(minister, min=5_937).claimant) == ("Russia",
                                                                                  "Russian Ministry of Defence")
    inflicted = claims_of("Russia's defence ministry said its forces had killed 5,200 servicemen since June.")
    assert one(inflicted, min=5_200).side != "Russia"


def test_a_president_putting_the_number_at_gives_his_sides_losses() -> None:
    claims = claims_of(
        "Western officials estimate that 150,000 Russian soldiers have been killed. President Volodymyr Zelensky "
        "put the number at 43,000 in December."
    )
    figure = one(claims, min=43_000)
    assert (figure.side, figure.population, figure.metric) == ("Ukraine", "military", "killed")


def test_their_casualties_are_the_side_named_before() -> None:
    claims = claims_of(
        "If Russian forces kept attacking at this rate, their casualties would pass one million by the end of the "
        "year, a senior NATO official said."
    )
    assert (one(claims, min=1_000_000).side, one(claims, min=1_000_000).population) == ("Russia", "military")


def test_a_standfirst_that_rounds_the_body_figure_is_not_a_second_claim() -> None:
    claims = claims_of(
        "Mediazona and the BBC Russian Service have identified 71,560 Russian servicemen killed since February 2022.",
        standfirst="More than 71,000 Russian soldiers confirmed dead by name.",
    )
    assert [(c.min, c.claimant) for c in claims] == [(71_560, "Mediazona")]


def test_a_body_for_prisoners_of_war_is_a_speaker() -> None:
    claims = claims_of(
        "Kyiv's coordination headquarters for prisoners of war says Russia holds about 8,000 Ukrainians in captivity."
    )
    held = one(claims, min=8_000)
    assert (held.metric, held.claimant) == ("captured", "Kyiv's coordination headquarters for prisoners of war")


def test_a_described_anaphor_and_a_speaker_that_insists_or_acknowledged() -> None:
    claims = claims_of(
        "The Center for Strategic and International Studies published its study on Tuesday. The Washington-based "
        "think-tank estimated that between 280,000 and 330,000 Russian soldiers had been killed since February 2022. "
        "Russia's defence ministry insists that Ukraine has lost more than 1.5 million servicemen killed and wounded. "
        "Russia has not published its own figures since September 2022, when it acknowledged 5,937 deaths."
    )
    assert one(claims, min=280_000).claimant == "CSIS"
    assert one(claims, min=1_500_000).claimant == "Russian Ministry of Defence"
    acknowledged = one(claims, min=5_937)
    assert (acknowledged.claimant, acknowledged.side) == ("Russia", "Russia")


def test_a_tally_that_identified_soldiers_by_name_counts_the_dead() -> None:
    claims = claims_of("A tally by Mediazona has identified at least 160,000 Russian soldiers by name.")
    assert (one(claims, min=160_000).metric, one(claims, min=160_000).claimant) == ("killed", "Mediazona")
