"""The claims series: each claimant's estimates of one side, population and metric, over time.

Public and stable: ``claim_series``. When the fusion stage's claims registry (``warledger.fuse.claims_registry``)
is installed, its rule decides what one estimate is (docs/fusion.md: claimant names normalised, repeats within a
month merged) and a point is dated by the end of its period, else its as-of day, else its first report's
publication. Without it, the rule below applies. One estimate is one point however many articles repeat it:
claims of one claimant are the same estimate when side, population, metric, figures (min, max, qualifier), period and
projection flag are equal. A point is dated by the claim's filing day (``as_of``, else the last day of its period,
else its article's publication day: the store's ``day``); repeats keep the earliest day, and the disputes of all
repeats are merged. Groups are ordered by side, population and metric; claimants by name (unknown last); points by
date (undated last).
"""
from __future__ import annotations

import importlib
import importlib.util
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from warledger.records import Claim, RegistryClaim
from warledger.serve.models import Series, SeriesLine, SeriesPoint
from warledger.store.rows import day_of, period_of

REGISTRY = "warledger.fuse.claims_registry"

EstimateKey = tuple[int | None, int | None, str, str | None, str | None, bool]


def _estimate_key(claim: Claim) -> EstimateKey:
    return claim.min, claim.max, claim.qualifier, claim.period_start, claim.period_end, claim.projection


def _text_key(value: str | None) -> tuple[bool, str]:
    return value is None, (value or "").lower()


def claim_series(dated: list[tuple[Claim, date | None]], *, published: Mapping[str, tuple[str | None, str | None]]
                 ) -> list[Series]:
    """Group ``(claim, filing day)`` pairs into series. ``published`` maps article ids to (publisher, published)."""
    if importlib.util.find_spec(REGISTRY) is None:
        return own_series(dated)
    return registry_series([claim for claim, _ in dated], published=published)


def _registry_date(entry: RegistryClaim) -> str | None:
    end = period_of(entry.period_end)
    day = end[1] if end else day_of(entry.as_of) or day_of(entry.reports[0].published if entry.reports else None)
    return day.isoformat() if day else None


def registry_series(claims: list[Claim], *, published: Mapping[str, tuple[str | None, str | None]]) -> list[Series]:
    """The series as the fusion stage's claims registry groups them."""
    module: Any = importlib.import_module(REGISTRY)
    from warledger.fuse.reports import ArticleMeta

    metas = {key: ArticleMeta(key, publisher, when) for key, (publisher, when) in published.items()}
    out = []
    for (side, population, metric), by_claimant in module.series(claims, articles=metas).items():
        lines = []
        for claimant, entries in by_claimant.items():
            points = [SeriesPoint(date=_registry_date(e), min=e.min, max=e.max, qualifier=e.qualifier,
                                  period_start=e.period_start, period_end=e.period_end, projection=e.projection,
                                  disputed_by=list(e.disputed_by), claim_ids=[r.claim_id for r in e.reports],
                                  article_ids=list(dict.fromkeys(r.article_id for r in e.reports)))
                      for e in entries]
            points.sort(key=lambda p: (p.date is None, p.date or "", p.max or 0))
            lines.append(SeriesLine(claimant=None if claimant == "(unknown)" else claimant, points=points))
        out.append(Series(side=side, population=population, metric=metric, claimants=lines))
    return out


def own_series(dated: Iterable[tuple[Claim, date | None]]) -> list[Series]:
    """Group ``(claim, filing day)`` pairs into series by the rule of the module docstring."""
    groups: dict[tuple[str | None, str, str], dict[str | None, dict[EstimateKey, SeriesPoint]]] = defaultdict(
        lambda: defaultdict(dict))
    for claim, day in dated:
        points = groups[(claim.side, claim.population, claim.metric)][claim.claimant]
        key = _estimate_key(claim)
        when = day.isoformat() if day else None
        point = points.get(key)
        if point is None:
            points[key] = SeriesPoint(date=when, min=claim.min, max=claim.max, qualifier=claim.qualifier,
                                      period_start=claim.period_start, period_end=claim.period_end,
                                      projection=claim.projection, disputed_by=sorted(set(claim.disputed_by)),
                                      claim_ids=[claim.id], article_ids=[claim.article_id])
            continue
        if when is not None and (point.date is None or when < point.date):
            point.date = when
        point.disputed_by = sorted(set(point.disputed_by) | set(claim.disputed_by))
        point.claim_ids.append(claim.id)
        if claim.article_id not in point.article_ids:
            point.article_ids.append(claim.article_id)
    out = []
    for (side, population, metric), by_claimant in sorted(
        groups.items(), key=lambda item: (_text_key(item[0][0]), item[0][1], item[0][2])
    ):
        lines = [
            SeriesLine(claimant=claimant,
                       points=sorted(points.values(), key=lambda p: (p.date is None, p.date or "", p.max or 0)))
            for claimant, points in sorted(by_claimant.items(), key=lambda item: _text_key(item[0]))
        ]
        out.append(Series(side=side, population=population, metric=metric, claimants=lines))
    return out
