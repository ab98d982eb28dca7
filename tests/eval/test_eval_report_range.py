"""killed_in_report_range: a toll summed over the gold items that share one report (same text, same day).

Every text here is made up for the tests. The round-up below is coded the way UCDP codes such reports: one gold
item per village, each with the same text and its own share of the toll.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_builders import exact, extraction, gold_incident, incident, item

from warledger.eval import run
from warledger.eval.gold import GoldCount, GoldItem, item_from_dict, read_gold, report_key, report_ranges
from warledger.eval.metrics import FIGURES, ItemScore
from warledger.eval.scoring import score_item
from warledger.records import Extraction

ROUNDUP = "Over the weekend, shelling of villages in the Nikopol district killed five people, the governor said."
ALONE = "A drone hit a farm near Pokrov on Sunday, killing one man."


def ucdp(place: str, low: int, best: int, high: int) -> dict[str, object]:
    return {"date": "2024-05-12", "date_precision": "day", "event_type": None, "place": place,
            "admin1": "Dnipropetrovsk oblast", "country": "UA", "where_prec": 1,
            "killed_low": low, "killed_best": best, "killed_high": high}


GOLD = [
    # one report, two items: own ranges [2, 3] and [1, 2], summed [3, 5]; the text says five
    {"id": "r-1", "published": "2024-05-13", "text": ROUNDUP, "incidents": [ucdp("Marhanets town", 2, 2, 3)]},
    {"id": "r-2", "published": "2024-05-13", "text": ROUNDUP.replace(" the ", "  the\n"),
     "incidents": [ucdp("Chervonohryhorivka village", 1, 2, 2)]},
    # the same words on another day are another report, and this one is alone
    {"id": "r-3", "published": "2024-05-20", "text": ROUNDUP, "incidents": [ucdp("Pokrov town", 1, 1, 1)]},
    {"id": "a-1", "published": "2024-05-13", "text": ALONE, "incidents": [ucdp("Pokrov town", 1, 1, 1)]},
]


def oblast_wide(text: str, killed: int) -> Extraction:
    """One incident for the whole oblast with ``killed`` dead, as the extractor gives a regional round-up."""
    found = incident(text, date="2024-05-12", name=None, admin1="Dnipropetrovsk Oblast",
                     event_type="Shelling/artillery/missile attack", killed=exact(killed))
    return extraction(text, [found], published="2024-05-13")


def stand_in(gold: GoldItem) -> Extraction:
    return oblast_wide(gold.text, 5 if "Nikopol" in gold.text else 1)


@pytest.fixture()
def gold_path(tmp_path: Path) -> Path:
    path = tmp_path / "roundup.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    return path


def counts(score: ItemScore, name: str) -> tuple[int, int]:
    ratio = score.ratios[name]
    return ratio.hit, ratio.total


def gold_items() -> list[GoldItem]:
    return [item_from_dict(g, path="roundup.jsonl", line=n) for n, g in enumerate(GOLD, 1)]


def test_a_report_is_the_same_text_and_day(gold_path: Path) -> None:
    items = read_gold(gold_path).items
    assert report_key(items[0]) == report_key(items[1])          # whitespace runs do not matter
    assert report_key(items[0]) != report_key(items[2])          # another published date
    assert report_ranges(items) == {report_key(items[0]): (3, 5)}  # items alone get no summed range


def test_report_ranges_use_the_repaired_range_and_skip_worded_tolls() -> None:
    quirk = gold_incident(killed=GoldCount(low=4, best=6, high=6))   # as read from killed_high 0 (see gold.py)
    worded = gold_incident(killed=GoldCount(min=9, max=9))
    one = item(ROUNDUP, incidents=(quirk,), ident="q-1")
    two = item(ROUNDUP, incidents=(worded, gold_incident(killed=GoldCount(low=2, best=2))), ident="q-2")
    assert report_ranges([one, two]) == {report_key(one): (6, 8)}


def test_inside_the_sum_but_not_the_own_range() -> None:
    gold = gold_items()
    ranges = report_ranges(gold)
    for member in gold[:2]:
        score = score_item(member, oblast_wide(ROUNDUP, 5), report_range=ranges.get(report_key(member)))
        assert score.matched_incidents == 1
        assert counts(score, "killed_in_range") == (0, 1)
        assert counts(score, "killed_in_report_range") == (1, 1)
        assert any("inside the report's 3-5" in text for _, text in score.problems)
    outside = score_item(gold[0], oblast_wide(ROUNDUP, 6), report_range=ranges.get(report_key(gold[0])))
    assert counts(outside, "killed_in_report_range") == (0, 1)


def test_items_alone_in_their_report_score_the_same_on_both_figures() -> None:
    gold = gold_items()
    ranges = report_ranges(gold)
    for member, killed, hit in ((gold[2], 5, 0), (gold[2], 1, 1), (gold[3], 1, 1), (gold[3], 2, 0)):
        assert report_key(member) not in ranges
        score = score_item(member, oblast_wide(member.text, killed), report_range=ranges.get(report_key(member)))
        assert counts(score, "killed_in_range") == counts(score, "killed_in_report_range") == (hit, 1)
        assert counts(score_item(member, oblast_wide(member.text, killed)), "killed_in_report_range") == (hit, 1)
    silent = score_item(gold[0], extraction(ROUNDUP, [incident(ROUNDUP, date="2024-05-12", name=None,
                                                                admin1="Dnipropetrovsk Oblast")]),
                        report_range=(3, 5))
    assert "killed_in_report_range" not in silent.ratios and counts(silent, "killed_given") == (0, 1)


def test_evaluate_set_sums_reports_and_shows_both_figures(gold_path: Path) -> None:
    report = run.evaluate_set(read_gold(gold_path), extractor=stand_in, progress=False)
    assert (report.figures["killed_in_range"], report.support["killed_in_range"]) == (pytest.approx(1 / 4), 4)
    assert (report.figures["killed_in_report_range"], report.support["killed_in_report_range"]) == \
        (pytest.approx(3 / 4), 4)
    rows = {line.split()[0]: line.split()[1:] for line in run.render_table([report]).splitlines()[2:]}
    assert rows["killed_in_range"] == ["0.250", "(4)"]
    assert rows["killed_in_report_range"] == ["0.750", "(4)"]
    data = json.loads(run.render_json([report]))["sets"][0]
    assert data["figures"]["killed_in_report_range"] == pytest.approx(0.75)
    assert data["support"]["killed_in_report_range"] == 4
    # the report is summed over the whole set, also when --limit keeps only one of its items
    first = run.evaluate_set(read_gold(gold_path), extractor=stand_in, limit=1, progress=False)
    assert first.figures["killed_in_report_range"] == 1.0 and first.figures["killed_in_range"] == 0.0


def test_listed_next_to_the_strict_figure() -> None:
    keys = [key for key, _ in FIGURES]
    assert keys.index("killed_in_report_range") == keys.index("killed_in_range") + 1
