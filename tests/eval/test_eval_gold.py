"""Reading gold files: the shared schema, the seed's expected.json format, and one-line errors for bad lines."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from warledger.errors import InputError
from warledger.eval.gold import load_sets, read_gold

UCDP_LINE = {"id": "u-1", "source": "ucdp", "published": "2022-09-02", "text": "Shelling of Nikopol wounded two.",
             "incidents": [{"date": "2022-09-01", "date_precision": "day", "event_type": None, "place": "Nikopol town",
                            "admin1": "Dnipropetrovsk oblast", "admin2": "Nikopol raion", "country": "UA",
                            "killed_low": 0, "killed_best": 0, "killed_high": 1, "where_prec": 1,
                            "lat": 47.57, "lon": 34.39}], "claims": []}
CASE_LINE = {"id": "c-1", "source": "case", "published": None, "text": "Sappers defused a mine on the road.",
             "label": "DISR_WEAP", "event_type": "Disrupted weapons use", "incidents": [], "claims": []}
NEGATIVE_LINE = {"id": "c-2", "text": "The two presidents spoke by phone.", "event_type": None}
ARTICLE_LINE = {
    "id": "a-1", "published": "2024-03-02", "text": "Drone hit Odesa, killing 4. Estimates said up to 5,000 died.",
    "incidents": [{"date": "2024-03-02", "place": "Odesa", "admin1": "Odesa Oblast", "killed_min": 4,
                   "killed_max": 4, "evidence": "Drone hit Odesa, killing 4."}],
    "claims": [{"side": "Russia", "population": "military", "metric": "killed", "min": None, "max": 5000,
                "qualifier": "up to", "period_start": "2022-02", "period_end": None, "projection": False,
                "claimant": None, "evidence": "Estimates said up to 5,000 died."}],
}


def write_lines(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_reads_every_kind_of_line(tmp_path: Path) -> None:
    gold = read_gold(write_lines(tmp_path / "mixed.jsonl", [UCDP_LINE, CASE_LINE, "", NEGATIVE_LINE, ARTICLE_LINE]))
    assert gold.name == "mixed" and len(gold.items) == 4 and len(gold.sha256) == 64
    ucdp, case, negative, article = gold.items
    [inc] = ucdp.incidents
    assert inc.killed is not None and inc.killed.is_range and (inc.killed.low, inc.killed.high) == (0, 1)
    assert inc.has_place and inc.where_prec == 1 and inc.lat == 47.57
    assert case.labels_document and case.event_type == "Disrupted weapons use" and case.incidents == ()
    assert negative.labels_document and negative.event_type is None and negative.line == 4
    assert not article.labels_document
    assert article.incidents[0].killed is not None and article.incidents[0].killed.min == 4
    assert article.incidents[0].evidence == ("Drone hit Odesa, killing 4.",)
    assert article.claims[0].max == 5000 and article.claims[0].projection is False


@pytest.mark.parametrize("bad, message", [
    ({**ARTICLE_LINE, "text": ""}, 'needs a non-empty "text"'),
    ({**ARTICLE_LINE, "incidents": [{"killed_min": "four"}]}, "incident 1: killed_min must be a whole number"),
    ({**ARTICLE_LINE, "incidents": [{"killed_min": 5, "killed_max": 4}]}, "killed_min 5 is above killed_max 4"),
    ({**ARTICLE_LINE, "incidents": [{"where_prec": 9}]}, "where_prec must be 1-7"),
    ({**ARTICLE_LINE, "incidents": [{"date": "14 May 2024"}]}, "date must be YYYY, YYYY-MM or YYYY-MM-DD"),
    ({**ARTICLE_LINE, "claims": [{"side": "Russia", "min": 1}]}, "claim 1: needs a metric"),
    ({**ARTICLE_LINE, "claims": [{"metric": "killed", "projection": "yes"}]}, "projection must be true"),
    ({**ARTICLE_LINE, "incidents": {"place": "Odesa"}}, '"incidents" must be a list'),
    (["not", "an", "object"], "must be a JSON object"),
])
def test_schema_errors_name_the_line(tmp_path: Path, bad: object, message: str) -> None:
    path = write_lines(tmp_path / "bad.jsonl", [ARTICLE_LINE, bad])
    with pytest.raises(InputError) as caught:
        read_gold(path)
    text = str(caught.value)
    assert f"{path}: line 2:" in text and message in text and "\n" not in text
    assert caught.value.code == "E150"


def test_a_line_that_is_not_json(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "broken.jsonl", [ARTICLE_LINE, ARTICLE_LINE, '{"id": "x", "text": '])
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert "line 3" in str(caught.value) and caught.value.code == "E106"


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_gold(tmp_path / "nope.jsonl")
    assert caught.value.code == "E101"
    (tmp_path / "empty.jsonl").write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(tmp_path / "empty.jsonl")
    assert caught.value.code == "E102"


def test_seed_format_is_converted_on_the_fly(tmp_path: Path) -> None:
    page = "Strikes hit Odesa\n\nA strike killed two near Kyiv.\n\nTwo people were killed near Kyiv\n"
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    expected = {
        "id": "seed-test", "source": "seed", "published": "2026-01-28", "path": "page.txt",
        "article": {"title": "Strikes hit Odesa"},
        "incidents": [{"date": "2026-01-28", "date_precision": "day", "event_type": "Air/drone strike",
                       "event_type_also_ok": ["Shelling/artillery/missile attack"], "place": "Kyiv", "near": True,
                       "admin1": "Kyiv Oblast", "country": "UA", "killed_min": 2, "killed_max": 2,
                       "injured_min": None, "injured_max": None, "targets": [],
                       "evidence": "A strike killed two near Kyiv.",
                       "also_reported_in": "Two people were killed near Kyiv"}],
        "claims": [{"side": "both", "population": "military", "metric": "casualties", "min": 10, "max": 10,
                    "qualifier": "about", "projection": True, "period_start": "2022-02", "period_end": "2026-05",
                    "claimant": "CSIS", "evidence": "x"}],
        "disputes": [], "other_facts": [],
    }
    (tmp_path / "expected.json").write_text(json.dumps(expected, indent=1), encoding="utf-8")
    gold = read_gold(tmp_path / "expected.json")
    assert gold.name == "expected"
    [one] = gold.items
    assert one.text == page and one.published == "2026-01-28" and one.source == "seed"
    assert one.incidents[0].evidence == ("A strike killed two near Kyiv.", "Two people were killed near Kyiv")
    assert one.incidents[0].event_type_also_ok == ("Shelling/artillery/missile attack",)
    assert one.claims[0].projection is True


def test_seed_without_its_page(tmp_path: Path) -> None:
    (tmp_path / "expected.json").write_text(json.dumps({"path": "gone.txt", "incidents": []}), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(tmp_path / "expected.json")
    assert "gone.txt" in str(caught.value)


def test_a_json_list_of_items(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(json.dumps([CASE_LINE, NEGATIVE_LINE], indent=2), encoding="utf-8")
    assert [i.id for i in read_gold(tmp_path / "list.json").items] == ["c-1", "c-2"]


def test_load_sets_makes_names_unique(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = write_lines(tmp_path / "set.jsonl", [CASE_LINE])
    second = write_lines(tmp_path / "a" / "set.jsonl", [NEGATIVE_LINE])
    assert [s.name for s in load_sets([first, second])] == ["set", "set#2"]


def test_ucdp_high_below_low_is_repaired_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    row = {**UCDP_LINE, "incidents": [{**UCDP_LINE["incidents"][0], "killed_low": 40, "killed_best": 52,  # type: ignore[dict-item]
                                       "killed_high": 0}]}
    gold = read_gold(write_lines(tmp_path / "quirk.jsonl", [row]))
    count = gold.items[0].incidents[0].killed
    assert count is not None and (count.low, count.best, count.high) == (40, 52, 52)
    assert "line 1: incident 1: killed_low is above killed_high" in caplog.text


def test_coded_tolls(tmp_path: Path) -> None:
    gold = read_gold(write_lines(tmp_path / "coded.jsonl", [UCDP_LINE, ARTICLE_LINE]))
    assert gold.items[0].incidents[0].coded == ("killed",)
    assert gold.items[1].incidents[0].coded == ("killed",)
    both = {**ARTICLE_LINE, "incidents": [{**ARTICLE_LINE["incidents"][0], "injured_min": None}]}  # type: ignore[dict-item]
    assert read_gold(write_lines(tmp_path / "both.jsonl", [both])).items[0].incidents[0].coded == ("killed", "injured")
