"""``warledger events``, ``event``, ``fuse``, and the ``claims import`` and ``claims --series`` handlers: fused events
and the claims
registry, thin over ``warledger.store.events``."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from warledger.cli.common import add_db_option, stdout_format, table
from warledger.cli.render import place_text
from warledger.fuse.compare import format_count
from warledger.records import Count, Event, Toll
from warledger.store import Ledger
from warledger.store.events import (
    event_detail,
    import_claims,
    load_events,
    rebuild_events,
    rebuild_registry,
    series_table,
    update_events,
)


def _parser(sub: Any, name: str, summary: str, example: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=f"{summary[0].upper()}{summary[1:]}.\n\nexample: {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_option(p)
    return p


def register(sub: Any) -> None:
    p = _parser(sub, "events", "list fused events (one real-world incident, many reports) with filters",
                "warledger events --oblast Odesa --since 2026-01-01 --min-killed 1")
    p.add_argument("--since", metavar="DATE", help="on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="on or before this date (YYYY-MM-DD)")
    p.add_argument("--oblast", help='oblast, e.g. "Odesa" or "Odesa Oblast" or "Kyiv City"')
    p.add_argument("--place", help="place name or gazetteer id (e.g. Kharkiv, geonames:706483)")
    p.add_argument("--type", dest="event_type", help='ACLED sub-event type, e.g. "Air/drone strike"')
    p.add_argument("--min-killed", type=int, help="best killed figure at least this")
    p.add_argument("--limit", type=int, default=None, help="at most this many events")
    p.add_argument("--format", choices=("table", "json", "jsonl"), default=None,
                   help="table (default on a terminal), json or jsonl")
    p.set_defaults(func=run_events)

    p = _parser(sub, "event", "show one event: its reports, why they were merged, each toll's history and evidence",
                "warledger event evt-0123456789abcdef")
    p.add_argument("event_id", metavar="ID", help="an event id (an id it had before also works)")
    p.add_argument("--format", choices=("table", "json"), default=None, help="table (default on a terminal) or json")
    p.set_defaults(func=run_event)

    p = _parser(sub, "fuse", "fuse stored incidents into events and rebuild the claims registry",
                "warledger fuse --db warledger.duckdb")
    p.add_argument("--rebuild", action="store_true",
                   help="fuse everything again instead of only the incidents not yet in an event")
    p.set_defaults(func=run_fuse)


def _emit(records: list[dict[str, Any]], fmt: str, rows: list[dict[str, Any]], columns: list[str], noun: str) -> None:
    """``records`` as JSON Lines or a JSON array, or ``rows`` as an aligned table with a count."""
    if fmt == "table":
        print(table(rows, columns))
        print(f"({len(rows)} {noun})")
    elif fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def toll_text(toll: Toll | None) -> str:
    """ "5 (3-8)": the best figure and, when they differ, the low-high range; "-" for no figure."""
    if toll is None:
        return "-"
    best = "?" if toll.best is None else str(toll.best)
    if toll.low == toll.high == toll.best:
        return best
    return f"{best} ({'?' if toll.low is None else toll.low}-{'?' if toll.high is None else toll.high})"


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "date": event.date,
        "type": event.event_type,
        "place": place_text(event.location),
        "killed": toll_text(event.killed),
        "injured": toll_text(event.injured),
        "reports": len(event.members),
        "id": event.id,
    }


def run_events(args: argparse.Namespace) -> int:
    with Ledger(args.db, read_only=True) as ledger:
        found = load_events(ledger, since=args.since, until=args.until, oblast=args.oblast, place=args.place,
                            event_type=args.event_type, min_killed=args.min_killed, limit=args.limit)
    rows = [_event_row(e) for e in found]
    _emit([e.to_dict() for e in found], stdout_format(args.format), rows,
          ["date", "type", "place", "killed", "injured", "reports", "id"], "events")
    return 0


def render_event(event: Event, evidence: dict[str, list[str]]) -> list[str]:
    """The event as terminal lines: summary, tolls with history, then each report with its reasons and evidence."""
    lines = [f"EVENT {event.id}  {event.date or '????-??-??'} ({event.date_precision})  {event.event_type or '-'}",
             f"  place      {place_text(event.location)}",
             f"  weapon     {event.weapon or '-'} · perpetrator {event.perpetrator or '-'} · targets "
             f"{', '.join(event.targets) or '-'}",
             f"  reported   {len(event.members)} reports, first {event.first_published or '-'}, "
             f"last {event.last_published or '-'}"]
    if event.supersedes:
        lines.append(f"  formerly   {', '.join(event.supersedes)}")
    for name in ("killed", "injured", "missing"):
        toll: Toll | None = getattr(event, name)
        if toll is None:
            continue
        lines.append(f"  {name:<10} best {toll.best} · low {toll.low} · high {toll.high}")
        for point in toll.history:
            source = f" per {', '.join(point.attributed_to)}" if point.attributed_to else ""
            quote = f'  "{point.evidence}"' if point.evidence else ""
            figure = format_count(Count(point.min, point.max, point.qualifier))
            lines.append(f"    {point.published or '(undated)'}  {figure:<12} {point.publisher or '-'}{source}{quote}")
    lines.append("REPORTS")
    for member in event.members:
        score = "" if member.score is None else f"  score {member.score:g} with {member.linked_to}"
        lines.append(f"  {member.published or '(undated)'}  {member.publisher or '-'}  {member.incident_id}{score}")
        if member.reasons:
            lines.append(f"    why: {'; '.join(member.reasons)}")
        for text in evidence.get(member.incident_id, []):
            lines.append(f'    "{" ".join(text.split())}"')
    return lines


def run_event(args: argparse.Namespace) -> int:
    with Ledger(args.db, read_only=True) as ledger:
        event = event_detail(ledger, args.event_id)
        if event is None:
            print(f"warledger: no event {args.event_id!r} in {args.db}; list them with `warledger events`",
                  file=sys.stderr)
            return 1
        evidence: dict[str, list[str]] = {}
        for member in event.members:
            incident = ledger.incident(member.incident_id)
            evidence[member.incident_id] = [e.text for e in incident.evidence[:3]] if incident else []
    if stdout_format(args.format, default_pipe="json") == "json":
        print(json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(render_event(event, evidence)))
    return 0


def run_fuse(args: argparse.Namespace) -> int:
    with Ledger(args.db) as ledger:
        stats = rebuild_events(ledger) if args.rebuild else update_events(ledger)
        entries = rebuild_registry(ledger)
    print(f"{stats}; {len(entries)} estimates in the claims registry")
    return 0


def run_claims_import(args: argparse.Namespace) -> int:
    """``warledger claims import CSV`` (registered by warledger.cli.query)."""
    with Ledger(args.db) as ledger:
        stored = import_claims(ledger, args.csv)
    if stored:
        print(f"{stored} estimates imported from {args.csv}")
    else:
        print(f"{args.csv} was imported before; nothing changed")
    return 0


def run_claims_series(args: argparse.Namespace) -> int:
    """``warledger claims --series`` (registered by warledger.cli.query)."""
    with Ledger(args.db, read_only=True) as ledger:
        rows = series_table(ledger, side=args.side, metric=args.metric, claimant=args.claimant)
    shown = [{**row, "figure": format_count(Count(row["min"], row["max"], row["qualifier"]))} for row in rows]
    columns = ["side", "population", "metric", "claimant", "period_end", "figure", "reports", "disputed_by"]
    _emit(rows, stdout_format(args.format), shown, columns, "estimates")
    return 0
