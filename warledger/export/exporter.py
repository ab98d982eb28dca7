"""``export()``: write incidents, claims or articles from a ledger as CSV, JSON, JSON Lines, GeoJSON or Parquet.

Public and stable: ``export`` (what ``warledger export`` calls). Records are read page by page and streamed to the
output, so exports larger than memory work. A file is written under a temporary name and renamed when complete, so
an interrupted export never leaves a truncated file under the requested name.

Each writer streams rows to a binary handle and returns how many it wrote:

- csv: a header row, then one row per record (UTF-8, RFC 4180 quoting). Lists are joined with "; ", JSON values are
  JSON text, booleans are true/false, nulls are empty cells.
- json: one JSON array of objects; jsonl: one object per line.
- geojson: a FeatureCollection of Point features ([lon, lat]) whose properties are the columns; records without
  coordinates are left out and counted in the collection's ``warledger.skipped_without_coordinates`` member.
- parquet: typed columns (lists as list<string>, JSON values as JSON text, dates as date32), written in row groups.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from warledger.export.columns import ARTICLE_FIELDS, Column, Source, column_set
from warledger.store import ArticleFilter, ClaimFilter, IncidentFilter, Ledger
from warledger.store import rows as flat
from warledger.store.events import EventFilter, event_row, load_events
from warledger.store.filters import config_error

logger = logging.getLogger(__name__)

FORMATS = ("csv", "json", "jsonl", "geojson", "parquet")
ROW_GROUP = 10_000
"""Rows per Parquet row group (and per in-memory chunk)."""

_ARROW_TYPES = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "list": pa.list_(pa.string()),
    "json": pa.string(),
    "date": pa.date32(),
}


@contextmanager
def _text(handle: BinaryIO) -> Iterator[TextIO]:
    """A UTF-8 text view of the handle that leaves the handle open afterwards."""
    wrapper = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _record(columns: Sequence[Column], source: Source) -> dict[str, Any]:
    return {column.name: column.value(source) for column in columns}


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "json":
        return _dumps(value)
    if kind == "list":
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(columns: Sequence[Column], sources: Iterable[Source], handle: BinaryIO) -> int:
    """CSV with a header row."""
    written = 0
    with _text(handle) as text:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        for source in sources:
            writer.writerow([_cell(c.value(source), c.type) for c in columns])
            written += 1
    return written


def write_json(columns: Sequence[Column], sources: Iterable[Source], handle: BinaryIO) -> int:
    """One JSON array of objects, streamed."""
    written = 0
    with _text(handle) as text:
        text.write("[")
        for source in sources:
            text.write(("," if written else "") + "\n" + _dumps(_record(columns, source)))
            written += 1
        text.write("\n]\n")
    return written


def write_jsonl(columns: Sequence[Column], sources: Iterable[Source], handle: BinaryIO) -> int:
    """One JSON object per line."""
    written = 0
    with _text(handle) as text:
        for source in sources:
            text.write(_dumps(_record(columns, source)) + "\n")
            written += 1
    return written


def write_geojson(columns: Sequence[Column], sources: Iterable[Source], handle: BinaryIO) -> int:
    """A FeatureCollection of the records with coordinates; returns the number of features."""
    written = skipped = 0
    with _text(handle) as text:
        text.write('{"type": "FeatureCollection", "features": [')
        for source in sources:
            lat, lon = source.row.get("lat"), source.row.get("lon")
            if lat is None or lon is None:
                skipped += 1
                continue
            feature = {
                "type": "Feature",
                "id": source.row.get("id"),
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": _record(columns, source),
            }
            text.write(("," if written else "") + "\n" + _dumps(feature))
            written += 1
        text.write("\n], " + _dumps({"warledger": {"skipped_without_coordinates": skipped}})[1:] + "\n")
    if skipped:
        logger.info("geojson: left out %d record(s) without coordinates", skipped)
    return written


def _arrow_value(value: Any, kind: str) -> Any:
    return _dumps(value) if kind == "json" and value is not None else value


def write_parquet(columns: Sequence[Column], sources: Iterable[Source], handle: BinaryIO) -> int:
    """Parquet with one typed column per output column."""
    schema = pa.schema([pa.field(c.name, _ARROW_TYPES[c.type]) for c in columns])
    written = 0
    iterator = iter(sources)
    with pq.ParquetWriter(handle, schema) as writer:
        while chunk := list(islice(iterator, ROW_GROUP)):
            data = {c.name: [_arrow_value(c.value(s), c.type) for s in chunk] for c in columns}
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            written += len(chunk)
        if not written:
            writer.write_table(schema.empty_table())
    return written


WRITERS: dict[str, Callable[[Sequence[Column], Iterable[Source], BinaryIO], int]] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
    "geojson": write_geojson,
    "parquet": write_parquet,
}

Kind = Literal["incidents", "claims", "articles", "events"]
Format = Literal["csv", "json", "jsonl", "geojson", "parquet"]
ColumnSetName = Literal["full", "acled", "ucdp"]
AnyFilter = IncidentFilter | ClaimFilter | ArticleFilter

PAGE = 5_000
"""Records read from the ledger per query."""

_FILTERS: dict[str, type[AnyFilter]] = {
    "incidents": IncidentFilter, "claims": ClaimFilter, "articles": ArticleFilter, "events": EventFilter,
}


def _finder(ledger: Ledger, kind: str) -> Callable[[Any], list[Any]]:
    finders: dict[str, Callable[[Any], list[Any]]] = {
        "incidents": ledger.find_incidents, "claims": ledger.find_claims, "articles": ledger.find_articles,
        "events": lambda where: load_events(ledger, filters=where),
    }
    return finders[kind]


def _pages(ledger: Ledger, kind: str, where: AnyFilter, page: int) -> Iterator[list[Any]]:
    """The filter's records in pages, honouring its own limit and offset."""
    find = _finder(ledger, kind)
    fetched = 0
    while True:
        take = page if where.limit is None else min(page, where.limit - fetched)
        if take <= 0:
            return
        batch = find(dataclasses.replace(where, limit=take, offset=where.offset + fetched))
        if batch:
            yield batch
        fetched += len(batch)
        if len(batch) < take:
            return


def _article_fields(ledger: Ledger, ids: list[str]) -> dict[str, dict[str, Any]]:
    names = ", ".join(ARTICLE_FIELDS)
    found = ledger.sql(f"SELECT id, {names} FROM articles WHERE id IN (SELECT unnest(?))", [ids])
    return {r.pop("id"): r for r in found}


def _sources(ledger: Ledger, kind: str, where: AnyFilter, page: int) -> Iterator[Source]:
    for batch in _pages(ledger, kind, where, page):
        if kind == "articles":
            yield from (Source(flat.article_row(a), {}) for a in batch)
            continue
        if kind == "events":
            yield from (Source(event_row(e), {}) for e in batch)
            continue
        articles = _article_fields(ledger, sorted({r.article_id for r in batch}))
        to_row: Callable[[Any], dict[str, Any]] = flat.incident_row if kind == "incidents" else flat.claim_row
        for record in batch:
            yield Source(to_row(record), articles.get(record.article_id, {}))


def _check(kind: str, fmt: str, filters: AnyFilter | None) -> AnyFilter:
    if fmt not in FORMATS:
        raise config_error("format", f"{fmt!r} is not an export format; use one of {', '.join(FORMATS)}")
    if fmt == "geojson" and kind not in ("incidents", "events"):
        raise config_error("format", f"geojson needs coordinates, which only incidents and events have; export {kind} "
                                     "as csv, json, jsonl or parquet")
    expected = _FILTERS[kind]
    if filters is None:
        return expected()
    if not isinstance(filters, expected):
        raise config_error("filters", f"{kind} take an {expected.__name__}, not a {type(filters).__name__}")
    return filters


def export(
    ledger: Ledger,
    kind: Kind | str,
    *,
    fmt: Format | str = "csv",
    columns: ColumnSetName | str = "full",
    out: str | os.PathLike[str] = "-",
    filters: AnyFilter | None = None,
    page: int = PAGE,
) -> int:
    """Write the ``kind`` records that ``filters`` select to ``out`` ("-" for stdout); return the rows written.

    ``columns`` picks the column set: "full" (every field, flat), "acled" or "ucdp" (incidents only; see
    docs/database.md#exporting). For geojson the count is the features written; incidents without coordinates
    are left out.

    >>> export(ledger, "incidents", fmt="csv", columns="acled", out="odesa.csv",      # doctest: +SKIP
    ...        filters=IncidentFilter(oblast="Odesa", since="2026-01-01"))
    """
    spec = column_set(kind, columns)
    where = _check(kind, fmt, filters)
    write = WRITERS[fmt]
    sources = _sources(ledger, kind, where, page)
    if os.fspath(out) == "-":
        written = write(spec, sources, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return written
    target = Path(out)
    if not target.parent.is_dir():
        raise config_error("out", f"the folder {target.parent} does not exist; create it or choose another path")
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as handle:
            written = write(spec, sources, handle)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    logger.info("exported %d %s to %s (%s, %s columns)", written, kind, target, fmt, columns)
    return written

