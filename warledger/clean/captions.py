"""Photo captions on scraped pages, and their credits.

Public and stable: ``split_credit``, ``looks_like_credit``, ``find_captions``, ``CaptionScan``.

A scraped page shows a caption in one of these shapes, and only these are taken (a caption must never swallow a
paragraph of the article):

- a pair: the caption, then the same text again with its credit, ``X`` then ``X (Credit)`` (or ``X Photo: Credit``);
  any credit is accepted, since the repetition itself marks the caption. The copy is dropped.
- one line ending with a credit in parentheses that looks like a photo credit: ``X (Reuters)``, ``X (AFP/Getty)``,
  ``X (Photo: Name)``, or with a credit label: ``X Photograph: Name/Agency``, or a wire agency in capitals after
  the caption's full stop: ``X. REUTERS/Name``.
- a short line followed by a line that is only a credit: ``X`` then ``(Photo: Reuters)``, when ``X`` reads as a
  caption (no final period, or a short sentence that is not the end of the page: a credit at the very end of a
  page belongs to its lead photo, not to the last paragraph).
- a short line without final punctuation directly above a caption pair, in the same block (no blank line
  between): one more caption, without a credit.
- a line starting with a caption marker that sites leave in scraped text ("View image in fullscreen ...",
  "Image caption, ..."): ``warledger/vocab/caption_prefixes.txt``.

What a credit looks like is data: ``warledger/vocab/caption_credits.txt`` (agencies, official sources, the
``Name/Agency`` shape) and ``warledger/vocab/caption_labels.txt`` ("Photo", "Photograph", "Credit"...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from warledger.clean.boilerplate import Line
from warledger.records import Caption
from warledger.vocab import load_lines

MAX_CAPTION_WORDS = 45
"""A caption standing alone is at most this long; longer lines are paragraphs."""

MAX_SENTENCE_CAPTION_WORDS = 30
"""A caption that ends with a period, taking the credit on the line after it, is at most this long."""

MAX_CREDIT_CHARS = 90
MAX_CREDIT_WORDS = 12

_PAREN_CREDIT = re.compile(r"^(?P<text>.*?\S)\s*[(\[](?P<credit>[^()\[\]]{1,90})[)\]](?P<tail>\.?)$")
_WIRE_CREDIT = re.compile(r"^(?P<text>.*\S\.)\s+(?P<credit>(?-i:[A-Z]{2,}(?:-[A-Z]{2,})?)(?:\s*/\s*[^/.]{2,60}){0,2})$")
"""A wire photo's caption: its text, then the agency in capitals ("... February 2, 2023. REUTERS/Alina Smutko")."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[a-z]")
_WORD = re.compile(r"[^\W_]")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


@cache
def _credit_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_lines("caption_credits")), re.IGNORECASE)


@cache
def _label_prefix() -> re.Pattern[str]:
    labels = "|".join(f"(?:{p})" for p in load_lines("caption_labels"))
    return re.compile(rf"^(?:{labels})\s*(?:[:|]|\.{{2,}}|…)\s*(?P<credit>\S.*)$", re.IGNORECASE)


@cache
def _label_suffix() -> re.Pattern[str]:
    labels = "|".join(f"(?:{p})" for p in load_lines("caption_labels"))
    return re.compile(rf"^(?P<text>.*?\S)\s+(?:{labels})\s*:\s*(?P<credit>[^:]{{1,90}})$", re.IGNORECASE)


@cache
def _caption_prefix() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_lines("caption_prefixes")), re.IGNORECASE)


def word_count(text: str) -> int:
    return len(text.split())


def _credit_sized(credit: str) -> bool:
    return (
        0 < len(credit) <= MAX_CREDIT_CHARS
        and word_count(credit) <= MAX_CREDIT_WORDS
        and not _SENTENCE_BREAK.search(credit)
        and not credit.endswith(".")
    )


def looks_like_credit(credit: str) -> bool:
    """True for text that reads as a photo credit: short, one phrase, and an agency, an official source, a
    ``Name/Agency`` shape or a "via"/"courtesy" phrase.

    >>> looks_like_credit("AFP/Getty"), looks_like_credit("the governor said")
    (True, False)
    """
    return _credit_sized(credit) and _credit_pattern().search(credit) is not None


def unlabel_credit(credit: str) -> tuple[str, bool]:
    """("Photo: Reuters") -> ("Reuters", True): a credit label marks a credit whatever follows it."""
    match = _label_prefix().match(credit)
    return (match["credit"].strip(), True) if match else (credit.strip(), False)


def _worded(text: str, credit: str) -> tuple[str, str] | None:
    return (text, credit) if _WORD.search(text) and _WORD.search(credit) else None


def split_credit(line: str, *, require_known: bool = True) -> tuple[str, str] | None:
    """Split a caption line into its text and credit: ``"X (AFP/Getty)"`` -> ``("X", "AFP/Getty")``.

    With ``require_known`` the credit must look like one (``looks_like_credit``) or carry a label ("Photo: ...");
    without it any short parenthesised phrase counts (used when the line repeats the caption before it).
    """
    match = _PAREN_CREDIT.match(line) if line.endswith((")", "]", ").", "].")) else None
    if match:
        credit, labelled = unlabel_credit(match["credit"])
        if match["tail"] and require_known:
            return None
        if labelled or (looks_like_credit(credit) if require_known else _credit_sized(credit)):
            return _worded(match["text"], credit)
        return None
    match = _label_suffix().match(line) if ":" in line[-MAX_CREDIT_CHARS - 20 :] else None
    if match and _credit_sized(match["credit"].strip()):
        return _worded(match["text"].rstrip(" .,;-–—"), match["credit"].strip())
    match = _WIRE_CREDIT.match(line)
    if match and looks_like_credit(match["credit"]):
        return _worded(match["text"], match["credit"])
    return None


def credit_only(line: str) -> str | None:
    """The credit when a whole line is one: ``"(Photo: Reuters)"``, ``"Photo: Reuters"``, ``"(AFP/Getty)"``."""
    bracketed = line[:1] in "([" and line[-1:] in ")]"
    inner = line[1:-1].strip() if bracketed else line
    credit, labelled = unlabel_credit(inner)
    if not _WORD.search(credit):
        return None
    if labelled and _credit_sized(credit):
        return credit
    if bracketed and looks_like_credit(credit):
        return credit
    return None


def _same_text(a: str, b: str) -> bool:
    return a.rstrip(" .") == b.rstrip(" .")


def caption_pair(first: str, second: str) -> Caption | None:
    """``X`` then ``X (Credit)`` (either order) -> ``Caption(X, Credit)``; anything else -> None."""
    for plain, credited in ((first, second), (second, first)):
        if len(credited) > len(plain) and credited.startswith(plain.rstrip(" .")):
            parts = split_credit(credited, require_known=False)
            if parts and _same_text(parts[0], plain):
                return Caption(plain, parts[1])
    return None


def standalone_caption(line: str) -> Caption | None:
    """A short line ending with a recognised credit, or a line with a caption marker -> ``Caption``."""
    marker = _caption_prefix().match(line)
    if marker and _WORD.search(line[marker.end() :]):
        rest = line[marker.end() :]
        parts = split_credit(rest, require_known=False)
        return Caption(*parts) if parts else Caption(rest)
    parts = split_credit(line, require_known=True)
    if parts and word_count(parts[0]) <= MAX_CAPTION_WORDS:
        return Caption(*parts)
    return None


def takes_credit_line(text: str, *, last: bool) -> bool:
    """Whether ``text``, followed by a line that is only a credit, is that credit's caption."""
    if credit_only(text) is not None or word_count(text) > MAX_CAPTION_WORDS:
        return False
    if not _ENDS_SENTENCE.search(text):
        return True
    return not last and word_count(text) <= MAX_SENTENCE_CAPTION_WORDS


@dataclass(slots=True)
class CaptionScan:
    """What ``find_captions`` found, by index into the lines it was given."""

    captions: dict[int, Caption] = field(default_factory=dict)
    dropped: set[int] = field(default_factory=set)
    """Copies of captions and credit lines folded into a caption: not paragraphs, not furniture."""
    removed: list[int] = field(default_factory=list)
    """Credit lines with no caption to attach to, and repeated lines: dropped as furniture."""


def _leads_into_pair(before: Line, first: Line, scan: CaptionScan, index: int) -> bool:
    """A short unpunctuated line in the same block as a caption pair, right before it, is one more caption
    (a gallery's second photo, or a caption split from its image's title)."""
    return (
        before.block == first.block
        and index not in scan.captions
        and word_count(before.text) <= MAX_SENTENCE_CAPTION_WORDS
        and not _ENDS_SENTENCE.search(before.text)
        and credit_only(before.text) is None
    )


def find_captions(lines: list[Line]) -> CaptionScan:
    """Find the captions among the non-furniture ``lines`` (see the module docstring for the shapes taken)."""
    scan = CaptionScan()
    kept = [i for i, line in enumerate(lines) if not line.boilerplate]
    unique: list[int] = []
    for i in kept:
        if unique and lines[unique[-1]].text == lines[i].text:
            scan.removed.append(i)
        else:
            unique.append(i)
    k = 0
    while k < len(unique):
        i = unique[k]
        text = lines[i].text
        following = lines[unique[k + 1]].text if k + 1 < len(unique) else None
        pair = caption_pair(text, following) if following is not None else None
        if pair is not None:
            scan.captions[i] = pair
            scan.dropped.add(unique[k + 1])
            if k > 0 and _leads_into_pair(lines[unique[k - 1]], lines[i], scan, unique[k - 1]):
                scan.captions[unique[k - 1]] = Caption(lines[unique[k - 1]].text)
            k += 2
            continue
        credit = credit_only(following) if following is not None else None
        if credit is not None and k > 0 and takes_credit_line(text, last=k + 2 >= len(unique)):
            scan.captions[i] = standalone_caption(text) or Caption(text, credit)
            scan.dropped.add(unique[k + 1])
            k += 2
            continue
        if credit_only(text) is not None:
            scan.removed.append(i)
        else:
            caption = standalone_caption(text)
            if caption is not None:
                scan.captions[i] = caption
        k += 1
    _drop_copies(lines, unique, scan)
    scan.removed.sort()
    return scan


def _drop_copies(lines: list[Line], unique: list[int], scan: CaptionScan) -> None:
    """A caption printed twice is one caption; a line that repeats a caption's text is not a paragraph."""
    seen: set[tuple[str, str | None]] = set()
    for i in sorted(scan.captions):
        key = (scan.captions[i].text, scan.captions[i].credit)
        if key in seen:
            del scan.captions[i]
            scan.dropped.add(i)
        seen.add(key)
    texts = {caption.text for caption in scan.captions.values()}
    for i in unique:
        if i not in scan.captions and i not in scan.dropped and lines[i].text in texts:
            scan.dropped.add(i)
