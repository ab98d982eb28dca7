"""The parts of a page from its lines: title, standfirst, paragraphs and captions, with the furniture set apart.

Public and stable: ``Layout``, ``lay_out``, ``is_headline``, ``is_standfirst``.

The rules, in order:
1. Furniture lines (``boilerplate.is_boilerplate``) are removed and kept in ``Layout.removed``.
2. Hard-wrapped lines are joined; captions are found (``captions.find_captions``) and never become paragraphs.
3. Title: the first remaining line when it reads as a headline (no final period, at most ``MAX_TITLE_WORDS``
   words, one phrase), or the title the HTML metadata gives.
4. Standfirst: the line right after the title when it is a summary sentence without a final period, or (plain
   text only) one short sentence.
5. Lead caption: after a standfirst, a short line without final punctuation that comes before a paragraph is the
   caption of the page's lead image (scraped pages drop the image and keep its caption there).
6. Everything else, in page order, is a paragraph.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from warledger.clean.boilerplate import Line, join_wrapped, mark_boilerplate
from warledger.clean.captions import caption_pair, find_captions, word_count
from warledger.records import Caption

MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 25
MIN_STANDFIRST_WORDS, MAX_STANDFIRST_WORDS = 6, 60
MAX_SHORT_STANDFIRST_WORDS = 30
"""A standfirst that ends with a period is one sentence of at most this many words."""
MIN_LEAD_CAPTION_WORDS, MAX_LEAD_CAPTION_WORDS = 4, 30
TITLE_SEARCH_UNITS = 3
"""A title given by the metadata is looked for (to drop its copy) among this many first lines of the body."""

_CLOSERS = "\"'”’»)\\]"
_TERMINAL = re.compile(rf"[.!?…][{_CLOSERS}]*$")
_SENTENCE_BREAK = re.compile(rf"[.!?…][{_CLOSERS}]*\s+[\"'“‘«(\[]?[A-Z0-9]")
_NOT_A_HEADLINE_END = re.compile(rf"[.,;:\-–—…][{_CLOSERS}]*$")
_HEADLINE_START = re.compile(r"^[\"'“‘«(\[]?[A-Z0-9\u0400-\u04FF]")


@dataclass(slots=True)
class Layout:
    """The parts of one page, before they are joined into ``Article.text``."""

    title: str | None = None
    standfirst: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def ends_sentence(text: str) -> bool:
    return _TERMINAL.search(text) is not None


def is_headline(text: str) -> bool:
    """A title-like line: starts with a capital (or digit or quote), 3-25 words, no final period, one phrase."""
    return (
        MIN_TITLE_WORDS <= word_count(text) <= MAX_TITLE_WORDS
        and _HEADLINE_START.match(text) is not None
        and _NOT_A_HEADLINE_END.search(text) is None
        and _SENTENCE_BREAK.search(text) is None
    )


def is_standfirst(text: str, *, allow_sentence: bool = True) -> bool:
    """A summary line after the title: one sentence without a final period (6-60 words); with ``allow_sentence``
    also one short sentence that ends with a period."""
    if _SENTENCE_BREAK.search(text) or not _HEADLINE_START.match(text):
        return False
    words = word_count(text)
    if not ends_sentence(text):
        return MIN_STANDFIRST_WORDS <= words <= MAX_STANDFIRST_WORDS and not text.endswith((":", ","))
    return allow_sentence and words <= MAX_SHORT_STANDFIRST_WORDS


def is_lead_caption(text: str, following: str | None) -> bool:
    """A short unpunctuated line directly before a paragraph (see rule 5 in the module docstring)."""
    return (
        following is not None
        and MIN_LEAD_CAPTION_WORDS <= word_count(text) <= MAX_LEAD_CAPTION_WORDS
        and not ends_sentence(text)
        and _NOT_A_HEADLINE_END.search(text) is None
        and ends_sentence(following)
    )


def _folded(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" .")


def _is_known_caption(text: str, known: Iterable[Caption]) -> bool:
    folded = _folded(text)
    for caption in known:
        if folded == _folded(caption.text) or caption_pair(caption.text, text) is not None:
            return True
        if caption.credit and folded == _folded(f"{caption.text} {caption.credit}"):
            return True
    return False


def lay_out(
    lines: list[Line],
    *,
    title: str | None = None,
    description: str | None = None,
    known_captions: Iterable[Caption] = (),
    plain_text: bool = True,
) -> Layout:
    """Split ``lines`` into title, standfirst, paragraphs and captions (rules in the module docstring).

    ``title`` and ``description`` come from HTML metadata when there is any; ``known_captions`` (from
    ``<figcaption>``) are kept as captions and their copies dropped from the body. ``plain_text`` turns on the
    rules that only scraped text needs (one-sentence standfirst, lead caption).
    """
    mark_boilerplate(lines)
    lines = join_wrapped(lines)
    scan = find_captions(lines)
    known = list(known_captions)
    furniture = set(scan.removed)
    layout = Layout(removed=[line.text for i, line in enumerate(lines) if line.boilerplate or i in furniture])
    positioned: list[tuple[int, Caption]] = [(-1, caption) for caption in known]
    positioned.extend(scan.captions.items())
    skip = scan.dropped | set(scan.captions) | set(scan.removed)
    units = [
        (i, line.text)
        for i, line in enumerate(lines)
        if not line.boilerplate and i not in skip and not (known and _is_known_caption(line.text, known))
    ]

    if title is not None:
        layout.title = title
        head = [k for k, (_, text) in enumerate(units[:TITLE_SEARCH_UNITS]) if _folded(text) == _folded(title)]
        if head:
            del units[head[0]]
    elif units and is_headline(units[0][1]):
        layout.title = units.pop(0)[1]

    if layout.title is not None and units:
        first = units[0][1]
        from_description = description is not None and _folded(first) == _folded(description)
        if from_description or is_standfirst(first, allow_sentence=plain_text):
            layout.standfirst = units.pop(0)[1]

    if plain_text and layout.standfirst is not None and len(units) >= 2:
        index, text = units[0]
        if is_lead_caption(text, units[1][1]):
            positioned.append((index, Caption(text)))
            units.pop(0)

    layout.paragraphs = [text for _, text in units]
    layout.captions = [caption for _, caption in sorted(positioned, key=lambda item: item[0])]
    return layout
