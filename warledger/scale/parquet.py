"""The partitioned Parquet output of ``warledger run``: one file per table and partition, never half-written.

Public and stable: ``TABLES``, ``SCHEMAS``, ``PartitionRows``, ``write_partition``, ``read_rows``,
``remove_temporary``, ``table_path``, and for loading ``load_partitions``, ``extractions_of``,
``rebuild_events_if_available`` and ``LoadStats``.

Layout under ``--out`` (a partition id is ``part-`` and 16 hex digits)::

    articles/<partition id>.parquet     the article columns of the database, plus ``fetched`` (WARC-Date)
    incidents/<partition id>.parquet    the "full" incident columns (``warledger.store.rows.incident_row``)
    claims/<partition id>.parquet       the "full" claim columns
    skipped/<partition id>.parquet      source_id, reason, language: other languages, non-HTML, non-200
    problems/<partition id>.parquet     source, line, code, message: input that could not be used

Nested values follow the database: ``paragraphs``, ``removed``, ``targets``, ``attributed_to`` and ``disputed_by``
are lists of strings, ``captions`` and ``evidence`` JSON text. Every file of a partition is written under a
temporary name (``.<partition id>.parquet.tmp-<pid>``) and then renamed over the final one, so a reader sees a
whole file or none; a partition counts as done only once the manifest lists it (``warledger.scale.manifest``).

Loading goes through ``Ledger.add_many``, so it is idempotent (a document whose content hash is stored is skipped)
and durable per batch; loading the same output twice, or an output that grew by a few partitions, stores each
document once. Partitions are read one at a time: the driver holds one partition's rows, never the corpus.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warledger.records import Extraction, Problem, Skipped
from warledger.scale.manifest import PartitionResult
from warledger.store import Ledger, rows
from warledger.store.ledger import IngestStats

log = logging.getLogger(__name__)

_TEXT = pa.string()
_TEXTS = pa.list_(pa.string())
_INT = pa.int64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", _TEXT), ("source_id", _TEXT), ("content_hash", _TEXT), ("title", _TEXT), ("standfirst", _TEXT),
        ("text", _TEXT), ("paragraphs", _TEXTS), ("captions", _TEXT), ("publisher", _TEXT), ("url", _TEXT),
        ("published", _TEXT), ("published_precision", _TEXT), ("published_source", _TEXT), ("language", _TEXT),
        ("removed", _TEXTS), ("fetched", _TEXT),
    ]),
    "incidents": pa.schema([
        ("id", _TEXT), ("article_id", _TEXT), ("date", _TEXT), ("date_precision", _TEXT), ("event_type", _TEXT),
        ("weapon", _TEXT), ("place", _TEXT), ("admin1", _TEXT), ("admin2", _TEXT), ("country", _TEXT),
        ("lat", pa.float64()), ("lon", pa.float64()), ("gazetteer_id", _TEXT), ("where_prec", _INT),
        ("near", pa.bool_()), ("perpetrator", _TEXT), ("targets", _TEXTS),
        ("killed_min", _INT), ("killed_max", _INT), ("killed_qualifier", _TEXT),
        ("injured_min", _INT), ("injured_max", _INT), ("injured_qualifier", _TEXT),
        ("missing_min", _INT), ("missing_max", _INT), ("missing_qualifier", _TEXT),
        ("attributed_to", _TEXTS), ("evidence", _TEXT), ("confidence", pa.float64()),
    ]),
    "claims": pa.schema([
        ("id", _TEXT), ("article_id", _TEXT), ("side", _TEXT), ("population", _TEXT), ("metric", _TEXT),
        ("min", _INT), ("max", _INT), ("qualifier", _TEXT), ("period_start", _TEXT), ("period_end", _TEXT),
        ("as_of", _TEXT), ("projection", pa.bool_()), ("claimant", _TEXT), ("disputed_by", _TEXTS),
        ("evidence", _TEXT), ("confidence", pa.float64()),
    ]),
    "skipped": pa.schema([("source_id", _TEXT), ("reason", _TEXT), ("language", _TEXT)]),
    "problems": pa.schema([("source", _TEXT), ("line", _INT), ("code", _TEXT), ("message", _TEXT)]),
}
"""The columns of each output table, in order."""

TABLES = tuple(SCHEMAS)


@dataclass(slots=True)
class PartitionRows:
    """The rows of one partition, table by table, as they are extracted."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})

    def add_extraction(self, extraction: Extraction, *, fetched: str | None = None) -> None:
        """An article with its incidents and claims (``fetched`` is the crawl date of its page, if any)."""
        article = rows.encode(rows.article_row(extraction.article))
        self.tables["articles"].append({**article, "fetched": fetched})
        self.tables["incidents"].extend(rows.encode(rows.incident_row(i)) for i in extraction.incidents)
        self.tables["claims"].extend(rows.encode(rows.claim_row(c)) for c in extraction.claims)

    def add_skipped(self, skipped: Skipped) -> None:
        self.tables["skipped"].append({"source_id": skipped.source_id, "reason": skipped.reason,
                                       "language": skipped.language})

    def add_problem(self, problem: Problem) -> None:
        self.tables["problems"].append({"source": problem.source, "line": problem.line, "code": problem.code,
                                        "message": problem.message})


def table_path(out: str | Path, table: str, partition_id: str) -> Path:
    """Where one table of one partition is written."""
    return Path(out) / table / f"{partition_id}.parquet"


def write_partition(out: str | Path, partition_id: str, data: PartitionRows) -> dict[str, str]:
    """Write every table of a partition (temporary names first, then renames) and return each file's path
    relative to ``out``. Files are fsynced before the renames, so a crash leaves whole files or temporary ones."""
    temporary: list[tuple[Path, Path]] = []
    for table, schema in SCHEMAS.items():
        final = table_path(out, table, partition_id)
        final.parent.mkdir(parents=True, exist_ok=True)
        temp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
        pq.write_table(pa.Table.from_pylist(data.tables[table], schema=schema), temp, compression="zstd")
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        temporary.append((temp, final))
    for temp, final in temporary:
        os.replace(temp, final)
    return {table: str(final.relative_to(out)) for (_, final), table in zip(temporary, SCHEMAS, strict=True)}


def read_rows(out: str | Path, relative: str) -> list[dict[str, Any]]:
    """The rows of one written file, as dicts."""
    return pq.read_table(Path(out) / relative).to_pylist()


def remove_temporary(out: str | Path) -> int:
    """Delete temporary files left by an interrupted run (a killed worker's half-written partition)."""
    removed = 0
    for table in TABLES:
        folder = Path(out) / table
        if not folder.is_dir():
            continue
        for leftover in folder.glob(".part-*.parquet.tmp-*"):
            leftover.unlink()
            removed += 1
    if removed:
        log.info("%s: removed %d temporary files of an interrupted run", out, removed)
    return removed


# -- loading the output into the ledger ----------------------------------------------------------------------------

EVENTS_MODULE = "warledger.store.events"
"""Where fusion's ``rebuild_events(ledger)`` lives once fusion is installed."""

BATCH = 500
"""Documents per database transaction while loading."""


@dataclass(slots=True)
class LoadStats:
    """What loading stored."""

    ingest: IngestStats = field(default_factory=IngestStats)
    skipped_recorded: int = 0
    events: str = "not run"
    """What the fusion rebuild reported, or why it did not run."""


def extractions_of(out: str | Path, entry: PartitionResult) -> Iterator[Extraction]:
    """The extractions of one written partition, rebuilt from its articles, incidents and claims files."""
    incidents: dict[str, list[Any]] = defaultdict(list)
    claims: dict[str, list[Any]] = defaultdict(list)
    for row in read_rows(out, entry.files["incidents"]):
        incidents[row["article_id"]].append(rows.incident_from_row(row))
    for row in read_rows(out, entry.files["claims"]):
        claims[row["article_id"]].append(rows.claim_from_row(row))
    for row in read_rows(out, entry.files["articles"]):
        article = rows.article_from_row(row)
        yield Extraction(article, incidents.pop(article.id, []), claims.pop(article.id, []))


def rebuild_events_if_available(ledger: Ledger) -> str:
    """Run fusion's ``rebuild_events(ledger)`` when this install has it; say what happened."""
    if importlib.util.find_spec(EVENTS_MODULE) is None:
        log.info("fusion is not installed (no %s); events not rebuilt", EVENTS_MODULE)
        return f"skipped: {EVENTS_MODULE} is not available"
    rebuild = getattr(importlib.import_module(EVENTS_MODULE), "rebuild_events", None)
    if rebuild is None:
        log.info("%s has no rebuild_events; events not rebuilt", EVENTS_MODULE)
        return f"skipped: {EVENTS_MODULE}.rebuild_events is not available"
    outcome = rebuild(ledger)
    log.info("events rebuilt: %s", outcome)
    return f"rebuilt: {outcome}" if outcome is not None else "rebuilt"


def load_partitions(out: str | Path, entries: Iterable[PartitionResult], *, db: str | Path,
                    fuse: bool = True) -> LoadStats:
    """Store every listed partition's documents and skipped records in the ledger at ``db``, then (``fuse``)
    rebuild the events once."""
    stats = LoadStats()
    entries = list(entries)
    with Ledger(db) as ledger:

        def all_extractions() -> Iterator[Extraction]:
            for entry in entries:
                yield from extractions_of(out, entry)

        stats.ingest = ledger.add_many(all_extractions(), batch=BATCH)
        for entry in entries:
            for row in read_rows(out, entry.files["skipped"]):
                stats.skipped_recorded += ledger.record_skipped(Skipped(row["source_id"], row["reason"],
                                                                        row["language"]))
        if fuse:
            stats.events = rebuild_events_if_available(ledger)
    return stats
