"""The gate's baseline: floors with a margin, ceilings on invented values, gold hashes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_builders import item

from warledger.errors import ConfigError
from warledger.eval.baseline import (
    check_baseline,
    make_baseline,
    read_baseline,
    render_slack,
    slack,
    write_baseline,
)
from warledger.eval.metrics import ItemScore, summarise


def report(name: str = "headlines", *, sha: str = "a" * 64, oblast_hits: int = 9, invented: int = 0) -> object:
    score = ItemScore(item=item("x"), set_name=name, gold_incidents=10, predicted_incidents=10, matched_incidents=9)
    for n in range(10):
        score.ratio("oblast").add(n < oblast_hits)
    score.invented.places.extend(["Nowhere"] * invented)
    return summarise(name, path=f"{name}.jsonl", sha256=sha, scores=[score])


def test_floors_are_current_figures_minus_the_margin() -> None:
    data = make_baseline([report()], margin=0.02)
    entry = data["sets"]["headlines"]
    assert entry["floors"]["oblast"] == pytest.approx(0.88)
    assert entry["floors"]["incident_f1"] == pytest.approx(0.88)
    assert "place" not in entry["floors"]
    assert entry["ceilings"] == {"invented_numbers": 0, "invented_places": 0, "invented_dates": 0}
    assert entry["sha256"] == "a" * 64


def test_the_gate_passes_on_the_same_figures_and_fails_on_a_drop() -> None:
    baseline = make_baseline([report()])
    assert check_baseline([report()], baseline) == []
    failures = check_baseline([report(oblast_hits=7)], baseline)
    assert failures == ["headlines: oblast 0.700 is below its floor 0.880"]


def test_the_gate_fails_on_an_invented_value() -> None:
    failures = check_baseline([report(invented=1)], make_baseline([report()]))
    assert failures == ["headlines: invented_places 1 is above its ceiling 0"]


def test_the_gate_fails_when_the_gold_changed_or_is_not_pinned() -> None:
    baseline = make_baseline([report()])
    [changed] = check_baseline([report(sha="b" * 64)], baseline)
    assert "gold file headlines.jsonl changed" in changed and "--write-baseline" in changed
    [missing] = check_baseline([report("articles")], baseline)
    assert "articles: no entry in the baseline" in missing


def test_write_and_read(tmp_path: Path) -> None:
    path = tmp_path / "eval" / "baseline.json"
    write_baseline([report()], path)
    assert read_baseline(path) == json.loads(path.read_text(encoding="utf-8"))
    assert check_baseline([report()], read_baseline(path)) == []


def test_bad_baselines_say_how_to_fix_them(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--write-baseline"):
        read_baseline(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid JSON"):
        read_baseline(tmp_path / "bad.json")
    (tmp_path / "odd.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ConfigError, match='no "sets"'):
        read_baseline(tmp_path / "odd.json")


def test_slack_lists_the_tightest_figures_first() -> None:
    baseline = make_baseline([report()], margin=0.02)
    rows = slack([report(oblast_hits=8, invented=1)], baseline)
    assert (rows[0].figure, rows[0].ceiling, rows[0].room) == ("invented_places", True, -1.0)
    oblast = next(r for r in rows if r.figure == "oblast")
    assert oblast.room == pytest.approx(0.8 - 0.88)
    assert rows.index(oblast) == 1
    table = render_slack(rows, limit=2).splitlines()
    assert table[0].split() == ["set", "figure", "bound", "now", "room"]
    assert table[1].split() == ["headlines", "invented_places", "<=", "0.000", "1.000", "-1.000"]
    assert table[2].split() == ["headlines", "oblast", ">=", "0.880", "0.800", "-0.080"]
