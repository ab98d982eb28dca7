"""Feeds: read the entries of an RSS or Atom file (feedparser) into ``Document`` records.

Public and stable: ``feed_items``, ``read_feed``, ``FEED_EXTENSIONS``.

Each entry with article text becomes one ``Document``: its full content (Atom ``content``, RSS
``content:encoded``) when the feed carries it, else its summary (``description``). HTML content becomes
``Document.html`` with the entry title as the page title, plain text becomes ``Document.text`` with the title as its
first line, so the clean stage finds the title either way. ``url`` is the entry link, ``published`` the entry's
publication (else update) date in UTC, ``publisher`` the feed title, and ``source_id`` the entry id (``guid``), else
its link, else ``<path>#<entry number>`` counting from 1 (an id that survives the feed being fetched again).

An entry with no text is ``Skipped``; a file that is not a feed is a ``Problem`` E113. Feeds are read from the file
only: the file's bytes go to feedparser, which therefore never fetches anything.
"""
from __future__ import annotations

import html as html_lib
import io
import logging
import os
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from warledger.ingest.jsonlines import coded_problem
from warledger.ingest.sniff import looks_like_html
from warledger.records import Document, Problem, Skipped

log = logging.getLogger(__name__)

FEED_EXTENSIONS = (".rss", ".atom", ".xml")
"""File names read as feeds (case-insensitive)."""

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_MB = 1024 * 1024

FeedItem = Document | Problem | Skipped


def _iso_utc(value: time.struct_time | None) -> str | None:
    """feedparser's UTC time tuple as an ISO datetime ("2026-01-28T10:00:00Z")."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", value) if value else None


def _body(entry: Any) -> tuple[str, bool] | None:
    """The entry's longest text (content, else summary) and whether it is HTML; None when it has none."""
    candidates: list[tuple[str, str]] = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content", [])]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry.get("summary") or "", detail.get("type") or ""))
    candidates = [(value, kind) for value, kind in candidates if value.strip()]
    if not candidates:
        return None
    value, kind = max(candidates, key=lambda c: len(c[0]))
    is_html = kind.lower() in HTML_CONTENT_TYPES or (not kind and looks_like_html(value))
    return value, is_html


def entry_document(entry: Any, *, source_id: str, publisher: str | None) -> Document | Skipped:
    """One feedparser entry -> a ``Document`` (see the module docstring), or ``Skipped`` when it has no text."""
    found = _body(entry)
    if found is None:
        return Skipped(source_id, "feed entry has no text")
    body, is_html = found
    title = " ".join((entry.get("title") or "").split()) or None
    published = _iso_utc(entry.get("published_parsed") or entry.get("updated_parsed"))
    link = entry.get("link") or None
    if is_html:
        head = f"<title>{html_lib.escape(title)}</title>" if title else ""
        heading = f"<h1>{html_lib.escape(title)}</h1>" if title else ""
        page = f"<!DOCTYPE html><html><head>{head}</head><body><article>{heading}{body}</article></body></html>"
        return Document(source_id=source_id, html=page, url=link, published=published, publisher=publisher)
    text = f"{title}\n\n{body}" if title else body
    return Document(source_id=source_id, text=text, url=link, published=published, publisher=publisher)


def feed_items(path: str, *, max_mb: float = 20.0) -> Iterator[FeedItem]:
    """Every entry of the feed file ``path``, in feed order: a Document, or Skipped (no text); a Problem when the
    file cannot be read (E101, E110), is too big (E105) or is not a feed (E113)."""
    limit = int(max_mb * _MB)
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        missing = isinstance(exc, FileNotFoundError)
        yield coded_problem("E101", path) if missing else coded_problem("E110", path, detail=exc.strerror or str(exc))
        return
    if len(data) > limit:
        yield coded_problem("E105", path, size=f"{os.path.getsize(path) / _MB:.1f}", limit=max_mb)
        return
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = " ".join(str(reason).split())[:160] if reason else "no <rss>, <feed> or <rdf:RDF> element"
        yield coded_problem("E113", path, detail=detail)
        return
    if parsed.get("bozo"):
        log.debug("%s: feedparser read the feed despite: %s", path, parsed.get("bozo_exception"))
    publisher = " ".join((parsed.feed.get("title") or "").split()) or None
    for number, entry in enumerate(parsed.entries, start=1):
        key = (entry.get("id") or entry.get("link") or "").strip()
        yield entry_document(entry, source_id=key or f"{path}#{number}", publisher=publisher)


def read_feed(path: str, *, max_mb: float = 20.0) -> Iterator[Document | Problem]:
    """The entries of one feed file as Documents (and Problems); entries without text are logged and left out,
    so the result fits ``pipeline.process``. ``warledger run`` keeps them (``feed_items``)."""
    empty = 0
    for item in feed_items(path, max_mb=max_mb):
        if isinstance(item, Skipped):
            empty += 1
        else:
            yield item
    if empty:
        log.info("%s: %d feed entries without text skipped", path, empty)
