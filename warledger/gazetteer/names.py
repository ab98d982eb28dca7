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
_COMMON = tuple(range(0x250)) + tuple(range(0x400, 0x500)) + tuple(range(0x2000, 0x2070))
_FAST_TABLE = {code: _TABLE[code] for code in _COMMON}
"""The same mapping as a plain dict for the characters of most texts (``str.translate`` is faster on one)."""
_UNCOMMON = re.compile(r"[^\x00-\u024f\u0400-\u04ff\u2000-\u206f]")
_LOOSE_APOSTROPHE = re.compile(r"'(?=s(?![^ '])|(?![^ ']))")
"""An apostrophe before a break or a possessive s (a quote mark, "Kharkiv's"): a break itself."""
_DOUBLED = re.compile(r"(?<=([a-z]))\1+")
"""The repeats of a doubled Latin letter (removed: a literal replacement is faster than a template)."""


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _words(text: str) -> str:
    """Lowercase, one character for one: letters folded, every break a space, inner apostrophes kept as ``'``."""
    low = _lower_same_length(text)
    folded = low.translate(_TABLE if _UNCOMMON.search(low) else _FAST_TABLE)
    folded = _LOOSE_APOSTROPHE.sub(" ", folded)
    if folded.startswith("'"):
        folded = " " + folded[1:]
    while " '" in folded:
        folded = folded.replace(" '", "  ")
    return folded


def _spell(words: str) -> str:
    """The spelling rules on ``_words`` output (they never join or split words), breaks collapsed to one space."""
    joined = words.replace("'", "").replace("kh", "h").replace("zh", "z").replace("ts", "c").replace("ie", "e")
    return " ".join(_DOUBLED.sub("", joined).split())


class FoldedText:
    """Folded ``text`` (its words folded, joined by single spaces) and the way back to the original offsets.

    ``original_span(start, end)`` maps a range of whole folded words (as every gazetteer hit is) to the original.
    """

    __slots__ = ("original", "folded", "_words", "_cursor_word", "_cursor_at")

    def __init__(self, original: str, folded: str, words: str) -> None:
        self.original = original
        self.folded = folded
        self._words = words
        """``original`` folded one character for one (``_words``): same offsets, same words as ``folded``."""
        self._cursor_word = 0
        self._cursor_at = len(words) - len(words.lstrip(" "))
        """Where word ``_cursor_word`` starts in ``_words``: hits come roughly in text order, so the walk resumes."""

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The ``[start, end)`` of the original text that the folded words in ``[start, end)`` were made from."""
        first_word = self.folded.count(" ", 0, start)
        last_word = first_word + self.folded.count(" ", start, max(start, end - 1))
        first_at = self._word_start(first_word)
        last_at = self._word_start(last_word) if last_word != first_word else first_at
        last_end = self._words.find(" ", last_at)
        return first_at, last_end if last_end >= 0 else len(self._words)

    def _word_start(self, word: int) -> int:
        """Where word number ``word`` starts in ``_words`` (and so in ``original``)."""
        if word < self._cursor_word:
            self._cursor_word, self._cursor_at = 0, len(self._words) - len(self._words.lstrip(" "))
        skip = word - self._cursor_word
        if skip:
            rest = self._words[self._cursor_at:].split(None, skip)[-1]
            self._cursor_word, self._cursor_at = word, len(self._words) - len(rest)
        return self._cursor_at


def fold_text(text: str) -> FoldedText:
    """Fold ``text`` (see the module docstring), keeping the offset map.

    ``fold_text(text).folded == fold(text)``. Every step runs over the whole text in C (translate, replace, regex
    substitution), and the words of the folded text are the words of the one-for-one fold, which is what maps
    folded offsets back.
    """
    words = _words(text)
    return FoldedText(text, _spell(words), words)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The matching key of a name: ``fold("Pokrovs'k") == fold("Pokrovsk") == "pokrovsk"`` (cached)."""
    return _spell(_words(name))


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
