"""Query filters shared by the Python API, the CLI and the REST API: dataclasses that build parameterised SQL.

Public and stable: ``IncidentFilter``, ``ClaimFilter``, ``ArticleFilter`` and ``Clause``. Values never enter SQL
text: every value travels as a ``?`` parameter; only column names and the whitelisted ``order`` keys do.

Filters compose: ``IncidentFilter(...).where("i")`` gives a ``Clause`` over the columns of alias ``i``, which can be
joined with other clauses (``clause & other``) inside a larger query, e.g. the fusion stage joining events::

    clause = IncidentFilter(oblast="Odesa", since="2026-01-01").where("i")
    ledger.sql(f"SELECT e.* FROM events e JOIN incidents i ON ... WHERE {clause.sql}", clause.params)

Dates: ``since`` and ``until`` take a ``date`` or an ISO string; a partial date names a period ("2026-01" is all of
January), ``since`` takes its first day and ``until`` its last, both inclusive. Rows without a date never match a
date bound.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from warledger.errors import ConfigError, message
from warledger.store.rows import period_of

Column = Callable[[str], str]
"""Turns a column name into a reference under the query's alias."""

OBLAST_SUFFIX = r"\s+(oblast|region|obl\.?)$"
"""What ``oblast=`` ignores at the end of a name, in Python and in SQL alike: "Odesa" matches "Odesa Oblast"."""


def oblast_key(name: str) -> str:
    """The form ``oblast=`` compares: lower case, trimmed, without a trailing "Oblast"/"region"."""
    return re.sub(OBLAST_SUFFIX, "", name.strip().lower())


def config_error(option: str, detail: str) -> ConfigError:
    """A bad filter option, as a one-line ConfigError naming the option."""
    return ConfigError(message("E201", option=option, detail=detail), code="E201")


@dataclass(frozen=True, slots=True)
class Clause:
    """A boolean SQL expression and its ``?`` parameters, in order."""

    sql: str = "TRUE"
    params: tuple[Any, ...] = ()

    def __and__(self, other: Clause) -> Clause:
        return Clause(f"({self.sql}) AND ({other.sql})", self.params + other.params)

    @classmethod
    def all(cls, parts: list[Clause]) -> Clause:
        """Every part must hold; no parts is TRUE."""
        if not parts:
            return cls()
        return cls(" AND ".join(f"({p.sql})" for p in parts), tuple(v for p in parts for v in p.params))


def _bound(option: str, value: str | date | None, *, end: bool) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    period = period_of(value) if isinstance(value, str) else None
    if period is None:
        raise config_error(option, f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    return period[1] if end else period[0]


@dataclass(frozen=True, kw_only=True)
class _Filter:
    """What every filter has: a date window, paging and an order. Subclasses add their own conditions."""

    since: str | date | None = None
    """Only rows dated on or after this day."""
    until: str | date | None = None
    """Only rows dated on or before this day (a month or year includes all of it)."""
    limit: int | None = None
    """At most this many rows; None for all."""
    offset: int = 0
    """Skip this many rows first (after ordering)."""
    order: str = "date"
    """One of ``ORDERS``' keys; a leading "-" on a key reverses it."""

    TABLE: ClassVar[str] = ""
    """The table the filter selects from."""
    DAY: ClassVar[str] = "day"
    """The DATE column ``since`` and ``until`` compare."""
    ORDERS: ClassVar[dict[str, str]] = {}
    """``order`` keys and the SQL they sort by (``{p}`` is the alias prefix)."""

    def __post_init__(self) -> None:
        _bound("since", self.since, end=False)
        _bound("until", self.until, end=True)
        if self.limit is not None and (not isinstance(self.limit, int) or self.limit < 0):
            raise config_error("limit", f"{self.limit!r} is not a count; use a whole number >= 0")
        if not isinstance(self.offset, int) or self.offset < 0:
            raise config_error("offset", f"{self.offset!r} is not a count; use a whole number >= 0")
        if self.order.removeprefix("-") not in self.ORDERS:
            choices = ", ".join(sorted(self.ORDERS))
            raise config_error("order", f"{self.order!r} is not an order; use one of {choices} (prefix - to reverse)")
        for field in dataclasses.fields(self):
            if field.name.startswith("min_") and getattr(self, field.name) is not None:
                value = getattr(self, field.name)
                if not isinstance(value, int | float) or value < 0:
                    raise config_error(field.name, f"{value!r} is not a number >= 0")

    def conditions(self, col: Column) -> list[Clause]:
        """The subclass's own conditions; ``col(name)`` gives a column reference under the alias."""
        return []

    def where(self, alias: str = "") -> Clause:
        """All conditions as one clause over ``alias``'s columns (bare column names when alias is empty)."""

        def col(name: str) -> str:
            return f'{alias}."{name}"' if alias else f'"{name}"'

        parts = []
        since, until = _bound("since", self.since, end=False), _bound("until", self.until, end=True)
        if since is not None:
            parts.append(Clause(f"{col(self.DAY)} >= ?", (since,)))
        if until is not None:
            parts.append(Clause(f"{col(self.DAY)} <= ?", (until,)))
        return Clause.all(parts + self.conditions(col))

    def order_by(self, alias: str = "") -> str:
        """The ORDER BY expression (without the keywords), always ending on ``id`` so pages are stable."""
        key = self.order.removeprefix("-")
        direction = "DESC" if self.order.startswith("-") else "ASC"
        prefix = f"{alias}." if alias else ""
        expression = self.ORDERS[key].format(p=prefix)
        return f"{expression} {direction} NULLS LAST, {prefix}id {direction}"

    def query(self) -> tuple[str, list[Any]]:
        """A whole ``SELECT *`` statement over ``TABLE`` with this filter's conditions, order and page."""
        clause = self.where()
        sql = f"SELECT * FROM {self.TABLE} WHERE {clause.sql} ORDER BY {self.order_by()}"
        params = list(clause.params)
        if self.limit is not None:
            sql += " LIMIT ?"
            params.append(self.limit)
        if self.offset:
            sql += " OFFSET ?"
            params.append(self.offset)
        return sql, params

    def count_query(self) -> tuple[str, list[Any]]:
        """A ``SELECT count(*) AS n`` statement for the rows the conditions match (paging ignored)."""
        clause = self.where()
        return f"SELECT count(*) AS n FROM {self.TABLE} WHERE {clause.sql}", list(clause.params)


def _ci_equal(col: Column, pairs: dict[str, str | None]) -> list[Clause]:
    """Case-insensitive equality of each named column with its value, for the values that are set."""
    return [Clause(f"lower({col(name)}) = lower(?)", (value,)) for name, value in pairs.items() if value is not None]


@dataclass(frozen=True, kw_only=True)
class _ExtractedFilter(_Filter):
    """What incident and claim filters share: confidence and the article they came from."""

    min_confidence: float | None = None
    """Confidence at least this (0-1)."""
    article_id: str | None = None
    """Only records from this article."""

    ORDERS: ClassVar[dict[str, str]] = {"date": "{p}day", "confidence": "{p}confidence", "id": "{p}id"}

    def conditions(self, col: Column) -> list[Clause]:
        parts = []
        if self.min_confidence is not None:
            parts.append(Clause(f"{col('confidence')} >= ?", (self.min_confidence,)))
        if self.article_id is not None:
            parts.append(Clause(f"{col('article_id')} = ?", (self.article_id,)))
        return parts


@dataclass(frozen=True, kw_only=True)
class IncidentFilter(_ExtractedFilter):
    """Which incidents to return. Every condition that is set must hold."""

    TABLE: ClassVar[str] = "incidents"

    oblast: str | None = None
    """admin1, case-insensitive, with or without " Oblast": "Odesa" matches "Odesa Oblast". "Kyiv" is the oblast;
    the capital is "Kyiv City"."""
    place: str | None = None
    """The place name (case-insensitive) or its gazetteer id ("geonames:698740")."""
    event_type: str | None = None
    """The ACLED sub-event type, case-insensitive ("Air/drone strike")."""
    weapon: str | None = None
    """The weapon, case-insensitive ("drone")."""
    min_killed: int | None = None
    """At least this many killed (the count's min, else its max)."""
    min_injured: int | None = None
    """At least this many injured (the count's min, else its max)."""

    ORDERS: ClassVar[dict[str, str]] = {
        **_ExtractedFilter.ORDERS,
        "killed": "coalesce({p}killed_min, {p}killed_max)",
        "injured": "coalesce({p}injured_min, {p}injured_max)",
    }

    def conditions(self, col: Column) -> list[Clause]:
        parts = super().conditions(col) + _ci_equal(col, {"event_type": self.event_type, "weapon": self.weapon})
        if self.oblast is not None:
            parts.append(Clause(f"regexp_replace(lower(trim({col('admin1')})), ?, '') = ?",
                                (OBLAST_SUFFIX, oblast_key(self.oblast))))
        if self.place is not None:
            parts.append(Clause(f"(lower({col('place')}) = lower(?) OR {col('gazetteer_id')} = ?)",
                                (self.place, self.place)))
        if self.min_killed is not None:
            parts.append(Clause(f"coalesce({col('killed_min')}, {col('killed_max')}) >= ?", (self.min_killed,)))
        if self.min_injured is not None:
            parts.append(Clause(f"coalesce({col('injured_min')}, {col('injured_max')}) >= ?", (self.min_injured,)))
        return parts


@dataclass(frozen=True, kw_only=True)
class ClaimFilter(_ExtractedFilter):
    """Which claims to return. A claim's date is its ``as_of``, else the end of its period, else its article's."""

    TABLE: ClassVar[str] = "claims"

    claimant: str | None = None
    """Who made the estimate, case-insensitive ("CSIS")."""
    side: str | None = None
    """"Russia", "Ukraine" or "both", case-insensitive."""
    population: str | None = None
    """military, civilian or all."""
    metric: str | None = None
    """casualties, killed, injured, missing or captured."""

    ORDERS: ClassVar[dict[str, str]] = {
        **_ExtractedFilter.ORDERS,
        "claimant": "lower({p}claimant)",
        "max": "coalesce({p}\"max\", {p}\"min\")",
    }

    def conditions(self, col: Column) -> list[Clause]:
        return super().conditions(col) + _ci_equal(col, {
            "claimant": self.claimant, "side": self.side, "population": self.population, "metric": self.metric})


@dataclass(frozen=True, kw_only=True)
class ArticleFilter(_Filter):
    """Which articles to return, by publication day (``published``'s first day)."""

    language: str | None = None
    """The detected language code ("en")."""
    publisher: str | None = None
    """The publisher, case-insensitive."""
    source_id: str | None = None
    """The JSON Lines id or path the article came from."""

    TABLE: ClassVar[str] = "articles"
    DAY: ClassVar[str] = "published_day"
    ORDERS: ClassVar[dict[str, str]] = {"date": "{p}published_day", "ingested": "{p}ingested_at", "id": "{p}id"}

    def conditions(self, col: Column) -> list[Clause]:
        parts = _ci_equal(col, {"language": self.language, "publisher": self.publisher})
        if self.source_id is not None:
            parts.append(Clause(f"{col('source_id')} = ?", (self.source_id,)))
        return parts
