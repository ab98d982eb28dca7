"""Who makes a casualty claim: a named body, the sentence's speaker, or the body "the report" points back to.

For the sentence that holds a figure, in this order:

1. a name from ``vocab/claimants.tsv`` that speaks ("Britain's Ministry of Defence said", "according to the UN
   human rights office", "an analysis by the IISS"); failing that, the first such name in the sentence that is not
   the object of a dispute, unless its row says it counts only as a speaker (Putin, the Kremlin, NATO, the UN);
2. the publication itself for "our model estimates", "we reckon" (its publisher, or the claimant its opening
   names); the sentence's attributed speaker (``attribution.find_attribution``: "Ukraine's energy ministry said"),
   or a proper-named subject or speaker set off by a description ("Lost Defenders, a volunteer project, has
   recorded", "..., Artur Dobroserdov, the commissioner for missing persons, said"), its channel dropped; a lone
   surname ("Filashkin said") takes the full name and title the article gave earlier ("Donetsk regional governor
   Vadym Filashkin");
3. an anaphor ("the report", "the ministry", "the authors", "it estimated") resolves to the last claimant named
   before the sentence, preferring one whose name shares the anaphor's noun ("the ministry" -> a ministry), or,
   before any is named, the first named after.

A sentence that sets two sources against each other gives each figure the speaker of its own clause
(``clause_claimant``: "Kyiv puts Russian losses at 600,000, while Moscow puts Ukraine's at 500,000").

Public: ``Claimant``, ``ClaimantMention``, ``claimant_mentions``, ``resolve_claimant``, ``clause_claimant``,
``civilian_side``, ``counted_people``, ``enemy_side``, ``speaks_as_publication``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warledger.extract.analysis import Analysis, Sentence
from warledger.extract.attribution import find_attribution
from warledger.extract.cues import find_cues, line_pattern, word_set
from warledger.records import Evidence
from warledger.vocab import load_tsv

STRENGTH_NAMED = 3
"""A claimant from the vocabulary: a body known to publish estimates."""
STRENGTH_PROPER = 2
"""A speaker with a proper name ("Vadym Filashkin (Donetsk regional governor)", "Ukraine's energy ministry")."""
STRENGTH_GENERIC = 1
"""A speaker named only by a common noun ("Officials", "Regional prosecutor's office")."""

_ANAPHOR = re.compile(
    r"\b(?:(?:the|this|that|its|their|his|her) (?-i:(?:[a-z][\w-]*|[A-Z][\w’']*-[\w-]+|[A-Z]{2,5}) ){0,2}?|"
    r"(?:an?|an? new|the new|the latest) )"
    r"(?P<head>report|study|analysis|estimate|assessment|"
    r"authors|researchers|think[- ]tank|paper|survey|review|ministry|mission|office|agency|institute|outlet|"
    r"monitors|intelligence update|update|service|data|count|figures|official|spokes(?:man|woman|person)|minister|"
    r"statement|website|database|register|department|document|ombudsman|"
    r"governor|commander|centre|center|group|organi[sz]ation|observatory|project|network|tracker|team|"
    r"commissioner|headquarters|monitoring mission|monitor)\b"
    r"|\b(?P<pronoun>it|they) (?:estimated|estimates|said|says|found|finds|calculated|added|reported|counted|put|"
    r"puts|believes|believed|believe|thinks|assesses|assessed|acknowledged|admitted|insists|insisted|verified|"
    r"recorded|documented|registered|confirmed|claims|claimed)\b",
    re.I,
)
_SPEAKS_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:[’']s? (?:\w+ ){0,2}?)?(?:(?:has|have|had|also|now|previously|earlier|recently|"
    r"separately|last week|on \w+)\s+){0,2}"
    r"(?:said|says|say|estimated|estimates|estimate|reported|reports|told|believes|believe|claimed|claims|"
    r"calculated|found|finds|put|puts|counted|counts|recorded|records|confirmed|confirms|verified|documented|"
    r"announced|stated|wrote|writes|assessed|assesses|projected|projects|warned|added|noted|shows?|showed|insists|"
    r"insisted|acknowledged|admitted|identified)\b",
    re.I,
)
_SPEAKS_BEFORE = re.compile(
    r"(?:according to|said|says|by|from|cited|citing|figures from|data from|estimates? (?:from|by))\s+(?:the\s+)?$",
    re.I,
)
_CHANNEL_TAIL = re.compile(
    r",\s(?:Telegram(?: channel)?|social media|Facebook|X|Twitter|Instagram|(?:national )?television|TV|"
    r"(?:a |an )?(?:statement|video address|briefing|interview|post|update|press conference|report|message)|"
    r"(?:its |their |his |her )?website)$"
)
_NAME = r"[A-Z][\w’'-]+"
_CONTRAST = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+but\s+")
_CLAUSE_SPEAKER = re.compile(
    r"(?P<who>(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+(?:says|said|estimates|estimated|puts|put|claims|claimed|"
    r"reports|reported)\b"
)
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "this", "that"})
_WORK_BY = re.compile(
    r"\b(?:report|study|analysis|estimate|assessment|survey|investigation|count|tally|review)\s+"
    r"(?:(?:published|released|issued)\s+(?:(?:on|this|last)\s+\w+\s+)?)?(?:by|from)\s+"
    r"(?:(?:researchers|experts|analysts|scientists|demographers|economists)\s+(?:at|from|of)\s+)?(?:the\s+)?(?P<who>(?:[A-Z][\w’'&.-]*|of|for|and|on|the)(?:\s+(?:[A-Z][\w’'&.-]*|of|for|and|on|the))*"
    r"(?<!\sof)(?<!\sfor)(?<!\sand)(?<!\son)(?<!\sthe))"
)
"""The author of a named piece of work: "a study by the Kyiv School of Economics"."""
_GIVEN_BY = re.compile(
    r"\b(?:was|were|had been|has been) (?:given|announced|published|released|provided|issued|reported|put forward) "
    r"by (?:the )?(?:then-|former )?(?P<who>(?:[A-Z][\w’'.-]*|[a-z]+-[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'.-]*)+)"
)
"""A figure's source in the passive: "5,937 dead ... was given by then-Defense Minister Sergei Shoigu"."""
_APPOSITIVE_NAME = re.compile(r",\s+(?P<name>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|the|for|and|on))*),")
"""A proper name set after a speaker described in common words ("a volunteer project, Names of the Fallen,")."""
_SUBJECT = re.compile(
    r"(?P<who>(?!(?:The|This|That|It|In|On|At|By|For|Since|But|And|As|If|When|While)\b)"
    r"(?:[A-Z][\w’'-]+\s+){0,3}?[A-Z][\w’'-]+)\s+(?:has|had|have|is|was|does|did|\w+ed)\b"
)
"""A sentence's proper-named subject, which a later "it acknowledged" in the same sentence points back to."""
_FIRST_PERSON = re.compile(
    r"\b(?:[Oo]ur (?:own )?(?:field )?(?:model|estimates?|analysis|count|tally|calculations?|data|teams?|researchers|"
    r"monitors|staff|central range|range)|"
    r"[Ww]e (?:(?:last|first|now|also) )?(?:estimate|estimated|reckon|calculate|calculated|count|counted|believe|"
    r"found|put|think|ran))\b"
)
"""The publication speaking for itself ("our model estimates", "we reckon")."""
_NAMED_SUBJECT = re.compile(
    r"(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4}),\s+(?:(?:a|an|the)\s+|(?-i:[a-z])[^,]{0,20}\s(?:for|of|at)\s)"
    r"[^,]{2,80},\s+(?:has\s+|have\s+)?"
    r"(?:recorded|counted|identified|estimated|estimates|documented|verified|says|said|puts|put|lists|listed|"
    r"dismissed|rejected|disputed|countered)\b"
)
"""A proper-named subject described in an aside: "Lost Defenders, a volunteer project in Kyiv, has recorded"."""
_SUBJECT_DOING = re.compile(
    r"(?!(?:The|This|That|It|In|On|At|By|For|Since|But|And|As|If|When|While)\b)"
    r"(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}),\s+(?-i:[a-z]+ing)\b[^;]{0,160}?,\s+(?:also\s+)?"
    r"(?:claimed|claims|said|says|estimated|put|told|added)\b")
"""A named subject whose aside tells what they were doing, which may name another speaker: "Shoigu, speaking on
state television shortly after President Vladimir Putin announced a mobilisation, also claimed"."""
_TRAILING_NAMED = re.compile(
    r",\s+(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s+[^,]{2,80},\s+(?:said|says|told \w+|added|reported)"
    r"(?:\s+on\s+\w+|\s+\w+day)?\W*$"
)
"""A named speaker with a title at the end: "..., Artur Dobroserdov, the commissioner for missing persons, said"."""
_WHO_SAID = re.compile(
    r"(?P<who>(?:[A-Z][\w’'.-]+\s+){1,4}[A-Z][\w’'-]+),\s+who\s+(?:had\s+|has\s+)?(?:wrote|writes|said|says|claimed|"
    r"claims|estimated|posted|put|told)\b")
"""A named speaker and a relative clause that states the figure: "Donald Trump, who wrote that ..."."""
_DESCRIBED_COUNTER = re.compile(
    r"\bthe\s+(?P<who>(?:[a-z][\w’'-]*\s+){1,3}(?:office|administration|service|department|agency|commission|committee|"
    r"council))\s+(?:has|have|had)\s+(?:recorded|verified|documented|counted|confirmed|registered)\b")
"""A body described, not named, that counted the figure: "the regional prosecutor's office has recorded"."""
_COUNTER = re.compile(
    r"^(?!(?:The|This|That|It|Its|They|In|On|At|By|For|Since|But|And|As|If|When|While)\b)"
    r"(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+(?:has|have|had)\s+(?:established|confirmed|identified|"
    r"verified|counted|recorded|documented|compiled|tallied)\b")
"""A proper-named subject that counted the figure: "Ural Chronicle has established the names of ..."."""
_PUTS_THE_NUMBER = re.compile(
    r"(?!(?:The|This|That|It|Its|They|In|On|At|By|For|Since|But|And|As|If|When|While)\b)"
    r"(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})\s+(?:put|puts|estimated|estimates)\s+the\s+"
    r"(?:number|figure|toll|count)\b")
"""A proper-named subject that gives its own figure for "the number" named before: "Ukraine's State Emergency Service
put the number far higher", not the body that gave the number first."""
_NAMING_HEADS = frozenset({"ministry", "mission", "commissioner", "headquarters", "governor", "minister", "commander",
                           "spokesman", "spokeswoman", "spokesperson", "department"})
"""Anaphor heads that name the kind of body: they point back only to a claimant whose name shares the noun."""
_SAME_KIND = {"department": ("department", "ministry"), "ombudsman": ("ombudsman", "commissioner")}
"""An anaphor's noun and the nouns of the names it may point back to ("the military department" -> a ministry)."""
_PERSON_PRONOUN = re.compile(
    r"\b(?:[Hh]e|[Ss]he) (?:(?:has|had) )?(?:said|says|told|estimated|put|claimed|added|wrote)\b")
_PERSON = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z’'-]+ ){1,2}[A-Z][a-z’'-]+(?![\w’'-])")
"""A person's full name, which a later "he said" in the same sentence points back to."""
_NOT_A_SPEAKER = re.compile(r"\b(?:war|invasion|attacks?|strikes?|shelling|fighting|conflict|aggression)$", re.I)
"""The head of a subject that did the killing, not the speaking ("the war in Ukraine has claimed the lives of")."""
_HEAD = re.compile(r"\s+(?:of|in|on|for|against|from|by|across)\s+", re.I)
"""What follows a subject's head noun ("headquarters for prisoners of war" is headed by "headquarters")."""
_TRAILING_SPEAKER = re.compile(
    r",\s+(?:the\s+)?(?P<who>[\w’' -]{2,60}?)\s+(?:said|says|reported|told reporters|added|estimated)\W*$"
)
_BARE_TITLE = re.compile(r"\((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts)\)$")


@dataclass(frozen=True, slots=True)
class ClaimantMention:
    """A vocabulary claimant named in the article: where, its canonical label, and its words as evidence."""

    position: int
    label: str
    evidence: Evidence
    text: str


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str | None
    evidence: Evidence | None
    strength: int
    """0 (none), ``STRENGTH_GENERIC``, ``STRENGTH_PROPER`` or ``STRENGTH_NAMED``."""


NO_CLAIMANT = Claimant(None, None, 0)


@cache
def _rows() -> dict[str, dict[str, str]]:
    return {row["label"]: row for row in load_tsv("claimants")}


def civilian_side(claimant: str | None) -> str | None:
    """Whose civilians a claimant's civilian tolls count ("OHCHR" -> "Ukraine"), from ``claimants.tsv``."""
    row = _rows().get(claimant or "")
    return (row.get("civilians") or None) if row else None


def counted_people(claimant: str | None) -> tuple[str | None, str | None]:
    """(side, population) a claimant's figures count when they name no people (``claimants.tsv``'s ``counts``):
    "OHCHR" -> (None, "civilian"), "Mediazona" -> ("Russia", "military"); (None, None) when it varies."""
    row = _rows().get(claimant or "")
    words = (row.get("counts") or "").split() if row else []
    side = next((w for w in words if w in ("Russia", "Ukraine")), None)
    population = next((w for w in words if w in ("civilian", "military")), None)
    return side, population


def enemy_side(claimant: str | None) -> str | None:
    """The side a claimant fights, so its "the enemy" is that side ("General Staff ..." -> "Russia")."""
    row = _rows().get(claimant or "")
    return (row.get("enemy") or None) if row else None


def claimant_mentions(analysis: Analysis) -> list[ClaimantMention]:
    """Every vocabulary claimant named in the article (titles included), in text order."""
    found = []
    for sentence in analysis.sentences:
        for cue in find_cues("claimants", sentence.text, case_sensitive=True):
            evidence = sentence.evidence("claimant", cue.start, cue.end)
            found.append(ClaimantMention(sentence.start + cue.start, cue.label, evidence, cue.text))
    return found


def resolve_claimant(
    sentence: Sentence, named: list[ClaimantMention], analysis: Analysis, earlier: list[Claimant]
) -> Claimant:
    """The claimant of the figures in ``sentence`` (see the module docstring), or ``NO_CLAIMANT``."""
    doing = _SUBJECT_DOING.match(sentence.text)
    if doing:  # the named subject, not a speaker its aside names
        return _speaker(sentence, doing["who"], doing.start("who"), doing.end("who"), analysis)
    own = _own(sentence)
    pronoun = _PERSON_PRONOUN.search(sentence.text)
    if own is not None and pronoun and _own(sentence, speakers_only=True) is None:
        # "Russia, he said, had lost 180,000 soldiers": the person speaks; the body is what the figure is about
        return _person(sentence, pronoun.start(), analysis) or own
    if own is not None:
        titled = _TITLED_PERSON.search(sentence.text)
        cue = own.evidence.start - sentence.start if own.evidence else -1
        if titled and titled.start("title") <= cue < titled.start("who"):
            # "the Pentagon's under-secretary for policy, Colin Kahl, put ...": the person, not the body he serves
            return _speaker(sentence, titled["who"], titled.start("who"), titled.end("who"), analysis)
        return own
    if speaks_as_publication(sentence.text):  # "our model estimates", "we reckon": the publication itself
        return _publication(analysis, named)
    who_said = _WHO_SAID.search(sentence.text)
    if who_said:  # "a post by U.S. President-elect Donald Trump, who wrote that close to 400,000 soldiers had died"
        return _speaker(sentence, who_said["who"], who_said.start("who"), who_said.end("who"), analysis)
    counter = (_COUNTER.match(sentence.text) or _DESCRIBED_COUNTER.search(sentence.text)
               or _PUTS_THE_NUMBER.match(sentence.text))
    if counter:  # "Ural Chronicle has established the names of", "the regional prosecutor's office has recorded"
        return _speaker(sentence, counter["who"], counter.start("who"), counter.end("who"), analysis)
    by = _WORK_BY.search(sentence.text) or _GIVEN_BY.search(sentence.text)
    if by and len(by.group("who").split()) >= 2:  # "a report by the Vilnius Centre for War Statistics estimated"
        who = by.group("who").rstrip(".")
        return _speaker(sentence, who, by.start("who"), by.start("who") + len(who), analysis)
    attribution = find_attribution(sentence.text)
    if attribution is None and pronoun is not None and (person := _person(sentence, pronoun.start(), analysis)):
        return person  # "In a statement on Tuesday he said Russia had lost ...": the person named before
    named_subject = _NAMED_SUBJECT.match(sentence.text) or _TRAILING_NAMED.search(sentence.text)
    if attribution is None and named_subject:  # "Lost Defenders, a volunteer project, has recorded ..."
        who = named_subject.group("who")
        return _speaker(sentence, who, named_subject.start("who"), named_subject.end("who"), analysis)
    anaphor = _ANAPHOR.search(sentence.text)
    if attribution and re.search(r"\d", attribution.speaker):  # "More than 71,000 soldiers confirmed dead"
        attribution = None
    if attribution and _NOT_A_SPEAKER.search(_HEAD.split(attribution.speaker)[0]):  # "the war has claimed ..."
        trailing = _TRAILING_SPEAKER.search(sentence.text)
        attribution = None
        if trailing:
            who = trailing.group("who")
            start = trailing.start("who") + (len(who) - len(who.lstrip()))
            return _speaker(sentence, who.strip(), start, trailing.end("who"), analysis)
    named_person = _APPOSITIVE_NAME.match(sentence.text, attribution.end) if attribution else None
    if named_person and _PERSON.fullmatch(named_person.group("name")):  # "Its spokesman, Igor Konashenkov, said"
        name = named_person.group("name")
        return _speaker(sentence, name, named_person.start("name"), named_person.end("name"), analysis)
    if attribution and not _ANAPHOR.fullmatch(attribution.speaker.strip()):
        if not (anaphor and attribution.start <= anaphor.start() < attribution.end):
            named_after = _APPOSITIVE_NAME.match(sentence.text, attribution.end)
            if named_after:  # "a separate volunteer project, Names of the Fallen, says"
                name = named_after.group("name")
                return _speaker(sentence, name, named_after.start("name"), named_after.end("name"), analysis)
            spoken = _speaker(sentence, attribution.source, attribution.start, attribution.end, analysis)
            return _completed(spoken, sentence, named)
    if anaphor:
        subject = _SUBJECT.match(sentence.text)
        it = next((m for m in _ANAPHOR.finditer(sentence.text) if m.group("pronoun") == "it"), None)
        if it and subject and subject.end("who") < it.start():
            # "Russia has not published its figures since September 2022, when it acknowledged 5,937 deaths"
            return _speaker(sentence, subject.group("who"), subject.start("who"), subject.end("who"), analysis)
        found = _antecedent(sentence, anaphor.group("head"), named, earlier)
        head = anaphor.group("head")
        if head and found is NO_CLAIMANT:  # "the Coordination Headquarters for ..." named before, as a speaker only
            found = _named_body(analysis, sentence, head) or found
        if found is NO_CLAIMANT and anaphor.group(0).lower().startswith(("its ", "their ")):
            found = _previous_body(analysis, sentence) or found  # "The ... office gives a higher figure. Its
            # spokesperson told ...": the body the sentence before is about
        if found is NO_CLAIMANT and attribution:  # "the defence ministry said", no ministry named before
            return _completed(_speaker(sentence, attribution.source, attribution.start, attribution.end, analysis),
                              sentence, named)
        return found
    if pronoun:
        return _person(sentence, pronoun.start(), analysis) or NO_CLAIMANT
    return NO_CLAIMANT


def _person(sentence: Sentence, before: int, analysis: Analysis) -> Claimant | None:
    """The person a "he said" points back to: a full name earlier in the sentence ("Zelensky last gave figures in
    December, when he said ..."), else the person who spoke last in the sentences just before ("Kyiv mayor Vitali
    Klitschko said the ministry's number was too low. The city's records put the figure at about 370, he said")."""
    names = list(_PERSON.finditer(sentence.text, 0, before))
    if names:
        return _speaker(sentence, names[-1].group(0), names[-1].start(), names[-1].end(), analysis)
    for previous in reversed(analysis.sentences[max(0, sentence.index - PERSON_REACH):sentence.index]):
        subject = (_SUBJECT.match(previous.text) or _TITLED_SUBJECT.match(previous.text)
                   or _TITLE_THEN_NAME.match(previous.text) or _NAME_FIRST.match(previous.text))
        if subject and _is_person(subject["who"], analysis):  # "Zelensky rejected ...", "Ukraine's ..., X Y, said";
            # the subject, not a person in its aside ("Shoigu gave the figure ..., hours after Putin announced ...")
            return _speaker(previous, subject["who"], subject.start("who"), subject.end("who"), analysis)
        attribution = find_attribution(previous.text)
        if attribution and _is_person(attribution.speaker.strip(), analysis):
            return _speaker(previous, attribution.source, attribution.start, attribution.end, analysis)
    return None


def _named_body(analysis: Analysis, sentence: Sentence, head: str) -> Claimant | None:
    """The body an anaphor's noun names with capitals earlier in the article, when no claimant before shares the
    noun ("the Coordination Headquarters for the Treatment of Prisoners of War said" ... "The headquarters
    estimates")."""
    noun = head[:1].upper() + head[1:].lower()
    pattern = re.compile(rf"(?:[A-Z][\w’'-]+\s+){{1,4}}{re.escape(noun)}(?:\s+(?:for|of|on)\s+(?:the\s+)?"
                         rf"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)*")
    for previous in reversed(analysis.sentences[:sentence.index]):
        hits = list(pattern.finditer(previous.text))
        if hits:
            body = hits[-1]
            name = body.group(0).strip()
            return Claimant(name, previous.evidence("claimant", body.start(), body.start() + len(name)),
                            STRENGTH_PROPER)
    return None


_BODY_SUBJECT = re.compile(
    r"(?:The\s+)?(?P<who>[A-Z][\w’'-]+(?:\s+[\w’'-]+){0,4}?\s+(?:office|ministry|administration|mission|agency|"
    r"service|headquarters|committee|council|department|police|staff|institute|centre|center))\s+[a-z]+\b")
"""A sentence whose subject is a body ("The Donetsk regional prosecutor's office gives a higher figure")."""


def _previous_body(analysis: Analysis, sentence: Sentence) -> Claimant | None:
    """The body the sentence before names as its subject, which a possessive ("Its spokesperson") points back to."""
    if sentence.index == 0:
        return None
    previous = analysis.sentences[sentence.index - 1]
    subject = _BODY_SUBJECT.match(previous.text)
    if subject is None:
        return None
    return Claimant(subject["who"], previous.evidence("claimant", subject.start("who"), subject.end("who")),
                    STRENGTH_PROPER)


def _is_person(name: str, analysis: Analysis) -> bool:
    """A full name ("Vitali Klitschko"), or a surname the article gives in full somewhere ("Zelensky")."""
    return bool(_PERSON.search(name)) or (re.fullmatch(_NAME, name) is not None
                                          and _full_name(analysis, name) is not None)


_TITLED_SUBJECT = re.compile(
    r"^[^,]{2,60},\s+(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),\s+(?:has\s+|had\s+)?[a-z]+ed\b")
"""A sentence opening with a title and a name set off by commas: "Ukraine's commander-in-chief, Oleksandr Syrskyi,
rejected the figure"."""


_TITLE_THEN_NAME = re.compile(
    r"(?:[A-Z][\w’'-]*['’]s\s+)?(?:[a-z][\w-]*\s+){1,3}(?P<who>[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+)\s+"
    r"(?:has\s+|had\s+)?[a-z]+ed\b")
"""A sentence opening with a title and a name: "Ukraine's commander-in-chief Oleksandr Syrskyi has dismissed"."""


_TITLED_PERSON = re.compile(
    r"(?P<title>\b[\w’'-]+(?:\s+[\w’'-]+){0,6}),\s+(?P<who>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}),\s+"
    r"(?:has\s+|had\s+)?(?:said|says|put|puts|estimated|estimates|told|wrote|claimed|reported|stated|added)\b")
"""A person set off by commas after a body's title: "the Pentagon's under-secretary for policy, Colin Kahl, put"."""
_NAME_FIRST = re.compile(r"(?P<who>(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)\s+[a-z]+\b")
"""A sentence opening with a person's full name and a verb of any form: "Sergei Shoigu gave the figure"."""


PERSON_REACH = 3
"""How many sentences back a "he said" looks for the person who spoke."""


def speaks_as_publication(text: str) -> bool:
    """Whether a sentence's figures are the publication's own ("our field teams have documented")."""
    return bool(_FIRST_PERSON.search(text))


def _publication(analysis: Analysis, named: list[ClaimantMention]) -> Claimant:
    """The publication that speaks as "we": the article's publisher, else a claimant its opening names ("The
    Economist's latest estimate is grim" under the headline)."""
    if analysis.article.publisher:
        return Claimant(analysis.article.publisher, None, STRENGTH_NAMED)
    opening = analysis.sentences[:OPENING_SENTENCES]
    for mention in named:
        if any(s.start <= mention.position < s.end for s in opening):
            return Claimant(mention.label, mention.evidence, STRENGTH_NAMED)
    return NO_CLAIMANT


OPENING_SENTENCES = 4
"""The sentences of an article's opening (headline, standfirst, furniture) that name its publication."""


def _completed(spoken: Claimant, sentence: Sentence, named: list[ClaimantMention]) -> Claimant:
    """A speaker named in part ("the Defense Ministry said") as the body the article named in full before ("Russia's
    Defense Ministry"): every word of the part is in the earlier name."""
    title = _SPOKESMAN_OF.search(spoken.name or "")
    if title:  # "ministry spokesman Lieutenant General Igor Konashenkov": the ministry named before speaks
        noun = title["body"].lower()
        for mention in reversed([m for m in named if m.position < sentence.start]):
            if noun in mention.text.lower():
                return Claimant(mention.label, spoken.evidence, STRENGTH_NAMED)
    words = _stems(spoken.name or "")
    if not words or spoken.strength == STRENGTH_NAMED:
        return spoken
    for mention in reversed([m for m in named if m.position < sentence.start]):
        if words <= _stems(mention.text):
            return Claimant(mention.label, spoken.evidence, STRENGTH_NAMED)
    return spoken


_SPOKESMAN_OF = re.compile(r"\((?:\w+\s+)?(?P<body>\w+)\s+(?:spokes(?:man|woman|person)|press secretary)\)")
"""A person speaking for a body, the body's noun before the title: "(ministry spokesman)"."""


def _stems(name: str) -> set[str]:
    """A name's words, lower-cased and without a plural "s" ("Prosecutors" meets "prosecutor-general's office")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)} - {"the", "a", "an", "s"}
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}


def clause_claimant(sentence: Sentence, position: int, analysis: Analysis) -> Claimant | None:
    """The speaker of the contrasting clause that holds ``position``, when the sentence sets two sources against
    each other ("Kyiv puts Russian losses at 600,000, while Moscow puts Ukraine's at 500,000"); else None."""
    text = sentence.text
    cuts = list(_CONTRAST.finditer(text))
    if not cuts:
        return None
    starts = [0] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [len(text)]
    start, end = next((s, e) for s, e in zip(starts, ends, strict=True) if position < e or e == len(text))
    own = _own(sentence, start, end, speakers_only=True)
    if own is not None:
        return own
    spoken = _CLAUSE_SPEAKER.search(text, start, end)
    if spoken is None or spoken.group("who").lower() in _PRONOUNS:
        return None
    return _speaker(sentence, spoken.group("who"), spoken.start("who"), spoken.end("who"), analysis)


def _own(sentence: Sentence, start: int = 0, end: int | None = None, *, speakers_only: bool = False) -> Claimant | None:
    """A vocabulary claimant in the sentence (or in ``text[start:end]``): the speaking one first."""
    text = sentence.text
    end = len(text) if end is None else end
    cues = [c for c in find_cues("claimants", text, case_sensitive=True) if start <= c.start and c.end <= end]
    if not cues:
        return None
    dispute = line_pattern("dispute_cues").search(text)
    speakers = [c for c in cues if _SPEAKS_AFTER.match(text, c.end) or _SPEAKS_BEFORE.search(text[: c.start])]
    others = [
        c
        for c in sorted(cues, key=lambda c: c.row)
        if _rows()[c.label].get("speaker") != "yes" and not (dispute and c.start >= dispute.start())
    ]
    pick = speakers[0] if speakers else None if speakers_only else others[0] if others else None
    if pick is None:
        return None
    return Claimant(pick.label, sentence.evidence("claimant", pick.start, pick.end), STRENGTH_NAMED)


def _speaker(sentence: Sentence, source: str, start: int, end: int, analysis: Analysis) -> Claimant:
    """A claimant from the sentence's attribution, its channel dropped and a lone surname completed."""
    name = _CHANNEL_TAIL.sub("", source)
    name = name[:1].upper() + name[1:]
    if _BARE_TITLE.search(name):  # "Kharkiv (The)": a place read as a person; the speaker's own words are better
        name = re.sub(r"^(?:the|a|an)\s+", "", sentence.text[start:end].strip(" ,"), flags=re.I)
        name = name[:1].upper() + name[1:]
    words = name.split()
    if len(words) == 2 and _HONORIFIC.fullmatch(words[0]) and re.fullmatch(_NAME, words[1]):
        words = [words[1]]  # "according to Mr Hryhorov": the surname, completed below
        name = _full_name(analysis, words[0]) or name
    elif len(words) == 1 and re.fullmatch(_NAME, name):
        name = _full_name(analysis, name) or name
    proper = any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0].lower() not in _COMMON)
    strength = STRENGTH_PROPER if proper else STRENGTH_GENERIC
    return Claimant(name, sentence.evidence("claimant", start, end), strength)


_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Miss)\.?")
_COMMON = frozenset({"officials", "authorities", "police", "prosecutors", "experts", "analysts", "sources", "media"})


def _full_name(analysis: Analysis, surname: str) -> str | None:
    """ "Filashkin" -> "Vadym Filashkin (Donetsk regional governor)" from the first full mention in the article."""
    text = analysis.article.text
    # a name never runs across a line ("... an attack on Klimovo\n\nKhinshtein says")
    match = re.search(rf"\b({_NAME})[ \t]+{re.escape(surname)}\b", text)
    if not match or match.group(1).lower() in word_set("title_words"):
        return None
    title: list[str] = []
    line_start = text.rfind("\n", 0, match.start()) + 1  # a title never runs across a line either
    for word in reversed(re.findall(r"[\w’'.-]+,?", text[line_start : match.start()])[-5:]):
        if word.endswith(",") or word.endswith("."):
            break
        if word.lower() in word_set("title_words") and word.lower() not in ("the", "a", "an", "of", "his", "her"):
            title.insert(0, word)
        elif word[:1].isupper() and title:
            title.insert(0, word)
        else:
            break
    full = f"{match.group(1)} {surname}"
    return f"{full} ({' '.join(title)})" if title else full


def _antecedent(
    sentence: Sentence, head: str | None, named: list[ClaimantMention], earlier: list[Claimant]
) -> Claimant:
    """The claimant an anaphor points back to: the last one before, one sharing the anaphor's noun preferred."""
    candidates = [(m.position, m.text, Claimant(m.label, m.evidence, STRENGTH_NAMED)) for m in named]
    candidates += [(c.evidence.start, c.name or "", c) for c in earlier if c.evidence and c.name]
    before = sorted((c for c in candidates if c[0] < sentence.start), key=lambda c: c[0])
    if head:
        nouns = _SAME_KIND.get(head.lower(), (head.lower(),))
        alike = [c for c in before if any(n in c[1].lower() or n in (c[2].name or "").lower() for n in nouns)]
        noun = nouns[0]
        if alike:
            return alike[-1][2]
        if noun in _NAMING_HEADS:
            return NO_CLAIMANT  # "the defence ministry" is no think tank named before
    if before:
        return before[-1][2]
    after = sorted((c for c in candidates if c[0] > sentence.end), key=lambda c: c[0])
    return after[0][2] if after else NO_CLAIMANT
