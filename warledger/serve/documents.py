"""``POST /api/documents``: extract and store documents sent to the server (the write endpoint).

Public and stable. Requires ``Authorization: Bearer <token>`` where the token is the server's ``WARLEDGER_TOKEN``:
no header is 401, a wrong token 403, and a server started without a token answers 503 (writes disabled). Bodies:

- ``application/json``: one document object or a list of them, with the JSON Lines fields ``id``, ``text`` or
  ``html``, ``url``, ``published``, ``publisher``;
- ``application/x-ndjson`` (or ``application/jsonl``): JSON Lines, one document a line;
- ``text/plain`` or ``text/html``: one page; ``?id=&url=&published=&publisher=`` describe it.

A body over the server's ``max_body_mb`` is refused with 413 before it is read whole. Extraction runs in a worker
thread; documents are stored as ``warledger ingest`` stores them (re-sending one changes nothing). After storing, the
webhook dispatcher is told there is new data, without waiting for it.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from warledger.ingest.jsonlines import document_from_object, documents_from_lines
from warledger.pipeline import process
from warledger.records import Document, Extraction, Problem, Skipped
from warledger.serve.errors import ApiError, responses
from warledger.serve.models import IngestReport
from warledger.serve.state import AppState, ledger_of, state_of
from warledger.store import Ledger

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["write"])
_MB = 1024 * 1024
SOURCE = "request"


class DocumentIn(BaseModel):
    """One document, as a JSON Lines line: ``text`` or ``html`` is required."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None


_DOC_SCHEMA = DocumentIn.model_json_schema()
REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"anyOf": [_DOC_SCHEMA, {"type": "array", "items": _DOC_SCHEMA}]}},
        "application/x-ndjson": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    },
}


def check_token(state: AppState, header: str | None) -> None:
    """503 when writes are disabled, 401 without a bearer token, 403 with a wrong one."""
    token = state.settings.token
    if not token:
        raise ApiError(503, "writes_disabled", "this server has no WARLEDGER_TOKEN configured, so it accepts no "
                       "documents; restart it with WARLEDGER_TOKEN set to enable POST /api/documents")
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "unauthorized", "send the server's token as `Authorization: Bearer <WARLEDGER_TOKEN>`",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(403, "forbidden", "the bearer token is not this server's WARLEDGER_TOKEN")


async def read_body(request: Request, limit_mb: float) -> bytes:
    """The request body, refusing (413) one larger than ``limit_mb`` without reading past the limit."""
    limit = int(limit_mb * _MB)
    too_big = ApiError(413, "payload_too_large", f"the request body is over this server's {limit_mb:g} MB limit; "
                       "send fewer or smaller documents per request")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def parse_documents(body: bytes, content_type: str, meta: dict[str, str | None]) -> list[Document | Problem]:
    """The documents of a request body (and Problems for unusable entries), by content type."""
    kind = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "bad_request", "the body is not UTF-8 text; send UTF-8") from exc
    if not text.strip():
        raise ApiError(400, "bad_request", "the body is empty; send a document")
    if kind == "application/json":
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise ApiError(400, "bad_request", f"the body is not valid JSON ({exc.args[0] if exc.args else exc}); "
                           "send one document object or a list of them") from exc
        items = value if isinstance(value, list) else [value]
        return [document_from_object(obj, source=SOURCE, line=n) for n, obj in enumerate(items, start=1)]
    if kind in ("application/x-ndjson", "application/jsonl", "application/jsonlines"):
        return list(documents_from_lines(text.splitlines(), source=SOURCE))
    if kind in ("text/plain", "text/html"):
        source_id = meta.get("id") or f"api:{hashlib.sha256(body).hexdigest()[:16]}"
        return [Document(source_id=source_id, text=text if kind == "text/plain" else None,
                         html=text if kind == "text/html" else None, url=meta.get("url"),
                         published=meta.get("published"), publisher=meta.get("publisher"))]
    raise ApiError(415, "unsupported_media_type", f"cannot read a {kind or 'body without Content-Type'}; send "
                   "application/json, application/x-ndjson, text/plain or text/html")


def store_documents(ledger: Ledger, items: list[Document | Problem]) -> IngestReport:
    """Extract and store; runs in a worker thread."""
    problems: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    article_ids: list[str] = []

    def extractions() -> Iterator[Extraction]:
        for item in process(items):
            if isinstance(item, Problem):
                problems.append({"line": item.line, "code": item.code, "message": item.message})
            elif isinstance(item, Skipped):
                skipped.append({"source_id": item.source_id, "reason": item.reason, "language": item.language})
                ledger.record_skipped(item)
            else:
                article_ids.append(item.article.id)
                yield item

    stats = ledger.add_many(extractions())
    return IngestReport(articles_added=stats.articles_added, duplicates=stats.duplicates, incidents=stats.incidents,
                        claims=stats.claims, article_ids=article_ids, skipped=skipped, problems=problems)


Meta = Annotated[str | None, Query(max_length=2000, description="For text/plain and text/html bodies")]


@router.post(
    "/documents",
    response_model=IngestReport,
    status_code=201,
    summary="Ingest documents (needs the server's token)",
    responses={200: {"model": IngestReport, "description": "Nothing new: every document was stored before"},
               **responses(400, 401, 403, 413, 415, 422, 503)},
    openapi_extra={"requestBody": REQUEST_BODY, "security": [{"bearerAuth": []}]},
)
async def post_documents(request: Request, id: Meta = None, url: Meta = None, published: Meta = None,
                         publisher: Meta = None) -> Any:
    """Extract incidents and claims from the documents in the body and store them; returns what was stored
    (201 when something was added, 200 when every document was already stored)."""
    state = state_of(request)
    check_token(state, request.headers.get("authorization"))
    body = await read_body(request, state.settings.max_body_mb)
    items = parse_documents(body, request.headers.get("content-type", ""),
                            {"id": id, "url": url, "published": published, "publisher": publisher})
    ledger = ledger_of(request)
    report = await run_in_threadpool(store_documents, ledger, items)
    if report.articles_added:
        if state.events is not None:
            await run_in_threadpool(state.events.refresh, ledger)
        if state.dispatcher is not None:
            state.dispatcher.notify()
    log.info("POST /api/documents: %d added, %d duplicates, %d problems", report.articles_added, report.duplicates,
             len(report.problems))
    return JSONResponse(report.model_dump(), status_code=201 if report.articles_added else 200)
