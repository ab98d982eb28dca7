"""What an event says, read from its member reports: date, place, type, targets, and low/best/high tolls with history.

Public and stable: ``toll(reports, name)`` and ``summarise(reports, *, event_id, members)``; the rules below are the
contract (docs/fusion.md repeats them).

Tolls (killed, injured, missing; each None when no report gives a figure):

- ``history``: every report's figure, in publication order (unknown publication times last), with its article,
  publisher, publication time, wording, attribution and the evidence text.
- ``low``: the smallest lower bound any report states (a report's ``min``; a report with only an upper bound, "up
  to 5", counts with that bound).
- ``high``: the largest upper bound any report states (a report's ``max``; "at least 12" counts as 12).
- ``best``: the figure of the latest report that names its source (``attributed_to`` not empty); when no report
  names one, the latest report's. Latest means the last publication time; a report without one counts only when no
  report has one. A report's figure is its ``min``, else its ``max`` (``Count.value``).

Other fields take the value most members report; a tie goes to the earliest report. The date counts only reports
dated to the day when any are; the location is the most precise one (lowest where_prec, "near X" after X);
targets are the union.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from warledger.fuse.reports import Report, effective_precision
from warledger.records import Event, EventMember, Location, Toll, TollPoint

T = TypeVar("T")


def _point(report: Report, name: str) -> TollPoint | None:
    count = report.count(name)
    if count is None:
        return None
    evidence = next((e.text for e in report.incident.evidence if e.field == name), None)
    return TollPoint(
        article_id=report.meta.article_id,
        incident_id=report.id,
        publisher=report.meta.publisher,
        published=report.meta.published,
        min=count.min,
        max=count.max,
        qualifier=count.qualifier,
        attributed_to=list(report.incident.attributed_to),
        evidence=evidence,
    )


def _value(point: TollPoint) -> int | None:
    return point.min if point.min is not None else point.max


def toll(reports: Sequence[Report], name: str) -> Toll | None:
    """The low/best/high and history of one count ("killed", "injured", "missing") over ``reports``."""
    ordered = sorted(reports, key=lambda r: r.order)
    history = [p for p in (_point(r, name) for r in ordered) if p is not None]
    if not history:
        return None
    lows = [p.min if p.min is not None else p.max for p in history]
    highs = [p.max if p.max is not None else p.min for p in history]
    low = min((v for v in lows if v is not None), default=None)
    high = max((v for v in highs if v is not None), default=None)
    pool = [p for p in history if p.attributed_to] or history
    pool = [p for p in pool if p.published] or pool
    return Toll(low=low, best=_value(pool[-1]), high=high, history=history)


def most_common(values: Sequence[T | None]) -> T | None:
    """The value given most often (None ignored); a tie goes to the one given first."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    top = max(counts.values())
    return next(v for v in present if counts[v] == top)


def _date(ordered: Sequence[Report]) -> tuple[str | None, str]:
    exact = [r.incident.date[:10] for r in ordered if r.exact_day and r.incident.date]
    if exact:
        return most_common(exact), "day"
    dated = [r.incident for r in ordered if r.incident.date]
    date = most_common([i.date for i in dated])
    if date is None:
        return None, "unknown"
    return date, next(i.date_precision for i in dated if i.date == date)


def _location(ordered: Sequence[Report]) -> Location | None:
    located = [r.incident.location for r in ordered if r.incident.location is not None]
    if not located:
        return None
    finest = min((effective_precision(loc), loc.near) for loc in located if loc is not None)
    pool = [loc for loc in located if loc is not None and (effective_precision(loc), loc.near) == finest]
    key = most_common([loc.gazetteer_id or loc.name for loc in pool])
    return next(loc for loc in pool if (loc.gazetteer_id or loc.name) == key)


def _field(ordered: Sequence[Report], get: Callable[[Report], str | None]) -> str | None:
    return most_common([get(r) for r in ordered])


def summarise(reports: Sequence[Report], *, event_id: str, members: list[EventMember]) -> Event:
    """The event that ``reports`` describe, its fields read by the rules in this module's docstring."""
    ordered = sorted(reports, key=lambda r: r.order)
    date, precision = _date(ordered)
    published = sorted((r.order[0], r.meta.published) for r in ordered if r.meta.published)
    return Event(
        id=event_id,
        date=date,
        date_precision=precision,
        event_type=_field(ordered, lambda r: r.incident.event_type),
        weapon=_field(ordered, lambda r: r.incident.weapon),
        location=_location(ordered),
        perpetrator=_field(ordered, lambda r: r.incident.perpetrator),
        targets=sorted({t for r in ordered for t in r.incident.targets}),
        killed=toll(ordered, "killed"),
        injured=toll(ordered, "injured"),
        missing=toll(ordered, "missing"),
        members=members,
        first_published=published[0][1] if published else None,
        last_published=published[-1][1] if published else None,
    )
