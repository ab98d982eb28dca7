"""Find quantity expressions in English news text: "at least two", "between 500,000 to 600,000", "dozens".

Public and stable: ``NumberMatch``, ``find_numbers``, ``parse_count`` and ``UNITS``; ``phrase_alternation`` is
shared with the other extractors.

Every match carries its exact offsets (``text[m.start:m.end] == m.text``) and a ``records.Count`` with the wording's
qualifier folded in. The span covers the whole expression: qualifier, number, range partner and unit
("more than 1,000", "10-12", "90 per cent", "$5 billion", "a 45-year-old" -> "45-year-old"); a trailing "of"
("dozens of people") is left out, so the following noun starts right after the span.

Rules (the wording lists are data files in ``warledger/vocab/``):

- Qualifiers (``count_qualifiers.tsv``): "at least n" -> Count(n, None, "at least"); "more than/over n" ->
  Count(n, None, "more than") (min stays n, the qualifier says it is exclusive); "up to/as many as n" ->
  Count(None, n, "up to"); "fewer than/less than/under n" -> Count(None, n, "fewer than"); "about/around/nearly/
  almost/some/an estimated/near n" -> Count(n, n, "about"); "n or more" -> at least. Otherwise "exact".
- Ranges: "between X and/to Y", "from X to Y", "X-Y", "X to Y", "X or Y" (only when X < Y) -> Count(X, Y, "range").
  A scale word on Y alone is shared when X is smaller than Y's number ("between 1.1 and 1.3 million").
- Vague quantities (``vague_quantities.tsv``): the smallest number the words can honestly mean, as a lower bound.
  A plural unit means at least two of it: "dozens" >= 24, "hundreds" >= 200, "thousands" >= 2,000,
  "hundreds of thousands" >= 200,000 (only the first plural is doubled), "tens of thousands" >= 20,000. "a few"
  >= 2, "several" >= 3, "a couple" is about 2, "a dozen" about 12; "several hundred" >= 300. "no one", "nobody",
  "none", "zero" and "no" before a casualty noun (``zero_count_nouns.txt``) are exactly 0.
- Units (``quantity_units.tsv``): ``unit`` is None for plain counts, else one of ``UNITS``. Calendar years
  (a lone 1900-2100 without separators, unless an unambiguous qualifier makes it a count: "about 2000") are
  "year"; clock times ("10:30", "10 a.m.") are "time"; ordinals ("third", "4th") are "ordinal" with their
  position as the count. A day of the month next to a month name ("24 February", "Feb. 24") and numeric dates
  ("24.02.2022", "2022-02-24") are not returned at all: ``dates`` owns them; the year of such a date is "year".
- Not counts: model designations ("Su-25", "S-300"), a number after a naming word ("Article 5", "day 3":
  ``designation_words.txt``), "No. 5", fractions ("two-thirds"), decimals without a unit or scale, and "one" in
  "one of", "one another", "one day", "the one" (``not_counts.tsv``) or closing a clause after an article
  ("a difficult one.").
"""
from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from warledger.records import Count
from warledger.vocab import load_lines, load_tsv

log = logging.getLogger(__name__)

UNITS = ("percent", "km", "mile", "year", "time", "money", "ordinal", "age", "measure")
"""The values ``NumberMatch.unit`` takes besides None (a plain count)."""


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One quantity expression: ``text`` is exactly the input between ``start`` and ``end``."""

    start: int
    end: int
    text: str
    count: Count
    unit: str | None
    """None for a plain count, else one of ``UNITS``."""


def phrase_alternation(phrases: list[str]) -> str:
    """A regex alternation of literal vocabulary phrases, longest first, spaces matching any run of whitespace.

    Shared with ``dates``, whose vocabulary-driven regexes are built the same way."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# --- vocabularies, read once ---------------------------------------------------------------------------------------
_WORDS: dict[str, tuple[int, str]] = {r["word"]: (int(r["value"]), r["kind"]) for r in load_tsv("number_words")}
_CARDINALS = [w for w, (_, kind) in _WORDS.items() if kind != "ordinal"]
_ORDINALS = [w for w, (_, kind) in _WORDS.items() if kind == "ordinal"]
_TENS = [w for w, (_, kind) in _WORDS.items() if kind == "tens"]
_SCALE_KINDS = ("hundred", "dozen", "scale")
_VAGUE = {r["phrase"]: r for r in load_tsv("vague_quantities")}
_QUALIFIERS = {(r["phrase"], r["position"]): r for r in load_tsv("count_qualifiers")}
_UNIT_ROWS = load_tsv("quantity_units")
_NOT_COUNTS: dict[tuple[str, str], set[str]] = {}
for _row in load_tsv("not_counts"):
    _NOT_COUNTS.setdefault((_row["number"], _row["side"]), set()).add(_row["word"])
_MONTHS = [r["name"] for r in load_tsv("calendar_names") if r["kind"] == "month"]

# --- the regexes, compiled at import ------------------------------------------------------------------------------
_SCALE_WORDS = r"(?:thousand|million|billion|trillion|bn|mln)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,]\d)|\d+"
_ATOM = re.compile(
    rf"(?P<vague>\b(?:{phrase_alternation(list(_VAGUE))})\b)"
    rf"|(?P<zero>\bno(?=\s+(?:[a-z]+\s+)?(?:{phrase_alternation(list(load_lines('zero_count_nouns')))})\b))"
    rf"|(?P<ordword>\b(?:(?:{phrase_alternation(_TENS)})[-\s])?(?:{phrase_alternation(_ORDINALS)})\b)"
    r"|(?P<orddig>\b\d+(?:st|nd|rd|th)\b)"
    rf"|(?P<digits>(?:{_DIGITS})(?:\.\d+)?)(?:(?P<dspace>\s*)(?P<dscale>{_SCALE_WORDS}\b|m\b|mn\b|k\b))?"
    rf"|(?P<words>\b(?:a\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{phrase_alternation(_CARDINALS)})\b"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{phrase_alternation(_CARDINALS)})\b)*)",
    re.IGNORECASE,
)
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to\b|and\b|or\b)\s*", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"\b(between|from)\s+(?:US\$|\$|€|£|₴)?$", re.IGNORECASE)
_SPACE = r"\s+"
_BEFORE = {p: r for (p, pos), r in _QUALIFIERS.items() if pos == "before"}
_AFTER = {p: r for (p, pos), r in _QUALIFIERS.items() if pos == "after"}
_QUAL_BEFORE = re.compile(rf"(?<![\w-])({phrase_alternation(list(_BEFORE))})\s+$", re.IGNORECASE)
_QUAL_AFTER = re.compile(  # never before "than": "since 2022 and more than 1,650 injured"
    "|".join(
        f"(?P<q{i}>{'' if p.startswith('-') else _SPACE}{phrase_alternation([p])}\\b(?!\\s+than\\b))"
        for i, p in enumerate(_AFTER)
    ),
    re.IGNORECASE,
)
_AFTER_BY_GROUP = {f"q{i}": p for i, p in enumerate(_AFTER)}
_UNIT_PREFIX = {r["phrase"]: r["unit"] for r in _UNIT_ROWS if r["position"] == "prefix"}
_UNIT_SUFFIX = {r["phrase"]: r["unit"] for r in _UNIT_ROWS if r["position"] == "suffix"}
_PREFIX_UNIT = re.compile(rf"(?<![\w$€£₴])({phrase_alternation(list(_UNIT_PREFIX))})\s?$", re.IGNORECASE)
_SUFFIX_UNIT = re.compile(rf"(?:[ \u00a0]?|-)({phrase_alternation(list(_UNIT_SUFFIX))})(?:(?<=\W)|\b)")
_FRACTION_AFTER = re.compile(rf"[-\s]+(?:(?:{phrase_alternation(_ORDINALS)})s|quarters?|halves)\b", re.IGNORECASE)
_ONE_FRACTION = re.compile(rf"[-\s]+(?:{phrase_alternation(_ORDINALS)}|half|quarter)\b", re.IGNORECASE)
_DESIGNATION_BEFORE = re.compile(
    rf"(?:[A-Za-z]-?|(?:\b[Nn]o\.|#|\b(?i:{phrase_alternation(list(load_lines('designation_words')))}))\s*"
    r"|[\d.,]*\d[.,/:])$")
# Thousands written in groups ("73,000") count people or things; a name never groups its digits, so "dead number
# 73,000" is a count where "school number 7" is not.
_GROUPED = re.compile(r"\d{1,3}(?:[,\u00a0 ]\d{3})+")
_MONTH = rf"\b(?:{phrase_alternation(_MONTHS)})\b\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_CALENDAR = re.compile(
    r"(?P<numeric>\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}([./])\d{1,2}\2\d{2,4}\b)"
    rf"|(?P<dm>\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+(?P<y1>\d{{4}})\b)?)"
    rf"|(?P<md>{_MONTH}\s*{_DAY}\b(?:,?\s+(?P<y2>\d{{4}})\b)?)"
    r"|(?P<time>\b\d{1,2}(?:[:.]\d{2})?\s*(?i:[ap]\.m\.?|[ap]m\b|o['’]clock\b)|\b\d{1,2}:\d{2}\b)"
)
_SHORT_SCALES = {"k": 1000, "m": 10**6, "mn": 10**6}
_ABBREVIATED_SCALES = {"bn": 10**9, "mln": 10**6}
_MONEY_BEFORE = re.compile(r"(?:US\$|\$|€|£|₴)$")
_MONEY_AFTER_JOIN = re.compile(r"(?:US\$|\$|€|£|₴)")
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_HALF_BEFORE = re.compile(r"\bhalf\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\"”]|$)")
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:[A-Za-z-]+\s+){0,2}$", re.IGNORECASE)
_MONTH_SET = frozenset(_MONTHS)
_ATOM_STARTS = frozenset(
    [*_WORDS, "a", "no", *(phrase.split()[0].split("-")[0] for phrase in _VAGUE)]
)
_PREV_WORD = re.compile(r"([A-Za-z]+)\s+$")


@dataclass(slots=True)
class _Atom:
    """A bare number before qualifiers, ranges and units are considered."""

    kind: str
    start: int
    end: int
    value: Decimal | None
    scale: int = 1
    """The trailing scale word's value ("three million" -> 1,000,000), for sharing across a range."""
    vague: dict[str, str] | None = None


def _parse_words(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The longest well-formed number-word prefix of text[start:end] -> (value, end offset, trailing scale)."""
    total, group, last, last_scale = 0, 0, None, math.inf
    best: tuple[int, int, int] | None = None
    for tok in _WORD_TOKEN.finditer(text, start, end):
        word = tok.group(0).lower()
        if word == "a":
            group, last = 1, "a"
            continue
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        value, kind = _WORDS[word]
        if kind in ("unit", "teen", "tens"):
            allowed = last in (None, "hundred", "scale", "and") or (last == "tens" and kind == "unit")
            if not allowed:
                break
            group += value
        elif kind in ("hundred", "dozen"):
            if last not in ("unit", "teen", "tens", "a") or group >= 100 or (kind == "hundred" and group == 0):
                break
            group *= value
        else:
            if last not in ("unit", "teen", "tens", "hundred", "dozen", "a") or value >= last_scale or group == 0:
                break
            total, group, last_scale = total + group * value, 0, value
        last = kind
        trailing = value if kind in _SCALE_KINDS else 1
        best = (total + group, tok.end(), trailing)
    return best


def _scan_atom(text: str, m: re.Match[str]) -> _Atom | None:
    """The atom a master-regex match stands for, or None when the matched words do not form a number."""
    kind = m.lastgroup if m.lastgroup in ("vague", "zero", "ordword", "orddig", "words") else "digits"
    if kind == "vague":
        row = _VAGUE[re.sub(r"\s+", " ", m.group(0).lower())]
        half = _HALF_BEFORE.search(text, max(0, m.start() - 8), m.start()) if row["phrase"][:2] == "a " else None
        if half is not None and row["min"] and row["min"] == row["max"]:  # "half a dozen"
            halved = str(int(row["min"]) // 2)
            return _Atom("vague", half.start(), m.end(), None, vague={**row, "min": halved, "max": halved})
        return _Atom("vague", m.start(), m.end(), None, vague=row)
    if kind == "zero":
        return _Atom("zero", m.start(), m.end(), Decimal(0))
    if kind == "ordword":
        tokens = re.split(r"[-\s]+", m.group(0).lower())
        return _Atom("ordinal", m.start(), m.end(), Decimal(sum(_WORDS[t][0] for t in tokens)))
    if kind == "orddig":
        return _Atom("ordinal", m.start(), m.end(), Decimal(m.group(0)[:-2]))
    if kind == "words":
        parsed = _parse_words(text, m.start(), m.end())
        if parsed is None:
            return None
        half = _HALF_BEFORE.search(text, max(0, m.start() - 8), m.start()) if m.group(0)[:2].lower() == "a " else None
        if half is not None:  # "half a million"
            return _Atom("number", half.start(), parsed[1], Decimal(parsed[0]) / 2, scale=parsed[2])
        return _Atom("number", m.start(), parsed[1], Decimal(parsed[0]), scale=parsed[2])
    digits = Decimal(re.sub(r"[,\s\u00a0\u202f]", "", m.group("digits")))
    scale_word = (m.group("dscale") or "").lower()
    if scale_word in _SHORT_SCALES:
        money = _MONEY_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
        attached = not m.group("dspace")
        decimal = "." in m.group("digits")
        if not attached or not (money or (decimal and scale_word != "k")):
            scale_word = ""  # "5m" is five metres and "5 k" nothing; "1.2m" and "$5m" are millions
    scale = _SHORT_SCALES.get(scale_word) or _ABBREVIATED_SCALES.get(scale_word) or _WORDS.get(scale_word, (1, ""))[0]
    end = m.end() if scale_word else m.end("digits")
    return _Atom("digits", m.start(), end, digits * scale, scale=scale)


def _vague_count(text: str, atom: _Atom) -> tuple[Count, int]:
    """The count of a vague phrase and where it ends (a multiplier takes the scale words after it)."""
    row = atom.vague or {}
    low = int(row["min"]) if row["min"] else None
    high = int(row["max"]) if row["max"] else None
    end = atom.end
    if row["multiplier"] == "yes":
        factor, pos = 1, atom.end
        while (nxt := _NEXT_WORD.match(text, pos)) and _WORDS.get(nxt.group(1).lower(), (0, ""))[1] in _SCALE_KINDS:
            factor *= _WORDS[nxt.group(1).lower()][0]
            pos = nxt.end()
        if factor > 1:
            end = pos
            low = None if low is None else low * factor
            high = None if high is None else high * factor
    if text[atom.start:end].lower().endswith(" of"):
        end -= 3
    return Count(low, high, row["qualifier"]), end


def _is_not_count(text: str, atom: _Atom, floor: int) -> bool:
    """Designations, fractions, decimals-as-words and "one of"-style pronouns are not quantities."""
    if atom.kind == "digits":
        before = text[max(floor, atom.start - 16):atom.start]
        if _DESIGNATION_BEFORE.search(before) and not _GROUPED.fullmatch(text, atom.start, atom.end):
            return True
        after = text[atom.end:atom.end + 2]
        if after[:1] == "/" or (after[:1] in ".," and after[1:2].isdigit()):
            return True
    word = text[atom.start:atom.end].lower()
    if atom.kind in ("digits", "number") and _fraction_end(text, atom.end, word) is not None:
        return True
    if (word, "after") in _NOT_COUNTS and (nxt := _NEXT_WORD.match(text, atom.end)):
        if nxt.group(1).lower() in _NOT_COUNTS[(word, "after")]:
            return True
    if (word, "before") in _NOT_COUNTS and (prev := _PREV_WORD.search(text, max(0, atom.start - 20), atom.start)):
        if prev.group(1).lower() in _NOT_COUNTS[(word, "before")]:
            return True
    return word == "one" and _pronoun_one(text, atom.start, atom.end)


def _pronoun_one(text: str, start: int, end: int) -> bool:
    """ "a very difficult one," "the only one.": "one" after an article, closing its clause, stands for a noun;
    "the strike killed one." still counts (a past-tense verb governs it)."""
    if _CLAUSE_END.match(text, end) is None or _ARTICLE_BEFORE.search(text, max(0, start - 40), start) is None:
        return False
    prev = _PREV_WORD.search(text, max(0, start - 20), start)
    return prev is None or not prev.group(1).lower().endswith("ed")


def _fraction_end(text: str, end: int, word: str) -> int | None:
    """Where a fraction ("two-thirds", "one half", "3 quarters") that starts with this number ends, if it is one."""
    found = _FRACTION_AFTER.match(text, end) or (_ONE_FRACTION.match(text, end) if word in ("one", "1") else None)
    return found.end() if found else None


def _letter_attached(text: str, end: int) -> bool:
    """True when letters run straight on from a number ("1990s", "3D") other than a unit ("5km")."""
    return end < len(text) and text[end].isalpha() and _SUFFIX_UNIT.match(text, end) is None


def _suffix_unit(text: str, end: int) -> tuple[str, int] | None:
    found = _SUFFIX_UNIT.match(text, end)
    if found is None:
        return None
    return _UNIT_SUFFIX[re.sub(r"\s+", " ", found.group(1))], found.end()


def _to_count(low: Decimal | None, high: Decimal | None, qualifier: str) -> Count:
    """Decimal bounds -> a Count of whole numbers, widening a fractional point to the integers around it."""
    if low is not None and low == high and low != low.to_integral_value():
        return Count(math.floor(low), math.ceil(low), "range")
    return Count(
        None if low is None else math.floor(low),
        None if high is None else math.ceil(high),
        qualifier,
    )


class _Scanner:
    """One left-to-right pass over a text; ``matches`` ends up sorted and non-overlapping."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches: list[NumberMatch] = []
        self.claims: list[tuple[int, int]] = []
        self.atom_starts: list[int] = []
        claimed_to = 0
        # Only tokens that can start a quantity are tried: one C-speed pass over the words instead of a regex search
        # at every character (a lead of 5x on news text).
        for token in _TOKEN.finditer(text):
            word, start = token.group(0), token.start()
            digit = word[0].isdigit()
            if (digit or word in _MONTH_SET) and start >= claimed_to and (m := _CALENDAR.match(text, start)):
                self._claim_calendar(m)
                claimed_to = m.end()
            if digit or word.lower() in _ATOM_STARTS:
                self.atom_starts.append(start)

    def _claim_calendar(self, m: re.Match[str]) -> None:
        self.claims.append((m.start(), m.end()))
        if m.lastgroup == "time":
            self._emit(m.start(), m.end(), Count(None, None), "time")
            return
        for name in ("y1", "y2"):
            if m.group(name):
                year = int(m.group(name))
                self._emit(m.start(name), m.end(name), Count(year, year, "exact"), "year")

    def _emit(self, start: int, end: int, count: Count, unit: str | None) -> None:
        self.matches.append(NumberMatch(start, end, self.text[start:end], count, unit))

    def _claimed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.claims)

    def _floor(self, pos: int, consumed: int) -> int:
        """How far left an expression at ``pos`` may reach: never into an earlier match or calendar span."""
        return max([consumed, *(e for s, e in self.claims if e <= pos)])

    def run(self) -> list[NumberMatch]:
        pos = consumed = 0
        text = self.text
        for start in self.atom_starts:
            if start < pos or (m := _ATOM.match(text, start)) is None:
                continue
            atom = _scan_atom(text, m)
            if atom is None or self._claimed(atom.start, atom.end) or _letter_attached(text, atom.end):
                pos = m.end()
                continue
            floor = self._floor(atom.start, consumed)
            if _is_not_count(text, atom, floor):
                pos = _fraction_end(text, atom.end, text[atom.start:atom.end].lower()) or m.end()
                continue
            end = self._expression(atom, floor)
            pos = consumed = max(end, atom.end)
        self.matches.sort(key=lambda n: n.start)
        return self.matches

    def _range_partner(self, atom: _Atom, opener: str | None) -> tuple[_Atom, str] | None:
        """The Y of "X-Y", "X to Y", "between X and Y", with the joining word, or None."""
        join = _RANGE_JOIN.match(self.text, atom.end)
        if join is None:
            return None
        word = join.group(0).strip().lower()
        allowed = {"between": ("and", "to", "-", "–", "—"), "from": ("to", "-", "–", "—")}.get(
            opener or "", ("-", "–", "—", "to", "or"))
        if word not in allowed:
            return None
        currency = _MONEY_AFTER_JOIN.match(self.text, join.end())
        m = _ATOM.match(self.text, currency.end() if currency else join.end())
        other = _scan_atom(self.text, m) if m else None
        if other is None or other.kind not in ("digits", "number") or self._claimed(other.start, other.end):
            return None
        if _letter_attached(self.text, other.end) or _is_not_count(self.text, other, atom.end):
            return None
        return other, word

    def _expression(self, atom: _Atom, floor: int) -> int:
        """Emit the expression around ``atom``; return where it ends (atom.end when nothing was emitted)."""
        text = self.text
        if atom.kind == "vague":
            count, end = _vague_count(text, atom)
            qual = self._qualifier_before(atom.start, floor) if count.min == count.max and count.min else None
            start = atom.start
            if qual is not None:
                start, count = qual[0], self._apply(qual[1], Decimal(count.min or 0))
            self._emit(start, end, count, None)
            return end
        if atom.kind == "ordinal":
            self._emit(atom.start, atom.end, _to_count(atom.value, atom.value, "exact"), "ordinal")
            return atom.end
        start, end, value = atom.start, atom.end, atom.value if atom.value is not None else Decimal(0)
        year_like = atom.kind == "digits" and re.fullmatch(r"(19|20)\d\d|2100", text[atom.start:atom.end]) is not None
        opener = _RANGE_OPENER.search(text, max(floor, atom.start - 10), atom.start)
        partner = None if year_like else self._range_partner(atom, opener.group(1).lower() if opener else None)
        if partner is not None and (top := partner[0].value) is not None:
            other, word = partner
            if atom.scale == 1 and other.scale > 1 and value < top / other.scale:
                value *= other.scale
            if value < top and (word != "or" or top <= 10 * value):  # not "150 or one million"
                start, end = opener.start() if opener else start, other.end
                money = _MONEY_BEFORE.search(text, max(floor, atom.start - 3), atom.start) is not None
                return self._finish(start, end, (value, top, "range"), floor, year_like=False,
                                    unit="money" if money else None)
        low: Decimal | None = value
        high: Decimal | None = value
        qualifier = "exact"
        if (after := _QUAL_AFTER.match(text, end)) is not None:
            row = _AFTER[_AFTER_BY_GROUP[after.lastgroup or ""]]
            low, high, qualifier, end = value, None if row["bound"] == "min" else value, row["qualifier"], after.end()
        if value != value.to_integral_value() and not _suffix_unit(text, end) and not self._prefix_unit(start, floor):
            return atom.end  # a bare decimal ("magnitude 4.5") is not a count
        return self._finish(start, end, (low, high, qualifier), floor, year_like=year_like)

    def _finish(self, start: int, end: int, bounds: tuple[Decimal | None, Decimal | None, str], floor: int, *,
                year_like: bool, unit: str | None = None) -> int:
        """Add units and a qualifier around a number or range at text[start:end], emit it, return its end.

        Around the number, from the inside out: a currency sign ("$5"), a qualifier ("more than $5"), a prefix unit
        ("aged about 45"); after it, a unit ("90 per cent", "1,000-kilometer", "45-year-old")."""
        low, high, qualifier = bounds
        if (suffix := _suffix_unit(self.text, end)) is not None:
            unit, end = suffix
        if (prefix := self._prefix_unit(start, floor)) is not None and unit in (None, prefix[1]):
            start, unit = prefix
        qual = self._qualifier_before(start, floor) if qualifier == "exact" else None
        if qual is not None and not (year_like and qual[1]["ambiguous"] == "yes"):
            start, qualifier = qual[0], qual[1]["qualifier"]
            value = low
            low, high = (value, None) if qual[1]["bound"] == "min" else (None, value) if qual[1]["bound"] == "max" \
                else (value, value)
            if unit is None and (prefix := self._prefix_unit(start, floor)) is not None:
                start, unit = prefix
        elif unit is None and year_like:
            unit = "year"
        self._emit(start, end, _to_count(low, high, qualifier), unit)
        return end

    def _prefix_unit(self, start: int, floor: int) -> tuple[int, str] | None:
        """A unit written before the number ("$", "aged"), as (where it starts, unit)."""
        found = _PREFIX_UNIT.search(self.text, max(floor, start - 12), start)
        if found is None:
            return None
        phrase = re.sub(r"\s+", " ", found.group(1))
        return found.start(), _UNIT_PREFIX.get(phrase) or _UNIT_PREFIX[phrase.lower()]

    def _qualifier_before(self, start: int, floor: int) -> tuple[int, dict[str, str]] | None:
        found = _QUAL_BEFORE.search(self.text, max(floor, start - 30), start)
        if found is None:
            return None
        return found.start(), _BEFORE[re.sub(r"\s+", " ", found.group(1).lower())]

    @staticmethod
    def _apply(row: dict[str, str], value: Decimal) -> Count:
        bound = row["bound"]
        if bound == "min":
            return _to_count(value, None, row["qualifier"])
        if bound == "max":
            return _to_count(None, value, row["qualifier"])
        return _to_count(value, value, row["qualifier"])


def find_numbers(text: str) -> list[NumberMatch]:
    """Every quantity expression in ``text``, left to right and non-overlapping, qualifiers folded in.

    >>> [(m.text, m.count.min, m.count.max, m.count.qualifier) for m in find_numbers("at least 12 were hurt")]
    [('at least 12', 12, None, 'at least')]
    """
    return _Scanner(text).run()


def parse_count(phrase: str) -> Count | None:
    """The Count of the first quantity in ``phrase`` ("at least two" -> Count(2, None, "at least")), or None.

    Calendar years, clock times and ordinals are not counts here: "2022", "10:30" and "third" give None.
    """
    for m in find_numbers(phrase):
        if m.unit not in ("year", "time", "ordinal"):
            return m.count
    return None
