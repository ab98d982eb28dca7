"""Split a sentence into clauses and read what each says about one violent event: a *mention*.

"Russian strikes killed a couple near Kyiv and hammered the southern city of Odesa, a day after a drone attack
killed five people on a passenger train" is three mentions: the clause boundaries are an ``and`` before a new
attack verb, a ``, a day after`` that moves to another event, and ``as`` before a new subject ("... injures three as
Kherson comes under fire"). Later clauses of a sentence inherit its subject
(perpetrator) and date; a clause dated relative to another event ("a day after") is dated from the clause before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from warledger.extract.analysis import Sentence
from warledger.extract.casualties import Figure, find_figures
from warledger.extract.cues import Cue, find_cues, line_pattern
from warledger.extract.dates import DateMatch
from warledger.extract.event_types import reads_as_incident, role, violent
from warledger.extract.places import PlaceMatch

_CLAUSE_BREAK = re.compile(
    r"(?:,|\s+(?:came|comes|happened|followed|follows))\s+"
    r"(?=(?:(?:just\s+)?(?:a|one|two|three|four|five|several|\d+)\s+)?(?:days?|hours?|weeks?|minutes)\s+"
    r"(?:after|before|earlier|later)\b)"
    r"|;\s+"
    r"|\s+while\s+(?!\w+ing\b)"  # "while working in a field near Vysokopillia": when, not another event
    r"|(?P<as>,?\s+as\s+(?=[A-Z]))"
    r"|,\s+whereas\s+"
    r"|\s+and\s+(?=(?:also\s+|later\s+)?(?:hammered|struck|hit|shelled|pounded|attacked|targeted|bombarded|bombed|battered|rocked)\b)",
    re.IGNORECASE,
)
_NOT_ACTOR_AFTER = re.compile(
    r"\s*(?:'s\s+)?(?:President|president|officials?|authorities|leader|media|state media|government|governor|mayor|"
    r"prosecutors?|police|emergency|ministry|Ministry|spokes\w+|people|citizens|territory|soil|city|border|region|"
    r"side|Defence|Defense|Foreign|embassy|news|sources|bloggers|language|speaking|war|economy|oil|gas|said|says|"
    r"claimed|Sea Ports Authority|Air Force said|General Staff|leadership|negotiators|delegation|losses|casualties)\b"
)
_TARGET_BEFORE = re.compile(r"\b(?:on|at|against|into|in|inside|to|from|with|and)\s+$", re.IGNORECASE)
_DOWNED_BEFORE = re.compile(
    r"\b(?:shot down|downed|intercepted)\s+(?:(?:an?|the|another|two|three|several)\s+)?$", re.I)
"""An actor right after these words owned what was shot down ("shot down an enemy aircraft"): not who acted."""
_REPELLED_BEFORE = re.compile(
    r"\b(?:repelled|repulsed|fended off|thwarted|beat back)\s+(?:(?:an?|the|another)\s+)?$", re.I)
"""An actor right after these words made the attack that was repelled: the perpetrator, named first."""
_EVENT_NOUN = re.compile(r"\b(?:attacks?|strikes?|shelling|explosions?|blasts?|raids?|bombing)\b", re.IGNORECASE)
_INDEFINITE_EVENT = re.compile(
    r"\b(?:a|an|another|new)\s+(?:(?!(?:of|the|its|their)\b)\w+\s+){0,3}?(?:attacks?|strikes?|drone|missile|shelling|"
    r"explosion|blast|bombing|raid|barrage|airstrike|air strike)\b",
    re.IGNORECASE,
)
_HOW_HURT = re.compile(r"\b(?:killed|wounded|injured|hurt|died)\s+(?:when|as)\s+$", re.I)
"""Before an indefinite event: how a victim of the event told before was hurt ("A man was wounded when an FPV drone
hit his car"), not a new event."""
_DAMAGE = re.compile(r"\b(?:damag\w*|destroy\w*|hit|fires?|blaze|ablaze|burn\w*|struck|collapsed|rubble)\b", re.I)
_QUOTED = re.compile(r"[\"“][^\"”]{8,}[\"”]")
_STATED_ON = re.compile(
    r"\b(?:said|says|reported|announced|added|wrote|confirmed|stated|told (?:reporters|journalists|\w+))\s+"
    r"(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.I,
)
_UPDATED_ON = re.compile(
    r"\b(?:rose|risen|climbed|increased|grew|jumped)\s+to\s+(?:at least\s+)?[\w,-]+\s+(?:(?:late|early)\s+)?"
    r"(?:on\s+)?$", re.I)
"""Before a date: the day something was said ("officials said on Wednesday") or a toll rose ("the death toll rose to
eight on Saturday"), which dates an event only when the clause gives no other date."""
_BY = re.compile(r"\bby\s+$", re.I)
"""Before a date: the day a toll had been reached by ("by Friday morning the number had grown to 11")."""
_POSSESSIVE = re.compile(r"[’']s\b")
"""A date as a possessive names an event ("killed by Saturday's missile strike"), not a deadline."""
_OPENING = re.compile(r"\W*(?:(?:later|earlier|early|late)\s+)?(?:on|in)?\s*", re.I)
"""What may stand before a date that opens its sentence."""
_STATED_AFTER = re.compile(
    r"\s*,\s*(?:[\w'’.-]+\s+){1,6}?(?:said|reported|announced|added|wrote|confirmed|stated)\s+that\b", re.I)
"""After a date that opens its sentence: the day something was said ("Later on Wednesday, the regional
administration said that a woman wounded in Saturday's strike had died")."""
_DATED_BEFORE = re.compile(r"\b(?:the|a|an|its|their|deadly)\s+(?:[\w-]+\s+)?(?:19|20)\d\d\s+(?:[\w-]+\s+)?$", re.I)
"""Wording dated to a year as a name ("a deadly 2017 chemical attack", "the 2014 offensive") recalls another event."""


@dataclass(eq=False)
class Mention:
    """One clause of one sentence and what it says; offsets are relative to the sentence."""

    sentence: Sentence
    start: int
    end: int
    figures: list[Figure]
    places: list[PlaceMatch]
    dates: list[DateMatch]
    event_cues: list[Cue]
    weapons: list[Cue]
    targets: list[Cue]
    perpetrators: list[Cue]
    hypothetical: bool
    new_event: bool
    """Worded as a new event ("a drone attack") rather than a reference back ("the attack")."""
    damage: bool
    date: date | None = None
    date_evidence: DateMatch | None = None
    date_precision: str = "unknown"
    inherited: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]

    @property
    def violent_cues(self) -> list[Cue]:
        return violent(self.event_cues)

    @property
    def best_place(self) -> PlaceMatch | None:
        """The most precise place in the clause; at country level, the one not named as the attacker."""
        if not self.places:
            return None
        where = [p for p in self.places if not p.origin]  # "shells fired from the direction of X": not where
        if not where:
            return None
        return min(where, key=lambda p: (p.heading, p.location.precision, p.location.country != "UA", p.start))

    def is_incident(self) -> bool:
        """Whether this clause reads as an incident of its own (see ``event_types.reads_as_incident``)."""
        return reads_as_incident(
            self.event_cues,
            tolls=sum(1 for f in self.figures if f.count.value),
            has_place=self.best_place is not None,
            has_weapon=bool(self.weapons),
            hypothetical=self.hypothetical,
        )


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """Clause (start, end) offsets of a sentence; a sentence with no clause break is one clause."""
    bounds, cursor = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.group("as") and not (_EVENT_NOUN.search(text, cursor, m.start()) or _acts(text[cursor : m.start()])):
            continue  # "Two killed as bombs hit X" is one event; "Drone attack injures three as X comes under fire" two
        if m.start() > cursor:
            bounds.append((cursor, m.start()))
        cursor = m.end()
    bounds.append((cursor, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


_TOLL_VERB = re.compile(r"(?:kill|injur|wound|die|dead|hurt)", re.I)


def _acts(text: str) -> bool:
    """Whether ``text`` says something happened other than a toll ("troops captured the city", not "two killed")."""
    return any(not _TOLL_VERB.match(m.group(0)) for m in line_pattern("event_verbs").finditer(text))


def _within(items, start: int, end: int):  # type: ignore[no-untyped-def]
    return [i for i in items if i.start >= start and i.end <= end]


def _actors(text: str, start: int, end: int) -> list[Cue]:
    found: list[Cue] = []
    for cue in find_cues("perpetrators", text[start:end], case_sensitive=True):
        after = text[start + cue.end : start + cue.end + 40]
        before = text[max(0, start + cue.start - 30) : start + cue.start]
        if _NOT_ACTOR_AFTER.match(after) or _TARGET_BEFORE.search(before) or _DOWNED_BEFORE.search(before):
            continue
        placed = Cue(start + cue.start, start + cue.end, cue.text, cue.label, cue.row)
        if _REPELLED_BEFORE.search(before):
            found.insert(0, placed)  # "Ukrainian forces repelled a Russian attack": Russia attacked
        else:
            found.append(placed)
    return found


_TOLL_WORDS = re.compile(
    r"\b(?:hurt|missing|casualt\w*|victims?|toll|bodies|no (?:deaths|fatalities)|hospitali[sz]ed|hospital|wounds|"
    r"injuries|burns|concussions?|fractures?|no one|nobody|cut by|treated for|medical (?:help|care|aid|treatment))\b",
    re.I,
)


def worth_reading(text: str) -> bool:
    """Whether a sentence can say anything about an incident: wording that something happened, a toll, or damage.
    Most sentences of an article cannot, and this one scan spares them the rest of the work."""
    return bool(
        line_pattern("event_verbs").search(text)
        or _DAMAGE.search(text)
        or _TOLL_WORDS.search(text)
        or line_pattern("incident_words").search(text)
    )


def read_mentions(sentence: Sentence, *, before: date | None = None) -> list[Mention]:
    """The clauses of ``sentence`` as mentions, with dates resolved and the subject carried across clauses.
    ``before``: the date of the event the sentence before told, which "two days earlier" counts from when the
    sentence names no event date of its own."""
    text = sentence.text
    if not worth_reading(text):
        return []
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    # each vocabulary is scanned once per sentence, then shared out among its clauses
    events = [
        c for c in find_cues("event_types", text)
        if not _in_spans(c.start, quoted) and not _DATED_BEFORE.search(text, max(0, c.start - 40), c.start)
    ]
    weapons = find_cues("weapons", text)
    targets = [c for c in find_cues("targets", text, overlapping=True) if not _in_spans(c.start, quoted)]
    places = [p for p in sentence.places if not _in_spans(p.start, quoted)]
    mentions: list[Mention] = []
    for start, end in clause_bounds(text):
        figures = find_figures(text, sentence.numbers, start=start, end=end)
        mentions.append(
            Mention(
                sentence=sentence,
                start=start,
                end=end,
                figures=figures,
                places=_within(places, start, end),
                dates=_within(sentence.dates, start, end),
                event_cues=_within(events, start, end),
                weapons=_within(weapons, start, end),
                targets=_within(targets, start, end),
                perpetrators=_actors(text, start, end),
                hypothetical=_hypothetical(text, start, end, figures),
                new_event=_new_event(text, start, end),
                damage=bool(_DAMAGE.search(text, start, end)),
            )
        )
    _resolve_dates(mentions, before)
    _carry_subject(mentions)
    return mentions


def _new_event(text: str, start: int, end: int) -> bool:
    """Whether the clause tells an event anew ("a missile hit a school"), not how a victim was hurt."""
    return any(not _HOW_HURT.search(text, max(start, m.start() - 40), m.start())
               for m in _INDEFINITE_EVENT.finditer(text, start, end))


def _hypothetical(text: str, start: int, end: int, figures: list[Figure]) -> bool:
    """Whether the clause is worded as a threat, plan or hypothesis. A toll told before the wording happened ("The
    driver was wounded, he will be treated at home"); a toll after it is part of it ("the toll could rise to 10")."""
    until = min((f.start for f in figures), default=end)
    return line_pattern("hypothetical_cues").search(text, start, until) is not None


def _in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _resolve_dates(mentions: list[Mention], before: date | None = None) -> None:
    """Each clause's own date; a date relative to another event counts from the clause before it (or ``before``,
    the event the sentence before told)."""
    published = mentions[0].sentence.published if mentions else None
    anchor: date | None = None
    anchor_precision = "unknown"
    for mention in mentions:
        text = mention.sentence.text
        told = {id(m): _told_on(text, m.start, m.end) for m in mention.dates}
        for match in sorted(mention.dates, key=lambda m: told[id(m)]):
            if match.kind in ("absolute", "relative_to_published") and match.date is not None:
                if published is not None and match.date > published + timedelta(days=1):
                    continue  # a future date (talks next Sunday) does not date an attack
                mention.date, mention.date_precision, mention.date_evidence = match.date, match.precision, match
                if told[id(match)]:
                    mention.inherited.add("stated")
                break
            if match.kind == "relative_to_event" and match.relative_days is not None:
                base = anchor or _sentence_date(mentions) or before or published
                if base is not None:
                    mention.date = base + timedelta(days=match.relative_days)
                    mention.date_precision = anchor_precision if anchor else "day"
                    mention.date_evidence = match
                break
        own = mention.date_evidence
        if mention.date is not None and own is not None and own.kind != "relative_to_event":
            anchor, anchor_precision = mention.date, mention.date_precision


def _told_on(text: str, start: int, end: int) -> bool:
    """Whether a date at ``start``-``end`` is the day something was said or a toll rose, not the day of the event."""
    opening = _OPENING.fullmatch(text, 0, start) is not None
    return bool(_STATED_ON.search(text, 0, start) or _UPDATED_ON.search(text, 0, start)
                or (_BY.search(text, 0, start) and not _POSSESSIVE.search(text, start, min(len(text), end + 2)))
                or (opening and _STATED_AFTER.match(text, end)))


def _sentence_date(mentions: list[Mention]) -> date | None:
    for mention in mentions:
        for match in mention.dates:
            if match.kind in ("absolute", "relative_to_published") and match.date is not None:
                return match.date
    return None


def _carry_subject(mentions: list[Mention]) -> None:
    """Later clauses share the first clause's perpetrator and (unless dated otherwise) its date. A clause dated from
    the one before ("a day after a missile strike killed four") and placed nowhere happened where the clause before
    is placed, when that clause tells no event of its own, only what followed it ("Rescuers finished searching the
    ruins in Kramatorsk on Thursday, a day after ..."); so does a toll that names no event of its own after a clause
    that does ("a drone tore through a block of flats in Odesa while families slept, killing 12 people")."""
    first = mentions[0] if mentions else None
    if first is None:
        return
    for before, mention in zip(mentions, mentions[1:], strict=False):
        relative = mention.date_evidence is not None and mention.date_evidence.kind == "relative_to_event"
        if relative and not mention.places and before.places and not before.is_incident():
            mention.places = list(before.places)
            mention.inherited.add("place")
        elif (not mention.places and mention.figures and before.places and violent(before.event_cues)
              and all(role(c) == "verb" for c in violent(mention.event_cues))
              and ";" not in mention.sentence.text[before.start:mention.start]):  # a semicolon sets a new statement
            # "... in Odesa while families slept, killing 12 people": a toll, no means or act of its own
            mention.places = list(before.places)
            mention.inherited.add("place")
    for mention in mentions[1:]:
        if not mention.perpetrators and first.perpetrators:
            mention.perpetrators = list(first.perpetrators)
            mention.inherited.add("perpetrator")
        if mention.date is None and first.date is not None:
            mention.date, mention.date_precision = first.date, first.date_precision
            mention.date_evidence = first.date_evidence
            mention.inherited.add("date")
