"""RSS and Atom input: entries with text become Documents with link, date, publisher; the rest is skipped."""
from __future__ import annotations

from pathlib import Path

import pytest

from warledger.clean import clean_document
from warledger.ingest import read_sources
from warledger.ingest.feeds import feed_items, read_feed
from warledger.records import Document, Problem, Skipped
from warledger.scale.synthetic import ReportComposer
from warledger.scale.synthetic_files import write_feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Southern Wire  Service</title><link>https://south-wire.example/</link>
<item>
  <title>Missile hits port in Odesa</title>
  <link>https://south-wire.example/odesa-port</link>
  <guid isPermaLink="false">sw-1001</guid>
  <pubDate>Wed, 28 Jan 2026 06:15:00 +0200</pubDate>
  <description>Short summary of the strike.</description>
  <content:encoded><![CDATA[<p>A Russian missile hit the port of Odesa overnight, killing two workers.</p>
  <p>Four more people were injured, the regional governor said.</p>]]></content:encoded>
</item>
<item>
  <title>Summary only</title>
  <link>https://south-wire.example/kharkiv</link>
  <pubDate>Tue, 27 Jan 2026 20:00:00 GMT</pubDate>
  <description>&lt;p&gt;Three people were hurt in Kharkiv when a glide bomb hit a shop.&lt;/p&gt;</description>
</item>
<item><title>Photo gallery</title><link>https://south-wire.example/gallery</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Front Notes</title><id>urn:front-notes</id>
<updated>2026-01-28T10:00:00Z</updated>
<entry><title>Shelling in Nikopol</title><id>urn:front-notes:7</id>
  <link href="https://front-notes.example/7"/>
  <updated>2026-01-28T09:30:00Z</updated>
  <content type="text">One man was killed by artillery shelling in Nikopol on Wednesday morning, officials said.
  </content>
</entry>
</feed>
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_rss_entries_use_the_full_content_else_the_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "wire.rss", RSS)
    first, second, empty = list(feed_items(path))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.source_id == "sw-1001" and first.url == "https://south-wire.example/odesa-port"
    assert first.published == "2026-01-28T04:15:00Z" and first.publisher == "Southern Wire Service"
    assert first.html is not None and "killing two workers" in first.html and "Short summary" not in first.html
    assert "<title>Missile hits port in Odesa</title>" in first.html
    assert second.source_id == "https://south-wire.example/kharkiv"  # no guid: the link
    assert second.html is not None and "glide bomb" in second.html
    assert empty == Skipped("https://south-wire.example/gallery", "feed entry has no text")


def test_a_feed_entry_cleans_into_an_article_with_title_and_given_date(tmp_path: Path) -> None:
    first = next(feed_items(write(tmp_path, "wire.rss", RSS)))
    assert isinstance(first, Document)
    article = clean_document(first)
    assert article.title == "Missile hits port in Odesa"
    assert (article.published, article.published_source) == ("2026-01-28", "given")
    assert "Four more people were injured" in article.text


def test_atom_plain_text_content_becomes_text_with_the_title_first(tmp_path: Path) -> None:
    [doc] = list(feed_items(write(tmp_path, "notes.atom", ATOM)))
    assert isinstance(doc, Document) and doc.html is None
    assert doc.text == "Shelling in Nikopol\n\nOne man was killed by artillery shelling in Nikopol on Wednesday " \
                       "morning, officials said."
    assert (doc.source_id, doc.url, doc.published) == ("urn:front-notes:7", "https://front-notes.example/7",
                                                       "2026-01-28T09:30:00Z")


def test_read_feed_leaves_empty_entries_out(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="warledger.ingest.feeds"):
        docs = list(read_feed(write(tmp_path, "wire.rss", RSS)))
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)
    assert "1 feed entries without text skipped" in caplog.text


def test_read_sources_reads_feeds_by_extension_in_directories(tmp_path: Path) -> None:
    write(tmp_path, "a.rss", RSS)
    write(tmp_path, "b.atom", ATOM)
    write(tmp_path, "c.xml", ATOM.replace("urn:front-notes:7", "urn:front-notes:8"))
    ids = [item.source_id for item in read_sources([str(tmp_path)])]
    assert ids == ["sw-1001", "https://south-wire.example/kharkiv", "urn:front-notes:7", "urn:front-notes:8"]


@pytest.mark.parametrize("text", ['<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "not xml at all"])
def test_other_xml_is_a_problem(tmp_path: Path, text: str) -> None:
    [problem] = list(read_sources([write(tmp_path, "sitemap.xml", text)]))
    assert isinstance(problem, Problem) and problem.code == "E113"


def test_feed_limits_and_missing_files(tmp_path: Path) -> None:
    path = write(tmp_path, "big.rss", RSS.replace("Short summary", "x" * 200_000))
    [problem] = list(feed_items(path, max_mb=0.1))
    assert isinstance(problem, Problem) and problem.code == "E105"
    [missing] = list(feed_items(str(tmp_path / "none.rss")))
    assert isinstance(missing, Problem) and missing.code == "E101"


def test_a_generated_feed_reads_back_entry_for_entry(tmp_path: Path) -> None:
    composer = ReportComposer(seed=11)
    written = write_feed(tmp_path / "wire.rss", composer=composer, first=0, count=12)
    docs = list(feed_items(written.path))
    assert len(docs) == written.pages == 12
    report = composer.compose(5)
    doc = docs[5]
    assert isinstance(doc, Document) and doc.url == report.url and doc.source_id == "synthetic-11-5"
    assert doc.html is not None and report.paragraphs[0].split(",")[0] in doc.html.replace("&#x27;", "'")
