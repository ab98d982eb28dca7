"""The accuracy gate: the builtin evaluation must stay at or above the floors pinned in eval/baseline.json.

A failure here means a change lowered accuracy on the project's own gold sets, or a gold file was edited. Look at
`warledger eval --builtin --errors 20`; when the new figures are what you want (or the gold edit is right), re-pin
them consciously with `warledger eval --builtin --write-baseline` and commit eval/baseline.json with the change.
"""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("warledger.extract.incidents",
                    reason="the extractor (warledger.extract.incidents) is not built yet")

from warledger.eval import builtin_paths, check_baseline, evaluate, load_sets, read_baseline  # noqa: E402
from warledger.eval.baseline import check_hashes  # noqa: E402
from warledger.eval.gold import BUILTIN_SETS  # noqa: E402

BASELINE = Path(__file__).resolve().parent.parent / "eval" / "baseline.json"


@pytest.fixture(scope="module")
def reports() -> list:
    return evaluate(load_sets([], builtin=True), progress=False)


def test_the_baseline_pins_every_builtin_set() -> None:
    baseline = read_baseline(BASELINE)
    assert sorted(baseline["sets"]) == sorted(BUILTIN_SETS)
    for name in BUILTIN_SETS:
        assert baseline["sets"][name]["floors"], f"{name} has no floors"
    assert len(builtin_paths()) == len(BUILTIN_SETS)


def test_gold_files_are_the_ones_the_floors_were_pinned_on() -> None:
    sets = load_sets([], builtin=True)
    baseline = read_baseline(BASELINE)
    problems = [f"{s.name}: sha256 {s.sha256} != {baseline['sets'].get(s.name, {}).get('sha256')}" for s in sets
                if baseline["sets"].get(s.name, {}).get("sha256") != s.sha256]
    assert not problems, "gold changed; review it and re-pin with --write-baseline: " + "; ".join(problems)


def test_no_figure_below_its_floor(reports: list) -> None:
    baseline = read_baseline(BASELINE)
    failures = [f for f in check_baseline(reports, baseline) if f not in check_hashes(reports, baseline)]
    assert not failures, "\n".join(failures)
