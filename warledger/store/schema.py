"""Opening a ledger database file, creating its schema and migrating older versions.

``SCHEMA_VERSION`` is the layout this code writes. ``schema.sql`` creates it on an empty database. A database with an
older ``schema_version`` is upgraded on open, in one transaction, by the steps in ``MIGRATIONS`` (each takes the
database from version ``n`` to ``n + 1``), then ``schema.sql`` is re-applied for anything new (its statements are
all ``IF NOT EXISTS``). A crash mid-migration leaves the old version intact. Adding a version means: change
``schema.sql``, add a step here, bump ``SCHEMA_VERSION``, add a row to docs/database.md, and add a test that opens a
database of the previous version.

Version history:
    1  first layout: dates only as contract text.
    2  DATE columns ``articles.published_day``, ``incidents.day``, ``claims.day`` for range filters and ordering,
       back-filled from the text; indexes on ``incidents.article_id`` and ``claims.article_id``.
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path

import duckdb

from warledger.errors import store_error
from warledger.store.rows import claim_day, day_of

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2
MEMORY = ":memory:"

_DUCKDB_MAGIC = b"DUCK"
_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (DuckDB's messages go on with context lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def schema_statements() -> list[str]:
    """The DDL statements of ``schema.sql``, comments removed, in order."""
    text = resources.files("warledger.store").joinpath("schema.sql").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";\n") if s.strip()]


def _check_path(path: str, *, read_only: bool) -> None:
    """Turn the file-system problems DuckDB reports obscurely into one-line errors, before connecting."""
    file = Path(path)
    if file.is_dir():
        raise store_error("E303", path=path)
    if not file.parent.is_dir():
        raise store_error("E302", path=path, folder=str(file.parent))
    if not file.exists():
        if read_only:
            raise store_error("E306", path=path)
        return
    with file.open("rb") as handle:
        header = handle.read(12)
    if header and header[8:12] != _DUCKDB_MAGIC:
        raise store_error("E304", path=path)


def connect(path: str | os.PathLike[str], *, read_only: bool) -> tuple[duckdb.DuckDBPyConnection, str]:
    """Open the DuckDB file (or ``":memory:"``) and return the connection and the path as shown in messages."""
    shown = os.fspath(path)
    if shown != MEMORY:
        _check_path(shown, read_only=read_only)
    try:
        connection = duckdb.connect(shown, read_only=read_only)
    except duckdb.Error as exc:
        detail = first_line(exc)
        if "lock" in detail.lower():
            holder = _LOCK_HOLDER.search(detail)
            raise store_error("E305", path=shown, holder=f" (PID {holder.group(1)})" if holder else "") from exc
        if "not a valid DuckDB database" in detail:
            raise store_error("E304", path=shown) from exc
        raise store_error("E301", path=shown, detail=detail.removeprefix("IO Error: ")) from exc
    return connection, shown


def _tables(connection: duckdb.DuckDBPyConnection) -> set[str]:
    rows = connection.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
    return {name for (name,) in rows}


def stored_version(connection: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version a database holds, or None for a database without warledger tables."""
    if "schema_version" not in _tables(connection):
        return None
    ((version,),) = connection.execute("SELECT max(version) FROM schema_version").fetchall()
    return None if version is None else int(version)


def _migrate_1_to_2(connection: duckdb.DuckDBPyConnection) -> None:
    """Add the DATE columns and back-fill them from the contract text with the same rule as new inserts."""
    connection.execute("ALTER TABLE articles ADD COLUMN published_day DATE")
    connection.execute("ALTER TABLE incidents ADD COLUMN day DATE")
    connection.execute("ALTER TABLE claims ADD COLUMN day DATE")
    fills: list[tuple[str, str, list[tuple[date | None, str]]]] = []
    rows = connection.execute("SELECT id, published FROM articles").fetchall()
    fills.append(("articles", "published_day", [(day_of(published), id_) for id_, published in rows]))
    rows = connection.execute("SELECT id, date FROM incidents").fetchall()
    fills.append(("incidents", "day", [(day_of(text), id_) for id_, text in rows]))
    rows = connection.execute(
        "SELECT c.id, c.as_of, c.period_end, a.published FROM claims c LEFT JOIN articles a ON a.id = c.article_id"
    ).fetchall()
    claim_days = [(claim_day(as_of, end, published), id_) for id_, as_of, end, published in rows]
    fills.append(("claims", "day", claim_days))
    for table, column, values in fills:
        if values:
            connection.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", values)


MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {1: _migrate_1_to_2}
"""``MIGRATIONS[n]`` takes a database from schema version ``n`` to ``n + 1``."""


def ensure_schema(connection: duckdb.DuckDBPyConnection, *, path: str, read_only: bool) -> int:
    """Create or upgrade the schema as needed and return the version now stored."""
    found = stored_version(connection)
    if found == SCHEMA_VERSION:
        return found
    if found is not None and found > SCHEMA_VERSION:
        raise store_error("E307", path=path, found=found, known=SCHEMA_VERSION)
    if found is None:
        foreign = sorted(_tables(connection) & {"articles", "incidents", "claims", "skipped"})
        if foreign:
            raise store_error("E309", path=path, table=foreign[0])
    if read_only:
        raise store_error("E308", path=path, found="none (empty)" if found is None else found, known=SCHEMA_VERSION)
    connection.begin()
    try:
        if found is not None:
            for version in range(found, SCHEMA_VERSION):
                logger.info("%s: migrating schema %d -> %d", path, version, version + 1)
                MIGRATIONS[version](connection)
        for statement in schema_statements():
            connection.execute(statement)
        connection.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
        connection.commit()
    except duckdb.Error as exc:
        connection.rollback()
        raise store_error("E312", path=path, detail=first_line(exc)) from exc
    return SCHEMA_VERSION
