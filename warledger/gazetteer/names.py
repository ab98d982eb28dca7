"""Fold place names and running text to one spelling-insensitive key, keeping a map back to the original offsets.

Public and stable: ``fold``, ``fold_text`` and ``FoldedText``. The exact key is an implementation detail: never store
it, compare it only with keys made by the same version of this module.

The fold makes the romanisations that war reporting mixes meet without listing each variant:

- case and diacritics: ``Kyïv`` = ``KYIV`` = ``kyiv``; letters of other scripts are kept as they are (they never
  meet a Latin key);
- apostrophes and soft signs vanish inside a word (``Pokrovs'k`` = ``Pokrovsk``, ``Kam’yanske`` = ``Kamyanske``),
  but a possessive ``'s`` stays a word of its own (``Kharkiv's`` keeps ``Kharkiv`` whole);
- ``y`` and ``j`` are read as ``i``, ``kh`` as ``h``, ``zh`` as ``z``, ``ts`` as ``c``, ``ie``/``ye`` as ``e``, and
  a doubled letter as one: so ``-yi``/``-iy``/``-yy``/``-ij``/``-y`` endings meet (``Pivdennyi`` = ``Pivdennyy``),
  as do ``Zaporizhzhia`` = ``Zaporizhia`` = ``Zaporizhzhya``, ``Sievierodonetsk`` = ``Severodonetsk``,
  ``Mykolaiv`` = ``Mykolayiv`` = ``Mykolajiv``;
- every other character (space, hyphen, punctuation, line break) is a word break; runs of breaks are one space.

``fold_text`` returns the folded string and maps a ``[start, end)`` range in it back to the original text, so a
match found in folded text is reported with offsets that index the caller's string exactly.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = "'’ʼ‘`´ʹʻ"
SPECIAL_LETTERS = {"ł": "l", "ß": "s", "ø": "o", "đ": "d", "ı": "i", "æ": "a", "œ": "o", "ð": "d", "þ": "t"}
"""Latin letters that Unicode does not decompose into a base letter and a mark, with the letter they fold to."""


class _FoldTable(dict[int, str]):
    """``str.translate`` table mapping each character to exactly one character (so offsets are kept)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _APOSTROPHES:
            out = "'"
        elif char in "yj":
            out = "i"
        elif "a" <= char <= "z" or "0" <= char <= "9":
            out = char
        elif char in SPECIAL_LETTERS:
            out = SPECIAL_LETTERS[char]
        elif unicodedata.category(char)[0] in "LN":
            base = unicodedata.normalize("NFKD", char)[:1]
            if "a" <= base <= "z":
                out = "i" if base in "yj" else base
            elif "A" <= base <= "Z":
                out = base.lower()
                out = "i" if out in "yj" else out
            else:
                out = char
        else:
            out = " "
        self[code] = out
        return out


_TABLE = _FoldTable()
_DIGRAPHS = re.compile(r"kh|zh|ts|ie|'")
_DIGRAPH_OUT = {"kh": "h", "zh": "z", "ts": "c", "ie": "e", "'": ""}
_RUNS = re.compile(r"([^\W\d_])\1+| {2,}")


class _Pass:
    """One rewriting pass: where its output differs from its input, and how positions map back."""

    __slots__ = ("_out", "_in", "_out_len", "_in_len")

    def __init__(self) -> None:
        self._out: list[int] = []
        self._in: list[int] = []
        self._out_len: list[int] = []
        self._in_len: list[int] = []

    def add(self, out_pos: int, in_pos: int, out_len: int, in_len: int) -> None:
        self._out.append(out_pos)
        self._in.append(in_pos)
        self._out_len.append(out_len)
        self._in_len.append(in_len)

    def _locate(self, pos: int) -> tuple[int, bool]:
        """The input position of output ``pos`` and whether it falls inside a rewritten stretch."""
        i = bisect_right(self._out, pos) - 1
        if i < 0:
            return pos, False
        start = self._out[i]
        if pos < start + self._out_len[i]:
            return self._in[i], True
        return self._in[i] + self._in_len[i] + (pos - start - self._out_len[i]), False

    def start(self, pos: int) -> int:
        return self._locate(pos)[0]

    def end(self, pos: int) -> int:
        if pos <= 0:
            return 0
        i = bisect_right(self._out, pos - 1) - 1
        if i >= 0 and pos - 1 < self._out[i] + self._out_len[i]:
            return self._in[i] + self._in_len[i]
        return self._locate(pos - 1)[0] + 1


def _rewrite(text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> tuple[str, _Pass]:
    pieces: list[str] = []
    mapping = _Pass()
    last = 0
    out_pos = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        pieces.append(text[last:start])
        out_pos += start - last
        new = replace(match)
        pieces.append(new)
        mapping.add(out_pos, start, len(new), end - start)
        out_pos += len(new)
        last = end
    pieces.append(text[last:])
    return "".join(pieces), mapping


def _digraph(match: re.Match[str]) -> str:
    found = match.group()
    if found == "'" and match.end() < len(match.string) and match.string[match.end()] == "s":
        possessive = match.end() + 1 >= len(match.string) or not match.string[match.end() + 1].isalnum()
        return " " if possessive else ""
    return _DIGRAPH_OUT[found]


def _run(match: re.Match[str]) -> str:
    return match.group()[0]


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Folded ``text`` and the way back: ``original_span(start, end)`` turns a folded range into original offsets."""

    original: str
    folded: str
    _digraphs: _Pass
    _runs: _Pass

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The ``[start, end)`` of the original text that folded ``[start, end)`` was made from."""
        mid_start = self._runs.start(start)
        mid_end = self._runs.end(end)
        return self._digraphs.start(mid_start), self._digraphs.end(mid_end)


def fold_text(text: str) -> FoldedText:
    """Fold ``text`` (see the module docstring), keeping the offset map."""
    first = _lower_same_length(text).translate(_TABLE)
    second, digraphs = _rewrite(first, _DIGRAPHS, _digraph)
    third, runs = _rewrite(second, _RUNS, _run)
    return FoldedText(text, third, digraphs, runs)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The matching key of a name: ``fold("Pokrovs'k") == fold("Pokrovsk") == "pokrovsk"``.

    The same string as ``fold_text(name).folded.strip()``, without the offset map (and cached).
    """
    first = _lower_same_length(name).translate(_TABLE)
    return _RUNS.sub(_run, _DIGRAPHS.sub(_digraph, first)).strip()


def is_latin_name(name: str) -> bool:
    """True when ``name`` is written in Latin script (letters with or without diacritics, spaces, ``-'’.``)."""
    for char in name:
        if char.isspace() or char in "-.()" or char in _APOSTROPHES:
            continue
        if not char.isalpha():
            return False
        base = unicodedata.normalize("NFKD", char)[:1]
        if not ("a" <= base.lower() <= "z" or char in SPECIAL_LETTERS):
            return False
    return True
