"""How good are the merge decisions? Pairwise precision and recall on a gold file of report pairs.

Public and stable: ``GoldPair``, ``PairScores``, ``PairError``, ``read_pairs``, ``pairs_from_dicts``,
``pairwise_scores``. ``warledger eval`` prints ``pairwise_scores(read_pairs(path))``.

Gold file (JSON Lines, one pair a line)::

    {"id": "p01", "same": true, "note": "toll update 12 then 23",
     "a": {"article": {"id", "publisher", "published", "text"?}, "incident": {<contract incident>}},
     "b": {...}, "context": [{...}, ...]}

``context`` holds other reports fused together with the pair (an oblast-level report with two candidate events
needs both events present). A pair is predicted "same" when ``fuse`` over a, b and the context puts a and b in
one event, so the whole rule (blocking, scorer, clustering) is measured, not the scorer alone.

Precision = pairs predicted same that are the same / pairs predicted same; recall = pairs predicted same that
are the same / pairs that are the same. Floors pinned by tests/fuse/test_evaluate.py: precision 0.95, recall 0.9.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.errors import input_error
from warledger.fuse.compare import DEFAULT_SETTINGS, FusionSettings, compare
from warledger.fuse.events import fuse
from warledger.fuse.reports import ArticleMeta, Report
from warledger.records import Incident, incident_from_dict

log = logging.getLogger(__name__)

Item = tuple[Incident, ArticleMeta]


@dataclass(frozen=True, slots=True)
class GoldPair:
    """Two reports and whether they describe one real-world event."""

    id: str
    same: bool
    a: Item
    b: Item
    context: tuple[Item, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class PairError:
    """A pair the fusion got wrong, with the scorer's reasons for it."""

    id: str
    gold_same: bool
    note: str
    score: float
    reasons: list[str]

    def __str__(self) -> str:
        verdict = "merged but different" if not self.gold_same else "kept apart but same"
        return f"{self.id} {verdict} ({self.note}): score {self.score:g}; " + "; ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class PairScores:
    """Pairwise precision and recall of merge decisions, and the pairs that were wrong."""

    precision: float
    recall: float
    pairs: int
    true_positives: int
    false_positives: int
    false_negatives: int
    errors: list[PairError] = field(default_factory=list)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total

    def summary(self) -> str:
        """One line: "fusion pairs: precision 0.97 recall 0.94 F1 0.95 (76 pairs, 2 wrong)"."""
        return (
            f"fusion pairs: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.pairs} pairs, {len(self.errors)} wrong)"
        )


def _item(data: dict[str, Any]) -> Item:
    article = data["article"]
    meta = ArticleMeta(article["id"], article.get("publisher"), article.get("published"))
    return incident_from_dict(data["incident"]), meta


def pairs_from_dicts(rows: Iterable[dict[str, Any]]) -> list[GoldPair]:
    """Gold pairs from parsed JSON objects (the file format in the module docstring)."""
    return [
        GoldPair(
            id=str(row["id"]),
            same=bool(row["same"]),
            a=_item(row["a"]),
            b=_item(row["b"]),
            context=tuple(_item(c) for c in row.get("context") or ()),
            note=row.get("note", ""),
        )
        for row in rows
    ]


BUILTIN_PAIRS = Path(__file__).parent / "data" / "fusion_pairs.jsonl"
"""The project's own gold file of report pairs (same event / different events, hard negatives included)."""


def read_pairs(path: str | Path) -> list[GoldPair]:
    """Read a gold pairs file; a missing file or a malformed line is an ``InputError`` naming it."""
    file = Path(path)
    if not file.is_file():
        raise input_error("E101", path=str(file))
    rows = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise input_error("E106", path=str(file), line=number, detail=err.msg) from err
    return pairs_from_dicts(rows)


def predict(pair: GoldPair, *, settings: FusionSettings = DEFAULT_SETTINGS) -> bool:
    """True when fusing the pair (with its context) puts ``a`` and ``b`` in one event."""
    events = fuse([pair.a, pair.b, *pair.context], settings=settings)
    a_id, b_id = pair.a[0].id, pair.b[0].id
    return any({a_id, b_id} <= {m.incident_id for m in event.members} for event in events)


def pairwise_scores(pairs: Iterable[GoldPair], *, settings: FusionSettings = DEFAULT_SETTINGS) -> PairScores:
    """Precision and recall of ``predict`` over gold pairs; an empty denominator scores 1.0 (nothing to get wrong)."""
    tp = fp = fn = total = 0
    errors: list[PairError] = []
    for pair in pairs:
        total += 1
        same = predict(pair, settings=settings)
        tp += same and pair.same
        fp += same and not pair.same
        fn += pair.same and not same
        if same != pair.same:
            decision = compare(Report.of(*pair.a), Report.of(*pair.b), settings=settings)
            errors.append(PairError(pair.id, pair.same, pair.note, decision.score, decision.reasons))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    for error in errors:
        log.info("%s", error)
    return PairScores(precision, recall, total, tp, fp, fn, errors)
