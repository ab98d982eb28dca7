"""Column sets for export: which columns each set has (``columns.tsv``), and how each value is made.

Public and stable: ``column_set(kind, name)``, ``Column`` and the set names in ``COLUMN_SETS``. The sets are data:
``columns.tsv`` names every output column, where its value comes from and its type; the code lists behind the ACLED
and UCDP codes (precision codes, event-type parents, country names) are in ``codes.tsv``.

A row to export is a ``Source``: the record's flat row (``warledger.store.rows``) and a few fields of its article.
"""
from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from warledger.store.filters import OBLAST_SUFFIX, config_error
from warledger.store.rows import period_of

logger = logging.getLogger(__name__)

KINDS = ("incidents", "claims", "articles", "events")
COLUMN_SETS = ("full", "acled", "ucdp")
TYPES = ("str", "int", "float", "bool", "list", "json", "date")

_PARSE: dict[str, Callable[[str], Any]] = {"int": int, "float": float}
"""Codes from ``codes.tsv`` are text; columns typed int or float get numbers."""

ARTICLE_FIELDS = ("title", "url", "publisher", "published", "text")
"""The article fields a column may name as ``article.<name>``."""


@dataclass(frozen=True, slots=True)
class Source:
    """What one output row is made from."""

    row: dict[str, Any]
    """The record as a flat row (``incident_row``, ``claim_row`` or ``article_row``)."""
    article: dict[str, Any]
    """The source article's ``ARTICLE_FIELDS`` (empty for articles themselves)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, what it is read from, and its type (one of ``TYPES``)."""

    name: str
    field: str
    type: str

    def value(self, source: Source) -> Any:
        """This column's value for one source row, None when unknown."""
        if self.field.startswith("="):
            value = DERIVED[self.field[1:]](source)
        elif self.field.startswith("article."):
            value = source.article.get(self.field.removeprefix("article."))
        else:
            value = source.row.get(self.field)
        if isinstance(value, str) and self.type in _PARSE:
            return _PARSE[self.type](value)
        return value


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files("warledger.export").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def codes() -> dict[str, dict[str, str]]:
    """``codes()[code_set][value]``: the code lists in ``codes.tsv``."""
    table: dict[str, dict[str, str]] = {}
    for entry in _table("codes.tsv"):
        table.setdefault(entry["code_set"], {})[entry["value"]] = entry["code"]
    return table


@cache
def _all_sets() -> dict[tuple[str, str], tuple[Column, ...]]:
    sets: dict[tuple[str, str], list[Column]] = {}
    for entry in _table("columns.tsv"):
        column = Column(entry["column"], entry["field"], entry["type"])
        sets.setdefault((entry["kind"], entry["set"]), []).append(column)
    return {key: tuple(columns) for key, columns in sets.items()}


def column_set(kind: str, name: str) -> tuple[Column, ...]:
    """The columns of set ``name`` for records of ``kind``; a ConfigError names the choices when there is none."""
    if kind not in KINDS:
        raise config_error("kind", f"{kind!r} is not exportable; use one of {', '.join(KINDS)}")
    if name not in COLUMN_SETS:
        raise config_error("columns", f"{name!r} is not a column set; use one of {', '.join(COLUMN_SETS)}")
    columns = _all_sets().get((kind, name))
    if columns is None:
        offered = ", ".join(sorted(n for k, n in _all_sets() if k == kind))
        raise config_error("columns", f"there is no {name} column set for {kind}; use one of: {offered}")
    return columns


def _code(code_set: str, value: object) -> str | None:
    if value is None:
        return None
    found = codes()[code_set].get(str(value))
    if found is None:
        logger.debug("no %s code for %r", code_set, value)
    return found


def _count(source: Source, name: str) -> int | None:
    low, high = source.row.get(f"{name}_min"), source.row.get(f"{name}_max")
    return low if low is not None else high


def _period(source: Source) -> tuple[date, date] | None:
    return period_of(source.row.get("date"), source.row.get("date_precision"))


def _first_day(source: Source) -> date | None:
    period = _period(source)
    return period[0] if period else None


def _last_day(source: Source) -> date | None:
    period = _period(source)
    return period[1] if period else None


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) around ``text[start:end]``."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    first = before[-1] if before else 0
    last = after.end() if after else len(text)
    while first < last and text[first].isspace():
        first += 1
    return first, last


def _notes(source: Source) -> str | None:
    """The sentences of the article that hold the evidence, in text order, each once."""
    text = source.article.get("text")
    spans = sorted((e["start"], e["end"]) for e in source.row.get("evidence") or [])
    if not text or not spans:
        return None
    sentences = sorted({_sentence(text, start, end) for start, end in spans})
    return " ".join(text[first:last].strip() for first, last in sentences)


def _ucdp_best(source: Source) -> int:
    """UCDP best: the killed count's min, else its max; 0 when no deaths are reported."""
    return _count(source, "killed") or 0


def _ucdp_low(source: Source) -> int:
    """UCDP low: the killed count's min; 0 when the wording gives no lower bound ("up to five")."""
    low = source.row.get("killed_min")
    return low if low is not None else 0


def _ucdp_high(source: Source) -> int:
    """UCDP high: the killed count's max; best when the wording gives no upper bound ("at least five")."""
    high = source.row.get("killed_max")
    return high if high is not None else _ucdp_best(source)


def _place_name(source: Source) -> str | None:
    """The most precise name the location has: place, else district, else oblast (never a guessed town)."""
    row = source.row
    return row.get("place") or row.get("admin2") or row.get("admin1")


def _admin1_short(source: Source) -> str | None:
    """ACLED writes oblasts without the word ("Odesa" for "Odesa Oblast") and keeps "Kyiv City"."""
    admin1 = source.row.get("admin1")
    return re.sub(OBLAST_SUFFIX, "", admin1, flags=re.IGNORECASE).strip() if admin1 else admin1


def _acled_event_type(source: Source) -> str | None:
    return _code("acled_event_type", source.row.get("event_type"))


DERIVED: dict[str, Callable[[Source], Any]] = {
    "first_day": _first_day,
    "last_day": _last_day,
    "year": lambda s: d.year if (d := _first_day(s)) else None,
    "acled_time_precision": lambda s: _code("acled_time_precision", s.row.get("date_precision")) if s.row.get(
        "date") else None,
    "ucdp_date_prec": lambda s: _code("ucdp_date_prec", s.row.get("date_precision")) if s.row.get("date") else None,
    "acled_geo_precision": lambda s: _code("acled_geo_precision", s.row.get("where_prec")),
    "acled_event_type": _acled_event_type,
    "acled_disorder_type": lambda s: _code("acled_disorder_type", _acled_event_type(s)),
    "country_name": lambda s: _code("country_name", s.row.get("country")) or s.row.get("country"),
    "admin1_short": _admin1_short,
    "place_name": _place_name,
    "notes": _notes,
    "fatalities": lambda s: _count(s, "killed") or 0,
    "injuries": lambda s: _count(s, "injured") or 0,
    "ucdp_best": _ucdp_best,
    "ucdp_low": _ucdp_low,
    "ucdp_high": _ucdp_high,
    "source_article": lambda s: s.article.get("url") or s.row.get("article_id"),
}
"""Computed values, named in ``columns.tsv`` as ``=<name>``."""
