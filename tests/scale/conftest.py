"""Fixtures for the scale tests: a small generated corpus (WARC, feed, JSON Lines shard) and a reference run.

The corpus is written by ``warledger.scale.synthetic_files`` from the project's own templates; nothing is
downloaded. ``reference_run`` is one uninterrupted ``--engine local`` run over it, the output that every other way
of running (Dask, a killed and resumed run, a killed worker) must reproduce.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = str(Path(__file__).parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from scale_corpus import PARTITION_SIZE, write_corpus  # noqa: E402

from warledger.scale.runner import RunSummary, run  # noqa: E402


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def reference_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunSummary]:
    out = tmp_path_factory.mktemp("reference") / "out"
    summary = run([str(corpus)], out=out, engine="local", partition_size=PARTITION_SIZE)
    return out, summary
