"""Score one extraction against one gold item: the tallies behind every figure, and a list of what went wrong.

``score_item`` is the single place where the rules of the evaluation meet the records:

- items labelled per document (CASE-style) give the document's predicted type, which is the ``event_type`` of its
  most confident incident (the first on a tie) or None when no incident was emitted; a null gold type asks for no
  incident at all;
- items coded per incident are matched and aligned (``match``), then each field is checked on the pair; a
  predicted killed count is also checked against ``report_range``, the killed range summed over every item of the
  same report (``gold.report_ranges``), for ``killed_in_report_range``;
- every extraction is checked for values its text does not support (``support``).

Problem weights order the ``--errors`` listing: a missed or invented incident weighs most, then wrong fields.
"""
from __future__ import annotations

from collections.abc import Sequence

from warledger.eval.gold import GoldClaim, GoldCount, GoldIncident, GoldItem
from warledger.eval.match import (
    Pair,
    align_incidents,
    count_agrees,
    date_gap,
    match_claims,
    oblast_agrees,
    place_agrees,
    type_agrees,
)
from warledger.eval.metrics import ARMED_CONFLICT_TYPES, ItemScore
from warledger.eval.support import check_extraction
from warledger.records import Claim, Count, Extraction, Incident

MISSED, SPURIOUS, INVENTED, WRONG_FIELD = 3.0, 2.0, 3.0, 1.0


def describe_count(count: Count | GoldCount | None) -> str:
    if count is None:
        return "?"
    if isinstance(count, GoldCount) and count.is_range:
        return f"{count.low}-{count.high} (best {count.best})"
    low, high = count.min, count.max
    if low == high:
        return str(low)
    return f"{'' if low is None else low}-{'' if high is None else high}"


def describe_gold_incident(gold: GoldIncident) -> str:
    where = ", ".join(v for v in (gold.place, gold.admin1) if v) or "no place"
    return (f"{gold.date or 'no date'} · {where} · killed {describe_count(gold.killed)} · "
            f"injured {describe_count(gold.injured)} · {gold.event_type or 'no type'}")


def describe_incident(incident: Incident) -> str:
    loc = incident.location
    where = ", ".join(v for v in (loc.name, loc.admin1) if v) if loc else ""
    return (f"{incident.date or 'no date'} · {where or 'no place'} · killed {describe_count(incident.killed)} · "
            f"injured {describe_count(incident.injured)} · {incident.event_type or 'no type'} · "
            f"confidence {incident.confidence:.2f}")


def describe_claim(claim: Claim | GoldClaim) -> str:
    period = f"{claim.period_start or '?'}..{claim.period_end or '?'}"
    return (f"{claim.side} {claim.population} {claim.metric} {claim.min}-{claim.max} ({claim.qualifier}) "
            f"{period}{' projection' if claim.projection else ''} · {claim.claimant or 'no claimant'}")


def document_type(incidents: Sequence[Incident]) -> str | None:
    """The document's predicted event type: its most confident incident's (the first on a tie), else None."""
    if not incidents:
        return None
    best = max(range(len(incidents)), key=lambda i: (incidents[i].confidence, -i))
    return incidents[best].event_type


def _score_document(score: ItemScore, item: GoldItem, incidents: Sequence[Incident]) -> None:
    predicted = document_type(incidents)
    score.type_pairs.append((item.event_type, predicted))
    if item.event_type is None:
        ok = not incidents
        score.ratio("no_incident").add(ok)
        if not ok:
            score.problem(SPURIOUS, f"reports no armed-conflict incident, but {len(incidents)} emitted")
    elif item.event_type in ARMED_CONFLICT_TYPES:
        ok = predicted == item.event_type
        score.ratio("event_type_accuracy").add(ok)
        if not ok:
            score.problem(SPURIOUS, f"event type: predicted {predicted}, gold {item.event_type}")


def _inside(count: Count | None, bounds: tuple[int, int] | None) -> bool:
    """The predicted figure (its min, else its max) lies inside ``bounds``."""
    value = count.value if count is not None else None
    return value is not None and bounds is not None and bounds[0] <= value <= bounds[1]


def _check_fields(score: ItemScore, pair: Pair | None, gold: GoldIncident, incident: Incident | None,
                  report_range: tuple[int, int] | None = None) -> None:
    """Per-field checks on one gold incident and the prediction aligned with it (None when there is none)."""
    label = gold.place or gold.admin1 or gold.date or "incident"
    loc = incident.location if incident is not None else None

    def check(name: str, ok: bool, got: object, want: object) -> None:
        score.ratio(name).add(ok)
        if incident is not None and not ok:
            score.problem(WRONG_FIELD, f"{label}: {name} {got}, gold {want}")

    if gold.admin1:
        check("oblast", incident is not None and oblast_agrees(incident, gold), loc and loc.admin1, gold.admin1)
    if gold.has_place:
        check("place", incident is not None and place_agrees(incident, gold), loc and loc.name, gold.place)
    if gold.date and len(gold.date) >= 10 and gold.date_precision in (None, "day"):
        gap = date_gap(incident, gold) if incident is not None else None
        score.ratio("date_exact").add(gap == 0)
        score.ratio("date_within_1").add(gap is not None and gap <= 1)
        if incident is not None and gap != 0:
            score.problem(WRONG_FIELD, f"{label}: date {incident.date}, gold {gold.date}")
    if gold.event_type in ARMED_CONFLICT_TYPES:
        ok = incident is not None and type_agrees(incident, gold)
        score.ratio("event_type_accuracy").add(ok)
        got = incident.event_type if incident is not None else None
        score.type_pairs.append((gold.event_type, gold.event_type if ok else got))
        if incident is not None and not ok:
            score.problem(WRONG_FIELD, f"{label}: event type {got}, gold {gold.event_type}")
    if pair is None or not pair.matched or incident is None:
        return
    for name in gold.coded:
        ref: GoldCount | None = getattr(gold, name)
        got_count: Count | None = getattr(incident, name)
        ok = count_agrees(got_count, ref)
        if ref is not None and ref.is_range:
            if name == "killed":
                score.ratio("killed_given").add(got_count is not None and got_count.value is not None)
                if got_count is not None and got_count.value is not None:
                    score.ratio("killed_in_range").add(ok)
                    score.ratio("killed_in_report_range").add(ok or _inside(got_count, report_range))
        elif ref is not None or got_count is not None:
            score.ratio(f"{name}_exact").add(ok)
        else:
            continue
        if not ok and (ref is None or not ref.is_range or got_count is not None):
            note = ""
            if name == "killed" and report_range is not None and _inside(got_count, report_range):
                note = f" (inside the report's {report_range[0]}-{report_range[1]})"
            score.problem(WRONG_FIELD,
                          f"{label}: {name} {describe_count(got_count)}, gold {describe_count(ref)}{note}")


def _score_incidents(score: ItemScore, item: GoldItem, incidents: Sequence[Incident],
                     report_range: tuple[int, int] | None = None) -> None:
    score.gold_incidents = len(item.incidents)
    score.predicted_incidents = len(incidents)
    if not item.incidents:
        ok = not incidents
        score.ratio("no_incident").add(ok)
    pairs = align_incidents(incidents, item.incidents)
    by_gold = {pair.gold: pair for pair in pairs}
    score.matched_incidents = sum(1 for pair in pairs if pair.matched)
    for g, gold in enumerate(item.incidents):
        pair = by_gold.get(g)
        incident = incidents[pair.pred] if pair is not None else None
        if pair is None or not pair.matched:
            score.problem(MISSED, f"missed gold incident: {describe_gold_incident(gold)}")
        _check_fields(score, pair, gold, incident, report_range)
    matched_preds = {pair.pred for pair in pairs if pair.matched}
    for p, incident in enumerate(incidents):
        if p not in matched_preds:
            score.problem(SPURIOUS, f"unmatched prediction: {describe_incident(incident)}")


def period_agrees(claim: Claim, gold: GoldClaim) -> bool:
    """Same period, to the precision the gold gives ("2022-02" agrees with "2022-02-24"). An end the gold leaves
    open ("since February 2022") is the time of the report: the prediction may leave it open too, or close it on its
    ``as_of`` date."""
    start_ok = (claim.period_start or "").startswith(gold.period_start) if gold.period_start else not claim.period_start
    if gold.period_end:
        return start_ok and (claim.period_end or "").startswith(gold.period_end)
    return start_ok and claim.period_end in (None, claim.as_of)


def _score_claims(score: ItemScore, item: GoldItem, claims: Sequence[Claim]) -> None:
    score.gold_claims = len(item.claims)
    score.predicted_claims = len(claims)
    pairs = match_claims(claims, item.claims)
    score.matched_claims = len(pairs)
    for pair in pairs:
        gold, claim = item.claims[pair.gold], claims[pair.pred]
        if gold.qualifier is not None:
            score.ratio("claim_qualifier").add(claim.qualifier == gold.qualifier)
        if gold.period_start is not None or gold.period_end is not None:
            score.ratio("claim_period").add(period_agrees(claim, gold))
        if gold.projection is not None:
            score.ratio("claim_projection").add(bool(claim.projection) == gold.projection)
    matched_gold = {pair.gold for pair in pairs}
    matched_pred = {pair.pred for pair in pairs}
    for g, gold in enumerate(item.claims):
        if g not in matched_gold:
            score.problem(MISSED, f"missed gold claim: {describe_claim(gold)}")
    for p, claim in enumerate(claims):
        if p not in matched_pred:
            score.problem(SPURIOUS, f"unmatched claim: {describe_claim(claim)}")


def score_item(item: GoldItem, extraction: Extraction | None, *, set_name: str = "",
               report_range: tuple[int, int] | None = None) -> ItemScore:
    """Score one prediction (None when the extractor skipped the text) against one gold item.

    ``report_range`` is the killed [low, high] summed over the item's report (``gold.report_ranges``), None when
    the item is alone in its report; without it ``killed_in_report_range`` equals ``killed_in_range``."""
    incidents = list(extraction.incidents) if extraction else []
    claims = list(extraction.claims) if extraction else []
    score = ItemScore(item=item, set_name=set_name)
    score.gold_lines = [describe_gold_incident(g) for g in item.incidents] + [describe_claim(c) for c in item.claims]
    if item.labels_document:
        score.gold_lines.insert(0, f"document type: {item.event_type or 'none (no incident)'}")
    score.predicted_lines = [describe_incident(i) for i in incidents] + [describe_claim(c) for c in claims]
    if item.labels_document:
        _score_document(score, item, incidents)
    else:
        _score_incidents(score, item, incidents, report_range)
    _score_claims(score, item, claims)
    text = item.text if extraction is None else f"{item.text}\n\n{extraction.article.text}"
    published = item.published or (extraction.article.published if extraction else None)
    score.invented = check_extraction(incidents, claims, text=text, published=published)
    for kind, values in (("number", score.invented.numbers), ("place", score.invented.places),
                         ("date", score.invented.dates)):
        for value in values:
            score.problem(INVENTED, f"invented {kind}: {value}")
    return score
