"""The claims registry: one entry per estimate, however many outlets repeat it, and each claimant's series over time.

Public and stable: ``normalise_claimant``, ``registry``, ``series``, ``series_rows``, ``import_estimates_csv``
(re-exported from ``warledger.fuse.estimates_table``). The rule (docs/fusion.md):

- Claims are the same estimate when they share the claimant (normalised: the canonical name of
  ``vocab/claimants.tsv`` when one of its patterns names it, else the name with case and spacing folded), side,
  population, metric, ``min``, ``max`` and projection flag, and their period ends (``period_end``, else ``as_of``,
  else the article's publication day) are within ``SAME_ESTIMATE_DAYS`` of the first such claim. Each becomes a
  ``RegistryClaim`` with one ``ClaimReport`` per claim, in publication order.
- A different figure, or the same figure for a period ending more than a month later, is a new point.
- Disputes (``disputed_by``) of every report are merged onto the estimate they dispute.
- ``series`` groups the registry by (side, population, metric), then claimant, each claimant's points ordered by
  period end. Population is part of the key so that a claimant's civilian and military figures stay apart.
- The id of a registry claim is ``stable_id("reg", claimant key, side, population, metric, min, max, projection,
  month of the first period end)``.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from typing import Any

from warledger.fuse.estimates_table import import_estimates_csv
from warledger.fuse.reports import ArticleMeta, day_number, published_key
from warledger.fuse.summary import most_common
from warledger.records import Claim, ClaimReport, RegistryClaim, stable_id
from warledger.vocab import load_tsv

log = logging.getLogger(__name__)

__all__ = ["SAME_ESTIMATE_DAYS", "import_estimates_csv", "normalise_claimant", "registry", "series", "series_rows"]

SAME_ESTIMATE_DAYS = 31
"""Repeats of one estimate may date its period end this many days apart ("December 2025" vs "31 December 2025")."""

SeriesKey = tuple[str | None, str, str]
"""(side, population, metric)."""


@cache
def _claimant_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (row["label"], re.compile(rf"(?<!\w)(?:{row['pattern']})(?!\w)", re.IGNORECASE))
        for row in load_tsv("claimants")
    )


@cache
def normalise_claimant(name: str | None) -> tuple[str, str | None]:
    """(key, display name) of a claimant: the vocabulary's canonical name when a pattern names it, else the name.

    The earliest match in the name wins ("Mediazona; Meduza" is Mediazona); "US officials (via NYT)" is
    "US officials". The key is the display name case-folded; an unknown claimant has key "".
    """
    if not name or not name.strip():
        return "", None
    cleaned = " ".join(name.split())
    best: tuple[int, int, str] | None = None
    for order, (label, pattern) in enumerate(_claimant_patterns()):
        found = pattern.search(cleaned)
        if found and (best is None or (found.start(), order) < best[:2]):
            best = (found.start(), order, label)
    display = best[2] if best else cleaned
    return display.casefold(), display


def _anchor_day(claim: Claim, meta: ArticleMeta | None) -> int | None:
    for text in (claim.period_end, claim.as_of, meta.published if meta else None):
        day = day_number(text)
        if day is not None:
            return day
    return None


def _report(claim: Claim, meta: ArticleMeta | None) -> ClaimReport:
    evidence = claim.evidence[0].text if claim.evidence else None
    return ClaimReport(
        claim_id=claim.id,
        article_id=claim.article_id,
        publisher=meta.publisher if meta else None,
        published=meta.published if meta else None,
        evidence=evidence,
    )


def _entry(key: tuple[Any, ...], claims: list[tuple[Claim, ArticleMeta | None]], display: str | None) -> RegistryClaim:
    ordered = sorted(claims, key=lambda cm: (published_key(cm[1].published if cm[1] else None), cm[0].id))
    first_end = min((d for c, m in claims if (d := _anchor_day(c, m)) is not None), default=None)
    month = "" if first_end is None else _month(first_end)
    only = [c for c, _ in ordered]
    return RegistryClaim(
        id=stable_id("reg", *key, month),
        claimant=display,
        side=only[0].side,
        population=only[0].population,
        metric=only[0].metric,
        min=only[0].min,
        max=only[0].max,
        qualifier=most_common([c.qualifier for c in only]) or "exact",
        period_start=most_common([c.period_start for c in only]),
        period_end=most_common([c.period_end for c in only]),
        as_of=most_common([c.as_of for c in only]),
        projection=only[0].projection,
        disputed_by=sorted({d for c in only for d in c.disputed_by}),
        reports=[_report(c, m) for c, m in ordered],
    )


def _month(day: int) -> str:
    return date.fromordinal(day).isoformat()[:7]


def registry(claims: Iterable[Claim], *, articles: Mapping[str, ArticleMeta] | None = None) -> list[RegistryClaim]:
    """The registry of ``claims``: repeats of one estimate merged (rule in the module docstring).

    ``articles`` (article id -> ArticleMeta) adds publishers and publication times to the reports and dates claims
    that give neither a period nor an as-of date. Ordered by side, population, metric, claimant, then period end.
    """
    articles = articles or {}
    groups: dict[tuple[Any, ...], list[tuple[Claim, ArticleMeta | None]]] = defaultdict(list)
    names: dict[str, str | None] = {}
    for claim in claims:
        key, display = normalise_claimant(claim.claimant)
        names.setdefault(key, display)
        identity = (key, claim.side, claim.population, claim.metric, claim.min, claim.max, claim.projection)
        groups[identity].append((claim, articles.get(claim.article_id)))
    entries: list[tuple[tuple[Any, ...], RegistryClaim]] = []
    for identity, members in groups.items():
        dated = sorted(members, key=lambda cm: (_anchor_day(*cm) is None, _anchor_day(*cm) or 0, cm[0].id))
        run: list[tuple[Claim, ArticleMeta | None]] = []
        start: int | None = None
        for claim, meta in dated:
            day = _anchor_day(claim, meta)
            same = run and (day is None if start is None else day is not None and day - start <= SAME_ESTIMATE_DAYS)
            if not same and run:
                entries.append((identity, _entry(identity, run, names[identity[0]])))
                run = []
            if not run:
                start = day
            run.append((claim, meta))
        if run:
            entries.append((identity, _entry(identity, run, names[identity[0]])))
    entries.sort(key=lambda item: (_sort_text(item[1].side), item[1].population, item[1].metric, item[0][0],
                                   _end_key(item[1]), item[1].id))
    return [entry for _, entry in entries]


def _sort_text(value: str | None) -> tuple[bool, str]:
    return value is None, (value or "").casefold()


def _end_key(entry: RegistryClaim) -> tuple[bool, int]:
    day = day_number(entry.period_end) or day_number(entry.as_of)
    if day is None and entry.reports:
        day = day_number(entry.reports[0].published)
    return day is None, day or 0


def series(
    claims: Iterable[Claim], *, articles: Mapping[str, ArticleMeta] | None = None
) -> dict[SeriesKey, dict[str, list[RegistryClaim]]]:
    """Each claimant's estimates over time, per (side, population, metric), with ranges and disputes attached.

    >>> series(ledger.claims())[("Russia", "military", "killed")]["CSIS"][-1].max   # doctest: +SKIP
    325000
    """
    out: dict[SeriesKey, dict[str, list[RegistryClaim]]] = {}
    for entry in registry(claims, articles=articles):
        key = (entry.side, entry.population, entry.metric)
        out.setdefault(key, {}).setdefault(entry.claimant or "(unknown)", []).append(entry)
    return out


def series_rows(found: Mapping[SeriesKey, Mapping[str, list[RegistryClaim]]]) -> list[dict[str, Any]]:
    """Flat rows of a series (one per point), for tables and CSV: side, population, metric, claimant, period,
    min, max, qualifier, projection, reports, disputed_by, id."""
    rows = []
    for (side, population, metric), by_claimant in found.items():
        for claimant, points in by_claimant.items():
            for point in points:
                rows.append({
                    "side": side,
                    "population": population,
                    "metric": metric,
                    "claimant": claimant,
                    "period_start": point.period_start,
                    "period_end": point.period_end or point.as_of,
                    "min": point.min,
                    "max": point.max,
                    "qualifier": point.qualifier,
                    "projection": point.projection,
                    "reports": len(point.reports),
                    "disputed_by": ", ".join(point.disputed_by),
                    "id": point.id,
                })
    return rows
