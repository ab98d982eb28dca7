"""The shipped offline map: every oblast of the gazetteer has an outline inside the frame; the builder's geometry."""
from __future__ import annotations

import csv
import io
import json
from importlib import resources

from warledger.serve import mapbuild


def shipped() -> dict:  # type: ignore[type-arg]
    return json.loads(resources.files("warledger.serve").joinpath("static", "ukraine.geojson").read_text("utf-8"))


def gazetteer_ukraine() -> set[str]:
    text = resources.files("warledger.gazetteer").joinpath("data", "oblasts.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {row["name"] for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")
            if row["country"] == "UA"}


def test_every_oblast_of_the_gazetteer_has_one_outline() -> None:
    names = [f["properties"]["name"] for f in shipped()["features"] if f["properties"]["kind"] == "oblast"]
    assert sorted(names) == sorted(gazetteer_ukraine())


def test_outlines_lie_in_the_frame_and_the_sources_are_credited() -> None:
    collection = shipped()
    west, south, east, north = collection["warledger"]["frame"]
    for feature in collection["features"]:
        geometry = feature["geometry"]
        rings = geometry["coordinates"] if geometry["type"] == "MultiLineString" else [
            ring for polygon in geometry["coordinates"] for ring in polygon]
        for ring in rings:
            for lon, lat in ring:
                assert west - 1e-6 <= lon <= east + 1e-6 and south - 1e-6 <= lat <= north + 1e-6, feature["properties"]
    assert any("Natural Earth" in source for source in collection["warledger"]["sources"])
    kinds = {f["properties"]["kind"] for f in collection["features"]}
    assert kinds == {"oblast", "country", "neighbour"}
    odesa = next(f for f in collection["features"] if f["properties"]["name"] == "Odesa Oblast")
    lon, lat = odesa["properties"]["label"]
    assert 28 < lon < 31.5 and 45 < lat < 48.5


def test_simplify_keeps_ends_and_drops_points_within_tolerance() -> None:
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, -0.001), (3.0, 0.0), (3.0, 5.0)]
    assert mapbuild.simplify(line, 0.01) == [(0.0, 0.0), (3.0, 0.0), (3.0, 5.0)]
    assert mapbuild.simplify(line, 0.0) == line


def test_rings_join_arcs_and_reverse_negative_ones() -> None:
    arcs = [[(0.0, 0.0), (1.0, 0.0)], [(1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]
    assert mapbuild.ring_of([0, 1], arcs) == [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    assert mapbuild.ring_of([~1, ~0], arcs) == [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]


def test_clip_cuts_a_ring_to_the_frame() -> None:
    square = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0)]
    clipped = mapbuild.clip(square, (0.0, 0.0, 2.0, 2.0))
    assert sorted(set(clipped)) == [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
    assert mapbuild.clip(square, (5.0, 5.0, 6.0, 6.0)) == []


def test_topojson_arcs_are_delta_decoded() -> None:
    topology = {"transform": {"scale": [0.5, 2.0], "translate": [10.0, 20.0]}, "arcs": [[[0, 0], [2, 1], [1, -1]]]}
    assert mapbuild.decode_arcs(topology) == [[(10.0, 20.0), (11.0, 22.0), (11.5, 20.0)]]
