"""Partitions: how ``warledger run`` cuts its inputs into units of work, and how a worker reads one.

Public and stable: ``Segment``, ``FilePlan``, ``Partition``, ``list_inputs``, ``plan_file``, ``make_partitions``,
``read_partition``, ``run_partition`` and ``PLAN_VERSION``.

A *segment* is a piece of one file: a whole file, a byte range of a WARC (records that begin in the range), or a
range of lines of a JSON Lines file (a byte range for ``.jsonl``; for ``.jsonl.gz``, which cannot be seeked, lines
skipped from the start). ``plan_file`` reads a file once, hashes it (SHA-256) and cuts it into segments of at most
``partition_size`` documents; it runs on the workers, so a driver never reads the corpus. ``make_partitions`` packs
consecutive small segments (one page files, feeds, small archives) into partitions of about ``partition_size``
documents and gives each a big file's segment of its own.

A partition's ``id`` depends on what it covers (paths and ranges), its ``input_hash`` on the bytes of its files as
well and on ``PLAN_VERSION``: the manifest reuses a written partition only while both are unchanged.

``run_partition`` is the task every engine maps (in the driver's process for ``--engine local``, on Dask workers
for ``--engine dask``): the same stage function as ``warledger extract`` (``pipeline.extract_document``), one
document at a time, so a worker holds one partition's output rows and never more. It depends only on its
arguments, which is why a partition written by either engine is the same, and why a partition lost with a killed
worker can simply be run again.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import BinaryIO

from warledger.errors import ConfigError, InputError
from warledger.ingest.feeds import FEED_EXTENSIONS, feed_items
from warledger.ingest.jsonlines import coded_problem, document_from_line
from warledger.ingest.sniff import Undecodable, decode
from warledger.ingest.sources import STDIN, expand_glob, is_glob, read_file, splits_on_newlines, walk_directory
from warledger.ingest.warc import WARC_EXTENSIONS, warc_boundaries, warc_items
from warledger.pipeline import extract_document
from warledger.records import CONTRACT_VERSION, Document, Extraction, Problem, Skipped, stable_id
from warledger.scale.engines import worker_name
from warledger.scale.manifest import PartitionResult
from warledger.scale.parquet import PartitionRows, write_partition

log = logging.getLogger(__name__)

PLAN_VERSION = f"plan-1/contract-{CONTRACT_VERSION}"
"""Part of every input hash: a change in how inputs are cut or in the output contract redoes every partition."""

_CHUNK = 1 << 20

Item = Document | Problem | Skipped


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of one input file (see the module docstring)."""

    path: str
    kind: str
    """"warc", "jsonl", "feed" or "file" (anything else ``read_file`` reads: text, HTML, JSON, gzipped pages)."""
    start: int = 0
    """Byte offset where reading begins: a record or line start."""
    stop: int | None = None
    """Byte offset where the segment ends (a WARC record or a line beginning there belongs to the next one)."""
    first_line: int = 1
    """JSON Lines: the number of the line at ``start``, counting from 1."""
    skip: int = 0
    """JSON Lines that cannot be seeked (gzip): lines passed over before the segment begins."""
    take: int | None = None
    """JSON Lines that cannot be seeked: lines in the segment (None: to the end)."""
    documents: int = 1
    """Documents the segment holds (a feed's entries and a file's are counted roughly); for packing and progress."""


@dataclass(frozen=True, slots=True)
class FilePlan:
    """One input file, hashed and cut into segments."""

    path: str
    sha256: str
    """Hex digest of the file's bytes ("missing" when it cannot be read: reading it then gives the Problem)."""
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: segments read in order by one task."""

    id: str
    input_hash: str
    segments: tuple[Segment, ...]

    @property
    def documents(self) -> int:
        return sum(s.documents for s in self.segments)

    def describe(self) -> list[dict[str, object]]:
        """The segments as plain dicts (for the manifest)."""
        return [asdict(s) for s in self.segments]


def kind_of(path: str) -> str:
    """The segment kind of a file, by its name."""
    lower = path.lower()
    if lower.endswith(WARC_EXTENSIONS):
        return "warc"
    if lower.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    if lower.endswith(FEED_EXTENSIONS):
        return "feed"
    return "file"


def list_inputs(paths: Sequence[str]) -> list[str]:
    """The files ``paths`` name, in order: files as given, directories walked (sorted, known extensions only),
    globs expanded (sorted). A path that names nothing is kept, so reading it reports the Problem (E101)."""
    files: list[str] = []
    for path in paths:
        if path == STDIN:
            raise ConfigError("run: reads files, directories and globs, not standard input; "
                              "save the stream to a file, or use `warledger ingest -`", code="E201")
        if os.path.isdir(path):
            files.extend(walk_directory(path))
        elif is_glob(path) and not os.path.exists(path):
            for match in expand_glob(path):
                files.extend(walk_directory(match) if os.path.isdir(match) else [match])
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _jsonl_segments(path: str, *, every: int) -> tuple[Segment, ...]:
    """Cut a JSON Lines file every ``every`` non-blank lines: by byte offset when plain, by line number when gzipped
    (or when its text cannot be split on newline bytes, as one segment)."""
    gzipped = path.lower().endswith(".gz")
    opener = gzip.open if gzipped else open
    with opener(path, "rb") as stream:
        head = stream.read(4096)
        if not splits_on_newlines(head):
            return (Segment(path, "file"),)
        stream.seek(0)
        cuts: list[tuple[int, int, int]] = [(0, 1, 0)]  # (byte offset, line number, documents before)
        documents = offset = 0
        for number, line in enumerate(_lines(stream), start=1):
            if line.strip():
                if documents and documents % every == 0:
                    cuts.append((offset, number, documents))
                documents += 1
            offset += len(line)
    if not documents:  # empty or blank: read_file reports it (E102)
        return (Segment(path, "file"),)
    segments = []
    for index, (byte, line_no, before) in enumerate(cuts):
        following = cuts[index + 1] if index + 1 < len(cuts) else None
        count = (following[2] if following else documents) - before
        if gzipped:
            take = following[1] - line_no if following else None
            segments.append(Segment(path, "jsonl", skip=line_no - 1, take=take, documents=count))
        else:
            stop = following[0] if following else None
            segments.append(Segment(path, "jsonl", start=byte, stop=stop, first_line=line_no, documents=count))
    return tuple(segments)


def _lines(stream: BinaryIO | gzip.GzipFile) -> Iterator[bytes]:
    while line := stream.readline():
        yield line


def _warc_segments(path: str, *, every: int) -> tuple[Segment, ...]:
    offsets, responses = warc_boundaries(path, every=every)
    segments = []
    for index, start in enumerate(offsets):
        stop = offsets[index + 1] if index + 1 < len(offsets) else None
        count = min(every, responses - index * every)
        segments.append(Segment(path, "warc", start=start, stop=stop, documents=max(count, 0)))
    return tuple(segments)


def _feed_entries(path: str) -> int:
    with open(path, "rb") as stream:
        data = stream.read()
    return max(1, data.count(b"<item") + data.count(b"<entry"))


def plan_file(path: str, *, partition_size: int) -> FilePlan:
    """Hash ``path`` and cut it into segments of at most ``partition_size`` documents. A file that cannot be read
    or parsed while planning is one whole-file segment (its Problem comes out when the partition reads it)."""
    kind = kind_of(path)
    try:
        digest = _sha256(path)
    except OSError:
        return FilePlan(path, "missing", (Segment(path, kind),))
    if kind == "warc":
        try:
            return FilePlan(path, digest, _warc_segments(path, every=partition_size))
        except InputError:
            return FilePlan(path, digest, (Segment(path, "warc", documents=1),))
    if kind == "jsonl":
        try:
            return FilePlan(path, digest, _jsonl_segments(path, every=partition_size))
        except (OSError, EOFError, ValueError):  # a bad gzip: read_file reports it (E111)
            return FilePlan(path, digest, (Segment(path, "file"),))
    if kind == "feed":
        return FilePlan(path, digest, (Segment(path, "feed", documents=_feed_entries(path)),))
    return FilePlan(path, digest, (Segment(path, "file"),))


def plan_files(paths: Sequence[str], *, partition_size: int) -> list[FilePlan]:
    """``plan_file`` over a batch of paths (one task plans many small files)."""
    return [plan_file(path, partition_size=partition_size) for path in paths]


def _partition(segments: list[Segment], hashes: dict[str, str]) -> Partition:
    spec = json.dumps([asdict(s) for s in segments], sort_keys=True)
    content = json.dumps([PLAN_VERSION, spec, [hashes[s.path] for s in segments]])
    return Partition(stable_id("part", spec), hashlib.sha256(content.encode()).hexdigest(), tuple(segments))


def make_partitions(plans: Iterable[FilePlan], *, partition_size: int) -> list[Partition]:
    """Pack segments, in input order, into partitions of at most ``partition_size`` documents (a segment bigger
    than that, such as a huge single file, is a partition of its own)."""
    hashes: dict[str, str] = {}
    partitions: list[Partition] = []
    pending: list[Segment] = []
    filled = 0
    for plan in plans:
        hashes[plan.path] = plan.sha256
        for segment in plan.segments:
            if pending and filled + segment.documents > partition_size:
                partitions.append(_partition(pending, hashes))
                pending, filled = [], 0
            pending.append(segment)
            filled += segment.documents
    if pending:
        partitions.append(_partition(pending, hashes))
    return partitions


def _jsonl_range(segment: Segment, *, published: str | None, max_mb: float) -> Iterator[Document | Problem]:
    """The documents of a JSON Lines segment, numbered as in the whole file."""
    gzipped = segment.path.lower().endswith(".gz")
    opener = gzip.open if gzipped else open
    with opener(segment.path, "rb") as stream:
        stream.seek(segment.start)
        offset = segment.start
        for index, raw in enumerate(_lines(stream)):
            if segment.stop is not None and offset >= segment.stop:
                return
            if segment.take is not None and index >= segment.skip + segment.take:
                return
            offset += len(raw)
            if index < segment.skip:
                continue
            number = segment.first_line + index
            try:
                text = decode(raw.rstrip(b"\r\n")).text
            except Undecodable:
                yield coded_problem("E104", segment.path, line=number)
                continue
            item = document_from_line(text, source=segment.path, number=number, published=published, max_mb=max_mb)
            if item is not None:
                yield item


def read_segment(segment: Segment, *, published: str | None = None, max_mb: float = 20.0) -> Iterator[Item]:
    """The documents (and problems, and skipped records) of one segment, in file order."""
    if segment.kind == "warc":
        yield from warc_items(segment.path, start=segment.start, stop=segment.stop, max_mb=max_mb)
    elif segment.kind == "feed":
        yield from feed_items(segment.path, max_mb=max_mb)
    elif segment.kind == "jsonl":
        yield from _jsonl_range(segment, published=published, max_mb=max_mb)
    else:
        yield from read_file(segment.path, published=published, max_mb=max_mb)


def read_partition(partition: Partition, *, published: str | None = None, max_mb: float = 20.0) -> Iterator[Item]:
    """Every item of a partition's segments, in order: what one task feeds to the pipeline."""
    for segment in partition.segments:
        yield from read_segment(segment, published=published, max_mb=max_mb)


def _extract(doc: Document) -> Extraction | Skipped | Problem:
    """``extract_document``, with a crash on one document reported (E115) instead of failing the partition."""
    try:
        return extract_document(doc)
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not lose the other pages of the partition
        log.exception("%s: the extractor failed", doc.source_id)
        return coded_problem("E115", doc.source_id, detail=f"{type(exc).__name__}: {exc}"[:200])


def run_partition(
    partition: Partition,
    *,
    out: str,
    published: str | None = None,
    max_mb: float = 20.0,
) -> PartitionResult:
    """Extract every document of ``partition`` and write its five Parquet files under ``out``.

    Returns the counts and file names for the manifest. Raises only on a failure to write (a full disk): every
    input problem is a row of the ``problems`` table.
    """
    started = time.perf_counter()
    data = PartitionRows()
    documents = extracted = problems = incidents = claims = 0
    by_language: Counter[str] = Counter()
    by_reason: Counter[str] = Counter()
    for item in read_partition(partition, published=published, max_mb=max_mb):
        if isinstance(item, Problem):
            problems += 1
            data.add_problem(item)
            continue
        if isinstance(item, Skipped):  # a record that is not a page (non-HTML, not 200, a feed entry without text)
            by_reason[item.reason] += 1
            data.add_skipped(item)
            continue
        documents += 1
        result = _extract(item)
        if isinstance(result, Extraction):
            extracted += 1
            incidents += len(result.incidents)
            claims += len(result.claims)
            data.add_extraction(result, fetched=item.fetched)
        elif isinstance(result, Skipped):
            if result.language:
                by_language[result.language] += 1
            else:
                by_reason[result.reason] += 1
            data.add_skipped(result)
        else:
            problems += 1
            data.add_problem(result)
    files = write_partition(out, partition.id, data)
    seconds = time.perf_counter() - started
    log.debug("partition %s: %d documents in %.1fs", partition.id, documents, seconds)
    return PartitionResult(
        id=partition.id,
        input_hash=partition.input_hash,
        files=files,
        documents=documents,
        extracted=extracted,
        skipped_language=dict(sorted(by_language.items())),
        skipped_other=dict(sorted(by_reason.items())),
        problems=problems,
        incidents=incidents,
        claims=claims,
        seconds=round(seconds, 3),
        worker=worker_name(),
        segments=partition.describe(),
    )
