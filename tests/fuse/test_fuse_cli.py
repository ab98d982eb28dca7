"""The fusion commands as a user runs them: fuse, events, event, claims import, claims --series."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuse_builders import exact, item, place

from warledger.cli import main
from warledger.records import Article, Extraction
from warledger.store import Ledger


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.duckdb"
    with Ledger(path) as ledger:
        for incident, meta in (
            item("a", location=place("odesa"), killed=exact(2), published="2026-01-28T08:00:00",
                 text="Two people were killed at the port.", killed_text="Two people were killed"),
            item("b", location=place("odesa"), killed=exact(4), published="2026-01-29T08:00:00",
                 attributed_to=("Oleh Kiper",), text="The toll rose to four, the governor said."),
            item("c", location=place("kharkiv"), injured=exact(3), text="Three were hurt in Kharkiv."),
        ):
            text = incident.evidence[0].text
            article = Article(id=meta.article_id, source_id=meta.article_id, title=None, standfirst=None, text=text,
                              paragraphs=[text], captions=[], publisher=meta.publisher, published=meta.published)
            ledger.add(Extraction(article, [incident], []))
    return path


def test_fuse_then_list_and_show(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fuse", "--db", str(db)]) == 0
    assert "3 reports fused" in capsys.readouterr().out
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(events) == 2 and {e["type"] for e in events} == {"event"}
    odesa = next(e for e in events if len(e["members"]) == 2)
    assert (odesa["killed"]["low"], odesa["killed"]["best"], odesa["killed"]["high"]) == (2, 4, 4)
    assert main(["events", "--db", str(db), "--oblast", "Kharkiv", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Kharkiv" in out and "(1 events)" in out
    assert main(["event", odesa["id"], "--db", str(db), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert f"EVENT {odesa['id']}" in out and "best 4 · low 2 · high 4" in out
    assert '"Two people were killed"' in out and "why: " in out and "per Oleh Kiper" in out
    assert main(["fuse", "--rebuild", "--db", str(db)]) == 0
    assert "2 in total" in capsys.readouterr().out


def test_event_unknown_id_is_a_one_line_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fuse", "--db", str(db)]) == 0
    assert main(["event", "evt-nope", "--db", str(db)]) == 1
    assert "no event 'evt-nope'" in capsys.readouterr().err


def test_claims_import_and_series(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "estimates.csv"
    table.write_text(
        "date,estimate_low,estimate_high,estimate,type,source,source_url,country\n"
        "01/03/2024,,,100000,casualties,Test Ministry,https://example.org/a,russia\n"
        "01/06/2024,90000,110000,,deaths,Test Ministry,https://example.org/b,russia\n", encoding="utf-8")
    db = tmp_path / "ledger.duckdb"
    assert main(["claims", "import", str(table), "--db", str(db)]) == 0
    assert "2 estimates imported" in capsys.readouterr().out
    assert main(["claims", "import", str(table), "--db", str(db)]) == 0
    assert "imported before" in capsys.readouterr().out
    assert main(["claims", "--series", "--db", str(db), "--metric", "killed", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Test Ministry" in out and "90000-110000" in out and "(1 estimates)" in out
    assert main(["claims", "import", str(tmp_path / "absent.csv"), "--db", str(db)]) == 1
    assert "no such file" in capsys.readouterr().err
