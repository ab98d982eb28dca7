"""JSON Lines and JSON inputs: one document per object, with ``id``, ``text`` or ``html``, and optional ``url``,
``published``, ``publisher``.

Public and stable: ``documents_from_lines``, ``document_from_line`` and ``documents_from_json``. A bad line is a
``Problem`` with its line number and the rest of the stream goes on.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from warledger.errors import message
from warledger.ingest.sniff import looks_like_html
from warledger.records import Document, Problem

log = logging.getLogger(__name__)

OPTIONAL_FIELDS = ("url", "published", "publisher", "fetched")
"""Fields copied from an object onto its ``Document`` when they are non-empty strings."""


def coded_problem(code: str, source: str, *, line: int | None = None, **fields: object) -> Problem:
    """A ``Problem`` with the message of ``code`` (``warledger.errors.MESSAGES``). The message leaves out the
    leading path, which ``Problem.__str__`` puts back with the line: ``docs.jsonl:2: line 2: not a JSON object``."""
    text = message(code, path=source, line=line, **fields)
    return Problem(source, text.removeprefix(f"{source}: "), line=line, code=code)


def _text_field(obj: dict[str, Any], name: str) -> str | None:
    value = obj.get(name)
    return value if isinstance(value, str) and value.strip() else None


def document_from_object(
    obj: object,
    *,
    source: str,
    line: int,
    published: str | None = None,
    max_mb: float | None = None,
) -> Document | Problem:
    """One JSON value -> a ``Document``, or a ``Problem`` saying what the object lacks.

    ``published`` is the caller's default: it applies only when the object gives none. A ``text`` value that is
    really an HTML page goes to ``Document.html``.
    """
    if not isinstance(obj, dict):
        detail = f"found a JSON {type(obj).__name__}"
        return coded_problem("E106", source, line=line, detail=detail)
    html = _text_field(obj, "html")
    text = _text_field(obj, "text")
    if html is None and text is None:
        return coded_problem("E107", source, line=line)
    body = html if html is not None else text
    if max_mb is not None and body is not None and len(body) > max_mb * 1024 * 1024:
        return coded_problem("E105", source, line=line, size=f"{len(body) / 1024 / 1024:.1f}", limit=max_mb)
    if html is None and text is not None and looks_like_html(text):
        html, text = text, None
    raw_id = obj.get("id")
    source_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else f"{source}:{line}"
    extras = {name: _text_field(obj, name) for name in OPTIONAL_FIELDS}
    return Document(
        source_id=source_id,
        text=None if html is not None else text,
        html=html,
        url=extras["url"],
        published=extras["published"] or published,
        publisher=extras["publisher"],
        fetched=extras["fetched"],
    )


def document_from_line(
    line: str,
    *,
    source: str,
    number: int,
    published: str | None = None,
    max_mb: float | None = None,
) -> Document | Problem | None:
    """One line of a JSON Lines stream -> a ``Document``, a ``Problem`` (E106/E107/E105), or None when blank."""
    stripped = line.strip().lstrip("\ufeff")
    if not stripped:
        return None
    try:
        obj = json.loads(stripped)
    except ValueError as exc:
        detail = str(exc).split(":")[0] if str(exc) else type(exc).__name__
        log.debug("%s:%d: bad JSON: %s", source, number, exc)
        return coded_problem("E106", source, line=number, detail=detail)
    return document_from_object(obj, source=source, line=number, published=published, max_mb=max_mb)


def documents_from_lines(
    lines: Iterable[str],
    *,
    source: str,
    published: str | None = None,
    max_mb: float | None = None,
) -> Iterator[Document | Problem]:
    """Read a JSON Lines stream: each non-blank line one object. Line numbers count from 1, blank lines included."""
    for number, line in enumerate(lines, start=1):
        item = document_from_line(line, source=source, number=number, published=published, max_mb=max_mb)
        if item is not None:
            yield item


def documents_from_json(
    text: str,
    *,
    source: str,
    published: str | None = None,
    max_mb: float | None = None,
) -> Iterator[Document | Problem]:
    """Read a ``.json`` file: one object, or an array of objects (numbered from 1), or else JSON Lines."""
    try:
        value = json.loads(text)
    except ValueError:
        # not one JSON value: many .json files in the wild are really JSON Lines
        yield from documents_from_lines(text.splitlines(), source=source, published=published, max_mb=max_mb)
        return
    items = value if isinstance(value, list) else [value]
    for number, obj in enumerate(items, start=1):
        yield document_from_object(obj, source=source, line=number, published=published, max_mb=max_mb)
