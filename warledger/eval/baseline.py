"""The accuracy gate: floors pinned in ``eval/baseline.json`` together with the hash of each gold file.

The baseline looks like::

    {
      "margin": 0.02,
      "sets": {
        "headlines": {
          "sha256": "…",                                  # of warledger/eval/gold/headlines.jsonl
          "floors": {"incident_f1": 0.87, "oblast": 0.93, …},
          "ceilings": {"invented_numbers": 0, "invented_places": 0, "invented_dates": 0}
        }, …
      }
    }

``check_baseline`` lists every way the current results fall short: a figure under its floor, an invented count
over its ceiling, a gold file whose hash changed (the gold was edited: review the change, then re-pin with
``warledger eval --builtin --write-baseline``), a set without a baseline entry. ``make_baseline`` pins the current
figures minus ``margin`` (rounded down to 3 decimals) and the current invented counts. ``slack`` lists how far each
pinned figure is from failing, tightest first, so a failing or near-failing figure is seen at a glance.
"""
from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warledger.errors import ConfigError
from warledger.eval.metrics import INVENTED, SetReport

log = logging.getLogger(__name__)

DEFAULT_BASELINE = Path("eval/baseline.json")
"""Where the gate's baseline lives, relative to the project root."""

DEFAULT_MARGIN = 0.02
"""How far under the current figure a floor is pinned, so that harmless noise does not fail the gate."""


def read_baseline(path: str | Path = DEFAULT_BASELINE) -> dict[str, Any]:
    """The baseline file as a dict; a missing or malformed file is a ``ConfigError`` saying how to create it."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError(
            f"{file}: no baseline; create it with `warledger eval --builtin --write-baseline`", code="E201"
        )
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ConfigError(f"{file}: not valid JSON ({err.msg} at line {err.lineno}); re-create it with "
                          "`warledger eval --builtin --write-baseline`", code="E201") from err
    if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
        raise ConfigError(f"{file}: has no \"sets\" object; re-create it with "
                          "`warledger eval --builtin --write-baseline`", code="E201")
    return data


def _floor(value: float, margin: float) -> float:
    return max(0.0, math.floor((value - margin) * 1000) / 1000)


def make_baseline(reports: Sequence[SetReport], *, margin: float = DEFAULT_MARGIN) -> dict[str, Any]:
    """Floors (current figures minus ``margin``), ceilings (current invented counts) and gold hashes."""
    sets: dict[str, Any] = {}
    for report in reports:
        sets[report.name] = {
            "sha256": report.sha256,
            "items": report.items,
            "floors": {k: _floor(v, margin) for k, v in report.figures.items() if v is not None},
            "ceilings": {key: report.invented.get(key, 0) for key, _ in INVENTED},
        }
    return {"margin": margin, "sets": sets}


def write_baseline(reports: Sequence[SetReport], path: str | Path = DEFAULT_BASELINE, *,
                   margin: float = DEFAULT_MARGIN) -> dict[str, Any]:
    """Write ``make_baseline(reports)`` to ``path`` (creating its folder) and return it."""
    data = make_baseline(reports, margin=margin)
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    log.info("wrote %s (%d sets)", file, len(reports))
    return data


def check_hashes(reports: Sequence[SetReport], baseline: dict[str, Any]) -> list[str]:
    """Sets whose gold file differs from the one the floors were pinned on, or that have no entry."""
    failures = []
    for report in reports:
        entry = baseline["sets"].get(report.name)
        if entry is None:
            failures.append(f"{report.name}: no entry in the baseline; pin it with --write-baseline")
        elif entry.get("sha256") != report.sha256:
            failures.append(
                f"{report.name}: gold file {report.path} changed (sha256 {report.sha256[:12]}, baseline "
                f"{str(entry.get('sha256'))[:12]}); review the edit, then re-pin with --write-baseline"
            )
    return failures


def check_baseline(reports: Sequence[SetReport], baseline: dict[str, Any]) -> list[str]:
    """Every shortfall of ``reports`` against ``baseline`` (an empty list when the gate passes)."""
    failures = check_hashes(reports, baseline)
    for report in reports:
        entry = baseline["sets"].get(report.name)
        if entry is None:
            continue
        for key, floor in sorted(entry.get("floors", {}).items()):
            value = report.figures.get(key)
            if value is None:
                failures.append(f"{report.name}: {key} is no longer measured (floor {floor})")
            elif value < floor:
                failures.append(f"{report.name}: {key} {value:.3f} is below its floor {floor:.3f}")
        for key, ceiling in sorted(entry.get("ceilings", {}).items()):
            count = report.invented.get(key, 0)
            if count > ceiling:
                failures.append(f"{report.name}: {key} {count} is above its ceiling {ceiling}")
    return failures


@dataclass(frozen=True, slots=True)
class Slack:
    """One pinned figure of one set: its bound, its current value, and how far it is from failing."""

    set_name: str
    figure: str
    bound: float
    value: float | None
    ceiling: bool = False
    """True for an invented count (must stay at or below ``bound``), False for a floor."""

    @property
    def room(self) -> float | None:
        """How much the figure can still move before the gate fails (negative: it fails)."""
        if self.value is None:
            return None
        return self.bound - self.value if self.ceiling else self.value - self.bound


def slack(reports: Sequence[SetReport], baseline: dict[str, Any]) -> list[Slack]:
    """Every pinned figure with its current value, tightest first: where the next change is likeliest to fail."""
    rows = []
    for report in reports:
        entry = baseline["sets"].get(report.name) or {}
        for key, floor in entry.get("floors", {}).items():
            rows.append(Slack(report.name, key, float(floor), report.figures.get(key)))
        for key, ceiling in entry.get("ceilings", {}).items():
            rows.append(Slack(report.name, key, float(ceiling), float(report.invented.get(key, 0)), ceiling=True))
    return sorted(rows, key=lambda row: (row.room is not None, row.room or 0.0, row.set_name, row.figure))


def render_slack(rows: Sequence[Slack], *, limit: int | None = None) -> str:
    """An aligned table of ``slack`` rows: set, figure, bound (>= floor or <= ceiling), now, room."""
    shown = list(rows if limit is None else rows[:limit])
    cells = [["set", "figure", "bound", "now", "room"]]
    for row in shown:
        sign = "<=" if row.ceiling else ">="
        now = "—" if row.value is None else f"{row.value:.3f}"
        room = "—" if row.room is None else f"{row.room:+.3f}"
        cells.append([row.set_name, row.figure, f"{sign} {row.bound:.3f}", now, room])
    widths = [max(len(line[i]) for line in cells) for i in range(5)]
    lines = ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True)))
             for line in cells]
    return "\n".join(line.rstrip() for line in lines)
