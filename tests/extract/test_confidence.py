"""``calibrated``: the shipped table loads, the mapping is monotone and clamped, and the extractor uses it."""
from __future__ import annotations

from pathlib import Path

import pytest

from warledger.errors import ConfigError
from warledger.extract.confidence import (
    CEILING,
    FLOOR,
    KINDS,
    Knot,
    calibrated,
    load_table,
    map_score,
    raw_scores,
    read_table,
)

RAWS = [i / 200 for i in range(201)]


def test_the_shipped_table_loads_with_points_for_every_kind() -> None:
    table = load_table()
    for kind in KINDS:
        knots = table.knots[kind]
        assert knots, f"no fitted points for {kind}"
        assert [k.raw for k in knots] == sorted(k.raw for k in knots)
        assert all(FLOOR <= k.value <= CEILING and k.support > 0 for k in knots)
    assert {"headlines", "articles"} <= {entry.name for entry in table.fitted_on}


@pytest.mark.parametrize("kind", KINDS)
def test_calibrated_is_monotone_and_clamped(kind: str) -> None:
    values = [calibrated(kind, raw) for raw in RAWS]
    assert all(FLOOR <= v <= CEILING for v in values)
    assert all(a <= b for a, b in zip(values, values[1:], strict=False))


@pytest.mark.parametrize("kind", KINDS)
def test_calibrated_keeps_every_order_of_raw_scores_a_hundredth_apart(kind: str) -> None:
    """Two raw scores 0.01 apart stay apart unless both hit a bound, so ordering by confidence is unchanged."""
    raws = [i / 100 for i in range(101)]
    values = [calibrated(kind, raw) for raw in raws]
    for low, high in zip(values, values[1:], strict=False):
        assert low < high or high in (FLOOR, CEILING)


def test_map_score_interpolates_between_points_and_shifts_beyond_them() -> None:
    knots = (Knot(0.4, 0.5, 10), Knot(0.8, 0.7, 10))
    assert map_score(knots, 0.6) == 0.6
    assert map_score(knots, 0.4) == 0.5
    assert map_score(knots, 0.3) == 0.4
    assert map_score(knots, 0.9) == 0.8


def test_map_score_clamps_both_ends() -> None:
    knots = (Knot(0.5, 0.2, 10), Knot(0.6, 0.95, 10))
    assert map_score(knots, 0.0) == FLOOR
    assert map_score(knots, 1.0) == CEILING
    assert map_score((Knot(0.5, 0.5, 10),), 0.52) == 0.52


def test_raw_scores_switches_calibration_off_inside_only() -> None:
    outside = calibrated("incident", 0.5)
    with raw_scores():
        assert calibrated("incident", 0.5) == 0.5
        with raw_scores():
            assert calibrated("claim", 0.61) == 0.61
        assert calibrated("claim", 0.61) == 0.61
    assert calibrated("incident", 0.5) == outside


def test_the_extractor_passes_its_raw_scores_through_the_table() -> None:
    from warledger.pipeline import extract

    text = ("A Russian missile struck an apartment block in Kharkiv on Tuesday, killing three people, regional "
            "governor Oleh Syniehubov said. Ukraine's General Staff said on Wednesday that Russia had lost 1,200 "
            "soldiers killed in the past day.")
    with raw_scores():
        raw = extract(text, published="2024-05-15", source_id="t")
    done = extract(text, published="2024-05-15", source_id="t")
    assert raw.incidents and raw.claims
    for before, after in zip(raw.incidents, done.incidents, strict=True):
        assert after.confidence == calibrated("incident", before.confidence)
    for before_claim, after_claim in zip(raw.claims, done.claims, strict=True):
        assert after_claim.confidence == calibrated("claim", before_claim.confidence)


def _table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "table.tsv"
    path.write_text("# a comment\nkind\traw\tcalibrated\tsupport\n" + body, encoding="utf-8")
    return path


def test_read_table_refuses_points_that_are_not_monotone(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not monotone"):
        read_table(_table(tmp_path, "incident\t0.5\t0.8\t10\nincident\t0.7\t0.6\t10\n"))


def test_read_table_refuses_an_unknown_kind_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="line 3"):
        read_table(_table(tmp_path, "event\t0.5\t0.8\t10\n"))
    with pytest.raises(ConfigError, match="--calibrate"):
        read_table(tmp_path / "absent.tsv")
