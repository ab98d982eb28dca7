"""The claims registry: repeats merged, series over time, disputes attached, and the estimates-table import."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from warledger.errors import InputError
from warledger.fuse.claims_registry import (
    import_estimates_csv,
    normalise_claimant,
    registry,
    series,
    series_rows,
)
from warledger.fuse.estimates_table import estimates_article
from warledger.fuse.reports import ArticleMeta
from warledger.records import Claim

SHARED = Path("/work/shared/data/casualty-estimates/estimates.csv")

# Invented rows in the table's format (figures and claimants made up for the tests).
OWN_TABLE = """date,estimate_low,estimate_high,estimate,type,source,source_url,country,"flag, extra column"
01/03/2024,,,100000,casualties,Test Ministry,https://example.org/a,russia,
01/04/2024,,,"110,000",casualties,Test Ministry,https://example.org/b,russia,
15/04/2024,40000,50000,45000,deaths,Example Institute,https://example.org/c,ukraine,
1/5/2024,60000,,,deaths,Example Institute,https://example.org/d,ukraine,yes
2/5/2024,,70000,,deaths,Example Institute,https://example.org/e,ukraine,
31/13/2024,,,5,deaths,Broken Row,https://example.org/f,russia,
"""


def claim(ident: str, *, claimant: str | None = "CSIS", article: str = "art-1", low: int | None = 1_200_000,
          high: int | None = 1_200_000, period_end: str | None = "2025-12", side: str = "Russia",
          metric: str = "casualties", disputed_by: tuple[str, ...] = (), projection: bool = False) -> Claim:
    return Claim(
        id=ident, article_id=article, side=side, population="military", metric=metric, min=low, max=high,
        qualifier="exact", period_start="2022-02", period_end=period_end, as_of=None, projection=projection,
        claimant=claimant, disputed_by=list(disputed_by), evidence=[], confidence=0.9,
    )


def test_one_estimate_repeated_by_many_outlets_is_one_claim_with_many_reports() -> None:
    articles = {f"art-{n}": ArticleMeta(f"art-{n}", f"Outlet {n}", f"2026-01-{20 + n:02d}") for n in range(1, 4)}
    claims = [
        claim("c1", article="art-2"),
        claim("c2", article="art-1", claimant="Center for Strategic and International Studies"),
        claim("c3", article="art-3", period_end="2025-12-31", disputed_by=("Russia",)),
    ]
    entries = registry(claims, articles=articles)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.claimant == "CSIS"
    assert [r.claim_id for r in entry.reports] == ["c2", "c1", "c3"]  # publication order
    assert entry.reports[0].publisher == "Outlet 1"
    assert entry.disputed_by == ["Russia"]


def test_later_period_and_other_figures_are_new_points_in_the_series() -> None:
    claims = [
        claim("c1"),
        claim("c2", period_end="2026-06", low=1_400_000, high=1_400_000),
        claim("c3", period_end="2026-06-30"),  # same figure, half a year later: a new point
        claim("c4", side="Ukraine", low=500_000, high=600_000),
        claim("c5", metric="killed", low=None, high=325_000),
        claim("c6", projection=True, low=2_000_000, high=2_000_000, period_end="2026-05"),
    ]
    found = series(claims)
    russia = found[("Russia", "military", "casualties")]["CSIS"]
    assert [(p.min, p.period_end) for p in russia] == [
        (1_200_000, "2025-12"), (2_000_000, "2026-05"), (1_400_000, "2026-06"), (1_200_000, "2026-06-30")
    ]
    assert len(russia) == 4
    assert sum(p.projection for p in russia) == 1
    assert found[("Ukraine", "military", "casualties")]["CSIS"][0].max == 600_000
    assert found[("Russia", "military", "killed")]["CSIS"][0].max == 325_000
    rows = series_rows(found)
    assert len(rows) == 6 and {"claimant", "period_end", "min", "max", "reports"} <= set(rows[0])


def test_claimant_normalisation_uses_the_vocabulary() -> None:
    assert normalise_claimant("The Centre for Strategic and International Studies")[1] == "CSIS"
    assert normalise_claimant("UK MoD")[1] == normalise_claimant("UK Ministry of Defence")[1]
    assert normalise_claimant("US officials (via NYT)")[1] == "US officials"
    assert normalise_claimant("  Example   Institute ") == ("example institute", "Example Institute")
    assert normalise_claimant(None) == ("", None)


def test_import_of_an_estimates_table(tmp_path: Path) -> None:
    path = tmp_path / "estimates.csv"
    path.write_text(OWN_TABLE, encoding="utf-8")
    claims = import_estimates_csv(path)
    assert len(claims) == 5  # the row with month 13 is skipped
    first = claims[0]
    assert (first.article_id, first.side, first.metric, first.min, first.max) == (
        "import:estimates.csv", "Russia", "casualties", 100_000, 100_000)
    assert (first.period_start, first.period_end, first.claimant) == ("2022-02", "2024-03-01", "Test Ministry")
    assert claims[1].min == 110_000
    assert (claims[2].min, claims[2].max, claims[2].qualifier, claims[2].metric) == (40_000, 50_000, "range", "killed")
    assert (claims[3].min, claims[3].max, claims[3].qualifier) == (60_000, None, "at least")
    assert (claims[4].min, claims[4].max, claims[4].qualifier, claims[4].period_end) == (
        None, 70_000, "up to", "2024-05-02")
    article = estimates_article(path)
    for c in claims:
        ev = c.evidence[0]
        assert article.text[ev.start:ev.end] == ev.text
        assert ev.field == "row" and c.claimant is not None and c.claimant in ev.text
    test_ministry = series(claims)[("Russia", "military", "casualties")]["Test Ministry"]
    assert [p.max for p in test_ministry] == [100_000, 110_000]


def test_import_refuses_a_table_without_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("date,figure\n01/01/2024,5\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        import_estimates_csv(path)
    with pytest.raises(InputError):
        import_estimates_csv(tmp_path / "absent.csv")


def _table_point(row: dict[str, str]) -> tuple[str, str, int | None, int | None, date]:
    def number(text: str) -> int | None:
        return int(text.replace(",", "")) if text.strip() else None

    day, month, year = (int(p) for p in row["date"].split("/"))
    low, high, point = number(row["estimate_low"]), number(row["estimate_high"]), number(row["estimate"])
    if low is None and high is None:
        low = high = point
    metric = "killed" if row["type"] == "deaths" else "casualties"
    return row["country"].capitalize(), metric, low, high, date(year, month, day)


@pytest.mark.skipif(not SHARED.is_file(), reason="the shared casualty-estimates table is not here")
def test_registry_series_match_the_real_estimates_table() -> None:
    """Every row of the real table is a point of its claimant's series with the same figures and date."""
    claims = import_estimates_csv(SHARED)
    with SHARED.open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert len(claims) == len(table)
    found = series(claims)
    points = 0
    for row in table:
        side, metric, low, high, when = _table_point(row)
        claimant = normalise_claimant(row["source"])[1] or ""
        line = found[(side, "military", metric)][claimant]
        assert any(p.min == low and p.max == high and p.period_end == when.isoformat() for p in line), row
    for by_claimant in found.values():
        for line in by_claimant.values():
            points += len(line)
            ends = [p.period_end or "" for p in line]
            assert ends == sorted(ends)
    assert points == len({(_table_point(r), normalise_claimant(r["source"])[0]) for r in table})
