"""The manifest of a ``warledger run`` output folder: which partitions are written, from which input, into which files.

Public and stable: ``Manifest``, ``Counts``, ``PartitionResult``, ``MANIFEST_NAME`` and ``OutputLock``.

``manifest.jsonl`` is a journal: one JSON object per finished partition, appended (and fsynced) by the driver only
when every file of the partition has been renamed into place. A re-run reads it and skips every partition whose
``input_hash`` is unchanged and whose files are all there; anything else (never finished, killed mid-write, input
changed) is redone and its new line supersedes the old one. A torn last line, left by a driver killed while
writing it, is ignored. The journal grows by one line per partition, so a run over millions of documents never
rewrites a large file.
"""
from __future__ import annotations

import json
import logging
import os
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from types import TracebackType
from typing import Any

from warledger.errors import ConfigError

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.jsonl"
LOCK_NAME = "run.lock"
FORMAT = 1


@dataclass(slots=True, kw_only=True)
class Counts:
    """What was read and found: one partition's, or a whole run's."""

    documents: int = 0
    """Documents read (pages, entries, lines), extracted or not."""
    extracted: int = 0
    skipped_language: dict[str, int] = field(default_factory=dict)
    """Documents in a language the extractor does not read, by language."""
    skipped_other: dict[str, int] = field(default_factory=dict)
    """Records and documents skipped for another reason (non-HTML, HTTP status, no text), by reason."""
    problems: int = 0
    incidents: int = 0
    claims: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        self.documents += other.documents
        self.extracted += other.extracted
        self.problems += other.problems
        self.incidents += other.incidents
        self.claims += other.claims
        self.skipped_language = dict(Counter(self.skipped_language) + Counter(other.skipped_language))
        self.skipped_other = dict(Counter(self.skipped_other) + Counter(other.skipped_other))


@dataclass(slots=True, kw_only=True)
class PartitionResult(Counts):
    """What one partition task wrote and counted (one manifest line)."""

    id: str
    input_hash: str
    files: dict[str, str]
    """Table name -> file path relative to the output folder."""
    seconds: float = 0.0
    """Time the task took on its worker."""
    worker: str = ""
    """Host and process id of the worker that wrote it."""
    segments: list[dict[str, Any]] = field(default_factory=list)
    """What the partition covers (``Partition.describe()``), for people reading the manifest."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartitionResult:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


class Manifest:
    """The journal of an output folder; ``done(id, input_hash)`` says whether a partition can be reused."""

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.path = self.out / MANIFEST_NAME
        self._torn_at: int | None = None
        """Where a torn last line begins: cut off before the next append."""
        self.entries: dict[str, PartitionResult] = self._read()

    def _read(self) -> dict[str, PartitionResult]:
        entries: dict[str, PartitionResult] = {}
        if not self.path.exists():
            return entries
        offset = 0
        with open(self.path, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.endswith(b"\n"):
                    log.warning("%s:%d: ignoring a torn last line (an interrupted run)", self.path, number)
                    self._torn_at = offset
                    break
                offset += len(raw)
                data = json.loads(raw)
                if "id" in data:
                    result = PartitionResult.from_dict(data)
                    entries[result.id] = result
        return entries

    def done(self, partition_id: str, input_hash: str) -> PartitionResult | None:
        """The recorded result when the partition was written from the same input and its files exist, else None."""
        entry = self.entries.get(partition_id)
        if entry is None or entry.input_hash != input_hash:
            return None
        if not all((self.out / relative).exists() for relative in entry.files.values()):
            log.info("%s: partition %s is listed but a file is missing; redoing it", self.path, partition_id)
            return None
        return entry

    def record(self, result: PartitionResult) -> None:
        """Append one finished partition and make it durable."""
        self.out.mkdir(parents=True, exist_ok=True)
        if self._torn_at is not None:
            os.truncate(self.path, self._torn_at)
            self._torn_at = None
        new = not self.path.exists()
        with open(self.path, "a", encoding="utf-8") as stream:
            if new:
                stream.write(json.dumps({"manifest": FORMAT}) + "\n")
            stream.write(json.dumps(asdict(result), sort_keys=True) + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        self.entries[result.id] = result


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class OutputLock:
    """One run per output folder at a time: ``run.lock`` holds the driver's process id while it runs. A lock left
    by a process that no longer exists (a killed run) is taken over."""

    def __init__(self, out: str | Path) -> None:
        self.path = Path(out) / LOCK_NAME

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            text = self.path.read_text(encoding="utf-8").strip()
            holder = int(text) if text.isdigit() else None
            if holder is not None and holder != os.getpid() and _alive(holder):
                raise ConfigError(f"--out: another warledger run (process {holder}) is writing to {self.path.parent}; "
                                  "wait for it to finish or choose another --out", code="E201")
            log.info("%s: taking over the lock of a run that is gone (process %s)", self.path, holder)
        self.path.write_text(f"{os.getpid()}\n", encoding="utf-8")
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.path.unlink(missing_ok=True)
