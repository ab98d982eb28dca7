"""Invented documents for the store tests: records built in code, every evidence span indexing the article text.

Also imported by ``ingest_child.py`` (run as a subprocess), so it depends on nothing but warledger.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from warledger import records


@dataclass
class IncidentSpec:
    """One invented incident; ``sample`` writes a sentence for it and points the evidence at that sentence."""

    place: str | None = "Testville"
    admin1: str | None = "Odesa Oblast"
    day: str | None = "2026-01-27"
    precision: str = "day"
    event_type: str | None = "Air/drone strike"
    weapon: str | None = "drone"
    killed: int | None = 2
    injured: int | None = None
    confidence: float = 0.8
    lat: float | None = 46.48
    lon: float | None = 30.72
    targets: list[str] = field(default_factory=lambda: ["residential"])


@dataclass
class ClaimSpec:
    """One invented casualty estimate."""

    claimant: str = "Institute of Examples"
    side: str = "Russia"
    metric: str = "casualties"
    low: int | None = 1000
    high: int | None = 2000
    as_of: str | None = None
    period_end: str | None = "2025-12"
    confidence: float = 0.7


def _span(text: str, part: str, name: str, after: int = 0) -> records.Evidence:
    start = text.index(part, after)
    return records.Evidence(name, part, start, start + len(part))


def _incident_sentence(spec: IncidentSpec) -> str:
    where = spec.place or "a village"
    when = spec.day or "an unknown day"
    return (f"A {spec.weapon or 'strike'} attack hit {where} on {when}; officials counted {spec.killed} dead "
            f"and {spec.injured} hurt.")


def _claim_sentence(spec: ClaimSpec) -> str:
    return f"{spec.claimant} put {spec.side} {spec.metric} at {spec.low} to {spec.high} by {spec.period_end}."


def sample(
    key: str,
    incidents: list[IncidentSpec] | None = None,
    claims: list[ClaimSpec] | None = None,
    *,
    published: str | None = "2026-01-28",
    publisher: str | None = "Example Wire",
    language: str | None = "en",
    body: str = "",
) -> records.Extraction:
    """An extraction for document ``key``: a title, one paragraph per incident and claim, and ``body`` last."""
    incidents = [] if incidents is None else incidents
    claims = [] if claims is None else claims
    title = f"Invented report {key}"
    paragraphs = [_incident_sentence(s) for s in incidents] + [_claim_sentence(s) for s in claims]
    paragraphs.append(body or f"Background paragraph for {key}.")
    caption = records.Caption(f"Picture for {key}.", "(Example Photo)")
    text = "\n\n".join([title, *paragraphs, caption.text])
    article = records.Article(
        id=records.stable_id("art", key), source_id=f"{key}.txt", title=title, standfirst=None, text=text,
        paragraphs=paragraphs, captions=[caption], publisher=publisher, url=f"https://news.example/{key}",
        published=published, published_precision="day" if published else "unknown",
        published_source="given" if published else "none", language=language, removed=["Sign up to our newsletter"],
        content_hash=records.content_hash(text),
    )
    built_incidents = []
    offset = 0
    for index, spec in enumerate(incidents):
        sentence = _span(text, _incident_sentence(spec), "sentence", offset)
        offset = sentence.end
        evidence = [sentence, _span(text, f"{spec.killed} dead", "killed", sentence.start)]
        location = None
        if spec.place or spec.admin1:
            location = records.Location(spec.place, spec.admin1, "Example Raion", "UA", spec.lat, spec.lon,
                                        records.stable_id("geonames", spec.place) if spec.place else None,
                                        1 if spec.place else 4, False)
            evidence.append(_span(text, spec.place or "a village", "location", sentence.start))
        built_incidents.append(records.Incident(
            id=records.stable_id("inc", key, index), article_id=article.id, date=spec.day,
            date_precision=spec.precision if spec.day else "unknown", event_type=spec.event_type, weapon=spec.weapon,
            location=location, perpetrator="Russia", targets=list(spec.targets),
            killed=None if spec.killed is None else records.Count(spec.killed, spec.killed, "exact"),
            injured=None if spec.injured is None else records.Count(spec.injured, None, "at least"),
            missing=None, attributed_to=["regional governor"], evidence=evidence, confidence=spec.confidence,
        ))
    built_claims = []
    for index, spec in enumerate(claims):
        sentence = _span(text, _claim_sentence(spec), "sentence")
        built_claims.append(records.Claim(
            id=records.stable_id("clm", key, index), article_id=article.id, side=spec.side, population="military",
            metric=spec.metric, min=spec.low, max=spec.high, qualifier="range", period_start="2022-02",
            period_end=spec.period_end, as_of=spec.as_of, projection=False, claimant=spec.claimant,
            disputed_by=["Ministry of Denials"], evidence=[sentence, _span(text, spec.claimant, "claimant")],
            confidence=spec.confidence,
        ))
    return records.Extraction(article, built_incidents, built_claims)


def numbered(n: int) -> records.Extraction:
    """Document number ``n`` of a long run: ``n % 4 + 1`` incidents and ``n % 2`` claims, so sizes vary."""
    specs = [IncidentSpec(place=f"Place{n}x{i}", killed=i, day=f"2026-01-{(n + i) % 28 + 1:02d}")
             for i in range(n % 4 + 1)]
    return sample(f"doc{n}", specs, [ClaimSpec()] * (n % 2))
