"""``warledger extract``: print the clean article and every incident and claim, each field with its evidence."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from warledger.cli.common import add_input_options, report_problem, stdout_format
from warledger.cli.render import render_article, render_claim, render_incident
from warledger.ingest import read_sources
from warledger.pipeline import process
from warledger.records import Extraction, Problem, Skipped


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="print the article, incidents and claims of pages (no database)",
        description="Extract incidents and casualty claims from pages and print them; nothing is stored.\n\n"
        "example: warledger extract page.txt --published 2026-01-28 --format jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(p)
    p.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        default=None,
        help="table (default on a terminal), json (one object per document) or jsonl (the output contract)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = stdout_format(args.format)
    problems = 0
    skipped: Counter[str] = Counter()
    documents: list[dict[str, Any]] = []
    for item in process(read_sources(args.paths, published=args.published, max_mb=args.max_mb)):
        if isinstance(item, Problem):
            problems += 1
            report_problem(item)
        elif isinstance(item, Skipped):
            skipped[item.language or item.reason] += 1
            print(f"warledger: skipped {item.source_id}: {item.reason}", file=sys.stderr)
        elif fmt == "jsonl":
            for record in item.records():
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            documents.append(_document(item))
        else:
            sys.stdout.write("\n".join(_table(item)) + "\n\n")
    if fmt == "json":
        json.dump(documents, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if skipped:
        listed = ", ".join(f"{n} {what}" for what, n in skipped.most_common())
        print(f"warledger: {sum(skipped.values())} documents skipped ({listed})", file=sys.stderr)
    return 1 if problems else 0


def _document(extraction: Extraction) -> dict[str, Any]:
    records = extraction.records()
    return {
        "article": records[0],
        "incidents": [r for r in records if r["type"] == "incident"],
        "claims": [r for r in records if r["type"] == "claim"],
    }


def _table(extraction: Extraction) -> list[str]:
    lines = render_article(extraction.article)
    for n, incident in enumerate(extraction.incidents, 1):
        lines += ["", *render_incident(n, incident)]
    for n, claim in enumerate(extraction.claims, 1):
        lines += ["", *render_claim(n, claim)]
    if not extraction.incidents and not extraction.claims:
        lines += ["", "  (no incidents or casualty claims found)"]
    return lines
