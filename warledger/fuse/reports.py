"""What fusion knows about one report (an incident of one article), and the blocks that keep fusion off all pairs.

Public and stable: ``ArticleMeta``, ``Report`` (built with ``Report.of(incident, meta)``), ``BlockIndex``,
``blocked(a, b)``. The block keys themselves are internal.

Blocking: a pair of reports is compared only when their incident days are at most ``DATE_WINDOW_DAYS`` apart,
their event types are compatible (same group in fuse/compatible_types.tsv, or one unknown), and they share a block:

- exact places (where_prec 1): a 0.1 x 0.2 degree cell and its eight neighbours (every cell is wider than the
  10 km exact-place radius up to 60 degrees north);
- places known to 25-50 km ("near X", a district) and the places around them: 0.5 x 1 degree cells, likewise;
- the same gazetteer id, or the same name in the same oblast;
- an oblast-level report (where_prec 4) and every report in that oblast;
- a report without a usable place (none, or where_prec 5-7) and every report sharing a distinctive phrase with it
  (two distinctive words in a row in the evidence, "passenger train").

The relation is symmetric (``a`` probes a block ``b`` is filed under exactly when ``b`` probes one of ``a``'s), so
the same pairs are found whichever report arrives first; ``compare`` keeps apart every pair that is not blocked.
"""
from __future__ import annotations

import csv
import logging
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources

from warledger.records import Article, Count, Incident, Location

log = logging.getLogger(__name__)

DATE_WINDOW_DAYS = 2
"""Reporting lag: incident days further apart than this are never one event (and are never compared)."""

Key = tuple[str, ...]

COUNT_NAMES = ("killed", "injured", "missing")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What fusion needs to know about the article a report came from."""

    article_id: str
    publisher: str | None = None
    published: str | None = None
    """ISO date or datetime of publication, if known."""

    @classmethod
    def of(cls, article: Article) -> ArticleMeta:
        return cls(article.id, article.publisher, article.published)


def published_key(published: str | None) -> str:
    """A string that sorts publication times: UTC, naive ISO; "~" (after every date) when unknown."""
    if not published:
        return "~"
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return published.strip()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat()


def day_number(text: str | None) -> int | None:
    """The proleptic ordinal of the first day an ISO date (or datetime, or "YYYY-MM") names, or None."""
    if not text or len(text) < 7:
        return None
    try:
        if len(text) >= 10 and text[7:8] == "-":
            return date(int(text[0:4]), int(text[5:7]), int(text[8:10])).toordinal()
        return date(int(text[0:4]), int(text[5:7]), 1).toordinal()
    except ValueError:
        return None


@cache
def generic_words() -> frozenset[str]:
    """Words too common in war reporting to make a shared phrase distinctive (fuse/generic_words.txt)."""
    text = resources.files(__package__).joinpath("generic_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


_WORD = re.compile(r"[a-z][a-z'\-]+")


def phrases(texts: Iterable[str]) -> frozenset[str]:
    """Two-word phrases of distinctive words ("passenger train", "port infrastructure") found in ``texts``."""
    skip = generic_words()
    found: set[str] = set()
    for text in texts:
        words = _WORD.findall(text.lower())
        for first, second in zip(words, words[1:], strict=False):
            if first not in skip and second not in skip and len(first) > 2 and len(second) > 2:
                found.add(f"{first} {second}")
    return frozenset(found)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


PLACE = "place"
OBLAST = "oblast"
NONE = "none"
ANY_TYPE = "*"
"""The type group of a report without an event type: compatible with every group."""


@cache
def type_groups() -> dict[str, str]:
    """Event type -> compatibility group (fuse/compatible_types.tsv); an unlisted type is its own group."""
    text = resources.files(__package__).joinpath("compatible_types.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row["label"]: row["group"] for row in csv.DictReader(lines, delimiter="\t")}


def effective_precision(location: Location) -> int:
    """The location's where_prec, with "near X" counting as at least 2 (within ~25 km)."""
    return max(location.precision, 2) if location.near else location.precision


@dataclass(slots=True, eq=False)
class Report:
    """One incident and its article, with what fusion compares precomputed. Identity is ``id`` (the incident's)."""

    incident: Incident
    meta: ArticleMeta
    id: str
    order: tuple[str, str, str]
    """Canonical order: (publication time, article id, incident id); earliest first, unknown times last."""
    day: int | None
    """Incident day (ordinal), else the publication day, else None (then the report is never merged)."""
    exact_day: bool
    """True when the incident date is known to the day."""
    place_class: str
    """"place" (where_prec 1-3 with an id, a name or coordinates), "oblast" (where_prec 4), or "none"."""
    location: Location | None
    country: str
    precision: int
    """``effective_precision`` of the location (7 when there is none)."""
    group: str
    """Event type compatibility group, ``ANY_TYPE`` when the type is unknown."""
    targets: frozenset[str]
    phrases: frozenset[str]
    sources: frozenset[str]
    """``attributed_to``, lower case."""
    perpetrator: str | None
    """Lower case."""
    point: tuple[float, float] | None
    """(lat, lon) when the location has both."""
    counts: tuple[tuple[str, Count], ...]
    """The counts the incident gives, as (name, count)."""
    keys: frozenset[Key] = frozenset()
    """The blocks it is filed under."""
    probes: frozenset[Key] = frozenset()
    """The blocks it looks in (``neighbour_keys`` of its own)."""

    @classmethod
    def of(cls, incident: Incident, meta: ArticleMeta) -> Report:
        loc = incident.location
        day = day_number(incident.date) if incident.date else None
        exact_day = day is not None and incident.date_precision == "day"
        if day is None:
            day = day_number(meta.published)
        place_class = NONE
        if loc is not None and loc.precision <= 3 and (loc.gazetteer_id or loc.name or loc.lat is not None):
            place_class = PLACE
        elif loc is not None and loc.precision == 4 and loc.admin1:
            place_class = OBLAST
        etype = incident.event_type
        report = cls(
            incident=incident,
            meta=meta,
            id=incident.id,
            order=(published_key(meta.published), meta.article_id, incident.id),
            day=day,
            exact_day=exact_day,
            place_class=place_class,
            location=loc,
            country=(loc.country if loc is not None and loc.country else "UA").upper(),
            precision=effective_precision(loc) if loc is not None else 7,
            group=ANY_TYPE if not etype else type_groups().get(etype, etype),
            targets=frozenset(t for t in incident.targets if t != "other"),
            phrases=phrases(e.text for e in incident.evidence),
            sources=frozenset(n.lower() for n in incident.attributed_to),
            perpetrator=incident.perpetrator.lower() if incident.perpetrator else None,
            point=(loc.lat, loc.lon) if loc is not None and loc.lat is not None and loc.lon is not None else None,
            counts=tuple((n, c) for n in COUNT_NAMES if (c := getattr(incident, n)) is not None),
        )
        if day is not None:
            report.keys = frozenset(_own_keys(report))
            report.probes = frozenset(n for k in report.keys for n in _neighbours(k))
        return report

    def count(self, name: str) -> Count | None:
        value: Count | None = getattr(self.incident, name)
        return value


FINE_CELL = (0.1, 0.2)
"""Degrees of latitude and longitude of the cells exact places are filed in: over 10 km (the exact-place radius)
up to 60 degrees north."""
COARSE_CELL = (0.5, 1.0)
"""Cells for places known to 25 or 50 km ("near X", a district): over 50 km up to 60 degrees north."""


def _cell(kind: str, lat: float, lon: float, size: tuple[float, float]) -> Key:
    return (kind, str(math.floor(lat / size[0])), str(math.floor(lon / size[1])))


def _own_keys(report: Report) -> Iterator[Key]:
    """The blocks a report is filed under."""
    loc = report.location
    for phrase in report.phrases:
        yield ("phrase", report.country, phrase)
    if report.place_class == PLACE and loc is not None:
        if loc.lat is not None and loc.lon is not None:
            if report.precision == 1:
                yield _cell("fine", loc.lat, loc.lon, FINE_CELL)
            yield _cell("coarse", loc.lat, loc.lon, COARSE_CELL)
            if report.precision > 1:
                yield _cell("wide", loc.lat, loc.lon, COARSE_CELL)
        located = "" if loc.lat is None or loc.lon is None else "+"
        if loc.gazetteer_id:
            yield ("gid" + located, loc.gazetteer_id)
        if loc.name:
            yield ("name" + located, (loc.admin1 or "").lower(), loc.name.lower())
        if loc.admin1:
            yield ("in", loc.admin1)
    elif report.place_class == OBLAST and loc is not None and loc.admin1:
        yield ("oblast", loc.admin1)
    else:
        for phrase in report.phrases:
            yield ("vphrase", report.country, phrase)


def _around(key: Key, kind: str) -> Iterator[Key]:
    row, col = int(key[1]), int(key[2])
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            yield (kind, str(row + dr), str(col + dc))


def neighbour_keys(key: Key) -> Iterator[Key]:
    """The keys a report filed under ``key`` probes. Symmetric: y in N(x) exactly when x in N(y)."""
    kind = key[0]
    if kind == "fine":
        yield from _around(key, "fine")
    elif kind == "coarse":
        yield from _around(key, "wide")
    elif kind == "wide":
        yield from _around(key, "coarse")
    elif kind in ("gid", "name"):
        yield key
        yield (kind + "+", *key[1:])
    elif kind in ("gid+", "name+"):
        yield (kind[:-1], *key[1:])
    elif kind == "in":
        yield ("oblast", key[1])
    elif kind == "oblast":
        yield key
        yield ("in", key[1])
    elif kind == "phrase":
        yield ("vphrase", *key[1:])
    elif kind == "vphrase":
        yield ("phrase", *key[1:])


@cache
def _neighbours(key: Key) -> tuple[Key, ...]:
    return tuple(neighbour_keys(key))


def compatible_groups(a: str, b: str) -> bool:
    return a == b or a == ANY_TYPE or b == ANY_TYPE


def blocked(a: Report, b: Report) -> bool:
    """True when ``a`` and ``b`` share a block: only such pairs are ever compared."""
    if a.day is None or b.day is None or abs(a.day - b.day) > DATE_WINDOW_DAYS:
        return False
    return compatible_groups(a.group, b.group) and not a.probes.isdisjoint(b.keys)


class BlockIndex:
    """Reports filed by block, event type group and day, for finding the few a report must be compared with."""

    def __init__(self, reports: Iterable[Report] = ()) -> None:
        self._blocks: dict[Key, dict[str, dict[int, list[Report]]]] = {}
        self._ids: set[str] = set()
        for report in reports:
            self.add(report)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, incident_id: object) -> bool:
        return incident_id in self._ids

    def add(self, report: Report) -> None:
        """File a report (a report whose incident id is already filed is ignored)."""
        if report.id in self._ids or report.day is None:
            return
        self._ids.add(report.id)
        for key in report.keys:
            groups = self._blocks.setdefault(key, {})
            groups.setdefault(report.group, {}).setdefault(report.day, []).append(report)

    def candidates(self, report: Report) -> list[Report]:
        """Filed reports sharing a block with ``report`` within the date window (not ``report`` itself)."""
        if report.day is None:
            return []
        first, last = report.day - DATE_WINDOW_DAYS, report.day + DATE_WINDOW_DAYS
        seen: set[str] = {report.id}
        found: list[Report] = []
        for key in report.probes:
            groups = self._blocks.get(key)
            if not groups:
                continue
            if report.group == ANY_TYPE:
                lanes = list(groups.values())
            else:
                lanes = [lane for g in (report.group, ANY_TYPE) if (lane := groups.get(g)) is not None]
            for days in lanes:
                for day in range(first, last + 1):
                    for other in days.get(day, ()):
                        if other.id not in seen:
                            seen.add(other.id)
                            found.append(other)
        return found
