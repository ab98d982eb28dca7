"""Web archives: read the HTML pages of a WARC or WARC.gz file (warcio) into ``Document`` records.

Public and stable: ``warc_items``, ``read_warc``, ``warc_boundaries``, ``WARC_EXTENSIONS`` and ``HTML_TYPES``.

Only ``response`` records are pages. A response with HTTP status 200 and an HTML content type (``text/html``,
``application/xhtml+xml``, or no type and a body that looks like HTML) becomes a ``Document`` with ``html`` (decoded
with the charset the server or the page declares), ``url`` (``WARC-Target-URI``) and ``fetched`` (``WARC-Date``);
its ``source_id`` is ``<path>#<byte offset of the record>``, so ``warcio extract <path> <offset>`` finds it again.
The publication date is not taken from the archive: the clean stage reads it from the page.

Other responses are ``Skipped`` with the reason (``"HTTP status 404"``, ``"not HTML: image/jpeg"``), and every other
record kind (``warcinfo``, ``request``, ``metadata``, ``revisit``) is passed over. A file warcio cannot read is a
``Problem`` E112 and the run goes on.

Record ranges: ``warc_items(path, start=..., stop=...)`` reads only the records that begin at a byte offset in
``[start, stop)``; ``warc_boundaries`` says where to cut a file into ranges of N pages. Both need a WARC.gz to be
compressed record by record (the standard), so that a reader can seek to any record.
"""
from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warledger.ingest.jsonlines import coded_problem
from warledger.ingest.sniff import SNIFF_BYTES, Undecodable, decode, looks_like_html
from warledger.records import Document, Problem, Skipped

log = logging.getLogger(__name__)

WARC_EXTENSIONS = (".warc", ".warc.gz")
"""File names read as web archives (case-insensitive)."""

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types of the responses that are read as pages."""

_MB = 1024 * 1024
_TRAILING_SLACK = 4
"""Bytes after the last record that are not a record (the blank lines closing an uncompressed WARC)."""
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WARC_ERRORS = (ArchiveLoadFailed, OSError, EOFError, ValueError)
"""What warcio raises on a truncated, corrupt or non-WARC file (zlib errors are OSError or ValueError; ``NotWarc``
is a ValueError)."""

WarcItem = Document | Problem | Skipped


def _declared_charset(content_type: str | None, head: bytes) -> str | None:
    """The charset the HTTP header declares, else the one a ``<meta>`` tag near the top of the page declares."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    match = _CHARSET.search(head[:SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def decode_page(body: bytes, content_type: str | None) -> str | None:
    """A response body as text: the declared charset when it decodes the bytes, else sniffed (UTF-8, cp1252...).

    None when the body is not text in any encoding we read.
    """
    charset = _declared_charset(content_type, body)
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            log.debug("declared charset %s does not decode the page; sniffing instead", charset)
    try:
        return decode(body).text
    except Undecodable:
        return None


@dataclass(frozen=True, slots=True)
class _Response:
    """What one response record holds, read before its offset is known (warcio reports it after the body)."""

    status: str | None
    content_type: str | None
    url: str | None
    fetched: str | None
    body: bytes | None
    """The payload (at most the size limit plus one byte), or None when the record is not a page to read."""

    @property
    def media(self) -> str:
        return (self.content_type or "").split(";")[0].strip().lower()


def _response(record: Any, *, limit: int) -> _Response:
    headers = record.http_headers
    status = headers.get_statuscode() if headers else None
    content_type = headers.get_header("Content-Type") if headers else None
    response = _Response(status, content_type, record.rec_headers.get_header("WARC-Target-URI"),
                         record.rec_headers.get_header("WARC-Date"), None)
    if status != "200" or (response.media and response.media not in HTML_TYPES):
        return response
    return _Response(status, content_type, response.url, response.fetched, record.content_stream().read(limit + 1))


def _item(response: _Response, *, source_id: str, max_mb: float) -> WarcItem:
    """A response -> a Document, or Skipped (not 200, not HTML), or Problem (too big, not text)."""
    if response.status != "200":
        return Skipped(source_id, f"HTTP status {response.status or 'missing'}")
    if response.body is None:
        return Skipped(source_id, f"not HTML: {response.media}")
    if len(response.body) > max_mb * _MB:
        return coded_problem("E105", source_id, size=f"> {max_mb}", limit=max_mb)
    html = decode_page(response.body, response.content_type)
    if html is None:
        return coded_problem("E104", source_id)
    if not response.media and not looks_like_html(html):
        return Skipped(source_id, "not HTML: no content type")
    return Document(source_id=source_id, html=html, url=response.url, fetched=response.fetched)


class NotWarc(ValueError):
    """warcio read the bytes as something other than WARC records (it falls back to ARC on any text)."""


def _records(stream: BinaryIO) -> Iterator[tuple[Any, ArchiveIterator]]:
    iterator = ArchiveIterator(stream)
    for record in iterator:
        if record.format != "warc":
            raise NotWarc(f"no WARC record at byte {iterator.offset} (warcio reads it as {record.format})")
        yield record, iterator


def warc_items(
    path: str,
    *,
    start: int = 0,
    stop: int | None = None,
    max_mb: float = 20.0,
) -> Iterator[WarcItem]:
    """Every response record of ``path`` that begins in ``[start, stop)``, in file order, as a Document, a Skipped
    or a Problem (see the module docstring). ``start`` must be the offset of a record (0, or one of
    ``warc_boundaries``); ``stop`` None reads to the end of the file."""
    limit = int(max_mb * _MB)
    end = start
    try:
        with open(path, "rb") as stream:
            stream.seek(start)
            for record, iterator in _records(stream):
                response = _response(record, limit=limit) if record.rec_type == "response" else None
                offset = iterator.get_record_offset()  # warcio reads to the end of the record to tell it
                if stop is not None and offset >= stop:
                    return
                end = offset + iterator.get_record_length()
                if response is not None:
                    yield _item(response, source_id=f"{path}#{offset}", max_mb=max_mb)
            size = os.fstat(stream.fileno()).st_size
    except _WARC_ERRORS as exc:
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        log.debug("%s: warcio failed: %s", path, exc)
        yield coded_problem("E112", path, detail=detail)
        return
    if size - end > _TRAILING_SLACK:
        # warcio ends quietly at a record cut short; what follows the last whole record is lost, so say so
        yield coded_problem("E112", path, detail=f"it ends inside a record at byte {end} of {size}; truncated?")


def read_warc(path: str, *, max_mb: float = 20.0) -> Iterator[Document | Problem]:
    """The pages of one WARC file as Documents (and Problems); skipped records are counted and logged, not
    yielded, so the result fits ``pipeline.process``. ``warledger run`` keeps them (``warc_items``)."""
    skipped: Counter[str] = Counter()
    pages = 0
    for item in warc_items(path, max_mb=max_mb):
        if isinstance(item, Skipped):
            skipped[item.reason] += 1
            continue
        pages += isinstance(item, Document)
        yield item
    if skipped:
        listed = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
        log.info("%s: %d HTML pages; %d responses skipped (%s)", path, pages, sum(skipped.values()), listed)


def warc_boundaries(path: str, *, every: int) -> tuple[list[int], int]:
    """Where to cut ``path`` into ranges of ``every`` response records, and how many response records it holds.

    Returns ``(offsets, responses)``: ``offsets[0]`` is 0 and each later offset is where a range begins (the
    record offset of response number ``every``, ``2 * every``...). Reads the whole file once, keeping only the
    offsets. Raises ``InputError`` E112 when warcio cannot read the file.
    """
    from warledger.errors import input_error

    if every < 1:
        raise ValueError(f"every={every!r} must be at least 1")
    offsets = [0]
    responses = 0
    try:
        with open(path, "rb") as stream:
            for record, iterator in _records(stream):
                if record.rec_type != "response":
                    continue
                if responses and responses % every == 0:
                    offsets.append(iterator.get_record_offset())
                responses += 1
    except _WARC_ERRORS as exc:
        raise input_error("E112", path=path, detail=" ".join(str(exc).split())[:200] or type(exc).__name__) from exc
    return offsets, responses
