"""The pairwise scorer: explainable reasons, hard negatives, and its agreement with blocking."""
from __future__ import annotations

from fuse_builders import PLACES, at_least, exact, oblast, place, report
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.fuse.compare import VETO, compare, format_count, score_pair
from warledger.fuse.reports import BlockIndex, Report, blocked, phrases
from warledger.records import Count, Location


def test_same_place_same_day_gives_explained_merge() -> None:
    a = report("a", location=place("odesa"), killed=exact(2), text="Drones hit a passenger train in Odesa.")
    b = report("b", location=place("odesa"), killed=at_least(2), text="At least two died on the passenger train.",
               published="2026-01-28T12:00:00+00:00")
    decision = compare(a, b)
    assert decision.same and not decision.veto
    assert "same gazetteer entry geonames:698740" in decision.reasons
    assert "dates 0 days apart" in decision.reasons
    assert "killed counts compatible 2 vs at least 2" in decision.reasons
    assert "shared phrase 'passenger train'" in decision.reasons
    assert decision.score == score_pair(a, b)


def test_same_city_same_night_different_targets_kept_apart() -> None:
    a = report("a", location=place("odesa"), targets=("port",))
    b = report("b", location=place("odesa"), targets=("energy",))
    decision = compare(a, b)
    assert decision.veto and not decision.same
    assert "different targets port vs energy -> kept apart" in decision.reasons


def test_incompatible_types_kept_apart_but_drone_and_missile_coding_compatible() -> None:
    clash = report("a", location=place("kharkiv"), event_type="Armed clash")
    strike = report("b", location=place("kharkiv"), event_type="Air/drone strike")
    shelling = report("c", location=place("kharkiv"), event_type="Shelling/artillery/missile attack")
    assert compare(clash, strike).veto
    assert "different types Armed clash vs Air/drone strike -> kept apart" in compare(clash, strike).reasons
    both = compare(strike, shelling)
    assert both.same
    assert "types compatible Air/drone strike and Shelling/artillery/missile attack" in both.reasons


def test_oblast_level_report_with_contradicting_counts_kept_apart() -> None:
    city = report("a", location=place("dnipro"), killed=exact(12))
    region = report("b", location=oblast("Dnipropetrovsk Oblast"), killed=exact(0))
    decision = compare(city, region)
    assert decision.veto
    assert any("contradict 12 vs 0" in r for r in decision.reasons)


def test_contradicting_counts_at_one_place_are_a_toll_update_not_a_veto() -> None:
    first = report("a", location=place("dnipro"), killed=exact(12), published="2026-01-28T08:00:00")
    later = report("b", location=place("dnipro"), killed=exact(23), published="2026-01-29T08:00:00")
    decision = compare(later, first)
    assert decision.same
    assert "killed 12 then 23: the later report may update the toll" in decision.reasons


def test_distance_threshold_depends_on_precision() -> None:
    kyiv = report("a", location=place("kyiv"), killed=exact(2))
    brovary = report("b", location=place("brovary"), killed=exact(2))
    near_kyiv = report("c", location=place("kyiv", near=True, precision=2), killed=exact(2))
    assert compare(kyiv, brovary).veto  # 20 km apart, both exact places: beyond 10 km
    assert any("beyond 10 km" in r for r in compare(kyiv, brovary).reasons)
    assert compare(near_kyiv, brovary).same  # "near Kyiv" reaches 25 km
    assert any("within 25 km" in r for r in compare(near_kyiv, brovary).reasons)


def test_neighbouring_places_need_more_than_place_and_type() -> None:
    a = report("a", location=place("kupiansk"))
    b = report("b", location=place("kupiansk_v"))
    decision = compare(a, b)
    assert not decision.same and not decision.veto
    assert any(r.startswith("different places Kupiansk and Kupiansk-Vuzlovyi") for r in decision.reasons)


def test_week_apart_same_article_and_placeless_without_phrase_are_vetoes() -> None:
    a = report("a", location=place("sumy"), killed=exact(1))
    assert compare(a, report("b", location=place("sumy"), killed=exact(1), date="2026-02-04")).reasons == [
        "dates 7 days apart -> kept apart"]
    twin = report("c", article="art-a", location=place("sumy"), killed=exact(1))
    assert compare(a, twin).veto
    vague = report("d", location=None, killed=exact(1), text="One person died in a drone attack.")
    assert "no place in one report and no shared phrase -> kept apart" in compare(a, vague).reasons


def test_different_perpetrators_and_countries_are_vetoes() -> None:
    a = report("a", location=place("kharkiv"), perpetrator="Russia")
    b = report("b", location=place("kharkiv"), perpetrator="Ukraine")
    assert compare(a, b).veto
    russian = Location("Belgorod", "Belgorod Oblast", "RU", lat=50.6, lon=36.6, gazetteer_id="geonames:578072",
                       precision=1)
    assert compare(a, report("c", location=russian)).veto


def test_format_count() -> None:
    assert format_count(Count(2, 2)) == "2"
    assert format_count(Count(2, None, "at least")) == "at least 2"
    assert format_count(Count(None, 10, "up to")) == "up to 10"
    assert format_count(Count(3, 5, "range")) == "3-5"
    assert format_count(Count(20, 20, "about")) == "about 20"


def test_phrases_skip_generic_war_words() -> None:
    found = phrases(["A Russian drone attack killed five people on a passenger train near the port infrastructure."])
    assert "passenger train" in found and "port infrastructure" in found
    assert "drone attack" not in found and "five people" not in found


# -- property: blocking and scoring agree ---------------------------------------------------------------------------

locations = st.one_of(
    st.none(),
    st.sampled_from(sorted(PLACES)).map(place),
    st.sampled_from(sorted(PLACES)).map(lambda k: place(k, near=True, precision=2)),
    st.sampled_from(["Odesa Oblast", "Kharkiv Oblast", "Kyiv Oblast"]).map(oblast),
)
counts = st.one_of(st.none(), st.integers(0, 30).map(exact), st.integers(0, 30).map(at_least))
reports = st.builds(
    lambda n, loc, day, etype, targets, killed, words, hour: report(
        f"i{n}", article=f"art-{n % 5}", location=loc, date=f"2026-03-{day:02d}", event_type=etype,
        targets=tuple(targets), killed=killed, text=" ".join(words), published=f"2026-03-{day:02d}T{hour:02d}:00:00"),
    st.integers(0, 10_000),
    locations,
    st.integers(1, 9),
    st.sampled_from([None, "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack"]),
    st.lists(st.sampled_from(["port", "energy", "residential", "rail"]), max_size=2, unique=True),
    counts,
    st.lists(st.sampled_from(["passenger", "train", "grain", "terminal", "apartment", "block", "bus"]), max_size=5),
    st.integers(0, 23),
)


@settings(max_examples=300, deadline=None)
@given(reports, reports)
def test_unblocked_pairs_are_vetoed_and_scores_are_symmetric(a: Report, b: Report) -> None:
    if a.id == b.id:
        return
    assert score_pair(a, b) == score_pair(b, a)
    assert blocked(a, b) == blocked(b, a)
    if not blocked(a, b):
        assert score_pair(a, b) == VETO
    index = BlockIndex([b])
    assert (b in index.candidates(a)) == blocked(a, b)


def test_edge_of_the_window_needs_a_merge_on_its_own() -> None:
    monday = report("a", location=place("kharkiv"), date="2026-03-02", killed=exact(1))
    wednesday = report("b", location=place("kharkiv"), date="2026-03-04", killed=exact(2))
    decision = compare(monday, wednesday)
    assert decision.veto
    assert decision.reasons[-1] == "dates 2 days apart and not the same event on their own -> kept apart"
    phrased = dict(text="The grain terminal and the passenger train were hit.")
    strong = compare(report("c", location=place("kharkiv"), date="2026-03-02", killed=exact(3), **phrased),
                     report("d", location=place("kharkiv"), date="2026-03-04", killed=exact(3), **phrased))
    assert strong.same


def test_an_open_figure_is_not_compatible_with_a_much_larger_one() -> None:
    region = report("a", location=oblast("Kharkiv Oblast"), killed=at_least(1))
    city = report("b", location=place("kharkiv"), killed=at_least(1000))
    assert compare(region, city).veto
    assert compare(report("c", location=place("kharkiv"), killed=at_least(2)),
                   report("d", location=place("kharkiv"), killed=exact(5))).reasons.count(
        "killed counts compatible at least 2 vs 5") == 1
