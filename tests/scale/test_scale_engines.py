"""The same output however the run goes: on Dask, after the driver is killed mid-run, after a worker is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scale_corpus import PARTITION_SIZE, all_tables, partition_files

from warledger.scale.manifest import MANIFEST_NAME, Manifest
from warledger.scale.runner import RunSummary, run


def command(corpus: Path, out: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "warledger.cli", "run", str(corpus), "--out", str(out), "--no-db",
            "--partition-size", str(PARTITION_SIZE), *options]


def wait_for_partitions(out: Path, count: int, process: subprocess.Popen[bytes], *, timeout: float = 180) -> None:
    """Wait until the manifest lists ``count`` partitions (the run is then mid-way)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        manifest = out / MANIFEST_NAME
        if manifest.exists() and manifest.read_text(encoding="utf-8").count('"id"') >= count:
            return
        assert process.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.05)
    raise AssertionError(f"no {count} partitions written within {timeout} s")


def test_dask_writes_exactly_what_local_writes(corpus: Path, reference_run: tuple[Path, RunSummary],
                                               tmp_path: Path) -> None:
    reference, local = reference_run
    summary = run([str(corpus)], out=tmp_path / "out", engine="dask", workers=2, partition_size=PARTITION_SIZE)
    assert (summary.engine, summary.workers) == ("dask", 2)
    assert len(summary.peak_rss) == 2
    assert partition_files(tmp_path / "out") == partition_files(reference)
    assert all_tables(tmp_path / "out") == all_tables(reference)
    assert (summary.documents, summary.incidents, summary.claims) == (local.documents, local.incidents, local.claims)
    workers = {entry.worker for entry in Manifest(tmp_path / "out").entries.values()}
    assert len(workers) == 2, "both workers ran partitions"


def test_a_run_killed_mid_way_resumes_to_the_same_output(corpus: Path, reference_run: tuple[Path, RunSummary],
                                                         tmp_path: Path) -> None:
    reference, local = reference_run
    out = tmp_path / "out"
    process = subprocess.Popen(command(corpus, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_partitions(out, 2, process)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    written = len(Manifest(out).entries)
    assert 2 <= written < local.partitions
    assert (out / "run.lock").exists()  # left behind by the killed run, taken over by the next
    summary = run([str(corpus)], out=out, engine="local", partition_size=PARTITION_SIZE)
    assert summary.reused == written and summary.documents == local.documents
    assert partition_files(out) == partition_files(reference)  # no temporary file left over
    assert all_tables(out) == all_tables(reference)


@pytest.fixture
def cluster() -> Iterator[tuple[str, dict[str, int], Any]]:
    """A two-worker Dask cluster on 127.0.0.1 that the test can kill a worker of: (address, worker pids, client)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local, Client(local) as client:
        yield local.scheduler_address, client.run(os.getpid), client


def test_a_killed_worker_s_partition_is_redone(corpus: Path, reference_run: tuple[Path, RunSummary],
                                               tmp_path: Path, cluster: tuple[str, dict[str, int], Any]) -> None:
    reference, local = reference_run
    address, pids, client = cluster
    out = tmp_path / "out"
    process = subprocess.Popen(command(corpus, out, "--engine", "dask", "--scheduler", address),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_partitions(out, 1, process)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr.decode()
    assert f"{local.partitions} partitions (0 already written)" in stdout.decode()
    assert victim not in client.run(os.getpid).values(), "the worker was killed (and its nanny started another)"
    assert partition_files(out) == partition_files(reference)
    assert all_tables(out) == all_tables(reference)


def test_local_cluster_workers_run_without_the_statistical_profiler() -> None:
    """Regression: with the dashboard's profiler on, every worker grew by about 1 MB per partition."""
    from warledger.scale.engines import DaskEngine

    def callbacks(dask_worker: Any) -> list[str]:
        return sorted(dask_worker.periodic_callbacks)

    with DaskEngine(workers=1) as engine:
        [names] = engine.client.run(callbacks).values()
        usage = engine.usage()
    assert "profile" not in names and "profile-cycle" not in names
    [used] = usage.values()
    assert used.peak_rss > 0 and used.cpu_seconds > 0
