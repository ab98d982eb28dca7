"""The shipped gazetteer: places, spellings, oblasts, and the data files behind them."""
from __future__ import annotations

from importlib import resources

import pytest

from warledger.gazetteer.lookup import Gazetteer, _rows
from warledger.gazetteer.names import fold

DATA = resources.files("warledger.gazetteer").joinpath("data")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_default_is_built_once(gazetteer: Gazetteer) -> None:
    assert Gazetteer.default() is gazetteer


@pytest.mark.parametrize(("spelling", "name", "admin1"), [
    ("Kyiv", "Kyiv", "Kyiv City"),
    ("Kiev", "Kyiv", "Kyiv City"),
    ("Odessa", "Odesa", "Odesa Oblast"),
    ("Kharkov", "Kharkiv", "Kharkiv Oblast"),
    ("Nikolaev", "Mykolaiv", "Mykolaiv Oblast"),
    ("Dnipropetrovsk", "Dnipro", "Dnipropetrovsk Oblast"),
    ("Artemivsk", "Bakhmut", "Donetsk Oblast"),
    ("Kirovograd", "Kropyvnytskyi", "Kirovohrad Oblast"),
    ("Energodar", "Enerhodar", "Zaporizhzhia Oblast"),
    ("Krasnoarmeysk", "Pokrovsk", "Donetsk Oblast"),
    ("Severodonetsk", "Sievierodonetsk", "Luhansk Oblast"),
    ("Zaporozhye", "Zaporizhzhia", "Zaporizhzhia Oblast"),
    ("Pivdennyi", "Pivdenne", "Odesa Oblast"),
    ("Yuzhne", "Pivdenne", "Odesa Oblast"),
    ("Gostomel", "Hostomel", "Kyiv Oblast"),
    ("Belgorod", "Belgorod", "Belgorod Oblast"),
])
def test_lookup_spellings(gazetteer: Gazetteer, spelling: str, name: str, admin1: str) -> None:
    location = gazetteer.lookup(spelling)
    assert location is not None
    assert (location.name, location.admin1, location.precision) == (name, admin1, 1)
    assert location.gazetteer_id is not None and location.gazetteer_id.startswith("geonames:")
    assert location.admin2 is None


def test_lookup_russian_place_has_country_ru(gazetteer: Gazetteer) -> None:
    location = gazetteer.lookup("Shebekino")
    assert location is not None and location.country == "RU" and location.admin1 == "Belgorod Oblast"


def test_lookup_within_an_oblast_picks_that_homonym(gazetteer: Gazetteer) -> None:
    kherson = gazetteer.lookup("Oleksandrivka", admin1="Kherson oblast")
    kirovohrad = gazetteer.lookup("Oleksandrivka", admin1="Kirovohrad Oblast")
    assert kherson is not None and kherson.admin1 == "Kherson Oblast"
    assert kirovohrad is not None and kirovohrad.admin1 == "Kirovohrad Oblast"
    assert kherson.gazetteer_id != kirovohrad.gazetteer_id
    assert gazetteer.lookup("Oleksandrivka", admin1="Atlantis") is None


def test_unknown_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwertyville") is None


@pytest.mark.parametrize(("spelling", "name"), [
    ("Odesa Oblast", "Odesa Oblast"),
    ("the Odessa region", "Odesa Oblast"),
    ("Odeska oblast", "Odesa Oblast"),
    ("Zaporizhzhya oblast", "Zaporizhzhia Oblast"),
    ("Dnepropetrovsk region", "Dnipropetrovsk Oblast"),
    ("Mykolayiv oblast", "Mykolaiv Oblast"),
    ("Kyiv City", "Kyiv City"),
    ("Kiev region", "Kyiv Oblast"),
    ("Crimea", "Autonomous Republic of Crimea"),
    ("UA.17", "Odesa Oblast"),
    ("Kursk region", "Kursk Oblast"),
])
def test_oblast_spellings(gazetteer: Gazetteer, spelling: str, name: str) -> None:
    location = gazetteer.oblast(spelling.removeprefix("the "))
    assert location is not None
    assert (location.name, location.admin1, location.precision) == (name, name, 4)
    assert location.gazetteer_id is not None and location.gazetteer_id.startswith("oblast:")
    assert location.lat is not None and location.lon is not None


def test_oblast_takes_its_centre_coordinates(gazetteer: Gazetteer) -> None:
    oblast = gazetteer.oblast("Kharkiv region")
    city = gazetteer.lookup("Kharkiv")
    assert oblast is not None and city is not None
    assert (oblast.lat, oblast.lon) == (city.lat, city.lon)


def test_every_oblast_centre_is_a_shipped_place(gazetteer: Gazetteer) -> None:
    for oblast in gazetteer.oblasts.values():
        centre = gazetteer.by_id.get(oblast.capital)
        assert centre is not None, oblast.code
        assert centre.admin1 == oblast.code or oblast.within is None, oblast.code


def test_ukraine_has_all_27_first_level_divisions(gazetteer: Gazetteer) -> None:
    ukrainian = {code for code, oblast in gazetteer.oblasts.items() if oblast.country == "UA"}
    assert len(ukrainian) == 27
    assert {place.admin1 for place in gazetteer.places if place.country == "UA"} == ukrainian


def test_every_alias_row_attaches_to_a_place(gazetteer: Gazetteer) -> None:
    for row in _rows(DATA, "aliases.tsv"):
        assert row["admin1"] in gazetteer.oblasts, row["name"]
        location = gazetteer.lookup(row["name"], admin1=row["admin1"])
        assert location is not None, row["name"]
        assert location.name == row["name"], row["name"]


def test_stoplisted_english_words_are_not_places(gazetteer: Gazetteer) -> None:
    for word in ("smile", "lazy", "hat", "bar"):
        entry = gazetteer.entry(word)
        assert entry is None or not entry.places, word


def test_shipped_place_file_is_small_and_latin() -> None:
    raw = DATA.joinpath("places.tsv.gz").read_bytes()
    assert len(raw) < 1_500_000
    rows = _rows(DATA, "places.tsv.gz")
    assert len(rows) > 5_000
    for row in rows:
        assert row["name"].isascii() and row["alternates"].isascii(), row["id"]
        assert row["kind"] in {"PPLC", "PPLA", "PPLX", "PPL"}


def test_scan_offsets_index_the_text(gazetteer: Gazetteer) -> None:
    text = "Shelling of Kyïv and Pokrovs’k; Odessa's port."
    hits = gazetteer.scan(text)
    surfaces = {text[h.start:h.end] for h in hits}
    assert {"Kyïv", "Pokrovs’k", "Odessa"} <= surfaces
    for hit in hits:
        assert fold(text[hit.start:hit.end]) == hit.key


def test_package_lookup_lists_every_id_a_name_can_mean() -> None:
    import warledger.gazetteer as package

    ids = package.lookup("Odessa")
    assert ids[0] == "geonames:698740" and "oblast:UA.17" in ids
    assert package.lookup("Donbas") == ("region:donbas",)
    assert package.lookup("Qwertyville") == ()


def test_a_section_of_a_city_is_the_city_it_is_part_of(gazetteer: Gazetteer) -> None:
    for section, city in (("Saltivka", "Kharkiv"), ("Solomyanka", "Kyiv")):
        entry = gazetteer.entry(section)
        assert entry is not None and entry.places[0].kind == "PPLX"
        found = gazetteer.city_of(entry.places[0])
        assert found is not None and found.name == city
        location = gazetteer.place_location(entry.places[0])
        assert location.name == city and f"geonames:{found.id}" in gazetteer.ids(section)
    whole = gazetteer.entry("Odesa")
    assert whole is not None and gazetteer.place_location(whole.places[0]).name == "Odesa"
