"""Aggregate casualty estimates as data: side, population, metric, range, period, projection, claimant, disputes.

"The report said Russia suffered 1.2 million casualties, including up to 325,000 troop deaths, between February
2022 and December 2025" gives two claims (casualties 1.2m exact; killed up to 325,000), both for Russia's military,
both over Feb 2022 - Dec 2025, both by the claimant "the report" refers to. Claimants are resolved across the
article: "the report", "the authors", "it estimated" point to the last named claimant (or, before any is named, the
first one named after). Headlines are not read for claims: they round and merge figures that the body states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from warledger.extract.analysis import Analysis, Sentence
from warledger.extract.attribution import find_attribution
from warledger.extract.cues import find_cues, first_label, line_pattern
from warledger.extract.dates import DateMatch
from warledger.extract.numbers import NumberMatch
from warledger.records import Claim, Evidence, stable_id

MIN_AGGREGATE = 1000
"""A casualty figure this large is an aggregate estimate even without words like "since the war began"."""

_METRIC_AFTER = re.compile(
    r"\s*(?:(?:Russian|Ukrainian|military|troop|combat|soldier|civilian|more|total|in|battlefield|confirmed|"
    r"irrecoverable|of|whom|were|have been|had been|people|soldiers|troops|servicemen|civilians|personnel)\s+){0,3}"
    r"(?P<metric>casualties|losses|deaths|dead|killed|fatalities|wounded|injured|missing|captured|"
    r"prisoners of war|POWs|killed (?:or|and) (?:wounded|injured)|dead (?:or|and) (?:wounded|injured))\b",
    re.I,
)
_METRIC_BEFORE = re.compile(
    r"(?P<metric>casualties|losses|deaths|death toll|fatalities|killed, injured or missing|killed or wounded|"
    r"killed and wounded|dead and wounded|number of (?:\w+ ){0,3}(?:killed|dead|wounded|casualties)"
    r"(?:,? (?:injured|wounded|missing)){0,2}(?:,? (?:or|and) (?:injured|wounded|missing|captured))?)\b"
    r"[^.;]{0,80}?(?:could |would |will |may |has |have |had )?"
    r"(?:hit|reach(?:ed)?|stands? at|stood at|rose to|risen to|"
    r"top(?:ped)?|exceed(?:ed|s)?|surpass(?:ed)?|near(?:ing)?|at|of|to|total(?:led|ed)?|is|are|was|were|numbers?)\s*$",
    re.I,
)
_METRIC_OF = {
    "casualties": "casualties",
    "losses": "casualties",
    "deaths": "killed",
    "dead": "killed",
    "killed": "killed",
    "fatalities": "killed",
    "wounded": "injured",
    "injured": "injured",
    "missing": "missing",
    "captured": "captured",
    "prisoners of war": "captured",
    "pows": "captured",
    "death toll": "killed",
}
_MILITARY = re.compile(
    r"\b(?:soldiers?|troops?|military|servicemen|serviceman|army|armies|combat|combatants|fighters|personnel|"
    r"battlefield|in action)\b",
    re.I,
)
_CIVILIAN = re.compile(r"\bcivilians?\b|\bchildren\b|\bnon-combatants\b", re.I)
_ANAPHORIC_SOURCE = re.compile(
    r"\b(?:the|a|an|this|that|its|their|new) (?:report|study|analysis|estimate|assessment|authors|researchers|"
    r"think[- ]tank|paper|survey|review)\b|\bit (?:estimated|said|found|calculated|added)\b"
    r"|\bthey (?:estimated|said|found)\b",
    re.I,
)
_DISPUTER_AFTER = re.compile(r"\bby (?:the )?(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})")
_DISPUTER_BEFORE = re.compile(
    r"(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})\s+(?:has |have |had )?"
    r"(?:dismissed|rejected|denied|disputed|refuted|called)"
)


@dataclass(frozen=True, slots=True)
class ClaimFigure:
    number: NumberMatch
    metric: str
    start: int
    end: int


def claim_figures(sentence: Sentence) -> list[ClaimFigure]:
    """Figures in a sentence that count casualties in aggregate (sentence-relative offsets)."""
    aggregate_cue = bool(find_cues("claim_cues", sentence.text)) and any(
        c.label == "aggregate" for c in find_cues("claim_cues", sentence.text)
    )
    found = []
    for number in sentence.numbers:
        value = number.count.max if number.count.max is not None else number.count.min
        if number.unit is not None or value is None:
            continue
        after = _METRIC_AFTER.match(sentence.text, number.end)
        before = _METRIC_BEFORE.search(sentence.text[: number.start])
        if after:
            metric, start, end = _metric(after.group("metric")), number.start, after.end()
        elif before:
            metric, start, end = _metric(before.group("metric")), before.start(), number.end
        else:
            continue
        if value >= MIN_AGGREGATE or (aggregate_cue and _has_period_or_total(sentence)):
            found.append(ClaimFigure(number, metric, start, end))
    return found


def _metric(words: str) -> str:
    low = words.lower()
    if any(k in low for k in ("casualties", "losses", " or ", " and ", "injured or missing")):
        return "casualties"
    for key, metric in _METRIC_OF.items():
        if key in low:
            return metric
    return "casualties"


def _has_period_or_total(sentence: Sentence) -> bool:
    return any(d.kind == "period" for d in sentence.dates) or bool(
        re.search(r"\bsince\b|\bso far\b|\bin total\b|\bto date\b|\bthe war\b|\bfull-scale\b", sentence.text, re.I)
    )


def is_aggregate(sentence: Sentence) -> bool:
    """True when the sentence states an aggregate estimate (a claim), so it is not read as one incident."""
    return bool(claim_figures(sentence))


def find_claims(analysis: Analysis) -> list[Claim]:
    """The casualty claims of one analysed article, deduplicated, with claimants and disputes resolved."""
    named = _claimant_mentions(analysis)
    claims: list[Claim] = []
    last_period: tuple[str | None, str | None] = (None, None)
    for sentence in analysis.sentences:
        if sentence.block.kind == "title":
            continue
        figures = claim_figures(sentence)
        if figures:
            claimant, claimant_ev = _claimant(sentence, named)
            period = _period(sentence.dates)
            projection = bool(line_pattern("projection_cues").search(sentence.text))
            if period == (None, None) or (projection and period[0] is None):
                period = (last_period[0], period[1] or (None if projection else last_period[1]))
            elif not projection:
                last_period = period
            for figure in figures:
                claim = _claim(analysis, sentence, figure, claimant, claimant_ev, period, projection)
                if not any(_same(claim, c) for c in claims):
                    claims.append(claim)
        _apply_dispute(sentence, claims)
    return claims


def _claimant_mentions(analysis: Analysis) -> list[tuple[int, str, Sentence, int, int]]:
    found = []
    for sentence in analysis.sentences:
        for cue in find_cues("claimants", sentence.text, case_sensitive=True):
            found.append((sentence.start + cue.start, cue.label, sentence, cue.start, cue.end))
    return found


def _claimant(
    sentence: Sentence, named: list[tuple[int, str, Sentence, int, int]]
) -> tuple[str | None, Evidence | None]:
    own = first_label("claimants", sentence.text, case_sensitive=True)
    if own:
        return own.label, sentence.evidence("claimant", own.start, own.end)
    anaphoric = _ANAPHORIC_SOURCE.search(sentence.text)
    if anaphoric:
        before = [n for n in named if n[0] < sentence.start]
        after = [n for n in named if n[0] > sentence.end]
        pick = before[-1] if before else after[0] if after else None
        if pick:
            _, label, where, s, e = pick
            return label, where.evidence("claimant", s, e)
    attribution = find_attribution(sentence.text)
    if attribution:
        return attribution.source, sentence.evidence("claimant", attribution.start, attribution.end)
    return None, None


def _period(dates: list[DateMatch]) -> tuple[str | None, str | None]:
    for match in dates:
        if match.kind == "period":
            return _iso(match.date, match.precision), _iso(match.end_date, match.precision)
    return None, None


def _iso(value: date | None, precision: str) -> str | None:
    if value is None:
        return None
    return (
        value.strftime("%Y-%m")
        if precision == "month"
        else value.strftime("%Y")
        if precision == "year"
        else value.isoformat()
    )


def _side(text: str, position: int) -> str | None:
    hits = [(cue.start, cue.label) for cue in find_cues("sides", text)]
    if any(side == "both" for _, side in hits):
        return "both"
    before = [h for h in hits if h[0] < position]
    if before:
        return max(before)[1]
    return min(hits)[1] if hits else None


def _population(text: str, figure: ClaimFigure, side: str | None) -> str:
    phrase = text[figure.start : figure.end]
    if _CIVILIAN.search(phrase):
        return "civilian"
    if _MILITARY.search(phrase):
        return "military"
    if _CIVILIAN.search(text):
        return "civilian"
    if _MILITARY.search(text) or side in ("Russia", "Ukraine", "both"):
        return "military"
    return "all"


def _claim(
    analysis: Analysis,
    sentence: Sentence,
    figure: ClaimFigure,
    claimant: str | None,
    claimant_ev: Evidence | None,
    period: tuple[str | None, str | None],
    projection: bool,
) -> Claim:
    count = figure.number.count
    side = _side(sentence.text, figure.start)
    qualifier = "about" if projection and count.qualifier == "exact" else count.qualifier
    evidence = [sentence.evidence("claim"), sentence.evidence("figure", figure.start, figure.end)]
    if claimant_ev:
        evidence.append(claimant_ev)
    return Claim(
        id=stable_id("clm", analysis.article.id, sentence.start + figure.start),
        article_id=analysis.article.id,
        side=side,
        population=_population(sentence.text, figure, side),
        metric=figure.metric,
        min=count.min,
        max=count.max,
        qualifier=qualifier,
        period_start=period[0],
        period_end=period[1],
        as_of=analysis.published.isoformat() if analysis.published else None,
        projection=projection,
        claimant=claimant,
        disputed_by=[],
        evidence=evidence,
        confidence=round(0.5 + 0.2 * bool(claimant) + 0.1 * bool(side) + 0.1 * bool(period[1]), 2),
    )


def _same(a: Claim, b: Claim) -> bool:
    return (a.side, a.population, a.metric, a.min, a.max, a.claimant) == (
        b.side,
        b.population,
        b.metric,
        b.min,
        b.max,
        b.claimant,
    )


def _apply_dispute(sentence: Sentence, claims: list[Claim]) -> None:
    """ "The figures have been described as unreliable by Russia": attach to the latest claimant's claims."""
    cue = line_pattern("dispute_cues").search(sentence.text)
    if not cue or not claims:
        return
    who = _DISPUTER_AFTER.search(sentence.text, cue.end()) or _DISPUTER_BEFORE.search(sentence.text)
    if not who:
        return
    disputer = who.group("who").strip()
    actor = first_label("perpetrators", disputer, case_sensitive=True)
    disputer = actor.label if actor and actor.start == 0 else disputer
    claimant = claims[-1].claimant
    for claim in claims:
        if claim.claimant == claimant and disputer not in claim.disputed_by:
            claim.disputed_by.append(disputer)
            claim.evidence.append(sentence.evidence("disputed_by", who.start("who"), who.end("who")))
