"""Events and the claims registry in the ledger: round trip, filters, incremental update == rebuild, aliases."""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from fuse_builders import exact, item, oblast, place

from warledger.fuse import ArticleMeta
from warledger.records import Article, Event, Extraction, Incident, incident_from_dict
from warledger.store import Ledger
from warledger.store.events import (
    event_detail,
    event_row,
    import_claims,
    load_events,
    load_reports,
    rebuild_events,
    rebuild_registry,
    series_table,
    update_events,
)

PAIRS = Path(__file__).resolve().parents[2] / "warledger" / "fuse" / "data" / "fusion_pairs.jsonl"


def extraction(incidents: list[Incident], meta: ArticleMeta, text: str) -> Extraction:
    article = Article(id=meta.article_id, source_id=meta.article_id, title=None, standfirst=None, text=text,
                      paragraphs=[text], captions=[], publisher=meta.publisher, published=meta.published)
    return Extraction(article, incidents, [])


def gold_documents() -> list[Extraction]:
    """Every article of the gold pairs file as a document (the pairs file is the project's own)."""
    by_article: dict[str, tuple[dict[str, Any], list[Incident]]] = {}
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for side in (row["a"], row["b"], *row["context"]):
            entry = by_article.setdefault(side["article"]["id"], (side["article"], []))
            entry[1].append(incident_from_dict(side["incident"]))
    return [extraction(incs, ArticleMeta(a["id"], a["publisher"], a["published"]), a["text"])
            for a, incs in by_article.values()]


@pytest.fixture
def ledger(tmp_path: Path) -> Any:
    with Ledger(tmp_path / "ledger.duckdb") as opened:
        yield opened


def _comparable(events: list[Event]) -> dict[str, dict[str, Any]]:
    out = {}
    for event in events:
        plain = event.to_dict()
        plain.pop("supersedes")
        out[event.id] = plain
    return out


def test_incremental_updates_equal_a_rebuild(ledger: Ledger) -> None:
    documents = gold_documents()
    random.Random(4).shuffle(documents)
    for start in range(0, len(documents), 25):
        ledger.add_many(documents[start:start + 25])
        stats = update_events(ledger)
        assert stats.new_reports > 0
    incremental = _comparable(load_events(ledger))
    assert sum(len(e["members"]) for e in incremental.values()) == len(load_reports(ledger))
    rebuilt = rebuild_events(ledger)
    assert rebuilt.events_total == len(incremental)
    assert _comparable(load_events(ledger)) == incremental
    assert update_events(ledger).new_reports == 0


def test_filters_and_detail(ledger: Ledger) -> None:
    for incidents, meta in (
        item("a", location=place("odesa"), killed=exact(2), targets=("port",)),
        item("b", location=place("odesa"), killed=exact(6), targets=("port",), published="2026-01-29T08:00:00",
             attributed_to=("Oleh Kiper",)),
        item("c", location=place("kharkiv"), killed=exact(1)),
    ):
        ledger.add(extraction([incidents], meta, incidents.evidence[0].text + f" ({meta.article_id})"))
    update_events(ledger)
    odesa = load_events(ledger, oblast="Odesa")
    assert len(odesa) == 1 and len(odesa[0].members) == 2
    assert [e.killed.best for e in load_events(ledger, min_killed=5) if e.killed] == [6]
    assert len(load_events(ledger, article_id="art-c")) == 1
    assert len(load_events(ledger, place="geonames:706483")) == 1
    detail = event_detail(ledger, odesa[0].id)
    assert detail is not None and detail.killed is not None
    assert [p.min for p in detail.killed.history] == [2, 6]
    history = ledger.sql("SELECT field, seq, \"min\" FROM event_history WHERE event_id = ? ORDER BY seq",
                         [odesa[0].id])
    assert [(r["field"], r["min"]) for r in history] == [("killed", 2), ("killed", 6)]
    members = ledger.sql("SELECT incident_id, reasons FROM event_members WHERE event_id = ? ORDER BY seq",
                         [odesa[0].id])
    assert "same gazetteer entry geonames:698740" in json.loads(members[1]["reasons"])
    assert event_detail(ledger, "evt-missing") is None
    row = event_row(detail)
    assert (row["killed_low"], row["killed_best"], row["killed_high"], row["place"], row["reports"]) == (
        2, 6, 6, "Odesa", 2)
    assert "record" not in row


def test_an_earlier_report_keeps_the_old_id_reachable(ledger: Ledger) -> None:
    later, later_meta = item("b", location=place("kyiv"), published="2026-01-28T10:00:00")
    ledger.add(extraction([later], later_meta, "later report"))
    update_events(ledger)
    old_id = load_events(ledger)[0].id
    earlier, earlier_meta = item("a", location=place("kyiv"), published="2026-01-28T06:00:00")
    ledger.add(extraction([earlier], earlier_meta, "earlier report"))
    update_events(ledger)
    events = load_events(ledger)
    assert len(events) == 1 and events[0].id != old_id and events[0].supersedes == [old_id]
    found = event_detail(ledger, old_id)
    assert found is not None and found.id == events[0].id


def test_a_replaced_article_leaves_its_event(ledger: Ledger) -> None:
    first, meta = item("a", location=oblast("Sumy Oblast"), killed=exact(1))
    ledger.add(extraction([first], meta, "first version"))
    other, other_meta = item("b", location=place("sumy"), killed=exact(1), published="2026-01-28T09:00:00")
    ledger.add(extraction([other], other_meta, "another report"))
    update_events(ledger)
    assert len(load_events(ledger)) == 1
    moved, _ = item("a2", article="art-a", location=place("kharkiv"), killed=exact(1))
    ledger.add(extraction([moved], meta, "second version"))  # same article id, new content: replaces the first
    update_events(ledger)
    groups = {frozenset(m.incident_id for m in e.members) for e in load_events(ledger)}
    assert groups == {frozenset({"b"}), frozenset({"a2"})}


def test_claims_import_registry_and_series(ledger: Ledger, tmp_path: Path) -> None:
    table = tmp_path / "estimates.csv"
    table.write_text(
        "date,estimate_low,estimate_high,estimate,type,source,source_url,country\n"
        "01/03/2024,,,100000,casualties,Test Ministry,https://example.org/a,russia\n"
        "01/06/2024,,,120000,casualties,Test Ministry,https://example.org/b,russia\n"
        "01/06/2024,30000,40000,,deaths,Example Institute,https://example.org/c,ukraine\n", encoding="utf-8")
    assert import_claims(ledger, table) == 3
    assert import_claims(ledger, table) == 0
    stored = ledger.claims()
    article = ledger.article("import:estimates.csv")
    assert article is not None
    for claim in stored:
        ev = claim.evidence[0]
        assert article.text[ev.start:ev.end] == ev.text
    rows = series_table(ledger, side="Russia")
    assert [(r["claimant"], r["max"]) for r in rows] == [("Test Ministry", 100_000), ("Test Ministry", 120_000)]
    assert len(rebuild_registry(ledger)) == 3
    assert ledger.sql("SELECT count(*) AS n FROM claim_registry_reports")[0]["n"] == 3


def test_reading_a_ledger_that_was_never_fused(tmp_path: Path) -> None:
    path = tmp_path / "plain.duckdb"
    Ledger(path).close()
    with Ledger(path, read_only=True) as ledger:
        assert load_events(ledger) == []
        assert event_detail(ledger, "evt-x") is None


def test_a_changed_incident_is_fused_again_and_equals_a_rebuild(ledger: Ledger) -> None:
    """Same incident id, new content (the article was edited and ingested again)."""
    port, port_meta = item("x", location=place("odesa"), targets=("port",))
    ledger.add(extraction([port], port_meta, "the port was hit"))
    other, other_meta = item("y", location=place("odesa"), targets=("port",), published="2026-01-28T09:00:00")
    ledger.add(extraction([other], other_meta, "the port again"))
    region, region_meta = item("v", location=oblast("Odesa Oblast"), published="2026-01-28T10:00:00")
    ledger.add(extraction([region], region_meta, "the region"))
    energy, energy_meta = item("z", location=place("odesa"), targets=("energy",), published="2026-01-28T11:00:00")
    ledger.add(extraction([energy], energy_meta, "the power plant"))
    update_events(ledger)
    groups = {frozenset(m.incident_id for m in e.members) for e in load_events(ledger)}
    assert frozenset({"v"}) in groups  # two candidate events: the oblast-level report stands alone
    moved, _ = item("z", article="art-z", location=place("kharkiv"), targets=("energy",))
    ledger.add(extraction([moved], energy_meta, "the power plant, corrected: Kharkiv"))
    update_events(ledger)
    incremental = _comparable(load_events(ledger))
    groups = {frozenset(e["members"][i]["incident_id"] for i in range(len(e["members"]))) for e in incremental.values()}
    assert groups == {frozenset({"x", "y", "v"}), frozenset({"z"})}
    rebuild_events(ledger)
    assert _comparable(load_events(ledger)) == incremental
