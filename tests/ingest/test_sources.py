"""read_sources: every kind of input, and every kind of bad input as a coded Problem (never an exception)."""
from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest

from warledger.ingest import read_sources
from warledger.records import Document, Problem

PAGE = "Drone strike hits depot in Kharkiv\n\nThree workers were killed overnight, the governor said.\n"
HTML = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Three workers were killed.</p></body></html>"


def read(*paths: object, **options: object) -> list[Document | Problem]:
    return list(read_sources([str(p) for p in paths], **options))  # type: ignore[arg-type]


def only_problem(items: list[Document | Problem]) -> Problem:
    assert len(items) == 1 and isinstance(items[0], Problem), items
    return items[0]


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read(path, published="2026-01-28")
    assert doc == Document(source_id=str(path), text=PAGE, published="2026-01-28")


def test_html_by_extension_and_by_content(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HTML, encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    a, b, c = read(tmp_path / "a.html", tmp_path / "b.txt", tmp_path / "c.html")
    assert isinstance(a, Document) and a.html == HTML and a.text is None
    assert isinstance(b, Document) and b.html == HTML
    assert isinstance(c, Document) and c.text == PAGE and c.html is None  # named .html, but no tag in it


def test_missing_file() -> None:
    problem = only_problem(read("/nonexistent/dir/page.txt"))
    assert problem.code == "E101" and "no such file" in problem.message


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    assert only_problem(read(tmp_path / "empty.txt")).code == "E102"
    assert only_problem(read(tmp_path / "blank.txt")).code == "E102"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        gzip.compress(PAGE.encode("utf-8")),
        bytes(range(0, 32)) * 20,
    ],
    ids=["png", "gzip-named-txt", "control-bytes"],
)
def test_binary_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    problem = only_problem(read(path))
    assert problem.code == "E103" and "binary" in problem.message


def test_latin1_and_cp1252(tmp_path: Path) -> None:
    text = "Café owners in Kherson said the “shelling” hit the façade twice. Prices rose 5 €."
    (tmp_path / "l1.txt").write_bytes("Café owners in Kherson reopened.".encode("latin-1"))
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    l1, cp = read(tmp_path / "l1.txt", tmp_path / "cp.txt")
    assert isinstance(l1, Document) and l1.text == "Café owners in Kherson reopened."
    assert isinstance(cp, Document) and cp.text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode(encoding))
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.text == PAGE


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.txt"
    path.write_bytes("Три человека пострадали в результате атаки на порт.".encode("cp1251"))
    problem = only_problem(read(path))
    assert problem.code == "E104" and "UTF-8" in problem.message


def test_too_large_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    problem = only_problem(read(path))
    assert time.perf_counter() - started < 0.5
    assert problem.code == "E105" and "50.0 MB" in problem.message and "20.0 MB" in problem.message
    assert only_problem(read(path, max_mb=60)).code == "E103"  # now read: all NUL bytes


def test_jsonl_with_malformed_line_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": PAGE, "url": "https://news.example/a1", "publisher": "Ledger"}),
        '{"id": "a2", "text": "broken',
        "",
        json.dumps({"id": "a3", "html": HTML, "published": "2025-05-05"}),
        json.dumps({"id": "a4", "title": "no body"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": PAGE}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path, published="2026-01-01")
    kinds = ["Document", "Problem", "Document", "Problem", "Problem", "Document"]
    assert [type(item).__name__ for item in items] == kinds
    a1, bad, a3, no_body, not_object, unnamed = items
    assert isinstance(a1, Document) and (a1.source_id, a1.url, a1.publisher, a1.published) == (
        "a1",
        "https://news.example/a1",
        "Ledger",
        "2026-01-01",
    )
    assert isinstance(bad, Problem) and (bad.code, bad.line) == ("E106", 2) and "line 2" in bad.message
    assert isinstance(a3, Document) and a3.html == HTML and a3.published == "2025-05-05"
    assert isinstance(no_body, Problem) and (no_body.code, no_body.line) == ("E107", 5)
    assert isinstance(not_object, Problem) and (not_object.code, not_object.line) == ("E106", 6)
    assert isinstance(unnamed, Document) and unnamed.source_id == f"{path}:7"


def test_jsonl_gz_and_json_array(tmp_path: Path) -> None:
    gz = tmp_path / "docs.jsonl.gz"
    gz.write_bytes(gzip.compress((json.dumps({"id": "g1", "text": PAGE}) + "\n").encode("utf-8")))
    array = tmp_path / "docs.json"
    array.write_text(json.dumps([{"id": "j1", "text": PAGE}, {"id": "j2"}]), encoding="utf-8")
    g1, j1, j2 = read(gz, array)
    assert isinstance(g1, Document) and g1.source_id == "g1"
    assert isinstance(j1, Document) and j1.source_id == "j1"
    assert isinstance(j2, Problem) and j2.code == "E107"


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "x", "text": "hello there"}\n')[:-12])
    assert any(isinstance(item, Problem) and item.code == "E111" for item in read(path))


def test_directory_recursion_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / "1.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / "0.HTM").write_text(HTML, encoding="utf-8")
    (tmp_path / "a" / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden" / "x.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "top.jsonl").write_text(json.dumps({"id": "t", "text": PAGE}) + "\n", encoding="utf-8")
    ids = [item.source_id for item in read(tmp_path) if isinstance(item, Document)]
    assert ids == [str(tmp_path / "a" / "0.HTM"), str(tmp_path / "a" / "1.md"), str(tmp_path / "b" / "2.txt"), "t"]


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    assert only_problem(read(tmp_path)).code == "E108"


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    [doc] = read("-", published="2026-01-28")
    assert doc == Document(source_id="-", text=PAGE, published="2026-01-28")


def test_stdin_jsonl_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(json.dumps({"id": f"s{i}", "text": PAGE * 40}) + "\n" for i in range(30))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8"))))
    items = read("-")
    assert [item.source_id for item in items if isinstance(item, Document)] == [f"s{i}" for i in range(30)]


def test_stdin_empty_and_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert only_problem(read("-")).code == "E102"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8") * 2000)))
    assert only_problem(read("-", max_mb=0.01)).code == "E105"


def test_problems_print_as_one_line(tmp_path: Path) -> None:
    problem = only_problem(read(tmp_path / "missing.txt"))
    assert str(problem).count("\n") == 0 and str(problem).endswith("[E101]")


def test_gzipped_html_and_undecodable_jsonl_line(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(HTML.encode("utf-8")))
    jsonl = tmp_path / "mixed.jsonl"
    bad_line = '{"id": "c", "text": "Три человека пострадали в порту и на складе"}'.encode("cp1251")
    good_line = json.dumps({"id": "ok", "text": PAGE}).encode("utf-8")
    jsonl.write_bytes(bad_line + b"\n" + good_line + b"\n")
    bad, good, html_doc = read(tmp_path)
    assert isinstance(html_doc, Document) and html_doc.html == HTML
    assert isinstance(bad, Problem) and (bad.code, bad.line) == ("E104", 1)
    assert isinstance(good, Document) and good.source_id == "ok"
