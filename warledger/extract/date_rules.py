"""The rules that read one date expression: patterns, vocabularies and calendar arithmetic behind ``dates``.

Internal: ``dates.find_dates`` is the public entry point and documents the rules. This module turns each pattern
match into a ``Found`` candidate; ``dates`` chooses among overlapping candidates and joins them into periods.
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from warledger.extract.numbers import parse_count, phrase_alternation
from warledger.extract.sentences import sentence_at, split_sentences
from warledger.vocab import load_tsv

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Found:
    """A candidate while matches are being chosen and combined into periods."""

    start: int
    end: int
    date: dt.date | None
    precision: str
    kind: str = "absolute"
    end_date: dt.date | None = None
    relative_days: int | None = None
    year: int | None = None
    """The year as written (None when inferred), so "between February and December 2025" can share it."""
    month: int | None = None
    day: int | None = None


# --- vocabularies, read once ---------------------------------------------------------------------------------------
def _names(kind: str) -> dict[str, int]:
    return {r["name"]: int(r["value"]) for r in load_tsv("calendar_names") if r["kind"] == kind}


_MONTHS = _names("month")
_WEEKDAYS = _names("weekday")
_SEASONS = _names("season")
_DURATIONS = _names("duration")
_HOLIDAYS = {r["name"]: tuple(int(v) for v in r["value"].split("-")) for r in load_tsv("calendar_names")
             if r["kind"] == "holiday"}
_RELATIVE = {r["phrase"]: r for r in load_tsv("relative_dates")}
_DIRECTIONS = {p: r for p, r in _RELATIVE.items() if r["unit"] == "direction"}
_THIS_YEAR = "published-year"
"""An anchor date that is the first of January of the publication year ("since the start of the year")."""
_ANCHORS = {r["phrase"]: (None if r["date"] == _THIS_YEAR else dt.date.fromisoformat(r["date"]), r["precision"])
            for r in load_tsv("anchor_events")}
_CUES = load_tsv("weekday_cues")
_COUNT_WORDS = [r["word"] for r in load_tsv("number_words") if r["kind"] in ("unit", "teen", "tens")]
_PRECISION_OF_HOURS = {1: "day", 24: "day", 168: "week", 720: "month", 8760: "year"}


def _month_pattern() -> str:
    """Month names; an abbreviation ("Feb", "Sept") may take a full stop, a full name may not."""
    full = [n for n in _MONTHS if not any(o != n and o.startswith(n) for o in _MONTHS)]
    short = [n for n in _MONTHS if n not in full]
    return rf"(?:(?:{phrase_alternation(full)})\b|(?:{phrase_alternation(short)})\b\.?)"


_MONTH = _month_pattern()
_WEEKDAY = rf"(?:{phrase_alternation(list(_WEEKDAYS))})\b"
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:st|nd|rd|th)?"
_I = "(?i:{})".format


def _quoted(alternation: str) -> str:
    """A phrase alternation whose words may also be set apart by quotation marks: since the start of the "special
    military operation"."""
    return alternation.replace(r"\s+", r"\s+[\"“]?")
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b(?![./]\d)")),
    ("day_month", re.compile(
        rf"(?:\b(?P<wd>{_WEEKDAY}),?\s+)?(?:\b{_I('the')}\s+)?\b(?P<d1>\d{{1,2}}){_ORD}"
        rf"(?:\s*(?:-|–|{_I('and|to')})\s*(?P<d2>\d{{1,2}}){_ORD})?(?:\s+{_I('of')})?\s+(?P<mon>{_MONTH})"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("month_day", re.compile(
        rf"(?:\b(?P<wd>{_WEEKDAY}),?\s+)?\b(?P<mon>{_MONTH})\s*(?:{_I('the')}\s+)?(?P<d1>\d{{1,2}}){_ORD}\b"
        rf"(?:\s*(?:-|–)\s*(?P<d2>\d{{1,2}}){_ORD}\b)?(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("month_year", re.compile(
        rf"(?:\b(?P<part>{_I('early|mid|late|the end of|the start of|the beginning of|the middle of')})[-\s]+)?"
        rf"\b(?P<mon>{_MONTH}),?\s+(?:{_I('of')}\s+)?(?P<y>{_YEAR})\b")),
    ("month_cue", re.compile(
        rf"\b(?P<cue>{_I('in|since|by|until|till|from|during|early|mid|late|last|this|next|through|between|and|to|of')}"
        rf"|{_I('before|after|end of|start of')})[-\s]+(?P<mon>{_MONTH})(?!\s*\d)")),
    ("year_cue", re.compile(  # never a birth year ("a resident born in 1965")
        rf"\b(?<![Bb]orn )(?:{_I('in|since|by|until|till|from|during|of|throughout|before|after|between|and|to')}"
        rf"|{_I('through|the')}"
        rf"|{_I('end|start|early|mid|late|summer|spring|autumn|winter|fall')})[-\s]+(?P<y>{_YEAR})\b"
        r"(?![-–.,/]\d|\s*(?:%|per\s*cent|percent))|\b(?P<y2>" + _YEAR + r")(?='s\b)")),
    ("year_range", re.compile(rf"\b(?P<ya>{_YEAR})\s?[-–]\s?(?P<yb>{_YEAR})\b(?![-–./]\d)")),
    ("weekday", re.compile(
        rf"(?:\b(?P<mod>{_I('last|this|next|early|late|earlier|later|overnight into|overnight to|overnight on')})"
        rf"\s+)?(?:\b{_I('on')}\s+)?(?:\b{_I('the night of')}\s+)?\b(?P<wd>{_WEEKDAY})"
        rf"(?:\s+(?P<tod>{_I('morning|afternoon|evening|night')})\b)?")),
    ("relative", re.compile(
        rf"\b(?P<phrase>{_I(phrase_alternation([p for p in _RELATIVE if p not in _DIRECTIONS]))})\b")),
    ("counted", re.compile(
        rf"\b(?P<n>\d{{1,3}}|{_I('an?')}|{_I(phrase_alternation(_COUNT_WORDS))}(?:[-\s]{_I(phrase_alternation(_COUNT_WORDS))})?)"
        rf"\s+(?P<unit>{_I(phrase_alternation(list(_DURATIONS)))})\s+(?P<dir>{_I(phrase_alternation(list(_DIRECTIONS)))})\b")),
    ("by", re.compile(
        rf"\b{_I('by|before|until|till')}\s+(?:{_I('the')}\s+)?(?P<endof>{_I('end of')}\s+(?:{_I('the')}\s+)?)?"
        rf"(?P<what>{_I(phrase_alternation(list(_SEASONS)))}(?!\s+{_I('of')}\b)|{_I('year|month')}"
        rf"|{_I('next year|this year')}|{_MONTH}(?!\s*\d)|{_YEAR})\b")),
    ("season", re.compile(
        rf"\b(?P<mod>{_I('this|last|next|in the|during the|over the|in|during|early|late|early in the|late in the')})"
        rf"\s+(?P<season>{_I(phrase_alternation(list(_SEASONS)))})(?!\s+{_I('of')}\s+(?!{_YEAR}))"
        rf"(?:,?\s+(?:{_I('of')}\s+)?(?P<y>{_YEAR})\b)?")),
    ("holiday", re.compile(rf"\b(?P<hol>{phrase_alternation(list(_HOLIDAYS))})\b")),
    ("anchor", re.compile(
        rf"\b(?P<cue>{_I('since|from|ever since')})\s+(?P<anchor>{_I(_quoted(phrase_alternation(list(_ANCHORS))))})\b"
        rf"(?:\s+{_I('in')}\s+(?:(?P<mon>{_MONTH})\s+)?(?P<y>{_YEAR})\b)?")),
]
_ALONE = re.compile(r"\s*(?:[,.;:!?)\"”]|$|\s(?:that|when|which|and|but)\b)")
_FUTURE_WORDS = [r["cue"] for r in _CUES if r["direction"] == "future"]
_FUTURE = re.compile(
    rf"(?:(?<![\w'])(?:{phrase_alternation([c for c in _FUTURE_WORDS if not c.startswith(chr(39))])})"
    rf"|(?<=\w)(?:{phrase_alternation([c for c in _FUTURE_WORDS if c.startswith(chr(39))])}))\b",
    re.IGNORECASE)
_PAST_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(r["cue"]) for r in _CUES if r["direction"] == "past") + r")\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE)
_PAST_VERB_BEFORE = re.compile(r"\b([a-z]+ed)\s+$")


# --- calendar arithmetic -------------------------------------------------------------------------------------------
def valid_date(year: int, month: int, day: int) -> bool:
    """A real calendar day between 1900 and 2100 (the years news about this war can mean)."""
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _day_without_year(month: int, day: int, published: dt.date | None, *, ahead: int = 7) -> dt.date | None:
    """The latest such day not more than ``ahead`` days after publication (news reports the past: 7 days, or half
    a year in a sentence about the future)."""
    if published is None:
        return None
    limit = published + dt.timedelta(days=ahead)
    for year in range(limit.year, limit.year - 5, -1):
        if valid_date(year, month, day) and dt.date(year, month, day) <= limit:
            return dt.date(year, month, day)
    return None


def _month_without_year(month: int, published: dt.date | None, mode: str) -> dt.date | None:
    """First day of the latest such month not after publication ("last": strictly before; "next": after)."""
    if published is None:
        return None
    if mode == "next":
        return dt.date(published.year + (month <= published.month), month, 1)
    before = month < published.month or (month == published.month and mode != "last")
    return dt.date(published.year if before else published.year - 1, month, 1)


def _weekday_date(published: dt.date, weekday: int, mode: str) -> dt.date:
    """mode: "past" (on or before), "last" (strictly before), "future" (on or after), "next" (strictly after)."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if mode == "last":
        return published - dt.timedelta(days=back or 7)
    if mode == "future":
        return published + dt.timedelta(days=ahead)
    if mode == "next":
        return published + dt.timedelta(days=ahead or 7)
    return published - dt.timedelta(days=back)


def _period_start(date: dt.date | None, precision: str) -> dt.date | None:
    """The first day of the month or year holding ``date`` at that precision ("two months ago" -> 1 March)."""
    if date is None or precision in ("day", "week"):
        return date
    return date.replace(day=1) if precision == "month" else date.replace(month=1, day=1)


def natural_end(found: Found) -> dt.date | None:
    """The last day a single date expression covers."""
    if found.end_date is not None or found.date is None:
        return found.end_date
    if found.precision == "month":
        return _month_end(found.date.year, found.date.month)
    if found.precision == "year":
        return dt.date(found.date.year, 12, 31)
    return found.date


def _season_bounds(first_month: int, year: int) -> tuple[dt.date, dt.date]:
    """A season starting in ``first_month`` of ``year``: three months (winter runs into the next year)."""
    start = dt.date(year, first_month, 1)
    last = _add_months(start, 2)
    return start, _month_end(last.year, last.month)


def _published_relative(unit: str, offset: int, published: dt.date) -> tuple[dt.date, dt.date | None, str]:
    """(date, end_date, precision) of "yesterday", "last week", "this month", "this weekend" (relative_dates.tsv)."""
    if unit == "day":
        return published + dt.timedelta(days=offset), None, "day"
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday() - 7 * offset)
        return monday, monday + dt.timedelta(days=6), "week"
    if unit == "month":
        first = _add_months(published.replace(day=1), offset)
        return first, _month_end(first.year, first.month), "month"
    if unit == "year":
        return dt.date(published.year + offset, 1, 1), dt.date(published.year + offset, 12, 31), "year"
    if offset >= 0 and published.weekday() == 6:  # weekend: the current one on a Sunday...
        saturday = published - dt.timedelta(days=1)
    elif offset >= 0:  # ...else the coming one (the current one on a Saturday)
        saturday = _weekday_date(published, 5, "future")
    else:
        saturday = _weekday_date(published, 5, "last")
    return saturday, saturday + dt.timedelta(days=1), "week"


_UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "weekend": "week"}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "weekend": 7}


class Context:
    """What the rules need besides the match: the text, the publication date and, when asked, its sentences."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self._sentences: list[tuple[int, int]] | None = None

    def sentence(self, offset: int) -> tuple[int, int]:
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return sentence_at(self._sentences, offset) or (max(0, offset - 200), min(len(self.text), offset + 200))

    def future(self, start: int, end: int) -> bool:
        """Whether the date at text[start:end] lies ahead of publication: a future cue ("will", "ahead of") earlier
        in its sentence, or right after it when it opens the sentence ("On Sunday, talks will..."), and no past
        verb just before it ("said on Sunday", "told reporters Friday", "assured on Monday")."""
        first, last = self.sentence(start)
        before = self.text[max(first, start - 60):start]
        if _PAST_BEFORE.search(before):
            return False
        verb = _PAST_VERB_BEFORE.search(before)
        if verb is not None and _FUTURE.fullmatch(verb.group(1)) is None:
            return False
        if _FUTURE.search(self.text, first, start) is not None:
            return True
        opens = not self.text[first:start].strip(" \t\n\"“‘'(")
        return opens and _FUTURE.search(self.text, end, min(last, end + 60)) is not None


def _iso(m: re.Match[str], ctx: Context) -> Found | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not valid_date(year, month, day):
        return None
    return Found(m.start(), m.end(), dt.date(year, month, day), "day", year=year, month=month, day=day)


def _numeric(m: re.Match[str], ctx: Context) -> Found | None:
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    year += 2000 if year < 100 else 0
    day, month = (second, first) if second > 12 else (first, second)
    if not valid_date(year, month, day):
        return None
    return Found(m.start(), m.end(), dt.date(year, month, day), "day", year=year, month=month, day=day)


def _day_and_month(m: re.Match[str], ctx: Context) -> Found | None:
    """ "24 February", "Feb. 24, 2022", "24-25 February", "Wednesday, 24 February"."""
    month, day = _MONTHS[m["mon"].rstrip(".")], int(m["d1"])
    last_day = int(m["d2"]) if m["d2"] else None
    year = int(m["y"]) if m["y"] else None
    if not valid_date(year or 2000, month, day) or (last_day is not None and last_day <= day):
        return None
    ahead = 183 if year is None and ctx.published is not None and ctx.future(m.start(), m.end()) else 7
    date = dt.date(year, month, day) if year else _day_without_year(month, day, ctx.published, ahead=ahead)
    end = None
    if date is not None and last_day is not None and valid_date(date.year, month, last_day):
        end = date.replace(day=last_day)
    return Found(m.start(), m.end(), date, "day", end_date=end, year=year, month=month, day=day)


def _month_year(m: re.Match[str], ctx: Context) -> Found | None:
    year, month = int(m["y"]), _MONTHS[m["mon"].rstrip(".")]
    return Found(m.start(), m.end(), dt.date(year, month, 1), "month", year=year, month=month)


def _month_cue(m: re.Match[str], ctx: Context) -> Found | None:
    """ "in March", "since May", "last December": the year comes from the publication date."""
    cue = m["cue"].lower()
    month = _MONTHS[m["mon"].rstrip(".")]
    start = m.start() if cue in ("early", "mid", "late", "last", "this", "next") else m.start("mon")
    mode = cue if cue in ("last", "next") else "past"
    return Found(start, m.end("mon"), _month_without_year(month, ctx.published, mode), "month", month=month)


def _year_cue(m: re.Match[str], ctx: Context) -> Found | None:
    group = "y" if m["y"] else "y2"
    year = int(m[group])
    return Found(m.start(group), m.end(group), dt.date(year, 1, 1), "year", year=year)


def _year_range(m: re.Match[str], ctx: Context) -> Found | None:
    """ "2014-2022": a period of whole years."""
    first, last = int(m["ya"]), int(m["yb"])
    if last <= first:
        return None
    return Found(m.start(), m.end(), dt.date(first, 1, 1), "year", kind="period", end_date=dt.date(last, 12, 31))


def _weekday(m: re.Match[str], ctx: Context) -> Found | None:
    modifier = (m["mod"] or "").lower()
    date = None
    if ctx.published is not None:
        mode = modifier if modifier in ("last", "next") else "future" if ctx.future(m.start(), m.end()) else "past"
        date = _weekday_date(ctx.published, _WEEKDAYS[m["wd"]], mode)
    return Found(m.start(), m.end(), date, "day", kind="relative_to_published")


def _stands_alone(ctx: Context, end: int) -> bool:
    """True when nothing a phrase could govern follows it ("The day before, ..." rather than "the day before the")."""
    return _ALONE.match(ctx.text, end) is not None


def _is_title(text: str, start: int) -> bool:
    """A capitalised word inside a sentence is a name ("BBC Radio 4's Today programme", "USA Today")."""
    if not text[start].isupper():
        return False
    before = text[max(0, start - 3):start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\n\"“‘'(:;-–—"


def _relative(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_title(ctx.text, m.start()):
        return None
    row = _RELATIVE[re.sub(r"\s+", " ", m["phrase"].lower())]
    unit, precision = row["unit"], _UNIT_PRECISION[row["unit"]]
    if row["relative_to"] == "event":
        offset = int(row["offset_alone"] if _stands_alone(ctx, m.end()) else row["offset"])
        return Found(m.start(), m.end(), None, precision, kind="relative_to_event",
                     relative_days=offset * _UNIT_DAYS[unit])
    if ctx.published is None:
        return Found(m.start(), m.end(), None, precision, kind="relative_to_published")
    date, end, precision = _published_relative(unit, int(row["offset"]), ctx.published)
    return Found(m.start(), m.end(), date, precision, kind="relative_to_published", end_date=end)


def _counted(m: re.Match[str], ctx: Context) -> Found | None:
    """ "two days ago", "a day after", "48 hours later", "three weeks earlier"."""
    word = m["n"].lower()
    count = None if word in ("a", "an") else parse_count(word)
    if count is not None and (count.min is None or count.min != count.max):
        return None
    number = 1 if count is None else count.min or 0
    hours = _DURATIONS[m["unit"].lower()]
    days, precision = round(number * hours / 24), _PRECISION_OF_HOURS[hours]
    row = _DIRECTIONS[m["dir"].lower()]
    if row["relative_to"] == "published":
        date = None if ctx.published is None else ctx.published + dt.timedelta(days=int(row["offset"]) * days)
        return Found(m.start(), m.end(), _period_start(date, precision), precision, kind="relative_to_published")
    sign = int(row["offset_alone"] if _stands_alone(ctx, m.end()) else row["offset"])
    return Found(m.start(), m.end(), None, precision, kind="relative_to_event", relative_days=sign * days)


def _by(m: re.Match[str], ctx: Context) -> Found | None:
    """ "by the spring", "by the end of the year", "by March", "by 2030": a period with only an end."""
    what = re.sub(r"\s+", " ", m["what"])
    published = ctx.published
    if re.fullmatch(_YEAR, what):
        return Found(m.start(), m.end(), None, "year", kind="period", end_date=dt.date(int(what), 12, 31))
    end: dt.date | None = None
    precision = "year" if what.lower() in ("year", "this year", "next year") else "month"
    if published is not None:
        if what.lower() in _SEASONS:
            ends = (_season_bounds(_SEASONS[what.lower()], y)[1] for y in range(published.year - 1, published.year + 2))
            end = next(e for e in ends if e >= published)
        elif what.lower() in ("year", "this year", "next year"):
            end = dt.date(published.year + (what.lower() == "next year"), 12, 31)
        elif what.lower() == "month":
            end = _month_end(published.year, published.month)
        else:
            month = _MONTHS[what.rstrip(".")]
            end = _month_end(published.year + (month < published.month), month)
    return Found(m.start(), m.end(), None, precision, kind="period", end_date=end)


def _holiday(m: re.Match[str], ctx: Context) -> Found | None:
    """ "on New Year's Day", "Christmas Eve": the day of the year, in the year the publication date gives."""
    month, day = _HOLIDAYS[m["hol"]]
    date = _day_without_year(month, day, ctx.published)
    return Found(m.start(), m.end(), date, "day", month=month, day=day)


def _season(m: re.Match[str], ctx: Context) -> Found | None:
    """ "this summer", "last winter", "in the spring of 2023": three months."""
    first_month = _SEASONS[m["season"].lower()]
    modifier = re.sub(r"\s+", " ", m["mod"].lower())
    if m["y"]:
        start, end = _season_bounds(first_month, int(m["y"]))
        return Found(m.start(), m.end(), start, "month", kind="period", end_date=end, year=int(m["y"]))
    if ctx.published is None:
        return Found(m.start(), m.end(), None, "month", kind="period")
    published = ctx.published
    seasons = [_season_bounds(first_month, y) for y in range(published.year - 2, published.year + 2)]
    current = [s for s in seasons if s[0] <= published <= s[1]]
    past = [s for s in seasons if s[1] < published]
    coming = [s for s in seasons if s[0] > published]
    if modifier == "last":
        chosen = past[-1]
    elif modifier == "next":
        chosen = coming[0]
    elif modifier == "this":
        chosen = (current or coming)[0]
    else:
        chosen = (current or past[-1:])[0]
    return Found(m.start(), m.end(), chosen[0], "month", kind="period", end_date=chosen[1])


def _anchor(m: re.Match[str], ctx: Context) -> Found | None:
    """ "since the start of the full-scale invasion": a period from a documented date (anchor_events.tsv)."""
    if m["y"]:
        month = _MONTHS[m["mon"].rstrip(".")] if m["mon"] else None
        date, precision = dt.date(int(m["y"]), month or 1, 1), "month" if month else "year"
    else:
        anchor, precision = _ANCHORS[re.sub(r"[\s\"“”]+", " ", m["anchor"].lower())]
        if anchor is None and ctx.published is None:
            return None
        date = anchor or dt.date(ctx.published.year, 1, 1)  # type: ignore[union-attr]
    return Found(m.start(), m.end(), date, precision, kind="period")


HANDLERS: dict[str, Callable[[re.Match[str], Context], Found | None]] = {
    "iso": _iso, "numeric": _numeric, "day_month": _day_and_month, "month_day": _day_and_month,
    "month_year": _month_year, "month_cue": _month_cue, "year_cue": _year_cue, "year_range": _year_range,
    "weekday": _weekday,
    "relative": _relative, "counted": _counted, "by": _by, "season": _season, "anchor": _anchor,
    "holiday": _holiday,
}


# --- where each rule looks ---------------------------------------------------------------------------------------
# Running every rule over a whole article costs more than the rest of the extraction, so each rule runs only in
# windows around the words that can set it off: (rules, characters before the word, characters after it).
GROUPS: dict[str, tuple[tuple[str, ...], int, int]] = {
    "numeric": (("iso", "numeric"), 12, 12),
    "month": (("day_month", "month_day", "month_year", "month_cue", "by"), 50, 25),
    "weekday": (("day_month", "month_day", "weekday"), 40, 30),
    "year": (("year_cue", "year_range", "by"), 25, 12),
    "relative": (("relative", "counted", "by"), 45, 30),
    "season": (("season", "by"), 30, 20),
    "anchor": (("anchor",), 80, 30),
    "holiday": (("holiday",), 2, 20),
}
def _trigger_words() -> dict[str, tuple[str, ...]]:
    """Word -> the groups it sets off. Month and weekday names keep their case; other words are listed in lower
    case and capitalised."""
    words: dict[str, set[str]] = {}
    relative = [p.split() for p, r in _RELATIVE.items() if r["unit"] != "direction"]
    lower = [*((n.split()[-1], "season") for n in _SEASONS), *((n, "relative") for n in _DURATIONS),
             *((next((w for w in ws if w in _DURATIONS), ws[-1]), "relative") for ws in relative),
             *((p.split()[-1], "anchor") for p in _ANCHORS)]
    for name, group in [*((n, "month") for n in _MONTHS), *((n, "weekday") for n in _WEEKDAYS),
                        *((n.split()[0], "holiday") for n in _HOLIDAYS),
                        *lower, *((n.capitalize(), g) for n, g in lower)]:
        words.setdefault(name, set()).add(group)
    return {w: tuple(sorted(g)) for w, g in words.items()}


TRIGGERS = _trigger_words()
"""Word -> the groups of ``GROUPS`` it sets off."""
