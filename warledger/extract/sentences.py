"""Split English news text into sentences, by offsets, without a parser.

Public and stable: ``split_sentences``, ``sentence_at``.

``split_sentences(text)`` returns ``(start, end)`` pairs such that ``text[start:end]`` is one sentence with the
whitespace around it stripped. The rules, in order:

1. A blank line (a paragraph break) always ends a sentence, and no sentence crosses one.
2. A single line break ends a sentence unless the next line starts with a lower-case letter (a hard-wrapped line
   goes on); headlines and photo captions, which carry no full stop, stay apart from the body this way.
3. ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets after it: ``." `` and ``.” ``) ends a
   sentence when whitespace follows and the next word starts with a capital, a digit or an opening quote, except:
   - after an abbreviation listed in ``vocab/sentence_abbreviations.tsv`` ("Mr.", "Gen.", "St."); some of them
     only before a number ("Feb. 24", "No. 5");
   - after a single capital initial ("Vladimir V. Putin");
   - after the number or letter of a list item at the start of a line ("1. The first point");
   - after a name behind a bullet mark at the start of a line ("🔻 Nikopol. A drone hit a bus.", "🔹 Snovsk
     community. ...", as officials' Telegram posts head each town's news): the name belongs to the sentence it heads;
   - after an initialism ("U.S.", "U.K.", "a.m.", "e.g."), unless the next word is a usual sentence opener from
     ``vocab/sentence_starters.txt`` ("... imposed by the U.S. The ministry said").
   A full stop between digits ("1.2 million") is never a boundary because no whitespace follows it.
4. A full stop glued to a capitalised word after a lower-case word ("in Ukraine.At the end of August", as careless
   scrapes join paragraphs) ends a sentence too.
"""
from __future__ import annotations

import bisect
import logging
import re

from warledger.vocab import load_lines, load_tsv

log = logging.getLogger(__name__)

_ABBREVIATIONS: dict[str, str] = {r["abbreviation"]: r["rule"] for r in load_tsv("sentence_abbreviations")}
_STARTERS = frozenset(load_lines("sentence_starters"))

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_BLANK = re.compile(r"[ \t\r\f\v\u00a0]*")
_END = re.compile(r"(?:[.!?]+|…)['\"”’)\]]*(?=\s)")
_PREVIOUS_TOKEN = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)$")
_NEXT_TOKEN = re.compile(r"\s+(['\"“‘(\[]*)(\w+)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}|[a-z]|[IVX]{1,4})")
PLACE_KIND = r"(?:\s+(?:(?:urban\s+)?district|community|hromada|raion|village|town|city))?"
"""The kind of place that may follow a name heading a line ("Snovsk community", "Shebekino urban district")."""
_BULLETED_NAME = re.compile(r"\s*[\"“]?[^\w\s\"'“‘(\[]+\s*(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*" + PLACE_KIND
                            + r"|\s*[\"“]?(?:[A-Z][a-z][\w'’-]*\s+){0,2}[A-Z][a-z][\w'’-]*" + PLACE_KIND
                            + r"(?:,\s*(?:[A-Z][a-z][\w'’-]*\s+){1,2}(?:district|community|hromada|raion|region))?")
"""A name heading a line, after a bullet mark or not: one to three capitalised words and maybe the kind of place
("🔻 Nikopol", "• Velykyi Burluk", "🔹 Snovsk community", "Shebekino urban district", "Tetkino, Glushkovo
district"); a dateline in capitals ("KYIV.") heads nothing without a bullet."""
_GLUED = re.compile(r"(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]+\b)")
"""A full stop glued to the next sentence by a careless scrape ("in Ukraine.At the end of August")."""


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Every line as (start, end without the newline, is blank)."""
    found = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.start() > 0:
            break
        end = m.end() - 1 if m.group(0).endswith("\n") else m.end()
        found.append((m.start(), end, _BLANK.fullmatch(text, m.start(), end) is not None))
    return found


def _blocks(text: str) -> list[tuple[int, int]]:
    """Runs of lines that may hold one sentence across their breaks (rules 1 and 2)."""
    blocks: list[tuple[int, int]] = []
    open_block: list[int] | None = None
    for start, end, blank in _lines(text):
        if blank:
            open_block = None
            continue
        first = text[start:end].lstrip()[:1]
        if open_block is not None and first.islower():
            open_block[1] = end
            blocks[-1] = (open_block[0], end)
            continue
        open_block = [start, end]
        blocks.append((start, end))
    return blocks


def _ends_sentence(text: str, m: re.Match[str], block_end: int) -> bool:
    """Whether the punctuation matched by ``m`` ends a sentence (rule 3)."""
    nxt = _NEXT_TOKEN.match(text, m.end(), block_end)
    if nxt is None:
        return False
    word = nxt.group(2)
    if not (word[0].isupper() or word[0].isdigit() or nxt.group(1)):
        return False
    if m.group(0) != ".":
        return True
    line_start = _line_start(text, m.start())
    if _LIST_NUMBER.fullmatch(text, line_start, m.start()) or _BULLETED_NAME.fullmatch(text, line_start, m.start()):
        return False
    prev = _PREVIOUS_TOKEN.search(text, max(0, m.start() - 24), m.start())
    if prev is None:
        return True
    token = prev.group(1)
    rule = _ABBREVIATIONS.get(token)
    if rule == "always" or (rule == "before_number" and word[0].isdigit()):
        return False
    if len(token) == 1 and token.isupper():
        return False
    if _INITIALISM.fullmatch(token):
        return word in _STARTERS
    return True


def _append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as (start, end) offsets, in order, whitespace stripped.

    >>> text = 'Gen. Ivanov spoke.\\n\\nThe U.S. sent 1.2 million rounds. "We will," he said.'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Gen. Ivanov spoke.', 'The U.S. sent 1.2 million rounds.', '"We will," he said.']
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        cuts = [m.end() for m in _END.finditer(text, block_start, block_end) if _ends_sentence(text, m, block_end)]
        cuts += [m.start() for m in _GLUED.finditer(text, block_start, block_end)]
        start = block_start
        for cut in sorted(cuts):
            _append_stripped(spans, text, start, cut)
            start = cut
        _append_stripped(spans, text, start, block_end)
    return spans


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span from ``split_sentences`` output that contains ``offset``, or None (between sentences)."""
    i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return None
