"""Merge decisions measured on the project's gold file of report pairs: the floors of issue 4."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from warledger.errors import InputError
from warledger.fuse.compare import DEFAULT_SETTINGS
from warledger.fuse.evaluate import pairwise_scores, read_pairs

PAIRS = Path(__file__).resolve().parents[2] / "warledger" / "fuse" / "data" / "fusion_pairs.jsonl"
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.90


def test_gold_file_is_large_and_covers_the_hard_negatives() -> None:
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 60
    notes = " | ".join(p.note for p in pairs if not p.same)
    for kind in ("different targets", "neighbouring villages", "a week apart", "oblast-level", "two candidate"):
        assert kind in notes, kind
    assert any("12 then 23" in p.note for p in pairs if p.same)
    assert sum(p.same for p in pairs) >= 25 and sum(not p.same for p in pairs) >= 25


def test_gold_evidence_indexes_its_article_text() -> None:
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for side in (row["a"], row["b"], *row["context"]):
            text = side["article"]["text"]
            for ev in side["incident"]["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["text"]


def test_pairwise_precision_and_recall_meet_the_floors() -> None:
    scores = pairwise_scores(read_pairs(PAIRS))
    assert scores.precision >= PRECISION_FLOOR, [str(e) for e in scores.errors]
    assert scores.recall >= RECALL_FLOOR, [str(e) for e in scores.errors]
    assert scores.pairs == len(read_pairs(PAIRS))
    assert "fusion pairs: precision" in scores.summary()


def test_a_greedy_setting_fails_the_precision_floor() -> None:
    """The measurement can fail: merging on place and date alone lets the hard negatives through."""
    greedy = dataclasses.replace(DEFAULT_SETTINGS, threshold=0.0, neighbour_place=1.0)
    scores = pairwise_scores(read_pairs(PAIRS), settings=greedy)
    assert scores.precision < PRECISION_FLOOR
    assert scores.false_positives == len([e for e in scores.errors if not e.gold_same])


def test_read_pairs_reports_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "pairs.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_pairs(bad)
