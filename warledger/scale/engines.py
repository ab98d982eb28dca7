"""Engines: where ``warledger run`` maps its tasks. ``local`` runs them one after another in this process (one
core); ``dask`` runs them on a Dask cluster, a ``LocalCluster`` it starts or a scheduler it is given.

Public and stable: ``Engine``, ``LocalEngine``, ``DaskEngine``, ``open_engine``, ``WorkerUsage``, and for the
workers ``process_usage`` and ``worker_name``.

Both engines take the same task functions (``warledger.scale.partitions.plan_files``,
``warledger.scale.partitions.run_partition``) and yield their results as tasks finish, so the driver records each
partition as soon as it is written and holds nothing but counts. ``dask`` and ``distributed`` are imported only
when the Dask engine is opened (the ``scale`` extra).
"""
from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, TypeVar

from warledger.errors import ConfigError

log = logging.getLogger(__name__)

WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""Dask settings for the workers of a local cluster. The statistical profiler, which feeds the dashboard, samples
every running task's stack every 10 ms and keeps the call trees: it costs CPU and grew each worker by about 1 MB per
partition in our measurements. Workers of a cluster started elsewhere take it from their environment
(``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``, see docs/scaling.md)."""

R = TypeVar("R")


def worker_name() -> str:
    """``host:pid`` of this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class WorkerUsage:
    """What one worker process has used so far."""

    peak_rss: int
    """Peak resident memory (``VmHWM``) in bytes; 0 where /proc is not available."""
    cpu_seconds: float
    """CPU time (user and system) of the process, model loading included."""


def process_usage() -> WorkerUsage:
    """This process's peak memory and CPU time."""
    peak = 0
    status = Path(f"/proc/{os.getpid()}/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) * 1024
    return WorkerUsage(peak, round(time.process_time(), 2))


class Engine(Protocol):
    """What the runner needs from an engine."""

    name: str

    def map(self, fn: Callable[..., R], items: Sequence[Any], **options: Any) -> Iterator[R]:
        """``fn(item, **options)`` for every item, yielded in the order the tasks finish."""
        ...

    def workers(self) -> int:
        """How many worker processes run tasks."""
        ...

    def usage(self) -> dict[str, WorkerUsage]:
        """Peak memory and CPU time of each worker process so far, by worker."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        ...


class LocalEngine:
    """Tasks one after another in this process: one core, no extra processes."""

    name = "local"

    def map(self, fn: Callable[..., R], items: Sequence[Any], **options: Any) -> Iterator[R]:
        for item in items:
            yield fn(item, **options)

    def workers(self) -> int:
        return 1

    def usage(self) -> dict[str, WorkerUsage]:
        return {worker_name(): process_usage()}

    def close(self) -> None:
        return None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class DaskEngine:
    """Tasks on a Dask cluster: the scheduler at ``scheduler`` (``tcp://host:8786``), else a ``LocalCluster`` of
    ``workers`` processes with one thread each, listening on 127.0.0.1 only and without a dashboard.

    A worker that dies takes its running task with it; the scheduler runs the task again on another worker (up to
    ``distributed.scheduler.allowed-failures`` times), and since a task writes its files under temporary names
    and renames them only when they are whole, the redone partition replaces nothing half-written.
    """

    name = "dask"

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster

        # distributed logs every worker start and stop at INFO; show that only when warledger logs debug
        debug = logging.getLogger().getEffectiveLevel() <= logging.DEBUG
        logging.getLogger("distributed").setLevel(logging.DEBUG if debug else logging.WARNING)
        self.cluster: Any = None
        if scheduler:
            log.info("connecting to the Dask scheduler at %s", scheduler)
            self.client: Any = Client(scheduler)
        else:
            count = workers or os.cpu_count() or 1
            log.info("starting a local Dask cluster of %d worker processes", count)
            with dask.config.set(WORKER_CONFIG):  # the nannies copy it into every worker they (re)start
                self.cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True, host="127.0.0.1",
                                            dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)

    def map(self, fn: Callable[..., R], items: Sequence[Any], **options: Any) -> Iterator[R]:
        from distributed import as_completed

        if not items:
            return
        futures = self.client.map(fn, list(items), pure=False, **options)
        for future, result in as_completed(futures, with_results=True):
            future.release()
            yield result

    def workers(self) -> int:
        return len(self.client.scheduler_info().get("workers", {}))

    def usage(self) -> dict[str, WorkerUsage]:
        found = self.client.run(process_usage)
        return {str(address): value for address, value in sorted(found.items())}

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def open_engine(name: str, *, scheduler: str | None = None, workers: int | None = None) -> Engine:
    """The engine called ``name`` ("local" or "dask"); raises ``ConfigError`` for a bad combination of options."""
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers: {workers} must be at least 1", code="E201")
    if name == "local":
        if scheduler:
            raise ConfigError("--scheduler: only with --engine dask", code="E201")
        return LocalEngine()
    if name == "dask":
        if scheduler and workers is not None:
            raise ConfigError("--workers: a scheduler's cluster has its own workers; drop --workers or --scheduler",
                              code="E201")
        return DaskEngine(scheduler=scheduler, workers=workers)
    raise ConfigError(f"--engine: {name!r} is not an engine; use local or dask", code="E201")
