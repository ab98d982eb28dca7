"""``warledger incidents``, ``claims``, ``articles`` and ``summary``: query the database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from warledger.cli.common import add_db_option, stdout_format, table
from warledger.cli.events import run_claims_import, run_claims_series
from warledger.cli.render import count_text, place_text
from warledger.errors import ConfigError
from warledger.records import Claim, Count, Incident
from warledger.store import Ledger


def register(sub: Any) -> None:
    p = sub.add_parser(
        "incidents",
        help="list stored incidents with filters",
        description="List stored incidents.\n\n"
        "example: warledger incidents --oblast Odesa --since 2026-01-01 --min-killed 1",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_option(p)
    _window(p)
    p.add_argument("--oblast", help='oblast, e.g. "Odesa" or "Odesa Oblast" or "Kyiv City"')
    p.add_argument("--place", help="place name as resolved (e.g. Kharkiv)")
    p.add_argument("--type", dest="event_type", help='ACLED sub-event type, e.g. "Air/drone strike"')
    p.add_argument("--min-killed", type=int, help="at least this many killed")
    p.add_argument("--min-confidence", type=float, help="only records at least this confident (0-1)")
    _output(p)
    p.set_defaults(func=run_incidents)

    p = sub.add_parser(
        "claims",
        help="list stored casualty claims, show each claimant's series, or import a table of estimates",
        description="List stored casualty claims; --series shows each claimant's estimates over time per side, "
        "population and metric; 'claims import CSV' imports a table of published estimates.\n\n"
        "example: warledger claims --claimant CSIS --side Russia\n"
        "         warledger claims --series --side Russia --metric killed\n"
        "         warledger claims import estimates.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", nargs="?", choices=("import",), help="import: read CSV into the claims registry")
    p.add_argument("csv", nargs="?", metavar="CSV", help="with import: columns date, estimate_low, estimate_high, "
                   "estimate, type, source, source_url, country (see docs/fusion.md)")
    p.add_argument("--series", action="store_true", help="each claimant's estimates over time (the claims registry)")
    add_db_option(p)
    _window(p)
    p.add_argument("--claimant", help="who made the estimate (e.g. CSIS, UK Ministry of Defence)")
    p.add_argument("--side", help="Russia, Ukraine or both")
    p.add_argument("--metric", help="casualties, killed, injured, missing or captured")
    p.add_argument("--min-confidence", type=float, help="only records at least this confident (0-1)")
    _output(p)
    p.set_defaults(func=run_claims)

    p = sub.add_parser(
        "summary",
        help="counts and totals of the database",
        description="One-screen overview of the database.\n\nexample: warledger summary --db warledger.duckdb",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_option(p)
    p.add_argument("--format", choices=("table", "json"), default=None)
    p.set_defaults(func=run_summary)


def _window(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="DATE", help="on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="on or before this date (YYYY-MM-DD)")


def _output(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=None, help="at most this many rows")
    p.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        default=None,
        help="table (default on a terminal), json or jsonl",
    )


def _emit(records: list[Any], fmt: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    if fmt == "jsonl":
        for r in records:
            sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([r.to_dict() for r in records], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(table(rows, columns))
        print(f"({len(records)} rows)")


def run_incidents(args: argparse.Namespace) -> int:
    with Ledger(args.db, read_only=True) as ledger:
        found: list[Incident] = ledger.incidents(
            since=args.since,
            until=args.until,
            oblast=args.oblast,
            place=args.place,
            event_type=args.event_type,
            min_killed=args.min_killed,
            min_confidence=args.min_confidence,
            limit=args.limit,
        )
    rows = [
        {
            "date": i.date,
            "type": i.event_type,
            "place": place_text(i.location),
            "killed": count_text(i.killed),
            "injured": count_text(i.injured),
            "by": i.perpetrator,
            "conf": f"{i.confidence:.2f}",
            "id": i.id,
        }
        for i in found
    ]
    _emit(found, stdout_format(args.format), rows, ["date", "type", "place", "killed", "injured", "by", "conf", "id"])
    return 0


def run_claims(args: argparse.Namespace) -> int:
    if args.action == "import":
        if not args.csv:
            raise ConfigError("claims import needs the CSV file to read: warledger claims import FILE.csv",
                              code="E201")
        return run_claims_import(args)
    if args.series:
        return run_claims_series(args)
    with Ledger(args.db, read_only=True) as ledger:
        found: list[Claim] = ledger.claims(
            since=args.since,
            until=args.until,
            claimant=args.claimant,
            side=args.side,
            metric=args.metric,
            min_confidence=args.min_confidence,
            limit=args.limit,
        )
    rows = [
        {
            "claimant": c.claimant,
            "side": c.side,
            "population": c.population,
            "metric": c.metric,
            "figure": count_text(Count(c.min, c.max, c.qualifier)),
            "period": f"{c.period_start or '?'}..{c.period_end or c.as_of or '?'}",
            "projection": "yes" if c.projection else "",
            "disputed_by": ", ".join(c.disputed_by),
        }
        for c in found
    ]
    columns = ["claimant", "side", "population", "metric", "figure", "period", "projection", "disputed_by"]
    _emit(found, stdout_format(args.format), rows, columns)
    return 0


def run_summary(args: argparse.Namespace) -> int:
    with Ledger(args.db, read_only=True) as ledger:
        summary = ledger.summary()
    if stdout_format(args.format, default_pipe="json") == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
        return 0
    width = max(len(k) for k in summary)
    for key, value in summary.items():
        print(f"{key:<{width}}  {value}")
    return 0
