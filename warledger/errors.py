"""One error hierarchy; every message says what was wrong with the input and what to do.

    WarledgerError                 base: catch this to handle anything warledger raises on purpose
    ├── InputError                 a document or file that cannot be read (missing, empty, binary, bad encoding, too big)
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
    "E103": "{path}: looks like a binary file, not text, HTML or JSON Lines; pass a text page, an HTML page or a .jsonl file",
    "E104": "{path}: not valid UTF-8 or Latin-1 text; re-save it as UTF-8",
    "E105": "{path}: {size} MB is over the {limit} MB limit for one document; split it or raise --max-mb",
    "E106": "{path}: line {line}: not a JSON object ({detail}); fix or remove the line",
    "E107": "{path}: line {line}: needs a \"text\" or \"html\" field",
    "E108": "{path}: a directory with no readable files (.txt, .html, .htm, .jsonl, .jsonl.gz, .json)",
    "E109": "{source}: {reason}; only English is extracted for now",
    "E110": "{path}: cannot be read ({detail}); check that it exists and that you may read it",
    "E111": "{path}: not a valid gzip file ({detail}); decompress it or re-create it with gzip",
    "E201": "{option}: {detail}",
    "E301": "{path}: cannot open the database ({detail}); is another process using it?",
}


def message(code: str, **fields: object) -> str:
    return MESSAGES[code].format(**fields)


def input_error(code: str, **fields: object) -> InputError:
    return InputError(message(code, **fields), code=code)
