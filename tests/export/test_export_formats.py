"""Every export format and column set, parsed back: CSV headers and cells, JSON, GeoJSON structure, Parquet types."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_samples import PORT_TEXT

from warledger.export import column_set, export
from warledger.store import IncidentFilter, Ledger

ACLED = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
         "actor1", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
         "notes", "fatalities", "injuries"]
UCDP = ["id", "date_start", "date_end", "date_prec", "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude",
        "longitude", "country", "best", "low", "high", "source_article", "source_headline"]


def read_csv(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    header = table[0]
    return header, {row[0]: dict(zip(header, row, strict=True)) for row in table[1:]}


def test_csv_full_incidents(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "incidents.csv"
    assert export(filled, "incidents", fmt="csv", out=out) == 3
    header, rows = read_csv(out)
    assert header == [c.name for c in column_set("incidents", "full")]
    seaton = rows["inc-seaton"]
    assert seaton["targets"] == "port; industry"
    assert (seaton["killed_min"], seaton["killed_max"], seaton["killed_qualifier"]) == ("4", "", "at least")
    assert (seaton["lat"], seaton["near"], seaton["publisher"]) == ("46.1", "false", "Invented Herald")
    for evidence in json.loads(seaton["evidence"]):
        assert PORT_TEXT[evidence["start"]:evidence["end"]] == evidence["text"]
    assert rows["inc-unplaced"]["place"] == "" and rows["inc-unplaced"]["where_prec"] == ""
    assert not list(tmp_path.glob("*.part")), "the temporary file is renamed, not left behind"


def test_csv_acled_columns_and_codes(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    export(filled, "incidents", fmt="csv", columns="acled", out=out)
    header, rows = read_csv(out)
    assert header == ACLED
    seaton, hilltown, unplaced = rows["inc-seaton"], rows["inc-hilltown"], rows["inc-unplaced"]
    assert seaton == {
        "event_id_cnty": "inc-seaton", "event_date": "2026-03-03", "year": "2026", "time_precision": "1",
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Russia", "country": "Ukraine",
        "admin1": "Odesa", "admin2": "Seaton Raion", "location": "Seaton", "latitude": "46.1", "longitude": "30.2",
        "geo_precision": "1", "source": "Invented Herald",
        "notes": "A missile hit the harbour of Seaton on 3 March, killing at least four dockers and wounding up to "
                 "nine, the governor said.", "fatalities": "4", "injuries": "9",
    }
    assert (hilltown["event_date"], hilltown["time_precision"], hilltown["geo_precision"]) == ("2026-03-01", "3", "2")
    assert (hilltown["admin1"], hilltown["fatalities"], hilltown["injuries"]) == ("Kharkiv", "0", "0")
    assert hilltown["notes"].startswith("Separately, a glide bomb") and hilltown["notes"].endswith("nobody was hurt.")
    assert (unplaced["event_type"], unplaced["event_date"], unplaced["year"]) == ("Battles", "", "")
    assert (unplaced["location"], unplaced["geo_precision"], unplaced["notes"]) == ("", "", "")


def test_json_ucdp_columns(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "ucdp.json"
    assert export(filled, "incidents", fmt="json", columns="ucdp", out=out) == 3
    items = {item["id"]: item for item in json.loads(out.read_text(encoding="utf-8"))}
    assert all(list(item) == UCDP for item in items.values())
    seaton = items["inc-seaton"]
    assert (seaton["date_start"], seaton["date_end"], seaton["date_prec"]) == ("2026-03-03", "2026-03-03", 1)
    assert (seaton["best"], seaton["low"], seaton["high"]) == (4, 4, 4)
    assert (seaton["where_coordinates"], seaton["adm_1"], seaton["country"]) == ("Seaton", "Odesa Oblast", "Ukraine")
    assert seaton["source_article"] == "https://herald.example/port"
    assert seaton["source_headline"] == "Port struck overnight"
    hilltown = items["inc-hilltown"]
    assert (hilltown["date_start"], hilltown["date_end"], hilltown["date_prec"]) == ("2026-03-01", "2026-03-31", 4)
    assert (hilltown["best"], hilltown["low"], hilltown["high"], hilltown["where_prec"]) == (0, 0, 0, 2)
    assert items["inc-unplaced"]["date_start"] is None and items["inc-unplaced"]["latitude"] is None


def test_jsonl_claims_full(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert export(filled, "claims", fmt="jsonl", out=out) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    claim = json.loads(lines[0])
    assert list(claim) == [c.name for c in column_set("claims", "full")]
    assert (claim["claimant"], claim["min"], claim["max"], claim["projection"]) == ("Example Centre", 10000, 12000,
                                                                                     False)
    assert claim["disputed_by"] == [] and claim["evidence"][0]["text"] == "10,000 to 12,000 killed"
    assert claim["published"] == "2026-03-04"


def test_geojson_skips_records_without_coordinates(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "map.geojson"
    assert export(filled, "incidents", fmt="geojson", columns="acled", out=out) == 1
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["warledger"] == {"skipped_without_coordinates": 2}
    (feature,) = collection["features"]
    assert feature["type"] == "Feature" and feature["id"] == "inc-seaton"
    assert feature["geometry"] == {"type": "Point", "coordinates": [30.2, 46.1]}
    assert list(feature["properties"]) == ACLED and feature["properties"]["fatalities"] == 4


def test_empty_geojson_and_json_are_valid(filled: Ledger, tmp_path: Path) -> None:
    nothing = IncidentFilter(oblast="Nowhere")
    for fmt in ("geojson", "json"):
        out = tmp_path / f"empty.{fmt}"
        assert export(filled, "incidents", fmt=fmt, out=out, filters=nothing) == 0
        parsed = json.loads(out.read_text(encoding="utf-8"))
        assert parsed == [] if fmt == "json" else parsed["features"] == []


@pytest.mark.parametrize(("kind", "columns"), [("incidents", "full"), ("incidents", "acled"),
                                               ("incidents", "ucdp"), ("claims", "full"), ("articles", "full")])
def test_parquet_is_readable_and_typed(filled: Ledger, tmp_path: Path, kind: str, columns: str) -> None:
    out = tmp_path / f"{kind}-{columns}.parquet"
    written = export(filled, kind, fmt="parquet", columns=columns, out=out)
    table = pq.read_table(out)
    assert table.num_rows == written == {"incidents": 3, "claims": 1, "articles": 2}[kind]
    assert table.column_names == [c.name for c in column_set(kind, columns)]
    by_type = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "date": pa.date32()}
    for column in column_set(kind, columns):
        if column.type in by_type:
            assert table.schema.field(column.name).type == by_type[column.type], column.name


def test_parquet_values(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "ucdp.parquet"
    export(filled, "incidents", fmt="parquet", columns="ucdp", out=out,
           filters=IncidentFilter(oblast="odesa"))
    (row,) = pq.read_table(out).to_pylist()
    assert (row["id"], row["date_start"], row["best"], row["latitude"]) == ("inc-seaton", date(2026, 3, 3), 4, 46.1)
    full = tmp_path / "full.parquet"
    export(filled, "incidents", fmt="parquet", out=full, filters=IncidentFilter(place="Seaton"))
    (row,) = pq.read_table(full).to_pylist()
    assert row["targets"] == ["port", "industry"] and json.loads(row["evidence"])[1]["field"] == "killed"


def test_stdout(filled: Ledger, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert export(filled, "claims", fmt="csv", out="-") == 1
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert lines[0].startswith("id,article_id,side,") and lines[1].startswith("clm-centre,art-report,Russia,")
