"""``warledger export``: write stored records as CSV, JSON, JSON Lines, GeoJSON or Parquet."""
from __future__ import annotations

import argparse
from typing import Any

from warledger.cli.common import add_db_option
from warledger.export import FORMATS, export
from warledger.store import ClaimFilter, IncidentFilter, Ledger
from warledger.store.events import EventFilter


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="write incidents, claims or articles to CSV, JSON, GeoJSON or Parquet",
        description="Write stored records out, with ACLED- or UCDP-style columns for incidents.\n\n"
        "example: warledger export --format csv --columns acled --out incidents.csv\n"
        "         warledger export --kind events --columns ucdp --out events.csv   (UCDP best/low/high)\n"
        "         warledger export --kind claims --format parquet --out claims.parquet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_option(p)
    p.add_argument("--kind", choices=("incidents", "events", "claims", "articles"), default="incidents",
                   help="what to export: incidents (default), fused events, claims or articles")
    p.add_argument("--format", dest="fmt", choices=tuple(FORMATS), default="csv")
    p.add_argument("--columns", choices=("full", "acled", "ucdp"), default="full",
                   help="column set: full (every field), acled or ucdp (incidents only)")
    p.add_argument("--out", default="-", metavar="FILE", help="output file (default: standard output)")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--oblast", help="incidents in this oblast")
    p.add_argument("--type", dest="event_type", help="incidents of this ACLED sub-event type")
    p.add_argument("--min-killed", type=int)
    p.add_argument("--claimant", help="claims by this claimant")
    p.add_argument("--side", help="claims about this side's losses")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    filters: IncidentFilter | ClaimFilter | None = None
    if args.kind in ("incidents", "events"):
        kind = EventFilter if args.kind == "events" else IncidentFilter
        filters = kind(since=args.since, until=args.until, oblast=args.oblast,
                       event_type=args.event_type, min_killed=args.min_killed)
    elif args.kind == "claims":
        filters = ClaimFilter(since=args.since, until=args.until, claimant=args.claimant, side=args.side)
    with Ledger(args.db, read_only=True) as ledger:
        rows = export(ledger, args.kind, fmt=args.fmt, columns=args.columns, out=args.out, filters=filters)
    if args.out != "-":
        print(f"{rows} {args.kind} written to {args.out}")
    return 0
