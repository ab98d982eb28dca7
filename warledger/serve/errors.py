"""Errors of the REST API: every error is JSON ``{"error": kind, "detail": sentence}``; no traceback leaves the server.

Public and stable: the body shape (``models.ErrorBody``) and the ``error`` kinds below. Mapping:

    ApiError(status, kind, detail)          raised by the routes themselves
    WarledgerError  ConfigError/InputError  400 bad_request (a bad filter value: the message says which and why)
                    StoreError              503 store_unavailable
    RequestValidationError                  422 invalid_request (which parameter, what was expected)
    HTTPException (404, 405, ...)           its status; kinds not_found, method_not_allowed, ...
    anything else                           500 internal (logged here with its traceback; the client gets a sentence)
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from warledger.errors import StoreError, WarledgerError
from warledger.serve.models import ErrorBody

log = logging.getLogger(__name__)

KINDS = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request",
    500: "internal", 503: "unavailable",
}


class ApiError(Exception):
    """An error a route answers with on purpose."""

    def __init__(self, status: int, kind: str, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.kind, self.detail, self.headers = status, kind, detail, headers


def error_response(status: int, kind: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": kind, "detail": detail}, status_code=status, headers=headers)


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for item in exc.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) + "; see /docs for the accepted values"


def install_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the JSON error body."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.kind, exc.detail, exc.headers)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(503, "store_unavailable", str(exc))

    @app.exception_handler(WarledgerError)
    async def warledger_error(request: Request, exc: WarledgerError) -> JSONResponse:
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", _validation_detail(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such resource: {request.url.path}; see /docs for the endpoints"
        return error_response(exc.status_code, KINDS.get(exc.status_code, "error"), detail,
                              getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error answering %s %s", request.method, request.url.path)
        return error_response(500, "internal", "the server failed to answer this request; the error is in its log")


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route may answer with (all share ``ErrorBody``)."""
    return {status: {"model": ErrorBody, "description": KINDS.get(status, "error").replace("_", " ")}
            for status in statuses}
