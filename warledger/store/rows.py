"""How typed records become flat table rows and back, and how contract date strings become days.

Public and stable: ``incident_row``/``claim_row``/``article_row`` (the flat "full" column set that export writes)
and ``day_of``/``period_of``. The ``*_from_row`` functions rebuild records from rows read out of the database.

A flat incident row spells its nested values out: ``location`` becomes ``place``, ``admin1``, ``admin2``,
``country``, ``lat``, ``lon``, ``gazetteer_id``, ``where_prec``, ``near`` (all null when there is no location; a
stored location always has a ``where_prec``), and each count becomes ``<name>_min``, ``<name>_max``,
``<name>_qualifier`` (all null when the count is null; a stored count always has a qualifier).
"""
from __future__ import annotations

import calendar
import dataclasses
import json
import re
from datetime import date, timedelta
from typing import Any

from warledger import records

COUNTS = ("killed", "injured", "missing")
"""The incident counts, in column order."""

JSON_COLUMNS = frozenset({"captions", "evidence"})
"""Columns stored as JSON text; every other column maps to a native DuckDB type."""

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")


def _parts(text: str) -> tuple[int, int | None, int | None] | None:
    match = _ISO.match(text.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def period_of(text: str | None, precision: str | None = None) -> tuple[date, date] | None:
    """The first and last day that a contract date string names, widened by its precision.

    ``"2026-01-28"`` is one day, ``"2026-01"`` a month and ``"2026"`` a year; a datetime counts as its day.
    ``precision`` widens a day: "week" to the seven days starting on it, "month" and "year" to the month or
    year holding it. Anything that is not an ISO date gives None (never a guess).
    """
    if not text:
        return None
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = parts
    try:
        if month is None or precision == "year":
            return date(year, 1, 1), date(year, 12, 31)
        if day is None or precision == "month":
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        first = date(year, month, day)
    except ValueError:
        return None
    return first, (first + timedelta(days=6) if precision == "week" else first)


def day_of(text: str | None) -> date | None:
    """The first day a contract date string names (see ``period_of``), or None."""
    period = period_of(text)
    return None if period is None else period[0]


def _count_columns(name: str, count: records.Count | None) -> dict[str, Any]:
    if count is None:
        return {f"{name}_min": None, f"{name}_max": None, f"{name}_qualifier": None}
    return {f"{name}_min": count.min, f"{name}_max": count.max, f"{name}_qualifier": count.qualifier}


def _plain_evidence(evidence: list[records.Evidence]) -> list[dict[str, Any]]:
    return [{"field": e.field, "text": e.text, "start": e.start, "end": e.end} for e in evidence]


def hash_of(article: records.Article) -> str:
    """The article's content hash, computed from its text when the record leaves it empty."""
    return article.content_hash or records.content_hash(article.text)


def article_row(article: records.Article) -> dict[str, Any]:
    """The article as a flat row; an empty ``content_hash`` is filled in from the text."""
    return {
        "id": article.id,
        "source_id": article.source_id,
        "content_hash": hash_of(article),
        "title": article.title,
        "standfirst": article.standfirst,
        "text": article.text,
        "paragraphs": list(article.paragraphs),
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "publisher": article.publisher,
        "url": article.url,
        "published": article.published,
        "published_precision": article.published_precision,
        "published_source": article.published_source,
        "language": article.language,
        "removed": list(article.removed),
    }


def incident_row(incident: records.Incident) -> dict[str, Any]:
    """The incident as a flat row (the "full" export columns, in order)."""
    loc = incident.location
    row: dict[str, Any] = {
        "id": incident.id,
        "article_id": incident.article_id,
        "date": incident.date,
        "date_precision": incident.date_precision,
        "event_type": incident.event_type,
        "weapon": incident.weapon,
        "place": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "gazetteer_id": loc.gazetteer_id if loc else None,
        "where_prec": loc.precision if loc else None,
        "near": loc.near if loc else None,
        "perpetrator": incident.perpetrator,
        "targets": list(incident.targets),
    }
    for name in COUNTS:
        row.update(_count_columns(name, getattr(incident, name)))
    row["attributed_to"] = list(incident.attributed_to)
    row["evidence"] = _plain_evidence(incident.evidence)
    row["confidence"] = incident.confidence
    return row


def claim_row(claim: records.Claim) -> dict[str, Any]:
    """The claim as a flat row (the "full" export columns, in order)."""
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "side": claim.side,
        "population": claim.population,
        "metric": claim.metric,
        "min": claim.min,
        "max": claim.max,
        "qualifier": claim.qualifier,
        "period_start": claim.period_start,
        "period_end": claim.period_end,
        "as_of": claim.as_of,
        "projection": claim.projection,
        "claimant": claim.claimant,
        "disputed_by": list(claim.disputed_by),
        "evidence": _plain_evidence(claim.evidence),
        "confidence": claim.confidence,
    }


def claim_day(as_of: str | None, period_end: str | None, published: str | None) -> date | None:
    """The day a claim is filed under: its ``as_of``, else the last day of its period, else the article's date."""
    end = period_of(period_end)
    return day_of(as_of) or (end[1] if end else None) or day_of(published)


def decode(row: dict[str, Any]) -> dict[str, Any]:
    """A row read from the database with its JSON columns parsed."""
    return {k: json.loads(v) if k in JSON_COLUMNS and isinstance(v, str) else v for k, v in row.items()}


def encode(row: dict[str, Any]) -> dict[str, Any]:
    """A row ready to write: JSON columns serialised."""
    return {k: json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS else v for k, v in row.items()}


def article_from_row(row: dict[str, Any]) -> records.Article:
    """Rebuild an Article from an ``articles`` row."""
    data = decode(row)
    keep = {f.name for f in dataclasses.fields(records.Article)}
    return records.article_from_dict({k: v for k, v in data.items() if k in keep})


def incident_from_row(row: dict[str, Any]) -> records.Incident:
    """Rebuild an Incident from an ``incidents`` row."""
    data = decode(row)
    location = None
    if data["where_prec"] is not None:
        location = {
            "name": data["place"],
            "admin1": data["admin1"],
            "admin2": data["admin2"],
            "country": data["country"],
            "lat": data["lat"],
            "lon": data["lon"],
            "gazetteer_id": data["gazetteer_id"],
            "precision": data["where_prec"],
            "near": bool(data["near"]),
        }
    counts = {
        name: None
        if data[f"{name}_qualifier"] is None
        else {"min": data[f"{name}_min"], "max": data[f"{name}_max"], "qualifier": data[f"{name}_qualifier"]}
        for name in COUNTS
    }
    keep = ("id", "article_id", "date", "date_precision", "event_type", "weapon", "perpetrator", "targets",
            "attributed_to", "evidence", "confidence")
    return records.incident_from_dict({**{k: data[k] for k in keep}, "location": location, **counts})


def claim_from_row(row: dict[str, Any]) -> records.Claim:
    """Rebuild a Claim from a ``claims`` row."""
    data = decode(row)
    keep = {f.name for f in dataclasses.fields(records.Claim)}
    return records.claim_from_dict({k: v for k, v in data.items() if k in keep})
