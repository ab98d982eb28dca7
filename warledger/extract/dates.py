"""Find date expressions in English news text and resolve them against the publication date.

Public and stable: ``DateMatch``, ``find_dates``, ``infer_publication_window``, ``KINDS``.

Every match carries exact offsets (``text[m.start:m.end] == m.text``), a ``date`` (the first day it covers, or None
when it cannot be resolved), a ``precision`` ("day", "week", "month", "year") and a ``kind``:

- "absolute": written on the calendar: "24 February 2022", "Feb. 24", "24.02.2022", "2022-02-24", "December 2025",
  "in March", "in 2023", a fixed holiday ("on New Year's Day", "Christmas Eve": ``vocab/calendar_names.tsv``).
  A day and month without a year (a holiday too) take the year that puts them nearest before the
  publication date, allowing up to 7 days after it (news reports the past; up to half a year after it in a
  sentence about the future: "talks are scheduled for 3 March"); a month alone ("in March") is the
  latest such month not after the publication month ("last March": strictly before it). Without a publication
  date these keep their precision and get ``date=None``. Numeric dates are read day first ("04.03.2022" is
  4 March) unless the second number cannot be a month ("03/24/2022").
- "relative_to_published" (phrases in ``vocab/relative_dates.tsv``): "today", "yesterday", "last night", "overnight"
  (the publication day), "over the past day" (the day before), "two days ago"; weekday names ("on Wednesday", "early
  on Tuesday", "Tuesday night") are the most recent such day on or before publication (the same day counts), "last
  Wednesday" strictly before, "next Wednesday" strictly after; a weekday after a future cue in its sentence ("will",
  "ahead of": ``vocab/weekday_cues.tsv``), or opening a sentence whose verb is future, is the next such day on or
  after publication, unless a past verb just precedes it ("said on Sunday", "assured Monday"). "last week" is the
  Monday-Sunday week before the week of publication (``date`` its Monday, ``end_date`` its Sunday); "this month" /
  "last month" are calendar months; "this weekend" is the coming weekend (the current one when published on a
  Saturday or Sunday), "over the weekend" / "last weekend" the latest one before publication: ``date`` is the
  Saturday, ``end_date`` the Sunday, precision "week". Without a publication date: ``date=None``.
- "relative_to_event": "a day after", "two days earlier", "the day before", "the next day": ``date=None`` and
  ``relative_days`` = (date of the event this phrase dates) - (date of the anchor event). With an object ("a day
  after a drone attack ..."), the object is the dated event: -1. Standing alone ("The day before, ...", "Two days
  later, ...") the phrase's own clause is the dated event: -1 and +2.
- "period": "between February 2022 and December 2025" (date 2022-02-01, end_date 2025-12-31), "from 2014 to
  2022", "since February 2022", "since the start of the full-scale invasion" (anchor events in
  ``vocab/anchor_events.tsv``; end_date None: the caller uses the publication date), "by the spring" (the next
  spring ending on or after publication: date None, end_date 31 May), "by the end of the year", "this summer",
  "last winter" (seasons are three months: spring March-May, summer June-August, autumn September-November,
  winter December-February).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, replace

from warledger.extract.date_rules import GROUPS, HANDLERS, PATTERNS, TRIGGERS, Context, Found, natural_end, valid_date

log = logging.getLogger(__name__)

KINDS = ("absolute", "relative_to_published", "relative_to_event", "period")
"""The values of ``DateMatch.kind``."""


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression: ``text`` is exactly the input between ``start`` and ``end``."""

    start: int
    end: int
    text: str
    date: dt.date | None
    """The first day the expression covers; None when it cannot be resolved (no publication date, relative to
    another event, or a period with no stated start)."""
    precision: str
    """"day", "week", "month" or "year"."""
    end_date: dt.date | None = None
    """The last day of a range or period ("24-25 February", "last week", "by the spring"), else None."""
    relative_days: int | None = None
    """For kind "relative_to_event": the dated event's day minus the anchor event's day."""
    kind: str = "absolute"
    """One of ``KINDS``."""




_PERIOD_OPENER = re.compile(r"\b(between|from|since|ever since|until|till)\s+$", re.IGNORECASE)
_PERIOD_JOIN = re.compile(r"\s*(and|to|until|till|through|-|–|—)\s*", re.IGNORECASE)
_JOINS_AFTER = {"between": ("and", "to", "-", "–", "—"), "from": ("to", "until", "till", "through", "-", "–", "—")}
_COARSENESS = {"day": 0, "week": 1, "month": 2, "year": 3}


# --- where to look: each rule runs only in windows around the words that can set it off -----------------------
_WORD = re.compile(r"[A-Za-z]+")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d(?!\d)")
_NUMERIC_TOKEN = re.compile(r"\d[-./]\d")
_TRIGGER_SET = frozenset(TRIGGERS)


def _trigger_spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, groups) of every word or number that can set off a rule. The words present are found by one
    set intersection, then located one by one: much cheaper than looking at every word in Python."""
    spans: list[tuple[int, int, tuple[str, ...]]] = [(m.start(), m.end(), ("year",)) for m in _YEAR_TOKEN.finditer(text)
             if m.start() == 0 or not text[m.start() - 1].isdigit()]
    spans += [(m.start(), m.end(), ("numeric",)) for m in _NUMERIC_TOKEN.finditer(text)]
    for word in _TRIGGER_SET.intersection(_WORD.findall(text)):
        # No leading \b: a pattern that starts with a literal is searched for at C speed; check the left edge here.
        spans += [(m.start(), m.end(), TRIGGERS[word]) for m in re.finditer(rf"{word}\b", text)
                  if m.start() == 0 or not text[m.start() - 1].isalpha()]
    return spans


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Rule name -> merged (start, end) windows of ``text`` where that rule may match."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, groups in _trigger_spans(text):
        for group in groups:
            rules, back, ahead = GROUPS[group]
            for rule in rules:
                spans.setdefault(rule, []).append((max(0, start - back), min(len(text), end + ahead)))
    merged: dict[str, list[tuple[int, int]]] = {}
    for rule, windows in spans.items():
        out: list[tuple[int, int]] = []
        for first, last in sorted(windows):
            if out and first <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], last))
            else:
                out.append((first, last))
        merged[rule] = out
    return merged


def _candidates(text: str, published: dt.date | None) -> list[Found]:
    """Every candidate any rule finds, overlapping, sorted by start, longest first, in rule order on ties."""
    ctx = Context(text, published)
    windows = _windows(text)
    found: list[tuple[int, int, int, Found]] = []
    for order, (name, pattern) in enumerate(PATTERNS):
        handler = HANDLERS[name]
        for first, last in windows.get(name, ()):
            for m in pattern.finditer(text, first, last):
                cand = handler(m, ctx)
                if cand is not None:
                    found.append((cand.start, cand.start - cand.end, order, cand))
    found.sort(key=lambda item: item[:3])
    return [item[3] for item in found]


# --- what to keep -----------------------------------------------------------------------------------------------
def _choose(found: list[Found]) -> list[Found]:
    """Non-overlapping candidates, left to right: the longest wins an overlap ("on Monday" loses to "Monday,
    3 March 2025"), then the one that starts first, then the earlier rule."""
    chosen: list[Found] = []
    for cand in sorted(found, key=lambda f: f.start - f.end):  # stable: ties keep start and rule order
        if all(cand.end <= other.start or other.end <= cand.start for other in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda f: f.start)


def _with_year(found: Found, year: int) -> Found:
    """A date written without its year ("between 24 February and 3 March 2022") takes the year written later."""
    if found.year is not None or found.month is None:
        return found
    day = found.day or 1
    date = dt.date(year, found.month, day) if valid_date(year, found.month, day) else None
    return replace(found, date=date, year=year)


def _join(text: str, first: Found, second: Found, opener: str | None) -> bool:
    """Whether the words between two single dates make them one period ("between X and Y", "2014-2022")."""
    if first.kind != "absolute" or second.kind != "absolute":
        return False
    gap = _PERIOD_JOIN.fullmatch(text, first.end, second.start)
    if gap is None:
        return False
    word = gap.group(1).lower()
    if opener in _JOINS_AFTER:
        return word in _JOINS_AFTER[opener]
    if first.precision == "day" == second.precision:
        return word in ("to", "until", "till", "through", "-", "–")  # "Feb. 10 to Feb. 20"
    return word in ("-", "–") and first.precision == second.precision and first.precision in ("month", "year")


def _periods(text: str, found: list[Found]) -> list[Found]:
    """Join single dates into periods: "between A and B", "from A to B", "since A", "until A"."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        first = found[i]
        floor = out[-1].end if out else 0
        opened = _PERIOD_OPENER.search(text, max(floor, first.start - 14), first.start) \
            if first.kind == "absolute" else None
        opener = opened.group(1).lower() if opened else None
        second = found[i + 1] if i + 1 < len(found) else None
        if second is not None and _join(text, first, second, opener):
            if second.year is not None:
                later_month = (first.month or 0) > (second.month or 12)
                first = _with_year(first, second.year - 1 if later_month else second.year)
            if second.year is None and first.date and second.date and second.date < first.date:
                second = _with_year(second, first.date.year + (second.date.month < first.date.month))
            end = natural_end(second)
            if not (first.date and end and end < first.date):  # a "range" that ends before it starts is two dates
                precision = max(first.precision, second.precision, key=_COARSENESS.__getitem__)
                out.append(Found(opened.start() if opened else first.start, second.end, first.date, precision,
                                 kind="period", end_date=end))
                i += 2
                continue
            first = found[i]
        if opened is not None and opener in ("since", "ever since"):
            first = Found(opened.start(), first.end, first.date, first.precision, kind="period")
        elif opened is not None and opener in ("until", "till"):
            first = Found(opened.start(), first.end, None, first.precision, kind="period",
                          end_date=natural_end(first))
        out.append(first)
        i += 1
    return out


def find_dates(text: str, *, published: dt.date | None) -> list[DateMatch]:
    """Every date expression in ``text``, left to right and non-overlapping, resolved against ``published``.

    >>> [(m.text, str(m.date)) for m in find_dates("Two died on Wednesday.", published=dt.date(2026, 1, 30))]
    [('on Wednesday', '2026-01-28')]
    """
    chosen = _periods(text, _choose(_candidates(text, published)))
    return [
        DateMatch(f.start, f.end, text[f.start:f.end], f.date, f.precision, f.end_date, f.relative_days, f.kind)
        for f in chosen
    ]


def infer_publication_window(text: str) -> tuple[dt.date, str] | None:
    """When no publication date is known: the latest full date (day, month and year) written in ``text``, with
    precision "week", or None when the text writes no full date.

    A heuristic and a lower bound: a page is published on or after the latest date it states, usually soon after
    a dateline or a photo-caption date, but a page that only recalls history ("on 11 September 2001") gets a
    window years too early. Callers should say the date was inferred (``Article.published_source = "text"``)."""
    days = [m.date for m in find_dates(text, published=None)
            if m.kind == "absolute" and m.precision == "day" and m.date is not None]
    return (max(days), "week") if days else None
