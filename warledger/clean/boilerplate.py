"""Lines of a scraped page, whitespace-normalised and grouped into blocks, and which of them are site furniture.

Public and stable: ``normalise_line``, ``split_lines``, ``is_boilerplate``, ``Line``.
The furniture patterns are data: ``warledger/vocab/boilerplate.txt`` (one regex a line, case-insensitive, matched
against the whole line). Add a pattern there, not an ``if`` here.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from warledger.vocab import load_lines

log = logging.getLogger(__name__)

MAX_BOILERPLATE_CHARS = 500
"""Longer lines are article text: the patterns are never tried on them (and stay fast)."""

_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_MARKDOWN_HEADING = re.compile(r"^#{1,6} +(?=\S)")
_SOFT_WRAP_END = re.compile(r"[\w,;–—]$")


@dataclass(slots=True)
class Line:
    """One non-blank line of a page: its normalised text and the number of the blank-line-separated block it is in."""

    text: str
    block: int
    boilerplate: bool = False


def normalise_line(text: str) -> str:
    """Collapse runs of whitespace (tabs, no-break and thin spaces...) to one space, drop invisible characters
    (zero-width space, word joiner, soft hyphen, byte-order mark) and strip. Every other character is kept."""
    return " ".join(_INVISIBLE.sub("", text).split())


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, normalised, each with its block number (blocks are separated by blank
    lines). A Markdown heading marker ("## ") at the start of a line is dropped."""
    lines: list[Line] = []
    block = 0
    previous_blank = True
    for raw in text.splitlines():
        clean = normalise_line(raw)
        if not clean:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        if clean.startswith("#"):
            clean = _MARKDOWN_HEADING.sub("", clean)
        lines.append(Line(clean, block))
        previous_blank = False
    return lines


@cache
def _pattern() -> re.Pattern[str]:
    patterns = load_lines("boilerplate")
    log.debug("compiling %d boilerplate patterns", len(patterns))
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_boilerplate(text: str) -> bool:
    """True when the whole of ``text`` (one normalised line) is site furniture: a notification banner, a
    newsletter or log-in prompt, "Comments", "Advertisement", a share or follow prompt, a cookie notice...

    >>> is_boilerplate("Sign up to our free morning briefing newsletter")
    True
    >>> is_boilerplate("Three people were hurt, the governor said.")
    False
    """
    return len(text) <= MAX_BOILERPLATE_CHARS and _pattern().fullmatch(text) is not None


def mark_boilerplate(lines: list[Line]) -> list[str]:
    """Flag the furniture lines in place and return their texts, in page order."""
    removed = []
    for line in lines:
        if is_boilerplate(line.text):
            line.boilerplate = True
            removed.append(line.text)
    return removed


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped lines back into one: within a block, a line that does not end a sentence followed by one
    that starts in lower case is the same paragraph. Furniture lines are never joined."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if (
            last is not None
            and not last.boilerplate
            and not line.boilerplate
            and last.block == line.block
            and line.text[:1].islower()
            and _SOFT_WRAP_END.search(last.text)
        ):
            last.text = f"{last.text} {line.text}"
            continue
        joined.append(Line(line.text, line.block, line.boilerplate))
    return joined
