"""Calibrated confidence: the extractor's raw score turned into the probability that a record is right.

Public and stable: ``calibrated(kind, raw)``, ``raw_scores()``, ``Knot``, ``FittedOn``, ``CalibrationTable``,
``load_table``, ``read_table``, ``map_score``, ``TABLE_NAME`` and ``KINDS``.

``incidents.py`` and ``claims.py`` compute a hand-made score from what the text states (a place, a date, a toll,
a named claimant); ``calibrated`` passes it through a monotone mapping fitted on the project's gold sets by
``warledger eval --builtin ../shared/seed/expected.json --calibrate`` (``warledger.eval.calibration``), so that a
``confidence`` of 0.9 means "about nine in ten such records matched the gold". The mapping is data, in
``warledger/vocab/confidence_calibration.tsv``::

    # fitted-on<TAB>headlines<TAB>builtin:headlines<TAB><sha256>
    kind      raw     calibrated  support
    incident  0.788   0.8752      15

Each row is a fitted point: the mean raw score of a block of predictions, the block's calibrated value and how
many predictions it holds. Between points the mapping is linear; beyond the first and last point it moves one for
one with the raw score (the table has no evidence there, so the heuristic's differences are kept). The result is
clamped to [``FLOOR``, ``CEILING``] and rounded to 4 decimals; the mapping never lowers one score below a smaller
one, so every ordering by confidence (``review``, the most confident incident of a document) is kept.

``raw_scores()`` switches calibration off in the current context: the fitting code needs the raw scores.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from warledger.errors import ConfigError

TABLE_NAME = "confidence_calibration.tsv"
"""The shipped mapping, in ``warledger/vocab/``."""

KINDS = ("incident", "claim")
"""The kinds of record that carry a confidence."""

FLOOR, CEILING = 0.01, 0.99
"""No record is ever certain, or certainly wrong."""

COLUMNS = ("kind", "raw", "calibrated", "support")
FITTED_ON = "fitted-on"
"""The comment tag of a header line naming a gold file the table was fitted on."""

_RAW: ContextVar[bool] = ContextVar("warledger_raw_confidence", default=False)


@dataclass(frozen=True, slots=True)
class Knot:
    """One fitted point: predictions with mean raw score ``raw`` were right with probability ``value``."""

    raw: float
    value: float
    support: int
    """How many predictions the point was fitted on."""


@dataclass(frozen=True, slots=True)
class FittedOn:
    """A gold file the table was fitted on: its set name, where it was read from and its sha256."""

    name: str
    source: str
    """``builtin:<name>`` for a shipped gold file, else the path as given to ``warledger eval``."""
    sha256: str


@dataclass(frozen=True, slots=True)
class CalibrationTable:
    """The fitted points of each kind, and the gold files they were fitted on."""

    knots: dict[str, tuple[Knot, ...]]
    fitted_on: tuple[FittedOn, ...]
    path: str


def default_path() -> Path:
    """Where the shipped table lives (the package's ``vocab`` folder)."""
    return Path(str(resources.files("warledger.vocab").joinpath(TABLE_NAME)))


def _problem(path: str, detail: str) -> ConfigError:
    return ConfigError(f"{path}: {detail}; re-create it with "
                       "`warledger eval --builtin ../shared/seed/expected.json --calibrate`", code="E201")


def read_table(path: str | Path) -> CalibrationTable:
    """Read a calibration table; a missing or malformed file is a ``ConfigError`` saying how to re-create it."""
    file = Path(path)
    if not file.is_file():
        raise _problem(str(file), "no confidence calibration table")
    knots: dict[str, list[Knot]] = {kind: [] for kind in KINDS}
    fitted: list[FittedOn] = []
    header_seen = False
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            cells = line[1:].strip().split("\t")
            if cells[0] == FITTED_ON and len(cells) == 4:
                fitted.append(FittedOn(name=cells[1], source=cells[2], sha256=cells[3]))
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise _problem(str(file), f"line {number}: the header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS) or cells[0] not in KINDS:
            raise _problem(str(file), f"line {number}: want a kind ({'|'.join(KINDS)}), raw, calibrated, support")
        try:
            knot = Knot(raw=float(cells[1]), value=float(cells[2]), support=int(cells[3]))
        except ValueError as err:
            raise _problem(str(file), f"line {number}: not a number ({err})") from err
        knots[cells[0]].append(knot)
    for kind, points in knots.items():
        if [k.raw for k in points] != sorted(k.raw for k in points):
            raise _problem(str(file), f"the {kind} points are not in increasing raw order")
        if any(a.value > b.value for a, b in zip(points, points[1:], strict=False)):
            raise _problem(str(file), f"the {kind} points are not monotone")
    return CalibrationTable({k: tuple(v) for k, v in knots.items()}, tuple(fitted), str(file))


@cache
def load_table() -> CalibrationTable:
    """The shipped table, read once; ``load_table.cache_clear()`` after writing a new one."""
    return read_table(default_path())


def map_score(knots: Sequence[Knot], raw: float) -> float:
    """The mapping of the module docstring: linear between points, slope 1 beyond them, clamped and rounded."""
    if not knots:
        raise ValueError("map_score needs at least one fitted point")
    if raw <= knots[0].raw:
        value = knots[0].value - (knots[0].raw - raw)
    elif raw >= knots[-1].raw:
        value = knots[-1].value + (raw - knots[-1].raw)
    else:
        upper = next(i for i, knot in enumerate(knots) if knot.raw >= raw)
        low, high = knots[upper - 1], knots[upper]
        share = (raw - low.raw) / (high.raw - low.raw)
        value = low.value + share * (high.value - low.value)
    return round(min(CEILING, max(FLOOR, value)), 4)


@contextmanager
def raw_scores() -> Iterator[None]:
    """Within this block ``calibrated`` returns the raw score unchanged (for fitting the table)."""
    token = _RAW.set(True)
    try:
        yield
    finally:
        _RAW.reset(token)


def calibrated(kind: str, raw: float) -> float:
    """The probability that a record of ``kind`` ("incident" or "claim") with raw score ``raw`` is right.

    >>> 0.01 <= calibrated("incident", 0.9) <= 0.99
    True
    """
    if _RAW.get():
        return raw
    table = load_table()
    knots = table.knots.get(kind)
    if not knots:
        raise _problem(table.path, f"no fitted points for kind {kind!r} (kinds: {', '.join(KINDS)})")
    return map_score(knots, raw)
