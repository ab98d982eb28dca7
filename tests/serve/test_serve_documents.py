"""POST /api/documents: the token, the size limit, the body types, and real extraction into the ledger."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TOKEN
from fastapi.testclient import TestClient

from warledger.serve import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = (
    "Drone strike kills three in Odesa\n\n"
    "A Russian drone strike on Odesa killed three people and injured seven on Monday, regional governor "
    "Oleh Kiper said on Telegram.\n"
)


@pytest.fixture
def small_limit(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(tmp_path / "small.duckdb", token=TOKEN, max_body_mb=0.001)  # about 1 kB
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_no_token_configured_means_writes_are_disabled(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "ro.duckdb")) as test_client:
        response = test_client.post("/api/documents", json={"text": PAGE}, headers=AUTH)
        assert response.status_code == 503
        assert response.json()["error"] == "writes_disabled" and "WARLEDGER_TOKEN" in response.json()["detail"]
        assert test_client.get("/api/config").json()["writes_enabled"] is False


def test_missing_or_wrong_token(client: TestClient) -> None:
    missing = client.post("/api/documents", json={"text": PAGE})
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["error"] == "unauthorized"
    wrong = client.post("/api/documents", json={"text": PAGE}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.json()["error"] == "forbidden"
    basic = client.post("/api/documents", json={"text": PAGE}, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert client.get("/api/summary").json()["articles"] == 5  # nothing was written


def test_a_body_over_the_limit_is_a_clear_413(small_limit: TestClient) -> None:
    big = {"text": "word " * 2000}
    response = small_limit.post("/api/documents", json=big, headers=AUTH)
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large" and "MB limit" in response.json()["detail"]


def test_a_streamed_body_without_length_is_cut_off_too(small_limit: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(50):
            yield b"x" * 100

    response = small_limit.post("/api/documents", content=chunks(), headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 413


def test_an_unauthorised_big_body_is_refused_for_the_token_first(small_limit: TestClient) -> None:
    assert small_limit.post("/api/documents", json={"text": "word " * 2000}).status_code == 401


@pytest.mark.parametrize(("body", "content_type", "status"), [
    (b"{not json", "application/json", 400),
    (b"<a/>", "application/xml", 415),
    (b"   ", "text/plain", 400),
    (b"\xff\xfe\x00bad", "text/plain", 400),
])
def test_unusable_bodies(client: TestClient, body: bytes, content_type: str, status: int) -> None:
    response = client.post("/api/documents", content=body, headers={**AUTH, "Content-Type": content_type})
    assert response.status_code == status
    assert response.json()["detail"]


def test_json_documents_are_extracted_stored_and_not_stored_twice(client: TestClient) -> None:
    document = {"id": "wire-1", "text": PAGE, "published": "2026-03-10", "publisher": "Test Wire",
                "url": "https://example.org/wire-1"}
    first = client.post("/api/documents", json=[document, {"id": "empty"}], headers=AUTH)
    assert first.status_code == 201, first.text
    report = first.json()
    assert report["articles_added"] == 1 and report["incidents"] >= 1
    assert report["problems"] and report["problems"][0]["code"] == "E107"  # the object without text
    article_id = report["article_ids"][0]
    stored = client.get(f"/api/articles/{article_id}").json()
    assert stored["source_id"] == "wire-1" and stored["publisher"] == "Test Wire"
    incidents = client.get(f"/api/incidents?article_id={article_id}").json()["items"]
    assert any(i["location"] and i["location"]["admin1"] == "Odesa Oblast" for i in incidents)
    again = client.post("/api/documents", json=document, headers=AUTH)
    assert again.status_code == 200 and again.json()["duplicates"] == 1 and again.json()["articles_added"] == 0


def test_plain_text_html_and_json_lines_bodies(client: TestClient) -> None:
    plain = client.post("/api/documents?id=plain-1&published=2026-03-10", content=PAGE.encode(),
                        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
    assert plain.status_code == 201 and plain.json()["articles_added"] == 1
    html = ("<html><head><title>Shelling in Kharkiv</title></head><body><article><h1>Shelling in Kharkiv</h1>"
            "<p>Russian shelling of Kharkiv killed two people on Sunday, the regional governor said.</p>"
            "</article></body></html>")
    page = client.post("/api/documents?published=2026-03-09", content=html.encode(),
                       headers={**AUTH, "Content-Type": "text/html"})
    assert page.status_code == 201, page.text
    lines = "\n".join(json.dumps({"id": f"line-{n}", "text": f"{PAGE} Line {n}."}) for n in range(2))
    jsonl = client.post("/api/documents", content=lines.encode(),
                        headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert jsonl.status_code == 201 and jsonl.json()["articles_added"] == 2
    assert client.get("/api/summary").json()["articles"] == 5 + 4
