"""Planning: inputs are cut into partitions whose pieces, read in order, are exactly what read_sources reads."""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from scale_corpus import PARTITION_SIZE, SHARD_LINES, WARC_PAGES

from warledger.errors import ConfigError
from warledger.ingest import read_sources
from warledger.ingest.feeds import feed_items
from warledger.ingest.warc import warc_items
from warledger.records import Document, Skipped
from warledger.scale.partitions import (
    Segment,
    list_inputs,
    make_partitions,
    plan_file,
    plan_files,
    read_partition,
    read_segment,
)


def whole(path: Path) -> list[object]:
    """Every item of one file as the single-process readers give it (skipped records included)."""
    name = str(path)
    if name.endswith(".warc.gz"):
        return list(warc_items(name))
    if name.endswith(".rss"):
        return list(feed_items(name))
    return list(read_sources([name]))


def test_every_file_is_cut_into_pieces_that_read_back_the_whole_file(corpus: Path) -> None:
    for plan in plan_files(list_inputs([str(corpus)]), partition_size=PARTITION_SIZE):
        pieces = [item for segment in plan.segments for item in read_segment(segment)]
        assert pieces == whole(Path(plan.path)), plan.path
        assert all(segment.documents <= PARTITION_SIZE for segment in plan.segments if segment.kind != "feed")


def test_a_warc_is_cut_into_byte_ranges_of_n_responses(corpus: Path) -> None:
    plan = plan_file(str(corpus / "crawl-0.warc.gz"), partition_size=PARTITION_SIZE)
    assert [s.documents for s in plan.segments] == [10, 10, WARC_PAGES[0] - 20]  # pages 0-22: no noise records
    assert plan.segments[0].start == 0 and plan.segments[-1].stop is None
    assert [s.stop for s in plan.segments[:-1]] == [s.start for s in plan.segments[1:]]
    assert len(plan.sha256) == 64


def test_json_lines_are_cut_by_line_plain_by_offset_gzipped_by_count(corpus: Path, tmp_path: Path) -> None:
    plain = tmp_path / "shard.jsonl"
    with gzip.open(corpus / "shard-0.jsonl.gz", "rb") as source, open(plain, "wb") as target:
        shutil.copyfileobj(source, target)
    text = plain.read_text(encoding="utf-8").splitlines()
    plain.write_text("\n".join(text[:5] + [""] + text[5:] + ["{not json"]) + "\n", encoding="utf-8")
    seekable = plan_file(str(plain), partition_size=4)
    assert [s.first_line for s in seekable.segments] == [1, 5, 10, 14]  # the blank line 6 is not a document
    items = [item for segment in seekable.segments for item in read_segment(segment)]
    assert items == list(read_sources([str(plain)]))  # same ids, same line numbers, same problem (E106 line 14)
    gzipped = plan_file(str(corpus / "shard-0.jsonl.gz"), partition_size=5)
    assert [(s.skip, s.take, s.documents) for s in gzipped.segments] == [(0, 5, 5), (5, 5, 5), (10, None, 2)]
    assert SHARD_LINES == 12


def test_small_segments_are_packed_and_big_ones_stand_alone(corpus: Path, tmp_path: Path) -> None:
    for n in range(7):
        (tmp_path / f"page-{n}.txt").write_text(f"Report {n}: two people were hurt in Sumy.", encoding="utf-8")
    plans = plan_files(list_inputs([str(tmp_path), str(corpus / "crawl-1.warc.gz")]), partition_size=3)
    partitions = make_partitions(plans, partition_size=3)
    sizes = [p.documents for p in partitions]
    # seven one-page files in threes, then the archive's ranges (23 pages, an image and a 404 page: 25 responses)
    assert sizes == [3, 3, 1, 3, 3, 3, 3, 3, 3, 3, 3, 1]
    assert [len(p.segments) for p in partitions[:3]] == [3, 3, 1]
    read = [item for p in partitions for item in read_partition(p)]
    expected = [item for plan in plans for item in whole(Path(plan.path))]
    assert read == expected


def test_ids_depend_on_what_a_partition_covers_and_hashes_on_its_bytes_too(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Three people were killed in Kherson.", encoding="utf-8")
    before = make_partitions(plan_files([str(page)], partition_size=5), partition_size=5)
    again = make_partitions(plan_files([str(page)], partition_size=5), partition_size=5)
    assert before == again
    page.write_text("Four people were killed in Kherson.", encoding="utf-8")
    after = make_partitions(plan_files([str(page)], partition_size=5), partition_size=5)
    assert after[0].id == before[0].id and after[0].input_hash != before[0].input_hash


def test_inputs_are_listed_from_files_directories_and_globs(corpus: Path) -> None:
    listed = list_inputs([str(corpus)])
    assert [Path(p).name for p in listed] == ["crawl-0.warc.gz", "crawl-1.warc.gz", "shard-0.jsonl.gz", "wire.rss"]
    assert list_inputs([str(corpus / "*.warc.gz"), str(corpus / "crawl-0.warc.gz")]) == listed[:2]
    assert list_inputs(["/no/such/file.warc"]) == ["/no/such/file.warc"]  # reading it reports E101
    with pytest.raises(ConfigError, match="standard input"):
        list_inputs(["-"])


def test_a_missing_or_broken_file_is_one_segment_whose_reading_reports_the_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00 certainly not a gzip member")
    missing = plan_file(str(tmp_path / "none.warc.gz"), partition_size=5)
    assert missing.sha256 == "missing" and missing.segments == (Segment(str(tmp_path / "none.warc.gz"), "warc"),)
    [problem] = list(read_segment(missing.segments[0]))
    assert getattr(problem, "code", None) == "E112"
    plan = plan_file(str(broken), partition_size=5)
    assert len(plan.segments) == 1
    items = list(read_segment(plan.segments[0]))
    assert [getattr(i, "code", None) for i in items] == ["E112"]
    assert not any(isinstance(i, Document | Skipped) for i in items)


def test_a_crash_on_one_document_is_a_problem_and_the_rest_is_written(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from warledger.scale import partitions
    from warledger.scale.parquet import read_rows

    for n in range(3):
        (tmp_path / f"page-{n}.txt").write_text(f"Report {n}: two people were hurt in Sumy.", encoding="utf-8")
    real = partitions.extract_document

    def flaky(doc: Document) -> object:
        if doc.source_id.endswith("page-1.txt"):
            raise RuntimeError("a bug on this page")
        return real(doc)

    monkeypatch.setattr(partitions, "extract_document", flaky)
    [partition] = make_partitions(plan_files(list_inputs([str(tmp_path)]), partition_size=5), partition_size=5)
    result = partitions.run_partition(partition, out=str(tmp_path / "out"))
    assert (result.documents, result.extracted, result.problems) == (3, 2, 1)
    [problem] = read_rows(tmp_path / "out", result.files["problems"])
    assert problem["code"] == "E115" and "RuntimeError: a bug on this page" in problem["message"]
    assert problem["source"].endswith("page-1.txt")
