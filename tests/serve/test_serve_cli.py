"""``warledger serve`` as a user runs it: a subprocess that prints its URL, answers, and stops on Ctrl+C."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from conftest import free_port

from warledger.cli import build_parser


def test_serve_and_watch_are_commands() -> None:
    help_text = build_parser().format_help()
    assert "serve" in help_text and "watch" in help_text


def test_serve_prints_its_url_serves_and_stops_on_interrupt(sample_db: Path) -> None:
    port = free_port()
    env = {**os.environ, "WARLEDGER_TOKEN": "cli-token", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "warledger.cli", "serve", "--db", str(sample_db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first and "writes enabled" in first
        answer = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and answer is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2)
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer is not None and answer.status_code == 200 and answer.json()["incidents"] == 6
        refused = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"text": "x"}, timeout=5)
        assert refused.status_code == 401
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)


def test_serve_refuses_a_bad_port(sample_db: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "warledger.cli", "serve", "--db", str(sample_db), "--port",
                             "70000"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "--port" in result.stderr and "Traceback" not in result.stderr
