"""Hand-built reports for the fusion tests: invented places' facts (real cities, approximate coordinates), invented
sentences, invented publishers."""
from __future__ import annotations

from warledger.fuse.reports import ArticleMeta, Report
from warledger.records import Count, Evidence, Incident, Location

PLACES: dict[str, tuple[str, str, str, float, float]] = {
    "odesa": ("Odesa", "Odesa Oblast", "geonames:698740", 46.4775, 30.7326),
    "pivdennyi": ("Pivdennyi", "Odesa Oblast", "geonames:688105", 46.6222, 31.1011),
    "kharkiv": ("Kharkiv", "Kharkiv Oblast", "geonames:706483", 49.9935, 36.2304),
    "kupiansk": ("Kupiansk", "Kharkiv Oblast", "geonames:704147", 49.7106, 37.6156),
    "kupiansk_v": ("Kupiansk-Vuzlovyi", "Kharkiv Oblast", "geonames:704146", 49.6500, 37.6833),
    "kyiv": ("Kyiv", "Kyiv City", "geonames:703448", 50.4501, 30.5234),
    "brovary": ("Brovary", "Kyiv Oblast", "geonames:711369", 50.5110, 30.7909),
    "dnipro": ("Dnipro", "Dnipropetrovsk Oblast", "geonames:709930", 48.4647, 35.0462),
    "sumy": ("Sumy", "Sumy Oblast", "geonames:692194", 50.9077, 34.7981),
}


def place(key: str, *, near: bool = False, precision: int = 1) -> Location:
    name, admin1, gid, lat, lon = PLACES[key]
    return Location(name, admin1, lat=lat, lon=lon, gazetteer_id=gid, precision=precision, near=near)


def oblast(admin1: str) -> Location:
    return Location(admin1, admin1, gazetteer_id=f"oblast:{admin1}", precision=4)


def exact(n: int) -> Count:
    return Count(n, n, "exact")


def at_least(n: int) -> Count:
    return Count(n, None, "at least")


def item(
    ident: str,
    *,
    text: str = "A strike hit the city.",
    article: str | None = None,
    published: str | None = "2026-01-28T08:00:00+00:00",
    publisher: str | None = "Test Wire",
    date: str | None = "2026-01-28",
    date_precision: str = "day",
    location: Location | None = None,
    event_type: str | None = "Air/drone strike",
    weapon: str | None = None,
    perpetrator: str | None = "Russia",
    targets: tuple[str, ...] = (),
    killed: Count | None = None,
    injured: Count | None = None,
    missing: Count | None = None,
    attributed_to: tuple[str, ...] = (),
    killed_text: str | None = None,
) -> tuple[Incident, ArticleMeta]:
    """An incident and its article; ``text`` is the whole evidence, ``killed_text`` a part of it for "killed"."""
    evidence = [Evidence("event_type", text, 0, len(text))]
    if killed_text:
        start = text.index(killed_text)
        evidence.append(Evidence("killed", killed_text, start, start + len(killed_text)))
    article_id = article or f"art-{ident}"
    incident = Incident(
        id=ident, article_id=article_id, date=date, date_precision=date_precision, event_type=event_type,
        weapon=weapon, location=location, perpetrator=perpetrator, targets=list(targets), killed=killed,
        injured=injured, missing=missing, attributed_to=list(attributed_to), evidence=evidence, confidence=0.8,
    )
    return incident, ArticleMeta(article_id, publisher, published)


def report(ident: str, **options: object) -> Report:
    return Report.of(*item(ident, **options))  # type: ignore[arg-type]
