"""Quantity expressions: digits, words, vague quantities, qualifiers, ranges, units and what is not a count."""
from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warledger.extract.numbers import find_numbers, parse_count
from warledger.records import QUALIFIERS, Count

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int, *, hyphen: bool = True, conjunction: bool = True) -> str:
    """English words for 0 <= n < 1000, written by the test itself."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_ONES[hundreds]} hundred"
    if not rest:
        return head
    return f"{head} {'and ' if conjunction else ''}{in_words(rest, hyphen=hyphen)}"


def counts(text: str) -> list[tuple[str, int | None, int | None, str, str | None]]:
    return [(m.text, m.count.min, m.count.max, m.count.qualifier, m.unit) for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shelling killed 14 people.", ("14", 14, 14, "exact", None)),
        ("Officials counted 325,000 graves.", ("325,000", 325000, 325000, "exact", None)),
        ("A convoy of 12 000 trucks waited.", ("12 000", 12000, 12000, "exact", None)),
        ("The army lost 1.2 million men.", ("1.2 million", 1200000, 1200000, "exact", None)),
        ("Some 2.5 thousand homes were hit.", ("Some 2.5 thousand", 2500, 2500, "about", None)),
        ("Twenty-three sailors are missing.", ("Twenty-three", 23, 23, "exact", None)),
        ("It had one hundred and twenty beds.", ("one hundred and twenty", 120, 120, "exact", None)),
        ("A hundred drones flew overnight.", ("A hundred", 100, 100, "exact", None)),
        ("Nearly two million fled the region.", ("Nearly two million", 2000000, 2000000, "about", None)),
        ("At least two people were killed.", ("At least two", 2, None, "at least", None)),
        ("More than 40 shells fell.", ("More than 40", 40, None, "more than", None)),
        ("Over 300 homes lost heat.", ("Over 300", 300, None, "more than", None)),
        ("Up to 140,000 soldiers died.", ("Up to 140,000", None, 140000, "up to", None)),
        ("As many as 60 workers were inside.", ("As many as 60", None, 60, "up to", None)),
        ("Fewer than 10 residents stayed.", ("Fewer than 10", None, 10, "fewer than", None)),
        ("Under 18 children were evacuated.", ("Under 18", None, 18, "fewer than", None)),
        ("About 75 villagers sheltered.", ("About 75", 75, 75, "about", None)),
        ("An estimated 9,000 troops massed.", ("An estimated 9,000", 9000, 9000, "about", None)),
        ("Almost 30 were hurt.", ("Almost 30", 30, 30, "about", None)),
        ("Ten or more shops burned.", ("Ten or more", 10, None, "at least", None)),
        ("The count reached 100-plus.", ("100-plus", 100, None, "at least", None)),
        ("Between 500,000 and 600,000 served.", ("Between 500,000 and 600,000", 500000, 600000, "range", None)),
        ("It cost between 500,000 to 600,000 lives.", ("between 500,000 to 600,000", 500000, 600000, "range", None)),
        ("From 10 to 12 guards fled.", ("From 10 to 12", 10, 12, "range", None)),
        ("Crews saw 10-12 fires.", ("10-12", 10, 12, "range", None)),
        ("Medics treated 8 to 11 patients.", ("8 to 11", 8, 11, "range", None)),
        ("Two or three houses collapsed.", ("Two or three", 2, 3, "range", None)),
        ("Between 1.1 and 1.3 million voted.", ("Between 1.1 and 1.3 million", 1100000, 1300000, "range", None)),
        ("Almost half a million people left.", ("Almost half a million", 500000, 500000, "about", None)),
        ("The raid killed one.", ("one", 1, 1, "exact", None)),
    ],
)
def test_single_quantity(text: str, expected: tuple[str, int | None, int | None, str, str | None]) -> None:
    assert counts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They killed a couple near the bridge.", ("a couple", 2, 2, "about")),
        ("A couple of drones crashed.", ("A couple", 2, 2, "about")),
        ("A few rockets missed.", ("A few", 2, None, "at least")),
        ("Several civilians died.", ("Several", 3, None, "at least")),
        ("Dozens of homes burned.", ("Dozens", 24, None, "at least")),
        ("Hundreds of volunteers came.", ("Hundreds", 200, None, "at least")),
        ("Thousands of families left.", ("Thousands", 2000, None, "at least")),
        ("Tens of thousands marched.", ("Tens of thousands", 20000, None, "at least")),
        ("Hundreds of thousands of homes lack heating.", ("Hundreds of thousands", 200000, None, "at least")),
        ("A few hundred troops withdrew.", ("A few hundred", 200, None, "at least")),
        ("Several thousand soldiers crossed.", ("Several thousand", 3000, None, "at least")),
        ("More than a dozen tanks rolled in.", ("More than a dozen", 12, None, "more than")),
        ("Half a dozen drones were downed.", ("Half a dozen", 6, 6, "about")),
        ("No one was hurt.", ("No one", 0, 0, "exact")),
        ("Nobody died in the blast.", ("Nobody", 0, 0, "exact")),
        ("There were no casualties.", ("no", 0, 0, "exact")),
        ("Officials reported no civilian deaths.", ("no", 0, 0, "exact")),
    ],
)
def test_vague_quantities(text: str, expected: tuple[str, int | None, int | None, str]) -> None:
    assert [c[:4] for c in counts(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Support fell to 90 per cent.", [("90 per cent", 90, 90, "exact", "percent")]),
        ("Turnout was 64%.", [("64%", 64, 64, "exact", "percent")]),
        ("Inflation hit 3.5 percent.", [("3.5 percent", 3, 4, "range", "percent")]),
        ("The 1,000-kilometer (600-mile) border is closed.",
         [("1,000-kilometer", 1000, 1000, "exact", "km"), ("600-mile", 600, 600, "exact", "mile")]),
        ("The trip is 40 km long.", [("40 km", 40, 40, "exact", "km")]),
        ("Aid worth $5 billion arrived.", [("$5 billion", 5000000000, 5000000000, "exact", "money")]),
        ("Fuel rose to more than $4 a litre.", [("more than $4", 4, None, "more than", "money")]),
        ("A 45-year-old man died.", [("45-year-old", 45, 45, "exact", "age")]),
        ("A woman aged 71 was rescued.", [("aged 71", 71, 71, "exact", "age")]),
        ("Men aged between 18 and 60 must stay.", [("aged between 18 and 60", 18, 60, "range", "age")]),
        ("The third convoy left.", [("third", 3, 3, "exact", "ordinal")]),
        ("The 4th brigade held.", [("4th", 4, 4, "exact", "ordinal")]),
        ("It began in 2022.", [("2022", 2022, 2022, "exact", "year")]),
        ("Sirens sounded at 10:30.", [("10:30", None, None, "exact", "time")]),
        ("The strike came at 10 a.m. sharp.", [("10 a.m.", None, None, "exact", "time")]),
        ("About 2000 troops left.", [("About 2000", 2000, 2000, "about", None)]),
        ("Its dead number 73,000-140,000.", [("73,000-140,000", 73000, 140000, "range", None)]),
        ("It shelled 155mm rounds.", [("155mm", 155, 155, "exact", "measure")]),
        ("Pledges of between $5 and $6 million came.",
         [("between $5 and $6 million", 5000000, 6000000, "range", "money")]),
        ("Whether 150 or one million troops come.",
         [("150", 150, 150, "exact", None), ("one million", 1000000, 1000000, "exact", None)]),
    ],
)
def test_units(text: str, expected: list[tuple[str, int | None, int | None, str, str | None]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One of the towers fell.",
        "They help one another.",
        "One day the war will end.",
        "Su-25 jets and S-300 batteries were seen.",
        "The F-16s arrived.",
        "Two-thirds of the city is dark.",
        "It was a magnitude 4.5 tremor.",
        "Article 5 applies.",
        "Graph 2 shows the trend.",
        "School number 7 was hit.",
        "It will be a very difficult one, she said.",
        "He cited No. 7 of the decree.",
        "It happened in the 1990s.",
        "On 24 February the invasion began.",
        "Strikes resumed on March 3.",
        "Files dated 24.02.2022 and 2022-02-24 leaked.",
    ],
)
def test_not_counts(text: str) -> None:
    assert [c for c in counts(text) if c[4] is None] == []


def test_dates_leave_only_the_year() -> None:
    assert counts("Russia invaded on Feb. 24, 2022, at dawn.") == [("2022", 2022, 2022, "exact", "year")]


def test_several_quantities_in_order_without_overlap() -> None:
    text = "Five people died and at least 12 were hurt, while dozens fled; 3 of them returned."
    found = find_numbers(text)
    assert [m.text for m in found] == ["Five", "at least 12", "dozens", "3"]
    assert all(a.end <= b.start for a, b in pairwise(found))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at least two", Count(2, None, "at least")),
        ("near 2 million", Count(2000000, 2000000, "about")),
        ("up to 325,000", Count(None, 325000, "up to")),
        ("between 500,000 to 600,000", Count(500000, 600000, "range")),
        ("five", Count(5, 5, "exact")),
        ("no one", Count(0, 0, "exact")),
        ("a couple", Count(2, 2, "about")),
        ("2022", None),
        ("third", None),
        ("none of these words count", Count(0, 0, "exact")),
        ("nothing here", None),
    ],
)
def test_parse_count(phrase: str, expected: Count | None) -> None:
    assert parse_count(phrase) == expected


def test_every_qualifier_is_a_contract_value() -> None:
    text = ("at least 1, more than 2, up to 3, fewer than 4, about 5, 6-7, 8, a few, several, dozens, "
            "a couple, no one, 9 or more, 10 or so")
    assert {m.count.qualifier for m in find_numbers(text)} <= set(QUALIFIERS)


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_separators_round_trip(n: int) -> None:
    assert parse_count(f"{n:,}") == Count(n, n, "exact")


@given(st.integers(min_value=0, max_value=10**6).filter(lambda n: not 1900 <= n <= 2100))
def test_plain_digits_round_trip(n: int) -> None:
    assert parse_count(str(n)) == Count(n, n, "exact")


@given(st.integers(min_value=0, max_value=999), st.booleans(), st.booleans())
def test_words_round_trip(n: int, hyphen: bool, conjunction: bool) -> None:
    assert parse_count(in_words(n, hyphen=hyphen, conjunction=conjunction)) == Count(n, n, "exact")


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("thousand", 1000), ("million", 10**6)]))
def test_words_with_a_scale_round_trip(n: int, scale: tuple[str, int]) -> None:
    assert parse_count(f"{in_words(n)} {scale[0]}") == Count(n * scale[1], n * scale[1], "exact")


_PIECES = st.sampled_from([
    "at least", "two", "2,500", "-", "–", "to", "and", "between", "dozens of", "a couple", "1.5", "million", "%",
    "per cent", "$", "km", "year-old", "aged", "24", "February", "Feb.", "2022", "10:30", "a.m.", "one", "of",
    "no", "casualties", "Su-", "25", "third", "4th", "(", ")", ",", ".", "\n", " ", "  ", "é", "\u00a0",
])


@given(st.lists(_PIECES, max_size=30).map(" ".join) | st.text(max_size=200))
def test_offsets_index_the_text(text: str) -> None:
    found = find_numbers(text)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.count.qualifier in QUALIFIERS
    assert all(a.end <= b.start for a, b in pairwise(found))
