"""Gold sets: read the schema of the shared data README, and the seed's ``expected.json``, into typed records.

Public and stable: ``GoldSet``, ``GoldItem``, ``GoldIncident``, ``GoldClaim``, ``GoldCount``, ``read_gold``,
``builtin_paths``, ``load_sets``, ``report_key`` and ``report_ranges``.

A gold file is JSON Lines, one item a line::

    {"id", "source", "published", "text", "incidents": [...], "claims": [...]}

Items that carry a top-level ``event_type`` key (the CASE 2021 snippets, our own ``snippets.jsonl``) are labelled
per document: their ``incidents`` list is not an inventory of incidents, and a null ``event_type`` means "reports
no armed-conflict incident". A file holding one JSON object with ``path`` and ``incidents`` keys is the seed's
``expected.json``; it is converted to one item on the fly (the page is read from beside it).

A malformed line stops the read with an ``InputError`` naming the file and line (code E106 for a line that is not
JSON, E150 for one that breaks the schema). One quirk of real UCDP data is repaired with a warning instead: a
``killed_high`` below ``killed_low`` (UCDP writes 0 for an unknown high) is read as unknown: the range becomes low to
the larger of low and best.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from warledger.errors import InputError, input_error

log = logging.getLogger(__name__)

GOLD_SCHEMA_ERROR = "E150"
"""Code of the error raised for a gold line that is valid JSON but breaks the gold schema."""


@dataclass(frozen=True, slots=True)
class GoldCount:
    """A coded toll: ``min``/``max`` as the text words it, or UCDP's ``low``/``best``/``high`` judgement."""

    min: int | None = None
    max: int | None = None
    low: int | None = None
    best: int | None = None
    high: int | None = None

    @property
    def is_range(self) -> bool:
        """True for UCDP-style tolls, scored as "inside [low, high]" rather than exactly."""
        return self.low is not None or self.high is not None

    @property
    def bounds(self) -> tuple[int, int] | None:
        """The [low, high] a UCDP toll is scored against (``best`` stands in for a missing end); None for a worded
        toll or a range with neither end nor best."""
        if not self.is_range:
            return None
        low = self.low if self.low is not None else self.best
        high = self.high if self.high is not None else self.best
        return None if low is None or high is None else (low, high)


@dataclass(frozen=True, slots=True)
class GoldIncident:
    date: str | None
    date_precision: str | None
    event_type: str | None
    place: str | None
    admin1: str | None
    admin2: str | None = None
    country: str | None = None
    where_prec: int | None = None
    lat: float | None = None
    lon: float | None = None
    killed: GoldCount | None = None
    injured: GoldCount | None = None
    evidence: tuple[str, ...] = ()
    """Verbatim sentences that report the incident (a caption and the body's sentence may both be given)."""
    event_type_also_ok: tuple[str, ...] = ()
    coded: tuple[str, ...] = ("killed", "injured")
    """The tolls this gold codes: a toll whose keys are all absent (UCDP codes no injuries) is not scored; a toll
    whose keys are present but null means "the text gives none" and is scored."""

    @property
    def has_place(self) -> bool:
        """True when ``place`` names a place or district, not an oblast, a region or the country (where_prec 4+)."""
        return bool(self.place) and (self.where_prec is None or self.where_prec <= 3)


@dataclass(frozen=True, slots=True)
class GoldClaim:
    side: str | None
    population: str | None
    metric: str
    min: int | None
    max: int | None
    qualifier: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    projection: bool | None = None
    claimant: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    source: str
    published: str | None
    text: str
    incidents: tuple[GoldIncident, ...] = ()
    claims: tuple[GoldClaim, ...] = ()
    event_type: str | None = None
    labels_document: bool = False
    """True when the item carries one ``event_type`` for the whole text instead of an inventory of incidents."""
    line: int | None = None


@dataclass(slots=True)
class GoldSet:
    name: str
    path: str
    sha256: str
    items: list[GoldItem] = field(default_factory=list)


ReportKey = tuple[str, str | None]


def report_key(item: GoldItem) -> ReportKey:
    """What makes items one report: the same text (whitespace runs collapsed) and the same published date."""
    return " ".join(item.text.split()), item.published


def report_ranges(items: Iterable[GoldItem]) -> dict[ReportKey, tuple[int, int]]:
    """The summed killed [low, high] of each report that two or more items share (UCDP codes one report as one
    event per place, each its own item): the sums of ``GoldCount.bounds`` over the report's gold incidents with a
    UCDP-style killed toll. Reports of one item, and reports without such a toll, are left out."""
    members: dict[ReportKey, list[GoldItem]] = {}
    for item in items:
        members.setdefault(report_key(item), []).append(item)
    ranges: dict[ReportKey, tuple[int, int]] = {}
    for key, group in members.items():
        if len(group) < 2:
            continue
        bounds = [b for item in group for incident in item.incidents
                  if incident.killed is not None and (b := incident.killed.bounds) is not None]
        if bounds:
            ranges[key] = (sum(low for low, _ in bounds), sum(high for _, high in bounds))
    return ranges


class _Line:
    """Validation context for one gold line: every complaint names the file and the line."""

    def __init__(self, path: str, line: int) -> None:
        self.path = path
        self.line = line

    def error(self, detail: str) -> InputError:
        return InputError(f"{self.path}: line {self.line}: {detail}; fix the gold line", code=GOLD_SCHEMA_ERROR)

    def integer(self, data: dict[str, Any], key: str, where: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value or value < 0:
            raise self.error(f"{where}: {key} must be a whole number >= 0 or null, got {value!r}")
        return int(value)

    def number(self, data: dict[str, Any], key: str, where: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(f"{where}: {key} must be a number or null, got {value!r}")
        return float(value)

    def text(self, data: dict[str, Any], key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.error(f"{where}: {key} must be a string or null, got {value!r}")
        return value

    def strings(self, value: Any, key: str, where: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise self.error(f"{where}: {key} must be a string or a list of strings, got {value!r}")

    def date(self, data: dict[str, Any], key: str, where: str) -> str | None:
        value = self.text(data, key, where)
        if value is not None and not _looks_like_date(value):
            raise self.error(f"{where}: {key} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return value

    def count(self, data: dict[str, Any], stem: str, where: str) -> GoldCount | None:
        values = {part: self.integer(data, f"{stem}_{part}", where) for part in ("min", "max", "low", "best", "high")}
        if all(v is None for v in values.values()):
            return None
        lo, hi = values["min"], values["max"]
        if lo is not None and hi is not None and lo > hi:
            raise self.error(f"{where}: {stem}_min {lo} is above {stem}_max {hi}")
        low, best, high = values["low"], values["best"], values["high"]
        if low is not None and high is not None and low > high:
            values["high"] = max(low, best if best is not None else low)
            log.warning("%s: line %d: %s: %s_low is above %s_high; scoring inside [%d, %d]", self.path, self.line,
                        where, stem, stem, values["low"], values["high"])
        return GoldCount(**values)


def _looks_like_date(value: str) -> bool:
    parts = value.split("-")
    sizes = [len(p) for p in parts]
    return all(p.isdigit() for p in parts) and sizes in ([4], [4, 2], [4, 2, 2])


def _incident(ctx: _Line, data: Any, where: str) -> GoldIncident:
    if not isinstance(data, dict):
        raise ctx.error(f"{where} must be an object, got {data!r}")
    where_prec = ctx.integer(data, "where_prec", where)
    if where_prec is not None and not 1 <= where_prec <= 7:
        raise ctx.error(f"{where}: where_prec must be 1-7 (UCDP), got {where_prec}")
    return GoldIncident(
        date=ctx.date(data, "date", where),
        date_precision=ctx.text(data, "date_precision", where),
        event_type=ctx.text(data, "event_type", where),
        place=ctx.text(data, "place", where),
        admin1=ctx.text(data, "admin1", where),
        admin2=ctx.text(data, "admin2", where),
        country=ctx.text(data, "country", where),
        where_prec=where_prec,
        lat=ctx.number(data, "lat", where),
        lon=ctx.number(data, "lon", where),
        killed=ctx.count(data, "killed", where),
        injured=ctx.count(data, "injured", where),
        evidence=ctx.strings(data.get("evidence"), "evidence", where)
        + ctx.strings(data.get("also_reported_in"), "also_reported_in", where),
        event_type_also_ok=ctx.strings(data.get("event_type_also_ok"), "event_type_also_ok", where),
        coded=tuple(stem for stem in ("killed", "injured") if any(key.startswith(f"{stem}_") for key in data)),
    )


def _claim(ctx: _Line, data: Any, where: str) -> GoldClaim:
    if not isinstance(data, dict):
        raise ctx.error(f"{where} must be an object, got {data!r}")
    metric = ctx.text(data, "metric", where)
    if not metric:
        raise ctx.error(f"{where}: needs a metric (casualties, killed, injured, missing, captured)")
    projection = data.get("projection")
    if projection is not None and not isinstance(projection, bool):
        raise ctx.error(f"{where}: projection must be true, false or null, got {projection!r}")
    lo, hi = ctx.integer(data, "min", where), ctx.integer(data, "max", where)
    if lo is not None and hi is not None and lo > hi:
        raise ctx.error(f"{where}: min {lo} is above max {hi}")
    return GoldClaim(
        side=ctx.text(data, "side", where),
        population=ctx.text(data, "population", where),
        metric=metric,
        min=lo,
        max=hi,
        qualifier=ctx.text(data, "qualifier", where),
        period_start=ctx.date(data, "period_start", where),
        period_end=ctx.date(data, "period_end", where),
        projection=projection,
        claimant=ctx.text(data, "claimant", where),
        evidence=ctx.strings(data.get("evidence"), "evidence", where),
    )


def item_from_dict(data: Any, *, path: str, line: int) -> GoldItem:
    """One gold line, validated; raises ``InputError`` (E150) naming ``path`` and ``line`` when it is malformed."""
    ctx = _Line(path, line)
    if not isinstance(data, dict):
        raise ctx.error(f"a gold item must be a JSON object, got {type(data).__name__}")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ctx.error('needs a non-empty "text"')
    for key in ("incidents", "claims"):
        if not isinstance(data.get(key, []), list):
            raise ctx.error(f'"{key}" must be a list')
    return GoldItem(
        id=str(data.get("id") or f"{Path(path).stem}-{line}"),
        source=str(data.get("source") or Path(path).stem),
        published=ctx.date(data, "published", "item"),
        text=text,
        incidents=tuple(_incident(ctx, d, f"incident {n}") for n, d in enumerate(data.get("incidents") or [], 1)),
        claims=tuple(_claim(ctx, d, f"claim {n}") for n, d in enumerate(data.get("claims") or [], 1)),
        event_type=ctx.text(data, "event_type", "item"),
        labels_document="event_type" in data,
        line=line,
    )


def _is_seed(data: Any) -> bool:
    return isinstance(data, dict) and "path" in data and "incidents" in data and "text" not in data


def _seed_items(data: dict[str, Any], *, path: Path) -> list[GoldItem]:
    """The seed's expected.json -> one gold item; its page is read from ``data["path"]`` beside the file."""
    page = path.parent / str(data["path"])
    if not page.is_file():
        raise input_error("E101", path=str(page))
    item = {
        "id": data.get("id") or path.stem,
        "source": data.get("source") or "seed",
        "published": data.get("published"),
        "text": page.read_text(encoding="utf-8"),
        "incidents": data.get("incidents") or [],
        "claims": data.get("claims") or [],
    }
    return [item_from_dict(item, path=str(path), line=1)]


def _jsonl_items(text: str, *, path: str) -> list[GoldItem]:
    items = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise input_error("E106", path=path, line=number, detail=err.msg) from err
        items.append(item_from_dict(data, path=path, line=number))
    return items


def _whole_json(text: str) -> Any:
    """The file parsed as one JSON document, or None when it is not one (then it is read as JSON Lines)."""
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        return None


def read_gold(path: str | Path, *, name: str | None = None) -> GoldSet:
    """Read one gold file (JSON Lines, a JSON list of items, or the seed's expected.json) into a ``GoldSet``.

    >>> read_gold("../shared/data/dev/ucdp-2022.jsonl").items[0].incidents[0].admin1   # doctest: +SKIP
    'Zaporizhzhya oblast'
    """
    file = Path(path)
    if not file.is_file():
        raise input_error("E101", path=str(file))
    raw = file.read_bytes()
    if not raw.strip():
        raise input_error("E102", path=str(file))
    text = raw.decode("utf-8-sig")
    whole = _whole_json(text)
    if _is_seed(whole):
        items = _seed_items(whole, path=file)
    elif isinstance(whole, list):
        items = [item_from_dict(d, path=str(file), line=n) for n, d in enumerate(whole, 1)]
    else:
        items = _jsonl_items(text, path=str(file))
    log.info("%s: %d gold items", file, len(items))
    stem = file.name.removesuffix(".jsonl").removesuffix(".json")
    return GoldSet(name=name or stem, path=str(file), sha256=hashlib.sha256(raw).hexdigest(), items=items)


BUILTIN_SETS = ("headlines", "snippets", "articles")
"""The project's own gold files, shipped in ``warledger/eval/gold/``; the accuracy gate runs on these."""


def builtin_paths() -> list[Path]:
    """Paths of the shipped gold files, in ``BUILTIN_SETS`` order."""
    folder = resources.files(__package__).joinpath("gold")
    return [Path(str(folder.joinpath(f"{name}.jsonl"))) for name in BUILTIN_SETS]


def load_sets(paths: Iterable[str | Path], *, builtin: bool = False) -> list[GoldSet]:
    """Read every gold file in ``paths`` (the builtin sets first when ``builtin``); names are made unique."""
    files: Sequence[str | Path] = [*(builtin_paths() if builtin else []), *paths]
    sets: list[GoldSet] = []
    seen: dict[str, int] = {}
    for file in files:
        gold = read_gold(file)
        seen[gold.name] = seen.get(gold.name, 0) + 1
        if seen[gold.name] > 1:
            gold.name = f"{gold.name}#{seen[gold.name]}"
        sets.append(gold)
    return sets
