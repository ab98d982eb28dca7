"""Invented articles, incidents and a claim as contract dicts (the JSON form other tools read), for the export
tests."""
from __future__ import annotations

from typing import Any

from warledger import records

PORT_TEXT = ("Port struck overnight\n\n"
             "A missile hit the harbour of Seaton on 3 March, killing at least four dockers and wounding up to "
             "nine, the governor said.\n\n"
             "Separately, a glide bomb fell on a field near Hilltown in early March; nobody was hurt.")
REPORT_TEXT = ("Toll estimate revised\n\n"
               "Analysts at the Example Centre put losses at 10,000 to 12,000 killed by the end of 2025.")


def span(text: str, part: str, field: str) -> dict[str, Any]:
    start = text.index(part)
    return {"field": field, "text": part, "start": start, "end": start + len(part)}


def article_dict(key: str, text: str, **extra: Any) -> dict[str, Any]:
    paragraphs = text.split("\n\n")
    return {
        "type": "article", "contract": records.CONTRACT_VERSION, "id": f"art-{key}", "source_id": f"{key}.jsonl",
        "title": paragraphs[0], "standfirst": None, "text": text, "paragraphs": paragraphs[1:], "captions": [],
        "publisher": "Invented Herald", "url": f"https://herald.example/{key}", "published": "2026-03-04",
        "published_precision": "day", "published_source": "given", "language": "en", "removed": [],
        "content_hash": records.content_hash(text), **extra,
    }


def incident_dicts() -> list[dict[str, Any]]:
    sentence = "A missile hit the harbour of Seaton on 3 March, killing at least four dockers and wounding up to nine"
    common = {"type": "incident", "article_id": "art-port", "perpetrator": "Russia", "attributed_to": ["governor"]}
    return [
        {**common, "id": "inc-seaton", "date": "2026-03-03", "date_precision": "day",
         "event_type": "Shelling/artillery/missile attack", "weapon": "missile",
         "location": {"name": "Seaton", "admin1": "Odesa Oblast", "admin2": "Seaton Raion", "country": "UA",
                      "lat": 46.1, "lon": 30.2, "gazetteer_id": "geonames:1", "precision": 1, "near": False},
         "targets": ["port", "industry"], "killed": {"min": 4, "max": None, "qualifier": "at least"},
         "injured": {"min": None, "max": 9, "qualifier": "up to"}, "missing": None,
         "evidence": [span(PORT_TEXT, sentence, "sentence"), span(PORT_TEXT, "at least four dockers", "killed"),
                      span(PORT_TEXT, "Seaton", "location")], "confidence": 0.9},
        {**common, "id": "inc-hilltown", "date": "2026-03", "date_precision": "month",
         "event_type": "Air/drone strike", "weapon": "glide bomb",
         "location": {"name": "Hilltown", "admin1": "Kharkiv Oblast", "admin2": None, "country": "UA",
                      "lat": None, "lon": None, "gazetteer_id": None, "precision": 2, "near": True},
         "targets": [], "killed": {"min": 0, "max": 0, "qualifier": "exact"}, "injured": None, "missing": None,
         "evidence": [span(PORT_TEXT, "nobody was hurt", "killed")], "confidence": 0.6},
        {**common, "id": "inc-unplaced", "date": None, "date_precision": "unknown", "event_type": "Armed clash",
         "weapon": None, "location": None, "targets": [], "killed": None, "injured": None, "missing": None,
         "attributed_to": [], "evidence": [], "confidence": 0.4},
    ]


def claim_dict() -> dict[str, Any]:
    return {
        "type": "claim", "id": "clm-centre", "article_id": "art-report", "side": "Russia", "population": "military",
        "metric": "killed", "min": 10000, "max": 12000, "qualifier": "range", "period_start": "2022-02",
        "period_end": "2025-12", "as_of": None, "projection": False, "claimant": "Example Centre",
        "disputed_by": [], "evidence": [span(REPORT_TEXT, "10,000 to 12,000 killed", "metric")], "confidence": 0.8,
    }
