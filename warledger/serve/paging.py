"""Cursor pagination and output formats for the list endpoints.

Public and stable: the cursor is opaque to clients (base64url text that they pass back as ``?cursor=``); what it
holds may change. Today it holds the offset of the next page and a fingerprint of the query it belongs to, so a
cursor replayed with other filters or another order is refused (400) instead of silently paging a different list.

Formats: ``?format=json|csv|geojson`` wins; without it the ``Accept`` header decides (``text/csv``,
``application/geo+json``), else JSON. CSV and GeoJSON are written by ``warledger.export`` (same columns and rules as
``warledger export``); they hold one page, and the next page's URL travels in a ``Link: <...>; rel="next"`` header.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from warledger.export.columns import ARTICLE_FIELDS, Source, column_set
from warledger.export.exporter import WRITERS
from warledger.serve.errors import ApiError
from warledger.store import Ledger
from warledger.store import rows as flat

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
PAGING_PARAMS = frozenset({"cursor", "limit", "format", "columns"})
"""Query parameters that do not change which list a cursor walks."""

MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json", "json": "application/json"}


def fingerprint(params: Mapping[str, str], path: str) -> str:
    """A short hash of the path and of the query parameters that select and order the list."""
    chosen = sorted((k, v) for k, v in params.items() if k not in PAGING_PARAMS)
    return hashlib.sha1(json.dumps([path, chosen]).encode()).hexdigest()[:12]


def encode_cursor(offset: int, print_: str) -> str:
    raw = json.dumps({"o": offset, "q": print_}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, print_: str) -> int:
    """The offset a cursor stands for; 0 without one. A foreign or damaged cursor is a 400."""
    if not cursor:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset, owner = data["o"], data["q"]
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise ApiError(400, "bad_cursor", "the cursor is not one this server gave out; "
                       "start again without ?cursor= and follow the `next` links") from exc
    if owner != print_ or not isinstance(offset, int) or offset < 0:
        raise ApiError(400, "bad_cursor", "the cursor belongs to another query (other filters or order); "
                       "start again without ?cursor= or keep the filters of the page it came from")
    return offset


@dataclass(frozen=True, slots=True)
class PageWindow:
    """Where a page starts and how long it is, and how to link to the next one."""

    offset: int
    limit: int
    print_: str

    @classmethod
    def of(cls, request: Request, *, cursor: str | None, limit: int) -> PageWindow:
        print_ = fingerprint(request.query_params, request.url.path)
        return cls(decode_cursor(cursor, print_), limit, print_)

    def fetch_size(self) -> int:
        """Ask for one row more than the page holds, to know whether another page follows."""
        return self.limit + 1

    def links(self, request: Request, fetched: int) -> tuple[str | None, str | None]:
        """(cursor, next URL) when more rows follow, else (None, None)."""
        if fetched <= self.limit:
            return None, None
        cursor = encode_cursor(self.offset + self.limit, self.print_)
        return cursor, str(request.url.include_query_params(cursor=cursor))


def negotiate(request: Request, requested: str | None, *, kind: str) -> str:
    """json, csv or geojson: ``?format=`` first, then the Accept header."""
    fmt = requested
    if fmt is None:
        accept = request.headers.get("accept", "").lower()
        fmt = "csv" if "text/csv" in accept else "geojson" if "application/geo+json" in accept else "json"
    if fmt == "geojson" and kind != "incidents":
        raise ApiError(400, "bad_format", f"geojson needs coordinates, which only incidents have; "
                       f"ask for {kind} as json or csv")
    return fmt


def _article_fields(ledger: Ledger, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    names = ", ".join(ARTICLE_FIELDS)
    found = ledger.sql(f"SELECT id, {names} FROM articles WHERE id IN (SELECT unnest(?))", [sorted(set(ids))])
    return {r.pop("id"): r for r in found}


def export_response(
    ledger: Ledger, kind: str, items: list[Any], *, fmt: str, columns: str, next_url: str | None
) -> Response:
    """One page of records as CSV or GeoJSON, written by the exporter's writers."""
    spec = column_set(kind, columns)
    if kind == "articles":
        sources = [Source(flat.article_row(a), {}) for a in items]
    else:
        articles = _article_fields(ledger, (r.article_id for r in items))
        to_row = flat.incident_row if kind == "incidents" else flat.claim_row
        sources = [Source(to_row(r), articles.get(r.article_id, {})) for r in items]
    buffer = io.BytesIO()
    WRITERS[fmt](spec, sources, buffer)
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    if fmt == "csv":
        headers["Content-Disposition"] = f'inline; filename="{kind}.csv"'
    return Response(buffer.getvalue(), media_type=MEDIA[fmt], headers=headers)


FORMAT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/geo+json": {"schema": {"type": "object"}},
        },
        "description": "The page as JSON (default), CSV or GeoJSON (``?format=`` or the Accept header).",
    },
}
"""Extra OpenAPI content types for list endpoints that can answer in CSV or GeoJSON."""
