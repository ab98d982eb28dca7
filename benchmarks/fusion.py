"""Fusion speed: fuse N synthetic incidents (default 100,000) on one core and report the time.

    .venv/bin/python benchmarks/fusion.py                 # 100,000 incidents
    .venv/bin/python benchmarks/fusion.py --incidents 20000 --seed 7

The incidents are generated, not real: underlying events at random places (a small list of Ukrainian cities and
villages with coordinates), on random days over one year, each reported by 1-5 articles from different
publishers with the variations real reporting has (a toll that rises, a report that names only the oblast, one
that names no place, a date one day off). The target (issue 4) is under 60 s for 100,000 on one core; measured
17.2 s CPU (30-40 s wall with the machine's other core busy), see docs/fusion.md.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from warledger.fuse import ArticleMeta, fuse  # noqa: E402
from warledger.records import Count, Evidence, Incident, Location  # noqa: E402

PLACES = [
    ("Kyiv", "Kyiv City", 50.4501, 30.5234), ("Brovary", "Kyiv Oblast", 50.5110, 30.7909),
    ("Odesa", "Odesa Oblast", 46.4775, 30.7326), ("Pivdennyi", "Odesa Oblast", 46.6222, 31.1011),
    ("Izmail", "Odesa Oblast", 45.3516, 28.8365), ("Kharkiv", "Kharkiv Oblast", 49.9935, 36.2304),
    ("Kupiansk", "Kharkiv Oblast", 49.7106, 37.6156), ("Chuhuiv", "Kharkiv Oblast", 49.8359, 36.6880),
    ("Dnipro", "Dnipropetrovsk Oblast", 48.4647, 35.0462), ("Nikopol", "Dnipropetrovsk Oblast", 47.5672, 34.3947),
    ("Kryvyi Rih", "Dnipropetrovsk Oblast", 47.9105, 33.3918),
    ("Zaporizhzhia", "Zaporizhzhia Oblast", 47.8388, 35.1396),
    ("Huliaipole", "Zaporizhzhia Oblast", 47.6620, 36.2560), ("Orikhiv", "Zaporizhzhia Oblast", 47.5674, 35.7827),
    ("Kherson", "Kherson Oblast", 46.6354, 32.6169), ("Bilozerka", "Kherson Oblast", 46.6364, 32.4411),
    ("Mykolaiv", "Mykolaiv Oblast", 46.9750, 31.9946), ("Sumy", "Sumy Oblast", 50.9077, 34.7981),
    ("Chernihiv", "Chernihiv Oblast", 51.4982, 31.2893), ("Poltava", "Poltava Oblast", 49.5883, 34.5514),
    ("Kramatorsk", "Donetsk Oblast", 48.7231, 37.5563), ("Sloviansk", "Donetsk Oblast", 48.8547, 37.6048),
    ("Pokrovsk", "Donetsk Oblast", 48.2820, 37.1758), ("Lviv", "Lviv Oblast", 49.8397, 24.0297),
]
TYPES = ["Air/drone strike", "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"]
TARGETS = [[], [], ["residential"], ["energy"], ["port"], ["rail"], ["education"], ["health"], ["industry"]]
PUBLISHERS = [f"Outlet {n}" for n in range(40)]
DETAILS = ["apartment block", "power substation", "grain terminal", "passenger train", "school building",
           "city hospital", "bus stop", "shopping centre", "fuel depot", "private houses"]


def synthetic(count: int, seed: int) -> list[tuple[Incident, ArticleMeta]]:
    """``count`` incidents: underlying events reported 1-5 times each, with realistic variations."""
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    items: list[tuple[Incident, ArticleMeta]] = []
    event = 0
    while len(items) < count:
        event += 1
        name, admin1, lat, lon = rng.choice(PLACES)
        day = start + timedelta(days=rng.randrange(365))
        etype, targets, detail = rng.choice(TYPES), rng.choice(TARGETS), rng.choice(DETAILS)
        killed = rng.choice([None, 0, 1, 2, 3, 5, 8])
        for report in range(min(rng.randint(1, 5), count - len(items))):
            n = len(items)
            published = day + timedelta(days=rng.choice([0, 0, 1, 2]))
            place = Location(name, admin1, lat=lat, lon=lon, gazetteer_id=f"test:{name}", precision=1)
            kind = rng.random()
            if kind < 0.1:
                place = Location(admin1, admin1, gazetteer_id=f"oblast:{admin1}", precision=4)
            elif kind < 0.13:
                place = None
            text = f"A strike hit the {detail} in {name}; officials said {killed} were killed."
            toll = None if killed is None else Count(killed + (report if killed else 0), killed + report)
            incident = Incident(
                id=f"inc-{n}", article_id=f"art-{n}",
                date=(day + timedelta(days=rng.choice([0, 0, 0, 1]))).isoformat(), date_precision="day",
                event_type=etype, weapon=None, location=place, perpetrator="Russia", targets=list(targets),
                killed=toll, injured=None, missing=None, attributed_to=[rng.choice(["", "governor"])][:1] if
                report else [], evidence=[Evidence("event_type", text, 0, len(text))], confidence=0.8,
            )
            items.append((incident, ArticleMeta(f"art-{n}", rng.choice(PUBLISHERS), published.isoformat())))
    rng.shuffle(items)
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    items = synthetic(args.incidents, args.seed)
    began, began_cpu = time.perf_counter(), time.process_time()
    events = fuse(items)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    merged = sum(len(e.members) > 1 for e in events)
    print(f"fused {len(items):,} incidents into {len(events):,} events ({merged:,} with several reports) "
          f"in {elapsed:.1f} s wall, {cpu:.1f} s CPU on one core ({len(items) / cpu:,.0f} incidents per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
