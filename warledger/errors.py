"""One error hierarchy; every message says what was wrong with the input and what to do.

    WarledgerError                 base: catch this to handle anything warledger raises on purpose
    ├── InputError                 a document or file that cannot be read (missing, empty, binary, bad encoding,
    │                              too big)
    ├── ConfigError                a bad option or setting
    └── StoreError                 the database cannot be opened or written

Each error carries a ``code`` (E1xx input, E2xx config, E3xx store) so messages can be looked up in the docs.
Per-line trouble that does not stop a run (a malformed JSON line) is not raised: it is a ``records.Problem``.
"""
from __future__ import annotations


class WarledgerError(Exception):
    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"{self.args[0]} [{self.code}]"


class InputError(WarledgerError):
    code = "E100"


class ConfigError(WarledgerError):
    code = "E200"


class StoreError(WarledgerError):
    code = "E300"


MESSAGES = {
    "E101": "{path}: no such file or directory; check the path",
    "E102": "{path}: the file is empty; nothing to extract",
    "E103": "{path}: looks like a binary file, not text, HTML or JSON Lines; "
            "pass a text page, an HTML page or a .jsonl file",
    "E104": "{path}: not valid UTF-8 or Latin-1 text; re-save it as UTF-8",
    "E105": "{path}: {size} MB is over the {limit} MB limit for one document; split it or raise --max-mb",
    "E106": "{path}: line {line}: not a JSON object ({detail}); fix or remove the line",
    "E107": "{path}: line {line}: needs a \"text\" or \"html\" field",
    "E108": "{path}: a directory with no readable files (.txt, .html, .htm, .jsonl, .jsonl.gz, .json, .warc, .warc.gz, "
    ".rss, .atom, .xml)",
    "E109": "{source}: {reason}; only English is extracted for now",
    "E110": "{path}: cannot be read ({detail}); check that it exists and that you may read it",
    "E111": "{path}: not a valid gzip file ({detail}); decompress it or re-create it with gzip",
    "E112": "{path}: not a readable WARC file ({detail}); check it with `warcio check {path}`, and if it is gzipped "
    "as a whole rather than per record, run `warcio recompress {path} fixed.warc.gz`",
    "E113": "{path}: not an RSS or Atom feed ({detail}); pass a feed file, or rename other XML so it is not read",
    "E114": "{path}: cannot read {kind} files without the optional package {package}; install it with "
    "`pip install 'warledger[scale]'`",
    "E115": "{path}: the extractor failed on this document ({detail}); it was left out and the run went on; "
    "please report it with the document",
    "E201": "{option}: {detail}",
    "E301": "{path}: cannot open the database ({detail}); is another process using it?",
    "E302": "{path}: the folder {folder} does not exist; create it or choose another --db path",
    "E303": "{path}: is a directory, not a database file; pass a file path such as {path}/warledger.duckdb",
    "E304": "{path}: exists but is not a DuckDB database; choose another --db path or move the file away",
    "E305": "{path}: locked by another process{holder}; wait for it to finish (or stop it), then retry",
    "E306": "{path}: no such database to open read-only; run `warledger ingest` first or check the path",
    "E307": "{path}: written by a newer warledger (schema version {found}, this one reads up to {known}); "
            "upgrade warledger",
    "E308": "{path}: schema version {found} needs upgrading to {known}; open it once without read-only to migrate",
    "E309": "{path}: a DuckDB database that warledger did not create (table {table} without schema_version); "
    "choose another --db path",
    "E310": "{path}: opened read-only; open it without read_only to {action}",
    "E311": "{path}: could not store the batch starting at {source} ({detail}); nothing from that batch was written",
    "E312": "{path}: could not create or migrate the schema ({detail}); the database is unchanged",
}


def message(code: str, **fields: object) -> str:
    return MESSAGES[code].format(**fields)


def input_error(code: str, **fields: object) -> InputError:
    return InputError(message(code, **fields), code=code)


def store_error(code: str, **fields: object) -> StoreError:
    return StoreError(message(code, **fields), code=code)
