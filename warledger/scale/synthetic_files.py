"""Write the synthetic corpus (``warledger.scale.synthetic``) as the files a crawl or a wire delivers.

Public: ``write_warc``, ``write_feed``, ``write_jsonl_gz`` and ``CorpusFile``.

``write_warc`` writes a WARC.gz the way a crawler does: a ``warcinfo`` record, then for each page a ``request`` and
a ``response`` record, and among them what a real crawl also holds and warledger must skip: image and JSON
responses, 404 pages and redirects (one in ``NOISE_EVERY`` pages each). Record ids and dates come from the seed, so
the same seed writes the same bytes.
"""
from __future__ import annotations

import gzip
import io
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from email.utils import format_datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warledger.scale.synthetic import Report, ReportComposer, render_html

NOISE_EVERY = {"image/jpeg": 37, "application/json": 53, "404": 41, "301": 59}
"""Besides each page, one record of each kind in this many pages (by page number)."""


@dataclass(slots=True)
class CorpusFile:
    """What one written file holds."""

    path: str
    pages: int = 0
    """HTML pages with status 200 (English or not)."""
    foreign: int = 0
    """Of those, pages in Ukrainian or Russian."""
    noise: dict[str, int] = field(default_factory=dict)
    """Records to be skipped, by kind ("image/jpeg", "404"...)."""
    words: int = 0
    """Body words of the English pages."""

    def count(self, report: Report) -> None:
        """Count one page written."""
        self.pages += 1
        self.foreign += report.language != "en"
        self.words += report.body_words if report.language == "en" else 0


def _warc_date(report: Report, minutes: int) -> str:
    fetched = report.published + timedelta(hours=6, minutes=minutes)
    return fetched.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Warc:
    """A WARC writer whose record ids and dates are drawn from a seed."""

    def __init__(self, stream: io.BufferedIOBase, *, seed: int) -> None:
        self.writer = WARCWriter(stream, gzip=True)
        self.rng = random.Random(f"warc/{seed}")

    def _headers(self, date: str) -> dict[str, str]:
        return {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=self.rng.getrandbits(128), version=4)}>",
                "WARC-Date": date}

    def info(self, name: str, date: str) -> None:
        record = self.writer.create_warcinfo_record(name, {"software": "warledger synthetic corpus",
                                                          "format": "WARC File Format 1.0"})
        record.rec_headers.replace_header("WARC-Record-ID", self._headers(date)["WARC-Record-ID"])
        record.rec_headers.replace_header("WARC-Date", date)
        self.writer.write_record(record)

    def exchange(self, url: str, date: str, status: str, content_type: str | None, body: bytes) -> None:
        """A GET request and its response."""
        host = url.split("/")[2]
        request = StatusAndHeaders(f"GET /{url.split('/', 3)[3]} HTTP/1.1", [("Host", host)], is_http_request=True)
        self.writer.write_record(self.writer.create_warc_record(
            url, "request", http_headers=request, warc_headers_dict=self._headers(date)))
        headers = [("Content-Type", content_type)] if content_type else []
        if status.startswith("301"):
            headers.append(("Location", url + "/"))
        http = StatusAndHeaders(status, headers + [("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        self.writer.write_record(self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=self._headers(date)))


def write_warc(path: str | Path, *, composer: ReportComposer, first: int, count: int) -> CorpusFile:
    """Write reports ``first`` .. ``first + count - 1`` of ``composer``'s corpus as one WARC.gz file at ``path``."""
    written = CorpusFile(str(path))
    with open(path, "wb") as stream:
        warc = _Warc(stream, seed=composer.seed * 1_000_003 + first)
        opening = composer.compose(first)
        warc.info(Path(path).name, _warc_date(opening, 0))
        for number in range(first, first + count):
            report = composer.compose(number)
            date = _warc_date(report, number % 60)
            page = render_html(report).encode("utf-8")
            warc.exchange(report.url, date, "200 OK", "text/html; charset=utf-8", page)
            written.count(report)
            for kind, every in NOISE_EVERY.items():
                if number % every == every - 1:
                    _noise(warc, report, date, kind)
                    written.noise[kind] = written.noise.get(kind, 0) + 1
    return written


def _noise(warc: _Warc, report: Report, date: str, kind: str) -> None:
    if kind == "image/jpeg":
        body = b"\xff\xd8\xff\xe0" + random.Random(report.number).randbytes(2048)
        warc.exchange(f"https://{report.domain}/img/{report.number}.jpg", date, "200 OK", kind, body)
    elif kind == "application/json":
        body = json.dumps({"page": report.number, "comments": []}).encode()
        warc.exchange(f"https://{report.domain}/api/comments/{report.number}", date, "200 OK", kind, body)
    elif kind == "404":
        body = b"<!DOCTYPE html><html><head><title>Page not found</title></head><body><p>Not found.</p></body></html>"
        warc.exchange(f"https://{report.domain}/old/{report.number}", date, "404 Not Found", "text/html", body)
    else:
        warc.exchange(f"https://{report.domain}/r/{report.number}", date, "301 Moved Permanently", None, b"")


def write_feed(path: str | Path, *, composer: ReportComposer, first: int, count: int) -> CorpusFile:
    """Write reports as one RSS 2.0 file: each item's ``content:encoded`` holds the article HTML, ``description``
    the standfirst, ``pubDate`` the publication time."""
    written = CorpusFile(str(path))
    items = []
    for number in range(first, first + count):
        report = composer.compose(number)
        body = "".join(f"<p>{_xml(p)}</p>" for p in report.paragraphs)
        items.append(
            f"<item><title>{_xml(report.title)}</title><link>{_xml(report.url)}</link>"
            f"<guid isPermaLink=\"false\">synthetic-{composer.seed}-{number}</guid>"
            f"<pubDate>{format_datetime(report.published)}</pubDate>"
            f"<description>{_xml(report.standfirst or report.title)}</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
        written.count(report)
    feed = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Synthetic Wire</title>'
            f"<link>https://synthetic-wire.example/</link><description>warledger test feed</description>"
            f"{''.join(items)}</channel></rss>\n")
    Path(path).write_text(feed, encoding="utf-8")
    return written


def write_jsonl_gz(path: str | Path, *, composer: ReportComposer, first: int, count: int) -> CorpusFile:
    """Write reports as one gzipped JSON Lines shard: ``id``, ``html``, ``url``, ``published``, ``publisher``."""
    written = CorpusFile(str(path))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as packed, \
            io.TextIOWrapper(packed, encoding="utf-8") as stream:  # mtime 0: the same seed, the same bytes
        for number in range(first, first + count):
            report = composer.compose(number)
            line = {"id": f"synthetic-{composer.seed}-{number}", "html": render_html(report), "url": report.url,
                    "published": report.published.isoformat(timespec="seconds"), "publisher": report.outlet}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            written.count(report)
    return written


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
