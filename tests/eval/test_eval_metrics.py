"""Precision/recall/F1, macro-F1 on a toy confusion matrix worked out by hand, and per-set sums."""
from __future__ import annotations

import pytest
from eval_builders import item

from warledger.eval.metrics import ARMED_CONFLICT_TYPES, FIGURES, ItemScore, class_f1, macro_f1, prf, summarise

AIR, SHELL, CLASH = "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"


def test_prf() -> None:
    assert prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert prf(0, 0, 0) == (None, None, None)
    assert prf(0, 0, 5) == (None, 0.0, 0.0)
    assert prf(0, 2, 0) == (0.0, None, 0.0)
    assert prf(2, 2, 2) == (1.0, 1.0, 1.0)


def test_macro_f1_on_a_toy_confusion_matrix() -> None:
    # gold -> predicted, by hand:
    #   Air:   tp 2 (two right), fn 1 (called Shelling), fp 1 (a no-incident text called Air)  F1 = 4/6
    #   Shell: tp 1, fp 1 (the Air one), fn 1 (predicted nothing)                              F1 = 2/4
    #   Clash: tp 1, fp 1 (a protest called a clash), fn 0                                     F1 = 2/3
    #   every other armed-conflict class occurs nowhere and is left out of the mean.
    pairs = [(AIR, AIR), (AIR, AIR), (AIR, SHELL), (SHELL, SHELL), (SHELL, None), (CLASH, CLASH), (None, AIR),
             ("Peaceful protest", CLASH)]
    value, per_class = macro_f1(pairs)
    assert per_class == pytest.approx({AIR: 4 / 6, SHELL: 0.5, CLASH: 2 / 3})
    assert value == pytest.approx((4 / 6 + 0.5 + 2 / 3) / 3)
    assert value == pytest.approx(0.6111, abs=1e-4)


def test_macro_f1_ignores_classes_outside_the_list_and_empty_input() -> None:
    assert macro_f1([("Peaceful protest", "Peaceful protest")]) == (None, {})
    assert macro_f1([]) == (None, {})
    assert class_f1([(AIR, SHELL)], AIR) == 0.0
    assert class_f1([(AIR, SHELL)], CLASH) is None


def test_the_class_list_is_the_documented_one() -> None:
    assert len(ARMED_CONFLICT_TYPES) == 13
    assert "Disrupted weapons use" in ARMED_CONFLICT_TYPES and "Peaceful protest" not in ARMED_CONFLICT_TYPES


def test_summarise_adds_up_items() -> None:
    one = ItemScore(item=item("a"), set_name="s", gold_incidents=2, predicted_incidents=3, matched_incidents=2,
                    gold_claims=1, predicted_claims=0)
    one.ratio("oblast").add(True)
    one.ratio("oblast").add(False)
    one.type_pairs += [(AIR, AIR), (SHELL, AIR)]
    two = ItemScore(item=item("b"), set_name="s", gold_incidents=2, predicted_incidents=1, matched_incidents=1)
    two.ratio("oblast").add(True)
    two.invented.numbers.append("killed=9")
    two.invented.numbers_checked = 4
    report = summarise("s", path="s.jsonl", sha256="0" * 64, scores=[one, two])
    assert report.items == 2
    assert report.figures["incident_precision"] == pytest.approx(3 / 4)
    assert report.figures["incident_recall"] == pytest.approx(3 / 4)
    assert report.figures["incident_f1"] == pytest.approx(3 / 4)
    assert report.figures["oblast"] == pytest.approx(2 / 3) and report.support["oblast"] == 3
    assert report.figures["claim_recall"] == 0.0 and report.figures["claim_precision"] is None
    assert report.figures["event_type_macro_f1"] == pytest.approx((2 / 3 + 0.0) / 2)
    assert report.figures["place"] is None and report.support["place"] == 0
    assert report.invented == {"invented_numbers": 1, "invented_places": 0, "invented_dates": 0}
    assert report.support["invented_numbers"] == 4
    assert set(report.figures) == {key for key, _ in FIGURES}


def test_loss_weighs_problems() -> None:
    score = ItemScore(item=item("a"), set_name="s")
    score.problem(3.0, "missed")
    score.problem(1.0, "wrong date")
    assert score.loss == 4.0
