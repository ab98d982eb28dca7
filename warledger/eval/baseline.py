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
figures minus ``margin`` (rounded down to 3 decimals) and the current invented counts.
"""
from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
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
