"""Export options: filters and paging, clear errors for impossible requests, and the column-set data files."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from warledger import records
from warledger.errors import ConfigError
from warledger.export import COLUMN_SETS, FORMATS, column_set, export
from warledger.export.columns import ARTICLE_FIELDS, DERIVED, TYPES, Source, codes
from warledger.store import ClaimFilter, IncidentFilter, Ledger
from warledger.store.rows import article_row, claim_row, incident_row


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_filters_order_and_paging(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "page.jsonl"
    everything = IncidentFilter(order="id")
    assert export(filled, "incidents", fmt="jsonl", out=out, filters=everything, page=1) == 3
    assert ids(out) == ["inc-hilltown", "inc-seaton", "inc-unplaced"]
    window = dataclasses.replace(everything, limit=2, offset=1)
    assert export(filled, "incidents", fmt="jsonl", out=out, filters=window, page=1) == 2
    assert ids(out) == ["inc-seaton", "inc-unplaced"]
    assert export(filled, "incidents", fmt="jsonl", out=out, filters=IncidentFilter(min_killed=1)) == 1
    assert ids(out) == ["inc-seaton"]
    assert export(filled, "claims", fmt="jsonl", out=out, filters=ClaimFilter(side="Ukraine")) == 0
    assert out.read_text() == ""


def test_existing_output_is_replaced_only_when_complete(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "kept.csv"
    out.write_text("previous export\n")
    with pytest.raises(ConfigError):
        export(filled, "claims", fmt="csv", columns="acled", out=out)
    assert out.read_text() == "previous export\n"
    export(filled, "claims", fmt="csv", out=out)
    assert out.read_text().startswith("id,article_id")


@pytest.mark.parametrize(("kind", "options", "words"), [
    ("claims", {"columns": "acled"}, ["acled", "claims", "full"]),
    ("articles", {"columns": "ucdp"}, ["ucdp", "articles", "full"]),
    ("events", {"columns": "acled"}, ["acled", "events", "ucdp"]),
    ("claims", {"fmt": "geojson"}, ["geojson", "coordinates", "csv"]),
    ("incidents", {"fmt": "xlsx"}, ["xlsx", "parquet"]),
    ("incidents", {"columns": "gdelt"}, ["gdelt", "acled"]),
    ("reports", {}, ["reports", "incidents"]),
    ("incidents", {"filters": ClaimFilter()}, ["IncidentFilter", "ClaimFilter"]),
    ("incidents", {"out": "/no/such/folder/x.csv"}, ["/no/such/folder", "create it"]),
])
def test_impossible_requests_are_one_line_config_errors(filled: Ledger, kind: str, options: dict,
                                                        words: list[str]) -> None:
    with pytest.raises(ConfigError) as caught:
        export(filled, kind, **options)
    text = str(caught.value)
    assert "\n" not in text and caught.value.code == "E201"
    for word in words:
        assert word in text


def test_every_format_and_set_is_known() -> None:
    assert FORMATS == ("csv", "json", "jsonl", "geojson", "parquet")
    assert COLUMN_SETS == ("full", "acled", "ucdp")


@pytest.mark.parametrize(("kind", "name"), [("incidents", "full"), ("incidents", "acled"), ("incidents", "ucdp"),
                                            ("claims", "full"), ("articles", "full"), ("events", "full"),
                                            ("events", "ucdp")])
def test_column_sets_are_well_formed(kind: str, name: str) -> None:
    columns = column_set(kind, name)
    assert len({c.name for c in columns}) == len(columns), "column names are unique"
    for column in columns:
        assert column.type in TYPES, column
        if column.field.startswith("="):
            assert column.field[1:] in DERIVED, column
        elif column.field.startswith("article."):
            assert column.field.removeprefix("article.") in ARTICLE_FIELDS, column


def _sample_rows() -> dict[str, dict]:
    location = records.Location("X", "Y Oblast")
    incident = records.Incident("i", "a", None, "unknown", None, None, location, None, [], None, None, None, [], [],
                                0.5)
    claim = records.Claim("c", "a", None, "all", "killed", None, None, "exact", None, None, None, False, None, [], [],
                          0.5)
    article = records.Article("a", "s", None, None, "text", [], [])
    return {"incidents": incident_row(incident), "claims": claim_row(claim), "articles": article_row(article)}


@pytest.mark.parametrize("kind", ["incidents", "claims", "articles"])
def test_full_columns_cover_every_stored_field(kind: str) -> None:
    plain = {c.field for c in column_set(kind, "full") if not c.field.startswith(("=", "article."))}
    assert plain == set(_sample_rows()[kind])


def test_code_lists_cover_the_vocabularies() -> None:
    table = codes()
    parents = set(table["acled_event_type"].values())
    assert parents == {"Explosions/Remote violence", "Battles", "Violence against civilians",
                       "Strategic developments", "Protests", "Riots"}
    assert parents <= set(table["acled_disorder_type"])
    assert set(table["acled_time_precision"]) == set(table["ucdp_date_prec"]) == set(records.DATE_PRECISIONS)
    assert set(table["acled_geo_precision"]) == {str(n) for n in range(1, 8)}
    assert all(code in {"1", "2", "3"} for code in table["acled_geo_precision"].values())


@pytest.mark.parametrize(("text", "spans", "expected"), [
    ("Title line\n\nFirst one. A drone hit Town X. Last one.", [(25, 31)], "A drone hit Town X."),
    ("One. Two dead! Three.", [(5, 8), (9, 13)], "Two dead!"),
    ("Alpha beta. Gamma delta.", [(0, 5), (12, 17)], "Alpha beta. Gamma delta."),
    ("No full stop at the end", [(3, 7)], "No full stop at the end"),
])
def test_notes_are_the_sentences_holding_the_evidence(text: str, spans: list, expected: str) -> None:
    evidence = [{"field": "x", "text": text[a:b], "start": a, "end": b} for a, b in spans]
    assert DERIVED["notes"](Source({"evidence": evidence}, {"text": text})) == expected
    assert DERIVED["notes"](Source({"evidence": []}, {"text": text})) is None
