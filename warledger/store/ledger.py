"""The ledger: an embedded DuckDB database of articles, incidents, claims and skipped documents.

Public and stable: ``Ledger`` and ``IngestStats``. The tables are described in docs/database.md.

Durability: each document (``add``) or each batch of documents (``add_many``) is one transaction, so a crash or a
``kill -9`` keeps every committed document whole (the article with all its incidents and claims) and nothing of the
one in flight. Idempotence: a document whose ``content_hash`` is already stored is skipped, whatever its source; a
document whose article ``id`` is stored with different content replaces the old version (its incidents and claims
go with it), so re-ingesting an edited file updates it.

One Ledger may be shared by threads (calls are serialised); another process cannot open the same file for writing
while it is open (DuckDB's lock, reported as StoreError E305).
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from warledger import records
from warledger.errors import StoreError, store_error
from warledger.store import rows
from warledger.store.filters import ArticleFilter, ClaimFilter, IncidentFilter, config_error
from warledger.store.schema import connect, ensure_schema, first_line

logger = logging.getLogger(__name__)

_DEFAULTED = frozenset({"ingested_at"})
"""Columns the database fills in itself."""


@dataclass(slots=True)
class IngestStats:
    """What an ``add_many`` run stored."""

    articles_added: int = 0
    """New articles written (replacements included)."""
    duplicates: int = 0
    """Documents skipped because their content hash was already stored (or seen earlier in the run)."""
    replaced: int = 0
    """Articles whose id was stored with other content and were replaced by the new version."""
    incidents: int = 0
    """Incidents written."""
    claims: int = 0
    """Claims written."""

    def __iadd__(self, other: IngestStats) -> IngestStats:
        self.articles_added += other.articles_added
        self.duplicates += other.duplicates
        self.replaced += other.replaced
        self.incidents += other.incidents
        self.claims += other.claims
        return self


class Ledger:
    """An embedded DuckDB ledger; use as a context manager or call ``close()``.

    >>> with Ledger("warledger.duckdb") as ledger:          # doctest: +SKIP
    ...     ledger.add(extraction)
    ...     ledger.incidents(oblast="Odesa", since="2026-01-01")
    """

    def __init__(self, path: str | os.PathLike[str] = "warledger.duckdb", *, read_only: bool = False) -> None:
        self._con, self.path = connect(path, read_only=read_only)
        self.read_only = read_only
        self._lock = threading.RLock()
        try:
            self.schema_version = ensure_schema(self._con, path=self.path, read_only=read_only)
        except StoreError:
            self._con.close()
            raise
        self._schemas = {table: self._insert_schema(table) for table in ("articles", "incidents", "claims")}

    def _insert_schema(self, table: str) -> pa.Schema:
        schema = self._con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
        return pa.schema([f for f in schema if f.name not in _DEFAULTED])

    # -- lifecycle -------------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database; committed data is on disk."""
        with self._lock:
            self._con.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"Ledger({self.path!r}{mode})"

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for power users. Not thread-safe: use ``connection.cursor()`` per thread."""
        return self._con

    def sql(self, query: str, params: list[Any] | tuple[Any, ...] | None = None) -> list[dict[str, Any]]:
        """Run one SQL statement with ``?`` parameters and return its rows as dicts (JSON columns as text)."""
        with self._lock:
            cursor = self._con.execute(query, list(params or []))
            if cursor.description is None:
                return []
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # -- writing ---------------------------------------------------------------------------------------------------

    def _writable(self, action: str) -> None:
        if self.read_only:
            raise store_error("E310", path=self.path, action=action)

    def add(self, extraction: records.Extraction) -> bool:
        """Store one document (article, incidents, claims) in one transaction.

        Returns False, writing nothing, when an article with the same content hash is already stored.
        """
        return self._write([extraction]).articles_added == 1

    def add_many(self, extractions: Iterable[records.Extraction], *, batch: int = 50) -> IngestStats:
        """Store many documents, ``batch`` per transaction; committed batches survive an interrupted run."""
        if batch < 1:
            raise config_error("batch", f"{batch!r} must be at least 1")
        stats = IngestStats()
        iterator: Iterator[records.Extraction] = iter(extractions)
        while chunk := list(islice(iterator, batch)):
            stats += self._write(chunk)
            logger.debug("%s: stored a batch of %d documents", self.path, len(chunk))
        return stats

    def record_skipped(self, skipped: records.Skipped) -> bool:
        """Note a document that was read but not extracted; False when it was already noted for that reason."""
        self._writable("record skipped documents")
        with self._lock:
            before = self._count("skipped")
            self._con.execute(
                "INSERT INTO skipped (source_id, reason, language) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [skipped.source_id, skipped.reason, skipped.language],
            )
            return self._count("skipped") > before

    def _count(self, table: str) -> int:
        return int(self.sql(f"SELECT count(*) AS n FROM {table}")[0]["n"])

    def _plan(self, extractions: list[records.Extraction]) -> tuple[list[records.Extraction], list[str], IngestStats]:
        """Which documents of a batch to write, and which stored article ids they replace.

        Stored or repeated content is dropped; of two versions of one id in a batch the later wins.
        """
        stats = IngestStats()
        hashes = [rows.hash_of(x.article) for x in extractions]
        stored = {digest for (digest,) in self._con.execute(
            "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))", [hashes]).fetchall()}
        chosen: dict[str, records.Extraction] = {}
        for extraction, digest in zip(extractions, hashes, strict=True):
            if digest in stored:
                stats.duplicates += 1
                continue
            stored.add(digest)
            if extraction.article.id in chosen:
                stats.replaced += 1
            chosen[extraction.article.id] = extraction
        replaced = []
        if chosen:
            replaced = [id_ for (id_,) in self._con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(chosen)]).fetchall()]
        stats.replaced += len(replaced)
        return list(chosen.values()), replaced, stats

    def _write(self, extractions: list[records.Extraction]) -> IngestStats:
        self._writable("add documents")
        with self._lock:
            self._con.begin()
            try:
                stats = self._write_in_transaction(extractions)
                self._con.commit()
            except duckdb.Error as exc:
                self._con.rollback()
                first = extractions[0].article.source_id if extractions else "-"
                raise store_error("E311", path=self.path, source=first, detail=first_line(exc)) from exc
        return stats

    def _write_in_transaction(self, extractions: list[records.Extraction]) -> IngestStats:
        todo, replaced, stats = self._plan(extractions)
        if not todo:
            return stats
        if replaced:
            logger.info("%s: replacing %d article(s) stored with other content", self.path, len(replaced))
            for table, key in (("incidents", "article_id"), ("claims", "article_id"), ("articles", "id")):
                self._con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [replaced])
        article_rows, incident_rows, claim_rows = [], [], []
        for extraction in todo:
            article = extraction.article
            article_rows.append({**rows.article_row(article), "published_day": rows.day_of(article.published)})
            incident_rows += [{**rows.incident_row(i), "day": rows.day_of(i.date)} for i in extraction.incidents]
            claim_rows += [
                {**rows.claim_row(c), "day": rows.claim_day(c.as_of, c.period_end, article.published)}
                for c in extraction.claims
            ]
        self._insert("articles", article_rows)
        self._insert("incidents", incident_rows)
        self._insert("claims", claim_rows)
        stats.articles_added += len(todo)
        stats.incidents += len(incident_rows)
        stats.claims += len(claim_rows)
        return stats

    def _insert(self, table: str, new_rows: list[dict[str, Any]]) -> None:
        if not new_rows:
            return
        batch = pa.Table.from_pylist([rows.encode(r) for r in new_rows], schema=self._schemas[table])
        self._con.register("_warledger_batch", batch)
        try:
            self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _warledger_batch")
        finally:
            self._con.unregister("_warledger_batch")

    # -- reading ---------------------------------------------------------------------------------------------------

    def find_incidents(self, where: IncidentFilter) -> list[records.Incident]:
        """The incidents a filter selects, in its order."""
        return [rows.incident_from_row(r) for r in self.sql(*where.query())]

    def find_claims(self, where: ClaimFilter) -> list[records.Claim]:
        """The claims a filter selects, in its order."""
        return [rows.claim_from_row(r) for r in self.sql(*where.query())]

    def find_articles(self, where: ArticleFilter) -> list[records.Article]:
        """The articles a filter selects, in its order."""
        return [rows.article_from_row(r) for r in self.sql(*where.query())]

    def count(self, where: IncidentFilter | ClaimFilter | ArticleFilter) -> int:
        """How many rows a filter's conditions match, ignoring its limit and offset (for paging)."""
        return int(self.sql(*where.count_query())[0]["n"])

    def incidents(
        self,
        *,
        since: str | date | None = None,
        until: str | date | None = None,
        oblast: str | None = None,
        place: str | None = None,
        event_type: str | None = None,
        weapon: str | None = None,
        min_killed: int | None = None,
        min_injured: int | None = None,
        min_confidence: float | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
    ) -> list[records.Incident]:
        """Incidents matching every option given; see ``IncidentFilter`` for what each option means."""
        return self.find_incidents(IncidentFilter(
            since=since, until=until, oblast=oblast, place=place, event_type=event_type, weapon=weapon,
            min_killed=min_killed, min_injured=min_injured, min_confidence=min_confidence, article_id=article_id,
            limit=limit, offset=offset, order=order,
        ))

    def claims(
        self,
        *,
        claimant: str | None = None,
        side: str | None = None,
        population: str | None = None,
        metric: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        min_confidence: float | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
    ) -> list[records.Claim]:
        """Claims matching every option given; see ``ClaimFilter`` for what each option means."""
        return self.find_claims(ClaimFilter(
            claimant=claimant, side=side, population=population, metric=metric, since=since, until=until,
            min_confidence=min_confidence, article_id=article_id, limit=limit, offset=offset, order=order,
        ))

    def articles(
        self,
        *,
        since: str | date | None = None,
        until: str | date | None = None,
        language: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
    ) -> list[records.Article]:
        """Articles published in the window (by ``published``'s day); see ``ArticleFilter``."""
        return self.find_articles(ArticleFilter(
            since=since, until=until, language=language, limit=limit, offset=offset, order=order
        ))

    def _one(self, table: str, id_: str) -> dict[str, Any] | None:
        found = self.sql(f"SELECT * FROM {table} WHERE id = ?", [id_])
        return found[0] if found else None

    def article(self, id: str) -> records.Article | None:
        """One article by id, or None."""
        row = self._one("articles", id)
        return None if row is None else rows.article_from_row(row)

    def incident(self, id: str) -> records.Incident | None:
        """One incident by id, or None."""
        row = self._one("incidents", id)
        return None if row is None else rows.incident_from_row(row)

    def claim(self, id: str) -> records.Claim | None:
        """One claim by id, or None."""
        row = self._one("claims", id)
        return None if row is None else rows.claim_from_row(row)

    def summary(self) -> dict[str, Any]:
        """Counts and totals for a one-screen overview (JSON-ready: dates as ISO strings)."""
        totals = self.sql(
            "SELECT count(*) AS incidents, sum(coalesce(killed_min, killed_max)) AS killed,"
            " sum(coalesce(injured_min, injured_max)) AS injured, sum(coalesce(missing_min, missing_max)) AS missing,"
            " min(day) AS first_date, max(day) AS last_date FROM incidents"
        )[0]
        by_language = self.sql(
            "SELECT coalesce(language, 'unknown') AS language, count(*) AS n FROM skipped GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        return {
            "path": self.path,
            "schema_version": self.schema_version,
            "articles": self._count("articles"),
            "incidents": int(totals["incidents"]),
            "claims": self._count("claims"),
            "skipped": self._count("skipped"),
            "skipped_by_language": {r["language"]: int(r["n"]) for r in by_language},
            "killed": int(totals["killed"] or 0),
            "injured": int(totals["injured"] or 0),
            "missing": int(totals["missing"] or 0),
            "first_date": totals["first_date"].isoformat() if totals["first_date"] else None,
            "last_date": totals["last_date"].isoformat() if totals["last_date"] else None,
        }
