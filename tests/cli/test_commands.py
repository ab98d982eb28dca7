"""One test per CLI command, run as a user would: a subprocess of the installed entry point."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "warledger.cli"]


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, input=stdin, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory, pages) -> Path:
    path = tmp_path_factory.mktemp("db") / "ledger.duckdb"
    done = run("ingest", str(pages), "--published", "2025-11-13", "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert "1 articles added" in done.stdout
    return path


def test_extract_jsonl_follows_the_contract(pages):
    done = run("extract", str(pages / "think-tank-losses.txt"), "--published", "2025-11-13", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records[0]["type"] == "article"
    assert {r["type"] for r in records[1:]} == {"incident", "claim"}


def test_extract_table_shows_evidence(pages):
    done = run("extract", str(pages / "think-tank-losses.txt"), "--published", "2025-11-13", "--format", "table")
    assert done.returncode == 0
    assert "INCIDENT 1" in done.stdout and '"Four people were injured"' in done.stdout


def test_extract_reads_stdin():
    done = run("extract", "-", "--published", "2025-11-13", "--format", "json",
               stdin="Shelling of Kherson\n\nRussian shelling killed two people in Kherson on Monday.")
    assert done.returncode == 0, done.stderr
    [doc] = json.loads(done.stdout)
    assert doc["incidents"][0]["killed"]["min"] == 2


def test_bad_inputs_get_one_line_errors_and_nonzero_exit(tmp_path):
    missing = run("extract", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "no such file" in missing.stderr
    lines = tmp_path / "docs.jsonl"
    lines.write_text('{"id": "a", "text": "Russian shelling killed two people in Kherson on Monday."}\n{oops\n')
    done = run("extract", str(lines), "--format", "jsonl", "--published", "2025-11-13")
    assert done.returncode == 1 and "line 2" in done.stderr and "Traceback" not in done.stderr
    assert any(json.loads(line)["type"] == "incident" for line in done.stdout.splitlines())


def test_reingest_changes_nothing(db, pages):
    again = run("ingest", str(pages), "--db", str(db), "--published", "2025-11-13")
    assert again.returncode == 0 and "0 articles added, 1 already stored" in again.stdout


def test_incidents_with_filters(db):
    done = run("incidents", "--db", str(db), "--oblast", "Odesa", "--format", "json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert len(found) == 1 and found[0]["location"]["admin1"] == "Odesa Oblast"
    none = json.loads(run("incidents", "--db", str(db), "--min-killed", "100", "--format", "json").stdout)
    assert none == []


def test_claims_with_filters(db):
    done = run("claims", "--db", str(db), "--side", "Russia", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert {c["side"] for c in json.loads(done.stdout)} == {"Russia"}


def test_summary(db):
    done = run("summary", "--db", str(db), "--format", "json")
    assert json.loads(done.stdout)["articles"] == 1


def test_export_acled_csv(db):
    done = run("export", "--db", str(db), "--columns", "acled", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and {"event_date", "sub_event_type", "admin1", "fatalities"} <= set(rows[0])


def test_help_lists_every_command():
    done = run("--help")
    for command in ("extract", "ingest", "incidents", "claims", "summary", "export"):
        assert command in done.stdout


def test_ingest_fuses_reports_of_one_event_across_articles(tmp_path):
    docs = tmp_path / "wire.jsonl"
    docs.write_text(
        '{"id": "a", "published": "2026-01-12", "text": "Russian artillery shelled Kherson on Monday, killing two '
        'civilians, the regional administration said."}\n'
        '{"id": "b", "published": "2026-01-13", "text": "The death toll from Monday\'s Russian shelling of Kherson '
        'has risen to three, the regional governor said on Tuesday."}\n',
        encoding="utf-8",
    )
    db = tmp_path / "l.duckdb"
    done = run("ingest", str(docs), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "2 reports fused" in done.stdout
    events = json.loads(run("events", "--db", str(db), "--format", "json").stdout)
    assert len(events) == 1
    assert events[0]["killed"]["low"] == 2 and events[0]["killed"]["best"] == 3
    exported = run("export", "--db", str(db), "--kind", "events", "--columns", "ucdp")
    [row] = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert (row["low"], row["best"], row["high"], row["number_of_sources"]) == ("2", "3", "3", "2")
