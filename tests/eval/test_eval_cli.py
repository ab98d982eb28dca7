"""``warledger eval`` and ``warledger review`` wiring, with a stand-in extractor (the real one is the gate's)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from eval_builders import exact, extraction, incident

from warledger.cli import eval as eval_cli
from warledger.errors import ConfigError, InputError
from warledger.eval import run
from warledger.eval.gold import GoldItem
from warledger.records import Extraction

GOLD = [
    {"id": "g-1", "published": "2024-05-15", "text": "A drone hit Kharkiv on Tuesday, killing three people.",
     "incidents": [{"date": "2024-05-14", "date_precision": "day", "event_type": "Air/drone strike",
                    "place": "Kharkiv", "admin1": "Kharkiv Oblast", "killed_min": 3, "killed_max": 3,
                    "evidence": "A drone hit Kharkiv on Tuesday, killing three people."}], "claims": []},
    {"id": "g-2", "published": "2024-05-15", "text": "Shelling of Nikopol on Tuesday wounded two men.",
     "incidents": [{"date": "2024-05-14", "date_precision": "day", "event_type": "Shelling/artillery/missile attack",
                    "place": "Nikopol", "admin1": "Dnipropetrovsk Oblast", "injured_min": 2, "injured_max": 2,
                    "evidence": "Shelling of Nikopol on Tuesday wounded two men."}], "claims": []},
]


def stand_in(item: GoldItem) -> Extraction:
    """Finds the Kharkiv strike only, and gets it right."""
    if "Kharkiv" not in item.text:
        return extraction(item.text, published=item.published)
    found = incident(item.text, date="2024-05-14", killed=exact(3),
                     evidence={"killed": "killing three people", "date": "on Tuesday"})
    return extraction(item.text, [found], published=item.published)


@pytest.fixture()
def gold_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(run, "pipeline_extractor", lambda: stand_in)
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    return path


def call(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="warledger")
    eval_cli.register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return int(args.func(args))


def test_table(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert call("eval", str(gold_file)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["figure", "tiny"]
    rows = {line.split()[0]: line.split()[1:] for line in out[2:]}
    assert rows["items"] == ["2"]
    assert rows["incident_precision"] == ["1.000", "(1)"]
    assert rows["incident_recall"] == ["0.500", "(2)"]
    assert rows["oblast"] == ["0.500", "(2)"]
    assert rows["invented_numbers"] == ["0/1"]
    assert "claim_f1" not in rows


def test_json_and_errors(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert call("eval", str(gold_file), "--format", "json", "--errors", "5") == 0
    data = json.loads(capsys.readouterr().out)
    [tiny] = data["sets"]
    assert tiny["figures"]["incident_f1"] == pytest.approx(2 / 3)
    assert tiny["support"]["oblast"] == 2
    [miss] = data["errors"]
    assert miss["id"] == "g-2" and miss["problems"][0].startswith("missed gold incident")


def test_errors_listing_shows_text_gold_and_prediction(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    call("eval", str(gold_file), "--errors", "1")
    out = capsys.readouterr().out
    assert "#1 g-2 (tiny:2), loss 3" in out
    assert "text: Shelling of Nikopol on Tuesday wounded two men." in out
    assert "predicted: nothing" in out and "gold:      2024-05-14 · Nikopol, Dnipropetrovsk Oblast" in out


def test_limit(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    call("eval", str(gold_file), "--limit", "1", "--format", "json")
    assert json.loads(capsys.readouterr().out)["sets"][0]["figures"]["incident_recall"] == 1.0


def test_write_then_check_baseline(gold_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    baseline = tmp_path / "eval" / "baseline.json"
    assert call("eval", str(gold_file), "--write-baseline", "--baseline", str(baseline)) == 0
    pinned = json.loads(baseline.read_text(encoding="utf-8"))
    assert pinned["sets"]["tiny"]["floors"]["incident_recall"] == pytest.approx(0.48)
    assert call("eval", str(gold_file), "--check-baseline", "--baseline", str(baseline)) == 0
    monkeypatch.setattr(run, "pipeline_extractor", lambda: lambda item: extraction(item.text))
    assert call("eval", str(gold_file), "--check-baseline", "--baseline", str(baseline)) == 1
    assert "incident_recall 0.000 is below its floor 0.480" in capsys.readouterr().err


def test_needs_gold_or_builtin() -> None:
    with pytest.raises(ConfigError, match="--builtin"):
        call("eval")


def test_limit_and_baseline_do_not_mix(gold_file: Path) -> None:
    with pytest.raises(ConfigError, match="--limit"):
        call("eval", str(gold_file), "--limit", "1", "--write-baseline")


def test_malformed_gold_is_one_line(tmp_path: Path, gold_file: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOLD[0]) + "\n" + json.dumps({"text": "x", "incidents": [{"killed_min": -1}]}) + "\n",
                   encoding="utf-8")
    with pytest.raises(InputError) as caught:
        call("eval", str(bad))
    assert f"{bad}: line 2: incident 1: killed_min" in str(caught.value)


def test_review_from_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "A drone hit Kharkiv on Tuesday, killing three people."
    records = extraction(text, [incident(text, confidence=0.2, ident="weak", evidence={"killed": "killing three"}),
                                incident(text, confidence=0.95, ident="strong")])
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records.records()) + "\n", encoding="utf-8")
    assert call("review", str(path), "-n", "1") == 0
    out = capsys.readouterr().out
    assert out.startswith("#1 0.20 incident weak") and "killed: killing three" in out and "strong" not in out


def test_review_from_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = pytest.importorskip("warledger.store")
    text = "A drone hit Kharkiv on Tuesday, killing three people."
    one = extraction(text, [incident(text, confidence=0.4, ident="only")])
    one.article.content_hash = "h"
    db = tmp_path / "w.duckdb"
    with store.Ledger(db) as ledger:
        ledger.add(one)
    assert call("review", "--db", str(db)) == 0
    assert capsys.readouterr().out.startswith("#1 0.40 incident only")


def test_review_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "A drone hit Kharkiv on Tuesday, killing three people."
    records = extraction(text, [incident(text, confidence=0.5, ident="one", evidence={"killed": "killing three"})])
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records.records()) + "\n", encoding="utf-8")
    assert call("review", str(path), "--format", "json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == "one" and row["kind"] == "incident" and row["confidence"] == 0.5
    assert row["evidence"] == [{"field": "killed", "text": "killing three"}]


def test_check_baseline_shows_the_tightest_figures(gold_file: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    call("eval", str(gold_file), "--write-baseline", "--baseline", str(baseline))
    capsys.readouterr()
    assert call("eval", str(gold_file), "--check-baseline", "--baseline", str(baseline)) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].split() == ["set", "figure", "bound", "now", "room"]
    assert err[-1].startswith("gate: every figure at or above its floor")
