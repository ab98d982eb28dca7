"""The scale tests' corpus and how they compare outputs (imported by conftest and the tests)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from warledger.scale.parquet import TABLES
from warledger.scale.synthetic import ReportComposer
from warledger.scale.synthetic_files import write_feed, write_jsonl_gz, write_warc

SEED = 17
PARTITION_SIZE = 10
"""Small, so that each WARC is cut into byte ranges and the shard into line ranges."""
WARC_PAGES = (23, 23)
FEED_ENTRIES = 8
SHARD_LINES = 12


def write_corpus(folder: Path, *, seed: int = SEED) -> Path:
    """Two WARC.gz files, one RSS file and one JSON Lines shard of synthetic reports, all different pages."""
    composer = ReportComposer(seed=seed)
    first = 0
    for index, count in enumerate(WARC_PAGES):
        write_warc(folder / f"crawl-{index}.warc.gz", composer=composer, first=first, count=count)
        first += count
    write_feed(folder / "wire.rss", composer=composer, first=first, count=FEED_ENTRIES)
    first += FEED_ENTRIES
    write_jsonl_gz(folder / "shard-0.jsonl.gz", composer=composer, first=first, count=SHARD_LINES)
    return folder


def table_rows(out: Path, table: str) -> list[dict[str, Any]]:
    """Every row of one output table, in a canonical order (by id, else by every value)."""
    rows: list[dict[str, Any]] = []
    for path in sorted((out / table).glob("*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return sorted(rows, key=lambda row: (str(row.get("id")), repr(sorted(row.items()))))


def all_tables(out: Path) -> dict[str, list[dict[str, Any]]]:
    return {table: table_rows(out, table) for table in TABLES}


def partition_files(out: Path) -> list[str]:
    """The output files, relative to ``out`` (temporary files included, so a leftover shows)."""
    return sorted(str(p.relative_to(out)) for table in TABLES for p in (out / table).glob("*") if p.is_file())
