"""Atom feeds of watches (``/feeds/{name}.atom``) and the list of watches (``/api/watches``).

Public and stable: one Atom 1.0 feed per watch (RFC 4287). An entry is a matching incident: its id is
``urn:warledger:incident:<id>``, its title says what and where ("2 killed, 5 injured: Air/drone strike in Odesa,
Odesa Oblast"), ``updated`` is when its article was ingested, its link opens the incident in the dashboard and its
summary quotes the evidence. The newest ``FEED_SIZE`` matches are listed. XML is built with ElementTree, so every
value is escaped.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from warledger.serve.errors import ApiError, responses
from warledger.serve.models import WatchModel
from warledger.serve.state import AppState, state_of
from warledger.serve.watches import Match, Watch, WatchStore

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50

router = APIRouter()


def _stamp(moment: datetime) -> str:
    """RFC 3339 in UTC; DuckDB's current_timestamp is naive UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def entry_title(match: Match) -> str:
    incident = match.incident
    tolls = [f"{count.value} {name}" for name, count in (("killed", incident.killed), ("injured", incident.injured))
             if count is not None and count.value is not None]
    where = incident.location
    place = ", ".join(p for p in (where.name, where.admin1) if p) if where else ""
    what = incident.event_type or "Incident"
    return f"{', '.join(tolls) + ': ' if tolls else ''}{what}{' in ' + place if place else ''}"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def render_feed(watch: Watch, matches: list[Match], *, base_url: str) -> bytes:
    """The Atom document for a watch and its matches (newest first)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", f"urn:warledger:watch:{watch.name}")
    _add(feed, "title", f"warledger watch {watch.name}: {watch.describe()}")
    updated = max([m.ingested_at for m in matches], default=watch.created_at)
    _add(feed, "updated", _stamp(updated))
    _add(_add(feed, "author"), "name", "warledger")
    _add(feed, "link", rel="self", href=f"{base_url}/feeds/{watch.name}.atom", type="application/atom+xml")
    _add(feed, "link", rel="alternate", href=f"{base_url}/", type="text/html")
    _add(feed, "generator", "warledger")
    for match in matches:
        incident = match.incident
        entry = _add(feed, "entry")
        _add(entry, "id", f"urn:warledger:incident:{incident.id}")
        _add(entry, "title", entry_title(match))
        _add(entry, "updated", _stamp(match.ingested_at))
        _add(entry, "link", rel="alternate", href=f"{base_url}/#/incident/{incident.id}", type="text/html")
        if match.url:
            _add(entry, "link", rel="via", href=match.url)
        if incident.date:
            _add(entry, "category", term=incident.event_type or "incident", label=f"on {incident.date}")
        quotes = [e.text for e in incident.evidence if e.field in ("incident", "killed", "injured")]
        source = f" ({match.publisher}: {match.title})" if match.title else ""
        _add(entry, "summary", (" … ".join(dict.fromkeys(quotes)) or entry_title(match)) + source)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _store(state: AppState) -> WatchStore:
    if state.watches is None:
        raise ApiError(503, "unavailable", "the server is starting or stopping; retry soon")
    return state.watches


State = Annotated[AppState, Depends(state_of)]


def _masked(url: str | None) -> str | None:
    """A webhook URL without its path and query (they often hold a secret): "https://hooks.example.org/…"."""
    if url is None:
        return None
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/')[0].split('?')[0]}/…"


@router.get("/feeds/{name}.atom", tags=["feeds"], summary="Atom feed of a watch",
            responses={200: {"content": {"application/atom+xml": {"schema": {"type": "string"}}},
                             "description": "An Atom 1.0 feed"}, **responses(404, 422)},
            response_class=Response)
def watch_feed(request: Request, state: State,
               name: Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]) -> Response:
    """The newest incidents matching the watch saved by ``warledger watch add NAME ...``."""
    store = _store(state)
    watch = store.get(name)
    if watch is None:
        raise ApiError(404, "not_found", f"no watch {name!r}; add one with `warledger watch add {name} ...`")
    base = str(request.base_url).rstrip("/")
    body = render_feed(watch, store.matches(watch, limit=FEED_SIZE), base_url=base)
    return Response(body, media_type="application/atom+xml")


@router.get("/api/watches", response_model=list[WatchModel], tags=["feeds"], summary="List watches")
def list_watches(state: State) -> list[WatchModel]:
    """Every saved watch, with its feed path and how its webhook deliveries stand."""
    store = _store(state)
    out = []
    for watch in store.all():
        counts = store.delivery_counts(watch.name)
        out.append(WatchModel(name=watch.name, filters=watch.filters, webhook=_masked(watch.webhook),
                              created_at=_stamp(watch.created_at), feed=f"/feeds/{watch.name}.atom", **counts))
    return out
