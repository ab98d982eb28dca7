"""Pydantic models of what the REST API returns: the OpenAPI document is generated from these.

Public and stable: the JSON shapes (they follow the output contract, docs/output-contract.md, plus paging envelopes).
The models mirror ``warledger.records``; ``*.of(record)`` builds one from a record.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from warledger import records


class ErrorBody(BaseModel):
    """Every error the API returns: what went wrong, and what to do about it."""

    error: str = Field(description="A short machine-readable kind: not_found, bad_request, unauthorized, ...")
    detail: str = Field(description="A sentence for a person: what was wrong and what to do.")


class EvidenceModel(BaseModel):
    field: str
    text: str
    start: int
    end: int


class CountModel(BaseModel):
    min: int | None
    max: int | None
    qualifier: str


class LocationModel(BaseModel):
    name: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    gazetteer_id: str | None
    precision: int
    near: bool


class IncidentModel(BaseModel):
    """An incident as in the output contract."""

    type: str = "incident"
    id: str
    article_id: str
    date: str | None
    date_precision: str
    event_type: str | None
    weapon: str | None
    location: LocationModel | None
    perpetrator: str | None
    targets: list[str]
    killed: CountModel | None
    injured: CountModel | None
    missing: CountModel | None
    attributed_to: list[str]
    evidence: list[EvidenceModel]
    confidence: float

    @classmethod
    def of(cls, incident: records.Incident) -> IncidentModel:
        return cls.model_validate(incident.to_dict())


class ClaimModel(BaseModel):
    """A casualty claim as in the output contract."""

    type: str = "claim"
    id: str
    article_id: str
    side: str | None
    population: str
    metric: str
    min: int | None
    max: int | None
    qualifier: str
    period_start: str | None
    period_end: str | None
    as_of: str | None
    projection: bool
    claimant: str | None
    disputed_by: list[str]
    evidence: list[EvidenceModel]
    confidence: float

    @classmethod
    def of(cls, claim: records.Claim) -> ClaimModel:
        return cls.model_validate(claim.to_dict())


class CaptionModel(BaseModel):
    text: str
    credit: str | None


class ArticleBrief(BaseModel):
    """An article in a list: everything but its text."""

    id: str
    source_id: str
    title: str | None
    standfirst: str | None
    publisher: str | None
    url: str | None
    published: str | None
    published_precision: str
    language: str | None

    @classmethod
    def of(cls, article: records.Article) -> ArticleBrief:
        return cls.model_validate({k: getattr(article, k) for k in cls.model_fields})


class Highlight(BaseModel):
    """One evidence span in the article's text, with the record it supports."""

    start: int
    end: int
    text: str
    field: str
    record_type: str = Field(description='"incident" or "claim"')
    record_id: str


class ArticleModel(ArticleBrief):
    """One article: its clean text, and every evidence span of its incidents and claims (``highlights``)."""

    type: str = "article"
    contract: str = records.CONTRACT_VERSION
    text: str
    paragraphs: list[str]
    captions: list[CaptionModel]
    published_source: str
    removed: list[str]
    content_hash: str
    highlights: list[Highlight]
    incidents: list[IncidentModel]
    claims: list[ClaimModel]


class Page(BaseModel):
    """The envelope of every list: ``items``, and ``next`` (a URL for the next page) while there are more."""

    count: int = Field(description="Items on this page.")
    next: str | None = Field(description="URL of the next page, or null on the last one.")
    cursor: str | None = Field(description="The opaque cursor inside ``next``.")


class IncidentPage(Page):
    items: list[IncidentModel]


class ClaimPage(Page):
    items: list[ClaimModel]


class ArticlePage(Page):
    items: list[ArticleBrief]


class Summary(BaseModel):
    """Counts and totals of the ledger (``Ledger.summary()``)."""

    model_config = ConfigDict(extra="allow")

    schema_version: int
    articles: int
    incidents: int
    claims: int
    skipped: int
    skipped_by_language: dict[str, int]
    killed: int
    injured: int
    missing: int
    first_date: str | None
    last_date: str | None
    events: int | None = Field(default=None, description="Fused events, when the database has them.")


class TimelinePoint(BaseModel):
    period: str = Field(description="The first day of the day or week (ISO date).")
    incidents: int
    killed: int
    injured: int


class Timeline(BaseModel):
    bucket: str
    points: list[TimelinePoint]


class SeriesPoint(BaseModel):
    """One estimate of a claimant (repeats of the same figure by several articles are one point)."""

    date: str | None = Field(description="The day the estimate is filed under (as_of, else end of period).")
    min: int | None
    max: int | None
    qualifier: str
    period_start: str | None
    period_end: str | None
    projection: bool
    disputed_by: list[str]
    claim_ids: list[str]
    article_ids: list[str]


class SeriesLine(BaseModel):
    claimant: str | None
    points: list[SeriesPoint]


class Series(BaseModel):
    """Each claimant's estimates of one side, population and metric over time."""

    side: str | None
    population: str
    metric: str
    claimants: list[SeriesLine]


class Facets(BaseModel):
    """What the dashboard's filters offer: the values present in the ledger."""

    oblasts: list[str]
    event_types: list[str]
    claimants: list[str]
    sides: list[str]
    metrics: list[str]


class IngestReport(BaseModel):
    """What ``POST /api/documents`` stored."""

    articles_added: int
    duplicates: int
    incidents: int
    claims: int
    article_ids: list[str] = Field(description="Ids of the articles read from the request (stored now or before).")
    skipped: list[dict[str, Any]] = Field(description="Documents read but not extracted (language, no text).")
    problems: list[dict[str, Any]] = Field(description="Documents that could not be read, with the reason.")


class WatchModel(BaseModel):
    """A saved filter whose matches are published as a feed (and posted to a webhook, if set)."""

    name: str
    filters: dict[str, Any]
    webhook: str | None
    created_at: str
    feed: str = Field(description="Path of the watch's Atom feed.")
    delivered: int = Field(description="Matches posted to the webhook so far.")
    pending: int = Field(description="Matches waiting for (another) delivery attempt.")
    failed: int = Field(description="Matches given up on after the last retry.")


class ServerConfig(BaseModel):
    """What the dashboard needs to know about the server."""

    writes_enabled: bool
    tiles: str | None = Field(description="An online tile URL template when the server was started with one.")
    events: bool = Field(description="Whether fused events are served.")
    max_body_mb: float
