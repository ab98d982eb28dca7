"""clean_document on a whole scraped page written for these tests (fixtures/scraped_page.txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from warledger.clean import article_text, clean_document, part_spans
from warledger.records import Article, Caption, Document, content_hash, stable_id

PAGE = Path(__file__).parent / "fixtures" / "scraped_page.txt"


@pytest.fixture(scope="module")
def article() -> Article:
    return clean_document(Document(source_id="page", text=PAGE.read_text(encoding="utf-8"), published="2026-02-12"))


def test_title_and_standfirst(article: Article) -> None:
    assert article.title == "Drone strike on Kharkiv depot leaves three dead as talks stall in Geneva"
    assert article.standfirst == (
        "Officials said the overnight attack was the deadliest on the city this month, with two more people injured"
    )


def test_furniture_is_removed_and_kept(article: Article) -> None:
    assert article.removed == [
        "Get breaking news alerts from The Daily Ledger",
        "Cookie settings",
        "Advertisement",
        "Sign up to our free Ukraine war briefing",
        "Share this article",
        "Join the discussion",
        "Comments",
        "Please log in to leave a comment",
    ]
    for line in article.removed:
        assert line not in article.text


def test_captions_with_credits_and_not_in_paragraphs(article: Article) -> None:
    assert article.captions == [
        Caption("Firefighters work at a burning warehouse on the edge of the city"),
        Caption("A rescuer carries a child away from a damaged house in the suburbs", "State Emergency Service"),
        Caption("Residents queue for water after the strike", "Reuters"),
    ]
    body = "\n".join(article.paragraphs)
    for caption in article.captions:
        assert caption.text not in body
    assert "(State Emergency Service)" not in article.text


def test_paragraphs_in_order_with_wrapped_lines_joined(article: Article) -> None:
    assert [p.split()[0] for p in article.paragraphs] == ["A", "The", "Emergency", "In", "Local"]
    assert "a neighbouring warehouse and a row of garages" in article.paragraphs[2]


def test_text_is_parts_joined_in_order(article: Article) -> None:
    parts = [article.title, article.standfirst, *article.paragraphs, *(c.text for c in article.captions)]
    assert article.text == "\n\n".join(p for p in parts if p)
    spans = part_spans(article)
    assert [article.text[s.start : s.end] for s in spans] == parts
    assert [s.kind for s in spans][:3] == ["title", "standfirst", "paragraph"]


def test_ids_dates_and_language(article: Article) -> None:
    raw = PAGE.read_text(encoding="utf-8")
    assert article.content_hash == content_hash(raw)
    assert article.id == stable_id("art", content_hash(raw))
    assert (article.published, article.published_precision, article.published_source) == ("2026-02-12", "day", "given")
    assert article.language == "en"
    again = clean_document(Document(source_id="page", text=raw, published="2026-02-12"))
    assert again.to_dict() == article.to_dict()


def test_page_without_title_or_standfirst() -> None:
    text = (
        "Shelling damaged a school in Nikopol on Monday, the regional administration said.\n\n"
        "Nobody was hurt because classes had moved online, officials added.\n"
    )
    article = clean_document(Document(source_id="t", text=text))
    assert article.title is None and article.standfirst is None
    assert len(article.paragraphs) == 2
    assert article.published is None and article.published_precision == "unknown"
    assert article.published_source == "none"


def test_title_without_standfirst() -> None:
    text = (
        "Power restored to most of Odesa after overnight attack\n\n"
        "Engineers restored electricity to most homes in Odesa on Saturday after a night of drone attacks "
        "damaged a substation, the grid operator said. Repairs to two more lines were still under way, "
        "and officials asked residents to limit their use of heavy appliances in the evening.\n"
    )
    article = clean_document(Document(source_id="t", text=text))
    assert article.title == "Power restored to most of Odesa after overnight attack"
    assert article.standfirst is None
    assert article.captions == []
    assert article.paragraphs[0].startswith("Engineers restored")


def test_whitespace_normalised_characters_kept() -> None:
    text = (
        "Mayor\u00a0says   “no  casualties”\tafter strike on port area\n\n"
        "The mayor’s office  said  so. It  added\u2009more.\n"
    )
    article = clean_document(Document(source_id="t", text=text))
    assert article.title == "Mayor says “no casualties” after strike on port area"
    assert article.paragraphs == ["The mayor’s office said so. It added more."]


def test_empty_document_gives_empty_article() -> None:
    article = clean_document(Document(source_id="empty", text="  \n\n "))
    assert article.text == "" and article.paragraphs == [] and article.language == "und"


def test_article_text_skips_missing_parts() -> None:
    assert article_text(None, None, ["a", "b"], ["c"]) == "a\n\nb\n\nc"
    assert article_text("T", None, [], []) == "T"
