"""Publication dates: given, read from a dateline at the top of the text, or unknown."""
from __future__ import annotations

import pytest

from warledger.clean import clean_document
from warledger.clean.dates import PublishedDate, date_from_text, is_date_line, parse_given_date
from warledger.records import Document


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2026-01-28", PublishedDate("2026-01-28", "day")),
        ("2026-01-28T09:30:00Z", PublishedDate("2026-01-28", "day")),
        ("2026-01", PublishedDate("2026-01", "month")),
        ("2026", PublishedDate("2026", "year")),
        ("28 January 2026", PublishedDate("2026-01-28", "day")),
        ("Jan. 28, 2026", PublishedDate("2026-01-28", "day")),
        ("2026-02-30", None),
        ("last Tuesday", None),
    ],
)
def test_parse_given_date(given: str, expected: PublishedDate | None) -> None:
    assert parse_given_date(given) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Published 3 March 2024", "Body."], ("2024-03-03", 0)),
        (["Headline here", "March 3, 2024", "Body."], ("2024-03-03", 1)),
        (["Headline here", "Updated: Sunday 3rd March 2024 10:43 GMT"], ("2024-03-03", 1)),
        (["KYIV, March 3, 2024 (Reuters) - Russian drones hit the capital."], ("2024-03-03", 0)),
        (["2024-03-03", "Body."], ("2024-03-03", 0)),
    ],
)
def test_date_from_text(lines: list[str], expected: tuple[str, int]) -> None:
    found = date_from_text(lines)
    assert found is not None
    assert (found[0].value, found[1]) == expected
    assert found[0].precision == "day"


@pytest.mark.parametrize(
    "lines",
    [
        ["On 24 February 2022, Russia launched its full-scale invasion."],
        ["The report covers February 2022 to December 2025."],
        ["Published on Tuesday"],
        ["a", "b", "c", "d", "e", "f", "Published 3 March 2024"],
    ],
)
def test_no_date_at_the_top(lines: list[str]) -> None:
    assert date_from_text(lines) is None


def test_is_date_line() -> None:
    assert is_date_line("Published 3 March 2024")
    assert is_date_line("Wednesday 28 January 2026 14:02 GMT")
    assert not is_date_line("KYIV, March 3, 2024 (Reuters) - Russian drones hit the capital.")
    assert is_date_line("Investigations | 14 April 2023, 18:20 | Updated 20:05")
    assert is_date_line("Europe Desk · 1 December 2022, 11:32 CET · Updated 18:05 CET")
    assert not is_date_line("Kyiv | Three killed in a strike on 3 March 2024")


def test_a_timestamp_line_is_furniture_when_the_date_is_given_and_the_standfirst_follows_the_title() -> None:
    text = (
        "Volunteers count the dead of a long war\n\n"
        "Investigations | 14 April 2023, 18:20 | Updated 20:05\n\n"
        "Journalists have now named thousands of soldiers killed at the front, a count they call incomplete\n\n"
        "The count grew by a third since the winter, the journalists said on Friday.\n"
    )
    article = clean_document(Document(source_id="t", text=text, published="2023-04-14"))
    assert article.standfirst is not None and article.standfirst.startswith("Journalists have now named")
    assert "Investigations | 14 April 2023, 18:20 | Updated 20:05" in article.removed


def test_clean_document_reads_the_dateline_and_drops_it() -> None:
    text = (
        "Ceasefire talks resume in Geneva after two-week pause\n\n"
        "Published 5 February 2026\n\n"
        "Negotiators from both sides returned to Geneva on Thursday, the mediators said. "
        "No timetable for an agreement was given.\n"
    )
    article = clean_document(Document(source_id="t", text=text))
    assert (article.published, article.published_precision, article.published_source) == ("2026-02-05", "day", "text")
    assert "Published 5 February 2026" in article.removed
    assert "Published 5 February 2026" not in article.text


def test_given_date_wins_and_a_bad_given_date_falls_back() -> None:
    text = "March 3, 2024\n\nDrones struck the port overnight, officials said. Two people were hurt.\n"
    given = clean_document(Document(source_id="t", text=text, published="2024-03-04"))
    assert (given.published, given.published_source) == ("2024-03-04", "given")
    fallback = clean_document(Document(source_id="t", text=text, published="not a date"))
    assert (fallback.published, fallback.published_source) == ("2024-03-03", "text")
