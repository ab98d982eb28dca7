"""How far the UCDP headline texts let any reader go: the three UCDP figures of issue 3 and their ceilings.

    .venv/bin/python benchmarks/ucdp_ceilings.py ../shared/data/dev/ucdp-2022.jsonl [--list oblast|date|killed]

``warledger eval`` scores what warledger reads from each UCDP text against the event UCDP coded from several
sources. This script asks, item by item, whether the text holds the answer at all, and prints each figure beside
the share of items a perfect reader of the text could get right (its ceiling):

- oblast: the text names UCDP's oblast, or a place the gazetteer puts in it (any of a shared name's candidates),
  or warledger already gets it right;
- date within one day (day-precise events): the publication date, or a date the text states (``find_dates``, any
  day of a stated range), is within a day of UCDP's;
- killed inside UCDP's low-high: over the matched incidents warledger gives a toll for (the figure's own
  denominator), the text states a count inside the range (``find_numbers``: a plain count's min or max; 1 when
  the text has a singular death: "was killed", "died", "a dead"). The same question without warledger: of all
  items whose text states some count, the share holding one inside the range (printed under the table).

Each ceiling is generous: it counts a figure as reachable as soon as the text holds it anywhere, whether or not it
is the event's. A measurement script, not a test: the data lives outside the repository. ``--list`` prints the
items a figure misses although the text holds the answer (for reading locally; never copy them into the
repository).
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from warledger.eval import evaluate, load_sets
from warledger.eval.gold import GoldItem
from warledger.eval.metrics import ItemScore
from warledger.eval.places import oblast_key
from warledger.extract.analysis import parse_published
from warledger.extract.dates import find_dates
from warledger.extract.numbers import find_numbers
from warledger.extract.places import find_places

SINGULAR_DEATH = re.compile(r"\b(?:was|has been|were) killed\b|\bdied\b|\ba dead\b|\bis dead\b", re.IGNORECASE)
"""Wording that lets 1 be the toll a reader takes from the text (generous: "died" also follows plurals)."""


@dataclass(slots=True)
class Figure:
    """One figure: how many items it scores, how many warledger gets right, how many the text allows."""

    name: str
    total: int = 0
    right: int = 0
    reachable: int = 0
    reachable_misses: list[str] = field(default_factory=list)

    def add(self, item: GoldItem, *, right: bool, in_text: bool, note: str) -> None:
        self.total += 1
        self.right += right
        self.reachable += right or in_text
        if in_text and not right:
            self.reachable_misses.append(f"{item.id} {note}\n    {item.text[:300]!r}")

    def row(self, target: float) -> str:
        share, ceiling = self.right / self.total, self.reachable / self.total
        return (f"| {self.name} | {share:.3f} ({self.right}/{self.total}) | {ceiling:.3f} ({self.reachable}/"
                f"{self.total}) | {target:.2f} |")


def text_oblasts(text: str) -> set[str]:
    """The oblast keys of every place the text names, with all candidates of a shared name."""
    keys: set[str] = set()
    for match in find_places(text):
        for location in (match.location, *match.candidates):
            key = oblast_key(location.admin1) if location.admin1 else None
            if key:
                keys.add(key)
    return keys


def text_days(item: GoldItem) -> list[tuple[dt.date, dt.date]]:
    """The publication day and every day range the text states, resolved against the publication date."""
    published = parse_published(item.published)
    spans = [(published, published)] if published else []
    for match in find_dates(item.text, published=published):
        if match.date is not None:
            spans.append((match.date, match.end_date or match.date))
    return spans


def text_counts(text: str) -> set[int]:
    """Every plain count the text states (both ends of a range or qualified count), and 1 for a singular death."""
    values: set[int] = {1} if SINGULAR_DEATH.search(text) else set()
    for match in find_numbers(text):
        if match.unit is None:
            values.update(int(v) for v in (match.count.min, match.count.max) if v is not None)
    return values


def measure(scores: list[ItemScore]) -> dict[str, Figure]:
    figures = {name: Figure(name) for name in ("oblast", "date_within_1", "killed_in_range")}
    for score in scores:
        item = score.item
        if not item.incidents:
            continue
        gold = item.incidents[0]
        ratios = score.ratios
        if "oblast" in ratios and gold.admin1:
            figures["oblast"].add(item, right=ratios["oblast"].hit == 1,
                                  in_text=oblast_key(gold.admin1) in text_oblasts(item.text), note=gold.admin1)
        if "date_within_1" in ratios and gold.date:
            day = dt.date.fromisoformat(gold.date[:10])
            near = any(start - dt.timedelta(days=1) <= day <= end + dt.timedelta(days=1)
                       for start, end in text_days(item))
            figures["date_within_1"].add(item, right=ratios["date_within_1"].hit == 1, in_text=near, note=gold.date)
        if "killed_in_range" in ratios and gold.killed is not None and gold.killed.bounds is not None:
            low, high = gold.killed.bounds
            held = any(low <= value <= high for value in text_counts(item.text))
            figures["killed_in_range"].add(item, right=ratios["killed_in_range"].hit == 1, in_text=held,
                                           note=f"{low}-{high}")
    return figures


def killed_text_only(items: list[GoldItem]) -> tuple[int, int]:
    """(items whose text states some count, those of them holding a count inside UCDP's killed low-high)."""
    stated = held = 0
    for item in items:
        bounds = item.incidents[0].killed.bounds if item.incidents and item.incidents[0].killed else None
        counts = text_counts(item.text) if bounds is not None else set()
        if bounds is None or not counts:
            continue
        stated += 1
        held += any(bounds[0] <= value <= bounds[1] for value in counts)
    return stated, held


TARGETS = {"oblast": 0.90, "date_within_1": 0.90, "killed_in_range": 0.65}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="the UCDP gold file (JSON Lines)")
    parser.add_argument("--list", choices=("oblast", "date", "killed"), help="list the misses the text could avoid")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if not args.path.is_file():
        sys.exit(f"no such file: {args.path} (give the UCDP gold file, e.g. ../shared/data/dev/ucdp-2022.jsonl)")
    [report] = evaluate(load_sets([args.path]), progress=False)
    figures = measure(report.scores)
    print("| figure | warledger | ceiling from the text | target |\n|---|---|---|---|")
    for name, figure in figures.items():
        print(figure.row(TARGETS[name]))
    stated, held = killed_text_only([score.item for score in report.scores])
    print(f"\nkilled, from the text alone: {held} of the {stated} items whose text states a count hold one inside "
          f"UCDP's low-high ({held / max(1, stated):.3f})")
    if args.list:
        name = {"oblast": "oblast", "date": "date_within_1", "killed": "killed_in_range"}[args.list]
        print(*figures[name].reachable_misses, sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
