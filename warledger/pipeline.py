"""The pipeline as pure stage functions: Document -> Article -> (incidents, claims).

``process`` maps documents to extractions lazily; it touches no file or database, so the same function runs in
one process (the CLI, the Python API) or inside a Dask task (warledger.scale).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date

from warledger.clean import clean_document
from warledger.extract.analysis import analyse
from warledger.extract.claims import find_claims
from warledger.extract.incidents import find_incidents
from warledger.records import Document, Extraction, Problem, Skipped

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = frozenset({"en"})
"""Languages the extractor reads; documents in others are counted and skipped, never guessed at."""


def extract_document(doc: Document) -> Extraction | Skipped:
    """Clean one document and extract its incidents and claims; another language gives a ``Skipped``."""
    article = clean_document(doc)
    if not article.text.strip():
        return Skipped(doc.source_id, "no text left after cleaning")
    if article.language not in SUPPORTED_LANGUAGES:
        return Skipped(doc.source_id, f"language {article.language} is not extracted yet", article.language)
    analysis = analyse(article)
    return Extraction(article, find_incidents(analysis), find_claims(analysis))


def process(items: Iterable[Document | Problem]) -> Iterator[Extraction | Skipped | Problem]:
    """Map ``extract_document`` over documents; problems from ingest pass through unchanged."""
    for item in items:
        yield item if isinstance(item, Problem) else extract_document(item)


def extract(
    text: str,
    *,
    published: str | date | None = None,
    url: str | None = None,
    publisher: str | None = None,
    source_id: str = "-",
) -> Extraction:
    """Extract the article, incidents and claims from one page of text or HTML.

    >>> result = warledger.extract(page, published="2026-01-28")   # doctest: +SKIP
    >>> result.incidents[0].killed
    Count(min=2, max=2, qualifier='about')

    Raises ``InputError`` when the text is in a language the extractor does not read.
    """
    from warledger.errors import input_error
    from warledger.ingest.sniff import looks_like_html

    when = published.isoformat() if isinstance(published, date) else published
    is_html = looks_like_html(text)
    doc = Document(
        source_id=source_id,
        text=None if is_html else text,
        html=text if is_html else None,
        url=url,
        published=when,
        publisher=publisher,
    )
    result = extract_document(doc)
    if isinstance(result, Skipped):
        raise input_error("E109", source=source_id, reason=result.reason)
    return result
