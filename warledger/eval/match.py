"""Pairing predicted records with gold records.

Incidents. A predicted incident **matches** a gold one when all of these hold:

- *location*: the places agree (``places``: same gazetteer entry, same place key, or within 10 km), or the
  oblasts agree; when the gold has neither a place nor an oblast, the prediction must not name an oblast either;
- *date*: the dates are at most one day apart, or both are null; a gold null date (UCDP's week- or month-precise
  events) is unknown to the coder and is not a criterion;
- *evidence*: when the gold gives evidence sentences, one of the prediction's evidence spans lies inside one of
  them, contains one, or shares a run of four words with one.

Matching is one-to-one and greedy: compatible pairs are taken best score first (``pair_score``). The gold incidents
left over are then **aligned** with the predictions left over, best score first, whatever their agreement, so that
per-field accuracy (oblast, place, date, event type) is measured for every gold incident that has a prediction
beside it, and counted wrong when it has none.

Claims match when side, metric, min and max are equal, and the claimant too when the gold names one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from warledger.eval.gold import GoldClaim, GoldCount, GoldIncident
from warledger.eval.places import (
    NEAR_KM,
    distance_km,
    gazetteer_ids,
    is_area_name,
    oblast_key,
    place_key,
)
from warledger.records import Claim, Count, Incident

_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"[\w’']+")
SHARED_WORDS = 4
"""Two evidence texts overlap when they share a run of this many words (or one contains the other)."""


def predicted_oblast(incident: Incident) -> str | None:
    return oblast_key(incident.location.admin1) if incident.location else None


def place_agrees(incident: Incident, gold: GoldIncident) -> bool:
    """True when the prediction names the gold's place (a town, a village or a district; not an oblast)."""
    loc = incident.location
    if loc is None or not gold.has_place or gold.place is None:
        return False
    if (loc.gazetteer_id or "").startswith(("oblast:", "country:")):
        return False
    if loc.gazetteer_id and loc.gazetteer_id in gazetteer_ids(gold.place):
        return gold.admin1 is None or oblast_agrees(incident, gold)
    gold_key = place_key(gold.place)
    if loc.name and not is_area_name(loc.name) and place_key(loc.name) == gold_key:
        return True
    if gold.where_prec == 3 and loc.admin2 and place_key(loc.admin2) == gold_key:
        return True
    near = gold.where_prec is None or gold.where_prec <= 2
    if near and None not in (loc.lat, loc.lon, gold.lat, gold.lon) and not is_area_name(loc.name):
        return distance_km(loc.lat, loc.lon, gold.lat, gold.lon) <= NEAR_KM  # type: ignore[arg-type]
    return False


def oblast_agrees(incident: Incident, gold: GoldIncident) -> bool:
    """Same oblast key; a gold without an oblast agrees only with a prediction without one."""
    return predicted_oblast(incident) == oblast_key(gold.admin1)


def location_agrees(incident: Incident, gold: GoldIncident) -> bool:
    if place_agrees(incident, gold):
        return True
    return oblast_agrees(incident, gold)


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_gap(incident: Incident, gold: GoldIncident) -> int | None:
    """Days between the predicted and the gold date; None when either is missing or not day-precise."""
    mine, theirs = _day(incident.date), _day(gold.date)
    if mine is None or theirs is None:
        return None
    return abs((mine - theirs).days)


def date_agrees(incident: Incident, gold: GoldIncident) -> bool:
    if gold.date is None:
        return True
    if incident.date is None:
        return False
    if len(gold.date) < 10:
        return incident.date.startswith(gold.date)
    gap = date_gap(incident, gold)
    return gap is not None and gap <= 1


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def texts_overlap(one: str, other: str) -> bool:
    """True when one text contains the other or they share a run of ``SHARED_WORDS`` words."""
    a, b = _normal(one), _normal(other)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    words_a, words_b = _WORDS.findall(a), _WORDS.findall(b)
    runs = {tuple(words_b[i : i + SHARED_WORDS]) for i in range(len(words_b) - SHARED_WORDS + 1)}
    return any(tuple(words_a[i : i + SHARED_WORDS]) in runs for i in range(len(words_a) - SHARED_WORDS + 1))


def evidence_agrees(incident: Incident, gold: GoldIncident) -> bool:
    """True when the gold gives no evidence, or a predicted span overlaps a gold evidence sentence."""
    if not gold.evidence:
        return True
    return any(texts_overlap(span.text, sentence) for span in incident.evidence for sentence in gold.evidence)


def count_agrees(count: Count | None, gold: GoldCount | None) -> bool:
    """Exact min and max for a worded gold toll; for a UCDP toll, the predicted figure inside [low, high]."""
    if gold is None or count is None:
        return gold is None and count is None
    if gold.is_range:
        value, bounds = count.value, gold.bounds
        return value is not None and bounds is not None and bounds[0] <= value <= bounds[1]
    return (count.min, count.max) == (gold.min, gold.max)


def type_agrees(incident: Incident, gold: GoldIncident) -> bool:
    return incident.event_type is not None and incident.event_type in (gold.event_type, *gold.event_type_also_ok)


def incident_matches(incident: Incident, gold: GoldIncident) -> bool:
    """The match rule of the module docstring: location, date and evidence agree."""
    return location_agrees(incident, gold) and date_agrees(incident, gold) and evidence_agrees(incident, gold)


def pair_score(incident: Incident, gold: GoldIncident) -> float:
    """How alike two incidents are; orders the greedy matching and alignment (higher is better)."""
    score = 0.0
    score += 3.0 if place_agrees(incident, gold) else 0.0
    score += 2.0 if gold.admin1 and oblast_agrees(incident, gold) else 0.0
    score += 2.0 if gold.evidence and evidence_agrees(incident, gold) else 0.0
    gap = date_gap(incident, gold)
    score += 1.0 if gap == 0 else 0.5 if gap == 1 else 0.0
    score += 1.0 if gold.killed is not None and count_agrees(incident.killed, gold.killed) else 0.0
    score += 0.5 if gold.injured is not None and count_agrees(incident.injured, gold.injured) else 0.0
    score += 0.5 if gold.event_type and type_agrees(incident, gold) else 0.0
    return score


@dataclass(frozen=True, slots=True)
class Pair:
    """Gold record ``gold`` (an index) beside prediction ``pred``; ``matched`` when the match rule holds."""

    gold: int
    pred: int
    matched: bool
    score: float


def _greedy(scores: list[tuple[float, int, int]], taken_gold: set[int], taken_pred: set[int]) -> list[tuple[int, int]]:
    chosen = []
    for _, g, p in sorted(scores, key=lambda s: (-s[0], s[1], s[2])):
        if g in taken_gold or p in taken_pred:
            continue
        taken_gold.add(g)
        taken_pred.add(p)
        chosen.append((g, p))
    return chosen


def align_incidents(predicted: Sequence[Incident], gold: Sequence[GoldIncident]) -> list[Pair]:
    """Match, then align the rest (module docstring); pairs are sorted by gold index."""
    scores = {(g, p): pair_score(inc, ref) for g, ref in enumerate(gold) for p, inc in enumerate(predicted)}
    matching = [(s, g, p) for (g, p), s in scores.items() if incident_matches(predicted[p], gold[g])]
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    pairs = [Pair(g, p, True, scores[g, p]) for g, p in _greedy(matching, taken_gold, taken_pred)]
    rest = [(s, g, p) for (g, p), s in scores.items()]
    pairs += [Pair(g, p, False, scores[g, p]) for g, p in _greedy(rest, taken_gold, taken_pred)]
    return sorted(pairs, key=lambda pair: pair.gold)


_STOP = frozenset({"for", "and", "of", "the", "on", "in", "s", "a", "an"})
_GENERIC = frozenset({
    "ministry", "office", "service", "staff", "government", "report", "officials", "authors", "study", "intelligence",
    "military", "army", "president", "defence", "defense", "agency", "department", "mission", "prosecutor",
})
"""Words that name a kind of body, not one body: "Ministry" alone is no claimant to compare."""


def _words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", name.replace("’", "'").replace("'s", ""))


def _initials(name: str) -> str:
    """``"UK Ministry of Defence"`` -> "ukmd", ``"UK MoD"`` -> "ukmd", ``"CSIS"`` -> "csis"."""
    out = []
    for word in _words(name):
        if word.lower() in _STOP:
            continue
        if word.isupper() and len(word) > 1:
            out.append(word.lower())
        elif any(ch.isupper() for ch in word[1:]):
            out.append("".join(ch for ch in word if ch.isupper()).lower())
        else:
            out.append(word[0].lower())
    return "".join(out)


def _specific(name: str) -> bool:
    """True when a name can stand for one body: two or more words, or one word that is not generic."""
    words = [w.lower() for w in _words(name) if w.lower() not in _STOP]
    return len(words) >= 2 or any(w not in _GENERIC for w in words)


def _vocabulary_names(name: str) -> set[str]:
    """The names ``vocab/claimants.tsv`` gives the bodies that ``name`` is a spelling of."""
    from warledger.extract.cues import find_cues  # the claimant vocabulary, only when a claimant is compared

    return {cue.label for cue in find_cues("claimants", name, case_sensitive=True)}


def claimant_agrees(predicted: str | None, gold: str | None) -> bool:
    """Same claimant, however named: ``"CSIS"`` = ``"Center for Strategic and International Studies"`` = ``"the
    CSIS report"``; ``"UK MoD"`` = ``"UK Ministry of Defence"``; ``"Ukraine's General Staff"`` = ``"General Staff
    of the Armed Forces of Ukraine"`` (one's words all in the other). A gold without a claimant agrees with any."""
    if not gold:
        return True
    if not predicted:
        return False
    if predicted in _vocabulary_names(gold):  # "OHCHR" = "the UN Human Rights Monitoring Mission in Ukraine"
        return True
    a, b = re.sub(r"[^a-z0-9]", "", predicted.lower()), re.sub(r"[^a-z0-9]", "", gold.lower())
    shorter = predicted if len(a) <= len(b) else gold
    if a and b and (a in b or b in a) and _specific(shorter):
        return True
    short_a, short_b = _initials(predicted), _initials(gold)
    if len(short_a) >= 2 and len(short_b) >= 2 and (short_a == short_b or short_a == b or short_b == a):
        return True
    words_a = {w.lower() for w in _words(predicted)} - _STOP
    words_b = {w.lower() for w in _words(gold)} - _STOP
    return len(words_a) >= 2 and len(words_b) >= 2 and (words_a <= words_b or words_b <= words_a)


def _side(value: str | None) -> str:
    return (value or "").strip().lower()


_OPEN_ABOVE = frozenset({"more than", "at least"})
_OPEN_BELOW = frozenset({"up to"})


def _bounds(low: int | None, high: int | None, qualifier: str | None) -> tuple[int | None, int | None]:
    """A figure's bounds with its open end left open: "more than 2,000" is (2000, None) whether a set writes its
    max as null or as 2,000 again (gold sets differ), "up to 350,000" is (None, 350000)."""
    if qualifier in _OPEN_ABOVE and (high is None or high == low):
        return low, None
    if qualifier in _OPEN_BELOW and (low is None or low == high):
        return None, high
    return low, high


def claim_matches(claim: Claim, gold: GoldClaim) -> bool:
    return (
        _side(claim.side) == _side(gold.side)
        and claim.metric == gold.metric
        and _bounds(claim.min, claim.max, claim.qualifier) == _bounds(gold.min, gold.max, gold.qualifier)
        and claimant_agrees(claim.claimant, gold.claimant)
    )


def match_claims(
    predicted: Sequence[Claim], gold: Sequence[GoldClaim], *, rule: Callable[[Claim, GoldClaim], bool] = claim_matches
) -> list[Pair]:
    """One-to-one matching of claims under ``rule``, the gold's order first; pairs sorted by gold index."""
    taken: set[int] = set()
    pairs = []
    for g, ref in enumerate(gold):
        for p, claim in enumerate(predicted):
            if p not in taken and rule(claim, ref):
                taken.add(p)
                pairs.append(Pair(g, p, True, 1.0))
                break
    return pairs
