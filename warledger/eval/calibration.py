"""Confidence calibration: fit the raw score -> probability mapping on gold, and measure how well it is calibrated.

Public and stable: ``collect_outcomes``, ``calibration_sets``, ``pool_adjacent_violators``, ``fit``, ``reliability``,
``expected_calibration_error``, ``calibration_report``, ``render_calibration``, ``write_table``, ``check_fitted_on``
and the record types. docs/evaluation.md ("Confidence") describes the method and shows the current figures.

1. **Outcomes.** Every predicted incident and claim on the gold sets that code every incident of their texts (not
   the sets labelled per document, CASE-style, nor the sets of UCDP-style one-event rows, told by their
   ``killed_low/best/high`` tolls) gives a pair (raw confidence, correct?): an incident is correct when it is
   matched to a gold incident (``match.align_incidents``), a claim when it is matched to a gold claim. The raw
   score is read with calibration switched off (``confidence.raw_scores``).
2. **Fit, per kind.** Pool-adjacent-violators on the share correct, predictions grouped by raw score; adjacent
   blocks pooled left to right until each holds ``MIN_SUPPORT`` predictions (a short remainder joins the last
   block); each block's share shrunk towards its mean raw score with a prior worth ``PRIOR_WEIGHT`` predictions,
   ``(correct + w * mean_raw) / (n + w)``, and pool-adjacent-violators once more on the shrunk values (weights
   ``n + w``, equal neighbours pooled) so that the values strictly increase. Each final block is a point of the
   table: its mean raw score, its value (clamped to [0.01, 0.99]), its support. ``confidence.map_score``
   interpolates between points.
3. **Reliability.** Predictions binned into ``BINS`` equal-width bins of confidence; per bin the count, the mean
   confidence and the observed precision; the expected calibration error (ECE) is the count-weighted mean of
   ``|precision - mean confidence|`` over the bins. It is given for the raw score, for the table in use (on the
   same predictions it was fitted on: optimistic), and cross-validated: ``FOLDS`` folds of gold items, each
   mapped by a table fitted on the other folds.
"""
from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warledger.errors import ConfigError
from warledger.eval import run as runner
from warledger.eval.gold import GoldSet, builtin_paths
from warledger.eval.match import align_incidents, match_claims
from warledger.eval.run import Extractor
from warledger.extract.confidence import (
    CEILING,
    COLUMNS,
    FITTED_ON,
    FLOOR,
    KINDS,
    CalibrationTable,
    Knot,
    default_path,
    map_score,
    raw_scores,
)

MIN_SUPPORT = 10
"""The fewest predictions a fitted point may rest on."""

PRIOR_WEIGHT = 10.0
"""How many predictions the prior (the raw score itself) is worth when a block's share is shrunk towards it."""

BINS = 10
"""Equal-width confidence bins of the reliability table and the ECE."""

FOLDS = 5
"""Folds of gold items for the cross-validated ECE."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One prediction: its kind, its raw confidence, whether it matched the gold, and the gold item it came from."""

    kind: str
    raw: float
    correct: bool
    item: int
    """The gold item's position among all the items used (folds are cut on it)."""


@dataclass(frozen=True, slots=True)
class Block:
    """A run ``start:end`` of the input of ``pool_adjacent_violators`` pooled into one ``value`` of ``weight``."""

    start: int
    end: int
    value: float
    weight: float


def pool_adjacent_violators(values: Sequence[float], weights: Sequence[float], *, strict: bool = False) -> list[Block]:
    """The weighted isotonic (non-decreasing) regression of ``values``, as blocks of equal fitted value; with
    ``strict`` equal neighbours are pooled too, so that the block values strictly increase.

    >>> [(b.start, b.end, b.value) for b in pool_adjacent_violators([1, 3, 2, 4], [1, 1, 1, 1])]
    [(0, 1, 1.0), (1, 3, 2.5), (3, 4, 4.0)]
    """
    if len(values) != len(weights):
        raise ValueError("pool_adjacent_violators: values and weights differ in length")
    stack: list[Block] = []
    for i, (value, weight) in enumerate(zip(values, weights, strict=True)):
        block = Block(i, i + 1, float(value), float(weight))
        while stack and (stack[-1].value > block.value or strict and stack[-1].value == block.value):
            last = stack.pop()
            total = last.weight + block.weight
            block = Block(last.start, block.end, (last.value * last.weight + block.value * block.weight) / total,
                          total)
        stack.append(block)
    return stack


@dataclass(slots=True)
class _Group:
    """Predictions pooled together: how many, how many correct, the sum of their raw scores."""

    n: int = 0
    hits: int = 0
    raw_sum: float = 0.0

    def add(self, other: _Group) -> None:
        self.n += other.n
        self.hits += other.hits
        self.raw_sum += other.raw_sum

    @property
    def mean_raw(self) -> float:
        return self.raw_sum / self.n


def _merge(groups: Sequence[_Group], blocks: Sequence[Block]) -> list[_Group]:
    merged = []
    for block in blocks:
        group = _Group()
        for part in groups[block.start:block.end]:
            group.add(part)
        merged.append(group)
    return merged


def _pool_to_support(groups: Sequence[_Group], min_support: int) -> list[_Group]:
    pooled: list[_Group] = []
    current = _Group()
    for group in groups:
        current.add(group)
        if current.n >= min_support:
            pooled.append(current)
            current = _Group()
    if current.n:
        if pooled:
            pooled[-1].add(current)
        else:
            pooled.append(current)
    return pooled


def fit(outcomes: Iterable[Outcome], *, min_support: int = MIN_SUPPORT,
        prior_weight: float = PRIOR_WEIGHT) -> tuple[Knot, ...]:
    """The fitted points of one kind's outcomes (method: the module docstring); no outcomes, no points."""
    by_raw: dict[float, _Group] = {}
    for outcome in outcomes:
        group = by_raw.setdefault(outcome.raw, _Group())
        group.add(_Group(1, int(outcome.correct), outcome.raw))
    groups = [by_raw[raw] for raw in sorted(by_raw)]
    if not groups:
        return ()
    groups = _merge(groups, pool_adjacent_violators([g.hits / g.n for g in groups], [g.n for g in groups]))
    groups = _pool_to_support(groups, min_support)
    shrunk = [(g.hits + prior_weight * g.mean_raw) / (g.n + prior_weight) for g in groups]
    blocks = pool_adjacent_violators(shrunk, [g.n + prior_weight for g in groups], strict=True)
    return tuple(
        Knot(raw=round(group.mean_raw, 4), value=round(min(CEILING, max(FLOOR, block.value)), 4), support=group.n)
        for group, block in zip(_merge(groups, blocks), blocks, strict=True)
    )


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Predictions whose confidence lies in [low, high): how many, their mean confidence, the share correct."""

    low: float
    high: float
    count: int
    confidence: float
    precision: float


def reliability(pairs: Iterable[tuple[float, bool]], *, bins: int = BINS) -> list[ReliabilityBin]:
    """The non-empty equal-width bins of (confidence, correct) pairs (a confidence of 1 goes in the last bin)."""
    filled: dict[int, list[tuple[float, bool]]] = {}
    for confidence, correct in pairs:
        filled.setdefault(min(bins - 1, max(0, int(confidence * bins))), []).append((confidence, correct))
    return [
        ReliabilityBin(low=i / bins, high=(i + 1) / bins, count=len(members),
                       confidence=sum(c for c, _ in members) / len(members),
                       precision=sum(ok for _, ok in members) / len(members))
        for i, members in sorted(filled.items())
    ]


def expected_calibration_error(pairs: Iterable[tuple[float, bool]], *, bins: int = BINS) -> float | None:
    """Count-weighted mean of |precision - mean confidence| over the bins; None without pairs."""
    rows = reliability(pairs, bins=bins)
    total = sum(row.count for row in rows)
    if not total:
        return None
    return sum(row.count * abs(row.precision - row.confidence) for row in rows) / total


def calibration_sets(sets: Sequence[GoldSet]) -> list[GoldSet]:
    """The sets that code every incident of their texts: none of their items is labelled per document, and none
    carries a UCDP-style toll (one coded event per text)."""
    def inventory(gold: GoldSet) -> bool:
        return bool(gold.items) and not any(
            item.labels_document or any(i.killed is not None and i.killed.is_range for i in item.incidents)
            for item in gold.items
        )
    return [gold for gold in sets if inventory(gold)]


def collect_outcomes(sets: Sequence[GoldSet], *, extractor: Extractor | None = None,
                     limit: int | None = None) -> list[Outcome]:
    """Extract the items of ``sets`` with raw confidence and pair each prediction with whether it matched."""
    run = extractor or runner.pipeline_extractor()
    outcomes: list[Outcome] = []
    position = 0
    with raw_scores():
        for gold in sets:
            for item in gold.items[:limit] if limit is not None else gold.items:
                extraction = run(item)
                position += 1
                if extraction is None:
                    continue
                matched = {p.pred for p in align_incidents(extraction.incidents, item.incidents) if p.matched}
                outcomes += [Outcome("incident", incident.confidence, i in matched, position)
                             for i, incident in enumerate(extraction.incidents)]
                matched = {p.pred for p in match_claims(extraction.claims, item.claims)}
                outcomes += [Outcome("claim", claim.confidence, i in matched, position)
                             for i, claim in enumerate(extraction.claims)]
    return outcomes


def _mapped(outcomes: Iterable[Outcome], knots: Sequence[Knot]) -> list[tuple[float, bool]]:
    """(confidence, correct) pairs under ``knots``; without knots the raw score stands."""
    return [(map_score(knots, o.raw) if knots else o.raw, o.correct) for o in outcomes]


def cross_validated(outcomes: Sequence[Outcome], *, folds: int = FOLDS) -> list[tuple[float, bool]]:
    """Each prediction mapped by a table fitted on the other folds of gold items (fold = item position mod
    ``folds``)."""
    pairs: list[tuple[float, bool]] = []
    for fold in range(folds):
        held = [o for o in outcomes if o.item % folds == fold]
        knots = fit(o for o in outcomes if o.item % folds != fold)
        pairs += _mapped(held, knots)
    return pairs


@dataclass(frozen=True, slots=True)
class KindReport:
    """How well one kind's confidence is calibrated, before and after the table."""

    kind: str
    count: int
    correct: int
    knots: tuple[Knot, ...]
    raw_bins: list[ReliabilityBin]
    calibrated_bins: list[ReliabilityBin]
    ece_raw: float | None
    ece_calibrated: float | None
    ece_cross_validated: float | None


@dataclass(frozen=True, slots=True)
class CalibrationReport:
    """The reliability of each kind, the sets measured on, and the table used."""

    sets: list[str]
    kinds: list[KindReport]
    table: str
    stale: list[str] = field(default_factory=list)
    """Gold files the table was fitted on that have changed since (refit it)."""

    def to_dict(self) -> dict[str, Any]:
        def bins(rows: Sequence[ReliabilityBin]) -> list[dict[str, Any]]:
            return [{"low": r.low, "high": r.high, "count": r.count, "confidence": round(r.confidence, 4),
                     "precision": round(r.precision, 4)} for r in rows]
        return {
            "sets": self.sets, "table": self.table, "stale": self.stale,
            "kinds": [{"kind": k.kind, "count": k.count, "correct": k.correct,
                       "ece_raw": k.ece_raw, "ece_calibrated": k.ece_calibrated,
                       "ece_cross_validated": k.ece_cross_validated,
                       "points": [{"raw": p.raw, "calibrated": p.value, "support": p.support} for p in k.knots],
                       "raw_bins": bins(k.raw_bins), "calibrated_bins": bins(k.calibrated_bins)}
                      for k in self.kinds],
        }


def calibration_report(outcomes: Sequence[Outcome], table: CalibrationTable, *, sets: Sequence[str],
                       folds: int = FOLDS) -> CalibrationReport:
    """Reliability of ``outcomes`` raw, under ``table`` and cross-validated, per kind."""
    kinds = []
    for kind in KINDS:
        mine = [o for o in outcomes if o.kind == kind]
        raw = [(o.raw, o.correct) for o in mine]
        after = _mapped(mine, table.knots.get(kind, ()))
        kinds.append(KindReport(
            kind=kind, count=len(mine), correct=sum(o.correct for o in mine), knots=table.knots.get(kind, ()),
            raw_bins=reliability(raw), calibrated_bins=reliability(after),
            ece_raw=expected_calibration_error(raw), ece_calibrated=expected_calibration_error(after),
            ece_cross_validated=expected_calibration_error(cross_validated(mine, folds=folds)),
        ))
    shown = Path(table.path)
    with contextlib.suppress(ValueError):
        shown = shown.resolve().relative_to(Path.cwd().resolve())
    return CalibrationReport(sets=list(sets), kinds=kinds, table=str(shown), stale=check_fitted_on(table))


def _ece(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render_calibration(report: CalibrationReport) -> str:
    """Per kind: the ECE before and after, the reliability bins side by side, and the table's points."""
    parts = [f"confidence calibration on {', '.join(report.sets) or 'no set'} (table {report.table})"]
    parts += [f"warning: {line}" for line in report.stale]
    for k in report.kinds:
        share = f"{k.correct / k.count:.3f}" if k.count else "—"
        lines = [f"{k.kind}s: {k.count} predicted, {k.correct} correct (precision {share})",
                 f"  ECE over {BINS} equal-width bins: raw {_ece(k.ece_raw)}, calibrated {_ece(k.ece_calibrated)} "
                 f"(fitted on these predictions), {_ece(k.ece_cross_validated)} ({FOLDS}-fold cross-validated)",
                 "  bin        raw:  n   conf   prec   calibrated:  n   conf   prec"]
        edges = sorted({(b.low, b.high) for b in (*k.raw_bins, *k.calibrated_bins)})
        raw = {(b.low, b.high): b for b in k.raw_bins}
        cal = {(b.low, b.high): b for b in k.calibrated_bins}
        for edge in edges:
            cells = []
            for rows in (raw, cal):
                row = rows.get(edge)
                cells.append(f"{row.count:3d}  {row.confidence:.3f}  {row.precision:.3f}" if row else
                             f"{0:3d}      —      —")
            lines.append(f"  {edge[0]:.1f}-{edge[1]:.1f}      {cells[0]}              {cells[1]}")
        points = ", ".join(f"{p.raw:.3f} -> {p.value:.3f} ({p.support})" for p in k.knots) or "none"
        lines.append(f"  fitted points (raw -> calibrated (support)): {points}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes (as the gold reader computes it)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def source_of(gold: GoldSet) -> str:
    """How the table names a gold file: ``builtin:<name>`` for a shipped one, else its path as given."""
    shipped = {str(path.resolve()): path.name.removesuffix(".jsonl") for path in builtin_paths()}
    name = shipped.get(str(Path(gold.path).resolve()))
    return f"builtin:{name}" if name else gold.path


def resolve_source(source: str, *, base: Path | None = None) -> Path:
    """The file a ``FittedOn.source`` names (a relative path against ``base``, default the working folder)."""
    if source.startswith("builtin:"):
        name = source.removeprefix("builtin:")
        return next((p for p in builtin_paths() if p.name == f"{name}.jsonl"), Path(name))
    path = Path(source)
    return path if path.is_absolute() or base is None else base / path


def check_fitted_on(table: CalibrationTable, *, base: Path | None = None) -> list[str]:
    """The gold files the table was fitted on whose sha256 changed (a missing non-builtin file is not checked:
    ../shared is absent on some machines)."""
    problems = []
    for entry in table.fitted_on:
        path = resolve_source(entry.source, base=base)
        if not path.is_file():
            if entry.source.startswith("builtin:"):
                problems.append(f"{entry.source}: no such shipped gold file; refit the confidence table")
            continue
        if file_sha256(path) != entry.sha256:
            problems.append(f"{entry.name} ({entry.source}) changed since the confidence table was fitted; "
                            "refit with `warledger eval --builtin ../shared/seed/expected.json --calibrate`")
    return problems


def write_table(knots: dict[str, tuple[Knot, ...]], sets: Sequence[GoldSet], path: str | Path | None = None) -> Path:
    """Write the fitted points of each kind, with the gold files (and their sha256) they were fitted on."""
    if not any(knots.values()):
        raise ConfigError("--calibrate: no prediction to fit on; give gold sets that code every incident "
                          "(--builtin, ../shared/seed/expected.json)", code="E201")
    file = Path(path) if path is not None else default_path()
    lines = [
        "# Confidence calibration: raw confidence -> probability that the record matches the gold, per kind.",
        "# Written by `warledger eval --builtin ../shared/seed/expected.json --calibrate`; do not edit by hand.",
        f"# Pool-adjacent-violators, blocks of at least {MIN_SUPPORT} predictions, shrunk towards the raw score "
        f"with a prior worth {PRIOR_WEIGHT:g} (docs/evaluation.md, Confidence).",
        *[f"# {FITTED_ON}\t{gold.name}\t{source_of(gold)}\t{gold.sha256}" for gold in sets],
        "\t".join(COLUMNS),
        *[f"{kind}\t{knot.raw}\t{knot.value}\t{knot.support}" for kind in KINDS for knot in knots.get(kind, ())],
    ]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def fit_table(outcomes: Sequence[Outcome]) -> dict[str, tuple[Knot, ...]]:
    """The fitted points of every kind."""
    return {kind: fit(o for o in outcomes if o.kind == kind) for kind in KINDS}

