"""Events (fused incidents) in the API: ``/api/events`` and ``/api/events/{id}``, when the ledger has them.

Public and stable: the paths and the JSON shape (the ``event`` record of docs/fusion.md). The events themselves are
the fusion stage's (``warledger.store.events``); this module only adapts them. When that module is not installed
the routes answer 404 with a message saying so, and ``/api/config`` reports ``events: false``.
"""
from __future__ import annotations

import dataclasses
import importlib
import logging
from types import ModuleType
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from warledger.records import Event
from warledger.serve.errors import ApiError, responses
from warledger.serve.models import LocationModel, Page
from warledger.serve.paging import DEFAULT_LIMIT, PageWindow
from warledger.serve.read_routes import Cursor, Limit, incident_filter
from warledger.serve.state import ledger_of, state_of
from warledger.store import IncidentFilter, Ledger

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["events"])


class TollPointModel(BaseModel):
    article_id: str
    incident_id: str
    publisher: str | None
    published: str | None
    min: int | None
    max: int | None
    qualifier: str
    attributed_to: list[str]
    evidence: str | None


class TollModel(BaseModel):
    low: int | None
    best: int | None
    high: int | None
    history: list[TollPointModel]


class EventMemberModel(BaseModel):
    incident_id: str
    article_id: str
    publisher: str | None
    published: str | None
    score: float | None
    reasons: list[str]
    linked_to: str | None


class EventModel(BaseModel):
    """One real-world incident seen in one or more reports (docs/fusion.md)."""

    type: str = "event"
    id: str
    date: str | None
    date_precision: str
    event_type: str | None
    weapon: str | None
    location: LocationModel | None
    perpetrator: str | None
    targets: list[str]
    killed: TollModel | None
    injured: TollModel | None
    missing: TollModel | None
    members: list[EventMemberModel]
    first_published: str | None
    last_published: str | None
    supersedes: list[str]

    @classmethod
    def of(cls, event: Event) -> EventModel:
        return cls.model_validate(event.to_dict())


class EventPage(Page):
    items: list[EventModel]


class EventSource:
    """The fusion stage's events of one ledger, through ``warledger.store.events``."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module

    def count(self, ledger: Ledger) -> int:
        """Stored events (0 before the first fusion)."""
        if not ledger.sql("SELECT 1 FROM information_schema.tables WHERE table_name = 'events'"):
            return 0
        return int(ledger.sql("SELECT count(*) AS n FROM events")[0]["n"])

    def find(self, ledger: Ledger, where: IncidentFilter, *, limit: int | None, offset: int) -> list[Event]:
        """Events matching the incident filter (applied to the events' own fields), in its order."""
        found: list[Event] = self.module.load_events(ledger, filters=dataclasses.replace(where, limit=limit,
                                                                                         offset=offset))
        return found

    def get(self, ledger: Ledger, event_id: str) -> Event | None:
        found: Event | None = self.module.event_detail(ledger, event_id)
        return found

    def refresh(self, ledger: Ledger) -> None:
        """Fuse the incidents that are in no event yet (what was just stored, or ingested while the server was
        down), when the fusion stage offers an incremental update."""
        update = getattr(self.module, "update_events", None)
        if update is not None:
            stats = update(ledger)
            log.info("events updated: %s", stats)


def source_for(ledger: Ledger) -> EventSource | None:
    """The events of ``ledger``, or None when the fusion stage's store module is not there."""
    try:
        module = importlib.import_module("warledger.store.events")
    except ModuleNotFoundError as err:
        if err.name != "warledger.store.events":
            raise
        log.info("warledger.store.events is not installed: serving no events")
        return None
    return EventSource(module)


def _source(request: Request) -> EventSource:
    source = state_of(request).events
    if source is None:
        raise ApiError(404, "not_found", "this server has no fused events (warledger.store.events is missing); "
                       "use /api/incidents")
    return source


LedgerDep = Annotated[Ledger, Depends(ledger_of)]


@router.get("/events", response_model=EventPage, responses=responses(400, 404, 422), summary="List events")
def list_events(request: Request, ledger: LedgerDep, where: Annotated[IncidentFilter, Depends(incident_filter)],
                cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> Any:
    """Fused events matching the incident filters (on the event's date, place, type and best tolls)."""
    source = _source(request)
    window = PageWindow.of(request, cursor=cursor, limit=limit)
    found = source.find(ledger, where, limit=window.fetch_size(), offset=window.offset)
    next_cursor, next_url = window.links(request, len(found))
    items = found[:limit]
    return EventPage(items=[EventModel.of(e) for e in items], count=len(items), next=next_url, cursor=next_cursor)


@router.get("/events/{event_id}", response_model=EventModel, responses=responses(404, 422), summary="One event")
def get_event(request: Request, event_id: str, ledger: LedgerDep) -> EventModel:
    """One event with its member reports, why they were merged, and each toll's history."""
    event = _source(request).get(ledger, event_id)
    if event is None:
        raise ApiError(404, "not_found", f"no event {event_id!r}; list them at /api/events")
    return EventModel.of(event)

