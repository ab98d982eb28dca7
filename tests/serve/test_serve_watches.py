"""Watches: the CLI, the Atom feed (parsed with feedparser), and webhook delivery (once each, retries, no blocking)."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import serve_samples
from conftest import TOKEN
from fastapi.testclient import TestClient

from warledger.cli import main as cli
from warledger.errors import ConfigError
from warledger.serve import create_app
from warledger.serve.watches import WatchStore
from warledger.serve.webhooks import Dispatcher
from warledger.store import Ledger

feedparser = pytest.importorskip("feedparser")

NEW_ODESA = serve_samples.Event("A drone struck Dockside overnight, killing six people.", "Dockside", "Odesa Oblast",
                                46.5, 30.7, "2026-03-20", "Air/drone strike", 6, None, "six")
NEW_LVIV = serve_samples.Event("A missile hit Hilltown, killing one person.", "Hilltown", "Lviv Oblast", 49.8, 24.0,
                               "2026-03-20", "Shelling/artillery/missile attack", 1, None, "one")


class Receiver:
    """A webhook receiver on 127.0.0.1: answers 500 to the first ``fail_first`` posts, then 204; can hold posts."""

    def __init__(self, *, fail_first: int = 0) -> None:
        self.fail_first = fail_first
        self.received: list[dict[str, Any]] = []
        self.attempts = 0
        self.release = threading.Event()
        self.release.set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.release.wait(20)
                receiver.attempts += 1
                if receiver.attempts <= receiver.fail_first:
                    self.send_response(500)
                else:
                    receiver.received.append(json.loads(body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def wait_for(condition: Any, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver(fail_first=1) as running:
        yield running


def test_cli_adds_lists_and_removes_watches(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["watch", "add", "odesa", "--db", str(sample_db), "--oblast", "Odesa", "--min-killed", "1"]) == 0
    assert "/feeds/odesa.atom" in capsys.readouterr().out
    assert cli(["watch", "list", "--db", str(sample_db), "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["name"] == "odesa" and listed[0]["filters"] == "min_killed=1, oblast=Odesa"
    assert cli(["watch", "add", "odesa", "--db", str(sample_db)]) == 1
    assert "exists" in capsys.readouterr().err
    assert cli(["watch", "add", "bad name", "--db", str(sample_db)]) == 1
    assert cli(["watch", "add", "w2", "--db", str(sample_db), "--webhook", "ftp://example.org"]) == 1
    assert cli(["watch", "remove", "odesa", "--db", str(sample_db)]) == 0
    assert cli(["watch", "remove", "odesa", "--db", str(sample_db)]) == 1


def test_bad_filters_are_refused(sample_db: Path) -> None:
    with Ledger(sample_db) as ledger:
        store = WatchStore(ledger)
        with pytest.raises(ConfigError):
            store.add("x", filters={"since": "not-a-date"})
        with pytest.raises(ConfigError):
            store.add("x", filters={"colour": "red"})
        assert store.all() == []


def test_the_feed_is_valid_atom_with_the_matching_incidents(sample_db: Path) -> None:
    with Ledger(sample_db) as ledger:
        WatchStore(ledger).add("odesa", filters={"oblast": "Odesa", "min_killed": 1})
    with TestClient(create_app(sample_db), raise_server_exceptions=False) as client:
        response = client.get("/feeds/odesa.atom")
        assert response.status_code == 200 and response.headers["content-type"] == "application/atom+xml"
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10"
        assert feed.feed.title == "warledger watch odesa: min_killed=1, oblast=Odesa"
        assert {e.id for e in feed.entries} == {"urn:warledger:incident:inc-odesa-0",
                                                "urn:warledger:incident:inc-harbour-0"}
        harbour = next(e for e in feed.entries if e.id.endswith("inc-harbour-0"))
        assert harbour.title == "12 killed: Air/drone strike in Harbourview, Odesa Oblast"
        assert harbour.link.endswith("/#/incident/inc-harbour-0")
        assert "At least 12 people died" in harbour.summary
        missing = client.get("/feeds/nope.atom")
        assert missing.status_code == 404 and missing.json()["error"] == "not_found"
        watches = client.get("/api/watches").json()
        assert watches[0]["feed"] == "/feeds/odesa.atom" and watches[0]["delivered"] == 0


def test_markup_in_a_matching_article_is_escaped_in_the_feed(sample_db: Path) -> None:
    with Ledger(sample_db) as ledger:
        WatchStore(ledger).add("sumy", filters={"oblast": "Sumy"})
    with TestClient(create_app(sample_db)) as client:
        raw = client.get("/feeds/sumy.atom").text
    assert "<script>" not in raw and "<img" not in raw and "&lt;img" in raw
    entry = feedparser.parse(raw).entries[0]
    assert entry.id == "urn:warledger:incident:inc-hostile-0"


def test_new_matches_are_delivered_once_after_a_failed_attempt(sample_db: Path, receiver: Receiver) -> None:
    with Ledger(sample_db) as ledger:
        store = WatchStore(ledger)
        watch = store.add("odesa", filters={"oblast": "Odesa", "min_killed": 1}, webhook=receiver.url)
        dispatcher = Dispatcher(store, retries=3, backoff=0.05, timeout=5)
        assert dispatcher.run_once() == 0  # matches stored before the watch are not "new"
        ledger.add_many([serve_samples.new_article("dock", NEW_ODESA, "2026-03-20"),
                         serve_samples.new_article("hill", NEW_LVIV, "2026-03-20")])
        assert dispatcher.run_once() == 1
        assert receiver.attempts == 2  # the first attempt got a 500, the retry got through
        assert [p["incident"]["id"] for p in receiver.received] == ["inc-dock-0"]
        payload = receiver.received[0]
        assert payload["watch"] == "odesa" and payload["article"]["url"] == "https://example.org/dock"
        assert payload["incident"]["killed"] == {"min": 6, "max": 6, "qualifier": "exact"}
        assert dispatcher.run_once() == 0 and receiver.attempts == 2  # once each
        assert store.delivered_ids(watch.name) == ["inc-dock-0"]


def test_a_receiver_that_never_answers_well_ends_failed_after_bounded_rounds(sample_db: Path) -> None:
    calls: list[str] = []

    def refuse(url: str, body: bytes, timeout: float) -> int:
        calls.append(url)
        raise ConnectionRefusedError("nobody listens")

    with Ledger(sample_db) as ledger:
        store = WatchStore(ledger)
        store.add("all", filters={}, webhook="http://127.0.0.1:9/hook")
        ledger.add(serve_samples.new_article("dock", NEW_ODESA, "2026-03-20"))
        dispatcher = Dispatcher(store, retries=2, backoff=0.01, poster=refuse)
        for _ in range(5):
            dispatcher.run_once()
        assert len(calls) == 2 * 3  # MAX_ROUNDS rounds of 2 attempts, then no more
        assert store.delivery_counts("all") == {"delivered": 0, "pending": 0, "failed": 1}


def test_ingest_through_the_api_does_not_wait_for_the_webhook(tmp_path: Path) -> None:
    db = tmp_path / "hooks.duckdb"
    with Receiver() as slow:
        slow.release.clear()  # the receiver holds every post until released
        with Ledger(db) as ledger:
            WatchStore(ledger).add("any", filters={"min_killed": 1}, webhook=slow.url)
        app = create_app(db, token=TOKEN, webhook_backoff=0.05)
        with TestClient(app) as client:
            text = ("Drone strike kills three in Odesa\n\nA Russian drone strike on Odesa killed three people on "
                    "Monday, regional governor Oleh Kiper said on Telegram.\n")
            response = client.post("/api/documents", json={"text": text, "published": "2026-03-10"},
                                   headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 201 and response.json()["incidents"] >= 1
            assert slow.received == []  # the answer came while the receiver still held the delivery
            slow.release.set()
            assert wait_for(lambda: len(slow.received) >= 1), "the webhook was not delivered within 20 s"
            assert slow.received[0]["watch"] == "any"
            assert wait_for(lambda: client.get("/api/watches").json()[0]["delivered"] >= 1)
