"""How often the first day-precise date warledger finds in a UCDP headline is UCDP's event date.

Usage: .venv/bin/python benchmarks/dates_on_ucdp.py ../shared/data/dev/ucdp-2022.jsonl [--errors N]

Reads JSON Lines with ``text``, ``published`` and ``incidents[0].date`` / ``date_precision`` (the gold schema of
../shared/data/README.md), keeps the events UCDP dates to the day, and reports, over those:
- found: how many texts hold a day-precise date (absolute or relative to publication) that ``find_dates`` resolves;
- exact / within one day, among those found;
- the same over all events when a text without a date falls back to the publication date (what the pipeline does).
A measurement script, not a test: the data lives outside the repository.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

from warledger.extract.dates import DateMatch, find_dates

log = logging.getLogger("benchmarks.dates_on_ucdp")


def best_day(matches: list[DateMatch]) -> DateMatch | None:
    """The first match that names one day: absolute or relative to the publication date, precision "day"."""
    for match in matches:
        if match.precision == "day" and match.date is not None and match.kind != "period":
            return match
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="print up to N texts whose found date is wrong")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = found = exact = near = fallback_exact = fallback_near = 0
    errors: list[str] = []
    for row in rows:
        gold = row["incidents"][0] if row.get("incidents") else {}
        if gold.get("date_precision") != "day" or not gold.get("date"):
            continue
        total += 1
        truth = dt.date.fromisoformat(gold["date"])
        published = dt.date.fromisoformat(row["published"][:10]) if row.get("published") else None
        match = best_day(find_dates(row["text"], published=published))
        guess = match.date if match is not None else published
        if match is not None and match.date is not None:
            found += 1
            exact += match.date == truth
            near += abs((match.date - truth).days) <= 1
            if abs((match.date - truth).days) > 1 and len(errors) < args.errors:
                errors.append(f"{truth} pub={published} got {match.date} from {match.text!r}: {row['text'][:160]!r}")
        if guess is not None:
            fallback_exact += guess == truth
            fallback_near += abs((guess - truth).days) <= 1
    for line in errors:
        sys.stdout.write(line + "\n")

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f}%" if whole else "n/a"

    sys.stdout.write(
        f"day-precise events: {total}\n"
        f"date found in text: {found} ({pct(found, total)})\n"
        f"  exact: {pct(exact, found)}   within one day: {pct(near, found)}\n"
        f"with publication-date fallback: exact {pct(fallback_exact, total)}   "
        f"within one day {pct(fallback_near, total)}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
