"""Read endpoints under ``/api``: articles, incidents, claims, the claims series, the timeline, facets and summary.

Public and stable: the paths, parameters and JSON shapes (docs/api.md). The filters are the CLI's, built into the
store's ``IncidentFilter``/``ClaimFilter``/``ArticleFilter``; no SQL is written here except the aggregates.
"""
from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from warledger.serve.errors import ApiError, responses
from warledger.serve.models import (
    ArticleBrief,
    ArticleModel,
    ArticlePage,
    ClaimModel,
    ClaimPage,
    Facets,
    Highlight,
    IncidentModel,
    IncidentPage,
    Series,
    Summary,
    Timeline,
    TimelinePoint,
)
from warledger.serve.paging import DEFAULT_LIMIT, FORMAT_RESPONSES, MAX_LIMIT, PageWindow, export_response, negotiate
from warledger.serve.series import claim_series
from warledger.serve.state import ledger_of, state_of
from warledger.store import ArticleFilter, ClaimFilter, IncidentFilter, Ledger
from warledger.store import rows as flat

router = APIRouter(prefix="/api", tags=["ledger"])

_YEAR = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
              r"|(?:0[13578]|1[02])-31)")
DAY_PATTERN = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"
"""Exactly the days, months and years that exist (2026-02-29 does not): YYYY-MM-DD, YYYY-MM or YYYY."""

Day = Annotated[str | None, Query(description="ISO date; YYYY-MM or YYYY name a whole month or year",
                                  pattern=DAY_PATTERN)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
Cursor = Annotated[str | None, Query(description="Opaque cursor from a previous page's `next`", max_length=200)]
Format = Annotated[Literal["json", "csv", "geojson"] | None,
                   Query(description="Output format; overrides the Accept header")]
TableFormat = Annotated[Literal["json", "csv"] | None, Query(description="Output format; overrides the Accept header")]
Columns = Annotated[Literal["full", "acled", "ucdp"], Query(description="CSV/GeoJSON column set (acled, ucdp: "
                                                                        "incidents only)")]
Text = Annotated[str | None, Query(max_length=200)]
Ratio = Annotated[float | None, Query(ge=0, le=1, description="Confidence at least this")]
Whole = Annotated[int | None, Query(ge=0)]

IncidentOrder = Literal["date", "-date", "confidence", "-confidence", "id", "-id", "killed", "-killed", "injured",
                        "-injured"]
ClaimOrder = Literal["date", "-date", "confidence", "-confidence", "id", "-id", "claimant", "-claimant", "max", "-max"]
ArticleOrder = Literal["date", "-date", "ingested", "-ingested", "id", "-id"]


def incident_filter(
    since: Day = None, until: Day = None, oblast: Text = None, place: Text = None,
    type: Annotated[str | None, Query(max_length=200, description='ACLED sub-event type, "Air/drone strike"')] = None,
    weapon: Text = None, min_killed: Whole = None, min_injured: Whole = None, min_confidence: Ratio = None,
    article_id: Text = None,
    order: Annotated[IncidentOrder, Query(description="Sort key; a leading - reverses it")] = "date",
) -> IncidentFilter:
    """The incident filters of ``warledger incidents`` as query parameters."""
    return IncidentFilter(since=since, until=until, oblast=oblast, place=place, event_type=type, weapon=weapon,
                          min_killed=min_killed, min_injured=min_injured, min_confidence=min_confidence,
                          article_id=article_id, order=order)


def claim_filter(
    since: Day = None, until: Day = None, claimant: Text = None, side: Text = None, population: Text = None,
    metric: Text = None, min_confidence: Ratio = None, article_id: Text = None,
    order: Annotated[ClaimOrder, Query(description="Sort key; a leading - reverses it")] = "date",
) -> ClaimFilter:
    """The claim filters of ``warledger claims`` as query parameters."""
    return ClaimFilter(since=since, until=until, claimant=claimant, side=side, population=population, metric=metric,
                       min_confidence=min_confidence, article_id=article_id, order=order)


def article_filter(
    since: Day = None, until: Day = None, language: Text = None, publisher: Text = None, source_id: Text = None,
    order: Annotated[ArticleOrder, Query(description="Sort key; a leading - reverses it")] = "-date",
) -> ArticleFilter:
    """Which articles to list, by publication day."""
    return ArticleFilter(since=since, until=until, language=language, publisher=publisher, source_id=source_id,
                         order=order)


LedgerDep = Annotated[Ledger, Depends(ledger_of)]
LIST_ERRORS = {**FORMAT_RESPONSES, **responses(400, 422)}


def _page(request: Request, ledger: Ledger, kind: str, where: Any, find: Any, *, cursor: str | None, limit: int,
          fmt: str | None, columns: str) -> tuple[Response | None, list[Any], str | None, str | None]:
    """Fetch one page; returns a ready CSV/GeoJSON response, or None and the items with the next cursor/URL."""
    chosen = negotiate(request, fmt, kind=kind)
    window = PageWindow.of(request, cursor=cursor, limit=limit)
    found = find(dataclasses.replace(where, limit=window.fetch_size(), offset=window.offset))
    next_cursor, next_url = window.links(request, len(found))
    items = found[:limit]
    if chosen != "json":
        return export_response(ledger, kind, items, fmt=chosen, columns=columns, next_url=next_url), [], None, None
    return None, items, next_cursor, next_url


@router.get("/incidents", response_model=IncidentPage, responses=LIST_ERRORS, summary="List incidents")
def list_incidents(
    request: Request, ledger: LedgerDep, where: Annotated[IncidentFilter, Depends(incident_filter)],
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT, format: Format = None, columns: Columns = "full",
) -> Any:
    """Incidents matching every filter given, one page at a time (follow `next`)."""
    ready, items, next_cursor, next_url = _page(request, ledger, "incidents", where, ledger.find_incidents,
                                                cursor=cursor, limit=limit, fmt=format, columns=columns)
    if ready is not None:
        return ready
    return IncidentPage(items=[IncidentModel.of(i) for i in items], count=len(items), next=next_url,
                        cursor=next_cursor)


@router.get("/incidents/{incident_id}", response_model=IncidentModel, responses=responses(404, 422),
            summary="One incident")
def get_incident(incident_id: str, ledger: LedgerDep) -> IncidentModel:
    """One incident with its evidence; its article is ``/api/articles/{article_id}``."""
    incident = ledger.incident(incident_id)
    if incident is None:
        raise ApiError(404, "not_found", f"no incident {incident_id!r}; list them at /api/incidents")
    return IncidentModel.of(incident)


@router.get("/claims", response_model=ClaimPage, responses=LIST_ERRORS, summary="List casualty claims")
def list_claims(
    request: Request, ledger: LedgerDep, where: Annotated[ClaimFilter, Depends(claim_filter)],
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT, format: TableFormat = None,
    columns: Annotated[Literal["full"], Query(description="CSV column set (claims have only the full set)")] = "full",
) -> Any:
    """Casualty claims matching every filter given, one page at a time (follow `next`)."""
    ready, items, next_cursor, next_url = _page(request, ledger, "claims", where, ledger.find_claims,
                                                cursor=cursor, limit=limit, fmt=format, columns=columns)
    if ready is not None:
        return ready
    return ClaimPage(items=[ClaimModel.of(c) for c in items], count=len(items), next=next_url, cursor=next_cursor)


@router.get("/claims/series", response_model=list[Series], responses=responses(400, 422),
            summary="Each claimant's estimates over time")
def series(ledger: LedgerDep, where: Annotated[ClaimFilter, Depends(claim_filter)]) -> list[Series]:
    """Claims grouped by side, population and metric, then by claimant, in date order; one point per distinct
    estimate (the articles repeating it are listed), with its range, period, projection flag and disputes."""
    clause = where.where()
    found = ledger.sql(f"SELECT * FROM claims WHERE {clause.sql} ORDER BY day NULLS LAST, id", list(clause.params))
    articles = ledger.sql("SELECT id, publisher, published FROM articles WHERE id IN (SELECT unnest(?))",
                          [sorted({r["article_id"] for r in found})])
    published = {a["id"]: (a["publisher"], a["published"]) for a in articles}
    return claim_series([(flat.claim_from_row(r), r["day"]) for r in found], published=published)


@router.get("/claims/{claim_id}", response_model=ClaimModel, responses=responses(404, 422), summary="One claim")
def get_claim(claim_id: str, ledger: LedgerDep) -> ClaimModel:
    """One casualty claim with its evidence."""
    claim = ledger.claim(claim_id)
    if claim is None:
        raise ApiError(404, "not_found", f"no claim {claim_id!r}; list them at /api/claims")
    return ClaimModel.of(claim)


@router.get("/articles", response_model=ArticlePage, responses=LIST_ERRORS, summary="List articles")
def list_articles(
    request: Request, ledger: LedgerDep, where: Annotated[ArticleFilter, Depends(article_filter)],
    cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT,
    format: TableFormat = None,
) -> Any:
    """Articles (without their text), newest first by default."""
    ready, items, next_cursor, next_url = _page(request, ledger, "articles", where, ledger.find_articles,
                                                cursor=cursor, limit=limit, fmt=format, columns="full")
    if ready is not None:
        return ready
    return ArticlePage(items=[ArticleBrief.of(a) for a in items], count=len(items), next=next_url,
                       cursor=next_cursor)


@router.get("/articles/{article_id}", response_model=ArticleModel, responses=responses(404, 422),
            summary="One article with its evidence highlighted")
def get_article(article_id: str, ledger: LedgerDep) -> ArticleModel:
    """The article's clean text and, in ``highlights``, every evidence span of its incidents and claims (offsets
    into ``text``), ordered by start."""
    article = ledger.article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}; list them at /api/articles")
    incidents = ledger.incidents(article_id=article_id, order="id")
    claims = ledger.claims(article_id=article_id, order="id")
    highlights = [
        Highlight(start=e.start, end=e.end, text=e.text, field=e.field, record_type=kind, record_id=record.id)
        for kind, group in (("incident", incidents), ("claim", claims))
        for record in group
        for e in record.evidence
        if 0 <= e.start <= e.end <= len(article.text)
    ]
    highlights.sort(key=lambda h: (h.start, -h.end, h.record_id, h.field))
    data = {f.name: getattr(article, f.name) for f in dataclasses.fields(article)}
    data["captions"] = [{"text": c.text, "credit": c.credit} for c in article.captions]
    return ArticleModel(**data, highlights=highlights, incidents=[IncidentModel.of(i) for i in incidents],
                        claims=[ClaimModel.of(c) for c in claims])


@router.get("/timeline", response_model=Timeline, responses=responses(400, 422),
            summary="Killed and injured per day or week")
def timeline(
    ledger: LedgerDep, where: Annotated[IncidentFilter, Depends(incident_filter)],
    bucket: Annotated[Literal["day", "week"], Query(description="day, or ISO week starting Monday")] = "day",
) -> Timeline:
    """Totals of the incidents matching the filters, per day or week (incidents without a date are left out).
    A count counts with its lower bound ("at least 3" is 3), else its upper bound."""
    clause = where.where()
    period = "day" if bucket == "day" else "date_trunc('week', day)"
    found = ledger.sql(
        f"SELECT {period} AS period, count(*) AS n, sum(coalesce(killed_min, killed_max)) AS killed,"
        f" sum(coalesce(injured_min, injured_max)) AS injured FROM incidents"
        f" WHERE day IS NOT NULL AND ({clause.sql}) GROUP BY 1 ORDER BY 1",
        list(clause.params),
    )
    points = [TimelinePoint(period=r["period"].isoformat()[:10], incidents=int(r["n"]), killed=int(r["killed"] or 0),
                            injured=int(r["injured"] or 0)) for r in found]
    return Timeline(bucket=bucket, points=points)


@router.get("/facets", response_model=Facets, summary="Values the filters can take")
def facets(ledger: LedgerDep) -> Facets:
    """The distinct oblasts, event types, claimants, sides and metrics in the ledger, sorted."""

    def distinct(table: str, column: str) -> list[str]:
        found = ledger.sql(f'SELECT DISTINCT "{column}" AS v FROM {table} WHERE "{column}" IS NOT NULL ORDER BY 1')
        return [str(r["v"]) for r in found]

    return Facets(oblasts=distinct("incidents", "admin1"), event_types=distinct("incidents", "event_type"),
                  claimants=distinct("claims", "claimant"), sides=distinct("claims", "side"),
                  metrics=distinct("claims", "metric"))


@router.get("/summary", response_model=Summary, summary="Counts and totals")
def summary(request: Request, ledger: LedgerDep) -> Summary:
    """What ``warledger summary`` prints: counts of articles, incidents, claims, skipped documents, and totals."""
    data = {k: v for k, v in ledger.summary().items() if k != "path"}
    events = state_of(request).events
    if events is not None:
        data["events"] = events.count(ledger)
    return Summary(**data)
