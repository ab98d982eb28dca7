"""The ``warledger`` command: thin subcommands over the Python API.

Each module in this package defines ``register(subparsers)``, adding one or more subcommands whose handler is
``args.func(args) -> int`` (the exit code). ``main`` turns every ``WarledgerError`` into a one-line message on stderr
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from warledger.errors import WarledgerError

COMMAND_MODULES = ("extract", "ingest", "query", "export", "eval", "events", "serve", "watch", "run")
"""Modules of warledger.cli that add subcommands, in the order ``--help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warledger",
        description="Turn news text about the war into an evidence-backed ledger of incidents and casualty claims.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"warledger.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"warledger.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING - 10 * min(args.verbose, 2), format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except WarledgerError as err:
        print(f"warledger: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("warledger: interrupted; what was already stored stays stored", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # a bug, not bad input: one line, the traceback only with -v
        if args.verbose:
            raise
        print(
            f"warledger: internal error: {type(err).__name__}: {err} (rerun with -v for details; please report it)",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
