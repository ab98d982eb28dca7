"""Tie numbers in a sentence to what happened to people: killed, injured, missing.

"Five people were killed", "killed at least two", "left three dead and 12 wounded", "the death toll rose to 23", "a
woman was injured" (one), "wounding a man and a woman" (two), "a woman and her two children were hurt" (three), "a
fourth person received medical help" (four so far), "no casualties were reported" (zero killed and injured). Counts
inside "including two children" and inside a group named part by part are parts of a larger figure and are not taken
on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warledger.extract.cues import find_cues, word_set
from warledger.extract.numbers import NumberMatch
from warledger.records import Count
from warledger.vocab import load_tsv

ROLES = ("killed", "injured", "missing")
MAX_INCIDENT_COUNT = 1_000
"""Figures above this are aggregate estimates (claims), not one incident's toll."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of people with its role; ``start``/``end`` cover the number and the words that give it its role."""

    role: str
    count: Count
    start: int
    end: int


_AUX = (
    r"(?:(?:were|was|have been|has been|had been|are|is|got|been|remain|remained|reportedly|also|later|all|listed as|"
    r"had|has|have|"
    r"believed to have been|confirmed|feared|still|now|being|left|slightly|lightly|seriously|severely|critically|"
    r"badly|moderately|the only (?:people|ones|civilians|victims))\s+){0,3}"
)
_SUBPART = (
    r"(?:,\s*(?:including|among them|mostly|most of them|many of them|aged|[\w-]+ of (?:them|whom))[^,]{0,60},\s*"
    r"|,\s*(?:a|an|two|three|four|women|men|children|both)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+,\s*)?"
)
"""An aside that names or counts the people in part ("including a child", "women aged 44 and 70", "a man and a
woman"), between them and their toll."""
_NOT_DETERMINER = r"(?!(?:a|an|one|the|his|her|their|its|another|and|or)\s)"
"""Words between a determiner and its person noun are the person's (an age, a trade), never a new noun phrase: "The
blast killed a woman" names "a woman", not "The blast killed a woman"."""


_JOINT = r"(?:and|or|was|were|is|who|died|in|on|at|from|near|with)\b"
"""Words that may follow a person's noun: a verb, a joint or a preposition, never more of the noun."""


@cache
def _singular() -> re.Pattern[str]:
    """One person: "a woman", "the commandant of Berdyansk", "NABU officer" (a headline drops the article)."""
    nouns = "|".join(re.escape(n) for n in sorted(word_set("person_nouns"), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?:a|an|one|the|his|her|their|its|another)\s+(?:{_NOT_DETERMINER}[\w’'-]+\s+){{0,3}}?|(?:^|(?<=[|.:]\s))(?:(?-i:[A-Z])[\w-]*\s+){{0,3}}|\b(?-i:[A-Z]{{2,}})\s+)"
        # "a woman passenger"; "the other" (of two); "The 61-year-old was taken to hospital"
        rf"(?:(?:{nouns})\b(?:\s+(?:{nouns})\b)?|other\b(?!\s+[a-z])"
        rf"|\d{{1,3}}-year-old(?=\s+(?:was|were|is|died|received|sustained|suffered|got)\b)"
        # "a 58-year-old stallholder": whatever the noun, an age in years names a person (the last word before a
        # verb or a joint, so "a 43-year-old tractor driver" is read to its noun)
        rf"|\d{{1,3}}-year-old\s+(?-i:[a-z][a-z-]+)\b(?!\s+(?!{_JOINT})(?-i:[a-z])))"
        rf"(?:\s+(?:of|at|from|on)\s+(?:the\s+)?[\w-]+(?:\s+(?!(?:was|were|is|has|had|died|killed|wounded|injured|hurt)\b)[\w-]+)?)?"
        rf"(?:\s+(?:born\s+in\s+\d{{4}}|aged\s+\d{{1,3}}|\d{{1,3}}\s+years\s+old))?"
        # an aside ("a woman, 45, was"), never a speaker ("a woman, the governor said,") nor the next of a list
        rf"(?:,(?![^,]{{0,80}}\b(?:said|says|told|reported|added|wrote|and)\b)[^,]{{1,80}},)?"
        # "a woman who was pulled from the rubble has died"
        rf"(?:\s+who\s+[^.;,]{{1,80}}?(?=\s+(?:has\s+|had\s+)?(?:died|succumbed)\b))?"
        # "A woman travelling in the passenger seat was taken to hospital"
        rf"(?:\s+(?!(?:including|according|killing|wounding|injuring|leaving)\b)[a-z]+ing\b[^.;,]{{0,50}}?"
        rf"(?=\s+(?:was|were|sustained|suffered|received|got)\b))?",
        re.IGNORECASE,
    )


@cache
def _role_patterns() -> dict[tuple[str, str], re.Pattern[str]]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for row in load_tsv("casualty_words"):
        grouped.setdefault((row["role"], row["form"]), []).append(row["pattern"])
    return {key: re.compile(rf"(?:{'|'.join(pats)})\b", re.IGNORECASE) for key, pats in grouped.items()}


@cache
def _people_phrase() -> str:
    nouns = sorted(word_set("people_nouns"), key=len, reverse=True)
    return (
        r"(?:(?:of (?:them|whom)|in total|\w+ian|\w+ish|[a-z][a-z’'-]*)\s+){0,2}(?:"
        + "|".join(re.escape(n) for n in nouns)
        + r")\b"
    )


@cache
def _people_at() -> re.Pattern[str]:
    return re.compile(rf"\s*{_people_phrase()}", re.IGNORECASE)


@cache
def _people_after() -> re.Pattern[str]:
    """People right after a number ("killed 40 servicemen")."""
    return re.compile(rf"\s+{_people_phrase()}", re.IGNORECASE)


@cache
def _after_number() -> re.Pattern[str]:
    """What may stand between a number and a passive or noun role word: "people were", "civilians, including ...,"."""
    return re.compile(rf"\s*(?:{_people_phrase()}|more|others)?(?:\s+(?:inside|aboard|on board|there))?"
                      rf"(?:\s+aged\s+\d+(?:{_AGE_JOIN}\d+)*)?"
                      rf"(?:\s+of\s+the\s+(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){{0,3}}|\s+of\s+the\s+[a-z]+)?"
                      rf"(?:\s+{_DOING}[^,.;]{{0,40}}?(?=\s+(?:were|was|are|is|had|have)\b))?"
                      rf"\s*{_SUBPART}\s*{_AUX}", re.IGNORECASE)


_SUBCOUNT_BEFORE = re.compile(
    r"(?:including|among them|among whom|of whom|of them|among the \w+ (?:were|are))\s*$", re.I
)
_ACTIVE_GAP = re.compile(
    r"(?:\s+(?:at least|as many as|some|about|around|nearly|almost|more than|over|up to))?"
    r"(?:\s+(?:a|an|the|his|her|their)\s+family\s+of)?\s*$", re.I
)
"""Between an active verb and its number: a qualifier, or the family the number counts ("killing a family of four")."""
_DOING = (r"(?:waiting|sitting|standing|working|travelling|traveling|walking|riding|living|queuing|queueing|"
          r"sheltering)\b")
"""What people were doing, between them and their toll ("Two women waiting for a bus were injured")."""
_LEFT_ROLE = re.compile(r"\s*(?:people\s+|civilians\s+|others\s+)?(dead|killed|injured|wounded|hurt|missing)\b", re.I)
RISE_WORDS = "rose|risen|rises|rising|climbed|climbs|climbing|increased|jumped|grew|grown"
"""The verbs of a toll that rose as reports came in."""
_TOLL = re.compile(
    r"(?:death toll|number of (?:the )?(?:dead|deaths|fatalities|people killed))\b"
    r"(?:[^.;:]|(?<=\b[A-Z][a-z]{2})\.){0,140}?\s"  # a month's short form may stand between: "Jan. 31"
    r"(?:(?:has|had|have)\s+)?"
    r"(?:rose|risen|climbed|increased|reached|grew|jumped|stands at|stood at|"
    r"is|was|now stands at|of|hit|to|rising to)\s*(?:to\s+)?(?:at least\s+)?$"
    r"|\b(?:put|puts|putting)\s+the\s+(?:death\s+)?(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed))"
    r"\s+at\s+(?:at least\s+)?$"
    r"|\btoll\s+(?:from\s+[^.;:]{0,60}?\s+)?(?:(?:is|was|has\s+been|had\s+been)\s+)?"
    r"(?:revised|lowered|corrected|cut)\s+(?:down(?:wards?)?\s+)?to\s+(?:at least\s+)?$"
    r"|\btoll\s+(?:from\s+[^.;:]{0,60}?\s+)?(?:(?:has|had|have)\s+)?"
    rf"(?:{RISE_WORDS}|reached|reaches)\s+(?:to\s+)?(?:at least\s+)?$",
    re.I,
)


_INJURED_TOLL = re.compile(
    r"number of (?:the )?(?:injured|wounded|people (?:injured|wounded|hurt)|people who (?:had |have )?"
    r"(?:sought|received|needed) medical (?:help|care|attention))\b[^.;:]{0,60}?\s(?:(?:has|had|have)\s+)?"
    r"(?:rose|risen|climbed|increased|reached|grew|jumped|stands at|stood at|is|was|now stands at|rising to|to)\s*"
    r"(?:to\s+)?(?:at least\s+)?$"
    r"|\b(?:put|puts|putting)\s+the\s+number\s+of\s+(?:the\s+)?(?:injured|wounded|people\s+(?:injured|wounded|hurt))"
    r"\s+at\s+(?:at least\s+)?$",
    re.I,
)
"""Before a number: the injured counted again as a toll rises ("the number of injured rose to 16", "bringing the
number of wounded to three", "the number of people who had sought medical help had risen to eleven")."""
_RISEN = re.compile(rf"\b(?:{RISE_WORDS}|now\s+stands\s+at)\s+"
                    r"(?:to\s+)?(?:at least\s+)?$", re.I)


def _risen(text: str, number: NumberMatch, figure: Figure) -> bool:
    """Whether a figure is a toll told as risen ("the number of dead had risen to four"): it outdates an earlier
    figure of its clause."""
    return figure.end == number.end and _RISEN.search(text, figure.start, number.start) is not None


_THE_NUMBER_ROSE = re.compile(
    rf"\bthe\s+(?:number|figure|count|tally)\s+(?:(?:has|had|have)\s+)?(?:{RISE_WORDS}|reached)\s+(?:to\s+)?"
    r"(?:at least\s+)?$", re.I)


def _the_number_rose(text: str, numbers: list[NumberMatch], number: NumberMatch, patterns: dict) -> Figure | None:
    """A toll that rose, told without its role ("Initially he reported six injured, but by Friday morning the
    number had grown to 11"): the role of the figure before it in the sentence."""
    rose = _THE_NUMBER_ROSE.search(text, max(0, number.start - 60), number.start)
    if rose is None:
        return None
    for earlier in reversed([n for n in numbers if n.end <= rose.start()]):
        if told := _passive_or_noun(text, earlier, patterns) or _active(text, earlier, patterns):
            return Figure(told.role, number.count, rose.start(), number.end)
    return None


_AGE_JOIN = r"\s*(?:,|and)\s*"
_AGED = re.compile(rf"\baged\s+(?:\d+{_AGE_JOIN})*$", re.I)
"""Before a number: an age, not a count ("two men aged 34 and 51")."""
_BODIES_OF = re.compile(r"\bbod(?:y|ies) of\s+(?:at least\s+|more than\s+|another\s+)?$", re.I)
""""The bodies of four civilians were found": the dead are counted after "bodies of"."""


def find_figures(text: str, numbers: list[NumberMatch], *, start: int = 0, end: int | None = None) -> list[Figure]:
    """Casualty figures in ``text[start:end]`` (a clause of a sentence), at most one per role (the first stated).

    ``numbers`` are the number matches of the whole ``text``; offsets in the result are relative to ``text``.
    """
    end = len(text) if end is None else end
    figures: dict[str, Figure] = {}
    patterns = _role_patterns()
    named = _singulars(text, numbers, patterns)
    groups = [figure for figure, joined in named if joined]
    for number in numbers:
        if not (start <= number.start < end) or any(g.start <= number.start < g.end for g in groups):
            continue  # "a woman and her two children were wounded": the two are a part of the three
        if number.unit is not None or number.count.value is None or number.count.value > MAX_INCIDENT_COUNT:
            continue
        if _SUBCOUNT_BEFORE.search(text[: number.start]) or _AGED.search(text, 0, number.start):
            continue
        figure = (_passive_or_noun(text, number, patterns) or _active(text, number, patterns)
                  or _the_number_rose(text, numbers, number, patterns))
        if figure and (figure.role not in figures or _risen(text, number, figure)):
            figures[figure.role] = figure  # "recovered two bodies, but ... the number of dead had risen to four"
    for figure, _ in named:
        if start <= figure.start < end:
            figures.setdefault(figure.role, figure)
    for figure in _ordinals(text, patterns):
        held = figures.get(figure.role)
        if start <= figure.start < end and (held is None or (held.count.max or 0) < (figure.count.min or 0)):
            figures[figure.role] = figure  # "... were hospitalised, and a fourth person received medical help": four
    for cue in find_cues("zero_casualties", text[start:end]):
        for role in cue.label.split("+"):
            figures.setdefault(role, Figure(role, Count(0, 0, "exact"), start + cue.start, start + cue.end))
    return sorted(figures.values(), key=lambda f: ROLES.index(f.role))


def _passive_or_noun(text: str, number: NumberMatch, patterns: dict) -> Figure | None:
    gap = _after_number().match(text, number.end)
    cursor = gap.end() if gap else number.end
    for role in ROLES:
        for form in ("passive", "noun"):
            pattern = patterns.get((role, form))
            m = pattern.match(text, cursor) if pattern else None
            if m:
                return Figure(role, number.count, number.start, m.end())
    people_only = patterns.get(("killed", "passive_people"))
    if people_only and _people_at().match(text[number.end : cursor]):
        m = people_only.match(text, cursor)
        if m:  # "60 invaders were liquidated", never "five tanks were destroyed"
            return Figure("killed", number.count, number.start, m.end())
    return None


def _active(text: str, number: NumberMatch, patterns: dict) -> Figure | None:
    before = text[: number.start]
    gap = _ACTIVE_GAP.search(before)
    head = before[: gap.start()] if gap else before
    toll = _TOLL.search(before) or _BODIES_OF.search(before)
    if toll:
        return Figure("killed", number.count, toll.start(), number.end)
    hurt = _INJURED_TOLL.search(before)
    if hurt:  # "the number of injured had risen to six"
        return Figure("injured", number.count, hurt.start(), number.end)
    for role in ROLES:
        pattern = patterns.get((role, "active"))
        if pattern is None:
            continue
        for m in pattern.finditer(head[-24:]):
            if m.end() != len(head[-24:]):
                continue
            start = len(head) - len(head[-24:]) + m.start()
            word = m.group(0).lower()
            if word in ("left", "leaving"):
                follow = _LEFT_ROLE.match(text, number.end)
                if not follow:
                    return None
                role_word = follow.group(1).lower()
                real = (
                    "killed" if role_word in ("dead", "killed") else "missing" if role_word == "missing" else "injured"
                )
                return Figure(real, number.count, start, follow.end())
            people = _people_after().match(text, number.end)
            return Figure(role, number.count, start, people.end() if people else number.end)
    people_only = patterns.get(("killed", "active_people"))
    hit = people_only.search(head[-24:]) if people_only else None
    if hit and hit.end() == len(head[-24:]):
        people = _people_after().match(text, number.end)
        if people:  # "destroyed 40 servicemen", never "destroyed 40 tanks"
            start = len(head) - len(head[-24:]) + hit.start()
            return Figure("killed", number.count, start, people.end())
    return None


_APPOSITION = (r"(?:,\s*(?:aged\s+[\w-]+(?:(?:,\s*|\s+and\s+)[\w-]+)*|\d{1,3}),"
               r"|\s+(?:of\s+\d{1,3}\s+years(?:\s+old)?|aged\s+\d{1,3}))?")
"""An age after a person, set off or not ("the driver, 51, and two passengers", "two children, aged seven and 12,",
"a woman of 56 years and a man of 60 years", as machine translation words it)."""


@cache
def _and_another() -> re.Pattern[str]:
    """ "... and a woman", "... and his wife", "..., his wife and their daughter": one more person coordinated with the
    one before."""
    nouns = "|".join(re.escape(n) for n in sorted(word_set("person_nouns"), key=len, reverse=True))
    return re.compile(rf"{_APPOSITION}(?:\s+and|(?P<comma>,)(?=[^,.;]{{1,40}}\band\s+(?:a|an|the|his|her|their)\s)"
                      rf"(?![^,.;]{{0,80}}\b(?:said|says|told|reported|added)\b))\s+"
                      rf"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b{_APPOSITION}", re.I)


_COUPLE = re.compile(r"\b(?:a|an|the|one)\s+(?:[\w’'-]+\s+)?couple\b(?![’'])", re.I)
"""Two people named as one: "a married couple"."""
_SMALL_NUMBERS = {r["word"]: int(r["value"]) for r in load_tsv("number_words")
                  if r["kind"] in ("unit", "teen") and 2 <= int(r["value"]) <= 10}
"""Number words that count the people added after a named one ("the driver and two passengers"), from the number
reader's own vocabulary."""
_LEAVING = re.compile(r"\b(?:left|leaving|leaves)$", re.I)
_LEFT_WITH = re.compile(r"\s+(?:(?P<dead>dead)\b|with\s+(?:[\w-]+\s+){0,2}?(?:wounds|injuries|burns|cuts|a concussion|"
                        r"shrapnel wounds)\b)", re.I)
"""After a person left by an attack: dead, or hurt ("leaving a tractor driver with wounds to his legs")."""


@cache
def _and_counted() -> re.Pattern[str]:
    """ "... and two passengers", "a woman, her two children and ...": more people counted after the one before."""
    nouns = "|".join(re.escape(n) for n in sorted(word_set("people_nouns"), key=len, reverse=True))
    numbers = "|".join(_SMALL_NUMBERS)
    return re.compile(rf"{_APPOSITION}(?:\s+and|(?P<comma>,)(?=[^,.;]{{1,40}}\band\s+(?:a|an|the|his|her|their)\s))\s+"
                      rf"(?:(?:his|her|their)\s+)?(?P<n>{numbers}|\d{{1,2}})\s+"
                      rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns})(?:\s+(?:{nouns}))?\b{_APPOSITION}", re.I)


def _named_people(text: str, numbers: list[NumberMatch]) -> list[tuple[int, int, int, bool]]:
    """People named one by one or in small counted groups, and joined: ``(start, end, how many, joined)``.

    "a woman" is one; "a married couple" two; "a man and his wife" two; "the driver, 51, and two passengers" three;
    "a woman and her two children" three; "two women and a man" three. ``joined`` tells a group of several parts,
    whose own numbers are parts of it, not tolls of their own."""
    starts = [(m.start(), m.end(), 2 if m.re is _COUPLE else 1)
              for m in [*_singular().finditer(text), *_COUPLE.finditer(text)]]
    for number in numbers:  # "two women and a man": a counted group that more people join
        if number.unit is None and number.count.qualifier == "exact" and number.count.value:
            noun = _people_after().match(text, number.end)
            if noun and (_and_another().match(text, noun.end()) or _and_counted().match(text, noun.end())):
                starts.append((number.start, noun.end(), number.count.value))
    found: list[tuple[int, int, int, bool]] = []
    for start, end, people in sorted(starts):
        if found and start < found[-1][1]:
            continue  # a part of the group before
        parts = 1
        while more := _and_another().match(text, end) or _and_counted().match(text, end):
            if more["comma"] and people > parts:
                break  # "two people, a woman and her son": the two named, not two more
            if more.re is _and_counted():
                word = more["n"].lower()
                people += int(word) if word.isdigit() else _SMALL_NUMBERS[word]
            else:
                people += 1
            parts, end = parts + 1, more.end()
        found.append((start, end, people, parts > 1))
    return found


_AGE_ASIDE = re.compile(r"\s+in\s+(?:their|his|her)\s+(?:early\s+|late\s+|mid-)?\w+ies\b", re.I)
_WHERE_OR_WHO = re.compile(r"\s+(?:who|inside|aboard|on board)\b", re.I)
_ASIDE_VERB = re.compile(r"\s+(?:were|was|are|is)\s")
_AFTER_PEOPLE = re.compile(rf"\s+{_AUX}", re.I)


def _passive_after(text: str, end: int, patterns: dict) -> tuple[str, int] | None:
    """The role a passive gives the people named up to ``end``, and where its words end. The passive may follow an
    aside: an age ("A married couple in their sixties ... were hurt"), where they were ("The two men inside were"), or
    a relative clause, after its own verb ("A woman who was walking her dog was killed"; "The man who was killed had
    been handing out bread" tells no toll of its own)."""
    ends = [end]
    if age := _AGE_ASIDE.match(text, end):
        ends.append(end := age.end())
    if aside := _WHERE_OR_WHO.match(text, end):
        verbs = list(_ASIDE_VERB.finditer(text, aside.end(), min(len(text), aside.end() + 70)))
        if aside.group(0).strip().lower() == "who" and verbs and verbs[0].start() == aside.end():
            verbs = verbs[1:]  # the relative clause's own verb: "The man who was killed had been ..." tells no toll
        for verb in verbs:
            if any(mark in text[aside.end() : verb.start()] for mark in ",.;"):
                break
            ends.append(verb.start())
    for cursor in ends:
        after = _AFTER_PEOPLE.match(text, cursor)
        at = after.end() if after else cursor
        for role in ROLES:
            if role_match := patterns[(role, "passive")].match(text, at):
                return role, role_match.end()
    return None


_ORDINALS = {r["word"]: int(r["value"]) for r in load_tsv("number_words")
             if r["kind"] == "ordinal" and 2 <= int(r["value"]) <= 10}
_ORDINAL_PERSON = re.compile(
    rf"\b(?:a|the)\s+(?P<n>{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))\s+(?P<who>person|victim|body|casualty)\b"
    r"(?P<aside>,[^,]{1,60},)?", re.I)
_FOUND = re.compile(
    r"\s+(?:(?:has|had|was|were|have)\s+)?(?:also\s+)?(?:been\s+)?(?:found|recovered|pulled|retrieved)\b", re.I)
_BODY_OF_BEFORE = re.compile(r"\bbody\s+of\s+$", re.I)
_RECOVERED_BEFORE = re.compile(r"\b(?:recovered|found|pulled\s+out|retrieved)\s+$", re.I)


def _ordinals(text: str, patterns: dict) -> list[Figure]:
    """A toll told as the count so far by the next victim: "a fourth person received medical help" (four hurt), "a
    second body was found", "the body of a fourth victim", "recovered the 48th body" (four, 48 dead). The number
    from the number reader's vocabulary or its digits; the role from the words after, or from a body."""
    found = []
    for m in _ORDINAL_PERSON.finditer(text):
        nth = int(m["n"][:-2]) if m["n"][0].isdigit() else _ORDINALS[m["n"].lower()]
        count = Count(nth, nth, "exact")
        body_of = bool(_BODY_OF_BEFORE.search(text, max(0, m.start() - 12), m.start()))  # "the body of a 4th victim"
        if m["who"].lower() == "body" and _RECOVERED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            found.append(Figure("killed", count, m.start(), m.end()))  # "had recovered the 48th body"
            continue
        body = m["who"].lower() == "body" or body_of
        if body and (found_after := _FOUND.match(text, m.end())) is not None:
            found.append(Figure("killed", count, m.start(), found_after.end()))
        elif body_of:
            found.append(Figure("killed", count, m.start(), m.end()))
        elif passive := _passive_after(text, m.end(), patterns):
            found.append(Figure(passive[0], count, m.start(), passive[1]))
    return found


_HURT_THEN_DIED = re.compile(
    r"\s+(?:wounded|injured|hurt)\b[^.;,]{0,100}?\s(?:(?:has|had|have)\s+(?:since\s+|later\s+|now\s+)?)?"
    r"(?:died|succumbed)\b", re.I)
"""After a person: wounded earlier and dead since ("a 57-year-old man wounded in Sunday's attack had died in
hospital"), one of the dead, not of the injured."""


def _singulars(text: str, numbers: list[NumberMatch], patterns: dict) -> list[tuple[Figure, bool]]:
    """ "A woman was killed", "killed a man": one person; "wounding a man and a woman": two. Each figure comes with
    whether it counts a group of several parts (see ``_named_people``)."""
    found = []
    for start, end, people, joined in _named_people(text, numbers):
        count = Count(people, people, "exact")
        if died := _HURT_THEN_DIED.match(text, end):
            found.append((Figure("killed", count, start, died.end()), joined))
        elif passive := _passive_after(text, end, patterns):
            found.append((Figure(passive[0], count, start, passive[1]), joined))
        else:
            before = text[:start].rstrip()
            if _LEAVING.search(before) and (left := _LEFT_WITH.match(text, end)):  # "leaving a driver with wounds"
                role = "killed" if left["dead"] else "injured"
                found.append((Figure(role, count, start, left.end()), joined))
                continue
            for role in ROLES:
                active = patterns.get((role, "active"))
                tail = before[-12:]
                hit = active.search(tail) if active else None
                if hit and hit.end() == len(tail) and hit.group(0).lower() not in ("left", "leaving"):
                    found.append((Figure(role, count, len(before) - len(tail) + hit.start(), end), joined))
                    break
    return found
