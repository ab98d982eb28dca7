"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from warledger.records import Problem

DEFAULT_DB = "warledger.duckdb"


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="text or HTML pages, JSON Lines files (.jsonl, .jsonl.gz), directories, or - for stdin",
    )
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for pages that do not give one")
    p.add_argument(
        "--max-mb", type=float, default=20.0, metavar="MB", help="refuse documents larger than this (default 20)"
    )


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the DuckDB database (default ./{DEFAULT_DB})")


def stdout_format(requested: str | None, *, default_pipe: str = "jsonl") -> str:
    """The format asked for, else a table on a terminal and ``default_pipe`` into a pipe or file."""
    if requested:
        return requested
    return "table" if sys.stdout.isatty() else default_pipe


def report_problem(problem: Problem) -> None:
    print(f"warledger: {problem}", file=sys.stderr)


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """An aligned text table of ``rows`` with the given columns."""
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max([len(c)] + [min(len(row[i]), 60) for row in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True))]
    for row in cells:
        out.append("  ".join((v if len(v) <= 60 else v[:59] + "…").ljust(w) for v, w in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in out)
