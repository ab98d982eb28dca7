"""Interrupted ingest and concurrent opens, with real processes: a child that stores documents is SIGKILLed, and a
child that holds the database makes a second opener fail with a one-line lock error."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from ledger_samples import numbered

import warledger
from warledger.errors import StoreError
from warledger.store import Ledger

HERE = Path(__file__).parent
ROOT = Path(warledger.__file__).parent.parent


def _child(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def _read_until(process: subprocess.Popen[str], target: int) -> int:
    """Read the child's committed numbers until ``target``; return the last one read."""
    assert process.stdout is not None
    last = -1
    while last < target:
        line = process.stdout.readline()
        if not line:
            _, err = process.communicate(timeout=30)
            pytest.fail(f"child stopped early: {err[-2000:]}")
        last = int(line)
    return last


@pytest.mark.parametrize("mode", ["one", "many"])
def test_sigkill_mid_ingest_keeps_every_committed_document_whole(db_path: Path, mode: str) -> None:
    process = _child(str(HERE / "ingest_child.py"), str(db_path), mode)
    try:
        committed = _read_until(process, 20)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    with Ledger(db_path) as reopened:
        stored = {row["source_id"]: row["id"] for row in reopened.sql("SELECT source_id, id FROM articles")}
        numbers = sorted(int(source.removeprefix("doc").removesuffix(".txt")) for source in stored)
        assert numbers == list(range(len(numbers))), "documents are committed in order, with no gaps"
        assert len(numbers) > committed, "everything reported as committed is there"
        for n in numbers:
            expected = numbered(n)
            article_id = stored[f"doc{n}.txt"]
            assert reopened.article(article_id) == expected.article
            assert reopened.incidents(article_id=article_id, order="id") == sorted(
                expected.incidents, key=lambda i: i.id), f"doc{n} has all its incidents, no more"
            assert reopened.claims(article_id=article_id) == expected.claims
        # The run can simply be started again: what is stored is skipped, the rest is added.
        stats = reopened.add_many(numbered(n) for n in range(len(numbers) + 5))
        assert (stats.duplicates, stats.articles_added) == (len(numbers), 5)


_HOLDER = """
import sys
from warledger.store import Ledger
ledger = Ledger(sys.argv[1])
sys.stdout.write("open\\n")
sys.stdout.flush()
sys.stdin.readline()
"""


def test_second_process_gets_a_one_line_lock_error(db_path: Path) -> None:
    Ledger(db_path).close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        for read_only in (False, True):
            with pytest.raises(StoreError) as caught:
                Ledger(db_path, read_only=read_only)
            text = str(caught.value)
            assert caught.value.code == "E305"
            assert "\n" not in text
            assert f"(PID {holder.pid})" in text and "locked by another process" in text
            assert "retry" in text
    finally:
        holder.kill()
        holder.wait(timeout=30)
    with Ledger(db_path) as reopened:
        assert reopened.summary()["articles"] == 0
