"""Fixtures for the serve tests: a sample ledger (serve_samples.py), an in-process client, and a real uvicorn server
on 127.0.0.1 and a free port, started in a thread and stopped after the test (every wait here is bounded)."""
from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = str(Path(__file__).parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

pytest.importorskip("fastapi", reason="the serve tests need the serve extra (fastapi)")
uvicorn = pytest.importorskip("uvicorn", reason="the serve tests need the serve extra (uvicorn)")

import serve_samples  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from warledger.serve import create_app  # noqa: E402

TOKEN = "test-token-0123456789"


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    return serve_samples.build(tmp_path / "sample.duckdb")


@pytest.fixture
def client(sample_db: Path) -> Iterator[TestClient]:
    app = create_app(sample_db, token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn serving an app in a thread; ``url`` is its base URL (no trailing slash)."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, name="test-uvicorn", daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start within 20 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(15)


@pytest.fixture
def live_server(sample_db: Path) -> Iterator[LiveServer]:
    with LiveServer(create_app(sample_db, token=TOKEN)) as server:
        yield server
