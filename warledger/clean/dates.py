"""The publication date of a page: as given by the caller, as the HTML metadata says, or as a dateline at the top
of the text says ("Published 3 March 2024", "March 3, 2024", "KYIV, 3 March 2024 (Reuters) -").

Public and stable: ``PublishedDate``, ``parse_given_date``, ``date_from_text``, ``is_date_line``.
Only explicit dates with a year count: a weekday or "yesterday" near the top says nothing without an anchor, and a
date inside the first paragraph ("On 24 February 2022, Russia invaded...") is an event, not the publication.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

TOP_LINES = 6
"""How many lines at the top of a page are searched for a dateline."""

MIN_YEAR, MAX_YEAR = 1990, 2100

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_FORMS = (
    rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})",
)
_LABEL = r"(?:first |last )?(?:published|updated|posted|released|created|date)(?: on| at)?:?\s*"
_DATELINE_PLACE = r"[A-Z][A-Za-z .'’-]{1,40},\s*"
_PREFIX = rf"(?:{_LABEL}|{_DATELINE_PLACE})?"
_TOP_DATE = [re.compile(rf"^{_PREFIX}{form}\b", re.IGNORECASE) for form in _DATE_FORMS]
_TIME = r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?)?"
_WHOLE_LINE = [re.compile(rf"^{_PREFIX}{form}{_TIME}\.?$", re.IGNORECASE) for form in _DATE_FORMS]
_ISO_GIVEN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?:[T ].*)?$")


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) and its precision: day, month or year."""

    value: str
    precision: str


def _valid(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> PublishedDate | None:
    fields = match.groupdict()
    month = int(fields["mnum"]) if fields.get("mnum") else MONTHS[fields["month"].lower()]
    found = _valid(int(fields["year"]), month, int(fields["day"]))
    return PublishedDate(found.isoformat(), "day") if found else None


def parse_given_date(value: str) -> PublishedDate | None:
    """A date from the caller or the source: ISO (``2026-01-28``, ``2026-01-28T09:00:00Z``, ``2026-01``, ``2026``)
    or written out (``28 January 2026``, ``January 28, 2026``). None when it is not a date."""
    text = value.strip()
    iso = _ISO_GIVEN.match(text)
    if iso:
        year = int(iso["year"])
        if iso["day"]:
            found = _valid(year, int(iso["month"]), int(iso["day"]))
            return PublishedDate(found.isoformat(), "day") if found else None
        if iso["month"]:
            month = int(iso["month"])
            ok = _valid(year, month, 1) is not None
            return PublishedDate(f"{year:04d}-{month:02d}", "month") if ok else None
        return PublishedDate(f"{year:04d}", "year") if _valid(year, 1, 1) else None
    for pattern in _WHOLE_LINE:
        match = pattern.match(text)
        if match:
            return _from_match(match)
    return None


def is_date_line(text: str) -> bool:
    """True when a line is nothing but a date (with an optional "Published"/"Updated" label and time), or a date
    among short labels and times set apart by bars or dots ("Investigations | 14 April 2023, 18:20 | Updated
    20:05"): page furniture once the date is read from it."""
    if len(text) > MAX_DATE_LINE:
        return False
    segments = _SEGMENT_BREAK.split(text)
    dated = [any(pattern.match(segment) for pattern in _WHOLE_LINE) for segment in segments]
    return any(dated) and all(
        is_date or _TIME_LABEL.fullmatch(segment) or _SHORT_LABEL.fullmatch(segment)
        for segment, is_date in zip(segments, dated, strict=True)
    )


MAX_DATE_LINE = 120
_SEGMENT_BREAK = re.compile(r"\s+[|·•]\s+")
_TIME_LABEL = re.compile(rf"(?:{_LABEL})?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}}(?:[+-]\d{{1,2}})?)?",
                         re.IGNORECASE)
"""A time alone, or labelled ("Updated 20:05 CET")."""
_SHORT_LABEL = re.compile(r"[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}")
"""A section or desk name beside a date ("Investigations", "Europe Desk")."""


def date_from_text(lines: list[str], *, top: int = TOP_LINES) -> tuple[PublishedDate, int] | None:
    """The first explicit date at the start of one of the first ``top`` lines, and that line's index.

    A date counts when it opens the line, alone or after a label ("Published", "Updated") or a dateline place
    ("KYIV, "): ``"March 3, 2024"``, ``"Published 3 March 2024 10:43 GMT"``, ``"KYIV, 3 March 2024 (Reuters) -"``.
    """
    for index, line in enumerate(lines[:top]):
        for pattern in _TOP_DATE:
            match = pattern.match(line)
            if match:
                found = _from_match(match)
                if found is not None:
                    return found, index
    return None
