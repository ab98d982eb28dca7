"""Webhook delivery of new watch matches: a background thread that POSTs each match once, with retries and backoff.

Public and stable: ``Dispatcher`` (``start``, ``notify``, ``run_once``, ``stop``) and the payload::

    {"watch": "odesa", "filters": {...}, "incident": <incident record, output contract>,
     "article": {"id", "title", "url", "publisher"}, "feed": "/feeds/odesa.atom"}

Ingest never waits for delivery: it calls ``notify()``, which only sets a flag; the thread wakes, asks the watch
store for undelivered matches and posts them one by one. A receiver that answers 2xx has the match; anything else
(an error status, a refused connection, a timeout) is retried after ``backoff``, ``2 * backoff``, ... seconds, up to
``retries`` attempts in a round; then the match waits for the next round (see ``watches``). Only the standard
library is used to post, so the server needs no HTTP client package.
"""
from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from warledger.serve.watches import Match, Watch, WatchStore

log = logging.getLogger(__name__)

Poster = Callable[[str, bytes, float], int]
"""Posts a JSON body to a URL with a timeout; returns the HTTP status (raises OSError when unreachable)."""


def post_json(url: str, body: bytes, timeout: float) -> int:
    """POST ``body`` as JSON; the response status (error statuses too)."""
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "User-Agent": "warledger-webhook"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked on add
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def payload(watch: Watch, match: Match) -> dict[str, Any]:
    """What a webhook receives for one match."""
    return {
        "watch": watch.name,
        "filters": watch.filters,
        "incident": match.incident.to_dict(),
        "article": {"id": match.incident.article_id, "title": match.title, "url": match.url,
                    "publisher": match.publisher},
        "feed": f"/feeds/{watch.name}.atom",
    }


class Dispatcher:
    """Delivers new matches of every watch that has a webhook, in a daemon thread."""

    def __init__(self, store: WatchStore, *, retries: int = 4, backoff: float = 0.5, timeout: float = 10.0,
                 poster: Poster = post_json) -> None:
        self.store = store
        self.retries = max(1, retries)
        self.backoff = backoff
        self.timeout = timeout
        self.poster = poster
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0
        """Completed delivery rounds (for tests and monitoring)."""

    def start(self) -> None:
        """Start the thread; it runs one round at once (matches stored while the server was down)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="warledger-webhooks", daemon=True)
        self._wake.set()
        self._thread.start()

    def notify(self) -> None:
        """New data is stored: deliver what matches. Returns at once."""
        self._wake.set()

    def stop(self, *, timeout: float = 5.0) -> None:
        """Stop the thread (a delivery in flight finishes or times out first)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.run_once()
            except Exception:  # the thread must survive a bad round; the next notify tries again
                log.exception("webhook delivery round failed")

    def run_once(self) -> int:
        """One round over every watch with a webhook; returns the matches delivered."""
        delivered = 0
        for watch in self.store.all():
            if watch.webhook is None:
                continue
            for match in self.store.undelivered(watch):
                if self._stop.is_set():
                    return delivered
                delivered += self._deliver(watch, match)
        self.rounds += 1
        return delivered

    def _deliver(self, watch: Watch, match: Match) -> bool:
        assert watch.webhook is not None
        body = json.dumps(payload(watch, match), ensure_ascii=False, default=str).encode("utf-8")
        error: str | None = None
        attempt = 0
        for attempt in range(1, self.retries + 1):
            try:
                status = self.poster(watch.webhook, body, self.timeout)
            except OSError as err:
                error = f"{type(err).__name__}: {err}"
            else:
                if 200 <= status < 300:
                    self.store.record(watch, match.incident.id, delivered=True, attempts=attempt, error=None)
                    log.info("webhook %s: delivered %s (attempt %d)", watch.name, match.incident.id, attempt)
                    return True
                error = f"HTTP {status}"
            log.warning("webhook %s: %s for %s (attempt %d of %d)", watch.name, error, match.incident.id, attempt,
                        self.retries)
            if attempt < self.retries and self._stop.wait(self.backoff * 2 ** (attempt - 1)):
                break
        status_now = self.store.record(watch, match.incident.id, delivered=False, attempts=attempt, error=error)
        log.warning("webhook %s: %s is %s after %d attempt(s)", watch.name, match.incident.id, status_now, attempt)
        return False
