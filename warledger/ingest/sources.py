"""Read input paths into ``Document`` records: files, directories (recursed in sorted order) and ``-`` for stdin.

Public and stable: ``read_sources`` and ``EXTENSIONS``. Nothing here raises on bad input: every file that cannot
be used becomes a ``Problem`` with a code (E1xx, see ``warledger.errors``) and a message saying what to do, and
the run goes on with the next file (or the next line of a JSON Lines file).

Dispatch is by extension and by content: a ``.txt`` that holds HTML is read as HTML, a ``.txt`` or stdin stream
of JSON objects as JSON Lines. Files are measured (``stat``) before they are read, so a file over ``max_mb`` is
rejected without being loaded; JSON Lines are streamed line by line and ``max_mb`` applies to each document.
WARC files and RSS/Atom feeds go to ``warledger.ingest.warc`` and ``warledger.ingest.feeds`` (the ``scale`` extra);
a path with ``*``, ``?`` or ``[`` that names no file is a glob (``crawl/**/*.warc.gz``), expanded in sorted order.
"""
from __future__ import annotations

import glob
import gzip
import importlib
import importlib.util
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from warledger.ingest.jsonlines import coded_problem, document_from_line, documents_from_json, documents_from_lines
from warledger.ingest.sniff import (
    SNIFF_BYTES,
    Undecodable,
    decode,
    has_tags,
    is_binary,
    looks_like_html,
    looks_like_jsonl,
)
from warledger.records import Document, Problem

log = logging.getLogger(__name__)

EXTENSIONS = (".txt", ".text", ".html", ".htm", ".jsonl", ".jsonl.gz", ".json", ".md", ".html.gz", ".htm.gz", ".txt.gz",
              ".warc", ".warc.gz", ".rss", ".atom", ".xml")
"""File names a directory walk picks up (case-insensitive); other files in a directory are skipped."""

HTML_EXTENSIONS = (".html", ".htm")
WARC_EXTENSIONS = (".warc", ".warc.gz")
FEED_EXTENSIONS = (".rss", ".atom", ".xml")
STDIN = "-"
_CHUNK = 1 << 16
_MB = 1024 * 1024

Item = Document | Problem


def _stream_lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``stream``, read in chunks (never all at once)."""
    pending = head
    while True:
        *complete, pending = pending.split(b"\n")
        yield from complete
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        pending += chunk
    if pending:
        yield pending


def _jsonl_stream(
    head: bytes, stream: BinaryIO, *, source: str, published: str | None, max_mb: float
) -> Iterator[Item]:
    """Documents from a JSON Lines byte stream, line by line; an undecodable line is a Problem (E104)."""
    found = False
    for number, raw in enumerate(_stream_lines(head, stream), start=1):
        try:
            text = decode(raw).text
        except Undecodable:
            found = True
            yield coded_problem("E104", source, line=number)
            continue
        item = document_from_line(text, source=source, number=number, published=published, max_mb=max_mb)
        if item is not None:
            found = True
            yield item
    if not found:
        yield coded_problem("E102", source)


def _from_text(
    text: str, *, source: str, html_hint: bool, json_hint: bool, published: str | None, max_mb: float
) -> Iterator[Item]:
    """Dispatch decoded text: HTML, JSON (Lines) or a plain page."""
    if not text.strip():
        yield coded_problem("E102", source)
    elif json_hint:
        yield from documents_from_json(text, source=source, published=published, max_mb=max_mb)
    elif looks_like_html(text) or (html_hint and has_tags(text)):
        yield Document(source_id=source, html=text, published=published)
    elif looks_like_jsonl(text):
        yield from documents_from_lines(text.splitlines(), source=source, published=published, max_mb=max_mb)
    else:
        yield Document(source_id=source, text=text, published=published)


def _read_gzip(path: str, *, published: str | None, max_mb: float) -> Iterator[Item]:
    """``.jsonl.gz`` is streamed line by line; any other ``X.gz`` is decompressed (up to ``max_mb``) and read as X."""
    inner = path.lower()[: -len(".gz")]
    limit = int(max_mb * _MB)
    try:
        with gzip.open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
            if inner.endswith(".jsonl") and splits_on_newlines(head):
                yield from _jsonl_stream(head, stream, source=path, published=published, max_mb=max_mb)  # type: ignore[arg-type]
                return
            data = head + stream.read(max(0, limit + 1 - len(head)))
    except (OSError, EOFError, zlib.error) as exc:
        yield coded_problem("E111", path, detail=str(exc) or type(exc).__name__)
        return
    if len(data) > limit and not inner.endswith((".jsonl", ".json")):
        yield coded_problem("E105", path, size=f"> {max_mb}", limit=max_mb)
        return
    yield from _from_bytes(data, source=path, name=inner, published=published, max_mb=max_mb)


def _from_bytes(data: bytes, *, source: str, name: str, published: str | None, max_mb: float) -> Iterator[Item]:
    try:
        text = decode(data).text
    except Undecodable as exc:
        yield coded_problem("E103", source) if exc.binary else coded_problem("E104", source)
        return
    yield from _from_text(
        text,
        source=source,
        html_hint=name.endswith(HTML_EXTENSIONS),
        json_hint=name.endswith((".json", ".jsonl")),
        published=published,
        max_mb=max_mb,
    )


def _read_warc_or_feed(path: str, *, warc: bool, max_mb: float) -> Iterator[Item]:
    """A WARC or feed file, by its optional reader (imported here, so the core install runs without them)."""
    module, package = ("warledger.ingest.warc", "warcio") if warc else ("warledger.ingest.feeds", "feedparser")
    if importlib.util.find_spec(package) is None:
        yield coded_problem("E114", path, kind="WARC" if warc else "feed", package=package)
        return
    reader = importlib.import_module(module)
    yield from (reader.read_warc(path, max_mb=max_mb) if warc else reader.read_feed(path, max_mb=max_mb))


def is_glob(path: str) -> bool:
    """True when ``path`` holds a glob wildcard (``*``, ``?``, ``[``)."""
    return any(ch in path for ch in "*?[")


def expand_glob(pattern: str) -> list[str]:
    """The paths a glob pattern matches, sorted (``**`` matches any depth); [] when none."""
    return sorted(glob.glob(pattern, recursive=True))


def read_file(path: str, *, published: str | None = None, max_mb: float = 20.0) -> Iterator[Item]:
    """Documents (or one Problem) from one file. See ``read_sources`` for the rules."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        yield coded_problem("E101", path)
        return
    except OSError as exc:
        yield coded_problem("E110", path, detail=exc.strerror or str(exc))
        return
    lower = path.lower()
    if lower.endswith(WARC_EXTENSIONS + FEED_EXTENSIONS):
        yield from _read_warc_or_feed(path, warc=lower.endswith(WARC_EXTENSIONS), max_mb=max_mb)
        return
    if lower.endswith(".gz"):
        yield from _read_gzip(path, published=published, max_mb=max_mb)
        return
    if size == 0:
        yield coded_problem("E102", path)
        return
    is_jsonl = lower.endswith(".jsonl")
    if not is_jsonl and size > max_mb * _MB:
        yield coded_problem("E105", path, size=f"{size / _MB:.1f}", limit=max_mb)
        return
    try:
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
            if is_binary(head):
                yield coded_problem("E103", path)
                return
            if is_jsonl and splits_on_newlines(head):
                yield from _jsonl_stream(head, stream, source=path, published=published, max_mb=max_mb)
                return
            data = head + stream.read()
    except OSError as exc:
        yield coded_problem("E110", path, detail=exc.strerror or str(exc))
        return
    yield from _from_bytes(data, source=path, name=lower, published=published, max_mb=max_mb)


def splits_on_newlines(head: bytes) -> bool:
    """True when a stream can be split on newline bytes: no UTF-16/32 byte-order mark or NUL-interleaved text."""
    return not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) and b"\x00" not in head


def read_stdin(*, published: str | None = None, max_mb: float = 20.0, stream: BinaryIO | None = None) -> Iterator[Item]:
    """Documents from standard input (source ``-``): one page, or a JSON Lines stream of any length."""
    source = STDIN
    stream = stream if stream is not None else sys.stdin.buffer
    head = stream.read(SNIFF_BYTES)
    if not head.strip():
        yield coded_problem("E102", source)
        return
    if is_binary(head):
        yield coded_problem("E103", source)
        return
    if splits_on_newlines(head) and looks_like_jsonl(head.decode("utf-8", "replace")):
        yield from _jsonl_stream(head, stream, source=source, published=published, max_mb=max_mb)
        return
    limit = int(max_mb * _MB)
    data = head + stream.read(max(0, limit + 1 - len(head)))
    if len(data) > limit:
        yield coded_problem("E105", source, size=f"> {max_mb}", limit=max_mb)
        return
    yield from _from_bytes(data, source=source, name="", published=published, max_mb=max_mb)


def walk_directory(path: str) -> Iterator[str]:
    """Files under ``path`` with one of ``EXTENSIONS``, recursively, sorted by their path below ``path`` (so
    ``a/x.txt`` comes before ``b.txt``); hidden files and folders are skipped."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(EXTENSIONS):
                full = os.path.join(root, name)
                found.append((tuple(os.path.relpath(full, path).split(os.sep)), full))
    yield from (full for _, full in sorted(found))


def read_sources(paths: Iterable[str], *, published: str | None = None, max_mb: float = 20.0) -> Iterator[Item]:
    """Read every path into ``Document`` records, or ``Problem`` records for what cannot be used.

    Each path is a file, a directory (recursed, sorted, files ending .txt .text .html .htm .jsonl .jsonl.gz .json
    .md .warc .warc.gz .rss .atom .xml, and gzipped .html/.htm/.txt), a glob, or ``-`` for stdin. Plain text becomes
    ``Document(text=...)``, HTML ``Document(html=...)``; JSON Lines give one document per line with ``source_id``
    the line's ``id`` (else ``path:line``). ``published`` applies to plain files and to JSON lines that give no
    date of their own (WARC pages and feed entries keep their own). ``max_mb`` is the largest document read.

    >>> for item in read_sources(["pages/"], published="2026-01-28"):   # doctest: +SKIP
    ...     print(item.source_id if isinstance(item, Document) else item)
    """
    for path in paths:
        if path == STDIN:
            yield from read_stdin(published=published, max_mb=max_mb)
        elif os.path.isdir(path):
            found = False
            for file_path in walk_directory(path):
                found = True
                yield from read_file(file_path, published=published, max_mb=max_mb)
            if not found:
                yield coded_problem("E108", path)
        elif is_glob(path) and not os.path.exists(path):
            matches = expand_glob(path)
            if not matches:
                yield coded_problem("E101", path)
            yield from read_sources(matches, published=published, max_mb=max_mb)
        else:
            yield from read_file(path, published=published, max_mb=max_mb)
