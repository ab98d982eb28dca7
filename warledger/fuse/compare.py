"""Is this the same real-world event? A pairwise scorer whose every point comes with a reason.

Public and stable: ``compare(a, b, *, settings) -> MergeDecision``, ``score_pair`` (the same without building
reasons, for the hot loop), ``VETO``, ``FusionSettings``, ``DEFAULT_SETTINGS``, ``format_count``. The weights are
measured on warledger/fuse/data/fusion_pairs.jsonl; docs/fusion.md states the rule.

A pair is kept apart outright (``veto``) by any of: the same article (its mentions are already one incident), no
date or dates more than the reporting lag apart, different countries, places further apart than the radius their
precision allows, an oblast-level report and a place in another oblast, incompatible event types, different
perpetrators, target sets that share nothing, counts that contradict strongly when a place is only oblast-level or
missing, a placeless report that shares no distinctive phrase, and a pair at the edge of the date window (2 days
apart) that does not reach ``threshold`` on its own (so that no event spans more than a day through a chain of
reports). Otherwise the pair is the same event when its score reaches ``threshold``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from warledger.fuse.reports import (
    DATE_WINDOW_DAYS,
    NONE,
    OBLAST,
    PLACE,
    Report,
    haversine_km,
)
from warledger.records import Count

COUNT_NAMES = ("killed", "injured", "missing")


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """The weights and thresholds of ``compare``. Reasons quote the weights' effect, so keep them explainable."""

    threshold: float = 4.5
    """Score a pair needs to be one event when nothing keeps it apart."""
    radius_km: tuple[float, float, float] = (10.0, 25.0, 50.0)
    """How far apart two places may be, by the coarser where_prec (1 exact, 2 near, 3 district). At most 68 km."""
    same_spot_km: float = 2.0
    """Two gazetteer entries closer than this are one spot (a city and its duplicate entry)."""
    same_place: float = 3.0
    """Same gazetteer entry."""
    same_spot: float = 2.5
    """Different entries within ``same_spot_km``, or the same name in the same oblast."""
    near_place: float = 1.0
    """Within the radius of a coarse place ("near X", a district)."""
    neighbour_place: float = -1.0
    """Two different exact places (neighbouring villages): other evidence must carry the merge."""
    place_in_oblast: float = 2.5
    """A place inside the oblast that the other, oblast-level report names."""
    same_oblast: float = 1.5
    """Two oblast-level reports on the same oblast."""
    day_gap: tuple[float, float, float] = (2.0, 0.0, -1.5)
    """Score for incident days 0, 1 and 2 apart (both known to the day)."""
    approximate_gap: tuple[float, float, float] = (1.0, -1.0, -2.5)
    """Score for days 0, 1 and 2 apart when a date is only approximate (a week, a month, or the publication day):
    the same publication day says less than the same incident day."""
    placeless_max_gap: int = 1
    """Oblast-level or placeless reports further apart than this many days are kept apart."""
    same_type: float = 1.0
    compatible_type: float = 0.5
    same_weapon: float = 0.5
    different_weapon: float = -0.25
    shared_target: float = 1.0
    count_match: float = 1.5
    """Both reports give the same exact, non-zero figure."""
    count_zero: float = 0.5
    """Both say nobody (killed, injured or missing)."""
    count_compatible: float = 1.0
    """The figures' ranges overlap ("2" and "at least 2")."""
    count_rise: float = -0.25
    """A later report gives a higher figure: tolls rise as reports come in."""
    count_fall: float = -1.0
    """A later report gives a lower figure."""
    strong_ratio: float = 1.5
    """Non-overlapping figures this far apart (or nobody vs somebody) contradict strongly."""
    open_ratio: float = 3.0
    """An open figure ("at least N") is compatible with figures up to this many times N; beyond, they differ."""
    about_spread: float = 0.2
    """"about N" is read as N +- this fraction."""
    shared_phrase: float = 1.0
    more_phrases: float = 0.5
    same_source: float = 0.5
    """Both name the same source (a governor, a ministry)."""


DEFAULT_SETTINGS = FusionSettings()


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """The verdict on a pair: ``same``, the ``score`` and every reason, positive and negative."""

    same: bool
    score: float
    reasons: list[str]
    veto: bool = False
    """True when a rule keeps the pair apart whatever the score (a hard negative)."""


def format_count(count: Count) -> str:
    """A figure as worded: "5", "at least 2", "up to 10", "about 20", "3-5"."""
    low, high = count.min, count.max
    if low is not None and high is not None and low != high:
        return f"{low}-{high}"
    value = low if low is not None else high
    if count.qualifier in ("exact", "range"):
        return str(value)
    return f"{count.qualifier} {value}"


def _bounds(count: Count, spread: float) -> tuple[float, float]:
    low = float(count.min) if count.min is not None else 0.0
    high = float(count.max) if count.max is not None else math.inf
    if count.qualifier == "about":
        low, high = math.floor(low * (1 - spread)), math.ceil(high * (1 + spread))
    return low, high


def _place(a: Report, b: Report, s: FusionSettings, out: list[str] | None) -> float | None:
    """Score for the places; None when they keep the pair apart."""
    la, lb = a.location, b.location
    if la is None or lb is None or a.place_class == NONE or b.place_class == NONE:
        if out is not None:
            out.append("no place in one report")
        return 0.0
    if a.place_class == OBLAST or b.place_class == OBLAST:
        if la.admin1 != lb.admin1:
            if out is not None:
                out.append(f"oblast {la.admin1} vs {lb.admin1} -> kept apart")
            return None
        if a.place_class == b.place_class:
            if out is not None:
                out.append(f"same oblast {la.admin1}, no place named")
            return s.same_oblast
        if out is not None:
            place = la.name if a.place_class == PLACE else lb.name
            out.append(f"{place} is in {la.admin1}, which the other report names (oblast-level)")
        return s.place_in_oblast
    same_id = bool(la.gazetteer_id and la.gazetteer_id == lb.gazetteer_id)
    same_name = bool(la.name and lb.name and la.name.lower() == lb.name.lower() and la.admin1 == lb.admin1)
    if a.point is not None and b.point is not None:
        distance = 0.0 if a.point == b.point else haversine_km(*a.point, *b.point)
        coarse = max(a.precision, b.precision)
        radius = s.radius_km[min(coarse, 3) - 1]
        if distance > radius:
            if out is not None:
                out.append(f"{la.name} and {lb.name} {distance:.0f} km apart, beyond {radius:g} km -> kept apart")
            return None
    if same_id:
        if out is not None:
            out.append(f"same gazetteer entry {la.gazetteer_id}")
        return s.same_place
    if a.point is not None and b.point is not None:
        if same_name and a.precision == b.precision:
            if out is not None:
                out.append(f"same place name {la.name} in {la.admin1}, {distance:.1f} km apart")
            return s.same_spot
        if distance <= s.same_spot_km:
            if out is not None:
                out.append(f"{la.name} and {lb.name} {distance:.1f} km apart (one spot)")
            return s.same_spot
        if coarse >= 2:
            if out is not None:
                out.append(f"{la.name} and {lb.name} {distance:.0f} km apart, within {radius:g} km")
            return s.near_place
        if out is not None:
            out.append(f"different places {la.name} and {lb.name}, {distance:.0f} km apart")
        return s.neighbour_place
    if same_name:
        if out is not None:
            out.append(f"same place name {la.name} in {la.admin1}")
        return s.same_spot
    if out is not None:
        out.append(f"different places {la.name} vs {lb.name} -> kept apart")
    return None


def _dates(a: Report, b: Report, s: FusionSettings, out: list[str] | None) -> float | None:
    if a.day is None or b.day is None:
        if out is not None:
            out.append("no date -> kept apart")
        return None
    gap = abs(a.day - b.day)
    strict = a.place_class != PLACE or b.place_class != PLACE
    if gap > DATE_WINDOW_DAYS or (strict and gap > s.placeless_max_gap):
        if out is not None:
            out.append(f"dates {gap} days apart -> kept apart")
        return None
    if a.exact_day and b.exact_day:
        if out is not None:
            out.append(f"dates {gap} day{'' if gap == 1 else 's'} apart")
        return s.day_gap[gap]
    if out is not None:
        out.append(f"dates {gap} day{'' if gap == 1 else 's'} apart, one only approximate")
    return s.approximate_gap[gap]


def _kinds(a: Report, b: Report, s: FusionSettings, out: list[str] | None) -> float | None:
    """Event type, perpetrator, targets and weapon."""
    ia, ib = a.incident, b.incident
    score = 0.0
    if ia.event_type and ib.event_type:
        if a.group != b.group:
            if out is not None:
                out.append(f"different types {ia.event_type} vs {ib.event_type} -> kept apart")
            return None
        same = ia.event_type == ib.event_type
        score += s.same_type if same else s.compatible_type
        if out is not None:
            out.append(f"same type {ia.event_type}" if same else
                       f"types compatible {ia.event_type} and {ib.event_type}")
    if a.perpetrator and b.perpetrator and a.perpetrator != b.perpetrator:
        if out is not None:
            out.append(f"different perpetrators {ia.perpetrator} vs {ib.perpetrator} -> kept apart")
        return None
    if a.targets and b.targets:
        shared = a.targets & b.targets
        if not shared:
            if out is not None:
                out.append(
                    f"different targets {', '.join(sorted(a.targets))} vs {', '.join(sorted(b.targets))} -> kept apart"
                )
            return None
        score += s.shared_target
        if out is not None:
            out.append(f"shared targets {', '.join(sorted(shared))}")
    if ia.weapon and ib.weapon:
        same = ia.weapon == ib.weapon
        score += s.same_weapon if same else s.different_weapon
        if out is not None:
            out.append(f"same weapon {ia.weapon}" if same else f"weapons differ {ia.weapon} vs {ib.weapon}")
    return score


def _counts(a: Report, b: Report, s: FusionSettings, out: list[str] | None) -> float | None:
    score = 0.0
    if not a.counts or not b.counts:
        return score
    vague = a.place_class != PLACE or b.place_class != PLACE
    for name, ca in a.counts:
        cb = b.count(name)
        if cb is None:
            continue
        (la, ha), (lb, hb) = _bounds(ca, s.about_spread), _bounds(cb, s.about_spread)
        apart = (math.isinf(ha) or math.isinf(hb)) and max(la, lb) > s.open_ratio * max(min(la, lb), 1.0)
        if la <= hb and lb <= ha and not apart:
            exact = ca.min == ca.max == cb.min == cb.max and ca.qualifier == cb.qualifier == "exact"
            score += (s.count_match if ca.min else s.count_zero) if exact else s.count_compatible
            if out is not None:
                word = "match" if exact else "compatible"
                out.append(f"{name} counts {word} {format_count(ca)} vs {format_count(cb)}")
            continue
        small_high, big_low = min(ha, hb), max(la, lb)
        strong = apart or small_high == 0 or big_low >= s.strong_ratio * max(small_high, 1.0)
        if strong and vague:
            if out is not None:
                out.append(
                    f"{name} counts contradict {format_count(ca)} vs {format_count(cb)} "
                    "and a place is only oblast-level or missing -> kept apart"
                )
            return None
        early, late = (ca, cb) if a.order <= b.order else (cb, ca)
        rise = (late.value or 0) > (early.value or 0)
        score += s.count_rise if rise else s.count_fall
        if out is not None:
            change = "the later report may update the toll" if rise else "the later figure is lower"
            out.append(f"{name} {format_count(early)} then {format_count(late)}: {change}")
    return score


def _sources(a: Report, b: Report, s: FusionSettings, out: list[str] | None) -> float | None:
    score = 0.0
    if a.phrases.isdisjoint(b.phrases):
        if a.place_class == NONE or b.place_class == NONE:
            if out is not None:
                out.append("no place in one report and no shared phrase -> kept apart")
            return None
    else:
        shared = sorted(a.phrases & b.phrases)
        score += s.shared_phrase + (s.more_phrases if len(shared) > 1 else 0.0)
        if out is not None:
            out.append("shared phrase " + ", ".join(f"'{p}'" for p in shared[:3]))
    if not a.sources.isdisjoint(b.sources):
        score += s.same_source
        if out is not None:
            common = next(n for n in b.incident.attributed_to if n.lower() in a.sources)
            out.append(f"same source {common}")
    return score


def _country(a: Report, b: Report, s: FusionSettings, out: list[str] | None) -> float | None:
    if a.country != b.country:
        if out is not None:
            out.append(f"countries {a.country} vs {b.country} -> kept apart")
        return None
    return 0.0


_PARTS = (_dates, _country, _place, _kinds, _counts, _sources)
"""The parts of the score, cheapest and most often decisive first."""


VETO = -math.inf
"""What ``score_pair`` returns for a pair that a rule keeps apart."""


def score_pair(
    a: Report, b: Report, settings: FusionSettings = DEFAULT_SETTINGS, out: list[str] | None = None
) -> float:
    """The pair's score, or ``VETO``; the reasons are appended to ``out`` when given (fusion's fast path omits them).

    The pair is one event when the score reaches ``settings.threshold``.
    """
    if a.order[1] == b.order[1]:
        if out is not None:
            out.append("same article: its mentions are already one incident -> kept apart")
        return VETO
    score = 0.0
    for part in _PARTS:
        value = part(a, b, settings, out)
        if value is None:
            return VETO
        score += value
    if score < settings.threshold and a.day is not None and b.day is not None and \
            abs(a.day - b.day) == DATE_WINDOW_DAYS:
        if out is not None:
            out.append(f"dates {DATE_WINDOW_DAYS} days apart and not the same event on their own -> kept apart")
        return VETO
    return round(score, 3)


def compare(a: Report, b: Report, *, settings: FusionSettings = DEFAULT_SETTINGS) -> MergeDecision:
    """Whether reports ``a`` and ``b`` describe one event, with the score and every reason.

    >>> compare(Report.of(inc_a, meta_a), Report.of(inc_b, meta_b)).reasons   # doctest: +SKIP
    ['dates 0 days apart', 'same gazetteer entry geonames:698740', 'same type Air/drone strike', ...]
    """
    out: list[str] = []
    score = score_pair(a, b, settings, out)
    if score == VETO:
        return MergeDecision(False, 0.0, out, True)
    return MergeDecision(score >= settings.threshold, score, out, False)
