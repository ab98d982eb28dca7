"""Opening databases: one-line errors for bad paths and files, schema versions, and migration from version 1."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from ledger_samples import ClaimSpec, IncidentSpec, sample

from warledger.errors import StoreError
from warledger.store import SCHEMA_VERSION, Ledger
from warledger.store.schema import stored_version


def _open_error(path: Path | str, **options: bool) -> StoreError:
    with pytest.raises(StoreError) as caught:
        Ledger(path, **options)
    assert "\n" not in str(caught.value), "a user-facing error is one line"
    return caught.value


def test_missing_folder(tmp_path: Path) -> None:
    error = _open_error(tmp_path / "nowhere" / "x.duckdb")
    assert error.code == "E302" and "nowhere" in str(error) and "create it" in str(error)


def test_a_directory_is_not_a_database(tmp_path: Path) -> None:
    assert _open_error(tmp_path).code == "E303"


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("These are my notes, not a database. " * 20)
    error = _open_error(path)
    assert error.code == "E304" and "not a DuckDB database" in str(error)
    assert path.read_text().startswith("These are my notes"), "the file is left alone"


def test_read_only_needs_an_existing_database(tmp_path: Path) -> None:
    assert _open_error(tmp_path / "absent.duckdb", read_only=True).code == "E306"
    assert not (tmp_path / "absent.duckdb").exists()


def test_memory_database_works(tmp_path: Path) -> None:
    with Ledger(":memory:") as ledger:
        assert ledger.add(sample("mem", [IncidentSpec()]))
        assert ledger.summary()["incidents"] == 1


def test_new_database_gets_the_current_version(db_path: Path) -> None:
    Ledger(db_path).close()
    connection = duckdb.connect(str(db_path))
    assert stored_version(connection) == SCHEMA_VERSION
    connection.close()
    with Ledger(db_path, read_only=True) as reader:
        assert reader.schema_version == SCHEMA_VERSION


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    Ledger(db_path).close()
    connection = duckdb.connect(str(db_path))
    connection.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    connection.close()
    error = _open_error(db_path)
    assert error.code == "E307" and "upgrade warledger" in str(error)


def test_a_foreign_duckdb_database_is_refused(db_path: Path) -> None:
    connection = duckdb.connect(str(db_path))
    connection.execute("CREATE TABLE articles (anything INTEGER)")
    connection.close()
    assert _open_error(db_path).code == "E309"


# The layout of schema version 1, as an older warledger wrote it: no DATE columns, no article_id indexes.
VERSION_1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
CREATE TABLE articles (id VARCHAR PRIMARY KEY, source_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR, standfirst VARCHAR, text VARCHAR NOT NULL, paragraphs VARCHAR[] NOT NULL, captions JSON NOT NULL,
    publisher VARCHAR, url VARCHAR, published VARCHAR, published_precision VARCHAR NOT NULL,
    published_source VARCHAR NOT NULL, language VARCHAR, removed VARCHAR[] NOT NULL,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
CREATE TABLE incidents (id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, date VARCHAR,
    date_precision VARCHAR NOT NULL, event_type VARCHAR, weapon VARCHAR, place VARCHAR, admin1 VARCHAR,
    admin2 VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, gazetteer_id VARCHAR, where_prec INTEGER, near BOOLEAN,
    perpetrator VARCHAR, targets VARCHAR[] NOT NULL, killed_min BIGINT, killed_max BIGINT, killed_qualifier VARCHAR,
    injured_min BIGINT, injured_max BIGINT, injured_qualifier VARCHAR, missing_min BIGINT, missing_max BIGINT,
    missing_qualifier VARCHAR, attributed_to VARCHAR[] NOT NULL, evidence JSON NOT NULL, confidence DOUBLE NOT NULL);
CREATE TABLE claims (id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, side VARCHAR,
    population VARCHAR NOT NULL, metric VARCHAR NOT NULL, "min" BIGINT, "max" BIGINT, qualifier VARCHAR NOT NULL,
    period_start VARCHAR, period_end VARCHAR, as_of VARCHAR, projection BOOLEAN NOT NULL, claimant VARCHAR,
    disputed_by VARCHAR[] NOT NULL, evidence JSON NOT NULL, confidence DOUBLE NOT NULL);
CREATE TABLE skipped (source_id VARCHAR NOT NULL, reason VARCHAR NOT NULL, language VARCHAR,
    skipped_at TIMESTAMP NOT NULL DEFAULT current_timestamp, PRIMARY KEY (source_id, reason));
INSERT INTO schema_version (version) VALUES (1);
"""


@pytest.fixture
def version_1_db(tmp_path: Path) -> tuple[Path, object]:
    """A version-1 database holding one document, written row by row as version 1 stored it."""
    path = tmp_path / "old.duckdb"
    extraction = sample("old", [IncidentSpec(day="2025-06"), IncidentSpec(place="Dateless", day=None)],
                        [ClaimSpec(as_of=None, period_end="2025-03")], published="2025-07-01T09:00:00")
    with Ledger(":memory:") as scratch:  # the current code flattens records exactly as version 1 did
        scratch.add(extraction)
        tables = {t: scratch.sql(f"SELECT * EXCLUDE ({day}) FROM {t}")
                  for t, day in (("articles", "published_day, ingested_at"), ("incidents", "day"), ("claims", "day"))}
    connection = duckdb.connect(str(path))
    connection.execute(VERSION_1)
    for table, table_rows in tables.items():
        for row in table_rows:
            names = ", ".join(f'"{k}"' for k in row)
            marks = ", ".join("?" for _ in row)
            connection.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
    connection.close()
    return path, extraction


def test_migration_from_version_1(version_1_db: tuple[Path, object]) -> None:
    path, extraction = version_1_db
    with Ledger(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION == 2
        assert ledger.article(extraction.article.id) == extraction.article
        assert ledger.incidents(order="id") == sorted(extraction.incidents, key=lambda i: i.id)
        assert ledger.claims() == extraction.claims
        days = ledger.sql("SELECT place, day FROM incidents ORDER BY place")
        assert days == [{"place": "Dateless", "day": None}, {"place": "Testville", "day": date(2025, 6, 1)}]
        assert ledger.sql("SELECT day FROM claims") == [{"day": date(2025, 3, 31)}]
        assert ledger.sql("SELECT published_day FROM articles") == [{"published_day": date(2025, 7, 1)}]
        assert [i.location.name for i in ledger.incidents(since="2025-06", until="2025-06")] == ["Testville"]
        assert ledger.add(extraction) is False
        assert ledger.add(sample("new", [IncidentSpec()]))
        indexes = {r["index_name"] for r in ledger.sql("SELECT index_name FROM duckdb_indexes()")}
        assert {"incidents_article", "claims_article"} <= indexes


def test_read_only_open_of_an_old_version_asks_for_a_migration(version_1_db: tuple[Path, object]) -> None:
    path, _ = version_1_db
    error = _open_error(path, read_only=True)
    assert error.code == "E308" and "without read-only" in str(error)
    with Ledger(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION


def test_a_failed_migration_leaves_the_old_version(version_1_db: tuple[Path, object], monkeypatch) -> None:
    path, _ = version_1_db
    from warledger.store import schema

    def broken(connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute("ALTER TABLE incidents ADD COLUMN day DATE")
        connection.execute("SELECT no_such_column FROM incidents")

    monkeypatch.setitem(schema.MIGRATIONS, 1, broken)
    assert _open_error(path).code == "E312"
    connection = duckdb.connect(str(path))
    assert stored_version(connection) == 1
    columns = {r[0] for r in connection.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = "
                                                "'incidents'").fetchall()}
    connection.close()
    assert "day" not in columns


DOCS = Path(__file__).resolve().parents[2] / "docs" / "database.md"


def test_every_column_and_store_error_is_documented() -> None:
    from warledger.errors import MESSAGES

    text = DOCS.read_text(encoding="utf-8")
    with Ledger(":memory:") as ledger:
        columns = ledger.sql("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal"
                            " AND database_name = current_database()")
    for column in columns:
        assert f"### `{column['table_name']}`" in text, column["table_name"]
        assert column["column_name"] in text, column
    for code in MESSAGES:
        if code.startswith("E3"):
            assert f"| {code} |" in text, code


def test_public_names() -> None:
    import warledger.export
    import warledger.store

    assert sorted(warledger.store.__all__) == ["ArticleFilter", "ClaimFilter", "Clause", "IncidentFilter",
                                               "IngestStats", "Ledger", "SCHEMA_VERSION"]
    assert sorted(warledger.export.__all__) == ["COLUMN_SETS", "FORMATS", "column_set", "export"]
