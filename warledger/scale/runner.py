"""``run``: the scaled pipeline. Plan the inputs into partitions, map ingest -> clean -> extract over them on an
engine, write partitioned Parquet with a manifest, then load the ledger and rebuild events once.

Public and stable: ``run``, ``RunSummary`` and ``DEFAULT_PARTITION_SIZE``.

    >>> summary = run(["crawl/*.warc.gz"], out="out/", engine="dask", workers=2, db="ledger.duckdb")  # doctest: +SKIP
    >>> summary.documents_per_second

Stages, each restartable because its output sits on disk: (1) ``plan_files`` tasks hash the inputs and cut them
into segments (on the workers); (2) ``run_partition`` tasks write each partition's files, and the driver appends a
manifest line as each one finishes; partitions the manifest already lists with the same input hash are not run
again; (3) the driver loads the partitions of this run into the ledger and rebuilds events. The driver holds the
list of partitions and counts, never documents.
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from warledger.errors import ConfigError
from warledger.scale import DEFAULT_PARTITION_SIZE
from warledger.scale.engines import Engine, open_engine
from warledger.scale.manifest import Counts, Manifest, OutputLock
from warledger.scale.parquet import remove_temporary
from warledger.scale.partitions import FilePlan, Partition, list_inputs, make_partitions, plan_files, run_partition

log = logging.getLogger(__name__)

PLAN_BATCH_FILES = 256
PLAN_BATCH_BYTES = 8 * 1024 * 1024
"""Files are planned (hashed, cut) in batches of up to this many files or bytes per task, so that many small files
make few tasks and big files are planned in parallel."""
SUMMARY_NAME = "summary.json"


@dataclass(slots=True, kw_only=True)
class RunSummary(Counts):
    """What a run did; ``lines()`` is the summary the CLI prints, ``to_dict()`` what ``summary.json`` holds."""

    engine: str
    workers: int
    out: str
    inputs: int = 0
    partitions: int = 0
    reused: int = 0
    """Partitions written by an earlier run and not redone."""
    documents_this_run: int = 0
    """Documents extracted by this run's tasks (not counting reused partitions)."""
    extract_seconds: float = 0.0
    """Wall time of the extraction stage (planning, loading and fusion excluded)."""
    elapsed: float = 0.0
    peak_rss: dict[str, int] = field(default_factory=dict)
    """Peak resident memory of each worker process, in bytes."""
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    """CPU time of each worker process (for ``local``, the one process, planning included)."""
    loaded: dict[str, Any] | None = None

    @property
    def documents_per_second(self) -> float:
        return self.documents_this_run / self.extract_seconds if self.extract_seconds > 0 else 0.0

    @property
    def documents_per_cpu_second(self) -> float:
        """Documents extracted by this run per CPU second of the workers: throughput per core, whatever else the
        machine was doing."""
        cpu = sum(self.cpu_seconds.values())
        return self.documents_this_run / cpu if cpu > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "documents_per_second": round(self.documents_per_second, 2),
                "documents_per_cpu_second": round(self.documents_per_cpu_second, 2)}

    def lines(self) -> list[str]:
        """The human summary, one fact a line."""
        mb = [value / 1024 / 1024 for value in self.peak_rss.values()]
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(self.skipped_language.items())) or "none"
        other = ", ".join(f"{reason} {n}" for reason, n in sorted(self.skipped_other.items())) or "none"
        out = [
            f"engine           {self.engine} ({self.workers} worker{'s' if self.workers != 1 else ''})",
            f"inputs           {self.inputs} files in {self.partitions} partitions ({self.reused} already written)",
            f"documents        {self.documents}",
            f"extracted        {self.extracted}",
            f"skipped          by language: {languages}",
            f"                 other records: {other}",
            f"problems         {self.problems}",
            f"incidents        {self.incidents}",
            f"claims           {self.claims}",
            f"elapsed          {self.elapsed:.1f} s (extraction {self.extract_seconds:.1f} s)",
            f"throughput       {self.documents_per_second:.1f} documents/s, "
            f"{self.documents_per_cpu_second:.1f} per CPU second ({self.documents_this_run} documents this run)",
        ]
        if mb:
            out.append(f"peak memory      {max(mb):.0f} MB per worker at most ({len(mb)} measured)")
        if self.loaded is not None:
            out.append(f"database         {self.loaded['articles_added']} articles added "
                       f"({self.loaded['duplicates']} already stored), {self.loaded['incidents']} incidents, "
                       f"{self.loaded['claims']} claims; events {self.loaded['events']}")
        out.append(f"output           {self.out}")
        return out


def _plan_batches(files: Sequence[str]) -> list[list[str]]:
    """Files grouped for planning tasks: many small files per task, a big file alone."""
    batches: list[list[str]] = []
    current: list[str] = []
    size = 0
    for path in files:
        bytes_ = os.path.getsize(path) if os.path.isfile(path) else 0
        if current and (len(current) >= PLAN_BATCH_FILES or size + bytes_ > PLAN_BATCH_BYTES):
            batches.append(current)
            current, size = [], 0
        current.append(path)
        size += bytes_
    if current:
        batches.append(current)
    return batches


def plan(engine: Engine, inputs: Sequence[str], *, partition_size: int) -> tuple[list[str], list[Partition]]:
    """The input files and the partitions they are cut into (planning runs on the engine's workers)."""
    files = list_inputs(inputs)
    if not files:
        raise ConfigError("run: no input files found; check the paths and globs", code="E201")
    plans: dict[str, FilePlan] = {}
    for batch in engine.map(plan_files, _plan_batches(files), partition_size=partition_size):
        plans.update((p.path, p) for p in batch)
    return files, make_partitions((plans[path] for path in files), partition_size=partition_size)


def _progress_bar(total: int, enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="extract", dynamic_ncols=True, smoothing=0.1)


def run(
    inputs: Sequence[str],
    *,
    out: str | Path,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    db: str | Path | None = None,
    published: str | None = None,
    max_mb: float = 20.0,
    fuse: bool = True,
    progress: bool = False,
) -> RunSummary:
    """Run the pipeline over ``inputs`` (files, directories, globs) into ``out`` and, with ``db``, the ledger.

    ``partition_size`` documents per task; ``published`` is the date for plain pages that give none; ``progress``
    shows a progress bar on standard error. Raises ``ConfigError`` for bad options; a failure to write (a full
    disk) or a task failing on every retry stops the run, and a re-run resumes after the last written partition.
    """
    if partition_size < 1:
        raise ConfigError(f"--partition-size: {partition_size} must be at least 1", code="E201")
    started = time.perf_counter()
    out = Path(out)
    with OutputLock(out):
        summary, manifest, partitions = _extract(inputs, out=out, engine=engine, scheduler=scheduler,
                                                 workers=workers, partition_size=partition_size,
                                                 published=published, max_mb=max_mb, progress=progress)
        if db is not None:
            from warledger.scale.parquet import load_partitions

            entries = [manifest.entries[p.id] for p in partitions]
            loaded = load_partitions(out, entries, db=db, fuse=fuse)
            summary.loaded = {**asdict(loaded.ingest), "skipped_recorded": loaded.skipped_recorded,
                              "events": loaded.events}
        summary.elapsed = time.perf_counter() - started
        (out / SUMMARY_NAME).write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
    return summary


def _extract(inputs: Sequence[str], *, out: Path, engine: str, scheduler: str | None, workers: int | None,
             partition_size: int, published: str | None, max_mb: float,
             progress: bool) -> tuple[RunSummary, Manifest, list[Partition]]:
    """Plan, then run every partition the manifest does not already hold; the engine is closed on return."""
    with open_engine(engine, scheduler=scheduler, workers=workers) as chosen:
        remove_temporary(out)
        manifest = Manifest(out)
        files, partitions = plan(chosen, inputs, partition_size=partition_size)
        summary = RunSummary(engine=chosen.name, workers=chosen.workers(), out=str(out), inputs=len(files),
                             partitions=len(partitions))
        todo = []
        for partition in partitions:
            earlier = manifest.done(partition.id, partition.input_hash)
            if earlier is None:
                todo.append(partition)
            else:
                summary.reused += 1
                summary.add(earlier)
        log.info("%d partitions, %d to run, %d already written", len(partitions), len(todo), summary.reused)
        bar = _progress_bar(sum(p.documents for p in todo), progress)
        extract_started = time.perf_counter()
        for result in chosen.map(run_partition, todo, out=str(out), published=published, max_mb=max_mb):
            manifest.record(result)
            summary.add(result)
            summary.documents_this_run += result.documents
            if bar is not None:
                bar.update(result.documents)
                bar.set_postfix(incidents=summary.incidents, refresh=False)
        summary.extract_seconds = time.perf_counter() - extract_started
        if bar is not None:
            bar.close()
        usage = chosen.usage()
        summary.peak_rss = {worker: used.peak_rss for worker, used in usage.items()}
        summary.cpu_seconds = {worker: used.cpu_seconds for worker, used in usage.items()}
    return summary, manifest, partitions
