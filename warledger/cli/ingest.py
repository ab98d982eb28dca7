"""``warledger ingest``: extract pages and store articles, incidents and claims in the embedded database."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

from warledger.cli.common import add_db_option, add_input_options, report_problem
from warledger.ingest import read_sources
from warledger.pipeline import process
from warledger.records import Extraction, Problem, Skipped
from warledger.store import Ledger
from warledger.store.events import update_events


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="extract pages and store them in the database",
        description="Extract pages, store articles, incidents and claims (re-ingesting a document changes "
        "nothing), and fuse the new incidents into events.\n\n"
        "example: warledger ingest examples/corpus --db warledger.duckdb",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(p)
    add_db_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    problems = 0
    skipped: Counter[str] = Counter()

    with Ledger(args.db) as ledger:

        def extractions() -> Iterator[Extraction]:
            nonlocal problems
            items = process(read_sources(args.paths, published=args.published, max_mb=args.max_mb))
            for item in _progress(items):
                if isinstance(item, Problem):
                    problems += 1
                    report_problem(item)
                elif isinstance(item, Skipped):
                    skipped[item.language or item.reason] += 1
                    ledger.record_skipped(item)
                else:
                    yield item

        stats = ledger.add_many(extractions())
        fusion = update_events(ledger)  # incremental: only the new incidents and the events they touch
    print(
        f"{stats.articles_added} articles added, {stats.duplicates} already stored; "
        f"{stats.incidents} incidents and {stats.claims} claims stored in {args.db}"
    )
    print(f"events: {fusion}")
    if skipped:
        listed = ", ".join(f"{n} {what}" for what, n in skipped.most_common())
        print(f"{sum(skipped.values())} documents skipped ({listed})")
    if problems:
        print(f"warledger: {problems} inputs could not be read (see above); the rest was stored", file=sys.stderr)
    return 1 if problems else 0


def _progress(items: Iterator[Any]) -> Iterator[Any]:
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, unit="doc", desc="ingest", leave=False)
