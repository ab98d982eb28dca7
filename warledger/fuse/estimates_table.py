"""Import a table of published casualty estimates (one estimate a row) as ``Claim`` records.

Public and stable: ``import_estimates_csv(path)``, ``estimates_from_text(text, *, name)``, ``estimates_article``,
``ESTIMATE_COLUMNS``. The table's columns (those of The Economist's casualty-estimates file; any order, extra columns
ignored)::

    date            day the estimate refers to, DD/MM/YYYY (D/M/YYYY accepted)
    estimate_low    lower bound, if given ("140,000" and "140000" both read)
    estimate_high   upper bound, if given
    estimate        point estimate, if given
    type            "deaths" (-> metric "killed") or "casualties" (killed and wounded -> "casualties")
    source          the claimant ("UK MoD", "CSIS", "US officials (via NYT)")
    source_url      where it was published
    country         whose losses: "russia" or "ukraine" (-> side "Russia" / "Ukraine")

Each row becomes one Claim: population "military"; ``period_start`` "2022-02" (the table's figures are cumulative
since the full-scale invasion); ``period_end`` and ``as_of`` the row's date; figures from low and high ("range"),
else low alone ("at least"), else high alone ("up to"), else the point ("exact"). A point given beside a range is not
kept: a Claim holds a range or a figure, not both. ``article_id`` is ``"import:<file name>"`` and the one evidence
(field "row") is the row's line, its offsets indexing the file's text: ``estimates_article(path)`` is that text as
an Article, so stored imports keep the contract's offset rule. Rows that cannot be read are logged and skipped.
"""
from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from warledger.errors import InputError, input_error
from warledger.records import Article, Claim, Evidence, content_hash, stable_id

log = logging.getLogger(__name__)

ESTIMATE_COLUMNS = ("date", "estimate_low", "estimate_high", "estimate", "type", "source", "source_url", "country")
METRICS = {"deaths": "killed", "killed": "killed", "casualties": "casualties", "injured": "injured",
           "wounded": "injured", "missing": "missing", "captured": "captured"}
PERIOD_START = "2022-02"
"""Where the table's cumulative figures start: the full-scale invasion."""

_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def article_id_for(name: str) -> str:
    """The article id of claims imported from the file called ``name``."""
    return f"import:{name}"


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, start offset, line without its end) for each line of ``text``."""
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        line = raw.rstrip("\r\n")
        yield number, offset, line
        offset += len(raw)


def _number(cell: str) -> int | None:
    cleaned = cell.replace(",", "").replace(" ", "").strip()
    if not cleaned:
        return None
    return int(float(cleaned))


def _iso_day(cell: str) -> str:
    found = _DATE.match(cell)
    if found is None:
        raise ValueError(f"date {cell!r} is not DD/MM/YYYY")
    day, month, year = (int(g) for g in found.groups())
    return date(year, month, day).isoformat()


def _figures(low: int | None, high: int | None, point: int | None) -> tuple[int | None, int | None, str]:
    if low is not None and high is not None:
        return low, high, "range"
    if low is not None:
        return low, None, "at least"
    if high is not None:
        return None, high, "up to"
    if point is not None:
        return point, point, "exact"
    raise ValueError("no figure in estimate_low, estimate_high or estimate")


def _claim(cells: dict[str, str], *, article_id: str, number: int, start: int, line: str) -> Claim:
    metric = METRICS.get(cells["type"].strip().lower())
    if metric is None:
        raise ValueError(f"type {cells['type']!r} is not deaths or casualties")
    when = _iso_day(cells["date"])
    low, high, qualifier = _figures(
        _number(cells["estimate_low"]), _number(cells["estimate_high"]), _number(cells["estimate"])
    )
    side = cells["country"].strip()
    return Claim(
        id=stable_id("clm", article_id, number, line),
        article_id=article_id,
        side=side[:1].upper() + side[1:].lower() if side else None,
        population="military",
        metric=metric,
        min=low,
        max=high,
        qualifier=qualifier,
        period_start=PERIOD_START,
        period_end=when,
        as_of=when,
        projection=False,
        claimant=" ".join(cells["source"].split()) or None,
        disputed_by=[],
        evidence=[Evidence("row", line, start, start + len(line))],
        confidence=1.0,
    )


def estimates_from_text(text: str, *, name: str) -> list[Claim]:
    """Claims from the text of an estimates table called ``name`` (rule in the module docstring).

    Raises ``InputError`` when the header lacks a required column.
    """
    article_id = article_id_for(name)
    lines = list(_lines(text))
    if not lines:
        raise input_error("E102", path=name)
    header = [h.strip().lower() for h in next(csv.reader([lines[0][2]]))]
    missing = [c for c in ESTIMATE_COLUMNS if c not in header]
    if missing:
        raise InputError(
            f"{name}: not a casualty-estimates table, missing column(s) {', '.join(missing)}; "
            f"the header needs {', '.join(ESTIMATE_COLUMNS)}",
            code="E100",
        )
    claims = []
    for number, start, line in lines[1:]:
        if not line.strip():
            continue
        values = next(csv.reader([line]))
        cells = {h: (values[i] if i < len(values) else "") for i, h in enumerate(header)}
        try:
            claims.append(_claim(cells, article_id=article_id, number=number, start=start, line=line))
        except ValueError as err:
            log.warning("%s:%d: row skipped: %s", name, number, err)
    log.info("%s: %d estimates read", name, len(claims))
    return claims


def _read(path: str | Path) -> tuple[Path, str]:
    file = Path(path)
    if not file.is_file():
        raise input_error("E101", path=str(file))
    try:
        return file, file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise input_error("E110", path=str(file), detail=str(err)) from err


def import_estimates_csv(path: str | Path) -> list[Claim]:
    """Claims from an estimates CSV file (columns in the module docstring), one per readable row.

    >>> claims = import_estimates_csv("estimates.csv")          # doctest: +SKIP
    >>> claims[0].article_id, claims[0].evidence[0].field
    ('import:estimates.csv', 'row')
    """
    file, text = _read(path)
    return estimates_from_text(text, name=file.name)


def estimates_article(path: str | Path) -> Article:
    """The estimates file as an Article (its text is the file's), so imported claims can be stored with it."""
    file, text = _read(path)
    return Article(
        id=article_id_for(file.name),
        source_id=str(file),
        title=file.name,
        standfirst=None,
        text=text,
        paragraphs=[line for line in text.splitlines() if line.strip()],
        captions=[],
        published=None,
        published_precision="unknown",
        published_source="none",
        language="en",
        content_hash=content_hash(text),
    )
