"""The typed records that pass between pipeline stages, and their JSON form (the output contract).

Public and stable: every class here and its ``to_dict()`` output, described in docs/output-contract.md.
Bump ``CONTRACT_VERSION`` whenever a field is added, renamed or changes meaning.

Offsets: every ``Evidence`` indexes ``Article.text`` exactly (``text[start:end] == evidence.text``).
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

CONTRACT_VERSION = "1.1"

QUALIFIERS = ("exact", "at least", "more than", "up to", "fewer than", "about", "range")
"""How a figure was worded. "a couple" is about 2, "dozens" is at least 24, "no casualties" is exact 0."""

DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``: re-running on the same input gives the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def content_hash(text: str) -> str:
    """The hash that makes re-ingesting the same document a no-op."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact text a field was read from: ``article.text[start:end] == text``."""

    field: str
    """Which record field this supports: "killed", "date", "location", "claimant", ..."""
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Count:
    """A number as worded: ``min``/``max`` (either may be None for open ranges) and the wording's qualifier."""

    min: int | None
    max: int | None
    qualifier: str = "exact"
    """One of ``QUALIFIERS``."""

    @property
    def value(self) -> int | None:
        """One number for sorting and filtering: min when stated, else max."""
        return self.min if self.min is not None else self.max


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(slots=True)
class Document:
    """What ingest hands to clean: one page, as raw text or HTML, with what the source said about it."""

    source_id: str
    """The JSON Lines ``id``, else the file path (or "-" for stdin)."""
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO date or datetime given by the caller or the source, if any."""
    publisher: str | None = None
    fetched: str | None = None
    """When a crawler fetched it (WARC), if known."""

    @property
    def raw(self) -> str:
        return self.html if self.html is not None else (self.text or "")


@dataclass(frozen=True, slots=True)
class Problem:
    """Input that could not be used: reported, skipped, and the run goes on."""

    source: str
    message: str
    line: int | None = None
    code: str = "W000"

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message} [{self.code}]"


@dataclass(slots=True)
class Article:
    """A cleaned page. ``text`` is title, standfirst, paragraphs and captions joined by blank lines, in that order;
    every evidence offset indexes it."""

    id: str
    source_id: str
    title: str | None
    standfirst: str | None
    text: str
    paragraphs: list[str]
    captions: list[Caption]
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: str = "unknown"
    published_source: str = "none"
    """"given" (caller or JSON Lines), "metadata" (read from the page), "text" (inferred from the text), "none"."""
    language: str | None = None
    removed: list[str] = field(default_factory=list)
    content_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"type": "article", "contract": CONTRACT_VERSION, **_plain(self)}


@dataclass(frozen=True, slots=True)
class Location:
    name: str | None
    admin1: str | None
    admin2: str | None = None
    country: str | None = "UA"
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    """"geonames:<id>" for places, "oblast:<code>" for oblasts, "country:<iso>" for a country."""
    precision: int = 6
    """UCDP where_prec: 1 exact place, 2 within ~25 km ("near X"), 3 district, 4 oblast, 5 part of a country or a
    front line, 6 country, 7 international waters or airspace."""
    near: bool = False


@dataclass(slots=True)
class Incident:
    id: str
    article_id: str
    date: str | None
    date_precision: str
    event_type: str | None
    weapon: str | None
    location: Location | None
    perpetrator: str | None
    targets: list[str]
    killed: Count | None
    injured: Count | None
    missing: Count | None
    attributed_to: list[str]
    evidence: list[Evidence]
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"type": "incident", **_plain(self)}


@dataclass(slots=True)
class Claim:
    id: str
    article_id: str
    side: str | None
    """"Russia", "Ukraine", "both"."""
    population: str
    """military, civilian, all."""
    metric: str
    """casualties, killed, injured, missing, captured."""
    min: int | None
    max: int | None
    qualifier: str
    period_start: str | None
    period_end: str | None
    as_of: str | None
    projection: bool
    claimant: str | None
    disputed_by: list[str]
    evidence: list[Evidence]
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"type": "claim", **_plain(self)}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document read fine but not extracted (another language, no text)."""

    source_id: str
    reason: str
    language: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    article: Article
    incidents: list[Incident]
    claims: list[Claim]

    def records(self) -> list[dict[str, Any]]:
        """The article, then its incidents, then its claims, as contract dicts (the JSON Lines order)."""
        return [self.article.to_dict(), *(i.to_dict() for i in self.incidents), *(c.to_dict() for c in self.claims)]


def count_from_dict(data: dict[str, Any] | None) -> Count | None:
    return None if data is None else Count(data.get("min"), data.get("max"), data.get("qualifier", "exact"))


def location_from_dict(data: dict[str, Any] | None) -> Location | None:
    return None if data is None else Location(**data)


def evidence_from_dicts(items: list[dict[str, Any]] | None) -> list[Evidence]:
    return [Evidence(**e) for e in items or []]


def incident_from_dict(data: dict[str, Any]) -> Incident:
    d = {k: v for k, v in data.items() if k != "type"}
    d["location"] = location_from_dict(d.get("location"))
    for k in ("killed", "injured", "missing"):
        d[k] = count_from_dict(d.get(k))
    d["evidence"] = evidence_from_dicts(d.get("evidence"))
    return Incident(**d)


def claim_from_dict(data: dict[str, Any]) -> Claim:
    d = {k: v for k, v in data.items() if k != "type"}
    d["evidence"] = evidence_from_dicts(d.get("evidence"))
    return Claim(**d)


def article_from_dict(data: dict[str, Any]) -> Article:
    d = {k: v for k, v in data.items() if k not in ("type", "contract")}
    d["captions"] = [Caption(**c) for c in d.get("captions") or []]
    return Article(**d)


# --- Fusion: events (one real-world incident seen in many reports) and the claims registry -------------------------
# Described in docs/fusion.md. Added after contract 1.0: "event" and "registry_claim" records.


@dataclass(slots=True)
class TollPoint:
    """One report's figure for a toll (killed, injured or missing), as it was published."""

    article_id: str
    incident_id: str
    publisher: str | None
    published: str | None
    min: int | None
    max: int | None
    qualifier: str
    attributed_to: list[str]
    evidence: str | None
    """The text the figure was read from (the incident's evidence for that field), if any."""


@dataclass(slots=True)
class Toll:
    """UCDP-style low/best/high for one count of an event, and every figure in publication order."""

    low: int | None
    best: int | None
    high: int | None
    history: list[TollPoint]


@dataclass(slots=True)
class EventMember:
    """One report (an incident of one article) in an event, and why it was merged."""

    incident_id: str
    article_id: str
    publisher: str | None
    published: str | None
    score: float | None
    """The merge score against ``linked_to``; None for an event of one report."""
    reasons: list[str]
    """Why it belongs: "same gazetteer entry geonames:698740", "dates 0 days apart", ..."""
    linked_to: str | None
    """The member incident it was compared with (its strongest link inside the event)."""


@dataclass(slots=True)
class Event:
    """One real-world incident seen in one or more reports, after fusion across articles."""

    id: str
    """``stable_id("evt", <incident id of the earliest report>)``; see docs/fusion.md."""
    date: str | None
    date_precision: str
    event_type: str | None
    weapon: str | None
    location: Location | None
    perpetrator: str | None
    targets: list[str]
    killed: Toll | None
    injured: Toll | None
    missing: Toll | None
    members: list[EventMember]
    first_published: str | None
    last_published: str | None
    supersedes: list[str] = field(default_factory=list)
    """Ids this event had before a report published earlier joined it (so old links can be followed)."""

    def to_dict(self) -> dict[str, Any]:
        return {"type": "event", **_plain(self)}


@dataclass(slots=True)
class ClaimReport:
    """One article's report of a registry claim."""

    claim_id: str
    article_id: str
    publisher: str | None
    published: str | None
    evidence: str | None


@dataclass(slots=True)
class RegistryClaim:
    """One estimate (claimant, side, population, metric, figures, period), however many outlets repeated it."""

    id: str
    claimant: str | None
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
    disputed_by: list[str]
    reports: list[ClaimReport]

    def to_dict(self) -> dict[str, Any]:
        return {"type": "registry_claim", **_plain(self)}


def _toll_from_dict(data: dict[str, Any] | None) -> Toll | None:
    if data is None:
        return None
    return Toll(data["low"], data["best"], data["high"], [TollPoint(**p) for p in data.get("history") or []])


def event_from_dict(data: dict[str, Any]) -> Event:
    d = {k: v for k, v in data.items() if k != "type"}
    d["location"] = location_from_dict(d.get("location"))
    for k in ("killed", "injured", "missing"):
        d[k] = _toll_from_dict(d.get(k))
    d["members"] = [EventMember(**m) for m in d.get("members") or []]
    return Event(**d)


def registry_claim_from_dict(data: dict[str, Any]) -> RegistryClaim:
    d = {k: v for k, v in data.items() if k != "type"}
    d["reports"] = [ClaimReport(**r) for r in d.get("reports") or []]
    return RegistryClaim(**d)
