"""Find vocabulary cues (event types, weapons, targets, perpetrators, claimants...) in text.

Each vocabulary is a TSV in warledger/vocab with ``label`` and ``pattern`` columns (plus optional ones such as
``weight``); this module compiles it once into one regex per row and reports every match with its label and offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warledger.vocab import load_lines, load_tsv


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    label: str
    row: int
    """Index of the vocabulary row, for tie-breaking by order."""


@dataclass(frozen=True, slots=True)
class _Compiled:
    rows: tuple[dict[str, str], ...]
    patterns: tuple[re.Pattern[str], ...]
    combined: re.Pattern[str]
    """All rows as one alternation (row i is group ``r<i>``): one scan of the text finds every row's matches."""


@cache
def _compile(vocab: str, case_sensitive: bool) -> _Compiled:
    rows = load_tsv(vocab)
    flags = 0 if case_sensitive else re.IGNORECASE
    patterns = tuple(re.compile(rf"(?<![\w-])(?:{row['pattern']})(?![\w-])", flags) for row in rows)
    alternatives = "|".join(f"(?P<r{i}>{row['pattern']})" for i, row in enumerate(rows))
    combined = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags)
    return _Compiled(rows, patterns, combined)


def vocab_rows(vocab: str) -> tuple[dict[str, str], ...]:
    return load_tsv(vocab)


def find_cues(vocab: str, text: str, *, case_sensitive: bool = False, overlapping: bool = False) -> list[Cue]:
    """The matches of ``vocab``'s rows in ``text``, left to right.

    By default matches do not overlap: where rows compete for the same words, the earlier row (vocabularies list the
    most specific wording first) takes them. With ``overlapping`` every row is matched on its own, so one phrase can
    carry several labels ("a grain terminal" is both port and agriculture).
    """
    compiled = _compile(vocab, case_sensitive)
    if overlapping:
        if not compiled.combined.search(text):
            return []
        hits = [
            Cue(m.start(), m.end(), m.group(0), compiled.rows[i]["label"], i)
            for i, pattern in enumerate(compiled.patterns)
            for m in pattern.finditer(text)
        ]
        return sorted(hits, key=lambda c: (c.start, -c.end, c.row))
    found = []
    for m in compiled.combined.finditer(text):
        row = int(m.lastgroup[1:]) if m.lastgroup else 0
        found.append(Cue(m.start(), m.end(), m.group(0), compiled.rows[row]["label"], row))
    return found


def first_label(vocab: str, text: str, *, case_sensitive: bool = False) -> Cue | None:
    """The cue of the earliest vocabulary row that matches anywhere (rows are ordered most specific first)."""
    compiled = _compile(vocab, case_sensitive)
    for i, pattern in enumerate(compiled.patterns):
        m = pattern.search(text)
        if m:
            return Cue(m.start(), m.end(), m.group(0), compiled.rows[i]["label"], i)
    return None


@cache
def line_pattern(name: str) -> re.Pattern[str]:
    """One case-insensitive regex, on word boundaries, of all the lines of ``warledger/vocab/<name>.txt``."""
    alternatives = "|".join(f"(?:{line})" for line in load_lines(name))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@cache
def word_set(name: str) -> frozenset[str]:
    """The lines of ``warledger/vocab/<name>.txt``, lower-cased, as a set."""
    return frozenset(line.lower() for line in load_lines(name))
