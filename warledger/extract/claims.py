"""Aggregate casualty estimates as data: side, population, metric, range, period, projection, claimant, disputes.

"The report said Russia suffered 1.2 million casualties, including up to 325,000 troop deaths, between February
2022 and December 2025" gives two claims (casualties 1.2m exact; killed up to 325,000), both for Russia's military,
both over Feb 2022 - Dec 2025, both by the claimant "the report" refers to (``claimants``). Which numbers are
figures, and what each counts, is ``claim_figures``'s part; this module fills in the rest:

- side (``vocab/sides.tsv``): the side the figure's own words name ("46,000 Ukrainian soldiers"), else "both"
  ("on both sides"), else the side that lost or whose people are named nearest the figure ("Russia had lost",
  "the enemy" of a claimant that fights one), else the other side of who inflicted the losses ("killed by Russian
  strikes"), else, for civilians, where they died ("in Ukraine", a Ukrainian oblast), whose civilians the
  claimant counts (the UN mission counts Ukraine's) or the country nearly all the article's places are in; else,
  for soldiers or unnamed people, the army the claimant counts (Mediazona: Russia's) or, for a belligerent that
  did not inflict the losses, its own side ("the defence ministry said 5,937 servicemen had been killed"); else
  none; a part of a figure ("including more than 700 children") keeps its whole's side;
- claimant: see ``claimants``; a figure nobody is named as stating, within two sentences of another's claims, is
  that claimant's (journalists name the source once and go on with its figures);
- population: the people counted ("civilians", "energy workers" -> civilian; "troops" -> military), else the
  sentence's words, else the people the claimant counts (the UN mission: civilians), else military for a side's
  casualties, else "all";
- period: the sentence's period ("between February 2022 and December 2025"; "since February 2022" runs to the
  date the figure was stated, or the publication date); the date a figure was stated ("said in August", "as of 30
  September", "since September 2022, when it said") is never its start, only its end; a daily figure covers its
  day; a figure without a period
  keeps the period of the same claimant's previous figures, and "The estimate covers the period from ... to ..."
  sets the period of the figures just before it;
- projection: a projection cue nearest the figure ("could hit two million by the spring"): its period ends then;
- disputes: "described as unreliable by Russia" attaches to the latest claimant's claims.

The same figure stated twice (a standfirst and the body) is one claim with the better-named claimant, and a figure
that only rounds another, stated by nobody named or in the article's opening by the same claimant ("more than
71,000" above the body's 71,560), is none. Headlines
are not read for claims: they round and merge figures that the body states. A figure too small to be an aggregate
on its own is one in a sentence that goes on from the claims just stated ("Among those killed were at least 16
children", "in the same period").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from warledger.extract.analysis import Analysis, Sentence
from warledger.extract.claim_figures import RELATIVE_ASIDE, ClaimFigure, claim_figures, is_aggregate
from warledger.extract.claimants import (
    OPENING_SENTENCES,
    STRENGTH_PROPER,
    Claimant,
    ClaimantMention,
    civilian_side,
    claimant_mentions,
    clause_claimant,
    counted_people,
    enemy_side,
    resolve_claimant,
    speaks_as_publication,
)
from warledger.extract.confidence import calibrated
from warledger.extract.cues import find_cues, first_label, line_pattern, vocab_rows
from warledger.extract.dates import DateMatch
from warledger.records import Claim, Evidence, stable_id

__all__ = ["ClaimFigure", "claim_figures", "find_claims", "is_aggregate"]

_MILITARY = re.compile(
    r"\b(?:soldiers?|troops?|military|servicemen|serviceman|army|armies|combat|combatants|fighters|personnel|"
    r"battlefield|in action)\b",
    re.I,
)
_CIVILIAN = re.compile(r"\bcivilians?\b|\bchildren\b|\bnon-combatants\b", re.I)
_COVERS = re.compile(
    r"\b(?:estimates?|figures?|numbers?|count|toll|data|tally|it|they)\b[^.;]{0,30}?"
    r"\b(?:covers?|covering|covered|spans?|spanning|runs?|refers? to|relates? to)\b",
    re.I,
)
_STATED = re.compile(
    r"\b(?:said|says|say|estimated|estimates|reported|told|announced|wrote|stated|claimed|put|published|updated|"
    r"acknowledged)\s+(?:(?:in|on|as of)\s+)?$|\bas of\s+$",
    re.I,
)
"""Before a date: the day a figure was stated ("said in August", "reported on Nov. 8", "as of 30 September")."""
_WHEN_STATED = re.compile(
    r",\s+when\s+(?:it|he|she|they|the\s+\w+|[A-Z][\w’'-]+)\s+(?:last\s+)?(?:said|says|announced|acknowledged|admitted|"
    r"put|published|reported|gave|claimed|stated)\b"
)
"""After a date: the day a figure was stated ("since September 2022, when it said 5,937 soldiers had been killed")."""
_FOLLOWING_END = re.compile(r"\s*(?:to|until|through|till|and)\s+$", re.I)
_DISPUTER_AFTER = re.compile(r"\bby (?:the )?(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})")
_DISPUTER_BEFORE = re.compile(
    r"(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})\s+(?:has |have |had )?"
    r"(?:dismissed|rejected|denied|disputed|refuted|called)"
)
_PEOPLE_OWN = re.compile(
    r"\b(?:civilians|people|citizens|children|Russians|Ukrainians|lives|deaths|losses|casualties|dead|death toll)$",
    re.I,
)
_ABOUT_THE_WAR = re.compile(r"Ukrain|Russia|Kyiv|Kiev|Moscow|Kremlin|Donbas|Crimea")
"""An article that names neither side nor their capitals (nor a place in either country) states no claim about this
war."""
_DISPUTE_WORDS = re.compile("describ|dismiss|reject|denied|disput|refut|question|challeng|ridicul|called")
"""Word parts one of which every wording of ``dispute_cues`` holds: a cheap test before the regex."""
_NATIONALITY = re.compile(r"(?<![\w-])(?:Russian|Ukrainian)s?(?![\w-])")
_REFERS_BACK = re.compile(
    r"\b(?:the|this|that|those|these) (?:figures?|totals?|tolls?|numbers?|estimates?|tally)\b[^.;]{0,30}?"
    r"\b(?:includ\w*|compris\w*|consist\w*)|\bof (?:those|them|whom|these)\b|\bthis includes\b|"
    r"\b(?:among|of) (?:those|them|whom|these|the (?:\w+ )?(?:dead|victims|killed|injured|wounded))\b|"
    r"\b(?:the|those) (?:dead|killed|injured|wounded|victims) includ\w*|\bof (?:that|this) (?:number|figure|total)\b",
    re.I,
)
_MAY_HAVE = re.compile(r"\b(?:may|might|could)\s+have\b", re.I)
_JOINED = re.compile(r"\s*,?\s+(?:[\w-]+\s+){0,2}?(?:and|or|as well as)\s+")
"""Between two figures of one sentence: the second is coordinated with the first, whose side it shares."""
SAME_METRIC = "same"
"""The metric of a figure worded as "the figure" or "the number": the article's previous claim's."""
_NOT_A_SIDE_WAR = re.compile(r"(?:war|invasion|aggression)$", re.I)
_OTHER = {"Russia": "Ukraine", "Ukraine": "Russia"}
_FOR_SIDE = re.compile(r"(?:For|As for|In the case of) (Ukraine|Russia),")
"""A sentence that opens on the side its figures are for."""
_POSSESSIVE = re.compile(r"\b(?:their|its)\s+$", re.I)
"""Before a metric noun: the losses are those of the side named before it."""
_SAME_PERIOD = re.compile(
    r"\b(?:over|in|during|for|within) (?:the same (?:period|time|timeframe|months?|years?)|(?:that|this) period)\b",
    re.I,
)

Period = tuple[str | None, str | None]

CARRY_SENTENCES = 2
"""A figure nobody is named as stating, this close after another's claims, is the same claimant's: journalists name
the source once and go on with its figures."""
PROJECTION_REACH = 60
"""How far (characters) a projection cue may sit from the figure it makes a projection, within one clause."""


def find_claims(analysis: Analysis) -> list[Claim]:
    """The casualty claims of one analysed article, deduplicated, with claimants and disputes resolved."""
    if not _ABOUT_THE_WAR.search(analysis.article.text) and not any(
            m.location.country in ("UA", "RU") for s in analysis.sentences for m in s.places):
        return []  # an article that names neither side nor a place in either country
    named: list[ClaimantMention] | None = None  # read only for articles that state a figure
    claims: list[Claim] = []
    strengths: dict[str, int] = {}
    speakers: list[Claimant] = []
    last_period: dict[str | None, tuple[Period, list[Evidence]]] = {}  # a claimant's latest period and its words
    last_batch: list[Claim] = []
    last_index: int | None = None  # the sentence of the latest claims
    opening: set[str] = set()  # claims stated in the article's opening or a standfirst or caption
    summarised: set[str] = set()  # claims stated in a standfirst or caption, which the body restates
    for sentence in analysis.sentences:
        if sentence.block.kind == "title":
            continue
        refers_back = bool(_REFERS_BACK.search(sentence.text))
        in_same_period = bool(_SAME_PERIOD.search(sentence.text))
        just_stated = last_index is not None and sentence.index - last_index == 1  # the sentence before had claims
        figures = claim_figures(sentence, continuing=just_stated and (refers_back or in_same_period))
        if not figures:
            if just_stated:
                _apply_named_source(sentence, last_batch, strengths)
            _apply_covered_period(sentence, last_batch)
            _apply_dispute(sentence, claims)
            continue
        named = claimant_mentions(analysis) if named is None else named
        claimant = resolve_claimant(sentence, named, analysis, speakers)
        near = last_index is not None and sentence.index - last_index <= CARRY_SENTENCES and (
            not speaks_as_publication(sentence.text))  # "our field teams": not the source quoted before
        if not claimant.name and last_batch and last_batch[0].claimant and (refers_back or in_same_period or near):
            # "Over 32,700 were injured in the same period", or the next sentence of a count ("Tuva has buried
            # 704"): the claimant of the figures it goes on from
            evidence = next((e for e in last_batch[0].evidence if e.field == "claimant"), None)
            claimant = Claimant(last_batch[0].claimant, evidence, STRENGTH_PROPER)
        if claimant.name:
            speakers.append(claimant)
        else:  # "tens of thousands" with nobody named as saying so is no claim
            figures = [f for f in figures if not f.vague]
        # nor is "thousands ... may have died": a guess with no number, whoever makes it
        figures = [f for f in figures if not (f.vague and _MAY_HAVE.search(sentence.text, f.start, f.end))]
        if not figures:
            continue
        projections = _projection_figures(sentence, figures)
        previous_batch, last_batch = last_batch, []
        same_period = bool(previous_batch) and in_same_period
        # "the figure": the whole just stated, not a part of it
        referred = previous_batch[0] if previous_batch else claims[-1] if claims else None
        prior = figures[0]
        for figure in figures:
            projection = figure in projections
            points_back = figure.metric == SAME_METRIC  # "the figure could pass 250,000": the previous claim's
            if points_back:
                if referred is None:
                    continue
                figure = replace(figure, metric=referred.metric)
            carried = last_period.get(claimant.name)
            period = _figure_period(analysis, sentence, figure, projection, carried[0] if carried else None)
            if same_period and period == (None, None):
                period = (previous_batch[0].period_start, previous_batch[0].period_end)
            claim = _claim(analysis, sentence, figure, claimant, period, projection)
            dated_by = [e for e in claim.evidence if e.field == "period"]
            if carried and period == carried[0] and not dated_by:  # "The same slide put Ukraine's losses at"
                claim.evidence += carried[1]
            elif not projection and period[0] and not figure.daily:
                last_period[claimant.name] = (period, dated_by)
            own = clause_claimant(sentence, figure.start, analysis)
            if own is not None and own.name != claimant.name:
                _set_claimant(claim, own)
            if claim.side is None and figure.part and last_batch:
                _continue(claim, last_batch[0], claimant)
            elif claim.side is None and previous_batch and (refers_back or in_same_period):
                _continue(claim, previous_batch[0], claimant)  # "... wounded over the same period, he said"
            elif claim.side is None and points_back and referred is not None:
                _continue(claim, referred, claimant, same_figure=True)
            elif claim.side is None and last_batch and _JOINED.fullmatch(sentence.text, prior.end, figure.start):
                claim.side = last_batch[-1].side  # "100,000 Ukrainian military personnel and 20,000 civilians"
            prior = figure
            summary = sentence.block.kind in ("standfirst", "caption")
            kept = _merge(claim, claims, strengths, claimant.strength, None if summary else summarised)
            if kept is claim:
                claims.append(claim)
                strengths[claim.id] = claimant.strength
                if sentence.index < OPENING_SENTENCES or summary:
                    opening.add(claim.id)
                if summary:
                    summarised.add(claim.id)
            elif not summary:
                opening.discard(kept.id)  # the body states it too: the IISS's "about 1.3 million" is no rounding
            last_batch.append(kept)
        if last_batch:
            last_index = sentence.index
        _apply_dispute(sentence, claims)
    return [c for c in claims if not any(_rounds(c, other, c.id in opening) for other in claims)]


# --- side and population ---------------------------------------------------------------------------------------


def _side(sentence: Sentence, figure: ClaimFigure, population: str, claimant: str | None) -> tuple[str | None, str]:
    """The side whose losses the figure counts, and how it was read ("own", "both", "loser", ... or "")."""
    rows = vocab_rows("sides")
    cues = [(c, rows[c.row]["role"]) for c in find_cues("sides", sentence.text)]
    enemy = enemy_side(claimant)
    cues = [(replace(c, label=enemy or ""), "loser") if role == "enemy" else (c, role) for c, role in cues]
    cues = [(c, role) for c, role in cues if c.label]
    inside = [c for c, role in cues if role == "own" and figure.start <= c.start < figure.end]
    if inside:
        return inside[0].label, "own"
    named = {m.group(0)[:6] for m in _NATIONALITY.finditer(sentence.text, figure.start, figure.end)
             if not figure.number.start <= m.start() < figure.number.end}  # "the number of Russian wounded at"
    if len(named) == 2:  # "nearly 500,000 Russian and Ukrainian troops"
        return "both", "both"
    if named:  # "more than 500 Ukrainian athletes"
        return ("Russia" if named == {"Russia"} else "Ukraine"), "own"
    if any(role == "both" for _, role in cues):
        return "both", "both"
    addressed = _FOR_SIDE.match(sentence.text)
    if addressed:  # "For Ukraine, our central range is 500,000 to 600,000 military casualties"
        return addressed.group(1), "own"
    theirs = bool(_POSSESSIVE.search(sentence.text, 0, figure.start))  # "Russian forces ... their casualties"
    stated = [c for c, role in cues if role == "loser" or (role == "own" and (theirs or _counts(c.text, population)))]
    before = [c for c in stated if c.start < figure.start]
    if before or stated:
        cue = before[-1] if before else stated[0]
        return cue.label, "loser"
    for cue, role in cues:
        if role == "attacker" and (population != "military" or not _NOT_A_SIDE_WAR.search(cue.text)):
            return _OTHER[cue.label], "attacker"
    if population != "military":
        places = [c.label for c, role in cues if role == "place"]
        if places:
            return places[0], "place"
        of_place = next((m for m in sentence.places if figure.start < m.start <= figure.end + PEOPLE_OF_REACH
                         and _PEOPLE_OF.search(sentence.text, figure.start, m.start)), None)
        if of_place is not None and of_place.location.country in ("UA", "RU"):  # "9,400 residents of Bashkortostan"
            return ("Ukraine" if of_place.location.country == "UA" else "Russia"), "place"
        countries = {m.location.country for m in sentence.places  # not a country that acts ("since Russia invaded")
                     if m.location.country in ("UA", "RU") and not _STATE_ACTS.match(sentence.text, m.end)}
        if len(countries) == 1:
            return ("Ukraine" if countries == {"UA"} else "Russia"), "place"
        civilians = civilian_side(claimant) if population == "civilian" else None
        if civilians:
            return civilians, "claimant"
    if population == "military" or figure.population is None:
        counted = counted_people(claimant)[0] or _own_side(claimant, figure)
        if counted:
            return counted, "loser"
    return None, ""


_STATE_ACTS = re.compile(r"\s+(?:invaded|attacked|launched|began|started|annexed|seized)\b")
"""After a country's name: the state acting, not where the people counted were."""
_PEOPLE_OF = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$")
PEOPLE_OF_REACH = 40
"""How far after a figure's words a place may name where its people are from ("residents of Bashkortostan")."""


def _own_side(claimant: str | None, figure: ClaimFigure) -> str | None:
    """The side a belligerent claimant speaks for, when its figure names no side and it did not inflict the losses:
    "the defence ministry said 5,937 servicemen had been killed", Zelensky "put the number at 43,000"."""
    enemy = enemy_side(claimant)
    return _OTHER[enemy] if enemy and not figure.inflicted else None


ARTICLE_COUNTRY_SHARE = 0.8
"""The share of an article's places one country must hold for its civilians to be the ones a figure counts."""


def _article_country(analysis: Analysis) -> str | None:
    """The country nearly all of the article's places are in, whose civilians an unplaced civilian toll counts."""
    countries = [m.location.country for s in analysis.sentences for m in s.places]
    ukraine, russia = countries.count("UA"), countries.count("RU")
    if ukraine + russia == 0:
        return None
    if ukraine >= ARTICLE_COUNTRY_SHARE * (ukraine + russia):
        return "Ukraine"
    return "Russia" if russia >= ARTICLE_COUNTRY_SHARE * (ukraine + russia) else None


def _counts(cue: str, population: str) -> bool:
    """Whether a side's words ("Russian troops", "Ukrainian civilians") can name the people a figure counts."""
    return population == "military" or bool(_PEOPLE_OWN.search(cue))


def _population(sentence: Sentence, figure: ClaimFigure) -> str:
    if figure.population in ("civilian", "military"):
        return figure.population
    texts = [sentence.text[figure.start : figure.end]]
    if figure.population is None:  # "380,000 wounded": the people are named elsewhere in the sentence
        texts.append(sentence.text)
    for text in texts:
        civilian, military = bool(_CIVILIAN.search(text)), bool(_MILITARY.search(text))
        if civilian != military:
            return "civilian" if civilian else "military"
    return "all"


# --- periods and projections ------------------------------------------------------------------------------------


def _projection_figures(sentence: Sentence, figures: list[ClaimFigure]) -> list[ClaimFigure]:
    """The figures a projection cue ("could hit", "by the spring") belongs to: each cue to its nearest figure."""
    found = []
    for cue in line_pattern("projection_cues").finditer(sentence.text):
        gap, index = min((max(f.start - cue.end(), cue.start() - f.end, 0), i) for i, f in enumerate(figures))
        nearest = figures[index]
        between = sentence.text[min(cue.end(), nearest.end) : max(cue.start(), nearest.start)]
        if gap <= PROJECTION_REACH and not re.search(r"[.,;:\[\]()]", between):
            found.append(nearest)
    return found


def _figure_period(
    analysis: Analysis, sentence: Sentence, figure: ClaimFigure, projection: bool, previous: Period | None
) -> Period:
    dates = sentence.dates
    if figure.daily:
        day = next((d for d in dates if d.start >= figure.end and d.date), None)
        return (day.date.isoformat(), day.date.isoformat()) if day and day.date else (None, None)
    asides = [(m.start(), m.end()) for m in RELATIVE_ASIDE.finditer(sentence.text)]
    stated = [d for d in dates if d.date and _stated(sentence, d)]
    dates = [d for d in dates if d not in stated]
    periods = [d for d in dates if d.kind == "period" and not _aside_of(d.start, figure, asides)]
    spans = [d for d in periods if d.date is not None]
    ends = [d for d in periods if d.date is None and d.end_date is not None]
    if projection:  # from its own period ("since 2022", "casualties in 2026 could pass ..."), else the one before
        within = [d for d in dates if d.kind == "absolute" and d.precision in ("month", "year") and d.date
                  and d.start < figure.start and _IN_BEFORE.search(sentence.text, 0, d.start)]
        own = spans[0] if spans else within[-1] if within else None
        start = _iso(own.date, own.precision) if own and own.date else previous[0] if previous else None
        end = _end_of(ends[0]) if ends else _end_of(spans[0]) if spans and spans[0].end_date else None
        return start, end
    if not spans:
        between = _between(sentence)
        if between is not None:  # "between February 2022 and the end of 2024"
            return between
        since = _since_event(sentence, asides, figure)
        if since is not None:  # "since Ukrainian troops crossed the border there in August"
            return _iso(since.date, since.precision), _stated_on(analysis, sentence, since)
        years = [d for d in dates if d.precision == "year" and d.date and figure.start <= d.start < figure.end]
        if years:  # "Russian losses in 2024 had reached 430,000"
            first, last = years[0].date, years[0].end_date or years[0].date
            if _SO_FAR.search(sentence.text, 0, years[0].start):  # "losses so far this year": up to when stated
                return _iso(first, "year"), _stated_on(analysis, sentence, years[0])
            return _iso(first, "year"), _iso(last, "year", end=True)
        months = [d for d in dates if d.precision in ("month", "year") and d.date and d.kind == "absolute"
                  and _IN_BEFORE.search(sentence.text, 0, d.start) and not _aside_of(d.start, figure, asides)]
        if months:  # "164 civilian deaths in October", "killed in 2024 alone": the month nearest the figure
            month = min(months, key=lambda d: max(d.start - figure.end, figure.start - d.end, 0))
            first, last = month.date, month.end_date or month.date
            return _iso(first, month.precision), _iso(last, month.precision, end=True)
        if stated and not previous:  # "since September 2022, when it said 5,937 soldiers had been killed"
            return None, _iso(stated[0].date, stated[0].precision, end=True)
        return previous if previous else (None, None)
    span = min(spans, key=lambda d: max(d.start - figure.end, figure.start - d.end, 0))  # the figure's own period
    end = _end_of(span) if span.end_date else _closing_date(sentence, span) or _stated_on(analysis, sentence, span)
    return _iso(span.date, span.precision), end


_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_AND_END_OF = re.compile(r"\s+(?:and|to|until|through)\s+(?:the\s+(?:end|close)\s+of\s+)?", re.I)


def _between(sentence: Sentence) -> Period | None:
    """ "between February 2022 and the end of 2024": two dates the date rules left apart."""
    dates = [d for d in sentence.dates if d.kind == "absolute" and d.date]
    for first, second in zip(dates, dates[1:], strict=False):
        if _AND_END_OF.fullmatch(sentence.text, first.end, second.start) and _BETWEEN.search(
                sentence.text, 0, first.start):  # a year as an end is its last month, "the end of 2024" too
            return _iso(first.date, first.precision), _iso(second.date, second.precision, end=True)
    return None


_IN_BEFORE = re.compile(r"\b(?:in|during|for|throughout|from)\s+(?:the\s+month\s+of\s+)?$", re.I)
_SINCE_EVENT = re.compile(r"\bsince\s+(?!(?:then|when)\b)[^,.;:]{0,60}?$", re.I)


def _since_event(sentence: Sentence, asides: list[tuple[int, int]], figure: ClaimFigure) -> DateMatch | None:
    """The date of the event a running total counts from, when "since" names the event rather than a date."""
    for match in sentence.dates:
        if match.date and match.kind == "absolute" and not _aside_of(match.start, figure, asides):
            if _SINCE_EVENT.search(sentence.text, 0, match.start):
                return match
    return None


def _aside_of(position: int, figure: ClaimFigure, asides: list[tuple[int, int]]) -> bool:
    """Whether ``position`` is inside a relative clause that does not hold the figure."""
    return any(s <= position < e and not s <= figure.start < e for s, e in asides)


def _end_of(match: DateMatch) -> str | None:
    """A period's end ("by the end of the year" is its last month, as every year end is)."""
    return _iso(match.end_date, match.precision, end=True)


def _closing_date(sentence: Sentence, span: DateMatch) -> str | None:
    """ "from the invasion in February 2022 to the end of May 2025": the date right after the open period."""
    for match in sentence.dates:
        if match.start >= span.end and match.kind == "absolute" and match.date:
            if _FOLLOWING_END.fullmatch(" " + sentence.text[span.end : match.start]):
                return _iso(match.date, match.precision, end=True)
            return None
    return None


def _stated(sentence: Sentence, match: DateMatch) -> bool:
    """Whether a date is when a figure was stated rather than a period it covers: "said in August", "as of 30
    September", "since September 2022, when it said ..."."""
    text = sentence.text
    return bool(_STATED.search(text, max(0, match.start - 24), match.start) or _WHEN_STATED.match(text, match.end))


def _stated_on(analysis: Analysis, sentence: Sentence, span: DateMatch) -> str | None:
    """When an open period ("since February 2022") ends: the day the figure was stated, else publication. A date
    right after the period's own words ("since the invasion on Feb. 24, 2022") is the period's start, not its end;
    one set apart by commas before the rest of the sentence ("When we last ran the numbers, in September 2024,
    the model put ...") is when the figure was stated."""
    text = sentence.text
    for match in sentence.dates:
        if match is span or match.kind not in ("absolute", "relative_to_published") or not match.date:
            continue
        if 0 <= match.start - span.end <= 4:
            continue
        head = text[: match.start]
        opening = text[match.end : match.end + 1] == "," and (match.start < 4 or bool(_SET_APART.search(head)))
        if opening or _stated(sentence, match) or head.rstrip().endswith(" on"):
            return _iso(match.date, match.precision, end=True)
    return analysis.published.isoformat() if analysis.published else None


_SET_APART = re.compile(r",\s+(?:in|on)\s+$", re.I)
_SO_FAR = re.compile(r"\b(?:so far|to date|thus far)\s+$", re.I)


def _iso(value: date | None, precision: str, *, end: bool = False) -> str | None:
    """A period bound as the output contract writes it: "YYYY-MM" or an ISO date; a year is its first month, or as
    an end its last ("in 2024" is 2024-01..2024-12)."""
    if value is None:
        return None
    if precision == "year":
        return f"{value.year}-12" if end else f"{value.year}-01"
    return value.strftime("%Y-%m") if precision == "month" else value.isoformat()


_NAMES_THE_SOURCE = re.compile(
    r"^(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})(?:,\s+(?:a|an|the)\s+(?P<title>[^,]{2,80}),)?\s+"
    r"(?:gave|put|offered|provided|disclosed|made|cited|released|announced|shared)\s+(?:the|this|that|these)\s+"
    r"(?:range|figures?|estimates?|numbers?|toll|tally|count)\b"
)
"""A sentence naming who gave the figures just stated: "Mykhailo Podolyak, an adviser to the president, gave the
range in an interview"."""


def _unnamed(claim: Claim) -> bool:
    """Whether a claim's source is only described in lower case ("a senior Ukrainian official"), not named."""
    said = next((e.text for e in claim.evidence if e.field == "claimant"), "")
    words = re.sub(r"^(?:the|a|an)\s+", "", said, flags=re.I).split()
    return bool(words) and words[0].islower() and not any(
        w[:1].isupper() and not _NATIONALITY.fullmatch(w) for w in words)


def _apply_named_source(sentence: Sentence, batch: list[Claim], strengths: dict[str, int]) -> None:
    """The person named right after figures attributed to someone unnamed ("a senior Ukrainian official has said")
    is their claimant."""
    named = _NAMES_THE_SOURCE.match(sentence.text)
    if named is None or not batch or not all(_unnamed(c) for c in batch):
        return
    name = f"{named['who']} ({named['title']})" if named["title"] else named["who"]
    source = Claimant(name, sentence.evidence("claimant", named.start("who"), named.end("who")), STRENGTH_PROPER)
    for claim in batch:
        _set_claimant(claim, source)
        strengths[claim.id] = STRENGTH_PROPER


def _apply_covered_period(sentence: Sentence, batch: list[Claim]) -> None:
    """ "The estimate covers the period from February 2022 to the end of May 2025": the figures just before."""
    if not batch or not _COVERS.search(sentence.text):
        return
    spans = [d for d in sentence.dates if d.kind == "period" and d.date is not None]
    if not spans:
        return
    span = spans[0]
    end = _end_of(span) if span.end_date else _closing_date(sentence, span)
    if end is None:
        return
    for claim in batch:
        if not claim.projection:
            claim.period_start, claim.period_end = _iso(span.date, span.precision), end
            claim.evidence.append(sentence.evidence("period", span.start, span.end))


# --- records ----------------------------------------------------------------------------------------------------


def _claim(
    analysis: Analysis,
    sentence: Sentence,
    figure: ClaimFigure,
    claimant: Claimant,
    period: Period,
    projection: bool,
) -> Claim:
    count = figure.count
    population = _population(sentence, figure)
    if population == "all" and figure.population is None:  # "157 killed and 873 injured", the UN mission said
        population = counted_people(claimant.name)[1] or population
    side, how = _side(sentence, figure, population, claimant.name)
    if side is None and population == "civilian":  # "more than 2,000 children are still listed as missing"
        side = _article_country(analysis)
    if population == "all" and (how in ("loser", "both") or (how == "own" and figure.population is None)):
        population = "military"
    qualifier = "about" if projection and count.qualifier == "exact" else count.qualifier
    evidence = [sentence.evidence("claim"), sentence.evidence("figure", figure.start, figure.end)]
    if claimant.evidence:
        evidence.append(claimant.evidence)
    for match in sentence.dates:
        bounds = (_iso(match.date, match.precision), _iso(match.end_date or match.date, match.precision, end=True))
        if match.kind == "period" or (figure.daily and match.start >= figure.end) or (
                match.date and {period[0], period[1]} & set(bounds) - {None}):  # "said in December": its end
            evidence.append(sentence.evidence("period", match.start, match.end))
    confidence = 0.5 + 0.2 * (claimant.strength >= STRENGTH_PROPER) + 0.1 * bool(side) + 0.1 * bool(period[1])
    return Claim(
        id=stable_id("clm", analysis.article.id, sentence.start + figure.start),
        article_id=analysis.article.id,
        side=side,
        population=population,
        metric=figure.metric,
        min=count.min,
        max=count.max,
        qualifier=qualifier,
        period_start=period[0],
        period_end=period[1],
        as_of=analysis.published.isoformat() if analysis.published else None,
        projection=projection,
        claimant=claimant.name,
        disputed_by=[],
        evidence=evidence,
        confidence=calibrated("claim", round(confidence, 2)),
    )


def _set_claimant(claim: Claim, claimant: Claimant) -> None:
    claim.claimant = claimant.name
    claim.evidence = [e for e in claim.evidence if e.field != "claimant"]
    if claimant.evidence:
        claim.evidence.append(claimant.evidence)


def _continue(claim: Claim, whole: Claim, claimant: Claimant, *, same_figure: bool = False) -> None:
    """ "The figure included about 150,000 killed": a part of the figure just before keeps its side and people;
    so does another source's figure for the same count ("The city's records put the figure at about 370")."""
    if same_figure or claimant.name in (None, whole.claimant):
        claim.side = whole.side
        if claim.population == "all":
            claim.population = whole.population
        if claim.period_start is None and claim.period_end is None:
            claim.period_start, claim.period_end = whole.period_start, whole.period_end


def _merge(claim: Claim, claims: list[Claim], strengths: dict[str, int], strength: int,
           summarised: set[str] | None = None) -> Claim:
    """The earlier claim that ``claim`` repeats (now holding the better claimant and period), or ``claim`` itself.

    Two statements of the same figure are one claim unless two claimants, each named properly, state it; a figure
    a standfirst or caption stated (``summarised``, given for a body sentence) is the body's, however it named its
    source ("Britain estimates ..." above "the UK Ministry of Defence said")."""
    key = (claim.metric, claim.min, claim.max, claim.projection)
    for earlier in claims:
        restated = summarised is not None and earlier.id in summarised
        if (earlier.metric, earlier.min, earlier.max, earlier.projection) != key:
            continue
        if earlier.side != claim.side and not (restated and None in (earlier.side, claim.side)):
            continue  # a standfirst may leave the side unsaid ("Kyiv says 70,000 people are missing")
        earlier.side = earlier.side or claim.side
        if "all" not in (earlier.population, claim.population) and earlier.population != claim.population:
            continue  # "9,400 men" and "9,400 residents" are one figure; soldiers and civilians are not
        if earlier.population == "all":
            earlier.population = claim.population
        held = strengths.get(earlier.id, 0)
        if earlier.claimant != claim.claimant and min(held, strength) >= STRENGTH_PROPER and not restated:
            continue
        if strength > held or (restated and strength == held):  # the body names the source more fully
            earlier.claimant = claim.claimant
            earlier.evidence = [e for e in earlier.evidence if e.field != "claimant"]
            earlier.evidence += [e for e in claim.evidence if e.field == "claimant"]
            strengths[earlier.id] = strength
        if claim.period_end and not earlier.period_end:
            earlier.period_start, earlier.period_end = claim.period_start, claim.period_end
            earlier.evidence += [e for e in claim.evidence if e.field == "period"]  # the words that date it
        return earlier
    return claim


ROUNDING = 0.1
"""How far (a share of the exact figure) a rounded statement of it may be: "more than 71,000" for 71,560."""


def _rounds(claim: Claim, other: Claim, in_opening: bool) -> bool:
    """Whether ``claim`` only rounds ``other``, an exact figure someone is named as stating: ``claim`` names no
    claimant ("More than 71,000 Russian soldiers confirmed dead" above the body's 71,560), or is stated in the
    article's opening, which restates the body ("Civilian deaths top 14,600, UN rights monitors say")."""
    if claim is other or not other.claimant or other.qualifier not in ("exact", "at least") or other.min is None:
        return False
    if claim.claimant and not in_opening:
        return False
    if claim.side not in (None, other.side) or (claim.metric, claim.projection) != (other.metric, other.projection):
        return False  # a side the rounding leaves unsaid ("killed more than 600 people in the city") is the body's
    exact, low, high = other.min, claim.min, claim.max
    if claim.qualifier in ("more than", "at least") and low is not None:
        return low <= exact <= low * (1 + ROUNDING)
    if claim.qualifier in ("up to", "fewer than") and high is not None:
        return exact <= high <= exact * (1 + ROUNDING)
    if claim.qualifier == "about" and low is not None:
        return abs(exact - low) <= exact * ROUNDING
    return False


def _apply_dispute(sentence: Sentence, claims: list[Claim]) -> None:
    """ "The figures have been described as unreliable by Russia": attach to the latest claimant's claims."""
    if not claims or not _DISPUTE_WORDS.search(sentence.text.lower()):
        return
    cue = line_pattern("dispute_cues").search(sentence.text)
    if not cue:
        return
    who = _DISPUTER_AFTER.search(sentence.text, cue.end()) or _DISPUTER_BEFORE.search(sentence.text)
    if not who:
        return
    disputer = who.group("who").strip()
    actor = first_label("perpetrators", disputer, case_sensitive=True)
    disputer = actor.label if actor and actor.start == 0 else disputer
    claimant = claims[-1].claimant
    for claim in claims:
        if claim.claimant == claimant and disputer not in claim.disputed_by and disputer != claimant:
            claim.disputed_by.append(disputer)
            claim.evidence.append(sentence.evidence("disputed_by", who.start("who"), who.end("who")))
