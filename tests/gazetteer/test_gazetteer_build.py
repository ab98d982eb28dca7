"""The builder's selection rules, on small invented records (the real GeoNames data is not needed)."""
from __future__ import annotations

import gzip
from pathlib import Path

from warledger.gazetteer.build import (
    Region,
    ascii_name,
    clean_alternates,
    feature_kinds,
    foreign_collisions,
    keep_alternate,
    place_rows,
    select_cities,
    with_yo,
    write_places,
)


def city(gid: int, name: str, admin1: str, lat: float, lon: float, population: int, country: str = "UA",
         alternates: tuple[str, ...] = ()) -> dict[str, object]:
    return {"geonameid": gid, "name": name, "countrycode": country, "admin1code": admin1, "latitude": lat,
            "longitude": lon, "population": population, "alternatenames": list(alternates)}


REGIONS = [Region("UA.12", "UA", 1), Region("UA.07", "UA", 2), Region("RU.09", "RU", 9)]


def test_keep_alternate_rules() -> None:
    assert keep_alternate("Kharkov")
    assert keep_alternate("Kam'janske")
    assert not keep_alternate("Харків")
    assert not keep_alternate("HRK")
    assert not keep_alternate("kharkiv")
    assert not keep_alternate("Ko")
    assert not keep_alternate("Tokmak i Ukraina")
    assert keep_alternate("Rostov-on-Don")


def test_clean_alternates_folds_and_dedupes() -> None:
    kept = clean_alternates("Kharkiv", ["Kharkov", "Charkiw", "Kharkiv", "Kharkív", "HRK", "Харків", "Kharkow"])
    assert kept == ["Charkiw", "Kharkov", "Kharkow"]
    assert ascii_name("Kijów’s") == "Kijow's"


def test_selection_keeps_ukraine_and_listed_russian_regions() -> None:
    cities = [city(5, "Oskol", "09", 51.0, 37.0, 9000, "RU"), city(4, "Tula", "76", 54.2, 37.6, 9000, "RU"),
              city(3, "Izium", "07", 49.2, 37.3, 45000)]
    assert [c["geonameid"] for c in select_cities(cities, REGIONS)] == [3, 5]


def test_a_far_region_keeps_only_its_towns_and_centre() -> None:
    far = [*REGIONS, Region("RU.67", "RU", 20, min_population=10_000)]
    cities = [city(20, "Saratov", "67", 51.5, 46.0, 800_000, "RU"), city(21, "Engels", "67", 51.5, 46.1, 196_000, "RU"),
              city(22, "Kirovka", "67", 51.9, 45.0, 900, "RU"), city(23, "Oskol", "09", 51.0, 37.0, 900, "RU")]
    assert [c["geonameid"] for c in select_cities(cities, far)] == [20, 21, 23]


def test_feature_kinds() -> None:
    cities = [
        city(1, "Kyiv", "12", 50.45, 30.52, 2_900_000),
        city(11, "Obolon", "12", 50.50, 30.50, 240_000),
        city(2, "Kharkiv", "07", 50.00, 36.23, 1_400_000),
        city(21, "Saltivka", "07", 50.03, 36.31, 400_000),
        city(22, "Chuhuiv", "07", 49.84, 36.69, 36_000),
        city(23, "Tsentralnyi", "07", 49.99, 36.25, 90_000),
        city(9, "Belgorod", "09", 50.60, 36.58, 345_000, "RU"),
    ]
    kinds = feature_kinds(cities, REGIONS)
    assert kinds == {1: "PPLC", 11: "PPLX", 2: "PPLA", 21: "PPLX", 22: "PPL", 23: "PPLX", 9: "PPLA"}


def test_rows_and_reproducible_file(tmp_path: Path) -> None:
    cities = [city(2, "Kharkiv", "07", 50.004444, 36.231389, 1_400_000, alternates=("Kharkov", "Харків")),
              city(1, "Kyiv", "12", 50.45466, 30.5238, 2_900_000)]
    rows = place_rows(cities, REGIONS)
    assert rows[0] == ["2", "Kharkiv", "UA.07", "UA", "50.00444", "36.23139", "1400000", "PPLA", "Kharkov"]
    first = write_places(rows, tmp_path / "a.tsv.gz")
    second = write_places(rows, tmp_path / "b.tsv.gz")
    assert first == second
    assert (tmp_path / "a.tsv.gz").read_bytes() == (tmp_path / "b.tsv.gz").read_bytes()
    text = gzip.decompress((tmp_path / "a.tsv.gz").read_bytes()).decode()
    assert text.splitlines()[0].split("\t")[0] == "id"


def test_foreign_collisions() -> None:
    rows = place_rows([city(1, "Veselyi Kut", "17", 46.0, 30.0, 1_800, alternates=("Paris",)),
                       city(2, "Toretsk", "05", 48.4, 37.8, 31_000, alternates=("Dzerzhinsk",)),
                       city(3, "Romaniv", "27", 50.1, 27.6, 7_300, alternates=("Dzerzhinsk",)),
                       city(4, "Odesa", "17", 46.5, 30.7, 1_000_000, alternates=("Odessa",)),
                       city(5, "Moldove", "17", 45.5, 29.0, 600, alternates=("Moldova",))], REGIONS)
    elsewhere = [city(10, "Paris", "11", 48.9, 2.3, 2_100_000, "FR"),
                 city(11, "Dzerzhinsk", "51", 56.2, 43.4, 233_000, "RU"),
                 city(12, "Odessa", "TX", 31.8, -102.4, 118_000, "US")]
    assert foreign_collisions(elsewhere, rows, ["Moldova", "France"]) == ["Dzerzhinsk", "Moldova", "Paris"]
    assert foreign_collisions(elsewhere, rows, ["Moldova"], curated={"dzerzinsk"}) == ["Moldova", "Paris"]


def test_a_russian_yo_is_also_written_yo() -> None:
    assert clean_alternates("Tëtkino", with_yo("Tëtkino", ["Titchine"])) == ["Titchine", "Tyotkino"]
