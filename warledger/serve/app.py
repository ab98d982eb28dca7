"""``create_app``: the FastAPI application that serves the REST API, the dashboard and the watch feeds.

Public and stable: ``create_app(db_path, *, token=None, max_body_mb=20.0, tiles=None, ...)``. The app opens the
ledger when it starts (its lifespan) and closes it when it stops, so run it under a server (``warledger serve``,
uvicorn) or inside ``with TestClient(app):``.

    /                  the dashboard (static HTML, JS and CSS from ``warledger/serve/static``)
    /api/...           the REST API (docs/api.md); its OpenAPI document is /openapi.json, browsable at /docs
    /feeds/NAME.atom   the Atom feed of a watch

Every response carries ``X-Content-Type-Options: nosniff``; pages carry a Content-Security-Policy that allows
scripts, styles and requests to this server only (plus the tile server's images when ``tiles`` is set), so even text
that slipped past escaping could not run a script.
"""
from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from warledger.serve import documents, events, feeds, read_routes
from warledger.serve.errors import install_handlers
from warledger.serve.models import ServerConfig
from warledger.serve.state import AppState, Settings, state_of
from warledger.serve.watches import WatchStore
from warledger.serve.webhooks import Dispatcher
from warledger.store import Ledger

log = logging.getLogger(__name__)

VERSION = "1.0"
"""The REST API's version (OpenAPI ``info.version``)."""


def _csp(tiles: str | None) -> str:
    images = "'self' data:"
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "a"))
        images += f" {parts.scheme}://{parts.netloc}"
    return (f"default-src 'self'; img-src {images}; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(
    db_path: str | os.PathLike[str],
    *,
    token: str | None = None,
    max_body_mb: float = 20.0,
    tiles: str | None = None,
    webhook_retries: int = 4,
    webhook_backoff: float = 0.5,
    webhook_timeout: float = 10.0,
) -> FastAPI:
    """The app over the ledger at ``db_path`` (created if missing).

    ``token`` enables ``POST /api/documents`` (pass ``os.environ["WARLEDGER_TOKEN"]``; None disables writes).
    ``max_body_mb`` caps request bodies (413 past it). ``tiles`` is an optional online tile URL template
    (``https://tile.example.org/{z}/{x}/{y}.png``) drawn under the map; by default the map is offline.
    """
    settings = Settings(db_path=os.fspath(db_path), token=token or None, max_body_mb=max_body_mb, tiles=tiles,
                        webhook_retries=webhook_retries, webhook_backoff=webhook_backoff,
                        webhook_timeout=webhook_timeout)
    state = AppState(settings=settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.ledger = Ledger(settings.db_path)
        state.watches = WatchStore(state.ledger)
        state.events = events.source_for(state.ledger)
        if state.events is not None:
            state.events.refresh(state.ledger)
        state.dispatcher = Dispatcher(state.watches, retries=settings.webhook_retries,
                                      backoff=settings.webhook_backoff, timeout=settings.webhook_timeout)
        state.dispatcher.start()
        log.info("serving %s (writes %s)", settings.db_path, "enabled" if settings.token else "disabled")
        try:
            yield
        finally:
            state.dispatcher.stop()
            state.ledger.close()
            state.ledger = state.watches = state.dispatcher = state.events = None

    app = FastAPI(
        title="warledger",
        version=VERSION,
        description="An evidence-backed ledger of incidents and casualty claims of the Russia-Ukraine war, read "
        "from news text. Read endpoints are open; `POST /api/documents` needs the server's bearer token. "
        "Errors are JSON `{error, detail}`. See docs/api.md.",
        lifespan=lifespan,
    )
    app.state.warledger = state
    install_handlers(app)
    app.include_router(read_routes.router)
    app.include_router(events.router)
    app.include_router(documents.router)
    app.include_router(feeds.router)

    @app.get("/api/config", response_model=ServerConfig, tags=["ledger"], summary="What the dashboard needs")
    def config(request: Request) -> ServerConfig:
        """Whether writes are enabled, the optional tile template, whether events are served, the body limit."""
        current = state_of(request)
        return ServerConfig(writes_enabled=bool(settings.token), tiles=settings.tiles,
                            events=current.events is not None, max_body_mb=settings.max_body_mb)

    policy = _csp(tiles)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", policy)
        return response

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearerAuth": {"type": "http", "scheme": "bearer",
                               "description": "The server's WARLEDGER_TOKEN (POST /api/documents only)"}}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    static = resources.files("warledger.serve").joinpath("static")
    app.mount("/", StaticFiles(directory=str(static), html=True), name="dashboard")
    return app
