"""Clean one document into an ``Article``: the stage function ``clean_document(doc) -> Article``.

Public and stable: ``clean_document``, ``article_text``, ``part_spans``.

``Article.text`` is the title, standfirst, paragraphs and caption texts joined by a blank line ("\\n\\n"), in that
order, skipping missing parts. Every evidence offset downstream indexes this string, so it depends on nothing but
the document: the same document always gives the same text, id and offsets.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from warledger.clean.boilerplate import Line, normalise_line, split_lines
from warledger.clean.dates import TOP_LINES, PublishedDate, date_from_text, is_date_line, parse_given_date
from warledger.clean.html import HtmlPage, read_html
from warledger.clean.layout import Layout, lay_out
from warledger.ingest.language import UNDETERMINED, detect_language
from warledger.records import Article, Document, content_hash, stable_id

log = logging.getLogger(__name__)

SEPARATOR = "\n\n"
"""What joins the parts of ``Article.text``."""


@dataclass(frozen=True, slots=True)
class PartSpan:
    """Where one part of an article sits in ``Article.text``: ``text[start:end]`` is that part."""

    kind: str
    """"title", "standfirst", "paragraph" or "caption"."""
    index: int
    """Its position among the parts of its kind (0 for title and standfirst)."""
    start: int
    end: int


def _parts(article: Article) -> list[tuple[str, int, str]]:
    parts: list[tuple[str, int, str]] = []
    if article.title:
        parts.append(("title", 0, article.title))
    if article.standfirst:
        parts.append(("standfirst", 0, article.standfirst))
    parts.extend(("paragraph", i, text) for i, text in enumerate(article.paragraphs))
    parts.extend(("caption", i, caption.text) for i, caption in enumerate(article.captions))
    return parts


def article_text(title: str | None, standfirst: str | None, paragraphs: list[str], captions: list[str]) -> str:
    """The text every offset indexes: the parts that are present, joined by ``SEPARATOR``."""
    return SEPARATOR.join(part for part in (title, standfirst, *paragraphs, *captions) if part)


def part_spans(article: Article) -> list[PartSpan]:
    """Where the title, standfirst, each paragraph and each caption sit in ``article.text``.

    >>> spans = part_spans(article)                                     # doctest: +SKIP
    >>> [article.text[s.start:s.end] for s in spans if s.kind == "caption"] == [c.text for c in article.captions]
    True
    """
    spans: list[PartSpan] = []
    offset = 0
    for kind, index, text in _parts(article):
        spans.append(PartSpan(kind, index, offset, offset + len(text)))
        offset += len(text) + len(SEPARATOR)
    return spans


def _published(doc: Document, page: HtmlPage | None, lines: list[Line]) -> tuple[PublishedDate | None, str, int]:
    """The publication date, where it came from ("given", "metadata", "text", "none") and the index of the date
    line it was read from at the top of the text (-1 when none)."""
    if doc.published:
        given = parse_given_date(doc.published)
        if given is not None:
            return given, "given", -1
        log.warning("%s: published date %r is not a date; ignored", doc.source_id, doc.published)
    if page is not None and page.date:
        found = parse_given_date(page.date)
        if found is not None:
            return found, "metadata", -1
    from_text = date_from_text([line.text for line in lines])
    if from_text is not None:
        return from_text[0], "text", from_text[1]
    return None, "none", -1


def _drop_date_line(lines: list[Line], index: int) -> str | None:
    """The dateline at ``index`` leaves the body when it holds nothing but the date."""
    if 0 <= index < len(lines) and is_date_line(lines[index].text):
        return lines.pop(index).text
    return None


def clean_document(doc: Document) -> Article:
    """Clean one ``Document`` (plain text or HTML) into an ``Article``.

    Furniture lines are removed (kept in ``removed``), title, standfirst and captions (with credits) are set apart,
    the publication date is taken as given, else from HTML metadata, else from a dateline at the top of the text,
    and the language is detected. Never raises on odd input: an empty page gives an article with empty text.

    >>> article = clean_document(Document(source_id="x", text=page, published="2026-01-28"))   # doctest: +SKIP
    """
    raw = doc.raw
    page: HtmlPage | None = None
    if doc.html is not None:
        page = read_html(doc.html, url=doc.url)
        lines = [Line(text, block) for block, text in enumerate(normalise_line(t) for t in page.lines) if text]
    else:
        lines = split_lines(doc.text or "")
    published, published_source, date_index = _published(doc, page, lines)
    if published_source != "text":  # the date was given: a timestamp line at the top is furniture all the same
        date_index = next((i for i, line in enumerate(lines[:TOP_LINES]) if is_date_line(line.text)), -1)
    date_line = _drop_date_line(lines, date_index)

    if page is not None:
        layout: Layout = lay_out(
            lines,
            title=page.title,
            description=page.description,
            known_captions=page.captions,
            plain_text=False,
        )
    else:
        layout = lay_out(lines)
    if date_line is not None:
        layout.removed.insert(0, date_line)

    text = article_text(layout.title, layout.standfirst, layout.paragraphs, [c.text for c in layout.captions])
    language = detect_language(text) if text else UNDETERMINED
    digest = content_hash(raw)
    return Article(
        id=stable_id("art", digest),
        source_id=doc.source_id,
        title=layout.title,
        standfirst=layout.standfirst,
        text=text,
        paragraphs=layout.paragraphs,
        captions=layout.captions,
        publisher=doc.publisher or (page.publisher if page else None),
        url=doc.url or (page.url if page else None),
        published=published.value if published else None,
        published_precision=published.precision if published else "unknown",
        published_source=published_source,
        language=language,
        removed=layout.removed,
        content_hash=digest,
    )
