"""The incident and claim matching rules, on hand-built predictions."""
from __future__ import annotations

from eval_builders import claim, exact, gold_claim, gold_exact, gold_incident, incident

from warledger.eval.gold import GoldCount
from warledger.eval.match import (
    align_incidents,
    claim_matches,
    claimant_agrees,
    count_agrees,
    date_agrees,
    incident_matches,
    location_agrees,
    match_claims,
    place_agrees,
    texts_overlap,
)
from warledger.records import Count

TEXT = ("A Russian drone struck an apartment block in Kharkiv on Tuesday, killing three people and wounding 12, "
        "governor Oleh Syniehubov said. In Sumy, a missile hit a bus depot overnight.")
KHARKIV = "A Russian drone struck an apartment block in Kharkiv on Tuesday, killing three people and wounding 12"


def test_exact_match() -> None:
    pred = incident(TEXT, killed=exact(3), injured=exact(12), evidence={"killed": "killing three people"})
    gold = gold_incident(killed=gold_exact(3), injured=gold_exact(12), evidence=(KHARKIV,))
    assert incident_matches(pred, gold)
    [pair] = align_incidents([pred], [gold])
    assert pair.matched and (pair.gold, pair.pred) == (0, 0)


def test_date_one_day_off_still_matches_two_days_do_not() -> None:
    gold = gold_incident(date="2024-05-14")
    assert date_agrees(incident(TEXT, date="2024-05-15"), gold)
    assert date_agrees(incident(TEXT, date="2024-05-13"), gold)
    assert not date_agrees(incident(TEXT, date="2024-05-16"), gold)
    assert not date_agrees(incident(TEXT, date=None), gold)
    assert incident_matches(incident(TEXT, date="2024-05-15"), gold)
    assert not incident_matches(incident(TEXT, date="2024-05-16"), gold)


def test_gold_without_a_date_is_not_a_date_criterion() -> None:
    assert date_agrees(incident(TEXT, date="2022-09-03"), gold_incident(date=None))


def test_month_precise_gold_date_wants_the_same_month() -> None:
    gold = gold_incident(date="2024-05")
    assert date_agrees(incident(TEXT, date="2024-05-30"), gold)
    assert not date_agrees(incident(TEXT, date="2024-06-01"), gold)


def test_wrong_oblast_does_not_match() -> None:
    pred = incident(TEXT, name="Sumy", admin1="Sumy Oblast")
    gold = gold_incident()
    assert not location_agrees(pred, gold)
    assert not incident_matches(pred, gold)
    [pair] = align_incidents([pred], [gold])
    assert not pair.matched


def test_oblast_spellings_agree() -> None:
    pred = incident(TEXT, name=None, admin1="Zaporizhzhia Oblast")
    assert location_agrees(pred, gold_incident(place=None, admin1="Zaporizhzhya oblast", where_prec=4))


def test_place_agrees_by_name_by_coordinates_and_not_by_an_oblast() -> None:
    gold = gold_incident(place="Balakliya town", where_prec=1, lat=49.4630, lon=36.8574)
    assert place_agrees(incident(TEXT, name="Balakliia"), gold)
    assert place_agrees(incident(TEXT, name="Balakliia urban hromada", lat=49.46, lon=36.86), gold)
    assert not place_agrees(incident(TEXT, name="Izium", lat=49.21, lon=37.25), gold)
    assert not place_agrees(incident(TEXT, name="Kharkiv Oblast"), gold_incident(place="Kharkiv town"))
    oblast_level = gold_incident(place="Kharkiv Oblast", where_prec=4)
    assert not place_agrees(incident(TEXT, name="Kharkiv"), oblast_level)


def test_place_agreement_rescues_an_oblast_disagreement() -> None:
    pred = incident(TEXT, name="Kharkiv", admin1=None)
    assert location_agrees(pred, gold_incident(place="Kharkiv town", admin1="Kharkiv Oblast"))


def test_gold_without_place_or_oblast_wants_none() -> None:
    gold = gold_incident(place=None, admin1=None)
    assert location_agrees(incident(TEXT, name=None, admin1=None), gold)
    assert not location_agrees(incident(TEXT, name="Kyiv", admin1="Kyiv City"), gold)


def test_evidence_must_overlap_when_gold_gives_it() -> None:
    gold = gold_incident(evidence=(KHARKIV,))
    inside = incident(TEXT, evidence={"killed": "killing three people"})
    elsewhere = incident(TEXT, evidence={"location": "In Sumy, a missile hit a bus depot overnight"})
    assert incident_matches(inside, gold)
    assert not incident_matches(elsewhere, gold)
    assert not incident_matches(incident(TEXT), gold)


def test_texts_overlap_on_a_shared_run_of_words() -> None:
    assert texts_overlap("Strike killed three people in Kharkiv, he said.", "killed three people in Kharkiv")
    assert texts_overlap("drone struck an apartment block in", "A drone struck an apartment block at night")
    assert not texts_overlap("drone struck a school", "a missile struck a school")


def test_missed_incident_and_one_to_one() -> None:
    gold_a = gold_incident(evidence=(KHARKIV,))
    gold_b = gold_incident(place="Sumy", admin1="Sumy Oblast", evidence=("In Sumy, a missile hit a bus depot",))
    pred = incident(TEXT, evidence={"location": "Kharkiv"})
    pairs = align_incidents([pred], [gold_a, gold_b])
    assert [(p.gold, p.pred, p.matched) for p in pairs] == [(0, 0, True)]


def test_each_prediction_goes_to_its_best_gold() -> None:
    gold_a = gold_incident(place="Sumy", admin1="Sumy Oblast")
    gold_b = gold_incident()
    pred_x = incident(TEXT, ident="x")
    pred_y = incident(TEXT, name="Sumy", admin1="Sumy Oblast", ident="y")
    pairs = align_incidents([pred_x, pred_y], [gold_a, gold_b])
    assert [(p.gold, p.pred, p.matched) for p in pairs] == [(0, 1, True), (1, 0, True)]


def test_leftovers_are_aligned_but_not_matched() -> None:
    pred = incident(TEXT, name="Odesa", admin1="Odesa Oblast", date="2024-05-01")
    [pair] = align_incidents([pred], [gold_incident()])
    assert (pair.gold, pair.pred, pair.matched) == (0, 0, False)


def test_ucdp_low_high_scoring() -> None:
    ucdp = GoldCount(low=2, best=3, high=5)
    assert count_agrees(exact(2), ucdp)
    assert count_agrees(exact(5), ucdp)
    assert not count_agrees(exact(6), ucdp)
    assert not count_agrees(exact(1), ucdp)
    assert count_agrees(Count(4, None, "at least"), ucdp)
    assert not count_agrees(None, ucdp)


def test_worded_counts_score_exactly() -> None:
    assert count_agrees(exact(3), gold_exact(3))
    assert not count_agrees(exact(4), gold_exact(3))
    assert count_agrees(Count(None, 325000, "up to"), GoldCount(min=None, max=325000))
    assert not count_agrees(Count(0, 0), None)
    assert count_agrees(None, None)
    assert not count_agrees(None, gold_exact(0))


def test_claim_match_rules() -> None:
    text = "British intelligence estimates that 450,000 Russian troops were killed or wounded."
    pred = claim(text, metric="casualties", low=450000, high=450000, claimant="British Defence Intelligence")
    gold = gold_claim(metric="casualties", low=450000, high=450000, claimant="British Defence Intelligence")
    assert claim_matches(pred, gold)
    assert not claim_matches(claim(text, metric="killed", low=450000, high=450000), gold)
    assert not claim_matches(claim(text, metric="casualties", low=45000, high=45000), gold)
    assert not claim_matches(claim(text, side="Ukraine", metric="casualties", low=450000, high=450000), gold)
    assert not claim_matches(claim(text, metric="casualties", low=450000, high=450000, claimant="Mediazona"), gold)
    assert claim_matches(claim(text, metric="casualties", low=450000, high=450000, claimant=None),
                         gold_claim(metric="casualties", low=450000, high=450000, claimant=None))


def test_an_open_bound_is_open_however_a_gold_set_writes_it() -> None:
    text = "The office says more than 2,000 Russian troops were killed and up to 350,000 wounded."
    more = claim(text, low=2000, high=None, qualifier="more than")
    assert claim_matches(more, gold_claim(low=2000, high=2000, qualifier="more than"))
    assert claim_matches(more, gold_claim(low=2000, high=None, qualifier="more than"))
    assert not claim_matches(more, gold_claim(low=2000, high=2500, qualifier="range"))
    assert not claim_matches(claim(text, low=2000, high=2000), gold_claim(low=2000, high=None, qualifier="at least"))
    up_to = claim(text, metric="injured", low=None, high=350000, qualifier="up to")
    assert claim_matches(up_to, gold_claim(metric="injured", low=350000, high=350000, qualifier="up to"))


def test_claimants_by_acronym_and_containment() -> None:
    assert claimant_agrees("Center for Strategic and International Studies", "CSIS")
    assert claimant_agrees("CSIS", "Centre for Strategic and International Studies")
    assert claimant_agrees("the CSIS report", "CSIS")
    assert claimant_agrees("UK MoD", "UK Ministry of Defence")
    assert not claimant_agrees("Mediazona", "CSIS")
    assert not claimant_agrees(None, "CSIS")
    assert claimant_agrees(None, None)


def test_claims_are_matched_one_to_one() -> None:
    text = "Up to 5,000 were killed, officials said; up to 5,000 were killed, they repeated."
    preds = [claim(text, low=None, high=5000, ident="a"), claim(text, low=None, high=5000, ident="b")]
    pairs = match_claims(preds, [gold_claim(low=None, high=5000)])
    assert [(p.gold, p.pred) for p in pairs] == [(0, 0)]


def test_claimants_by_their_words() -> None:
    assert claimant_agrees("General Staff of the Armed Forces of Ukraine", "Ukraine's General Staff")
    assert not claimant_agrees("Russian Ministry of Defence", "UK Ministry of Defence")


def test_a_generic_word_is_no_claimant() -> None:
    assert not claimant_agrees("Ministry", "UK Ministry of Defence")
    assert claimant_agrees("Mediazona", "Mediazona and the BBC Russian service")
    assert claimant_agrees("Regional prosecutor's office", "Kharkiv regional prosecutor's office")
    assert claimant_agrees("Ukraine's President", "Ukraine's President Volodymyr Zelensky")
