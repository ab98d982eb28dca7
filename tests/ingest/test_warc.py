"""WARC input: HTML responses become Documents with URL and fetch date; everything else is skipped or a Problem."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warledger.clean import clean_document
from warledger.ingest import read_sources
from warledger.ingest.warc import decode_page, read_warc, warc_boundaries, warc_items
from warledger.records import Document, Problem, Skipped

PAGE = """<!DOCTYPE html><html><head><title>Drone strike on Sumy port</title>
<meta property="article:published_time" content="2026-01-27T21:40:00+02:00"></head>
<body><article><h1>Drone strike on Sumy port</h1><p>{text}</p></article></body></html>"""


def page(text: str = "Two people were killed when a drone hit a warehouse in Sumy, the governor said.") -> bytes:
    return PAGE.format(text=text).encode("utf-8")


def write_warc(path: Path, responses: list[tuple[str, str, str | None, bytes]], *, gz: bool = True) -> Path:
    """A WARC with a warcinfo record, then a request and a response per (url, status, content type, body)."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "warledger tests"}))
        for number, (url, status, content_type, body) in enumerate(responses):
            date = f"2026-01-28T0{number % 10}:00:00Z"
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request,
                                                          warc_headers_dict={"WARC-Date": date}))
            headers = [("Content-Type", content_type)] if content_type else []
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                          warc_headers_dict={"WARC-Date": date}))
    return path


MIXED = [
    ("https://news.example/a", "200 OK", "text/html; charset=utf-8", page()),
    ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("https://news.example/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
    ("https://news.example/moved", "301 Moved Permanently", None, b""),
    ("https://news.example/b", "200 OK", "application/xhtml+xml", page("Three people were injured in Odesa.")),
]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_documents_and_the_rest_is_skipped(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), MIXED, gz=gz)
    items = list(warc_items(str(path)))
    assert [type(item).__name__ for item in items] == ["Document", "Skipped", "Skipped", "Skipped", "Document"]
    first, last = items[0], items[-1]
    assert isinstance(first, Document) and isinstance(last, Document)
    assert first.url == "https://news.example/a" and first.fetched == "2026-01-28T00:00:00Z"
    assert first.html == page().decode() and first.text is None and first.published is None
    assert last.url == "https://news.example/b" and "Odesa" in (last.html or "")
    assert [item.reason for item in items if isinstance(item, Skipped)] == [
        "not HTML: image/png", "HTTP status 404", "HTTP status 301"]
    # the source id names the record: path and byte offset, and reading from that offset starts with it
    offset = int(first.source_id.rsplit("#", 1)[1])
    assert first.source_id == f"{path}#{offset}"
    assert next(warc_items(str(path), start=offset)) == first


def test_read_sources_dispatches_warc_files_directories_and_globs(tmp_path: Path) -> None:
    write_warc(tmp_path / "one.warc.gz", MIXED)
    write_warc(tmp_path / "sub" / "two.warc", MIXED[:1], gz=False) if (tmp_path / "sub").mkdir() is None else None
    by_file = [d for d in read_sources([str(tmp_path / "one.warc.gz")]) if isinstance(d, Document)]
    assert len(by_file) == 2  # read_sources leaves skipped records out
    walked = [d.source_id.split("#")[0] for d in read_sources([str(tmp_path)])]
    assert walked == [str(tmp_path / "one.warc.gz")] * 2 + [str(tmp_path / "sub" / "two.warc")]
    globbed = list(read_sources([str(tmp_path / "**" / "*.warc*")]))
    assert sorted(d.source_id.split("#")[0] for d in globbed) == sorted(walked)
    [problem] = list(read_sources([str(tmp_path / "nothing-*.warc.gz")]))
    assert isinstance(problem, Problem) and problem.code == "E101"


def test_read_warc_counts_skipped_records_in_the_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", MIXED)
    with caplog.at_level("INFO", logger="warledger.ingest.warc"):
        documents = list(read_warc(str(path)))
    assert len(documents) == 2
    assert "2 HTML pages; 3 responses skipped" in caplog.text


def test_boundaries_cut_ranges_of_n_pages_that_together_read_the_whole_file(tmp_path: Path) -> None:
    pages = [(f"https://news.example/{n}", "200 OK", "text/html", page(f"Report number {n} from Kherson.")) for n in
             range(11)]
    path = write_warc(tmp_path / "crawl.warc.gz", pages[:4] + MIXED[1:4] + pages[4:])
    offsets, responses = warc_boundaries(str(path), every=4)
    assert responses == 14 and len(offsets) == 4 and offsets[0] == 0
    ranges = list(zip(offsets, [*offsets[1:], None], strict=True))
    pieces = [list(warc_items(str(path), start=start, stop=stop)) for start, stop in ranges]
    assert [len(piece) for piece in pieces] == [4, 4, 4, 2]
    assert [item for piece in pieces for item in piece] == list(warc_items(str(path)))


def test_publication_date_is_read_from_the_page_not_the_crawl(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", MIXED[:1])
    [doc] = list(read_warc(str(path)))
    assert isinstance(doc, Document)
    article = clean_document(doc)
    assert (article.published, article.published_source) == ("2026-01-27", "metadata")
    assert article.url == "https://news.example/a"


def test_charset_from_the_header_else_the_meta_tag_else_sniffed() -> None:
    body = "<html><body><p>Café in Kyiv</p></body></html>"
    assert decode_page(body.encode("cp1252"), "text/html; charset=windows-1252") == body
    meta = '<html><head><meta charset="koi8-u"></head><body>Київ</body></html>'
    assert decode_page(meta.encode("koi8-u"), "text/html") == meta
    assert decode_page(body.encode("utf-8"), "text/html; charset=no-such-charset") == body
    assert decode_page(b"\x00\x01\x02\x03" * 100, None) is None


def test_responses_without_a_content_type_are_sniffed(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example/html", "200 OK", None, page()),
        ("https://news.example/blob", "200 OK", None, b"just some words, not a page"),
    ])
    html, blob = list(warc_items(str(path)))
    assert isinstance(html, Document) and html.url == "https://news.example/html"
    assert isinstance(blob, Skipped) and blob.reason == "not HTML: no content type"


def test_a_page_over_the_size_limit_is_a_problem_and_the_next_page_is_read(tmp_path: Path) -> None:
    big = page("Kharkiv. " * 20_000)
    path = write_warc(tmp_path / "crawl.warc.gz", [("https://news.example/big", "200 OK", "text/html", big),
                                                    MIXED[0]])
    problem, doc = list(warc_items(str(path), max_mb=0.1))
    assert isinstance(problem, Problem) and problem.code == "E105" and problem.source.startswith(f"{path}#")
    assert isinstance(doc, Document)


def test_unreadable_archives_are_problems(tmp_path: Path) -> None:
    not_warc = tmp_path / "page.warc"
    not_warc.write_text("<html><body>not an archive</body></html>", encoding="utf-8")
    [problem] = list(read_sources([str(not_warc)]))
    assert isinstance(problem, Problem) and problem.code == "E112"

    plain = write_warc(tmp_path / "plain.warc", MIXED, gz=False)
    whole = tmp_path / "whole.warc.gz"  # gzipped as one stream, not record by record: warcio cannot seek it
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    items = list(read_sources([str(whole)]))
    assert isinstance(items[-1], Problem) and items[-1].code == "E112" and "recompress" in items[-1].message

    truncated = tmp_path / "cut.warc.gz"
    data = write_warc(tmp_path / "full.warc.gz", MIXED).read_bytes()
    truncated.write_bytes(data[: len(data) - 300])
    items = list(warc_items(str(truncated)))
    assert isinstance(items[0], Document)  # what comes before the damage is kept
    assert isinstance(items[-1], Problem) and items[-1].code == "E112"
    with pytest.raises(Exception, match="E112"):
        warc_boundaries(str(not_warc), every=10)
