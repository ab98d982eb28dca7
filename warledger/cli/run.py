"""``warledger run``: the pipeline over many files, in partitions, on one core or a Dask cluster, resumable.

A thin wrapper over ``warledger.scale.runner.run``::

    warledger run crawl/*.warc.gz --engine dask --workers 2 --out out/ --db warledger.duckdb
    warledger run feeds/ shards/*.jsonl.gz --engine local --out out/
    warledger run 'crawl/**/*.warc.gz' --engine dask --scheduler tcp://10.0.0.5:8786 --out /shared/out
"""
from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from warledger.cli.common import DEFAULT_DB
from warledger.scale import DEFAULT_PARTITION_SIZE

log = logging.getLogger(__name__)

EXAMPLES = """examples:
  warledger run crawl/*.warc.gz --engine dask --workers 2 --out out/ --db warledger.duckdb
  warledger run feeds/ shards/*.jsonl.gz --out out/ --no-db
  warledger run 'crawl/**/*.warc.gz' --engine dask --scheduler tcp://10.0.0.5:8786 --out /shared/out

Inputs: WARC (.warc, .warc.gz: HTML responses with status 200), RSS/Atom feeds (.rss, .atom, .xml), JSON Lines
(.jsonl, .jsonl.gz shards), text and HTML pages; directories are walked and globs expanded (quote them).
Output: Parquet under --out (articles, incidents, claims, skipped, problems; one file per table and partition) and
manifest.jsonl. Re-running the same command skips the partitions already written; a killed run resumes."""


def _count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be a whole number of at least 1")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser(
        "run",
        help="extract many files in partitions, locally or on a Dask cluster, into Parquet and the database",
        description="Map ingest -> clean -> extract over partitions of the inputs, write partitioned Parquet, then "
        "load the database and rebuild events once.\n\n" + EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories or globs")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: one process, one core (default); dask: a Dask cluster")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="with --engine dask: an existing scheduler (default: start a local cluster)")
    p.add_argument("--workers", type=_count, metavar="N",
                   help="with --engine dask and no scheduler: worker processes, one thread each (default: cores)")
    p.add_argument("--out", required=True, metavar="DIR", help="the output folder (Parquet and manifest)")
    db = p.add_mutually_exclusive_group()
    db.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                    help=f"the DuckDB database to load at the end (default ./{DEFAULT_DB})")
    db.add_argument("--no-db", action="store_true", help="write Parquet only; load nothing")
    p.add_argument("--partition-size", type=_count, default=DEFAULT_PARTITION_SIZE, metavar="N",
                   help=f"documents per partition (default {DEFAULT_PARTITION_SIZE})")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for plain pages without one")
    p.add_argument("--max-mb", type=float, default=20.0, metavar="MB", help="largest document read (default 20)")
    p.add_argument("--no-fuse", action="store_true", help="load the database without rebuilding events")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warledger.scale.runner import run as run_pipeline

    summary = run_pipeline(
        args.inputs,
        out=args.out,
        engine=args.engine,
        scheduler=args.scheduler,
        workers=args.workers,
        partition_size=args.partition_size,
        db=None if args.no_db else args.db,
        published=args.published,
        max_mb=args.max_mb,
        fuse=not args.no_fuse,
        progress=sys.stderr.isatty(),
    )
    for line in summary.lines():
        print(line)
    if summary.problems:
        print(f"warledger: {summary.problems} inputs could not be read; see the problems table under {args.out}",
              file=sys.stderr)
    return 1 if summary.problems else 0
