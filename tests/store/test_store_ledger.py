"""Ledger writes and reads: round trips, idempotent re-ingest, replacement, batches, skipped documents, summary."""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from ledger_samples import ClaimSpec, IncidentSpec, numbered, sample

from warledger import records
from warledger.errors import ConfigError, StoreError
from warledger.store import Ledger


def _stored_counts(ledger: Ledger) -> tuple[int, int, int]:
    summary = ledger.summary()
    return summary["articles"], summary["incidents"], summary["claims"]


def test_round_trip_returns_equal_records_with_evidence(ledger: Ledger) -> None:
    extraction = sample("rt", [IncidentSpec(injured=3), IncidentSpec(place="Otherburg", killed=None)],
                        [ClaimSpec(as_of="2026-01-20")])
    assert ledger.add(extraction) is True

    article = ledger.article(extraction.article.id)
    assert article == extraction.article
    assert ledger.incidents(article_id=article.id, order="id") == sorted(extraction.incidents, key=lambda i: i.id)
    assert ledger.claims() == extraction.claims
    for incident in ledger.incidents():
        assert incident.evidence, "evidence must survive the round trip"
        for evidence in incident.evidence:
            assert article.text[evidence.start:evidence.end] == evidence.text
    assert ledger.incident(extraction.incidents[0].id) == extraction.incidents[0]
    assert ledger.claim(extraction.claims[0].id) == extraction.claims[0]


def test_round_trip_keeps_null_location_and_counts_apart_from_empty_ones(ledger: Ledger) -> None:
    base = sample("nulls", [IncidentSpec()])
    bare = dataclasses.replace(base.incidents[0], location=None, killed=None, injured=None, date=None,
                               date_precision="unknown", targets=[], attributed_to=[], evidence=[])
    empty_place = dataclasses.replace(base.incidents[0], id="inc-empty",
                                      location=records.Location(None, None, None, None),
                                      killed=records.Count(None, 10, "up to"))
    ledger.add(records.Extraction(base.article, [bare, empty_place], []))
    assert ledger.incident(bare.id) == bare
    assert ledger.incident("inc-empty") == empty_place


def test_unknown_ids_give_none(ledger: Ledger) -> None:
    assert ledger.article("nope") is None
    assert ledger.incident("nope") is None
    assert ledger.claim("nope") is None


def test_re_adding_the_same_content_changes_nothing(ledger: Ledger) -> None:
    extraction = sample("again", [IncidentSpec()], [ClaimSpec()])
    assert ledger.add(extraction) is True
    before = ledger.sql("SELECT id, ingested_at FROM articles")
    assert ledger.add(extraction) is False
    same_text_other_source = dataclasses.replace(extraction.article, id="art-other", source_id="copy.txt")
    assert ledger.add(records.Extraction(same_text_other_source, [], [])) is False
    assert _stored_counts(ledger) == (1, 1, 1)
    assert ledger.sql("SELECT id, ingested_at FROM articles") == before


def test_empty_content_hash_is_computed_from_the_text(ledger: Ledger) -> None:
    extraction = sample("nohash", [IncidentSpec()])
    extraction.article.content_hash = ""
    assert ledger.add(extraction) is True
    stored = ledger.sql("SELECT content_hash FROM articles")[0]["content_hash"]
    assert stored == records.content_hash(extraction.article.text)
    assert ledger.add(extraction) is False


def test_edited_document_with_the_same_id_replaces_the_old_version(ledger: Ledger) -> None:
    first = sample("edited", [IncidentSpec(), IncidentSpec(place="Second")], [ClaimSpec()])
    ledger.add(first)
    second = sample("edited", [IncidentSpec(killed=9)], body="A correction was appended.")
    assert second.article.id == first.article.id
    assert ledger.add(second) is True
    assert _stored_counts(ledger) == (1, 1, 0)
    assert ledger.article(first.article.id) == second.article
    assert [i.killed for i in ledger.incidents()] == [records.Count(9, 9, "exact")]


def test_add_many_batches_and_counts(ledger: Ledger) -> None:
    ledger.add(numbered(0))
    docs = [numbered(n) for n in range(7)] + [numbered(3)]
    stats = ledger.add_many(docs, batch=3)
    assert stats.duplicates == 2  # doc 0 stored before, doc 3 repeated within the run
    assert stats.articles_added == 6
    assert stats.incidents == sum(len(numbered(n).incidents) for n in range(1, 7))
    assert stats.claims == sum(len(numbered(n).claims) for n in range(1, 7))
    assert _stored_counts(ledger) == (7, sum(n % 4 + 1 for n in range(7)), sum(n % 2 for n in range(7)))
    again = ledger.add_many(docs, batch=50)
    assert (again.articles_added, again.duplicates, again.incidents) == (0, 8, 0)


def test_add_many_accepts_a_generator_and_rejects_a_zero_batch(ledger: Ledger) -> None:
    stats = ledger.add_many((numbered(n) for n in range(5)), batch=2)
    assert stats.articles_added == 5
    with pytest.raises(ConfigError, match="batch"):
        ledger.add_many([numbered(9)], batch=0)


def test_a_failing_batch_writes_nothing_and_says_which(ledger: Ledger) -> None:
    good = numbered(1)
    clash = numbered(2)
    clash.incidents[0].id = good.incidents[0].id  # two documents claiming the same incident id
    with pytest.raises(StoreError) as caught:
        ledger.add_many([good, clash], batch=5)
    assert caught.value.code == "E311"
    assert "doc1.txt" in str(caught.value) and "\n" not in str(caught.value)
    assert _stored_counts(ledger) == (0, 0, 0)
    assert ledger.add(good) is True


def test_record_skipped_is_idempotent_and_summarised_by_language(ledger: Ledger) -> None:
    assert ledger.record_skipped(records.Skipped("a.txt", "language uk", "uk")) is True
    assert ledger.record_skipped(records.Skipped("a.txt", "language uk", "uk")) is False
    ledger.record_skipped(records.Skipped("b.txt", "language uk", "uk"))
    ledger.record_skipped(records.Skipped("c.txt", "no text"))
    summary = ledger.summary()
    assert summary["skipped"] == 3
    assert summary["skipped_by_language"] == {"uk": 2, "unknown": 1}


def test_summary_totals_and_date_range(ledger: Ledger) -> None:
    ledger.add(sample("s1", [IncidentSpec(killed=2, injured=5, day="2026-01-05"),
                             IncidentSpec(killed=None, injured=1, day="2026-01-20")]))
    ledger.add(sample("s2", [IncidentSpec(killed=7, day=None)], [ClaimSpec()]))
    summary = ledger.summary()
    assert {k: summary[k] for k in ("articles", "incidents", "claims", "killed", "injured", "missing")} == {
        "articles": 2, "incidents": 3, "claims": 1, "killed": 9, "injured": 6, "missing": 0}
    assert (summary["first_date"], summary["last_date"]) == ("2026-01-05", "2026-01-20")
    assert summary["schema_version"] == ledger.schema_version


def test_empty_ledger_summary(ledger: Ledger) -> None:
    summary = ledger.summary()
    assert (summary["articles"], summary["killed"], summary["first_date"]) == (0, 0, None)


def test_read_only_ledger_reads_but_refuses_writes(db_path, ledger: Ledger) -> None:
    ledger.add(numbered(1))
    ledger.close()
    with Ledger(db_path, read_only=True) as reader:
        assert len(reader.incidents()) == 2
        with pytest.raises(StoreError) as caught:
            reader.add(numbered(2))
        assert caught.value.code == "E310"
        with pytest.raises(StoreError):
            reader.record_skipped(records.Skipped("x", "no text"))


def test_sql_takes_parameters_and_returns_dicts(ledger: Ledger) -> None:
    ledger.add(numbered(3))
    found = ledger.sql("SELECT place, killed_min FROM incidents WHERE killed_min >= ? ORDER BY killed_min", [2])
    assert found == [{"place": "Place3x2", "killed_min": 2}, {"place": "Place3x3", "killed_min": 3}]
    assert ledger.sql("CREATE TEMP TABLE scratch (x INTEGER)") == []
    assert ledger.connection.execute("SELECT count(*) FROM articles").fetchall() == [(1,)]


def test_committed_data_survives_reopening(db_path) -> None:
    with Ledger(db_path) as first:
        first.add_many([numbered(n) for n in range(4)])
        expected = first.incidents(order="id")
    with Ledger(db_path) as second:
        assert second.incidents(order="id") == expected


def test_timestamps_are_utc_whatever_the_session_time_zone(ledger: Ledger) -> None:
    ledger.sql("SET TimeZone = 'Asia/Tokyo'")
    ledger.add(numbered(1))
    ledger.record_skipped(records.Skipped("x.txt", "no text"))
    now = datetime.now(UTC).replace(tzinfo=None)
    (stamps,) = ledger.sql("SELECT (SELECT ingested_at FROM articles) AS a, (SELECT skipped_at FROM skipped) AS s")
    for stamp in stamps.values():
        assert abs(stamp - now) < timedelta(minutes=5)
