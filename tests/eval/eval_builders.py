"""Hand-built predictions and gold records for the evaluation tests (every text here is written for the tests)."""
from __future__ import annotations

from warledger.eval.gold import GoldClaim, GoldCount, GoldIncident, GoldItem
from warledger.records import Article, Claim, Count, Evidence, Extraction, Incident, Location


def span(text: str, part: str, field: str) -> Evidence:
    """Evidence for ``part``, located in ``text`` (it must occur there)."""
    start = text.index(part)
    return Evidence(field, part, start, start + len(part))


def incident(
    text: str,
    *,
    date: str | None = "2024-05-14",
    name: str | None = "Kharkiv",
    admin1: str | None = "Kharkiv Oblast",
    killed: Count | None = None,
    injured: Count | None = None,
    event_type: str | None = "Air/drone strike",
    evidence: dict[str, str] | None = None,
    confidence: float = 0.8,
    lat: float | None = None,
    lon: float | None = None,
    gazetteer_id: str | None = None,
    ident: str = "inc-1",
) -> Incident:
    """A predicted incident; ``evidence`` maps field names to substrings of ``text``."""
    location = None
    if name is not None or admin1 is not None:
        location = Location(name=name, admin1=admin1, lat=lat, lon=lon, gazetteer_id=gazetteer_id,
                            precision=1 if name else 4)
    spans = [span(text, part, field) for field, part in (evidence or {}).items()]
    return Incident(
        id=ident, article_id="art-1", date=date, date_precision="day" if date else "unknown", event_type=event_type,
        weapon=None, location=location, perpetrator=None, targets=[], killed=killed, injured=injured, missing=None,
        attributed_to=[], evidence=spans, confidence=confidence,
    )


def claim(
    text: str,
    *,
    side: str | None = "Russia",
    metric: str = "killed",
    low: int | None = None,
    high: int | None = None,
    qualifier: str = "exact",
    claimant: str | None = "UK Ministry of Defence",
    period: tuple[str | None, str | None] = (None, None),
    projection: bool = False,
    evidence: dict[str, str] | None = None,
    confidence: float = 0.7,
    ident: str = "claim-1",
) -> Claim:
    spans = [span(text, part, field) for field, part in (evidence or {}).items()]
    return Claim(
        id=ident, article_id="art-1", side=side, population="military", metric=metric, min=low, max=high,
        qualifier=qualifier, period_start=period[0], period_end=period[1], as_of=None, projection=projection,
        claimant=claimant, disputed_by=[], evidence=spans, confidence=confidence,
    )


def extraction(text: str, incidents: list[Incident] = (), claims: list[Claim] = (),  # type: ignore[assignment]
               *, published: str | None = "2024-05-15") -> Extraction:
    article = Article(id="art-1", source_id="test", title=None, standfirst=None, text=text, paragraphs=[text],
                      captions=[], published=published)
    return Extraction(article, list(incidents), list(claims))


def gold_incident(
    *,
    date: str | None = "2024-05-14",
    place: str | None = "Kharkiv",
    admin1: str | None = "Kharkiv Oblast",
    killed: GoldCount | None = None,
    injured: GoldCount | None = None,
    event_type: str | None = "Air/drone strike",
    evidence: tuple[str, ...] = (),
    where_prec: int | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> GoldIncident:
    return GoldIncident(
        date=date, date_precision="day" if date else "week", event_type=event_type, place=place, admin1=admin1,
        country="UA", where_prec=where_prec, lat=lat, lon=lon, killed=killed, injured=injured, evidence=evidence,
    )


def gold_claim(*, side: str = "Russia", metric: str = "killed", low: int | None = None, high: int | None = None,
               claimant: str | None = "UK Ministry of Defence", qualifier: str | None = "exact",
               period: tuple[str | None, str | None] = (None, None), projection: bool | None = False) -> GoldClaim:
    return GoldClaim(side=side, population="military", metric=metric, min=low, max=high, qualifier=qualifier,
                     period_start=period[0], period_end=period[1], projection=projection, claimant=claimant)


def item(text: str, *, incidents: tuple[GoldIncident, ...] = (), claims: tuple[GoldClaim, ...] = (),
         published: str | None = "2024-05-15", event_type: str | None = None, labels_document: bool = False,
         ident: str = "t-1") -> GoldItem:
    return GoldItem(id=ident, source="test", published=published, text=text, incidents=incidents, claims=claims,
                    event_type=event_type, labels_document=labels_document, line=1)


def exact(value: int) -> Count:
    return Count(value, value, "exact")


def gold_exact(value: int) -> GoldCount:
    return GoldCount(min=value, max=value)
