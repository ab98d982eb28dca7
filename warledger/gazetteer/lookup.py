"""The gazetteer at run time: places, oblasts and regions from the shipped files, and a name matcher over text.

Public and stable: ``Gazetteer`` (``default()``, ``lookup()``, ``oblast()``, ``admin1_name()``, ``scan()``) and the
records ``Place``, ``Oblast``, ``Area``, ``Entry``, ``NameHit``. Reads only ``warledger/gazetteer/data``; never
GeoNames itself (``build.py`` makes ``places.tsv.gz`` from it).

Locations made here follow the output contract: ``admin1`` is the canonical name of ``oblasts.tsv`` ("Odesa
Oblast", "Kyiv City"), ``admin2`` is always None (GeoNames cities500 carries no second-level division),
``gazetteer_id`` is ``geonames:<id>`` for a place, ``oblast:<code>`` for an oblast (``oblast:UA.17``; the code is
GeoNames' admin1 code with its country, as Russian and Ukrainian codes overlap), ``country:<ISO2>`` for a country and
``region:<slug>`` / ``water:<slug>`` for the rows of ``regions.tsv``; an oblast takes its centre's coordinates.
"""
from __future__ import annotations

import csv
import gzip
import io
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from importlib.abc import Traversable

import ahocorasick

from warledger.gazetteer.names import fold, fold_text
from warledger.records import Location

log = logging.getLogger(__name__)

BIG_PLACE = 100_000
"""A stoplisted name (an English word) still names a place this populous when it is the place's own name."""
RUSSIAN_FORM_NAMES = frozenset({"UA.11", "UA.20"})
"""Regions whose GeoNames names are Russian forms (Crimea, Sevastopol): there a Russian-form name such as
"Nikolayevka" is no better a claim than the same Russian form kept as an alternate of a mainland "Mykolaivka"."""
FOREIGN_WEIGHT = 0.1
"""Between homonyms, a place outside Ukraine counts with a tenth of its population (the reporting is Ukraine's)."""
PRECISION = {"region": 5, "country": 6, "water": 7}
CITY_RADIUS_KM = 16.0
"""How far a section of a city (``PPLX``) may lie from the city it is part of."""
CITY_POPULATION = BIG_PLACE
"""A place this big (or a regional centre, or the capital) is a city that sections belong to."""
_REGION_WORDS = re.compile(r"\s+(?:oblast'?|oblasts|regions?|provinces?|krai|kray|territory|obl\.)$", re.I)


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place of GeoNames (a row of ``places.tsv.gz``, with the spellings of ``aliases.tsv``)."""

    id: int
    name: str
    """The reported spelling: the alias table's current romanisation, else GeoNames' name."""
    admin1: str
    """Region code as in ``oblasts.tsv``: ``UA.17``."""
    country: str
    lat: float
    lon: float
    population: int
    kind: str
    """PPLC national capital, PPLA region centre, PPLX section of a city, PPL other."""
    names: tuple[str, ...]
    """Every spelling: GeoNames' name, its kept alternate names, the alias table's spellings."""
    own: frozenset[str]
    """Folded keys of the names the place bears today (GeoNames' name, the alias table's): a place called so
    outranks a place that only used to be called so ("Oleksandrivka" the village, not Donetsk's old name)."""

    @property
    def weight(self) -> float:
        """How strongly a bare mention of this name means this place (population, foreign ones discounted)."""
        return self.population * (1.0 if self.country == "UA" else FOREIGN_WEIGHT)


@dataclass(frozen=True, slots=True)
class Oblast:
    """A row of ``oblasts.tsv``."""

    code: str
    country: str
    name: str
    capital: int
    within: str | None
    stems: tuple[str, ...]
    standalone: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Area:
    """A row of ``regions.tsv``: a region, a country, a sea, or a river."""

    kind: str
    name: str
    spellings: tuple[str, ...]
    country: str | None
    admin1: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything one folded name can mean."""

    places: tuple[Place, ...] = ()
    """Places of that name, best first: those that bear it today before those that bore it (``Place.own``), whole
    places before city sections, then by ``Place.weight``."""
    oblast_stem: Oblast | None = None
    """The oblast this name means when a region word follows ("Kharkiv region")."""
    oblast: Oblast | None = None
    """The oblast this name means on its own ("Odeshchyna", "Crimea", "DPR")."""
    area: Area | None = None
    river: bool = False
    stop: bool = False
    """A stoplist phrase: matched only to keep shorter names inside it from matching."""


@dataclass(frozen=True, slots=True)
class NameHit:
    """A gazetteer name found in text: ``text[start:end]`` is its surface form."""

    start: int
    end: int
    key: str
    entry: Entry


def _rows(source: Traversable, name: str) -> list[dict[str, str]]:
    raw = source.joinpath(name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def _slug(name: str) -> str:
    return fold(name).replace(" ", "-")


_DISTRICT_NAME = re.compile(r"(?:yi|ii|Bereh)$")
"""A big place named like a city's district ("Hirnytskyi", "Pravyi Bereh"): a section, never the city."""


def km_between(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """Distance in km on a flat projection around the first point: exact enough within a region, and the one the
    gazetteer's build and lookup both use."""
    dy = (lat_a - lat_b) * 111.2
    dx = (lon_a - lon_b) * 111.2 * math.cos(math.radians(lat_a))
    return math.hypot(dx, dy)


def _km(a: Place, b: Place) -> float:
    return km_between(a.lat, a.lon, b.lat, b.lon)


class Gazetteer:
    """Places, oblasts and regions, indexed by folded name, with an Aho-Corasick matcher over all names.

    Build it once (``Gazetteer.default()`` caches the shipped one); it is read-only afterwards and safe to share.
    """

    def __init__(self, source: Traversable) -> None:
        self.oblasts: dict[str, Oblast] = {}
        for row in _rows(source, "oblasts.tsv"):
            self.oblasts[row["code"]] = Oblast(row["code"], row["country"], row["name"], int(row["capital"]),
                                               row["within"] or None, _split(row["stems"]), _split(row["standalone"]))
        self.areas = tuple(Area(row["kind"], row["name"], _split(row["spellings"]), row["country"] or None,
                                _split(row["admin1"]), float(row["lat"]) if row["lat"] else None,
                                float(row["lon"]) if row["lon"] else None) for row in _rows(source, "regions.tsv"))
        self.places = self._read_places(source)
        self.by_id = {place.id: place for place in self.places}
        stop = (*_lines(source, "stoplist.txt"), *_lines(source, "foreign.txt"))
        self.stoplist = frozenset(fold(line) for line in stop)
        self._index = self._make_index()
        self._oblast_names = self._make_oblast_names()
        self._by_name = {oblast.name: oblast for oblast in self.oblasts.values()}
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for key in self._index:
            self._automaton.add_word(f" {key} ", key)
        self._automaton.make_automaton()
        log.debug("gazetteer: %d places, %d names", len(self.places), len(self._index))

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the shipped data files, built once per process."""
        return _default()

    def _read_places(self, source: Traversable) -> tuple[Place, ...]:
        rows = _rows(source, "places.tsv.gz")
        spellings: dict[int, list[str]] = defaultdict(list)
        display: dict[int, str] = {}
        by_key: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
        for row in rows:
            for name in (row["name"], *_split(row["alternates"])):
                by_key[(row["admin1"], fold(name))].append(row)
        for alias in _rows(source, "aliases.tsv"):
            names = (alias["name"], *_split(alias["spellings"]))
            found = [row for name in names for row in by_key.get((alias["admin1"], fold(name)), [])]
            if not found:
                log.warning("aliases.tsv: no place named %s in %s", alias["name"], alias["admin1"])
                continue
            best = max(found, key=lambda row: int(row["population"]))
            display[int(best["id"])] = alias["name"]
            spellings[int(best["id"])].extend(names)
        places = []
        for row in rows:
            gid = int(row["id"])
            names = tuple(dict.fromkeys((row["name"], *_split(row["alternates"]), *spellings.get(gid, []))))
            own = frozenset(fold(name) for name in (row["name"], display.get(gid, ""), *spellings.get(gid, [])) if name)
            places.append(Place(gid, display.get(gid, row["name"]), row["admin1"], row["country"], float(row["lat"]),
                                float(row["lon"]), int(row["population"]), row["kind"], names, own))
        return tuple(places)

    def _make_index(self) -> dict[str, Entry]:
        places: dict[str, list[Place]] = defaultdict(list)
        for place in self.places:
            for key in dict.fromkeys(fold(name) for name in (place.name, *place.names)):
                if key in self.stoplist and not (key in place.own and place.population >= BIG_PLACE):
                    continue
                places[key].append(place)
        stems = {fold(n): o for o in self.oblasts.values() for n in o.stems}
        alone = {fold(n): o for o in self.oblasts.values() for n in o.standalone}
        areas = {fold(n): a for a in self.areas if a.kind != "river" for n in (a.name, *a.spellings)}
        rivers = {fold(n) for a in self.areas if a.kind == "river" for n in (a.name, *a.spellings)}
        stops = {key for key in self.stoplist if " " in key}
        index = {}
        for key in set(places) | set(stems) | set(alone) | set(areas) | rivers | stops:
            ranked = sorted(places.get(key, ()), key=lambda p: (not _bears(p, key), p.kind == "PPLX", -p.weight, p.id))
            index[key] = Entry(tuple(ranked), stems.get(key), alone.get(key), areas.get(key), key in rivers,
                               key in stops and not (ranked or key in stems or key in alone or key in areas))
        return index

    def _make_oblast_names(self) -> dict[str, Oblast]:
        names: dict[str, Oblast] = {}
        for oblast in self.oblasts.values():
            for name in (*oblast.stems, *oblast.standalone):
                names.setdefault(fold(name), oblast)
        for oblast in self.oblasts.values():
            names[fold(oblast.name)] = oblast
            names[fold(oblast.code)] = oblast
        return names

    # --- matching ---

    def entry(self, name: str) -> Entry | None:
        """What ``name`` can mean (any spelling), or None when the gazetteer does not know it."""
        return self._index.get(fold(name))

    def scan(self, text: str) -> list[NameHit]:
        """Every known name in ``text`` as a whole word (overlapping hits included), with offsets into ``text``.

        No judgement here: capitalisation, context and overlaps are for ``warledger.extract.places``.
        """
        folded = fold_text(text)
        padded = f" {folded.folded} "
        hits = []
        for end, key in self._automaton.iter(padded):
            start = end - len(key) - 1
            orig_start, orig_end = folded.original_span(start, start + len(key))
            hits.append(NameHit(orig_start, orig_end, key, self._index[key]))
        return hits

    # --- locations ---

    def admin1_name(self, code: str) -> str | None:
        """``UA.17`` -> ``Odesa Oblast``."""
        oblast = self.oblasts.get(code)
        return oblast.name if oblast else None

    def place_location(self, place: Place, *, precision: int = 1, near: bool = False) -> Location:
        """A Location for ``place``; ``near`` around a city with oblast status puts it in the oblast around it. A
        section of a city (``PPLX``: "Saltivka", "the Kyivskyi district") is the city it is part of."""
        place = self.city_of(place) or place if place.kind == "PPLX" else place
        oblast = self.oblasts.get(place.admin1)
        if near and oblast is not None and oblast.within:
            oblast = self.oblasts[oblast.within]
        return Location(place.name, oblast.name if oblast else None, None, place.country, place.lat, place.lon,
                        f"geonames:{place.id}", precision, near)

    def city_of(self, section: Place) -> Place | None:
        """The city a section of a city (``PPLX``) is part of: the nearest regional centre, capital or city of
        100,000 people in its region, within ``CITY_RADIUS_KM``."""
        cities = self._cities.get(section.admin1, ())
        found = min(cities, key=lambda city: _km(section, city), default=None)
        return found if found is not None and _km(section, found) <= CITY_RADIUS_KM else None

    @cached_property
    def _cities(self) -> dict[str, tuple[Place, ...]]:
        by_region: dict[str, list[Place]] = defaultdict(list)
        for place in self.places:
            big = place.kind == "PPL" and place.population >= CITY_POPULATION and not _DISTRICT_NAME.search(place.name)
            if place.kind in ("PPLC", "PPLA") or big:
                by_region[place.admin1].append(place)
        return {code: tuple(places) for code, places in by_region.items()}

    def place_of(self, location: Location) -> Place | None:
        """The gazetteer place a location was made from (None for an oblast, a region or a country)."""
        gid = location.gazetteer_id or ""
        return self.by_id.get(int(gid[9:])) if gid.startswith("geonames:") and gid[9:].isdigit() else None

    def oblast_location(self, oblast: Oblast) -> Location:
        """A Location for a whole oblast, at its centre's coordinates, precision 4."""
        capital = self.by_id.get(oblast.capital)
        return Location(oblast.name, oblast.name, None, oblast.country, capital.lat if capital else None,
                        capital.lon if capital else None, f"oblast:{oblast.code}", 4, False)

    def area_location(self, area: Area, *, name: str | None = None) -> Location:
        """A Location for a row of ``regions.tsv``; ``admin1`` only when the area lies in one oblast."""
        admin1 = self.admin1_name(area.admin1[0]) if len(area.admin1) == 1 else None
        if area.kind == "country":
            gid = f"country:{area.country}"
        else:
            gid = f"{area.kind}:{_slug(area.name)}"
        return Location(name or area.name, admin1, None, area.country, area.lat, area.lon, gid,
                        PRECISION[area.kind], False)

    def lookup(self, name: str, *, admin1: str | None = None) -> Location | None:
        """The best place called ``name`` (any spelling), optionally inside ``admin1`` (any spelling or code).

        Falls back to an oblast, region or country of that name. None when nothing fits.
        """
        entry = self.entry(name)
        if entry is None:
            return None
        within = self._oblast_names.get(fold(_REGION_WORDS.sub("", admin1.strip()))) if admin1 else None
        if admin1 and within is None:
            return None
        for place in entry.places:
            if within is None or place.admin1 == within.code:
                return self.place_location(place)
        oblast = entry.oblast or entry.oblast_stem
        if oblast is not None and (within is None or within is oblast):
            return self.oblast_location(oblast)
        if entry.area is not None and within is None:
            return self.area_location(entry.area)
        return None

    def ids(self, name: str) -> tuple[str, ...]:
        """Every gazetteer id ``name`` (any spelling) can mean, best first: its places, then the oblast or area."""
        entry = self.entry(name)
        if entry is None:
            return ()
        found = [f"geonames:{place.id}" for place in entry.places]
        found += [f"geonames:{city.id}" for place in entry.places  # a section names its city ("Saltivka": Kharkiv)
                  if place.kind == "PPLX" and (city := self.city_of(place)) is not None]
        for oblast in (entry.oblast, entry.oblast_stem):
            if oblast is not None:
                found.append(f"oblast:{oblast.code}")
        if entry.area is not None and entry.area.kind != "river":
            found.append(self.area_location(entry.area).gazetteer_id or "")
        return tuple(dict.fromkeys(found))

    def oblast(self, name: str) -> Location | None:
        """The oblast that ``name`` means: "Odesa Oblast", "Odesa region", "Odeska", "UA.17", "Kyiv City"."""
        found = self.find_oblast(name)
        return self.oblast_location(found) if found else None

    def find_oblast(self, name: str) -> Oblast | None:
        """The ``Oblast`` record behind any of its spellings (see ``oblast``), or None."""
        cleaned = _REGION_WORDS.sub("", name.strip())
        return self._oblast_names.get(fold(name)) or self._oblast_names.get(fold(cleaned))

    def oblasts_of(self, names: Iterable[str]) -> frozenset[str]:
        """The oblast codes of admin1 names in any spelling (unknown names are skipped)."""
        codes = set()
        for name in names:
            oblast = self._by_name.get(name) or self.find_oblast(name)
            if oblast is not None:
                codes.add(oblast.code)
        return frozenset(codes)


def _bears(place: Place, key: str) -> bool:
    """Whether ``place`` bears the name ``key`` today, for ranking homonyms (see ``RUSSIAN_FORM_NAMES``)."""
    return key in place.own and place.admin1 not in RUSSIAN_FORM_NAMES


def _lines(source: Traversable, name: str) -> list[str]:
    text = source.joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _default() -> Gazetteer:
    return Gazetteer(resources.files("warledger.gazetteer").joinpath("data"))
