"""The manifest journal, the output lock and the Parquet writer: what makes a run resumable and never half-written."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from warledger.errors import ConfigError
from warledger.records import Article, Caption, Count, Evidence, Extraction, Incident, Location, Problem, Skipped
from warledger.scale.manifest import MANIFEST_NAME, Manifest, OutputLock, PartitionResult
from warledger.scale.parquet import SCHEMAS, TABLES, PartitionRows, remove_temporary, write_partition
from warledger.store import Ledger


def result(partition_id: str, input_hash: str = "h1", **counts: int) -> PartitionResult:
    files = {table: f"{table}/{partition_id}.parquet" for table in TABLES}
    return PartitionResult(id=partition_id, input_hash=input_hash, files=files, **counts)  # type: ignore[arg-type]


def touch_files(out: Path, entry: PartitionResult) -> None:
    for relative in entry.files.values():
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_bytes(b"x")


def test_a_recorded_partition_is_done_while_its_hash_and_files_are_unchanged(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    entry = result("part-a", documents=5, incidents=2)
    touch_files(tmp_path, entry)
    manifest.record(entry)
    reread = Manifest(tmp_path)
    assert reread.done("part-a", "h1") == entry
    assert reread.done("part-a", "h2") is None  # the input changed
    assert reread.done("part-b", "h1") is None
    (tmp_path / entry.files["claims"]).unlink()
    assert reread.done("part-a", "h1") is None  # a file is gone


def test_a_later_line_supersedes_an_earlier_one(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    manifest.record(result("part-a", "h1", documents=5))
    manifest.record(result("part-a", "h2", documents=6))
    assert Manifest(tmp_path).entries["part-a"].documents == 6


def test_a_torn_last_line_is_ignored_and_cut_off_before_the_next_append(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    manifest.record(result("part-a"))
    with open(tmp_path / MANIFEST_NAME, "a", encoding="utf-8") as stream:
        stream.write('{"id": "part-b", "input_ha')  # a driver killed mid-write
    reread = Manifest(tmp_path)
    assert list(reread.entries) == ["part-a"]
    reread.record(result("part-c"))
    assert list(Manifest(tmp_path).entries) == ["part-a", "part-c"]
    lines = (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and "part-b" not in "".join(lines)


def test_the_lock_refuses_a_live_run_and_takes_over_a_dead_ones(tmp_path: Path) -> None:
    with OutputLock(tmp_path):
        assert (tmp_path / "run.lock").read_text().strip() == str(os.getpid())
    assert not (tmp_path / "run.lock").exists()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / "run.lock").write_text(f"{sleeper.pid}\n")
        with pytest.raises(ConfigError, match="another warledger run"), OutputLock(tmp_path):
            pass
    finally:
        sleeper.kill()
        sleeper.wait()
    with OutputLock(tmp_path):  # the holder is gone: taken over
        pass


def sample_rows() -> PartitionRows:
    text = "Drone hits Odesa port\n\nTwo workers were killed, the governor said."
    article = Article("art-1", "crawl.warc.gz#10", "Drone hits Odesa port", None, text,
                      ["Two workers were killed, the governor said."], [Caption("The port.", "Photo: A/B")],
                      url="https://news.example/a", published="2026-01-28", language="en", content_hash="c1")
    evidence = [Evidence("killed", "Two workers were killed", 23, 46)]
    incident = Incident("inc-1", "art-1", "2026-01-28", "day", "Air/drone strike", "drone",
                        Location("Odesa", "Odesa Oblast", lat=46.48, lon=30.73, gazetteer_id="geonames:698740",
                                 precision=1), "Russia", ["port"], Count(2, 2), None, None, ["governor"], evidence,
                        0.9)
    rows = PartitionRows()
    rows.add_extraction(Extraction(article, [incident], []), fetched="2026-01-28T09:00:00Z")
    rows.add_skipped(Skipped("crawl.warc.gz#99", "language uk is not extracted yet", "uk"))
    rows.add_problem(Problem("crawl.warc.gz", "not a readable WARC file", code="E112"))
    return rows


def test_a_partition_is_written_whole_under_its_final_names(tmp_path: Path) -> None:
    files = write_partition(tmp_path, "part-x", sample_rows())
    assert files == {table: f"{table}/part-x.parquet" for table in TABLES}
    assert sorted(p.name for table in TABLES for p in (tmp_path / table).iterdir()) == ["part-x.parquet"] * 5
    [article] = pq.read_table(tmp_path / files["articles"]).to_pylist()
    assert article["fetched"] == "2026-01-28T09:00:00Z" and article["captions"].startswith('[{"text": "The port."')
    [incident] = pq.read_table(tmp_path / files["incidents"]).to_pylist()
    assert (incident["place"], incident["killed_min"], incident["injured_min"]) == ("Odesa", 2, None)
    for table in TABLES:
        assert pq.read_schema(tmp_path / files[table]).names == SCHEMAS[table].names


def test_temporary_files_of_an_interrupted_write_are_removed(tmp_path: Path) -> None:
    write_partition(tmp_path, "part-x", sample_rows())
    leftover = tmp_path / "claims" / ".part-y.parquet.tmp-123"
    leftover.write_bytes(b"half")
    assert remove_temporary(tmp_path) == 1
    assert not leftover.exists() and (tmp_path / "claims" / "part-x.parquet").exists()


def test_the_parquet_columns_hold_every_column_the_ledger_stores(tmp_path: Path) -> None:
    derived = {"published_day", "day", "ingested_at"}  # filled in by the ledger on insert
    with Ledger(tmp_path / "ledger.duckdb") as ledger:
        for table in ("articles", "incidents", "claims"):
            stored = {row["column_name"] for row in ledger.sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])}
            assert stored - derived <= set(SCHEMAS[table].names), table
