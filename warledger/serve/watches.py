"""Watches: saved incident filters, kept in the ledger, whose matches feed an Atom feed and, optionally, a webhook.

Public and stable: ``Watch``, ``WatchStore`` and the two tables it owns (created on first use, next to the store's
own tables; docs/api.md#watches):

    watches            name, filters (JSON: the IncidentFilter options), webhook, created_at
    watch_deliveries   watch, incident_id, status (delivered | pending | failed), attempts, last_error, updated_at

Which matches a webhook gets: incidents that match the filter and whose article was ingested after the watch was
created ("new matches"), each once: a row in ``watch_deliveries`` with status ``delivered`` keeps it from being sent
again. A match whose delivery failed every retry of one round stays ``pending`` and is tried again on the next round,
until it has had ``MAX_ROUNDS`` rounds; then it is ``failed`` and no longer tried.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from warledger.errors import ConfigError, message
from warledger.records import Incident
from warledger.store import IncidentFilter, Ledger
from warledger.store import rows as flat

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
FILTER_OPTIONS = ("since", "until", "oblast", "place", "event_type", "weapon", "min_killed", "min_injured",
                  "min_confidence")
"""The ``IncidentFilter`` options a watch may save."""
MAX_ROUNDS = 3
"""Delivery rounds (each with its own retries) before a match is marked failed."""

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS watches (name VARCHAR PRIMARY KEY, filters JSON NOT NULL, webhook VARCHAR,"
    " created_at TIMESTAMP NOT NULL DEFAULT current_timestamp)",
    "CREATE TABLE IF NOT EXISTS watch_deliveries (watch VARCHAR NOT NULL, incident_id VARCHAR NOT NULL,"
    " status VARCHAR NOT NULL, attempts INTEGER NOT NULL, last_error VARCHAR,"
    " updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp, PRIMARY KEY (watch, incident_id))",
)


def _config_error(option: str, detail: str) -> ConfigError:
    return ConfigError(message("E201", option=option, detail=detail), code="E201")


@dataclass(frozen=True, slots=True)
class Watch:
    """A saved filter."""

    name: str
    filters: dict[str, Any]
    """``IncidentFilter`` options, only those that are set."""
    webhook: str | None
    created_at: datetime

    def incident_filter(self, **paging: Any) -> IncidentFilter:
        return IncidentFilter(**self.filters, **paging)

    def describe(self) -> str:
        """The filter in words, for feed titles and listings: "oblast=Odesa, min_killed=1"."""
        return ", ".join(f"{k}={v}" for k, v in sorted(self.filters.items())) or "all incidents"


@dataclass(frozen=True, slots=True)
class Match:
    """An incident matching a watch, with when its article was ingested and the article's title and URL."""

    incident: Incident
    ingested_at: datetime
    title: str | None
    url: str | None
    publisher: str | None


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise _config_error("name", f"{name!r} is not a watch name; use letters, digits, '.', '_' or '-' "
                                    "(up to 64, starting with a letter or digit)")
    return name


def check_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Only set, known options; a bad value is a ConfigError from ``IncidentFilter`` itself."""
    unknown = sorted(set(filters) - set(FILTER_OPTIONS))
    if unknown:
        raise _config_error("filters", f"unknown option(s) {', '.join(unknown)}; use {', '.join(FILTER_OPTIONS)}")
    chosen = {k: v for k, v in filters.items() if v is not None}
    IncidentFilter(**chosen)
    return chosen


def check_webhook(url: str | None) -> str | None:
    if url is not None and not re.match(r"^https?://[^\s/]+", url):
        raise _config_error("webhook", f"{url!r} is not an http(s) URL")
    return url


class WatchStore:
    """The watches of one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        for statement in SCHEMA:
            ledger.sql(statement)

    def add(self, name: str, *, filters: dict[str, Any], webhook: str | None = None) -> Watch:
        """Save a watch; a ConfigError when the name is taken or an option is bad."""
        check_name(name)
        chosen = check_filters(filters)
        check_webhook(webhook)
        if self.get(name) is not None:
            raise _config_error("name", f"a watch named {name!r} exists; remove it first or choose another name")
        self.ledger.sql("INSERT INTO watches (name, filters, webhook) VALUES (?, ?, ?)",
                        [name, json.dumps(chosen, default=str), webhook])
        found = self.get(name)
        assert found is not None
        return found

    def remove(self, name: str) -> bool:
        """Forget a watch and its delivery record; False when there was none."""
        if self.get(name) is None:
            return False
        self.ledger.sql("DELETE FROM watch_deliveries WHERE watch = ?", [name])
        self.ledger.sql("DELETE FROM watches WHERE name = ?", [name])
        return True

    def get(self, name: str) -> Watch | None:
        found = self.ledger.sql("SELECT * FROM watches WHERE name = ?", [name])
        return self._watch(found[0]) if found else None

    def all(self) -> list[Watch]:
        return [self._watch(r) for r in self.ledger.sql("SELECT * FROM watches ORDER BY name")]

    @staticmethod
    def _watch(row: dict[str, Any]) -> Watch:
        filters = row["filters"]
        return Watch(row["name"], json.loads(filters) if isinstance(filters, str) else filters, row["webhook"],
                     row["created_at"])

    def delivery_counts(self, name: str) -> dict[str, int]:
        found = self.ledger.sql("SELECT status, count(*) AS n FROM watch_deliveries WHERE watch = ? GROUP BY 1",
                                [name])
        counts = {"delivered": 0, "pending": 0, "failed": 0}
        counts.update({r["status"]: int(r["n"]) for r in found})
        return counts

    def _matches(self, watch: Watch, extra: str, params: list[Any], limit: int) -> list[Match]:
        clause = watch.incident_filter().where("i")
        found = self.ledger.sql(
            "SELECT i.*, a.ingested_at AS _ingested_at, a.title AS _title, a.url AS _url, a.publisher AS _publisher"
            f" FROM incidents i JOIN articles a ON a.id = i.article_id WHERE ({clause.sql}) {extra}"
            " ORDER BY a.ingested_at DESC, i.id LIMIT ?",
            [*clause.params, *params, limit],
        )
        return [
            Match(flat.incident_from_row({k: v for k, v in r.items() if not k.startswith("_")}), r["_ingested_at"],
                  r["_title"], r["_url"], r["_publisher"])
            for r in found
        ]

    def matches(self, watch: Watch, *, limit: int = 50) -> list[Match]:
        """The latest matches (by ingestion), for the feed."""
        return self._matches(watch, "", [], limit)

    def undelivered(self, watch: Watch, *, limit: int = 100) -> list[Match]:
        """New matches not yet delivered nor given up on, oldest first."""
        found = self._matches(
            watch,
            "AND a.ingested_at >= ? AND NOT EXISTS (SELECT 1 FROM watch_deliveries d WHERE d.watch = ?"
            " AND d.incident_id = i.id AND d.status IN ('delivered', 'failed'))",
            [watch.created_at, watch.name],
            limit,
        )
        return found[::-1]

    def record(self, watch: Watch, incident_id: str, *, delivered: bool, attempts: int, error: str | None) -> str:
        """Note one round of ``attempts`` delivery attempts for a match; returns its new status."""
        previous = self.ledger.sql("SELECT attempts FROM watch_deliveries WHERE watch = ? AND incident_id = ?",
                                   [watch.name, incident_id])
        total = attempts + (int(previous[0]["attempts"]) if previous else 0)
        status = "delivered" if delivered else ("failed" if total >= attempts * MAX_ROUNDS else "pending")
        self.ledger.sql(
            "INSERT OR REPLACE INTO watch_deliveries (watch, incident_id, status, attempts, last_error, updated_at)"
            " VALUES (?, ?, ?, ?, ?, current_timestamp)",
            [watch.name, incident_id, status, total, error],
        )
        return status

    def delivered_ids(self, name: str) -> list[str]:
        found = self.ledger.sql("SELECT incident_id FROM watch_deliveries WHERE watch = ? AND status = 'delivered'"
                                " ORDER BY incident_id", [name])
        return [r["incident_id"] for r in found]
