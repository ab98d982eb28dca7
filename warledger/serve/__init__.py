"""Serve: the REST API, the web dashboard and the watch feeds (the app needs the ``serve`` extra: FastAPI, uvicorn).

Public and stable: ``create_app`` (see ``warledger.serve.app``) and docs/api.md. ``create_app`` is imported on first
use, so ``warledger.serve.watches`` (used by ``warledger watch``) works without FastAPI installed.
"""
from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from warledger.serve.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
