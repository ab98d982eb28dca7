"""``warledger run`` with the local engine: the Parquet output, the summary, resuming, loading the ledger, the CLI."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from scale_corpus import FEED_ENTRIES, PARTITION_SIZE, SHARD_LINES, WARC_PAGES, all_tables, partition_files, table_rows

from warledger.cli import build_parser, main
from warledger.scale.manifest import MANIFEST_NAME, Manifest
from warledger.scale.runner import RunSummary, run
from warledger.scale.synthetic import ReportComposer
from warledger.scale.synthetic_files import write_feed
from warledger.store import Ledger

DOCUMENTS = sum(WARC_PAGES) + FEED_ENTRIES + SHARD_LINES
DOCS = Path(__file__).resolve().parents[2] / "docs" / "scaling.md"


def test_a_local_run_writes_every_table_and_counts_what_it_did(reference_run: tuple[Path, RunSummary]) -> None:
    out, summary = reference_run
    assert summary.documents == DOCUMENTS and summary.reused == 0 and summary.problems == 0
    assert summary.extracted + sum(summary.skipped_language.values()) == DOCUMENTS
    assert set(summary.skipped_language) <= {"uk", "ru"} and summary.skipped_language
    assert summary.skipped_other == {"HTTP status 404": 1, "not HTML: image/jpeg": 1}  # pages 36 and 40 of the crawl
    tables = all_tables(out)
    assert len(tables["articles"]) == summary.extracted and len(tables["incidents"]) == summary.incidents > 0
    assert len(tables["claims"]) == summary.claims and len(tables["problems"]) == 0
    assert len(tables["skipped"]) == DOCUMENTS - summary.extracted + 2
    assert {row["language"] for row in tables["skipped"]} == {None, *summary.skipped_language}
    assert json.loads((out / "summary.json").read_text())["documents"] == DOCUMENTS
    assert summary.peak_rss and all(value > 50 * 2**20 for value in summary.peak_rss.values())
    assert list(summary.cpu_seconds) == list(summary.peak_rss) and summary.documents_per_cpu_second > 0
    manifest = Manifest(out)
    assert len(manifest.entries) == summary.partitions and all(e.documents <= PARTITION_SIZE
                                                               for e in manifest.entries.values())
    assert not [name for name in partition_files(out) if ".tmp-" in name]


def test_articles_keep_url_fetch_date_and_where_the_publication_date_came_from(
        reference_run: tuple[Path, RunSummary]) -> None:
    articles = table_rows(reference_run[0], "articles")
    from_warc = [a for a in articles if ".warc.gz#" in a["source_id"]]
    assert from_warc and all(a["fetched"] and a["url"].startswith("https://") for a in from_warc)
    assert {a["published_source"] for a in from_warc} == {"metadata"}
    from_feed = [a for a in articles if a["source_id"].startswith("synthetic-")]
    assert {a["published_source"] for a in from_feed} == {"given"} and not any(a["fetched"] for a in from_feed)
    composer = ReportComposer(seed=17)
    by_url = {a["url"]: a for a in from_warc}
    report = next(composer.compose(n) for n in range(sum(WARC_PAGES)) if composer.compose(n).url in by_url)
    assert by_url[report.url]["title"] == report.title
    assert by_url[report.url]["published"] == report.published.date().isoformat()


def copy_output(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "out"
    shutil.copytree(out, target)
    return target


def test_a_rerun_skips_written_partitions_and_redoes_only_a_lost_one(
        corpus: Path, reference_run: tuple[Path, RunSummary], tmp_path: Path) -> None:
    reference, first = reference_run
    out = copy_output(reference, tmp_path)
    lost = next(iter(Manifest(out).entries.values()))
    (out / lost.files["incidents"]).unlink()
    summary = run([str(corpus)], out=out, engine="local", partition_size=PARTITION_SIZE)
    assert (summary.reused, summary.documents_this_run) == (first.partitions - 1, lost.documents)
    assert summary.documents == first.documents and summary.incidents == first.incidents
    assert all_tables(out) == all_tables(reference)


def test_a_changed_input_redoes_only_its_partitions(corpus: Path, reference_run: tuple[Path, RunSummary],
                                                    tmp_path: Path) -> None:
    reference, first = reference_run
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    out = tmp_path / "out"
    run([str(changed)], out=out, engine="local", partition_size=PARTITION_SIZE)
    write_feed(changed / "wire.rss", composer=ReportComposer(seed=99), first=0, count=FEED_ENTRIES)
    summary = run([str(changed)], out=out, engine="local", partition_size=PARTITION_SIZE)
    assert summary.partitions == first.partitions and summary.reused == first.partitions - 1
    [redone] = [e for e in Manifest(out).entries.values() if any(s["path"].endswith("wire.rss") for s in e.segments)]
    assert summary.documents_this_run == redone.documents == FEED_ENTRIES + SHARD_LINES - PARTITION_SIZE  # + shard tail


def test_loading_the_ledger_is_idempotent(corpus: Path, reference_run: tuple[Path, RunSummary],
                                          tmp_path: Path) -> None:
    reference, first = reference_run
    out = copy_output(reference, tmp_path)
    db = tmp_path / "ledger.duckdb"
    summary = run([str(corpus)], out=out, engine="local", partition_size=PARTITION_SIZE, db=db)
    assert summary.reused == first.partitions and summary.loaded is not None
    assert summary.loaded["articles_added"] == first.extracted and summary.loaded["incidents"] == first.incidents
    assert summary.loaded["events"].startswith(("rebuilt", "skipped"))
    again = run([str(corpus)], out=out, engine="local", partition_size=PARTITION_SIZE, db=db)
    assert again.loaded is not None
    assert (again.loaded["articles_added"], again.loaded["duplicates"]) == (0, first.extracted)
    with Ledger(db, read_only=True) as ledger:
        counts = ledger.sql("SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM incidents) AS i,"
                            " (SELECT count(*) FROM claims) AS c, (SELECT count(*) FROM skipped) AS s")[0]
        stored = {r["id"] for r in ledger.sql("SELECT id FROM incidents")}
    assert (counts["a"], counts["i"], counts["c"]) == (first.extracted, first.incidents, first.claims)
    assert counts["s"] == len(table_rows(reference, "skipped"))
    assert stored == {row["id"] for row in table_rows(reference, "incidents")}


def test_the_command_prints_the_summary(corpus: Path, reference_run: tuple[Path, RunSummary], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = copy_output(reference_run[0], tmp_path)
    code = main(["run", str(corpus), "--out", str(out), "--no-db", "--partition-size", str(PARTITION_SIZE)])
    printed = capsys.readouterr().out
    assert code == 0
    assert re.search(rf"documents\s+{DOCUMENTS}\b", printed) and "documents/s" in printed
    assert re.search(r"skipped\s+by language: (ru|uk) \d", printed) and "peak memory" in printed
    assert f"({reference_run[1].partitions} already written)" in printed


@pytest.mark.parametrize(("argv", "expected"), [
    (["--engine", "local", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler: only with --engine dask"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "drop --workers or --scheduler"),
])
def test_bad_option_combinations_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     argv: list[str], expected: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Two people were hurt in Sumy.", encoding="utf-8")
    assert main(["run", str(page), "--out", str(tmp_path / "out"), "--no-db", *argv]) == 1
    assert expected in capsys.readouterr().err


def test_standard_input_and_empty_globs_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "-", "--out", str(tmp_path / "out"), "--no-db"]) == 1
    assert "not standard input" in capsys.readouterr().err
    assert main(["run", str(tmp_path / "*.warc.gz"), "--out", str(tmp_path / "out"), "--no-db"]) == 1
    assert "no input files found" in capsys.readouterr().err
    assert not (tmp_path / "out" / MANIFEST_NAME).exists()


def test_every_run_option_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    run_parser = sub.choices["run"]  # type: ignore[index]
    options = [o for action in run_parser._actions for o in action.option_strings if o.startswith("--")]
    text = DOCS.read_text(encoding="utf-8")
    assert [o for o in options if o != "--help" and o not in text] == []
