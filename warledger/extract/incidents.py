"""From mentions to incidents: one incident per real event within an article.

1. Every clause that reads as an incident of its own (a violent cue or a toll, and a place, a toll or a weapon) opens a
   draft. Not history: a clause dated only to a year ("in 2014 Russia seized Crimea") is background, as is one in a
   whole article dated to an earlier month than the report's or to a day more than two months before it; such a clause
   adds to no draft either. In a whole article, fighting on a front ("on the Pokrovsk front") with no toll is no event
   either; a clause that only names a kind of event, with no verb, toll or date to the day ("the battle of Bakhmut",
   "the attacks on Odesa"), refers to the war or to an event reported elsewhere: it may add to a draft of the same place
   but never opens one, unless it alone names a town ("at the site of the missile strike on a building in the city") and
   the next sentences tell its toll; and a clause that sums up an area's day ("attacked 41 settlements in Kherson
   Oblast", "shot down 112 drones", "hit the Zaporizhzhia and Odesa regions", a list of three towns or more, "across the
   Kherson region ... over the past day", a campaign "since Oct. 10") stands as an event only for a region the article
   reports no event in. A headline, standfirst, caption or heading line (a live page's entry title) without a toll only
   adds to the event its body reports, unless it is a lead paragraph whose next sentence gives its toll ("According to
   him, a worker was killed"); one with a toll joins the body's event once the body has told it all (its standfirst may
   add to it first). The day something was said ("officials said on Wednesday") or a toll rose ("rose to eight on
   Saturday") dates an event only when nothing else does, and does not part it from the same place's event told with its
   own date the day before. A toll for two towns together ("struck Zaporizhzhia and the town of Vilniansk, wounding
   six") is no event of its own when the article tells each town's event; those keep the day it gave them. A count over
   a span of days ("between Sept. 8 and Sept. 14", "over the past week") is a tally, not an event; a toll lowered or
   revised to a figure is the toll, and one reported earlier ("had earlier reported three dead") gives way to the one
   that corrects it. A sentence that recalls an event reported before ("We will remind, ...") opens nothing and adds to
   nothing.
2. A sentence with no place of its own that adds a toll, targets or damage ("Three people were hurt in the attack",
   "a monastery was damaged, he added") is attached to the draft the previous sentences were about, when that draft
   is unambiguous and near; a sentence that only adds to a draft keeps it the one referred to. A clause that names
   another place ("In Marhanets, people were not hurt") adds only to an event at that place; one placed only by its
   speaker's title ("the Dnipropetrovsk regional military administration wrote") or by a region while it says "the
   town" adds to the event just told there. A toll never adds to an event told to have none ("No casualties."): it is
   about another event, which the next sentences go on with. A new attack on a later day of its own in "the city"
   just told ("On Tuesday, artillery shelled the area around the city's bus station") is a new event there. An
   event a whole article places nowhere ("a shell hit a street near the central market") happened in the one town
   its headline (or wire dateline) names, unless it names a place the gazetteer does not know ("the village of
   Korsunka") or the text says its place was kept back.
3. Drafts that describe the same event (the caption "At least two people were killed near Kyiv" and the body's
   "killed a couple near Kyiv") are merged when nothing contradicts (place, date, tolls; tolls at one place may
   differ when one is worded as rising) and something positive ties them (the same gazetteer entry, a shared weapon
   or target, or a headline restating the body: a day apart, in the same region, or unplaced). A village the
   gazetteer does not know in a town's district ("the village of Sinkivka of Kupiansk district") is not the town.
4. Each draft becomes an ``Incident`` whose every field carries the evidence span it was read from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from warledger.extract.analysis import Analysis, Sentence
from warledger.extract.attribution import find_attribution, prime
from warledger.extract.casualties import RISE_WORDS, ROLES, Figure
from warledger.extract.claim_figures import RELATIVE_ASIDE, another_war, is_aggregate
from warledger.extract.confidence import calibrated
from warledger.extract.cues import line_pattern, vocab_rows
from warledger.extract.event_types import classify, names_one_event, role, violent
from warledger.extract.mentions import Mention, read_mentions
from warledger.extract.places import PlaceMatch, find_places
from warledger.extract.sentences import PLACE_KIND
from warledger.records import Count, Evidence, Incident, Location, stable_id

ATTACH_DISTANCE = 3
"""How many sentences back a place-less sentence may refer ("the attack", "he added")."""

_WEAPON_ORDER = {row["label"]: i for i, row in enumerate(vocab_rows("weapons"))}


@dataclass(eq=False)
class Draft:
    primary: list[Mention]
    attached: list[Mention] = field(default_factory=list)

    @property
    def mentions(self) -> list[Mention]:
        return self.primary + self.attached

    @property
    def place(self):  # type: ignore[no-untyped-def]
        places = [m.best_place for m in self.mentions if m.best_place]
        return min(places, key=lambda p: p.location.precision) if places else None

    @property
    def date(self) -> date | None:
        """The date the mentions give for the event, best first (``_date_rank``)."""
        dated = [m for m in self.mentions if m.date]
        return min(dated, key=_date_rank).date if dated else None

    @property
    def summary_only(self) -> bool:
        """Every mention is in a headline, standfirst, caption or heading line."""
        return all(m.sentence.block.kind in SUMMARY_BLOCKS or _heading(m.sentence) for m in self.mentions)

    def figures(self, role: str) -> list[tuple[Mention, Figure]]:
        return [(m, f) for m in self.mentions for f in m.figures if f.role == role]

    def labels(self, kind: str) -> set[str]:
        return {c.label for m in self.primary for c in getattr(m, kind)}


_RECAP = re.compile(
    r"(?:we will remind|as a reminder|to recap|recall that|it will be recalled|as (?:we|\w+) reported earlier)\b", re.I
)
"""A sentence that recalls an event reported before (a Ukrainian outlet's "We will remind, ..."): no new event."""
SUMMARY_BLOCKS = frozenset({"title", "standfirst", "caption"})
"""Blocks that restate the body: in a real article, a toll-less mention there only adds to a body incident."""
ARTICLE_PARAGRAPHS = 3
"""From this many paragraphs on, a document is an article whose body reports its events (not a bare headline)."""


def find_incidents(analysis: Analysis) -> list[Incident]:
    """The incidents of one analysed article, in order of first mention."""
    drafts: list[Draft] = []
    deferred: list[Draft] = []
    restated: list[Draft] = []
    summaries: list[Draft] = []
    named: list[Draft] = []
    recent: list[tuple[Sentence, list[Draft]]] = []
    is_article = len(analysis.article.paragraphs) >= ARTICLE_PARAGRAPHS
    for sentence in analysis.sentences:
        if is_aggregate(sentence):
            recent.append((sentence, []))
            continue
        opened: list[Draft] = []
        referring: list[Draft] = []
        areas: list[Draft] = []
        continued: list[Draft] = []
        recap = _RECAP.match(sentence.text)  # "We will remind, on May 28 a missile hit ...": reported before
        referent = _referent(recent, sentence, restated)
        intro = _introduced_place(recent, sentence)
        for mention in [] if recap else read_mentions(sentence, before=referent.date if referent else None):
            if _history(mention, strict=is_article, carried=True) or (is_article and another_war(mention.text)):
                continue  # background ("In January a missile hit the city, killing 46"), or a war elsewhere
            if areas and not mention.best_place:  # "... shelled 23 settlements in the region; one civilian was
                areas[-1].attached.append(mention)  # killed": a later clause goes on with the summary before it
                continue
            opens = _opens(mention, strict=is_article)
            tally = is_article and _air_defence_tally(mention)
            summary = is_article and (tally or _area_summary(mention))
            if summary and (tally or not opens):
                # "In total, Russian attacks killed three ... in the region" is no event's toll, nor is the next
                # sentence's ("Two people were killed, he said"), nor an air-defence tally's ("destroyed 64 drones,
                # including 21 over the Bryansk region")
                areas.append(Draft([mention]))
                continue
            named_only = opens and is_article and _names_the_war(mention)  # "much of the fighting": no event
            if opens and summary and not named_only:
                areas.append(Draft([mention]))  # what the next sentences add to it is the summary's, not an event's
                summaries.append(areas[-1])
            elif named_only:
                referring.append(Draft([mention]))
            elif intro is not None and mention.best_place is None and _opens(
                    replace(mention, places=intro.places), strict=is_article):
                opened.append(Draft([mention], [intro]))  # "In Kramatorsk, the mayor wrote: ... a bomb hit the city"
            elif opens and _another_day_there(mention, referent):
                assert referent is not None and referent.place is not None
                # "On Tuesday, artillery shelled the area around the city's bus station": a new event in the town
                opened.append(Draft([mention], [_place_only(referent)]))  # told before
            elif opens and not _told_by_region(mention, referent) and not _town_in_region(mention, referent) and (
                    mention.best_place or (mention.new_event and not _THE_TOWN.search(mention.text))
                    or not (referent or _goes_on(mention, opened))):
                opened.append(Draft([mention]))
            elif mention.figures or mention.targets or mention.damage or violent(mention.event_cues):
                # "... shelled Stepnohirsk on Tuesday; no casualties were reported": the clause before in the sentence
                target = _at_its_place(mention, opened[-1] if opened else referent, drafts)
                if target is not None and _denied(target, mention):
                    continued.append(Draft([mention]))  # about another event, which the next sentences go on with
                elif target is not None and not mention.hypothetical:
                    target.attached.append(mention)
                    continued.append(target)
            elif referent is not None and not mention.places:
                continued.append(referent)  # "Firefighters recovered their bodies": still about it, adds nothing
        if is_article and (sentence.block.kind in SUMMARY_BLOCKS or _heading(sentence)):
            untolled = [d for d in opened if not _has_toll(d)]
            deferred += untolled
            tolled = [d for d in opened if _has_toll(d)]
            restated += tolled
            areas += tolled  # the next sentences may add to it before the body tells it
            if sentence.block.kind == "standfirst":  # a lead paragraph the body goes on from ("According
                continued += untolled  # to him, a worker was killed")
            opened = []
        survivors = [_merge_or_add(drafts, draft) for draft in opened]
        # "the attacks on Odesa": no event of its own, only what it adds to one the article reports
        for draft in referring:
            held = _merge_or_add(drafts, draft, may_add=False, loose=True)
            if held is not draft:
                survivors.append(held)
            elif not (opened or continued or draft.summary_only) and _a_town(draft.place, spoken=False):
                named.append(draft)  # "at the site of the missile strike on a building in the city": the next
                survivors.append(draft)  # sentences may tell its toll
        # a sentence that only adds to an earlier event keeps it the one the next sentences refer to
        recent.append((sentence, list(dict.fromkeys(survivors or continued)) + areas))
    for draft in named:  # an event only named, whose toll the next sentences told, at a town with no other event
        told = any(f.count.value is not None for m in draft.attached for f in m.figures)
        if told and not any(_same_entry(d.place, draft.place) for d in drafts):
            _merge_or_add(drafts, draft)
    if is_article:
        _at_home(analysis, drafts)
    body_drafts = list(drafts)
    for draft in restated:  # a headline with a toll: the body's event once the body has told it all, else its own
        told = any(_same_entry(d.place, draft.place) for d in body_drafts)  # ... unless the body tells an event
        # at its place: the body's toll
        _merge_or_add(drafts, draft, may_add=not told)
    for draft in deferred:  # a headline or caption without a toll: only what it adds to a body incident, unless
        told_below = any(m.figures and m.sentence.block.kind not in SUMMARY_BLOCKS and not _heading(m.sentence)
                         for m in draft.attached)  # the body's next sentence gave its toll
        _merge_or_add(drafts, draft, may_add=told_below)
    if is_article:  # and the events told only above the body (a wire lead taken for a standfirst)
        _at_home(analysis, drafts)
    pairs = [(d, towns) for d in drafts if is_article and (towns := _two_towns(d.primary[0]))]
    for pair, towns in pairs:
        _part_by_town(drafts, pair, towns)
    drafts.sort(key=lambda d: min(m.sentence.start + m.start for m in d.mentions))
    reported = {d.place.location.admin1 for d in drafts if d.place}
    for draft in summaries:  # an area's day stands as an event only where the article reports none one by one
        regions = {m.best_place.location.admin1 for m in draft.primary if m.best_place and m.best_place.location.admin1}
        if len(regions) == 1 and not regions & reported:
            drafts.append(draft)
            reported |= regions
    default_actor = _default_perpetrator(drafts)
    prime([m.sentence.text for d in drafts for m in d.mentions])
    return [_to_incident(analysis, d, default_actor) for d in drafts]


_THE_TOWN = re.compile(r"\b(?:the|this) (?:city|town|village|settlement)\b(?!\s+of\b)", re.I)
"""A town referred back to ("a rocket struck a building in the north of the city"): the event told just before."""


def _goes_on(mention: Mention, opened: list[Draft]) -> bool:
    """Whether a clause with no place goes on with the event the clause before it in the sentence opened ("A missile
    struck the station as crowds waited for trains, killing 50"), not with one on a day of its own ("drone attack
    overnight, man injured; toll from Saturday's missile strike rises to four")."""
    if not opened:
        return False
    then = opened[-1].date
    own = mention.date is not None and _date_rank(mention) == 0
    return not (own and then is not None and mention.date != then)


def _opens(mention: Mention, *, strict: bool) -> bool:
    """Whether a clause tells an event of its own (``strict``: in a whole article)."""
    return mention.is_incident() and _concrete(mention, strict=strict)


def _concrete(mention: Mention, *, strict: bool) -> bool:
    """One event rather than weapons, a front or the war in general: a toll, or wording that something happened
    together with a place below country level (in a short report such as a headline or a wire snippet, a date or a
    target will do instead, and one specific act needs nothing more); never background wording
    ("since the invasion", "so far", "continued to", "every night"), even with a toll: a toll "so far" is a claim."""
    clause = mention.text
    tolls = any(f.count.value for f in mention.figures)
    if _history(mention, strict=strict):
        return False
    if not strict and not tolls and names_one_event(mention.event_cues):
        return True  # a short report of one specific act ("troops seized the town") needs nothing more
    if line_pattern("background_cues").search(RELATIVE_ASIDE.sub(" ", clause)):  # not an aside's "since"
        return False
    if tolls:
        return True
    named = (not strict and any(role(c) in ("act", "event") for c in violent(mention.event_cues))) or (
        _listed(mention) and bool(violent(mention.event_cues)))  # "Semenivka community – nine mortar rounds."
    if not named and not line_pattern("event_verbs").search(clause):
        return False  # a short report may name the event by a noun ("an arms cache was found")
    place = mention.best_place
    if place is not None and place.location.precision <= (4 if strict else 5):
        return True  # in a whole article, fighting "on the Pokrovsk front" with no toll is the front's day
    if strict:
        return False  # in a whole article, a toll-less attack "on the country" or nowhere is a summary
    dated = mention.date is not None and mention.date_precision in ("day", "week")
    return dated or bool(mention.targets) or any(f.count.value == 0 for f in mention.figures)


FINITE_ROLES = frozenset({"verb", "act"})
"""Cue roles that say something happened (a verb), rather than name a kind of event (a noun or a weapon)."""


_MUNITIONS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:bombs?|missiles?|drones?|shells?|rockets?|explosions?|strikes?|hits?|KABs?|Shaheds?|"
    r"UAVs?|vehicles|aircraft|helicopters|rounds|mines)\b",
    re.I,
)
"""What a counted number may count to make a clause one attack: munitions, explosions, hits."""


def _counted(mention: Mention) -> bool:
    """Munitions counted ("two guided bombs", "(14 explosions)") or a clock time ("around 13:00"), read with the
    sentence's numbers: the wording of one attack, not of the war's routine."""
    text = mention.sentence.text
    return any(
        number.unit == "time" or (number.unit is None and _MUNITIONS_AFTER.match(text, number.end))
        for number in mention.sentence.numbers
        if mention.start <= number.start < mention.end
    )


_AREA_COUNT = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>settlements|hromadas|communities|localities|villages|towns|cities|regions|"
    r"oblasts|provinces|times|clashes|engagements)\b",
    re.I,
)
_SHOT_DOWN_VERBS = r"(?:shot down|downed|destroyed|intercepted|neutrali[sz]ed)"
_SHOT_DOWN = re.compile(rf"\b{_SHOT_DOWN_VERBS}\s+(?:[\w-]+\s+){{0,3}}$", re.I)
"""Before a count of munitions: an air-defence tally ("shot down 46 drones"), not one attack."""
_SHOT_DOWN_AFTER = re.compile(
    rf"[^.;]{{0,60}}?\b(?:had been|have been|were|was)\s+{_SHOT_DOWN_VERBS}\b",
    re.I,
)
"""After a count of munitions: the same tally in the passive ("19 drones heading for the capital had been shot
down")."""
_REGION_DAY = re.compile(
    r"\b(?:across|throughout|all over)\s+the\b|"
    r"\b(?:over|in|during)\s+(?:the\s+)?(?:past|previous|last)\s+(?:day|24 hours)\b",
    re.I,
)
"""A region's toll summed over a day: "across the Kherson region", "over the previous 24 hours"."""
_TALLIED = re.compile(
    r"\b(?:made|carried out|conducted)\s+(?:\w+\s+)?\d[\d,]*\s+(?:shellings|attacks|strikes)\b|"
    r"\b\d[\d,]*\s+(?:explosions|shellings|attacks|strikes|hits)\s+(?:were|have been|had been)\s+"
    r"(?:registered|recorded|counted)\b", re.I)
"""An official's tally of a day's fire ("the Russian troops made 38 shellings", "164 explosions were registered"):
a summary, unless it is a place's item in a list."""
_THE_REGION = re.compile(r"\b(?:in|on|across|throughout|of)\s+the\s+(?:region|oblast|province)\b", re.I)
"""The region the article is about, unnamed: "in the region"."""
_AREAS = r"(?:areas|districts|settlements|villages|towns|communities|hromadas|regions)\b"
_ON_AREAS = re.compile(
    rf"\b(?:attacks|strikes|raids)\s+on\s+(?:the\s+)?(?:[\w-]+\s+)?{_AREAS}|"
    r"\b(?:attack(?:ed|s|ing)?|shell(?:ed|ing)|struck|hit|targeted|fired (?:[\w-]+\s+){0,2}?(?:on|at))\s+"
    rf"(?:(?:several|many|multiple|numerous|a number of|dozens of)\s+|the\s+)?(?:[\w-]+\s+)?{_AREAS}", re.I)
"""Attacks told on areas, not one place ("a string of attacks on border districts", "attacked several settlements in
the region", "fired artillery at border communities of the Sumy region")."""


def _on_areas(mention: Mention) -> bool:
    """Attacks told on areas (``_ON_AREAS``), not on places the clause names after ("shelled the villages of Esman and
    Myropillia")."""
    found = _ON_AREAS.search(mention.text)
    return found is not None and not any(
        p.location.precision < OBLAST_PRECISION and p.start >= mention.start + found.end() for p in mention.places)
AREA_COUNT = 5
"""From this many settlements counted ("attacked 41 settlements"), a clause sums up an area's day; two regions will
do ("five Russian regions")."""


def _air_defence_tally(mention: Mention) -> bool:
    """Whether the clause counts munitions shot down by the score ("air defences destroyed 112 drones overnight, 46 of
    them over the Bryansk region"): a tally, never an event of its own."""
    text = mention.sentence.text
    for number in mention.sentence.numbers:
        value = number.count.min or number.count.max or 0
        if number.unit is not None or not mention.start <= number.start < mention.end or value < AREA_COUNT:
            continue
        munitions = _MUNITIONS_AFTER.match(text, number.end)
        if munitions and (_SHOT_DOWN.search(text, max(0, number.start - 40), number.start)
                          or _SHOT_DOWN_AFTER.match(text, munitions.end())):
            return True
    return False


_ACROSS_COUNTRY = re.compile(r"\b(?:across|throughout|all over)\s+(?:the\s+country|Ukraine|Russia)\b", re.I)
"""A toll summed over the whole country ("... across Ukraine overnight"), told place by place after."""
_SINCE_THEN = re.compile(r"\s*Since\s+[^,]{3,40},\s+(?:[\w’'-]+\s+){1,4}?(?:has|have)\s+(?:\w+\s+)?\w+ed\b")
"""A campaign told since a date in the perfect ("Since Oct. 10, Russia has pounded power stations"): no one event."""


def _area_summary(mention: Mention) -> bool:
    """Whether an article's clause sums up attacks across an area rather than reporting one event: places counted
    ("attacked 41 settlements in Kherson Oblast, injuring 11", "41 attacks on 11 hromadas", "drones attacked five
    Russian regions", "opened fire on the republic's territory 47 times", "attacks on border districts"), tolls
    across the country, two regions or more and no place within them ("strikes also hit the Zaporizhzhia and Odesa
    regions"), a region's day ("over the past day 1 person was killed in the region"), or three towns or more. Such
    a clause stands as an event only for a region the article reports no event in."""
    text = mention.sentence.text
    for number in mention.sentence.numbers:
        counted = number.unit is None and mention.start <= number.start < mention.end
        area = _AREA_COUNT.match(text, number.end) if counted else None
        value = number.count.min or number.count.max or 0
        if not area or (area["noun"].lower() == "times" and _a_town(mention.best_place, spoken=False)):
            continue  # "fired at the city about 40 times": one barrage on one town
        if value >= (2 if area["noun"].lower() in ("regions", "oblasts", "provinces") else AREA_COUNT):
            return True
    if _TALLIED.search(mention.text) and not _listed(mention):
        return True  # "164 explosions were registered", not "Novhorod-Siverskyi community – 23 explosions were ..."
    if _ACROSS_COUNTRY.search(mention.text) or _SINCE_THEN.match(mention.text) or _on_areas(mention):
        return True  # "killed two people and wounded more than 20 across Ukraine"; "Since Oct. 10, Russia has pounded"
    regions = {p.location.admin1 for p in mention.places if p.location.precision == OBLAST_PRECISION}
    if len(regions) >= 2 and all(p.location.precision >= OBLAST_PRECISION for p in mention.places):
        return True
    whole_region = bool(regions) and all(p.location.precision >= OBLAST_PRECISION for p in mention.places)
    unnamed_region = not mention.places and _THE_REGION.search(mention.text)
    if (whole_region or unnamed_region) and _REGION_DAY.search(mention.text):
        return True  # "across the Kherson region ... over the past day", "... 3 were injured in the region"
    return _longest_list(mention) >= LISTED_PLACES  # "240 drones attacked Zaporizhzhia, Orikhiv and Bilenke"


_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")


def _longest_list(mention: Mention) -> int:
    """How many towns the clause names in one list ("Orikhiv, Huliaipole, Malokaterynivka and Mala Tokmachka"); towns
    that only locate another ("between Selydove and Kurakhove") are two, not a list of targets."""
    text = mention.sentence.text
    towns = sorted((p for p in mention.places if p.location.precision < OBLAST_PRECISION), key=lambda p: p.start)
    longest = run = 0
    for before, after in zip([None, *towns], towns, strict=False):
        joined = before is not None and bool(_LIST_GAP.fullmatch(text, before.end, after.start))
        run = run + 1 if joined else 1
        longest = max(longest, run)
    return longest


OBLAST_PRECISION = 4
DISTRICT_PRECISION = 3
"""``Location.precision`` of a whole oblast or region."""
LISTED_PLACES = 3
"""From this many towns named in one clause, the clause sums up an area's day rather than reporting one event."""


_LIST_ITEM = re.compile(r"[\W_]*(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*" + PLACE_KIND + r"\s*(?:[:–—]|[.-]\s)")
"""The head of an item of an official's list, a place's name and a colon, a dash or a full stop ("Shostka
community: a drone attack ...", "Semenivka community – nine mortar rounds", "Ochakiv community. On Tuesday ...")."""


def _listed(mention: Mention) -> bool:
    """Whether the clause is an item of a list told place by place, the place heading it: it tells what happened
    there, however briefly."""
    head = _LIST_ITEM.match(mention.sentence.text)
    place = mention.best_place
    return head is not None and place is not None and mention.start < head.end() and place.end <= head.end()


def _names_the_war(mention: Mention) -> bool:
    """Whether an article's clause names a kind of event ("the battle of Bakhmut", "strikes on occupied Crimea",
    "the attacks on Odesa") with neither a toll nor a date of its own: it refers to the war or to an event reported
    elsewhere in the article, and may add to that one but not stand as a new one. A verb ("drones struck ...") or a
    toll reports an event, and so does a date to the day ("the strike on Dnipro this week" is still a reference)."""
    dated = mention.date is not None and not mention.inherited & {"date", "stated"} and mention.date_precision == "day"
    if any(f.count.value for f in mention.figures) or dated:
        return False
    if _counted(mention) or _listed(mention):
        return False  # "two guided bombs on Bilopillia", "shelling of Krasnopillia (14 explosions)": one event
    return not any(role(c) in FINITE_ROLES for c in violent(mention.event_cues))


RECENT_DAYS = 62
"""In an article, an event dated to the day more than this long before the report is background."""


def _history(mention: Mention, *, strict: bool, carried: bool = False) -> bool:
    """Whether the clause is dated to a year only, before the report's year ("in 2014 Russia seized Crimea") or, in an
    article, at all: events are reported to the day, the week or the month; a year dates history. In an article, a
    month before the report's month dates history too ("In January this year a missile ... killing 46 people", in
    a November report): the events an article reports are dated to the day. ``carried``: a date the clause takes
    from the clause before counts too ("..., killing 46 people"). A period that ended long before the report dates
    history as well ("In the summer of 2022, a missile flattened a hostel", in a 2024 report)."""
    published = mention.sentence.published
    if strict and published is not None and any(
            d.kind == "period" and d.end_date is not None and (published - d.end_date).days > RECENT_DAYS
            for d in mention.dates):
        return True
    if mention.date is None or ("date" in mention.inherited and not carried):
        return False
    if mention.date_precision == "month":
        return strict and published is not None and (mention.date.year, mention.date.month) < (
            published.year, published.month)
    if mention.date_precision in ("day", "week"):  # "The deadliest strike hit the city on Dec. 30, 2023"
        return strict and published is not None and (published - mention.date).days > RECENT_DAYS
    if mention.date_precision != "year":
        return False
    return strict or (published is not None and mention.date.year < published.year)


def _referent(recent: list[tuple[Sentence, list[Draft]]], sentence: Sentence, restated: list[Draft]) -> Draft | None:
    """The one draft that a place-less sentence refers back to, or None when it is far or ambiguous. A headline's
    draft (``restated``) is referred to only by the headline's standfirst or caption: the body tells its event anew."""
    body = sentence.block.kind not in SUMMARY_BLOCKS
    for previous, mentioned in reversed(recent[-ATTACH_DISTANCE:]):
        opened = [d for d in mentioned if not (body and d in restated)]
        if previous.block.kind == "caption" or sentence.block.kind == "caption":
            return None
        if sentence.index - previous.index > ATTACH_DISTANCE:
            return None
        if len(opened) == 1:
            return opened[0]
        if len(opened) > 1:
            return None
    return None


HEADING_WORDS = 14
"""A paragraph this short without a closing full stop is a heading (a live page's entry title): it restates the
entry below it."""


def _heading(sentence: Sentence) -> bool:
    """Whether the sentence is a whole paragraph worded as a heading ("Drones hit energy facility in Sumy region")."""
    text = sentence.text.rstrip()
    whole = sentence.start == sentence.block.start and sentence.end >= sentence.block.end - 1
    return whole and not text.endswith((".", "!", "?", '"', "”", ":")) and len(text.split()) <= HEADING_WORDS


def _told_by_region(mention: Mention, target: Draft | None) -> bool:
    """Whether a clause placed only by its speaker's title ("At least 53 people were wounded, the Dnipropetrovsk
    regional military administration wrote") goes on about the event just told in that region."""
    place = mention.best_place
    if place is None or not place.speaker or target is None or target.place is None:
        return False
    return _places_compatible(target.place.location, place.location)


def _another_day_there(mention: Mention, target: Draft | None) -> bool:
    """Whether a clause with no place of its own tells a new event, on a day of its own, in the town the event before
    was in ("On Tuesday morning, Russian artillery shelled the area around the city's bus station")."""
    then = target.date if target is not None and target.place is not None else None
    if mention.best_place is not None or then is None or mention.date is None or mention.inherited & {"date", "stated"}:
        return False
    return (mention.date > then and mention.date_precision == "day"  # a day before it is history recalled
            and bool(_THE_TOWN.search(mention.text)) and bool(violent(mention.event_cues)))


_PAIR_GAP = re.compile(r"\s*,?\s*and\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?", re.I)


def _two_towns(mention: Mention) -> list[str]:
    """The two towns a tolled clause names joined ("struck the city of Zaporizhzhia and the neighbouring town of
    Vilniansk, wounding six people"), as gazetteer ids; else none."""
    if not any(f.count.value for f in mention.figures):
        return []
    towns = sorted((p for p in mention.places if p.location.precision < OBLAST_PRECISION), key=lambda p: p.start)
    if len(towns) != 2 or towns[0].location.gazetteer_id == towns[1].location.gazetteer_id:
        return []
    text = mention.sentence.text
    if not _PAIR_GAP.fullmatch(text, towns[0].end, towns[1].start):
        return []
    return [t.location.gazetteer_id or "" for t in towns]


def _part_by_town(drafts: list[Draft], pair: Draft, towns: list[str]) -> None:
    """A toll for two towns together (``towns``, from ``_two_towns``) is no event of its own when the article tells
    each town's event: those events keep the day it gave them, and its sum goes."""
    told = [d for d in drafts if d is not pair and d.place and d.place.location.gazetteer_id in towns]
    if {d.place.location.gazetteer_id for d in told if d.place} != set(towns):
        return
    drafts.remove(pair)
    dated = replace(pair.primary[0], figures=[], places=[], inherited=set(pair.primary[0].inherited))
    for draft in told:
        if not any(m.date and _date_rank(m) == 0 for m in draft.mentions):
            draft.attached.append(dated)


_NAMED_ELSEWHERE = re.compile(r"\b(?:village|town|settlement|city|community|hamlet) of (?-i:[A-Z])", re.I)
"""A place named by its kind ("the village of Korsunka") that the gazetteer does not know: somewhere, not at home."""


def _home(analysis: Analysis) -> Mention | None:
    """The one town an article is about: the only town its headline names, else its wire dateline's town; returned
    as a mention of that sentence that says nothing but the place."""
    named = [(s, p) for s in analysis.blocks_of("title") for p in s.places if _a_town(p)]
    if not named:
        dated = next((s for s in analysis.sentences if s.dateline_end), None)
        named = [(dated, p) for p in find_places(dated.text[: dated.dateline_end])
                 if _a_town(p) and len(p.candidates) <= 1] if dated else []
    return _says_place(*named[0]) if len({p.location.gazetteer_id for _, p in named}) == 1 else None


def _a_town(place: PlaceMatch | None, *, spoken: bool = True) -> bool:
    """Whether a place is a town, not a region (nor, unless ``spoken``, named in a speaker's title)."""
    return place is not None and place.location.precision < OBLAST_PRECISION and (spoken or not place.speaker)


def _introduced_place(recent: list[tuple[Sentence, list[Draft]]], sentence: Sentence) -> Mention | None:
    """The one town named by the sentence just before, when it tells no event but introduces what follows ("In
    Kramatorsk, the head of the city military administration wrote overnight:"; "Russian troops were trying to cut
    off Lysychansk." before "Shelling of the city on Tuesday killed ..."): the place of the events told next."""
    if not recent or not sentence.index:
        return None
    previous, drafts = recent[-1]
    introduces = previous.text.rstrip().endswith(":") or _THE_TOWN.search(sentence.text)
    if drafts or previous.index != sentence.index - 1 or not introduces:
        return None
    towns = [p for p in previous.places if _a_town(p)]
    return _says_place(previous, towns[0]) if len({p.location.gazetteer_id for p in towns}) == 1 else None


def _says_place(sentence: Sentence, place: PlaceMatch) -> Mention:
    """A mention of ``sentence`` that says nothing but ``place``: what a draft told elsewhere borrows, with its
    evidence where the place is named."""
    return Mention(sentence, place.start, place.end, figures=[], places=[place], dates=[], event_cues=[], weapons=[],
                   targets=[], perpetrators=[], hypothetical=False, new_event=False, damage=False,
                   inherited={"place"})


def _place_only(draft: Draft) -> Mention:
    """The place of ``draft`` as a mention that says nothing else (see ``_says_place``)."""
    place = draft.place
    assert place is not None
    owner = next(m for m in draft.mentions if m.best_place is place)
    return _says_place(owner.sentence, place)


_UNDISCLOSED = re.compile(
    r"\b(?:not|never|declined to|refused to)\s+(?:say|said|disclose|disclosed|specify|specified|name|named|reveal|"
    r"revealed|give|gave)\s+(?:where|the\s+(?:exact\s+)?(?:location|place|site|area))|\bundisclosed\s+location\b",
    re.I)
"""Wording that says where an event happened was kept back ("The company did not disclose where the attack
happened"): it is placed nowhere, whatever the headline names."""


def _at_home(analysis: Analysis, drafts: list[Draft]) -> None:
    """An event the article places nowhere ("a drone struck a street near the central market") happened in the one
    town the article is about, unless it names a place the gazetteer does not know ("the village of Korsunka") or the
    article says its place was kept back ("did not say where")."""
    unplaced = [d for d in drafts if d.place is None and not any(_NAMED_ELSEWHERE.search(m.text) for m in d.mentions)]
    if unplaced and _UNDISCLOSED.search(analysis.article.text):
        return
    home = _home(analysis) if unplaced else None
    if home is not None:
        for draft in unplaced:
            draft.attached.append(home)


def _town_in_region(mention: Mention, target: Draft | None) -> bool:
    """Whether a clause placed only by a region refers back to the town just told ("fired on the town from the
    opposite bank", said an official of the Zaporizhzhia region's administration; "the rockets ... over the Belgorod
    region")."""
    place = mention.best_place
    if place is None or target is None or target.place is None or place.location.precision < OBLAST_PRECISION:
        return False
    referred = _THE_TOWN.search(mention.text) or _THE_MUNITIONS.search(mention.text)
    return bool(referred) and _places_compatible(target.place.location, place.location)


_THE_MUNITIONS = re.compile(r"\b(?:the|these|those)\s+(?:rockets?|missiles?|drones?|shells?|bombs?|strike|attack|"
                            r"shelling|explosion|blast)\b(?!\s+(?:on|of|in)\b)", re.I)
"""An attack referred back to ("the rockets were fired by Vampire launchers, and air defences intercepted ten of them
over the Belgorod region"): the event just told, not one of the region's."""


def _at_its_place(mention: Mention, target: Draft | None, drafts: list[Draft]) -> Draft | None:
    """The draft a clause that adds to an event belongs to: the one referred back to, unless the clause names
    another place ("In Marhanets, people were not hurt" after the Nikopol casualties); then the event at that place,
    if the article reports one."""
    place = mention.best_place
    if target is None or place is None or target.place is None:
        return target
    if _places_compatible(target.place.location, place.location):
        return target
    same = [d for d in drafts if d.place and d.place.location.gazetteer_id == place.location.gazetteer_id]
    return same[-1] if same else None


def _denied(draft: Draft, mention: Mention) -> bool:
    """Whether a clause's toll is one its event was told not to have ("No casualties." for a village, then a toll from
    a sentence about another attack): it belongs elsewhere."""
    return any(f.count.value and any(z.count.value == 0 for _, z in draft.figures(f.role)) for f in mention.figures)


def _has_toll(draft: Draft) -> bool:
    return any(f.count.value is not None for m in draft.mentions for f in m.figures)


def _merge_or_add(drafts: list[Draft], draft: Draft, *, may_add: bool = True, loose: bool = False) -> Draft:
    """Merge ``draft`` into the existing draft it most resembles (the latest on a tie), or (if ``may_add``) add it;
    returns the draft that holds it. ``loose``: a reference back ("the shells damaged houses in the region") needs no
    shared place, only nothing that contradicts."""
    scored = [(s, i, d) for i, d in enumerate(drafts) if (s := _affinity(d, draft, loose=loose)) > 0]
    if scored:
        best = max(scored, key=lambda triple: triple[:2])[2]
        best.primary += draft.primary
        best.attached += draft.attached
        return best
    if may_add:
        drafts.append(draft)
    return draft


def _near_same(a: Draft, b: Draft) -> bool:
    """Whether one draft is "near" a town and the other in a town of the same region with the same toll: a headline's
    "missiles hit a holiday camp near Odesa, killing 21" is the body's strike on Serhiivka, in the Odesa region."""
    pa, pb = a.place, b.place
    if not (pa and pb and (pa.location.near or pb.location.near) and pa.location.admin1 == pb.location.admin1):
        return False
    return any(fa and fb and fa[0][1].count.value and fa[0][1].count == fb[0][1].count
               for fa, fb in ((a.figures(toll), b.figures(toll)) for toll in ROLES))


def _affinity(a: Draft, b: Draft, *, loose: bool = False) -> int:
    """How strongly two drafts look like one event: 0 when anything contradicts or nothing ties them."""
    pa, pb = a.place, b.place
    restates = a.summary_only != b.summary_only  # a headline beside the body (not two lines of one headline)
    if pa and pb and not _places_compatible(pa.location, pb.location) and not (restates and _near_same(a, b)):
        return 0
    if loose and pb and not pa:
        return 0  # a reference back names where its event was: not an event reported without a place
    headline, body = (a, b) if a.summary_only else (b, a)
    if restates and headline.place and not body.place:
        return 0  # a headline that names a place restates an event the body places too
    if a.date and b.date and a.date != b.date:
        # a headline's "overnight" and the body's "late on Monday" are one night: one day apart, same place
        summary = a.summary_only or b.summary_only
        one_place = _same_entry(pa, pb) or (
            restates and (not (pa and pb) or _places_compatible(pa.location, pb.location)))
        told_next_day = _same_entry(pa, pb) and _told_next_day(a, b)
        if not (summary and one_place and abs((a.date - b.date).days) == 1) and not told_next_day:
            return 0
    same_place = _same_entry(pa, pb) and not (_in_district(a) != _in_district(b))
    rising = (same_place or (restates and not (pa and pb))) and (_rising(a) or _rising(b))  # "had risen to three"
    for toll in ROLES:
        fa, fb = a.figures(toll), b.figures(toll)
        if fa and fb and not _counts_overlap(fa[0][1].count, fb[0][1].count) and not rising and not (
                same_place and _headline_part(a, fa[0][1].count, b, fb[0][1].count)):
            return 0
    if not same_place and not (a.summary_only or b.summary_only or loose):
        return 0  # two body reports are two events unless they name the same place
    score = 1 if loose or restates else 0  # a headline restates a body event
    if same_place and pa and pa.location.precision <= 4:
        score += 3
    score += 2 * len(a.labels("weapons") & b.labels("weapons"))
    score += len(a.labels("targets") & b.labels("targets"))
    for toll in ROLES:  # a caption's "Twelve people were killed" is the event whose toll is twelve
        fa, fb = a.figures(toll), b.figures(toll)
        if fa and fb and fa[0][1].count.value and fa[0][1].count == fb[0][1].count:
            score += 2
    return score


_STANDS_AT = re.compile(r"\b(?:now\s+)?stands?\s+at\b|\bstood\s+at\b|"
                        r"\bbr(?:ings|inging|ought)\s+the\s+(?:death\s+)?toll\b|"
                        r"\b(?:put|puts|putting|revised|corrected|lowered)\s+the\s+"
                        r"(?:(?:death|final|overall|total|updated|latest)\s+)?(?:number|toll|count|tally|figure)\b|"
                        r"\btoll\s+(?:(?:is|was|has\s+been)\s+)?(?:revised|lowered|corrected|cut)\b", re.I)
_SUPERSEDED = re.compile(r"\b(?:had\s+)?(?:earlier|initially|first|originally|previously)\s+(?:been\s+)?"
                         r"(?:reported|said|put|given|announced|counted|spoke of)\b", re.I)


def _superseded(mention: Mention, figure: Figure) -> bool:
    """Whether a figure is worded as one reported before ("had earlier reported three dead", "initially said two")."""
    return _SUPERSEDED.search(mention.sentence.text, mention.start, figure.start + 1) is not None


_EARLIER = re.compile(r"\b(?:had|initially|first|originally|earlier)\s+$", re.I)


def _stands_at(mention: Mention, figure: Figure) -> bool:
    """Whether a figure is a toll stated as it stands after updates ("The toll now stands at one dead", "put the number
    of injured at eleven" after fourteen, "His death brings the toll to one killed and two injured"): it wins over
    earlier figures that disagree (one of the injured died). A figure put before ("had put the toll at seven",
    "initially put ...") does not."""
    text = mention.sentence.text
    for m in _STANDS_AT.finditer(text, mention.start, figure.end):
        if not _EARLIER.search(text, max(0, m.start() - 12), m.start()):
            return True
    return False
_RISING = re.compile(rf"\b(?:{RISE_WORDS}|updated|now)\b", re.I)


def _rising(draft: Draft) -> bool:
    """Whether a draft's toll is worded as one that rose as reports came in ("updated the toll", "now confirmed")."""
    return any(_RISING.search(m.text) for m in draft.mentions)


def _in_district(draft: Draft) -> bool:
    """Whether the draft happened in a village the gazetteer does not know, in the district named after a town ("the
    village of Sinkivka of Kupiansk district"): not the town itself."""
    place = draft.place
    return bool(place and place.location.precision == DISTRICT_PRECISION
                and any(_NAMED_ELSEWHERE.search(m.text) for m in draft.primary))


def _same_entry(a, b) -> bool:  # type: ignore[no-untyped-def]
    """Whether two places (either may be missing) are the same gazetteer entry."""
    return bool(a and b and a.location.gazetteer_id == b.location.gazetteer_id)


def _told_next_day(a: Draft, b: Draft) -> bool:
    """Whether one draft is dated only by the day its toll was told ("the death toll rose to eight on Saturday") and
    the other by its own date the day before ("the missile hit late Friday"): one event told on the next day."""
    if a.date is None or b.date is None:
        return False
    (told, when), (own, then) = sorted([(a, a.date), (b, b.date)], key=lambda pair: pair[1], reverse=True)
    told_only = all(_date_rank(m) >= 1 for m in told.mentions if m.date)
    return told_only and (when - then).days == 1 and any(_date_rank(m) == 0 for m in own.mentions if m.date)


def _places_compatible(a: Location, b: Location) -> bool:
    if a.gazetteer_id == b.gazetteer_id:
        return True
    coarse, fine = (a, b) if a.precision >= b.precision else (b, a)
    if coarse.precision >= 6:
        return coarse.country == fine.country
    if coarse.precision >= 4:
        return coarse.admin1 is not None and coarse.admin1 == fine.admin1
    return False


def _headline_part(a: Draft, count_a: Count, b: Draft, count_b: Count) -> bool:
    """Whether the smaller of two tolls is a headline's part of the other ("wounds two children" of nine wounded)."""
    (small, part), (_, whole) = sorted([(a, count_a), (b, count_b)], key=lambda pair: pair[1].value or 0)
    smaller = part.value and whole.value and (part.max or part.value) < (whole.min or whole.value)
    return bool(small.summary_only and smaller)


def _counts_overlap(a: Count, b: Count) -> bool:
    if (a.value == 0) != (b.value == 0):
        return False
    lo = max(a.min or 0, b.min or 0)
    hi = min(a.max if a.max is not None else 10**9, b.max if b.max is not None else 10**9)
    return lo <= hi


def merge_counts(counts: list[Count]) -> Count:
    """One figure from several wordings: the tightest range they all allow, or, when they disagree, the largest (a
    toll that rose as reports came in; "a man was killed" after "killing two people" is one of the two)."""
    lo = max((c.min for c in counts if c.min is not None), default=None)
    hi = min((c.max for c in counts if c.max is not None), default=None)
    if lo is not None and hi is not None and lo > hi:
        # wordings that disagree: a toll that rose as reports came in, or one victim of several told apart
        return max(counts, key=lambda c: c.value or 0)
    if lo is not None and hi is not None and lo == hi:
        exact = any(c.qualifier == "exact" and c.min == lo for c in counts)
        return Count(lo, hi, "exact" if exact else next(c.qualifier for c in counts if c.min == lo or c.max == hi))
    if lo is not None and hi is not None:
        return Count(lo, hi, "range")
    if lo is not None:
        return Count(lo, None, next((c.qualifier for c in counts if c.min == lo), "at least"))
    return Count(None, hi, next((c.qualifier for c in counts if c.max == hi), "up to"))


def _default_perpetrator(drafts: list[Draft]) -> str | None:
    actors = Counter(
        c.label for d in drafts for m in d.primary if "perpetrator" not in m.inherited for c in m.perpetrators
    )
    return actors.most_common(1)[0][0] if actors else None


def _to_incident(analysis: Analysis, draft: Draft, default_actor: str | None) -> Incident:
    evidence: list[Evidence] = []
    seen_sentences: list[Sentence] = []
    for m in draft.mentions:
        if m.sentence not in seen_sentences:
            seen_sentences.append(m.sentence)
    first = draft.primary[0]
    evidence.append(first.sentence.evidence("incident", first.start, first.end))

    location = None
    place = draft.place
    if place is not None:
        location = place.location
        owner = next(m for m in draft.mentions if m.best_place is place)
        evidence.append(owner.sentence.evidence("location", place.start, place.end))

    event_date, precision = _date(analysis, draft, evidence)
    event_type, weapon = _type_and_weapon(draft, evidence)
    targets = _targets(draft, evidence)
    perpetrator = _perpetrator(draft, evidence) or default_actor

    tolls: dict[str, Count | None] = {}
    for toll in ROLES:
        found = draft.figures(toll)
        current = [(m, f) for m, f in found if not _superseded(m, f)]
        if current and not all(_counts_overlap(f.count, current[0][1].count) for _, f in found):
            found = current  # "The city council had earlier reported three dead": the figure since corrected
        tolls[toll] = merge_counts([f.count for _, f in found]) if found else None
        standing = [f for m, f in sorted(found, key=lambda pair: pair[0].sentence.start + pair[1].start)
                    if _stands_at(m, f)]
        if standing and not all(_counts_overlap(f.count, standing[-1].count) for _, f in found):
            tolls[toll] = standing[-1].count  # "The toll now stands at one dead and two injured": the last word
        for mention, figure in found:
            evidence.append(mention.sentence.evidence(toll, figure.start, figure.end))

    attributed: list[str] = []
    for sentence in seen_sentences:
        attribution = find_attribution(sentence.text)
        if attribution and attribution.source not in attributed:
            attributed.append(attribution.source)
            evidence.append(sentence.evidence("attributed_to", attribution.start, attribution.end))

    stated_date = any(e.field == "date" for e in evidence)  # not the publication date standing in
    confidence = _confidence(draft, location, stated_date, perpetrator, bool(attributed))
    return Incident(
        id=stable_id("inc", analysis.article.id, first.sentence.start + first.start),
        article_id=analysis.article.id,
        date=event_date.isoformat() if event_date else None,
        date_precision=precision,
        event_type=event_type,
        weapon=weapon,
        location=location,
        perpetrator=perpetrator,
        targets=targets,
        killed=tolls["killed"],
        injured=tolls["injured"],
        missing=tolls["missing"],
        attributed_to=attributed,
        evidence=evidence,
        confidence=calibrated("incident", confidence),
    )


def _date_rank(mention: Mention) -> int:
    """How well a mention's date dates its event: its own (0), the day something was said ("officials said on
    Wednesday", 1), or carried from the clause before (2)."""
    return 2 if "date" in mention.inherited else 1 if "stated" in mention.inherited else 0


def _date(analysis: Analysis, draft: Draft, evidence: list[Evidence]) -> tuple[date | None, str]:
    dated = [(m, m.date_evidence) for m in draft.mentions if m.date and m.date_evidence]
    if dated:  # the best-ranked date, the body's before a headline's
        best, match = min(dated, key=lambda pair: (  # a clause that tells the attack before one that tells a toll
            _date_rank(pair[0]), pair[0].sentence.block.kind in SUMMARY_BLOCKS, not violent(pair[0].event_cues)))
        # inherited dates come from the same sentence: offsets still hold
        evidence.append(best.sentence.evidence("date", match.start, match.end))
        return best.date, best.date_precision
    if analysis.published:
        return analysis.published, "week"
    return None, "unknown"


def _type_and_weapon(draft: Draft, evidence: list[Evidence]) -> tuple[str, str | None]:
    weapons = [(m, c) for m in draft.primary for c in m.weapons]
    weapon = min(weapons, key=lambda mc: _WEAPON_ORDER[mc[1].label]) if weapons else None
    owner = {id(c): m for m in draft.primary for c in m.event_cues}
    event_type, cue = classify([c for m in draft.primary for c in m.event_cues], weapon[1].label if weapon else None)
    if cue is not None:
        evidence.append(owner[id(cue)].sentence.evidence("event_type", cue.start, cue.end))
    if weapon:
        m, weapon_cue = weapon
        evidence.append(m.sentence.evidence("weapon", weapon_cue.start, weapon_cue.end))
    return event_type, weapon[1].label if weapon else None


def _targets(draft: Draft, evidence: list[Evidence]) -> list[str]:
    labels: list[str] = []
    for m in draft.mentions:
        for cue in m.targets:
            if cue.label not in labels:
                labels.append(cue.label)
                evidence.append(m.sentence.evidence("targets", cue.start, cue.end))
    return labels


def _perpetrator(draft: Draft, evidence: list[Evidence]) -> str | None:
    for inherited_ok in (False, True):
        for m in draft.primary:
            if m.perpetrators and (inherited_ok or "perpetrator" not in m.inherited):
                cue = m.perpetrators[0]
                evidence.append(m.sentence.evidence("perpetrator", cue.start, cue.end))
                return cue.label
    return None


def _confidence(draft: Draft, location: Location | None, dated: bool, actor: str | None, attributed: bool) -> float:
    """A score in [0, 1] from how much of the incident the text states outright (see docs/evaluation.md)."""
    score = 0.35
    if location is not None:
        score += 0.2 if location.precision <= 2 else 0.1 if location.precision <= 4 else 0.03
    score += 0.1 if dated else 0.0
    score += 0.1 if any(m.figures for m in draft.mentions) else 0.0
    score += 0.08 if any(m.violent_cues for m in draft.primary) else 0.0
    score += 0.05 if actor else 0.0
    score += 0.05 if attributed else 0.0
    score += 0.05 if len(draft.primary) > 1 else 0.0
    return round(min(score, 0.98), 2)
