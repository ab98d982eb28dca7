"""Confidence calibration: pool-adjacent-violators, the fit, reliability and ECE, the sets used, the shipped table."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from eval_builders import claim, exact, extraction, gold_claim, gold_exact, gold_incident, incident, item

from warledger.cli import eval as eval_cli
from warledger.eval import calibration, run
from warledger.eval.calibration import (
    Outcome,
    calibration_sets,
    check_fitted_on,
    collect_outcomes,
    cross_validated,
    expected_calibration_error,
    fit,
    pool_adjacent_violators,
    reliability,
    write_table,
)
from warledger.eval.gold import GoldItem, GoldSet, load_sets
from warledger.extract.confidence import Knot, load_table, read_table
from warledger.records import Extraction

ROOT = Path(__file__).resolve().parents[2]


def outcomes(*rows: tuple[float, bool], kind: str = "incident") -> list[Outcome]:
    return [Outcome(kind, raw, correct, n) for n, (raw, correct) in enumerate(rows)]


def blocks(values: list[float], weights: list[float], **options: bool) -> list[tuple[int, int, float]]:
    return [(b.start, b.end, round(b.value, 6)) for b in pool_adjacent_violators(values, weights, **options)]


def test_pav_on_a_sequence_worked_by_hand() -> None:
    # 1 | 1,0 -> 0.5 | 1 | 1,0 -> 0.5 (not below 0.5: kept) | 0 -> (1,0,0) = 1/3 < 0.5 -> (1,0,1,0,0) = 0.4 | 1
    assert blocks([1, 0, 1, 0, 0, 1], [1] * 6) == [(0, 5, 0.4), (5, 6, 1.0)]
    assert blocks([1, 3, 2, 4], [1] * 4) == [(0, 1, 1.0), (1, 3, 2.5), (3, 4, 4.0)]


def test_pav_weights_and_strictness() -> None:
    assert blocks([0.9, 0.1], [1, 3]) == [(0, 2, 0.3)]
    assert blocks([0.5, 0.5, 1.0], [1, 1, 1]) == [(0, 1, 0.5), (1, 2, 0.5), (2, 3, 1.0)]
    assert blocks([0.5, 0.5, 1.0], [1, 1, 1], strict=True) == [(0, 2, 0.5), (2, 3, 1.0)]
    with pytest.raises(ValueError):
        pool_adjacent_violators([1.0], [1.0, 2.0])


def test_fit_shrinks_each_block_towards_its_mean_raw_score() -> None:
    # shares 0, 0.5, 1 at raw 0.2, 0.5, 0.8, two predictions each; prior worth 2 predictions:
    # (0 + 2*0.2)/4 = 0.1, (1 + 2*0.5)/4 = 0.5, (2 + 2*0.8)/4 = 0.9
    data = outcomes((0.2, False), (0.2, False), (0.5, True), (0.5, False), (0.8, True), (0.8, True))
    assert fit(data, min_support=2, prior_weight=2) == (Knot(0.2, 0.1, 2), Knot(0.5, 0.5, 2), Knot(0.8, 0.9, 2))


def test_fit_pools_violators_and_blocks_below_the_minimum_support() -> None:
    data = outcomes((0.3, True), (0.4, False), (0.6, True), (0.6, True), (0.6, True))
    # 1 then 0 violate: pooled into 0.5 at mean raw 0.35; 0.6 stays at 1.0
    assert fit(data, min_support=2, prior_weight=0) == (Knot(0.35, 0.5, 2), Knot(0.6, 0.99, 3))
    # with a support of 4 the remainder (3 predictions) joins the first block: 4/5 at mean raw 2.5/5
    assert fit(data, min_support=4, prior_weight=0) == (Knot(0.5, 0.8, 5),)
    assert fit([], min_support=4) == ()


def test_reliability_and_ece_worked_by_hand() -> None:
    pairs = [(0.15, True), (0.15, False), (0.95, True), (1.0, True)]
    rows = reliability(pairs)
    assert [(r.low, r.count, round(r.confidence, 3), r.precision) for r in rows] == [
        (0.1, 2, 0.15, 0.5), (0.9, 2, 0.975, 1.0)]
    # (2 * |0.5 - 0.15| + 2 * |1 - 0.975|) / 4 = 0.1875
    assert expected_calibration_error(pairs) == pytest.approx(0.1875)
    assert expected_calibration_error([]) is None


def test_cross_validation_maps_each_fold_with_a_table_fitted_on_the_others() -> None:
    data = outcomes(*[(0.5, i % 2 == 0) for i in range(20)])
    pairs = cross_validated(data, folds=2)
    # fold 0 holds the correct predictions and is mapped by the wrong ones' table, and the other way round
    wrong_only = fit(o for o in data if not o.correct)
    assert sorted({p for p, _ in pairs}) == sorted({wrong_only[0].value, fit(o for o in data if o.correct)[0].value})
    assert len(pairs) == 20


def test_calibration_uses_only_sets_that_code_every_incident(tmp_path: Path) -> None:
    ucdp = tmp_path / "ucdp-like.jsonl"
    ucdp.write_text(json.dumps({
        "id": "u-1", "published": "2024-05-15", "text": "Shelling of Nikopol killed two.",
        "incidents": [{"date": "2024-05-14", "place": "Nikopol", "admin1": "Dnipropetrovsk Oblast",
                       "killed_low": 2, "killed_best": 2, "killed_high": 2}], "claims": []}) + "\n", encoding="utf-8")
    sets = load_sets([ucdp], builtin=True)
    assert [s.name for s in calibration_sets(sets)] == ["headlines", "articles"]


TEXT = "A drone hit Kharkiv on Tuesday, killing three people. The UK Ministry of Defence said 500 Russians were killed."


def stand_in(gold: GoldItem) -> Extraction:
    """Finds the strike (raw 0.9) and a spurious one (raw 0.4), the right claim (0.8) and a wrong one (0.6)."""
    found = incident(gold.text, killed=exact(3), confidence=0.9, evidence={"killed": "killing three people"})
    spurious = incident(gold.text, name="Odesa", admin1="Odesa Oblast", confidence=0.4, ident="inc-2")
    right = claim(gold.text, low=500, high=500, confidence=0.8)
    wrong = claim(gold.text, low=50, high=50, confidence=0.6, ident="claim-2")
    return extraction(gold.text, [found, spurious], [right, wrong], published=gold.published)


def one_item_set(path: str = "inline") -> GoldSet:
    gold = item(TEXT, incidents=(gold_incident(killed=gold_exact(3), evidence=(TEXT.split(". ")[0] + ".",)),),
                claims=(gold_claim(low=500, high=500),))
    return GoldSet(name="inline", path=path, sha256="0" * 64, items=[gold])


def test_collect_outcomes_marks_matched_predictions_correct() -> None:
    found = collect_outcomes([one_item_set()], extractor=stand_in)
    assert [(o.kind, o.raw, o.correct) for o in found] == [
        ("incident", 0.9, True), ("incident", 0.4, False), ("claim", 0.8, True), ("claim", 0.6, False)]


def test_write_table_records_the_gold_files_and_a_changed_one_is_reported(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("{}\n", encoding="utf-8")
    gold = GoldSet(name="gold", path=str(gold_path), sha256=calibration.file_sha256(gold_path), items=[])
    knots = {"incident": (Knot(0.5, 0.6, 10), Knot(0.9, 0.95, 12)), "claim": (Knot(0.8, 0.9, 20),)}
    table = read_table(write_table(knots, [gold], tmp_path / "table.tsv"))
    assert table.knots == knots
    assert [(e.name, e.source) for e in table.fitted_on] == [("gold", str(gold_path))]
    assert check_fitted_on(table) == []
    gold_path.write_text('{"edited": true}\n', encoding="utf-8")
    assert "gold" in check_fitted_on(table)[0]


def test_the_shipped_table_was_fitted_on_the_shipped_gold_files() -> None:
    """Like the baseline: editing a gold file forces a refit of the confidence table."""
    table = load_table()
    builtin = [e for e in table.fitted_on if e.source.startswith("builtin:")]
    assert {e.name for e in builtin} == {"headlines", "articles"}
    problems = check_fitted_on(table, base=ROOT)
    assert not problems, "; ".join(problems)


def call(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="warledger")
    eval_cli.register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return int(args.func(args))


@pytest.fixture()
def gold_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(run, "pipeline_extractor", lambda: stand_in)
    path = tmp_path / "tiny.jsonl"
    line = {"id": "g-1", "published": "2024-05-15", "text": TEXT,
            "incidents": [{"date": "2024-05-14", "place": "Kharkiv", "admin1": "Kharkiv Oblast", "killed_min": 3,
                           "killed_max": 3, "evidence": TEXT.split(". ")[0] + "."}],
            "claims": [{"side": "Russia", "population": "military", "metric": "killed", "min": 500, "max": 500,
                        "qualifier": "exact", "claimant": "UK Ministry of Defence"}]}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def test_cli_calibrate_writes_the_table_and_prints_its_reliability(
        gold_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "calibration.tsv"
    monkeypatch.setattr(calibration, "default_path", lambda: target)
    assert call("eval", str(gold_file), "--calibrate") == 0
    out = capsys.readouterr().out
    assert "incidents: 2 predicted, 1 correct (precision 0.500)" in out
    assert "claims: 2 predicted, 1 correct" in out
    table = read_table(target)
    assert [e.name for e in table.fitted_on] == ["tiny"]
    assert table.knots["incident"] == (Knot(0.65, 0.625, 2),)  # (1 correct + 10 * 0.65) / (2 + 10)


def test_cli_calibration_json_and_refusals(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert call("eval", str(gold_file), "--calibration", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    kinds = {k["kind"]: k for k in data["calibration"]["kinds"]}
    assert kinds["incident"]["count"] == 2 and kinds["incident"]["ece_raw"] == pytest.approx((0.1 + 0.4) / 2)
    with pytest.raises(eval_cli.ConfigError, match="--limit"):
        call("eval", str(gold_file), "--calibrate", "--limit", "1")
