"""What the app holds while it runs: the open ledger, its settings, the watch store and the webhook dispatcher.

Internal: routes reach these through the dependencies ``ledger_of`` and ``state_of``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request

from warledger.serve.errors import ApiError
from warledger.store import Ledger

if TYPE_CHECKING:
    from warledger.serve.events import EventSource
    from warledger.serve.watches import WatchStore
    from warledger.serve.webhooks import Dispatcher


@dataclass
class Settings:
    """How ``create_app`` was configured."""

    db_path: str
    """The DuckDB ledger the server reads and writes."""
    token: str | None = None
    """The bearer token that ``POST /api/documents`` requires; None disables writes (503)."""
    max_body_mb: float = 20.0
    """Request bodies larger than this are refused with 413."""
    tiles: str | None = None
    """An online tile URL template ({z}/{x}/{y}) for the dashboard map; None (the default) draws offline outlines."""
    webhook_retries: int = 4
    """Attempts per webhook delivery before a match is set aside until the next ingest."""
    webhook_backoff: float = 0.5
    """Seconds before the first retry; each retry waits twice as long as the one before."""
    webhook_timeout: float = 10.0
    """Seconds a webhook receiver may take to answer."""


@dataclass
class AppState:
    """Everything a running app shares between requests."""

    settings: Settings
    ledger: Ledger | None = None
    watches: WatchStore | None = None
    dispatcher: Dispatcher | None = None
    events: EventSource | None = field(default=None)


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.warledger
    return state


def ledger_of(request: Request) -> Ledger:
    """The open ledger; 503 while the app is not started (lifespan not run)."""
    ledger = state_of(request).ledger
    if ledger is None:
        raise ApiError(503, "unavailable", "the ledger is not open; the server is starting or stopping, retry soon")
    return ledger
