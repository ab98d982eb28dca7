"""score_item: every figure's tally on one gold item with a hand-built prediction."""
from __future__ import annotations

from dataclasses import replace

from eval_builders import claim, exact, extraction, gold_claim, gold_exact, gold_incident, incident, item

from warledger.eval.gold import GoldCount
from warledger.eval.scoring import document_type, score_item
from warledger.records import Count

TEXT = ("Russian drones struck Kharkiv overnight, killing three people and injuring 12, governor Oleh Syniehubov "
        "said on Wednesday. A guided bomb hit a village near Kupiansk on Monday, wounding two.")
KHARKIV = "Russian drones struck Kharkiv overnight, killing three people and injuring 12"
KUPIANSK = "A guided bomb hit a village near Kupiansk on Monday, wounding two."


def gold_item(**kw: object) -> object:
    return item(TEXT, incidents=(
        gold_incident(date="2024-05-14", killed=gold_exact(3), injured=gold_exact(12), evidence=(KHARKIV,)),
        gold_incident(date="2024-05-13", place="Kupiansk", injured=gold_exact(2), evidence=(KUPIANSK,)),
    ), **kw)  # type: ignore[arg-type]


def kharkiv(**kw: object) -> object:
    base = dict(date="2024-05-14", killed=exact(3), injured=exact(12),
                evidence={"killed": "killing three people", "injured": "injuring 12", "date": "overnight"})
    base.update(kw)
    return incident(TEXT, **base)  # type: ignore[arg-type]


def test_exact_prediction_scores_full_marks() -> None:
    kupiansk = incident(TEXT, date="2024-05-13", name="Kupiansk", injured=exact(2), ident="inc-2",
                        evidence={"injured": "wounding two", "date": "on Monday"})
    score = score_item(gold_item(), extraction(TEXT, [kharkiv(), kupiansk]))
    assert (score.gold_incidents, score.predicted_incidents, score.matched_incidents) == (2, 2, 2)
    for name in ("oblast", "place", "date_exact", "date_within_1", "killed_exact", "injured_exact",
                 "event_type_accuracy"):
        assert score.ratios[name].hit == score.ratios[name].total > 0, name
    assert score.invented.total == 0
    assert score.problems == []


def test_missed_incident_counts_against_recall_and_fields() -> None:
    score = score_item(gold_item(), extraction(TEXT, [kharkiv()]))
    assert (score.gold_incidents, score.predicted_incidents, score.matched_incidents) == (2, 1, 1)
    assert (score.ratios["oblast"].hit, score.ratios["oblast"].total) == (1, 2)
    assert (score.ratios["place"].hit, score.ratios["place"].total) == (1, 2)
    assert any(text.startswith("missed gold incident") for _, text in score.problems)


def test_off_by_one_day_matches_but_is_not_exact() -> None:
    score = score_item(gold_item(), extraction(TEXT, [kharkiv(date="2024-05-15")]))
    assert score.matched_incidents == 1
    assert score.ratios["date_exact"].hit == 0
    assert score.ratios["date_within_1"].hit == 1


def test_wrong_oblast_is_a_miss_and_a_wrong_field() -> None:
    wrong = kharkiv(name="Sumy", admin1="Sumy Oblast")
    score = score_item(gold_item(), extraction(TEXT, [wrong]))
    assert score.matched_incidents == 0
    assert score.ratios["oblast"].hit == 0
    assert "killed_exact" not in score.ratios
    assert any("oblast Sumy Oblast" in text for _, text in score.problems)


def test_invented_place_number_and_date_are_counted() -> None:
    invented = kharkiv(name="Chuhuiv", admin1="Kharkiv Oblast", killed=exact(4), injured=None, date="2024-05-10",
                       evidence={"killed": "killing three people"})
    score = score_item(gold_item(), extraction(TEXT, [invented]))
    assert score.invented.places == ["Chuhuiv"]
    assert score.invented.numbers == ["killed=4"]
    assert score.invented.dates == ["2024-05-10"]
    assert sum(1 for _, text in score.problems if text.startswith("invented")) == 3


def test_publication_date_needs_no_evidence() -> None:
    pred = kharkiv(date="2024-05-15", evidence={"killed": "killing three people"})
    score = score_item(gold_item(), extraction(TEXT, [pred]))
    assert score.invented.dates == []


def test_ucdp_tolls_score_inside_low_high_when_a_count_is_given() -> None:
    text = "Shelling of Bakhmut killed four civilians, the regional administration said."
    gold = item(text, incidents=(gold_incident(place="Bakhmut town", admin1="Donetsk oblast", where_prec=1,
                                               killed=GoldCount(low=2, best=4, high=6)),))
    inside = incident(text, name="Bakhmut", admin1="Donetsk Oblast", killed=exact(4),
                      evidence={"killed": "killed four civilians"})
    outside = incident(text, name="Bakhmut", admin1="Donetsk Oblast", killed=exact(9))
    silent = incident(text, name="Bakhmut", admin1="Donetsk Oblast")
    assert score_item(gold, extraction(text, [inside])).ratios["killed_in_range"].hit == 1
    assert score_item(gold, extraction(text, [outside])).ratios["killed_in_range"].hit == 0
    quiet = score_item(gold, extraction(text, [silent]))
    assert "killed_in_range" not in quiet.ratios
    assert (quiet.ratios["killed_given"].hit, quiet.ratios["killed_given"].total) == (0, 1)


def test_document_labels_and_no_incident() -> None:
    text = "The foreign ministers met in Geneva to discuss a prisoner exchange."
    negative = item(text, event_type=None, labels_document=True)
    assert score_item(negative, extraction(text)).ratios["no_incident"].hit == 1
    spurious = score_item(negative, extraction(text, [incident(text, name=None, admin1=None)]))
    assert spurious.ratios["no_incident"].hit == 0
    assert spurious.type_pairs == [(None, "Air/drone strike")]
    positive = item(TEXT, event_type="Air/drone strike", labels_document=True)
    good = score_item(positive, extraction(TEXT, [kharkiv()]))
    assert good.ratios["event_type_accuracy"].hit == 1 and good.gold_incidents == 0


def test_document_type_is_the_most_confident_incidents() -> None:
    low = incident(TEXT, event_type="Shelling/artillery/missile attack", confidence=0.4)
    high = incident(TEXT, event_type="Armed clash", confidence=0.9)
    tie = incident(TEXT, event_type="Attack", confidence=0.9)
    assert document_type([low, high, tie]) == "Armed clash"
    assert document_type([]) is None


def test_zero_incident_gold_asks_for_nothing() -> None:
    text = "Putin said Russia will take the whole of Donbas by force if talks fail."
    assert score_item(item(text), extraction(text)).ratios["no_incident"].hit == 1
    hit = score_item(item(text), extraction(text, [incident(text, name=None, admin1="Donetsk Oblast")]))
    assert hit.ratios["no_incident"].hit == 0 and hit.predicted_incidents == 1


def test_claims_and_their_fields() -> None:
    text = ("The UK Ministry of Defence estimated that up to 50,000 Russian soldiers were killed between "
            "February 2022 and May 2024.")
    gold = item(text, claims=(gold_claim(low=None, high=50000, qualifier="up to", period=("2022-02", "2024-05")),))
    good = claim(text, low=None, high=50000, qualifier="up to", period=("2022-02-24", "2024-05-31"),
                 evidence={"max": "up to 50,000", "period": "between February 2022 and May 2024"})
    score = score_item(gold, extraction(text, [], [good]))
    assert (score.gold_claims, score.predicted_claims, score.matched_claims) == (1, 1, 1)
    for name in ("claim_qualifier", "claim_period", "claim_projection"):
        assert score.ratios[name].hit == 1, name
    wrong = claim(text, low=None, high=50000, qualifier="about", projection=True, evidence={"max": "up to 50,000"})
    bad = score_item(gold, extraction(text, [], [wrong]))
    assert bad.ratios["claim_qualifier"].hit == 0 and bad.ratios["claim_projection"].hit == 0
    assert bad.ratios["claim_period"].hit == 0
    invented = claim(text, low=None, high=60000, evidence={"max": "up to 50,000"})
    missed = score_item(gold, extraction(text, [], [invented]))
    assert missed.matched_claims == 0 and missed.invented.numbers == ["killed=60000"]


def test_skipped_text_scores_as_no_prediction() -> None:
    score = score_item(gold_item(), None)
    assert (score.predicted_incidents, score.matched_incidents) == (0, 0)
    assert score.predicted_lines == []


def test_near_caption_counts_are_one_incident_in_gold() -> None:
    text = "At least two people were killed near Kyiv.\n\nRussian strikes killed a couple near Kyiv on Wednesday."
    gold = item(text, incidents=(gold_incident(place="Kyiv", admin1="Kyiv Oblast", killed=gold_exact(2),
                                               date="2026-01-28", evidence=(
                                                   "Russian strikes killed a couple near Kyiv on Wednesday.",
                                                   "At least two people were killed near Kyiv.")),),
                published="2026-01-28")
    pred = incident(text, name="Kyiv", admin1="Kyiv Oblast", date="2026-01-28", killed=Count(2, 2, "about"),
                    evidence={"killed": "killed a couple"})
    score = score_item(gold, extraction(text, [pred], published="2026-01-28"))
    assert score.matched_incidents == 1 and score.ratios["killed_exact"].hit == 1
    assert score.invented.total == 0


def test_a_toll_the_gold_does_not_code_is_not_scored() -> None:
    text = "Shelling of Bakhmut killed four civilians and wounded two, the regional administration said."
    ucdp_style = replace(gold_incident(place="Bakhmut", admin1="Donetsk Oblast",
                                       killed=GoldCount(low=4, best=4, high=4)), coded=("killed",))
    pred = incident(text, name="Bakhmut", admin1="Donetsk Oblast", killed=exact(4), injured=exact(2),
                    evidence={"killed": "killed four civilians", "injured": "wounded two"})
    score = score_item(item(text, incidents=(ucdp_style,)), extraction(text, [pred]))
    assert "injured_exact" not in score.ratios and score.ratios["killed_in_range"].hit == 1
    coded = score_item(item(text, incidents=(gold_incident(place="Bakhmut", admin1="Donetsk Oblast"),)),
                       extraction(text, [pred]))
    assert coded.ratios["injured_exact"].hit == 0 and coded.ratios["killed_exact"].hit == 0
