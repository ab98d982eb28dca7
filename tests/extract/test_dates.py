"""Date expressions resolved against a publication date: absolute, relative, event-relative and periods."""
from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warledger.extract.dates import KINDS, DateMatch, find_dates, infer_publication_window

WED = dt.date(2026, 1, 28)  # a Wednesday
D = dt.date.fromisoformat


def only(text: str, published: dt.date | None = WED) -> DateMatch:
    found = find_dates(text, published=published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "date", "precision"),
    [
        ("The depot burned on 24 February 2022.", "24 February 2022", "2022-02-24", "day"),
        ("The depot burned on February 24, 2022.", "February 24, 2022", "2022-02-24", "day"),
        ("The depot burned on Feb. 24, 2022.", "Feb. 24, 2022", "2022-02-24", "day"),
        ("The depot burned on the 24th of February 2022.", "the 24th of February 2022", "2022-02-24", "day"),
        ("Filed on 24.02.2022 by the court.", "24.02.2022", "2022-02-24", "day"),
        ("Filed on 2022-02-24 by the court.", "2022-02-24", "2022-02-24", "day"),
        ("Filed on 03/24/2022 by the court.", "03/24/2022", "2022-03-24", "day"),
        ("Filed on Monday, 3 March 2025.", "Monday, 3 March 2025", "2025-03-03", "day"),
        ("The siege lasted into December 2025.", "December 2025", "2025-12-01", "month"),
        ("The siege began in 2023.", "2023", "2023-01-01", "year"),
        ("Schools reopened on September 1.", "September 1", "2025-09-01", "day"),
        ("Schools reopened on 20 January.", "20 January", "2026-01-20", "day"),
        ("Schools reopened on 2 February.", "2 February", "2026-02-02", "day"),
        ("The dam was hit in March.", "March", "2025-03-01", "month"),
        ("The dam was hit in January.", "January", "2026-01-01", "month"),
        ("The dam was hit last January.", "last January", "2025-01-01", "month"),
        ("The dam was hit in late March.", "late March", "2025-03-01", "month"),
        ("The barracks were hit just after midnight on New Year's Day.", "New Year's Day", "2026-01-01", "day"),
        ("Drones struck the port on Christmas Eve.", "Christmas Eve", "2025-12-24", "day"),
    ],
)
def test_absolute(text: str, span: str, date: str, precision: str) -> None:
    m = only(text)
    assert (m.text, m.date, m.precision, m.kind) == (span, D(date), precision, "absolute")


@pytest.mark.parametrize("text", ["Code 0000-01-01 was shown.", "Filed 31.02.2022 in error.", "On 30 February."])
def test_impossible_dates_are_not_dates(text: str) -> None:
    assert [m for m in find_dates(text, published=WED) if m.precision == "day"] == []


def test_day_range() -> None:
    m = only("Drills ran on 5-7 March 2024.")
    assert (m.date, m.end_date, m.precision) == (D("2024-03-05"), D("2024-03-07"), "day")


def test_without_publication_date() -> None:
    assert only("The depot burned on 24 February.", None).date is None
    assert only("The depot burned on 24 February 2022.", None).date == D("2022-02-24")
    assert only("It happened yesterday.", None).date is None
    assert only("It happened on Tuesday.", None).precision == "day"


@pytest.mark.parametrize(
    ("text", "date", "precision", "end_date"),
    [
        ("Shelling resumed today.", "2026-01-28", "day", None),
        ("Shelling resumed yesterday.", "2026-01-27", "day", None),
        ("Drones struck overnight.", "2026-01-28", "day", None),
        ("Drones struck last night.", "2026-01-27", "day", None),
        ("Drones struck this morning.", "2026-01-28", "day", None),
        ("Over the past day, two villages were shelled.", "2026-01-27", "day", None),
        ("Three days ago the bridge fell.", "2026-01-25", "day", None),
        ("The bridge fell on Wednesday.", "2026-01-28", "day", None),
        ("The bridge fell on Monday.", "2026-01-26", "day", None),
        ("The bridge fell early on Tuesday.", "2026-01-27", "day", None),
        ("The bridge fell on Tuesday night.", "2026-01-27", "day", None),
        ("The bridge fell Thursday morning.", "2026-01-22", "day", None),
        ("The bridge fell last Wednesday.", "2026-01-21", "day", None),
        ("The bridge fell last week.", "2026-01-19", "week", "2026-01-25"),
        ("The bridge fell earlier this month.", "2026-01-01", "month", "2026-01-31"),
        ("The bridge fell last month.", "2025-12-01", "month", "2025-12-31"),
        ("The bridge fell over the weekend.", "2026-01-24", "week", "2026-01-25"),
        ("This weekend, envoys will meet again.", "2026-01-31", "week", "2026-02-01"),
        ("Envoys will meet again on Sunday.", "2026-02-01", "day", None),
        ("Talks are planned ahead of the vote on Friday.", "2026-01-30", "day", None),
    ],
)
def test_relative_to_published(text: str, date: str, precision: str, end_date: str | None) -> None:
    m = only(text)
    assert m.kind == "relative_to_published"
    assert (m.date, m.precision, m.end_date) == (D(date), precision, D(end_date) if end_date else None)


def test_reported_speech_stays_in_the_past() -> None:
    m = only("The minister said on Sunday that envoys will meet again.")
    assert m.date == D("2026-01-25")


def test_capitalised_today_inside_a_sentence_is_a_title() -> None:
    assert find_dates("He told the Today programme nothing.", published=WED) == []


@pytest.mark.parametrize(
    ("text", "span", "days"),
    [
        ("Strikes hit the port, a day after a missile attack killed four.", "a day after", -1),
        ("A tanker sank, two days after the blockade began.", "two days after", -2),
        ("Two days earlier, a convoy was ambushed.", "Two days earlier", -2),
        ("The day before, a convoy was ambushed.", "The day before", -1),
        ("The next day, the mayor resigned.", "The next day", 1),
        ("48 hours later, the fire was out.", "48 hours later", 2),
        ("The city was hit a day before the summit opened.", "a day before", 1),
        ("A week after the flood, aid arrived.", "A week after", -7),
    ],
)
def test_relative_to_event(text: str, span: str, days: int) -> None:
    m = only(text)
    assert (m.text, m.kind, m.date, m.relative_days) == (span, "relative_to_event", None, days)


@pytest.mark.parametrize(
    ("text", "span", "date", "end_date", "precision"),
    [
        ("The toll between February 2022 and December 2025 is disputed.",
         "between February 2022 and December 2025", "2022-02-01", "2025-12-31", "month"),
        ("The toll from 2014 to 2022 is disputed.", "from 2014 to 2022", "2014-01-01", "2022-12-31", "year"),
        ("The toll for 2014-2022 is disputed.", "2014-2022", "2014-01-01", "2022-12-31", "year"),
        ("Losses between 24 February and 3 March 2022 rose.",
         "between 24 February and 3 March 2022", "2022-02-24", "2022-03-03", "day"),
        ("Losses since February 2022 rose.", "since February 2022", "2022-02-01", None, "month"),
        ("Losses since the start of the full-scale invasion rose.",
         "since the start of the full-scale invasion", "2022-02-24", None, "day"),
        ("Losses could double by the spring.", "by the spring", None, "2026-05-31", "month"),
        ("Losses could double by the end of the year.", "by the end of the year", None, "2026-12-31", "year"),
        ("Losses were heavy last summer.", "last summer", "2025-06-01", "2025-08-31", "month"),
        ("Losses will be heavy this winter.", "this winter", "2025-12-01", "2026-02-28", "month"),
    ],
)
def test_periods(text: str, span: str, date: str | None, end_date: str | None, precision: str) -> None:
    m = only(text)
    assert m.kind == "period"
    assert (m.text, m.date, m.end_date, m.precision) == (
        span, D(date) if date else None, D(end_date) if end_date else None, precision)


def test_spring_already_begun_ends_this_year() -> None:
    assert only("Prices may fall by the spring.", dt.date(2026, 4, 10)).end_date == D("2026-05-31")
    assert only("Prices may fall by the spring.", dt.date(2026, 7, 1)).end_date == D("2027-05-31")


def test_several_dates_in_order() -> None:
    text = "On Wednesday strikes killed two, a day after a drone hit a train on 27 January."
    found = find_dates(text, published=WED)
    assert [(m.text, m.kind) for m in found] == [
        ("On Wednesday", "relative_to_published"), ("a day after", "relative_to_event"), ("27 January", "absolute")]


def test_infer_publication_window() -> None:
    text = "Filed 3 March 2024. Updated on 12 March 2024, after talks on Friday."
    assert infer_publication_window(text) == (D("2024-03-12"), "week")
    assert infer_publication_window("Nothing dated here, only on Friday.") is None


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)), st.sampled_from(_WEEKDAYS),
       st.sampled_from(["on {}", "{}", "early on {}", "{} night", "late {}", "last {}"]))
def test_weekday_is_never_after_publication_and_within_a_week(published: dt.date, day: str, form: str) -> None:
    m = only(f"Shelling was reported {form.format(day)}.", published)
    assert m.date is not None and m.date.strftime("%A") == day
    assert 0 <= (published - m.date).days <= (7 if form.startswith("last") else 6)


_PIECES = st.sampled_from([
    "on", "Wednesday", "24", "February", "Feb.", "2022", "between", "and", "since", "the", "full-scale", "invasion",
    "a", "day", "after", "two", "days", "earlier", "last", "week", "by", "spring", "yesterday", "overnight", "-",
    "24.02.2022", "2022-02-24", "in", "March", "will", "said", ",", ".", "\n", "Today", "ago", "hours", "é", "  ",
])


@given(st.lists(_PIECES, max_size=30).map(" ".join) | st.text(max_size=200),
       st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_offsets_index_the_text(text: str, published: dt.date | None) -> None:
    found = find_dates(text, published=published)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.kind in KINDS and m.precision in ("day", "week", "month", "year")
        assert m.end_date is None or m.date is None or m.date <= m.end_date
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_range_that_would_end_before_it_starts_is_two_dates():
    found = find_dates("2022-02-24 February 2022-02-24 February", published=dt.date(2000, 1, 1))
    assert all(m.end_date is None or m.date is None or m.date <= m.end_date for m in found)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("The mission verified 592 deaths in the third quarter.", "2025-07-01", "2025-09-30"),
    ("Losses fell in the first quarter of 2024.", "2024-01-01", "2024-03-31"),
])
def test_a_quarter_is_three_months(text: str, start: str, end: str) -> None:
    found = only(text, dt.date(2025, 10, 10))
    assert (found.kind, found.date, found.end_date) == ("period", D(start), D(end))


@pytest.mark.parametrize("text", [
    'killed since the start of the "special military operation," the ministry said',
    "killed since the start of what it calls the special military operation",
])
def test_the_special_military_operation_starts_with_the_invasion(text: str) -> None:
    found = only(text)
    assert (found.kind, found.date) == ("period", D("2022-02-24"))

