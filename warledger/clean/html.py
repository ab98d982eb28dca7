"""HTML pages: the article body and metadata with trafilatura, the captions from ``<figcaption>``.

Public and stable: ``HtmlPage`` and ``read_html``. The body comes back as lines (one per paragraph, heading or list
item), ready for the same furniture and caption cleaning as scraped text (``warledger.clean.layout``).

trafilatura runs with comments off, as the output contract asks: reader comments are not the article.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from warledger.clean.boilerplate import normalise_line
from warledger.clean.captions import split_credit, unlabel_credit
from warledger.records import Caption

log = logging.getLogger(__name__)

CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|author|attribution|photographer", re.IGNORECASE)
"""``class`` or ``itemprop`` values that mark the credit part of a ``<figcaption>``."""

FAVOR_PRECISION = True
"""trafilatura's precision mode: on the 181-page article-extraction benchmark it scores body F1 0.964 against 0.960
by default (benchmarks/clean_benchmark.py), and a page's furniture costs more downstream than a lost sentence."""

BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr", "section", "article")
"""Elements whose text starts a new line when a fragment is read without trafilatura."""

MAX_FIGCAPTION_CHARS = 600
"""A <figcaption> longer than this is not a photo caption (some sites wrap whole sections in <figure>)."""


@dataclass(slots=True)
class HtmlPage:
    """What an HTML page says: body lines, and the metadata trafilatura reads (each None when absent)."""

    lines: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    description: str | None = None
    captions: list[Caption] = field(default_factory=list)


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    clean = normalise_line(value)
    return clean or None


def _is_credit_element(element: lxml_html.HtmlElement) -> bool:
    marks = f"{element.get('class', '')} {element.get('itemprop', '')}"
    return CREDIT_CLASS.search(marks) is not None


def figcaptions(tree: lxml_html.HtmlElement) -> list[Caption]:
    """Every ``<figcaption>`` as a ``Caption``: the credit from an element marked as one (class or itemprop
    "credit", "copyright"...), else from a parenthesised or labelled credit at the end ("(Reuters)",
    "Photograph: Name/Agency")."""
    captions: list[Caption] = []
    seen: set[str] = set()
    for element in tree.iter("figcaption"):
        credit_parts = [normalise_line(part.text_content()) for part in element.iter() if _is_credit_element(part)]
        marked = " ".join(part for part in credit_parts if part)
        text = normalise_line(element.text_content())
        credit = unlabel_credit(marked)[0] if marked else None
        if marked and text.endswith(marked):
            text = text[: -len(marked)].rstrip(" .,;|-–—")
        elif credit is None:
            parts = split_credit(text, require_known=False)
            if parts is not None:
                text, credit = parts
        if not text or len(text) > MAX_FIGCAPTION_CHARS or text in seen:
            continue
        seen.add(text)
        captions.append(Caption(text, credit))
    return captions


def block_lines(html: str) -> list[str]:
    """The text of an HTML fragment, one line per block element (paragraph, heading, list item...), without
    scripts and styles: the fallback for snippets trafilatura does not take as a page."""
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return []
    for element in tree.xpath("//script|//style|//noscript|//template|//figcaption"):
        element.drop_tree()
    for element in tree.iter(*BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return [line for line in (normalise_line(part) for part in tree.text_content().splitlines()) if line]


def read_html(
    html: str,
    *,
    url: str | None = None,
    favor_precision: bool = FAVOR_PRECISION,
    favor_recall: bool = False,
) -> HtmlPage:
    """Extract the body lines and metadata of one HTML page. An empty or unparsable page gives an empty
    ``HtmlPage`` (logged), never an exception."""
    tree = trafilatura.load_html(html)
    if tree is None:
        log.info("trafilatura could not load %s; reading its text blocks", url or "an HTML fragment")
        return HtmlPage(lines=block_lines(html), url=url)
    captions = figcaptions(tree)
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=favor_precision,
        favor_recall=favor_recall,
    )
    body = getattr(result, "text", None) or ""
    if not body.strip():
        log.info("trafilatura found no article body in %s; reading its text blocks", url or "a document")
        return HtmlPage(lines=block_lines(html), url=url, captions=captions)
    return HtmlPage(
        lines=body.splitlines(),
        title=_text(getattr(result, "title", None)),
        date=_text(getattr(result, "date", None)),
        publisher=_text(getattr(result, "sitename", None)),
        url=_text(getattr(result, "url", None)) or url,
        description=_text(getattr(result, "description", None)),
        captions=captions,
    )
