"""``warledger watch add|list|remove``: save incident filters whose matches the server publishes as Atom feeds
(``/feeds/NAME.atom``) and posts to a webhook, once each."""
from __future__ import annotations

import argparse
import json
from typing import Any

from warledger.cli.common import add_db_option, stdout_format, table
from warledger.serve.watches import WatchStore
from warledger.store import Ledger


def register(sub: Any) -> None:
    p = sub.add_parser(
        "watch",
        help="save filters whose new matches become feeds and webhook posts",
        description="Watches are saved incident filters. `warledger serve` publishes each as /feeds/NAME.atom and "
        "posts new matches (incidents stored after the watch was added) to its webhook, once each.\n\n"
        "example: warledger watch add odesa --oblast Odesa --min-killed 1 --webhook http://127.0.0.1:9000/hook",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="save a watch",
                             description="Save a watch.\n\nexample: warledger watch add odesa --oblast Odesa "
                             "--min-killed 1", formatter_class=argparse.RawDescriptionHelpFormatter)
    add.add_argument("name", metavar="NAME", help="letters, digits, '.', '_' or '-'; the feed is /feeds/NAME.atom")
    add_db_option(add)
    add.add_argument("--oblast", help='oblast, e.g. "Odesa" or "Kyiv City"')
    add.add_argument("--place", help="place name as resolved, or its gazetteer id")
    add.add_argument("--type", dest="event_type", help='ACLED sub-event type, e.g. "Air/drone strike"')
    add.add_argument("--weapon", help="weapon, e.g. drone")
    add.add_argument("--min-killed", type=int, help="at least this many killed")
    add.add_argument("--min-injured", type=int, help="at least this many injured")
    add.add_argument("--min-confidence", type=float, help="at least this confident (0-1)")
    add.add_argument("--since", metavar="DATE", help="incidents on or after this date")
    add.add_argument("--until", metavar="DATE", help="incidents on or before this date")
    add.add_argument("--webhook", metavar="URL", help="POST each new match here as JSON (http or https)")
    add.set_defaults(func=run_add)

    listing = actions.add_parser("list", help="list watches", description="List watches.\n\nexample: warledger watch "
                                 "list --db warledger.duckdb", formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_option(listing)
    listing.add_argument("--format", choices=("table", "json"), default=None)
    listing.set_defaults(func=run_list)

    remove = actions.add_parser("remove", help="remove a watch", description="Remove a watch and its delivery "
                                "record.\n\nexample: warledger watch remove odesa",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    remove.add_argument("name", metavar="NAME")
    add_db_option(remove)
    remove.set_defaults(func=run_remove)


def run_add(args: argparse.Namespace) -> int:
    filters = {name: getattr(args, name) for name in ("oblast", "place", "event_type", "weapon", "min_killed",
                                                       "min_injured", "min_confidence", "since", "until")}
    with Ledger(args.db) as ledger:
        watch = WatchStore(ledger).add(args.name, filters=filters, webhook=args.webhook)
    hook = f"; new matches are posted to {watch.webhook}" if watch.webhook else ""
    print(f"watch {watch.name} saved ({watch.describe()}): feed at /feeds/{watch.name}.atom{hook}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with Ledger(args.db) as ledger:
        store = WatchStore(ledger)
        rows = [{"name": w.name, "filters": w.describe(), "webhook": w.webhook or "", "created": str(w.created_at)[:19],
                 **store.delivery_counts(w.name)} for w in store.all()]
    if stdout_format(args.format, default_pipe="json") == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(table(rows, ["name", "filters", "webhook", "created", "delivered", "pending", "failed"]))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with Ledger(args.db) as ledger:
        removed = WatchStore(ledger).remove(args.name)
    if not removed:
        print(f"warledger: no watch named {args.name!r}; see `warledger watch list`")
        return 1
    print(f"watch {args.name} removed")
    return 0
