"""Fusion into events: hard negatives, the oblast-level rule, stable ids, tolls, and incremental == full rebuild."""
from __future__ import annotations

import random
from typing import Any

from fuse_builders import exact, item, oblast, place
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.fuse import ArticleMeta, fuse, fuse_incremental
from warledger.fuse.events import event_id
from warledger.records import Event, Incident

Item = tuple[Incident, ArticleMeta]


def _groups(events: list[Event]) -> set[frozenset[str]]:
    return {frozenset(m.incident_id for m in e.members) for e in events}


def test_reports_of_one_event_become_one_event_with_reasons() -> None:
    events = fuse([
        item("a", location=place("kharkiv"), killed=exact(3), published="2026-01-28T08:00:00"),
        item("b", location=place("kharkiv"), killed=exact(3), published="2026-01-28T09:00:00"),
        item("c", location=place("sumy"), killed=exact(3), published="2026-01-28T10:00:00"),
    ])
    assert _groups(events) == {frozenset({"a", "b"}), frozenset({"c"})}
    merged = next(e for e in events if len(e.members) == 2)
    assert merged.id == event_id("a")
    assert merged.members[1].linked_to == "a"
    assert "same gazetteer entry geonames:706483" in merged.members[1].reasons
    single = next(e for e in events if len(e.members) == 1)
    assert single.members[0].score is None and single.members[0].reasons == []


def test_same_city_same_night_different_targets_stay_two_events() -> None:
    events = fuse([
        item("port", location=place("odesa"), targets=("port",), injured=exact(2)),
        item("energy", location=place("odesa"), targets=("energy",), injured=exact(2)),
    ])
    assert len(events) == 2


def test_oblast_level_report_joins_only_a_single_candidate() -> None:
    city = item("city", location=place("odesa"), targets=("port",))
    region = item("region", location=oblast("Odesa Oblast"), published="2026-01-28T12:00:00+00:00")
    assert _groups(fuse([city, region])) == {frozenset({"city", "region"})}
    other = item("other", location=place("odesa"), targets=("energy",))
    assert _groups(fuse([city, region, other])) == {frozenset({"city"}), frozenset({"region"}), frozenset({"other"})}


def test_chain_through_a_vague_report_does_not_merge_a_hard_negative() -> None:
    vague = item("vague", location=None, text="Drones hit Odesa overnight, damaging the grain terminal.")
    port = item("port", location=place("odesa"), targets=("port",), text="The grain terminal in Odesa was hit.")
    energy = item("energy", location=place("odesa"), targets=("energy",), text="A grain terminal substation burned.")
    events = fuse([vague, port, energy])
    assert not any({"port", "energy"} <= {m.incident_id for m in e.members} for e in events)


def test_ids_are_stable_across_runs_and_unrelated_articles() -> None:
    base = [item("a", location=place("kyiv")), item("b", location=place("kyiv"), published="2026-01-28T09:00:00")]
    first = {e.id for e in fuse(base)}
    assert first == {e.id for e in fuse(list(reversed(base)))}
    unrelated = [item(f"x{n}", location=place("sumy"), date=f"2026-02-{n + 10:02d}") for n in range(5)]
    assert first <= {e.id for e in fuse(base + unrelated)}


def test_an_earlier_report_changes_the_id_and_the_old_one_is_kept() -> None:
    later = [item("b", location=place("kyiv"), published="2026-01-28T09:00:00")]
    old = fuse(later)
    earlier = item("a", location=place("kyiv"), published="2026-01-28T07:00:00")
    new = fuse([*later, earlier], previous=old)
    assert len(new) == 1
    assert new[0].id == event_id("a")
    assert new[0].supersedes == [event_id("b")]


def test_toll_history_low_best_high() -> None:
    events = fuse([
        item("a", location=place("dnipro"), killed=exact(12), published="2026-01-28T08:00:00",
             text="At least 12 people were killed.", killed_text="12 people were killed", publisher="Wire A"),
        item("b", location=place("dnipro"), killed=exact(23), published="2026-01-29T08:00:00",
             attributed_to=("Serhii Lysak",), publisher="Wire B"),
        item("c", location=place("dnipro"), killed=exact(20), published="2026-01-30T08:00:00", publisher="Blog"),
    ])
    assert len(events) == 1
    toll = events[0].killed
    assert toll is not None
    assert (toll.low, toll.best, toll.high) == (12, 23, 23)  # best: latest attributed, not the latest
    assert [p.min for p in toll.history] == [12, 23, 20]
    assert toll.history[0].evidence == "12 people were killed"
    assert toll.history[1].attributed_to == ["Serhii Lysak"]
    assert events[0].injured is None


def test_event_fields_follow_the_majority_and_the_finest_place() -> None:
    events = fuse([
        item("a", location=oblast("Kharkiv Oblast"), event_type="Shelling/artillery/missile attack"),
        item("b", location=place("kharkiv"), event_type="Air/drone strike", published="2026-01-28T09:00:00"),
        item("c", location=place("kharkiv"), event_type="Air/drone strike", published="2026-01-28T10:00:00"),
    ])
    assert len(events) == 1
    assert events[0].event_type == "Air/drone strike"
    assert events[0].location is not None and events[0].location.name == "Kharkiv"
    assert events[0].first_published == "2026-01-28T08:00:00+00:00"


def test_incremental_ignores_known_incidents() -> None:
    items = [item("a", location=place("kyiv")), item("b", location=place("kyiv"), published="2026-01-28T09:00:00")]
    events = fuse(items)
    assert fuse_incremental(items[:1], events, known=items) == events


# -- incremental == full rebuild ------------------------------------------------------------------------------------

def _corpus(seed: int, size: int) -> list[Item]:
    """Reports of a few underlying events at a few places over a few days, with realistic variation."""
    rng = random.Random(seed)
    keys = ["odesa", "pivdennyi", "kharkiv", "kupiansk", "kyiv", "brovary"]
    items = []
    for n in range(size):
        key = rng.choice(keys)
        loc = place(key) if rng.random() > 0.15 else oblast(place(key).admin1 or "")
        if rng.random() < 0.05:
            loc = None
        day = rng.randint(1, 6)
        items.append(item(
            f"i{n:03d}", article=f"art{rng.randint(0, size)}", location=loc, date=f"2026-04-{day:02d}",
            published=f"2026-04-{day + rng.randint(0, 1):02d}T{rng.randint(0, 23):02d}:00:00",
            event_type=rng.choice(["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", None]),
            targets=tuple(rng.sample(["port", "energy", "residential"], rng.randint(0, 1))),
            killed=rng.choice([None, exact(1), exact(2), exact(5)]),
            text=rng.choice(["The grain terminal was hit.", "A passenger train was hit.", "Homes were hit."]),
        ))
    return items


def _comparable(events: list[Event]) -> list[dict[str, Any]]:
    out = []
    for event in events:
        plain = event.to_dict()
        plain.pop("supersedes")
        out.append(plain)
    return out


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 60), st.integers(1, 4), st.randoms(use_true_random=False))
def test_incremental_equals_full_rebuild(seed: int, size: int, batches: int, shuffle: random.Random) -> None:
    items = _corpus(seed, size)
    full = fuse(items)
    order = list(items)
    shuffle.shuffle(order)
    cuts = sorted(shuffle.sample(range(1, size), min(batches, size - 1)))
    events: list[Event] = []
    known: list[Item] = []
    for start, end in zip([0, *cuts], [*cuts, size], strict=True):
        batch = order[start:end]
        events = fuse_incremental(batch, events, known=known)
        known += batch
    assert _comparable(events) == _comparable(full)
