"""Fused events and the claims registry in the ledger database: their own tables, built from incidents and claims.

Public and stable: ``ensure_tables``, ``save_events``, ``load_events``, ``event_detail``, ``event_row``,
``rebuild_events``, ``update_events``, ``FusionStats``, ``EventFilter``, ``load_reports``, ``import_claims``,
``rebuild_registry``, ``series_table``.
Functions take a ``Ledger`` or a DuckDB connection (a Ledger's own connection is used through a cursor of it).

Tables (created with ``CREATE TABLE IF NOT EXISTS``, so any ledger file gains them on first use):

- ``events``: one row per event; the columns ``IncidentFilter`` knows (day, place, admin1, event_type, ...), UCDP-style
  ``<count>_low/_best/_high``, and ``record``, the whole event as JSON (the contract's "event" record);
- ``event_members``: (event_id, incident_id, article_id, publisher, published, score, reasons JSON, linked_to, seq);
- ``event_history``: every figure of every toll, in publication order;
- ``event_aliases``: (old_id, event_id) for ids an event had before an earlier report joined it;
- ``claim_registry`` and ``claim_registry_reports``: the registry of estimates and the claims that report each.

``update_events`` fuses the incidents not yet in any event (or the ids given) incrementally: only the components
they reach are clustered again, and the result equals ``rebuild_events`` (tests/fuse/test_store_events.py).
"""
from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import duckdb
import pyarrow as pa

from warledger.fuse.claims_registry import registry, series, series_rows
from warledger.fuse.estimates_table import estimates_article, estimates_from_text
from warledger.fuse.events import carry_ids, events_of, expand, fuse, reports
from warledger.fuse.reports import DATE_WINDOW_DAYS, ArticleMeta, BlockIndex, Report
from warledger.records import Event, Extraction, Incident, RegistryClaim, event_from_dict
from warledger.store.filters import Clause, IncidentFilter
from warledger.store.ledger import Ledger
from warledger.store.rows import claim_from_row, incident_from_row

log = logging.getLogger(__name__)

Source = Ledger | duckdb.DuckDBPyConnection

COUNTS = ("killed", "injured", "missing")

DDL = """
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, date VARCHAR, day DATE, date_precision VARCHAR, event_type VARCHAR, weapon VARCHAR,
    place VARCHAR, admin1 VARCHAR, admin2 VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, gazetteer_id VARCHAR,
    where_prec INTEGER, near BOOLEAN, perpetrator VARCHAR, targets VARCHAR[],
    killed_low BIGINT, killed_best BIGINT, killed_high BIGINT, injured_low BIGINT, injured_best BIGINT,
    injured_high BIGINT, missing_low BIGINT, missing_best BIGINT, missing_high BIGINT,
    reports INTEGER, articles INTEGER, confidence DOUBLE, first_published VARCHAR, last_published VARCHAR,
    supersedes VARCHAR[], record JSON);
CREATE TABLE IF NOT EXISTS event_members (
    incident_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, article_id VARCHAR, publisher VARCHAR,
    published VARCHAR, score DOUBLE, reasons JSON, linked_to VARCHAR, seq INTEGER);
CREATE TABLE IF NOT EXISTS event_history (
    event_id VARCHAR NOT NULL, field VARCHAR NOT NULL, seq INTEGER NOT NULL, incident_id VARCHAR, article_id VARCHAR,
    publisher VARCHAR, published VARCHAR, "min" BIGINT, "max" BIGINT, qualifier VARCHAR, attributed_to VARCHAR[],
    evidence VARCHAR);
CREATE TABLE IF NOT EXISTS event_aliases (old_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS claim_registry (
    id VARCHAR PRIMARY KEY, claimant VARCHAR, side VARCHAR, population VARCHAR, metric VARCHAR, "min" BIGINT,
    "max" BIGINT, qualifier VARCHAR, period_start VARCHAR, period_end VARCHAR, as_of VARCHAR, projection BOOLEAN,
    disputed_by VARCHAR[], reports INTEGER, record JSON);
CREATE TABLE IF NOT EXISTS claim_registry_reports (
    claim_id VARCHAR PRIMARY KEY, registry_id VARCHAR NOT NULL, article_id VARCHAR, publisher VARCHAR,
    published VARCHAR);
ALTER TABLE event_members ADD COLUMN IF NOT EXISTS article_hash VARCHAR;
CREATE INDEX IF NOT EXISTS event_members_event ON event_members (event_id);
CREATE INDEX IF NOT EXISTS event_history_event ON event_history (event_id);
"""
TABLES = ("events", "event_members", "event_history", "event_aliases", "claim_registry", "claim_registry_reports")


def _cursor(source: Source) -> duckdb.DuckDBPyConnection:
    con = source.connection if isinstance(source, Ledger) else source
    return con.cursor()


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the fusion tables when they are missing."""
    for statement in DDL.split(";"):
        if statement.strip():
            con.execute(statement)


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'").fetchone()
    return bool(found and found[0])


def _rows(con: duckdb.DuckDBPyConnection, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(query, list(params))
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    schema = con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
    batch = pa.Table.from_pylist(rows, schema=schema)
    con.register("_fusion_batch", batch)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _fusion_batch")
    finally:
        con.unregister("_fusion_batch")


_LOCATION_COLUMNS = {"name": "place", "admin1": "admin1", "admin2": "admin2", "country": "country", "lat": "lat",
                     "lon": "lon", "gazetteer_id": "gazetteer_id", "precision": "where_prec", "near": "near"}


def _event_rows(event: Event) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    plain = event.to_dict()
    loc = plain["location"] or {}
    row: dict[str, Any] = {
        "id": event.id, "date": event.date, "day": _day(event.date), "date_precision": event.date_precision,
        "event_type": event.event_type, "weapon": event.weapon, "perpetrator": event.perpetrator,
        "targets": plain["targets"], "reports": len(event.members),
        "articles": len({m.article_id for m in event.members}), "confidence": None,
        "first_published": event.first_published, "last_published": event.last_published,
        "supersedes": plain["supersedes"], "record": json.dumps(plain, ensure_ascii=False),
        **{column: loc.get(name) for name, column in _LOCATION_COLUMNS.items()},
    }
    history = []
    for name in COUNTS:
        toll = plain[name] or {}
        for part in ("low", "best", "high"):
            row[f"{name}_{part}"] = toll.get(part)
        history += [{"event_id": event.id, "field": name, "seq": seq, **point}
                    for seq, point in enumerate(toll.get("history", []))]
    members = [{**m, "event_id": event.id, "seq": seq, "reasons": json.dumps(m["reasons"])}
               for seq, m in enumerate(plain["members"])]
    return row, members, history


def event_row(event: Event) -> dict[str, Any]:
    """The event as one flat row (the ``events`` table's columns without ``record``): the export column set, with
    UCDP-style ``<count>_low``, ``<count>_best``, ``<count>_high``."""
    row = _event_rows(event)[0]
    row.pop("record")
    return row


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text and len(text) >= 10 else None
    except ValueError:
        return None


def _delete(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    doomed = sorted(set(ids))
    if doomed:
        for table, key in (("events", "id"), ("event_members", "event_id"), ("event_history", "event_id")):
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [doomed])


def save_events(con: duckdb.DuckDBPyConnection, events: Sequence[Event], *, replace: Iterable[str] = ()) -> None:
    """Write ``events`` (replacing stored events with the same ids, and those in ``replace``); not a transaction."""
    ensure_tables(con)
    _delete(con, [*replace, *(e.id for e in events)])
    rows, members, history = [], [], []
    for event in events:
        row, event_members, event_history = _event_rows(event)
        rows.append(row)
        members += event_members
        history += event_history
    _insert(con, "events", rows)
    _insert(con, "event_members", members)
    _insert(con, "event_history", history)
    con.execute("UPDATE event_members SET article_hash = a.content_hash FROM articles a "
                "WHERE a.id = event_members.article_id AND event_members.event_id IN (SELECT unnest(?))",
                [[e.id for e in events] or [""]])
    aliases = [{"old_id": old, "event_id": e.id} for e in events for old in e.supersedes]
    if aliases:
        con.execute("DELETE FROM event_aliases WHERE old_id IN (SELECT unnest(?))", [[a["old_id"] for a in aliases]])
        _insert(con, "event_aliases", aliases)


@dataclass(frozen=True, kw_only=True)
class EventFilter(IncidentFilter):
    """``IncidentFilter`` over the events table: counts compare the event's best figure, ``article_id`` selects
    events with a member from that article, ``min_confidence`` is ignored (events have none)."""

    TABLE: ClassVar[str] = "events"
    ORDERS: ClassVar[dict[str, str]] = {
        "date": "{p}day", "id": "{p}id", "killed": "{p}killed_best", "injured": "{p}injured_best",
        "reports": "{p}reports", "confidence": "{p}reports",
    }

    @classmethod
    def of(cls, where: IncidentFilter) -> EventFilter:
        return cls(**{f.name: getattr(where, f.name) for f in dataclasses.fields(IncidentFilter)})

    def conditions(self, col: Any) -> list[Clause]:
        plain = IncidentFilter(oblast=self.oblast, place=self.place, event_type=self.event_type, weapon=self.weapon)
        parts = plain.conditions(col)
        if self.min_killed is not None:
            parts.append(Clause(f"{col('killed_best')} >= ?", (self.min_killed,)))
        if self.min_injured is not None:
            parts.append(Clause(f"{col('injured_best')} >= ?", (self.min_injured,)))
        if self.article_id is not None:
            parts.append(Clause(
                f"EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = {col('id')} AND m.article_id = ?)",
                (self.article_id,)))
        return parts


def load_events(source: Source, *, filters: IncidentFilter | None = None, **options: Any) -> list[Event]:
    """Stored events matching ``filters`` (an ``IncidentFilter``, or its options as keywords), in its order.

    >>> load_events(ledger, oblast="Odesa", since="2026-01-01", min_killed=1)   # doctest: +SKIP
    """
    con = _cursor(source)
    if not _has_tables(con):
        return []
    where = EventFilter.of(filters) if filters is not None else EventFilter(**options)
    sql, params = where.query()
    found = _rows(con, sql.replace("SELECT *", "SELECT record", 1), params)
    return [event_from_dict(json.loads(r["record"])) for r in found]


def event_detail(source: Source, event_id: str) -> Event | None:
    """One stored event by id (an old id that an event superseded finds the event), or None."""
    con = _cursor(source)
    if not _has_tables(con):
        return None
    found = _rows(con, "SELECT record FROM events WHERE id = ?", [event_id])
    if not found:
        found = _rows(con, "SELECT e.record FROM event_aliases a JOIN events e ON e.id = a.event_id "
                           "WHERE a.old_id = ?", [event_id])
    return event_from_dict(json.loads(found[0]["record"])) if found else None


def load_reports(source: Source, *, ids: Sequence[str] | None = None,
                 days: tuple[date, date] | None = None) -> list[tuple[Incident, ArticleMeta]]:
    """Stored incidents with their article's publisher and publication time: all, those with ``ids``, or those whose
    day (the incident's, else the article's publication day) is within ``days`` (inclusive)."""
    con = _cursor(source)
    sql = ("SELECT i.*, a.publisher AS _publisher, a.published AS _published FROM incidents i "
           "LEFT JOIN articles a ON a.id = i.article_id")
    params: list[Any] = []
    if ids is not None:
        sql += " WHERE i.id IN (SELECT unnest(?))"
        params.append(list(ids))
    elif days is not None:
        sql += " WHERE coalesce(i.day, a.published_day) BETWEEN ? AND ?"
        params += list(days)
    return [(incident_from_row(r), ArticleMeta(r["article_id"], r["_publisher"], r["_published"]))
            for r in _rows(con, sql + " ORDER BY i.id", params)]


class _StoredReports:
    """A ``Lookup`` over the ledger's incidents that loads the days it is asked about, once."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.index = BlockIndex()
        self.loaded: set[int] = set()

    def __call__(self, report: Report) -> list[Report]:
        if report.day is None:
            return []
        wanted = [d for d in range(report.day - DATE_WINDOW_DAYS, report.day + DATE_WINDOW_DAYS + 1)
                  if d not in self.loaded]
        if wanted:
            span = (date.fromordinal(min(wanted)), date.fromordinal(max(wanted)))
            for found in reports(load_reports(self.source, days=span)):
                self.index.add(found)
            self.loaded.update(range(min(wanted), max(wanted) + 1))
        return self.index.candidates(report)


@dataclass(frozen=True, slots=True)
class FusionStats:
    """What ``update_events`` or ``rebuild_events`` did."""

    new_reports: int
    events_written: int
    events_removed: int
    events_total: int

    def __str__(self) -> str:
        return (f"{self.new_reports} reports fused, {self.events_written} events written, "
                f"{self.events_removed} replaced, {self.events_total} in total")


def _count_events(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute("SELECT count(*) FROM events").fetchone()
    return int(found[0]) if found else 0


def _write(con: duckdb.DuckDBPyConnection, action: Any) -> Any:
    con.begin()
    try:
        result = action()
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return result


def rebuild_events(ledger: Ledger) -> FusionStats:
    """Fuse every stored incident again and replace all stored events (old ids are kept as aliases)."""
    con = _cursor(ledger)
    ensure_tables(con)
    previous = load_events(con)
    events = fuse(load_reports(con), previous=previous)

    def replace() -> None:
        for table in ("events", "event_members", "event_history"):
            con.execute(f"DELETE FROM {table}")
        save_events(con, events)

    _write(con, replace)
    log.info("rebuilt %d events", len(events))
    return FusionStats(sum(len(e.members) for e in events), len(events), len(previous), len(events))


def _spans(events: Sequence[Event]) -> list[tuple[date, date]]:
    """Day ranges holding every report that may have been linked to a member of ``events``."""
    reach = 2 * DATE_WINDOW_DAYS
    spans = []
    for event in events:
        days = [d for d in (_day(event.date), *(_day(m.published) for m in event.members)) if d is not None]
        if days:
            low, high = min(days).toordinal() - reach, max(days).toordinal() + reach
            spans.append((date.fromordinal(low), date.fromordinal(high)))
    return spans


def update_events(ledger: Ledger, new_incident_ids: Sequence[str] | None = None) -> FusionStats:
    """Fuse new incidents into the stored events incrementally; equal to ``rebuild_events`` (ids, members, tolls).

    ``new_incident_ids`` defaults to every stored incident not yet in an event. An event with a member that is gone
    or changed (its article was replaced) is fused again with every report that could have been linked to that
    member: all stored reports within ``2 * DATE_WINDOW_DAYS`` days of the event's dates.
    """
    con = _cursor(ledger)
    ensure_tables(con)
    if new_incident_ids is None:
        new_incident_ids = [r["id"] for r in _rows(
            con, "SELECT id FROM incidents WHERE id NOT IN (SELECT incident_id FROM event_members)")]
    stale_events = sorted(r["event_id"] for r in _rows(con, (
        "SELECT DISTINCT m.event_id FROM event_members m LEFT JOIN incidents i ON i.id = m.incident_id "
        "LEFT JOIN articles a ON a.id = i.article_id "
        "WHERE i.id IS NULL OR a.content_hash IS DISTINCT FROM m.article_hash")))
    stale = [e for e in (event_detail(con, i) for i in stale_events) if e is not None]
    found = load_reports(con, ids=[*new_incident_ids, *(m.incident_id for e in stale for m in e.members)])
    for span in _spans(stale):
        found += load_reports(con, days=span)
    seeds = reports(found)
    if not seeds and not stale_events:
        return FusionStats(0, 0, 0, _count_events(con))
    components = expand(seeds, _StoredReports(con))
    reached = sorted({r.id for component in components for r in component})
    touched = {r["event_id"] for r in _rows(
        con, "SELECT DISTINCT event_id FROM event_members WHERE incident_id IN (SELECT unnest(?))", [reached or [""]])}
    touched.update(stale_events)
    previous = [e for e in (event_detail(con, event_id) for event_id in sorted(touched)) if e is not None]
    rebuilt = carry_ids([e for component in components for e in events_of(component)], previous)
    _write(con, lambda: save_events(con, rebuilt, replace=touched))
    log.info("%d new reports: %d events written, %d replaced", len(seeds), len(rebuilt), len(touched))
    return FusionStats(len(seeds), len(rebuilt), len(touched), _count_events(con))


# -- claims registry ---------------------------------------------------------------------------------------------


def _registry_rows(entries: Sequence[RegistryClaim]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, reports_ = [], []
    for entry in entries:
        plain = entry.to_dict()
        rows.append({**{k: plain[k] for k in plain if k not in ("type", "reports")}, "reports": len(entry.reports),
                     "record": json.dumps(plain, ensure_ascii=False)})
        reports_ += [{"registry_id": entry.id, **dataclasses.asdict(r)} for r in entry.reports]
    for row in reports_:
        row.pop("evidence", None)
    return rows, reports_


def _article_meta(con: duckdb.DuckDBPyConnection) -> dict[str, ArticleMeta]:
    return {r["id"]: ArticleMeta(r["id"], r["publisher"], r["published"])
            for r in _rows(con, "SELECT id, publisher, published FROM articles")}


def rebuild_registry(ledger: Ledger) -> list[RegistryClaim]:
    """Build the claims registry from every stored claim and store it (replacing the old one)."""
    con = _cursor(ledger)
    ensure_tables(con)
    claims = [claim_from_row(r) for r in _rows(con, "SELECT * FROM claims ORDER BY id")]
    entries = registry(claims, articles=_article_meta(con))
    rows, reports_ = _registry_rows(entries)

    def replace() -> None:
        con.execute("DELETE FROM claim_registry")
        con.execute("DELETE FROM claim_registry_reports")
        _insert(con, "claim_registry", rows)
        _insert(con, "claim_registry_reports", reports_)

    _write(con, replace)
    return entries


def series_table(source: Source, *, side: str | None = None, metric: str | None = None,
                 claimant: str | None = None) -> list[dict[str, Any]]:
    """Rows of each claimant's estimates over time (``series_rows``), from the stored claims; filters optional."""
    con = _cursor(source)
    claims = [claim_from_row(r) for r in _rows(con, "SELECT * FROM claims ORDER BY id")]
    rows = series_rows(series(claims, articles=_article_meta(con)))
    return [r for r in rows if (side is None or (r["side"] or "").lower() == side.lower())
            and (metric is None or r["metric"] == metric.lower())
            and (claimant is None or r["claimant"].lower() == claimant.lower())]


def import_claims(ledger: Ledger, path: str | Path) -> int:
    """Store the estimates of a CSV table (``warledger.fuse.estimates_table``) as claims of one import article,
    then rebuild the registry. Returns how many claims were stored (0 when that file was imported before)."""
    article = estimates_article(path)
    claims = estimates_from_text(article.text, name=Path(path).name)
    stored = ledger.add(Extraction(article, [], claims))
    rebuild_registry(ledger)
    return len(claims) if stored else 0
