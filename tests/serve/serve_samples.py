"""Invented ledger contents for the serve tests: records built in code, each evidence span indexing its article.

Every text here is written for these tests. ``HOSTILE`` is an article whose title and text carry markup that must
show as text in the dashboard, and whose URL is a ``javascript:`` link that must not become one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warledger import records
from warledger.store import Ledger

SCRIPT = "<script>alert('xss-script')</script>"
IMG = '<img src=x onerror="alert(\'xss-img\')">'


@dataclass
class Event:
    """One invented incident sentence."""

    sentence: str
    place: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    day: str
    event_type: str
    killed: int | None = None
    injured: int | None = None
    killed_words: str | None = None
    injured_words: str | None = None
    qualifier: str = "exact"


@dataclass
class Estimate:
    sentence: str
    claimant: str
    side: str
    metric: str
    low: int | None
    high: int | None
    qualifier: str
    as_of: str
    period_end: str | None = None
    projection: bool = False
    disputed_by: list[str] = field(default_factory=list)
    figure_words: str = ""


def _span(text: str, part: str, name: str) -> records.Evidence:
    start = text.index(part)
    return records.Evidence(name, part, start, start + len(part))


def _article(key: str, title: str, sentences: list[str], published: str, *, url: str | None,
             publisher: str = "Example Wire") -> records.Article:
    text = "\n\n".join([title, *sentences])
    return records.Article(
        id=f"art-{key}", source_id=f"{key}.txt", title=title, standfirst=None, text=text, paragraphs=sentences,
        captions=[], publisher=publisher, url=url, published=published, published_precision="day",
        published_source="given", language="en", removed=[], content_hash=records.content_hash(text))


def _incident(article: records.Article, index: int, event: Event) -> records.Incident:
    text = article.text
    evidence = [_span(text, event.sentence, "incident")]
    if event.place:
        evidence.append(_span(text, event.place, "location"))
    killed = injured = None
    if event.killed is not None:
        killed = records.Count(event.killed, event.killed if event.qualifier == "exact" else None, event.qualifier)
        evidence.append(_span(text, event.killed_words or str(event.killed), "killed"))
    if event.injured is not None:
        injured = records.Count(event.injured, event.injured, "exact")
        evidence.append(_span(text, event.injured_words or str(event.injured), "injured"))
    location = None
    if event.admin1:
        location = records.Location(name=event.place, admin1=event.admin1, country="UA", lat=event.lat, lon=event.lon,
                                    gazetteer_id=f"test:{event.place}", precision=1 if event.place else 4)
    return records.Incident(
        id=f"inc-{article.id[4:]}-{index}", article_id=article.id, date=event.day, date_precision="day",
        event_type=event.event_type, weapon="drone" if "drone" in event.sentence else None, location=location,
        perpetrator="Russia", targets=["residential"], killed=killed, injured=injured, missing=None,
        attributed_to=["regional governor"], evidence=evidence, confidence=0.8)


def _claim(article: records.Article, index: int, estimate: Estimate) -> records.Claim:
    text = article.text
    evidence = [_span(text, estimate.sentence, "claim"), _span(text, estimate.figure_words, "figure")]
    return records.Claim(
        id=f"clm-{article.id[4:]}-{index}", article_id=article.id, side=estimate.side, population="military",
        metric=estimate.metric, min=estimate.low, max=estimate.high, qualifier=estimate.qualifier,
        period_start="2022-02", period_end=estimate.period_end, as_of=estimate.as_of, projection=estimate.projection,
        claimant=estimate.claimant, disputed_by=estimate.disputed_by, evidence=evidence, confidence=0.7)


ODESA = Event("A drone strike on Portville killed four people and injured nine on Monday.", "Portville",
              "Odesa Oblast", 46.48, 30.73, "2026-03-02", "Air/drone strike", 4, 9, "four", "nine")
KHARKIV = Event("Shelling of Gridtown killed two residents on Tuesday.", "Gridtown", "Kharkiv Oblast", 49.99,
                36.23, "2026-03-03", "Shelling/artillery/missile attack", 2, None, "two")
KYIV = Event("A missile hit a warehouse in Riverside, injuring five workers.", "Riverside", "Kyiv City", 50.45,
             30.52, "2026-03-09", "Shelling/artillery/missile attack", None, 5, None, "five")
ODESA_2 = Event("At least 12 people died when drones struck Harbourview on Friday.", "Harbourview", "Odesa Oblast",
                46.30, 30.65, "2026-03-13", "Air/drone strike", 12, None, "At least 12", None, "at least")
NOWHERE = Event("A drone hit a passenger train somewhere in the east, killing one.", None, None, None, None,
                "2026-03-10", "Air/drone strike", 1, None, "one")

INSTITUTE_1 = Estimate("The Institute of Examples put Russian casualties at 100,000 to 120,000 by the end of 2025.",
                       "Institute of Examples", "Russia", "casualties", 100_000, 120_000, "range", "2026-01-05",
                       "2025-12", figure_words="100,000 to 120,000")
INSTITUTE_2 = Estimate("The institute now estimates 150,000 to 170,000 Russian casualties.", "Institute of Examples",
                       "Russia", "casualties", 150_000, 170_000, "range", "2026-03-01", "2026-02",
                       disputed_by=["Russia"], figure_words="150,000 to 170,000")
MINISTRY = Estimate("The Ministry of Samples said Russian casualties could reach 200,000 by summer.",
                    "Ministry of Samples", "Russia", "casualties", None, 200_000, "up to", "2026-03-05", "2026-06",
                    projection=True, figure_words="200,000")


def hostile_article() -> tuple[records.Article, list[records.Incident]]:
    """An article whose title and body carry markup and an incident whose evidence covers it."""
    title = f"Breaking {SCRIPT} news"
    event = Event(f"Officials said {IMG} a drone strike on Tagtown killed three people.", "Tagtown", "Sumy Oblast",
                  50.91, 34.80, "2026-03-11", "Air/drone strike", 3, None, "three")
    article = _article("hostile", title, [event.sentence, f"Readers wrote {SCRIPT} in the comments."], "2026-03-11",
                       url="javascript:alert('xss-url')")
    return article, [_incident(article, 0, event)]


def extractions() -> list[records.Extraction]:
    """Five articles: four with incidents, two with claims, one hostile."""
    out = []
    first = _article("odesa", "Strikes on the coast", [ODESA.sentence, KHARKIV.sentence, INSTITUTE_1.sentence],
                     "2026-03-04", url="https://example.org/coast")
    out.append(records.Extraction(first, [_incident(first, 0, ODESA), _incident(first, 1, KHARKIV)],
                                  [_claim(first, 0, INSTITUTE_1)]))
    second = _article("capital", "Warehouse hit", [KYIV.sentence, NOWHERE.sentence], "2026-03-10",
                      url="https://example.org/capital", publisher="Sample Times")
    out.append(records.Extraction(second, [_incident(second, 0, KYIV), _incident(second, 1, NOWHERE)], []))
    third = _article("estimates", "New estimates", [INSTITUTE_2.sentence, MINISTRY.sentence, INSTITUTE_1.sentence],
                     "2026-03-06", url=None)
    out.append(records.Extraction(third, [], [_claim(third, 0, INSTITUTE_2), _claim(third, 1, MINISTRY),
                                              _claim(third, 2, INSTITUTE_1)]))
    fourth = _article("harbour", "Harbour attack", [ODESA_2.sentence], "2026-03-14", url="https://example.org/h")
    out.append(records.Extraction(fourth, [_incident(fourth, 0, ODESA_2)], []))
    hostile, incidents = hostile_article()
    out.append(records.Extraction(hostile, incidents, []))
    return out


def build(path: Path) -> Path:
    """Write the sample ledger to ``path`` and return it."""
    with Ledger(path) as ledger:
        ledger.add_many(extractions())
    return path


def new_article(key: str, event: Event, published: str) -> records.Extraction:
    """One more article with one incident (for watch and webhook tests)."""
    article = _article(key, f"Report {key}", [event.sentence], published, url=f"https://example.org/{key}")
    return records.Extraction(article, [_incident(article, 0, event)], [])
