-- warledger ledger schema, version 2 (see docs/database.md).
-- Applied to a new database as a whole; older databases are upgraded by warledger/store/schema.py.
-- Every statement is idempotent (IF NOT EXISTS) and statements are separated by ";" at the end of a line.
-- Timestamps are UTC. Text columns hold the output-contract values exactly; the *_day DATE columns are derived at
-- insert time (the first day of the period a date names) and exist only for range filters and ordering.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    source_id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR,
    standfirst VARCHAR,
    text VARCHAR NOT NULL,
    paragraphs VARCHAR[] NOT NULL,
    captions JSON NOT NULL,
    publisher VARCHAR,
    url VARCHAR,
    published VARCHAR,
    published_day DATE,
    published_precision VARCHAR NOT NULL,
    published_source VARCHAR NOT NULL,
    language VARCHAR,
    removed VARCHAR[] NOT NULL,
    ingested_at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

CREATE TABLE IF NOT EXISTS incidents (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    date VARCHAR,
    day DATE,
    date_precision VARCHAR NOT NULL,
    event_type VARCHAR,
    weapon VARCHAR,
    place VARCHAR,
    admin1 VARCHAR,
    admin2 VARCHAR,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    gazetteer_id VARCHAR,
    where_prec INTEGER,
    near BOOLEAN,
    perpetrator VARCHAR,
    targets VARCHAR[] NOT NULL,
    killed_min BIGINT,
    killed_max BIGINT,
    killed_qualifier VARCHAR,
    injured_min BIGINT,
    injured_max BIGINT,
    injured_qualifier VARCHAR,
    missing_min BIGINT,
    missing_max BIGINT,
    missing_qualifier VARCHAR,
    attributed_to VARCHAR[] NOT NULL,
    evidence JSON NOT NULL,
    confidence DOUBLE NOT NULL
);

CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    side VARCHAR,
    population VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    "min" BIGINT,
    "max" BIGINT,
    qualifier VARCHAR NOT NULL,
    period_start VARCHAR,
    period_end VARCHAR,
    as_of VARCHAR,
    day DATE,
    projection BOOLEAN NOT NULL,
    claimant VARCHAR,
    disputed_by VARCHAR[] NOT NULL,
    evidence JSON NOT NULL,
    confidence DOUBLE NOT NULL
);

CREATE TABLE IF NOT EXISTS skipped (
    source_id VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    language VARCHAR,
    skipped_at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    PRIMARY KEY (source_id, reason)
);

CREATE INDEX IF NOT EXISTS incidents_article ON incidents (article_id);
CREATE INDEX IF NOT EXISTS claims_article ON claims (article_id);
