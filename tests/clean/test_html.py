"""HTML pages through trafilatura: body, metadata (title, date, publisher, url) and <figcaption> captions."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from warledger.clean import clean_document
from warledger.clean.html import figcaptions, read_html
from warledger.records import Article, Caption, Document

PAGE = Path(__file__).parent / "fixtures" / "news_page.html"


@pytest.fixture(scope="module")
def article() -> Article:
    return clean_document(Document(source_id="html", html=PAGE.read_text(encoding="utf-8")))


def test_metadata(article: Article) -> None:
    assert article.title == "Missile strike damages Zaporizhzhia power line"
    assert (article.published, article.published_precision, article.published_source) == (
        "2025-11-14",
        "day",
        "metadata",
    )
    assert article.publisher == "The Steppe Courier"
    assert article.url == "https://courier.example/news/power-line-strike"
    assert article.language == "en"


def test_body_without_comments_or_footer(article: Article) -> None:
    assert article.paragraphs[0].startswith("A Russian missile struck a high-voltage line")
    assert article.paragraphs[-1].startswith("The city has been hit repeatedly")
    assert "stay safe" not in article.text
    assert "All rights reserved" not in article.text
    assert article.title is not None and article.title not in article.paragraphs


def test_standfirst_from_the_description(article: Article) -> None:
    assert article.standfirst == "Thousands of homes lost electricity after the overnight attack, officials said"


def test_figcaptions_with_credits(article: Article) -> None:
    assert article.captions == [
        Caption("Engineers inspect a damaged pylon outside the city", "Olha Bondar/Reuters"),
        Caption("Residents charge phones at a heating point", "City Council"),
    ]
    body = "\n".join(article.paragraphs)
    assert "pylon" not in body and "heating point" not in body


def test_given_date_and_url_win_over_metadata() -> None:
    doc = Document(source_id="h", html=PAGE.read_text(encoding="utf-8"), published="2025-11-15", url="https://x.example/a")
    article = clean_document(doc)
    assert (article.published, article.published_source, article.url) == ("2025-11-15", "given", "https://x.example/a")


def test_empty_and_broken_html_give_empty_pages() -> None:
    assert read_html("").lines == []
    article = clean_document(Document(source_id="h", html="<html><body></body></html>"))
    assert article.paragraphs == [] and article.captions == []


def test_html_fragment_falls_back_to_text_blocks() -> None:
    html = "<p>Two drones were shot down over Sumy.</p><p>Debris <b>damaged</b> a roof.<script>var x = 1;</script></p>"
    article = clean_document(Document(source_id="frag", html=html))
    assert article.paragraphs == ["Two drones were shot down over Sumy.", "Debris damaged a roof."]


def test_figcaption_credit_labels_are_dropped() -> None:
    tree = lxml_html.document_fromstring(
        "<html><body>"
        "<figure><figcaption>Sappers clear a field <span class='credit'>Credit...Ivan Petrov/AP</span></figcaption>"
        "</figure><figure><figcaption>A shelter in Kherson. Photograph: Anna Wolf/Reuters</figcaption></figure>"
        "<figure><figcaption>No credit on this one</figcaption></figure>"
        "</body></html>"
    )
    assert figcaptions(tree) == [
        Caption("Sappers clear a field", "Ivan Petrov/AP"),
        Caption("A shelter in Kherson", "Anna Wolf/Reuters"),
        Caption("No credit on this one"),
    ]
