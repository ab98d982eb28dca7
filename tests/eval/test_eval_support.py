"""Place keys and the "does the text support it" checks behind the invented counts."""
from __future__ import annotations

import pytest
from eval_builders import claim, exact, incident

from warledger.eval.places import distance_km, name_in_text, oblast_key, place_key
from warledger.eval.support import Invented, check_claim, check_incident, number_supported, numbers_in
from warledger.records import Count


@pytest.mark.parametrize("name, key", [
    ("Zaporizhzhya oblast", "zaporizhzhia"), ("Zaporizhzhia Oblast", "zaporizhzhia"), ("Zaporizhia", "zaporizhzhia"),
    ("Odessa oblast", "odesa"), ("Mykolayiv oblast", "mykolaiv"), ("Kiev region", "kyiv"), ("Kyiv Oblast", "kyiv"),
    ("Kyiv City", "kyiv-city"), ("City of Kyiv", "kyiv-city"), ("Lugansk", "luhansk"),
    ("Dnipropetrovs'k", "dnipropetrovsk"),
    (None, None), ("", None),
])
def test_oblast_key(name: str | None, key: str | None) -> None:
    assert oblast_key(name) == key


def test_unknown_oblast_spellings_still_meet() -> None:
    assert oblast_key("Belgorod Oblast") == oblast_key("Belgorod region") != oblast_key("Kursk Oblast")


@pytest.mark.parametrize("one, other", [
    ("Balakliya town", "Balakliia"), ("Enerhodar village", "Energodar"), ("Kupyansk", "Kupiansk"),
    ("Izyum", "Izium"), ("Kharkiv town", "Kharkov"), ("Pivdennyy", "Pivdennyi"), ("Kam'yanske", "Kamianske"),
])
def test_place_keys_meet_across_spellings(one: str, other: str) -> None:
    assert place_key(one) == place_key(other)


def test_place_keys_keep_different_places_apart() -> None:
    assert place_key("Kherson") != place_key("Kharkiv")
    assert place_key("Sumy") != place_key("Lviv")


def test_name_in_text() -> None:
    text = "Two people were killed near Kiev, and Zaporizhia's port was hit. Kharkiv's mayor spoke."
    assert name_in_text("Kyiv", text)
    assert name_in_text("Zaporizhzhia", text)
    assert name_in_text("Kharkiv", text)
    assert name_in_text("Kyiv Oblast", text)
    assert not name_in_text("Odesa", text)
    assert not name_in_text("Lviv", text)


def test_distance() -> None:
    assert distance_km(50.45, 30.52, 50.45, 30.52) == 0
    assert 430 < distance_km(50.45, 30.52, 46.48, 30.73) < 455  # Kyiv to Odesa: about 442 km great-circle


@pytest.mark.parametrize("text, value", [
    ("killed five people", 5), ("1.2 million casualties", 1_200_000), ("between 500,000 to 600,000", 600_000),
    ("up to 325,000 troop deaths", 325_000), ("twenty-five injured", 25), ("one hundred and twenty thousand", 120_000),
    ("a couple near Kyiv", 2), ("no one was killed", 0), ("no casualties were reported", 0),
    ("people were not hurt", 0), ("dozens were hurt", 24),
    ("a 62-year-old woman died", 1), ("more than three dozen left missing", 36), ("killing tens of militants", 20),
    ("Hundreds of thousands of residents", 200_000), ("14 people", 14),
    ("a five-year-old boy and his father died", 2), ("injuring her husband", 1), ("drone wounds tractor driver", 1),
    ("wounding its 52-year-old driver", 1),
    ("wounding a man, and a woman and her son", 2), ("well over a million killed and wounded", 1_000_000),
    ("killing a nurse", 1), ("between 1.2 and 1.3 million casualties", 1_200_000),
    ("wounding the driver and two passengers", 3), ("The couple's 12-year-old son was taken to hospital", 1),
    ("injuring a married couple in their sixties", 2),
    ("A man and his two sons were wounded", 3), ("The driver, 44, and three passengers were injured", 4),
    ("Three women and a man were taken to hospital", 4), ("killing one and wounding the other", 1),
    ("The 70-year-old was taken to hospital", 1), ("A cashier was injured", 1), ("killing a saleswoman", 1),
    ("killing a couple and their teenage daughter", 3), ("close to half a million soldiers", 500_000),
    ("a fourth person received medical help", 4), ("the body of a fifth victim", 5),
    ("wounding a 57-year-old woman and her two teenage grandsons", 3), ("killing a 61-year-old stallholder", 1),
    ("A woman of 63 years and a man of 58 years were wounded", 2), ("a man aged 70 and a woman aged 66 died", 2),
    ("killing a man, his son and a family friend", 3),
])
def test_numbers_supported(text: str, value: int) -> None:
    assert number_supported(value, [text])


@pytest.mark.parametrize("text, value", [
    ("killed five people", 6), ("between two and three", 5), ("1.2 million casualties", 1_000_000),
    ("the strike hit a school", 1), ("injured 12", 0), ("at least 40", 4), ("a man and a woman were hurt", 3),
])
def test_numbers_not_supported(text: str, value: int) -> None:
    assert not number_supported(value, [text])


def test_numbers_in_keeps_separate_numbers_apart() -> None:
    exact_values, windows = numbers_in("between two and three were killed")
    assert exact_values == {2, 3} and windows == ()


def test_incident_checks_use_the_fields_own_evidence() -> None:
    text = "A missile killed four people and wounded 19 in Dnipro on Friday."
    pred = incident(text, name="Dnipro", admin1="Dnipropetrovsk Oblast", killed=exact(4), injured=exact(19),
                    evidence={"killed": "killed four people", "injured": "wounded 19", "date": "on Friday"})
    out = Invented()
    check_incident(pred, text=text, published="2024-05-18", out=out)
    assert out.total == 0 and (out.numbers_checked, out.places_checked, out.dates_checked) == (2, 1, 1)
    swapped = incident(text, name="Dnipro", admin1="Dnipropetrovsk Oblast", killed=exact(19), injured=exact(4),
                       evidence={"killed": "killed four people", "injured": "wounded 19"})
    out = Invented()
    check_incident(swapped, text=text, published="2024-05-18", out=out)
    assert sorted(out.numbers) == ["injured=4", "killed=19"]
    assert out.dates == ["2024-05-14"]


def test_an_incident_without_evidence_supports_no_number() -> None:
    text = "A drone hit a warehouse in Lviv; three were hurt."
    out = Invented()
    check_incident(incident(text, name="Lviv", admin1="Lviv Oblast", injured=Count(3, 3)), text=text,
                   published="2024-05-14", out=out)
    assert out.numbers == ["injured=3"] and out.dates == []


def test_oblast_name_backed_by_its_oblast() -> None:
    text = "Shelling in the Kharkiv region wounded a man."
    out = Invented()
    check_incident(incident(text, name="Kharkiv Oblast", admin1="Kharkiv Oblast", date=None), text=text,
                   published=None, out=out)
    assert out.places == []


def test_claim_checks() -> None:
    text = "Mediazona has confirmed the names of 50,000 Russian soldiers killed since February 2022."
    good = claim(text, low=50000, high=50000, claimant="Mediazona", period=("2022-02", None),
                 evidence={"min": "50,000 Russian soldiers killed"})
    out = Invented()
    check_claim(good, text=text, published="2024-04-12", out=out)
    assert out.total == 0
    bad = claim(text, low=55000, high=55000, period=("2021-12", None), evidence={"min": "50,000 Russian soldiers"})
    out = Invented()
    check_claim(bad, text=text, published="2024-04-12", out=out)
    assert out.numbers == ["killed=55000"] and out.dates == ["2021-12"]


def test_one_person_named_in_the_singular_supports_one():
    from warledger.eval.support import number_supported

    assert number_supported(1, ["killing the driver"])
    assert number_supported(1, ["a Russian-appointed official"])
    assert not number_supported(1, ["killing the drivers"])
    assert not number_supported(3, ["killing the driver"])


def test_headline_singular_supports_one_but_plural_does_not():
    from warledger.eval.support import number_supported

    assert number_supported(1, ["Woman killed in rocket attack"])
    assert number_supported(1, ["saboteur died in a car explosion"])
    assert not number_supported(1, ["Civilians killed in shelling"])
    assert not number_supported(1, ["people killed in shelling"])


@pytest.mark.parametrize(("value", "text"), [
    (1, "a drone hit a house, killing its 80-year-old owner"),
    (0, "Damage and victims were not recorded there."),
    (3, "killing a man, his wife and their daughter"),
    (4, "killing a woman, her two children and a volunteer"),
    (31, "rescuers recovered the 31st body"),
])
def test_more_wordings_of_one_and_of_none(value: int, text: str) -> None:
    assert number_supported(value, [text])
    assert not number_supported(value + 2, [text])
