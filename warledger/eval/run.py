"""Run the extractor over gold sets, score it, and render the results: what ``warledger eval`` calls.

Public and stable: ``evaluate``, ``evaluate_set``, ``worst``, ``Extractor`` and the ``render_*`` functions, which
return text (an aligned table, JSON, the listing of the worst misses); only the CLI prints it.

Everything runs in the calling process: the extractor (and its language model) is loaded once and reused for every
item of every set. On a terminal, sets of ``PROGRESS_MIN_ITEMS`` or more items show a progress bar on stderr.
"""
from __future__ import annotations

import json
import logging
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from warledger.errors import InputError
from warledger.eval.gold import GoldItem, GoldSet, load_sets, report_key, report_ranges
from warledger.eval.metrics import FIGURES, INVENTED, ItemScore, SetReport, summarise
from warledger.eval.scoring import score_item
from warledger.records import Extraction

log = logging.getLogger(__name__)

Extractor = Callable[[GoldItem], Extraction | None]
"""Turns one gold item's text into an extraction; None when the extractor declines the text (another language)."""

PROGRESS_MIN_ITEMS = 50


def pipeline_extractor() -> Extractor:
    """The real pipeline (``warledger.pipeline.extract``), imported on first use so that reading gold and scoring
    hand-made predictions work without the extraction stack."""
    from warledger.pipeline import extract

    def run(item: GoldItem) -> Extraction | None:
        try:
            return extract(item.text, published=item.published, source_id=item.id)
        except InputError as err:
            if err.code != "E109":
                raise
            log.info("%s: skipped by the extractor (%s)", item.id, err)
            return None

    return run


def evaluate_set(
    gold: GoldSet, *, extractor: Extractor, limit: int | None = None, progress: bool | None = None
) -> SetReport:
    """Extract every item of one set (the first ``limit`` when given) and sum the scores into a ``SetReport``.

    Reports that several items share (same text and published date) are summed over the whole set, ``limit`` or
    not, for ``killed_in_report_range``."""
    items = gold.items[:limit] if limit is not None else gold.items
    reports = report_ranges(gold.items)
    show = progress if progress is not None else sys.stderr.isatty() and len(items) >= PROGRESS_MIN_ITEMS
    scores: list[ItemScore] = []
    started = time.perf_counter()
    for item in tqdm(items, desc=gold.name, unit="item", disable=not show, leave=False, file=sys.stderr):
        scores.append(score_item(item, extractor(item), set_name=gold.name,
                                 report_range=reports.get(report_key(item))))
    elapsed = time.perf_counter() - started
    log.info("%s: %d items in %.1f s", gold.name, len(items), elapsed)
    return summarise(gold.name, path=gold.path, sha256=gold.sha256, scores=scores)


def evaluate(
    sets: Iterable[GoldSet | str | Path],
    *,
    extractor: Extractor | None = None,
    limit: int | None = None,
    progress: bool | None = None,
) -> list[SetReport]:
    """Evaluate the extractor on gold sets (``GoldSet`` objects or paths to gold files).

    >>> from warledger.eval import evaluate, load_sets
    >>> reports = evaluate(load_sets([], builtin=True))                 # doctest: +SKIP
    >>> reports[0].figures["incident_f1"]                               # doctest: +SKIP
    0.91
    """
    golds = [s if isinstance(s, GoldSet) else load_sets([s])[0] for s in sets]
    run = extractor or pipeline_extractor()
    return [evaluate_set(gold, extractor=run, limit=limit, progress=progress) for gold in golds]


def worst(reports: Sequence[SetReport], n: int) -> list[ItemScore]:
    """The ``n`` item scores with the heaviest misses across all sets, heaviest first (items with none left out)."""
    scores = [score for report in reports for score in report.scores if score.problems]
    scores.sort(key=lambda score: (-score.loss, score.set_name, score.item.line or 0))
    return scores[:n]


TEXT_LIMIT = 900
"""Characters of an item's text shown in the error listing; longer texts are cut with an ellipsis."""


def _cell(value: float | None, support: int) -> str:
    if value is None:
        return "—"
    return f"{value:.3f} ({support})"


def render_table(reports: Sequence[SetReport]) -> str:
    """Figures as rows, sets as columns; each cell is ``value (support)``, ``—`` when there was nothing to measure.

    Rows where no set has a figure are left out. Invented counts follow, as ``count/checked``.
    """
    header = ["figure", *[r.name for r in reports]]
    rows: list[list[str]] = [["items", *[str(r.items) for r in reports]]]
    for key, _ in FIGURES:
        if all(r.figures.get(key) is None for r in reports):
            continue
        rows.append([key, *[_cell(r.figures.get(key), r.support.get(key, 0)) for r in reports]])
    for key, _ in INVENTED:
        rows.append([key, *[f"{r.invented.get(key, 0)}/{r.support.get(key, 0)}" for r in reports]])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def render_classes(reports: Sequence[SetReport]) -> str:
    """Per-class F1 of the event types, for the sets that have any."""
    parts = []
    for report in reports:
        if not report.per_class_f1:
            continue
        width = max(len(label) for label in report.per_class_f1)
        lines = [f"{label.ljust(width)}  {f1:.3f}" for label, f1 in sorted(report.per_class_f1.items())]
        parts.append(f"event-type F1 per class, {report.name}:\n" + "\n".join("  " + ln for ln in lines))
    return "\n\n".join(parts)


def as_json(reports: Sequence[SetReport], *, errors: Sequence[ItemScore] = ()) -> dict[str, Any]:
    """The machine-readable result (``--format json``)."""
    out: dict[str, Any] = {"sets": [report.to_dict() for report in reports]}
    if errors:
        out["errors"] = [
            {
                "set": score.set_name,
                "id": score.item.id,
                "line": score.item.line,
                "loss": score.loss,
                "problems": [text for _, text in score.problems],
                "gold": score.gold_lines,
                "predicted": score.predicted_lines,
                "text": score.item.text,
            }
            for score in errors
        ]
    return out


def render_json(reports: Sequence[SetReport], *, errors: Sequence[ItemScore] = ()) -> str:
    return json.dumps(as_json(reports, errors=errors), ensure_ascii=False, indent=2)


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def render_errors(scores: Sequence[ItemScore]) -> str:
    """The worst misses: the text, what the gold says, what was predicted, and each problem."""
    blocks = []
    for rank, score in enumerate(scores, 1):
        where = f"{score.set_name}:{score.item.line}" if score.item.line else score.set_name
        lines = [f"#{rank} {score.item.id} ({where}), loss {score.loss:g}"]
        lines += textwrap.wrap(_clip(score.item.text), width=110, initial_indent="  text: ",
                               subsequent_indent="        ")
        lines += [f"  gold:      {g}" for g in score.gold_lines] or ["  gold:      nothing"]
        lines += [f"  predicted: {p}" for p in score.predicted_lines] or ["  predicted: nothing"]
        lines += [f"  - {text}" for _, text in score.problems]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "no misses"
