"""One article prepared for extraction: its sentences, which block each sits in, and per-sentence numbers, dates
and places, each computed once and only when asked for (most sentences never need dates or places).

Every offset kept here is absolute (it indexes ``article.text``), so evidence built from it is exact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from warledger.extract.dates import DateMatch, find_dates
from warledger.extract.numbers import NumberMatch, find_numbers
from warledger.extract.places import SMALL_PLACE, PlaceMatch, city_section, find_places, resolve_places
from warledger.extract.sentences import split_sentences
from warledger.gazetteer import Gazetteer
from warledger.records import Article, Evidence

BLOCK_KINDS = ("title", "standfirst", "paragraph", "caption")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    index: int
    start: int
    end: int


_DATELINE = re.compile(
    # KYIV/NEW YORK, Kyiv (AP)
    r"(?:[A-Z][A-Z’'.]+(?:[ /-][A-Z][A-Z’'.]+)*|[A-Z][a-z]+(?=,? (?:[A-Z][a-z]+\.? \d|\()))"
    # , May 22 / , 1 June 2025 / , Ukraine
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+)(?:,?\s+\d{4})?)*"
    r"\s*(?:\([A-Za-z .&/-]{2,30}\))?\s*[-–—]+\s+"  # (Reuters) -
)
"""A wire dateline at the start of a paragraph: the city in capitals (or a capitalised city before a date or an
agency), an optional date, country or agency, then a dash."""


@dataclass(eq=False)
class Sentence:
    """A sentence of ``article.text``; matches are relative to the sentence (add ``start`` for the article)."""

    index: int
    start: int
    end: int
    text: str
    block: Block
    published: date | None = field(repr=False, default=None)
    article_oblasts: Callable[[], frozenset[str]] = field(repr=False, default=frozenset)
    """The oblasts the whole article names, to choose among homonymous villages."""

    @cached_property
    def dateline_end(self) -> int:
        """Where a wire dateline opening the paragraph ends ("KYIV, May 22 (Reuters) - "), else 0: the place and
        date a report was filed from, not where and when its events happened."""
        if self.start != self.block.start or self.block.kind not in ("paragraph", "standfirst"):
            return 0
        m = _DATELINE.match(self.text)
        return m.end() if m else 0

    @cached_property
    def numbers(self) -> list[NumberMatch]:
        return [n for n in find_numbers(self.text) if n.start >= self.dateline_end]

    @cached_property
    def dates(self) -> list[DateMatch]:
        return [d for d in find_dates(self.text, published=self.published) if d.start >= self.dateline_end]

    @cached_property
    def raw_places(self) -> list[PlaceMatch]:
        return [p for p in find_places(self.text) if p.start >= self.dateline_end]

    @cached_property
    def places(self) -> list[PlaceMatch]:
        """Places in the sentence, homonyms resolved towards the oblasts the article names."""
        matches = self.raw_places
        if any(len(m.candidates) > 1 or city_section(m) for m in matches):
            matches = resolve_places(matches, article_admin1=self.article_oblasts())
        return _consistent_with_oblasts(matches)

    def evidence(self, field_name: str, start: int = 0, end: int | None = None) -> Evidence:
        """Evidence for ``field_name`` from ``text[start:end]`` of this sentence (the whole sentence by default)."""
        end = len(self.text) if end is None else end
        return Evidence(field_name, self.text[start:end], self.start + start, self.start + end)


def _consistent_with_oblasts(matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """Drop a village that lies outside the oblast the same sentence names ("Kamianka in the Kharkiv region" when
    the gazetteer only knows Kamiankas elsewhere): the text's oblast is right, our homonym is not."""
    named = {m.location.admin1 for m in matches if m.kind == "oblast" and m.location.admin1}
    if not named:
        return matches
    return [m for m in matches if m.kind != "place" or m.location.admin1 in named or m.location.country != "UA"
            or not _minor(m)]


def _minor(match: PlaceMatch) -> bool:
    """A name the gazetteer gives to several places, or to a village: a town named beside another oblast ("the DPR
    ombudsman on the massacre in Kupiansk") is still that town."""
    if len(match.candidates) > 1:
        return True
    place = Gazetteer.default().place_of(match.location)
    return place is None or place.population < SMALL_PLACE


@dataclass
class Analysis:
    article: Article
    published: date | None
    sentences: list[Sentence]

    def blocks_of(self, kind: str) -> Iterator[Sentence]:
        return (s for s in self.sentences if s.block.kind == kind)


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO date or datetime string, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_blocks(article: Article) -> list[Block]:
    """Where the title, standfirst, paragraphs and captions sit in ``article.text`` (joined by blank lines)."""
    parts: list[tuple[str, str]] = []
    if article.title:
        parts.append(("title", article.title))
    if article.standfirst:
        parts.append(("standfirst", article.standfirst))
    parts += [("paragraph", p) for p in article.paragraphs]
    parts += [("caption", c.text) for c in article.captions]
    blocks, cursor = [], 0
    for index, (kind, text) in enumerate(parts):
        start = article.text.find(text, cursor)
        if start < 0:  # text not laid out as documented: fall back to one block per paragraph of text
            return _blocks_from_text(article.text)
        blocks.append(Block(kind, index, start, start + len(text)))
        cursor = start + len(text)
    return blocks


def _blocks_from_text(text: str) -> list[Block]:
    blocks, cursor = [], 0
    for index, chunk in enumerate(text.split("\n\n")):
        stripped = chunk.strip()
        if stripped:
            start = text.find(stripped, cursor)
            blocks.append(Block("paragraph", index, start, start + len(stripped)))
        cursor += len(chunk) + 2
    return blocks


def analyse(article: Article) -> Analysis:
    """Split the article into sentences, each tagged with its block (title, standfirst, paragraph, caption)."""
    published = parse_published(article.published)
    sentences: list[Sentence] = []
    cache: list[frozenset[str]] = []

    def article_oblasts() -> frozenset[str]:
        if not cache:
            cache.append(
                frozenset(
                    m.location.admin1
                    for s in sentences
                    for m in s.raw_places
                    if m.location.admin1 and len(m.candidates) <= 1 and not city_section(m)
                )
            )
        return cache[0]

    for block in article_blocks(article):
        block_text = article.text[block.start : block.end]
        for start, end in split_sentences(block_text):
            s, e = block.start + start, block.start + end
            sentences.append(Sentence(len(sentences), s, e, article.text[s:e], block, published, article_oblasts))
    return Analysis(article, published, sentences)
