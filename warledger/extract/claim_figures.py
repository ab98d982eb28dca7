"""Which numbers in a sentence are aggregate casualty figures (claims), and what each one counts.

A figure is a count of people with a casualty metric, worded in one of four ways (``vocab/claim_cues.tsv``):

- metric after the figure and its people: "1.2 million casualties", "46,000 Ukrainian soldiers had been killed",
  "about 380,000 wounded", "more than 160 energy workers had been killed by Russian attacks";
- a metric noun before it, joined by a verb of amount: "casualties could hit two million", "the death toll has
  risen to 12,000" (the figure must not count things: "losses of 8,000 tanks" is no claim);
- an active verb right before it: "had killed more than 3,000 civilians", "Russia had lost about 1,250 troops"
  ("lost" needs people after the figure: "lost 3,000 tanks" is no claim);
- a part of the figure before it in the same sentence: "675,000 troops killed and wounded, including 1,380 over
  the past day", "..., including more than 700 children" (the part keeps the whole's metric when nothing follows it
  but a time, and its people when it names none).

A part of the figures just stated ("Around 2,300 of them are children", "Among them are 611 mobilised men") takes
the metric of the claim before it (``metric`` "same").

People and metric may stand apart: "more than 60,000 people, soldiers and civilians, were registered as missing",
"lists about 70,000 more as missing", "111,000 servicemen who have died".

A figure is aggregate when it is 1,000 or more, or smaller with a running-total cue ("so far", "since the start of
the war") or a daily cue ("over the past day") in its sentence, or a month or a year for a monitor or a whole area
("It said 148 civilians were killed in October", "killed in his region in 2024"), or a part of an aggregate; a
smaller figure is still returned when the caller says the sentence goes on from claims just stated (``continuing``).
Not claims: quantities with no number ("thousands of soldiers remain in captivity"), rates ("1,000 a day"), figures
about another war, time or place (``vocab/claim_elsewhere.tsv``: the Holodomor, "in Syria", a year before 2014), and
money or equipment (numbers with a unit, or followed by a noun that is not people).

Public: ``ClaimFigure``, ``claim_figures``, ``is_aggregate``, ``another_war``. Every per-sentence check starts with
one cheap regex, so sentences without a casualty word cost one search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from weakref import WeakKeyDictionary

from warledger.extract.analysis import Sentence
from warledger.extract.cues import find_cues
from warledger.extract.numbers import NumberMatch
from warledger.records import Count
from warledger.vocab import load_tsv

MIN_AGGREGATE = 1000
"""A casualty figure this large is an aggregate estimate even without words like "since the war began"."""

MAX_PEOPLE = 10_000_000
"""No count of people in this war is larger: a bigger figure is money or something else ("losses of 500 billion")."""

FIRST_WAR_YEAR = 2014
"""A year before this in a figure's sentence puts the figure in another war (unless "since 1945")."""

_PREFILTER = re.compile(
    "casualt|loss|lost|losing|lose|kill|dead|death|fatalit|wounded|injur|missing|captur|captiv|prisoner|pow|toll|"
    "died|lives|mia|kia|out of action|unaccounted|figure|number|tally|estimate|holding|holds|held|identified|"
    "execution|detained|eliminat|liquidat|neutrali|wiped out|of them|of whom|of those|of these|among them|make up|"
    "made up|makes up|account"
)
"""Word parts of which a sentence with a claim holds one, searched in the lower-cased text: one case-sensitive scan
is the cheapest first check (a case-insensitive alternation costs several times more)."""
_BARE_AFTER = re.compile(
    r"\s*(?:$|[,.;:)\"”’—–-]|(?:in|on|over|since|during|this|last|so|by|and|or|with|including|from|across|more|"
    r"throughout|a|per|each|every|according|as|among|at|to|until|for|when|while|but|the|of|were|was|had|have|"
    r"has|is|are)\b)",
    re.I,
)
_FILLER = (
    r"(?:(?:have|has|had|been|were|was|are|is|be|being|may|might|could|would|must|reportedly|already|now|also|likely|"
    r"probably|believed|thought|"
    r"estimated|said|feared|presumed|confirmed|officially|to|listed|as|in|on|at|of|from|the|a|its|their|both|sides?|"
    r"each|region|oblast|city|areas?|war|fighting|battles?|front|line|country|territory|so|far|since|recorded|"
    r"counted|known|registered|held|being|still|currently|who|that|community|town|village|district|hromada|remain|"
    r"lists|counts|registers|considers|more|"
    r"remained|remaining|(?-i:[A-Z][\w’'-]*))\s+){0,6}?"
)
"""The plain words that may stand between the people counted and the metric: "soldiers on both sides have been"."""
_AUX = (
    r"(?:(?:have|has|had)\s+(?:been\s+)?|(?:may|might|could|would|must)\s+have\s+been\s+|"
    r"(?:were|was|are|is)\s+(?:reportedly\s+|now\s+|(?:believed|thought|estimated|"
    r"said|feared|presumed|reported) to (?:have been|be)\s+)?)?"
)
"""A bare figure's verb before its metric: "of whom about 20,000 have been killed"."""
_AMOUNT_VERB = (
    r"\s*(?:(?:could|would|will|may|might|has|have|had|is|are|was|were|now|already|reportedly|likely to|expected to|"
    r"set to|estimated to)\s+){0,3}"
    r"(?:hit|reach(?:ed|es)?|stands? at|stood at|(?:has |have )?risen to|rose to|climbed to|grew to|increased to|"
    r"(?:climb|rise|go|climbed|rose|gone)\s+(?:past|above|beyond)|"
    r"top(?:ped|s)?|exceed(?:ed|s)?|surpass(?:ed|es)?|pass(?:ed|es)?|near(?:ed|s|ing)?|approach(?:ed|es|ing)?|"
    r"amount(?:s|ed)? to|total(?:led|ed|s)?|number(?:s|ed)?|put at|estimated at|of|to|at|is|are|was|were|be)\s*$"
)
_MORE_THAN_VERB = re.compile(
    r"\b(?:exceed(?:ed|s)?|surpass(?:ed|es)?|pass(?:ed|es)?|top(?:ped|s)?|past|above|beyond)\s*$", re.I
)
_ABOUT_VERB = re.compile(r"\b(?:near(?:ed|s|ing)?|approach(?:ed|es|ing)?)\s*$", re.I)
_INCLUDING = re.compile(r"(?:including|of whom|of them|among them|with)\s+(?:some\s+)?$", re.I)
_SINCE_THAN = re.compile(r"(?:since|than(?: in)?|after)\s+(?:the\s+)?$", re.I)
_VAGUE = re.compile(r"\b(?:dozens|hundreds|thousands|millions|tens|scores|several|many|few)\b", re.I)
_APPOSITIVE = (
    r"(?:,\s*(?:(?:including|among them|most of them|many of them|mostly|among whom|of whom)"
    r"(?:[^,.;]|(?<=\d)[,.](?=\d{3})){0,60}|"
    r"[^,.;:\d]{1,60}),)?"
)
"""An aside between the people and the metric: "198 civilians, including three children, had been killed", "more
than 60,000 people, soldiers and civilians, were registered as missing"."""
_FRONT = re.compile(r"\b(?:directions?|axis|axes|sectors?|front)\b", re.I)
"""After a day's figure: the fronts it was on, named after towns, which are not where one clash was."""
DISTRICT = 3
"""``Location.precision`` of a district: up to it, a place is a town or near one (a front or a region is coarser)."""
_AND = re.compile(r"\s*,?\s*and\s", re.I)
_LOSS_WORDS = re.compile(r"\b(?:lost|losing|loses|losses|casualties)\b", re.I)
_CLAUSE = re.compile(r"[^,.;:!?]{0,60}")
_OF_THEM = re.compile(
    r"\s+of (?:them|whom|those|these)(?:\s+(?:named|identified|counted|listed|confirmed|(?-i:[A-Z][\w’'-]+)\s+\w+))?"
    r"\s+(?:are|were|was|is)\b",
    re.I)
"""After a figure: a part of the figures just stated ("Around 2,300 of them are children")."""
_OF_THE_AFTER = re.compile(r"\s+of the (?:\w+ )?(?P<who>dead|killed|injured|wounded)\b", re.I)
"""After a figure: the casualties it is a part of ("More than 29,000 of the named dead were prisoners")."""
_INCLUDE_BEFORE = re.compile(
    r"\b(?:the|those)\s+(?P<who>dead|killed|injured|wounded)\s+(?:include|includes|included)\s+$", re.I)
"""Before a figure: the casualties it is a part of ("The dead include at least 738 children")."""
_OF_WHOM = re.compile(r"\s+of (?:them|whom)\s", re.I)
"""After a figure: its people are a part of the figure just stated ("24 of them children")."""
_INCLUDING_ASIDE = re.compile(r",\s*including\s[^,]{1,40},")
"""An aside inside a metric's wording ("its total casualties, including the wounded, at"): not the metric."""
_AMONG_AFTER = re.compile(r"\s+(?:were|are|was|is)\s+among\s+(?:those|the)\s+(?P<who>dead|killed|injured|wounded)\b",
                          re.I)
"""After people counted: the casualties they are a part of ("Nine children were among those killed")."""
_AMONG_THEM = re.compile(r"\b(?:among|of) (?:them|those|these)\s+(?:are|were|was|is)\s+$", re.I)
"""Before a figure: a part of the figures just stated ("Among them are 611 mobilised men")."""
_BRINGING = re.compile(
    r"\bbringing (?:its|the|their|his|her) (?:\w+ )?(?:total|toll|tally|count)\b[^.;]{0,80}?\bto\s+$", re.I)
"""Before a figure: the running total a day's figure just stated adds up to, with its metric."""
_MAKE_UP = re.compile(r"\b(?:make|makes|made) up\s+$|\baccount(?:s|ed)? for\s+$", re.I)
"""Before a figure: a part of the figures just stated, named before ("Mobilised men make up more than 14,000")."""
_AND_MORE = re.compile(r",?\s+and\s+$", re.I)
"""Before a bare figure coordinated with the one before it, whose metric it shares."""
_OF_THE = re.compile(r"\b(?:of|among) (?:the|those) (?P<who>dead|killed|injured|wounded),?\s*$", re.I)
"""Before a figure: the casualties it is a part of ("Of the dead, 726 were children")."""
_TIME_NOUNS = r"(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|times)"
"""Plural nouns that count time, never people ("was killed two months later")."""
_INFLICTING = re.compile(r"(?:killed|wounded|injured|captured|took prisoner|taken prisoner)\b", re.I)
"""A verb whose subject did the harm ("had killed"), unlike "the deaths of" or "lost"."""
_AVERAGE_BEFORE = re.compile(r"\b(?:an average of|on average|averag(?:e|ing)|a daily average of)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class ClaimFigure:
    """One aggregate figure: its number, metric and the span that says so (sentence-relative offsets)."""

    number: NumberMatch
    metric: str
    start: int
    end: int
    population: str | None
    """From the people the figure counts ("civilians" -> civilian), None when the figure names none."""
    qualifier: str
    """The number's qualifier, or "more than"/"about" from a verb of amount ("could exceed", "approaching")."""
    daily: bool = False
    """A figure for the last day ("1,380 over the past day")."""
    vague: bool = False
    """Worded as a vague quantity ("tens of thousands"): a claim only when someone is named as saying it."""
    part: bool = False
    """A part of the figure before it ("..., including more than 700 children"): aggregate when its whole is."""
    inflicted: bool = False
    """Read from an active verb of harm ("had killed 3,000 civilians"): the figure counts whom the subject harmed."""
    aggregate: bool = True
    """Large enough, or worded as a total or as a day's losses, to be a claim on its own; a smaller figure is one
    only as a part of a figure stated just before ("Among those killed were at least 16 children")."""

    @property
    def count(self) -> Count:
        """The figure as a Count, with a verb's qualifier folded in ("exceed one million" -> min 1,000,000)."""
        count = self.number.count
        if self.qualifier == count.qualifier:
            return count
        value = count.min if count.min is not None else count.max
        if self.qualifier in ("more than", "at least"):
            return Count(value, None, self.qualifier)
        return Count(value, value, self.qualifier)


@dataclass(frozen=True, slots=True)
class _Grammar:
    after: re.Pattern[str]
    """A metric right after the figure, past a few modifiers ("military casualties")."""
    after_people: re.Pattern[str]
    """A metric after the people the figure counts, past a few plain words ("soldiers had been killed")."""
    plural: re.Pattern[str]
    """Any plural noun after a verb of killing or wounding ("claimed the lives of 500 Ukrainian athletes")."""
    before: re.Pattern[str]
    verb: re.Pattern[str]
    people_verb: re.Pattern[str]
    """An active verb that only counts people as killed ("eliminated almost 140 invaders"): a figure when people
    follow, never for things ("destroyed 40 tanks")."""
    people: re.Pattern[str]
    cue: re.Pattern[str]
    elsewhere: re.Pattern[str]
    labels: dict[str, str]
    """Regex group name -> its row's label (metric, cue kind, population or place kind)."""


def _alternation(rows: list[dict[str, str]], group: str) -> str:
    return "|".join(f"(?P<{group}{i}>{row['pattern']})" for i, row in enumerate(rows))


def _labels(rows: list[dict[str, str]], group: str, column: str = "label") -> dict[str, str]:
    return {f"{group}{i}": row[column] for i, row in enumerate(rows)}


@cache
def _grammar() -> _Grammar:
    """The regexes of ``claim_cues``, ``claim_people`` and ``claim_elsewhere``, compiled once."""
    cues = list(load_tsv("claim_cues"))
    after_rows, before_rows, verb_rows = ([r for r in cues if r["form"] == f] for f in ("after", "before", "verb"))
    cue_rows = [r for r in cues if r["form"] in ("total", "tally", "daily", "rate")]
    people_rows = [r for r in load_tsv("claim_people") if r["population"] != "modifier"]
    modifiers = "|".join(r["pattern"] for r in load_tsv("claim_people") if r["population"] == "modifier")
    where_rows = list(load_tsv("claim_elsewhere"))
    metric_after = _alternation(after_rows, "a")
    kills_people = "|".join(r["pattern"] for r in load_tsv("casualty_words") if r["form"] == "active_people")
    return _Grammar(
        after=re.compile(rf"(?:\s+more)?\s*{_AUX}(?:(?:{modifiers})\s+){{0,3}}(?:as\s+)?(?:{metric_after})(?![\w-])",
                         re.I),  # "between 650,000 and 720,000 more were wounded"
        plural=re.compile(
            rf"\s+(?:(?:{modifiers})\s+){{0,3}}(?!{_TIME_NOUNS}\b)[a-z’'-]{{2,}}s(?![\w-])", re.I
        ),
        after_people=re.compile(rf"{_APPOSITIVE}\s+{_FILLER}(?:{metric_after})(?![\w-])", re.I),
        before=re.compile(
            rf"(?<![\w-])(?:{_alternation(before_rows, 'b')})(?![\w-])"
            rf"(?:[^.;:!?,]|,(?=\s?\d)|,(?=\s+(?:at|to)\s)){{0,80}}?{_AMOUNT_VERB}",
            re.I,
        ),
        verb=re.compile(
            rf"(?<![\w-])(?:{_alternation(verb_rows, 'v')})\s+(?:(?:a total of|an estimated|some)\s+)?$", re.I
        ),
        people_verb=re.compile(rf"(?<![\w-])(?:{kills_people})\s+(?:(?:a total of|an estimated|some)\s+)?$", re.I),
        people=re.compile(
            rf"[\"”’]?\s+(?:of\s+)?(?:(?:{modifiers})\s+){{0,3}}[\"“]?(?:{_alternation(people_rows, 'p')})"
            rf"(?![\w-])[\"”]?", re.I
        ),
        cue=re.compile(rf"(?<![\w-])(?:{_alternation(cue_rows, 'c')})(?![\w-])", re.I),
        elsewhere=re.compile(rf"(?<![\w-])(?:{_alternation(where_rows, 'e')})(?![\w-])"),
        labels={
            **_labels(after_rows, "a"),
            **_labels(before_rows, "b"),
            **_labels(verb_rows, "v"),
            **_labels(cue_rows, "c"),
            **_labels(people_rows, "p", "population"),
            **_labels(where_rows, "e"),
        },
    )


def _label(match: re.Match[str]) -> str:
    """The label of the vocabulary row whose group matched."""
    labels = _grammar().labels
    return next((labels[name] for name, value in match.groupdict().items() if value is not None), "")


_CACHE: WeakKeyDictionary[Sentence, list[ClaimFigure]] = WeakKeyDictionary()


def claim_figures(sentence: Sentence, *, continuing: bool = False) -> list[ClaimFigure]:
    """Figures in a sentence that count casualties in aggregate (sentence-relative offsets), rates left out.

    ``continuing``: the sentence goes on from figures just stated ("Among those killed were at least 16
    children"), so its smaller figures are parts of those and count too."""
    return [f for f in _scan(sentence) if f.aggregate or continuing]


def is_aggregate(sentence: Sentence) -> bool:
    """True when the sentence states an aggregate estimate (a claim), so it is not read as one incident.

    A rate ("lost up to 500 servicemen per day in the Kherson region") is no claim and is left to the incidents."""
    return any(f.aggregate for f in _scan(sentence))


def _scan(sentence: Sentence) -> list[ClaimFigure]:
    cached = _CACHE.get(sentence)
    if cached is None:
        cached = _CACHE[sentence] = _figures(sentence)
    return cached


def _figures(sentence: Sentence) -> list[ClaimFigure]:
    """The sentence's aggregate figures; rates ("1,000 soldiers a day") are none."""
    text = sentence.text
    if not _PREFILTER.search(text.lower()):
        return []
    found: list[ClaimFigure] = []
    unread: NumberMatch | None = None
    for number in sentence.numbers:
        read = _read(text, number, found)
        if read is None:
            unread = number
            continue
        if unread is not None and (first := _coordinated(text, unread, read)) is not None:
            found.append(first)
        found.append(read)
        unread = None
    if not found:
        return []
    found = _shared_people(text, sorted(found + _inner_parts(sentence, found), key=lambda f: f.start))
    totals = _totalled(sentence, found)
    figures: list[ClaimFigure] = []
    for figure in found:
        if _elsewhere(sentence, figure):
            continue
        whole = next((f for f in reversed(figures) if not f.part), None) if figure.part else None
        named_back = figure.metric == "same" and not figure.part  # "put the figure at about 370": a claim's
        aggregate = (_value(figure.number) >= MIN_AGGREGATE or figure in totals or named_back
                     or (figure.daily and _losses(sentence, figure)) or _side_losses(text, figure)
                     or _kill_tally(sentence, figure)
                     or (whole is not None and whole.aggregate))
        figures.append(replace(figure, aggregate=aggregate))
    wholes = [f for f in figures if f.aggregate and not f.part]
    joined = {id(f) for whole in wholes for f in _paired(text, figures, whole)}
    # "lost about 3,500 troops killed or wounded and close to 200 taken prisoner": a tally's coordinated figure
    return [replace(f, aggregate=True) if id(f) in joined and not f.aggregate else f for f in figures]


def _shared_people(text: str, found: list[ClaimFigure]) -> list[ClaimFigure]:
    """A figure that names no people counts those of the figure it is coordinated with: "killed 3,712 and wounded
    8,140 civilians", "127 civilians have been killed ..., and 612 have been wounded"."""
    shared = list(found)
    for i, figure in enumerate(shared):
        if figure.population is not None:
            continue
        before = next((f for f in reversed(shared[:i]) if not f.part), None)
        after = shared[i + 1] if i + 1 < len(shared) else None
        if before and before.population and _AND_MORE.search(text, 0, figure.start):
            shared[i] = replace(figure, population=before.population)
        elif after and after.population and _AND.fullmatch(text, figure.end, after.start):
            shared[i] = replace(figure, population=after.population)
    return shared


def _inner_parts(sentence: Sentence, found: list[ClaimFigure]) -> list[ClaimFigure]:
    """Parts set in a figure's aside, which take its metric: "14,240 civilians, including 719 children, had been
    killed"."""
    text, people_pattern, parts = sentence.text, _grammar().people, []
    for whole in found:
        for number in sentence.numbers:
            if not whole.number.end < number.start < whole.end or number.unit is not None:
                continue
            people = people_pattern.match(text, number.end)
            if people and _INCLUDING.search(text, whole.number.end, number.start):
                parts.append(ClaimFigure(number, whole.metric, number.start, people.end(), _label(people),
                                         number.count.qualifier, whole.daily, part=True))
    return parts


_LOSSES_OF = re.compile(r"\blosses\b|\benemy\s+lost\b", re.I)


def _side_losses(text: str, figure: ClaimFigure) -> bool:
    """Whether a figure counts a side's soldiers as its losses, a belligerent's tally whatever its size ("Ukrainian
    losses in their area of responsibility were up to 510 servicemen killed and wounded"), not what a unit "lost" in
    one clash ("the assault group lost 17 killed")."""
    return figure.population == "military" and bool(_LOSSES_OF.search(text, max(0, figure.start - 80), figure.end))


def _kill_tally(sentence: Sentence, figure: ClaimFigure) -> bool:
    """Whether a figure is a belligerent's count of the enemy soldiers it "eliminated" with no town named ("in the
    south, the Defence Forces eliminated almost 140 invaders"): the other side's losses as its enemy tells them,
    not the dead of one clash ("eliminated 12 occupiers near Orikhiv") nor of a strike the verb's participle tells
    the result of ("struck positions in the Zaporizhzhia region on Monday, eliminating up to 40 soldiers")."""
    if figure.population != "military" or not figure.inflicted or _names_a_town(sentence):
        return False
    verb = _grammar().people_verb.search(sentence.text, 0, figure.number.start)
    return verb is not None and not verb.group(0).split()[0].lower().endswith("ing")


def _names_a_town(sentence: Sentence) -> bool:
    """The sentence names a place at or below a district: where one clash was, unlike a front or a region."""
    return any(p.location.precision <= DISTRICT for p in sentence.places)


def _losses(sentence: Sentence, figure: ClaimFigure) -> bool:
    """A daily figure is a side's day of losses ("Russia lost 890 soldiers over the past day", "killed more than 340
    Ukrainian troops in the Donetsk region"), not one clash's dead ("killed 40 soldiers near Bakhmut over the past
    day", an incident: a town is named) nor a region's day ("over the past day 1 person was killed and 3 were
    injured in the region")."""
    text = sentence.text
    losses = bool(_LOSS_WORDS.search(text[max(0, figure.start - 80) : figure.end]))
    front = _FRONT.search(text, figure.end, figure.end + 80)  # "in the Mykolaiv and Kryvyi Rih directions"
    town = not front and _names_a_town(sentence)
    return losses or (figure.population == "military" and not town)


def _totalled(sentence: Sentence, figures: list[ClaimFigure]) -> list[ClaimFigure]:
    """The figures that a running-total cue ("so far", "since February 2022") belongs to, each cue to its nearest;
    and, in a sentence dated to a month or a year ("in October"), every figure after a monitor's tally ("the
    mission verified 164 civilian deaths and 812 injuries"), or every figure when a body known for its estimates
    states them (``vocab/claimants.tsv``)."""
    text = sentence.text
    found = []
    asides = [(m.start(), m.end()) for m in RELATIVE_ASIDE.finditer(text)]

    def aside(position: int) -> bool:  # in a relative aside that holds none of the figures
        return any(s <= position < e and not any(s <= f.start < e for f in figures) for s, e in asides)

    periodic = any((d.precision in ("month", "year") or d.kind == "period") and not aside(d.start)
                   for d in sentence.dates)
    if periodic and (find_cues("claimants", text, case_sensitive=True) or _MONITOR.search(text)
                     or _WHOLE_AREA.search(text)):
        return list(figures)  # "at least 158 civilians were killed in October, the UN monitoring mission said"
    if _ESTIMATES.search(text) and (find_cues("claimants", text, case_sensitive=True) or _MONITOR.search(text)):
        return list(figures)  # "the Prosecutor General's Office puts the number of children killed at more than 570"
    for cue in _grammar().cue.finditer(text):
        if aside(cue.start()):
            continue  # "In the Bryansk region, where drones have struck daily since June, ...": not the figures'

        if _label(cue) == "total":
            wholes = [f for f in figures if not f.part] or figures  # a part is a total when its whole is
            nearest = min(wholes, key=lambda f: max(f.start - cue.end(), cue.start() - f.end, 0))
            found += _paired(text, wholes, nearest)
        elif _label(cue) == "tally" and periodic:
            found += [f for f in figures if f.start >= cue.end()]
    return found


_ESTIMATES = re.compile(
    r"\b(?:puts|put|estimates|estimated|counts|counted|(?:has|have|had) (?:verified|documented|confirmed|recorded)|"
    r"verified|documented)\b")
"""A body known for its estimates stating one ("puts the number of ... at"): its figures are totals whatever their
size."""
_OTHER_CLAUSE = re.compile(r"[.;]|,[^,]*\b(?:and|but|while)\b|\b(?:but|while)\b", re.I)
"""Between a cue and a figure: the cue belongs to another clause."""
_MONITOR = re.compile(r"\bthe (?:mission|monitors|monitoring mission|update|survey|statement)\b|"
                      r"^It (?:said|says|added|reported|found|noted)\b", re.I)
"""A monitoring body referred back to ("the mission said", "It said"), which states figures for a period, not one
attack."""
RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]*,")
"""A relative clause set off by commas, about someone or somewhere: not the figure's period (", which stopped
publishing its own toll in the autumn of 2022,") nor an event's background (", where Ukrainian troops have been
fighting since Aug. 6,")."""


_WHOLE_AREA = re.compile(
    r"\bin (?:his|her|its|their|the) (?:(?-i:[A-Z])[\w’'-]+ )?(?:region|oblast|province|country)\b", re.I)
"""A whole area, whose figures for a month or a year ("killed in his region in 2024", "in the Kharkiv region in
October") are a tally, not one attack."""
_PAIR_GAP = re.compile(
    r"(?:[^.;:!?]|(?<=\b[A-Z][a-z]{2})\.|(?<=\b[A-Z][a-z]{3})\.){0,100}?\s(?:and|while)\s+"
    r"(?:have\s+|has\s+|had\s+)?(?:\w+\s+){0,2}?$", re.I)
"""Between two coordinated figures, within one clause (a month's short form may stand between: "since Feb. 24")."""


def _paired(text: str, figures: list[ClaimFigure], figure: ClaimFigure) -> list[ClaimFigure]:
    """``figure`` and the figures coordinated with it, after it ("killed 142 civilians ... and injured more than
    700") or before it ("264 civilians have been killed and 571 injured ... since February 2022")."""
    def gap(start: int, end: int) -> bool:  # a part set aside between them is not in the way
        return _PAIR_GAP.fullmatch(_INCLUDING_ASIDE.sub(",", text[start:end])) is not None

    chain = [figure]
    for other in figures:
        if other.start > chain[-1].end and gap(chain[-1].end, other.start):
            chain.append(other)
    for other in reversed(figures):
        if other.end < chain[0].start and gap(other.end, chain[0].start):
            chain.insert(0, other)
    return chain


def _value(number: NumberMatch) -> int:
    count = number.count
    return count.min if count.min is not None else count.max if count.max is not None else 0


_VAGUE_ONLY = re.compile(r"(?:dozens|scores|hundreds|thousands|millions|tens)(?:\s+of\s+(?:thousands|millions))?", re.I)
"""A quantity worded with no number at all ("thousands", "tens of thousands"): a claim needs a figure."""


def _read(text: str, number: NumberMatch, found: list[ClaimFigure]) -> ClaimFigure | None:
    """The claim figure ``number`` is, or None (a rate, a count of things, no casualty metric)."""
    count = number.count
    value = count.min if count.min is not None else count.max
    if number.unit is not None or value is None or value > MAX_PEOPLE or _VAGUE_ONLY.fullmatch(number.text):
        return None  # "thousands of soldiers remain in captivity" gives no figure to claim
    grammar = _grammar()
    people = grammar.people.match(text, number.end)
    population = _label(people) if people else None
    tail = people.end() if people else number.end
    qualifier, metric, start, end = count.qualifier, "", number.start, tail
    part = inflicted = running = False
    after = (grammar.after_people if people else grammar.after).match(text, tail)
    if after and not people and _AND.match(text, tail) and grammar.verb.search(text, 0, number.start):
        after = None  # "killed 3,712 and wounded 8,140": the verb before is the figure's, the one after the next's
    among = _AMONG_AFTER.match(text, tail) if people else None
    if among:  # "Nine children were among those killed in January": a part of the figure just stated
        metric, end, part = _whole_metric(among), among.end(), True
    elif after:
        metric, end = _label(after), after.end()
        part = bool(people and _OF_WHOM.match(text, number.end))  # "24 of them children were killed"
    elif people and _OF_WHOM.match(text, number.end):  # "606 civilians ..., 24 of them children"
        metric, end, part = found[-1].metric if found else "same", people.end(), True
    else:
        head = text[: number.start]
        bare = not people and bool(_BARE_AFTER.match(text, tail))
        verb = grammar.verb.search(head)
        if verb is None and people:
            verb = grammar.people_verb.search(head)  # "eliminated almost 140 invaders"
        blanked = RELATIVE_ASIDE.sub(lambda m: " " * len(m[0]), _INCLUDING_ASIDE.sub(lambda m: " " * len(m[0]), head))
        noun = None if verb else _nearest(grammar.before, blanked)  # "losses in the zone of its Yug group, which is
        # advancing near Siversk, had amounted to up to 190": the asides are not in the way
        harms = verb is not None and _label(verb) != "casualties"  # killed, wounded, captured: people are meant
        if harms and not people and not bare and grammar.plural.match(text, tail):
            people = grammar.plural.match(text, tail)
            end, population = (people.end(), "all") if people else (end, population)
        if verb and (people or (bare and harms)):
            metric, start = _label(verb) or "killed", verb.start()  # a verb of ``people_verb`` kills
            inflicted = verb.re is grammar.people_verb or bool(_INFLICTING.match(verb.group(0)))
        elif noun and (people or bare):
            metric, start = _label(noun), noun.start()
        elif not people and (of_them := _OF_THEM.match(text, tail)):  # "Around 2,300 of them are children"
            named = grammar.after.match(text, of_them.end())  # "8,000 of them are held in Russian captivity"
            metric, end, part = (_label(named), named.end(), True) if named else ("same", of_them.end(), True)
        elif not people and (of_the_after := _OF_THE_AFTER.match(text, tail)):  # "29,000 of the named dead were"
            metric, end, part = _whole_metric(of_the_after), of_the_after.end(), True
        elif bare and (made_up := _MAKE_UP.search(head)):  # "Mobilised men make up more than 14,000"
            metric, start, part = "same", made_up.start(), True
        elif found and bare and (brought := _BRINGING.search(head)):  # "..., bringing its total ... to 239,000"
            metric, population, start = found[-1].metric, found[-1].population, brought.start()
            running = True
        elif among := _AMONG_THEM.search(head):  # "Among them are 611 mobilised men"
            metric, start, part = "same", among.start(), True
        elif included := _INCLUDE_BEFORE.search(head):  # "The dead include at least 738 children"
            metric, start, part = _whole_metric(included), included.start(), True
        elif bare and (of_the := _OF_THE.search(head)):  # "Of the dead, 726 were children"
            metric, start = _whole_metric(of_the), of_the.start()
        elif found and bare and _AND_MORE.search(head) and found[-1].end <= number.start:  # "..., and 400,000 since"
            metric, population = found[-1].metric, found[-1].population
        elif found and _INCLUDING.search(head) and found[-1].end <= number.start and (
                bare or (people and _BARE_AFTER.match(text, tail))):  # "including more than 700 children"
            metric, population, part = found[-1].metric, population or found[-1].population, True
    if not metric or (people and not part and _INCLUDING.search(text[: number.start]) and text.startswith(",", tail)):
        return None  # "198 civilians, including three children, had been killed": the part has no verb of its own
    if qualifier == "exact" and _MORE_THAN_VERB.search(text, 0, number.start):  # "could pass 16,000 killed"
        qualifier = "more than"
    elif qualifier == "exact" and _ABOUT_VERB.search(text, 0, number.start):  # "approaching 100,000"
        qualifier = "about"
    clause = _CLAUSE.match(text, end)
    kinds = [_label(m) for m in grammar.cue.finditer(clause.group(0))] if clause else []
    if "rate" in kinds or _AVERAGE_BEFORE.search(text[:start]):
        return None
    if "daily" not in kinds and not running and any(  # "over the past day the Ukrainian forces had lost up to 270"
        _label(m) == "daily" and not _OTHER_CLAUSE.search(text, m.end(), start)
        for m in grammar.cue.finditer(text, max(0, start - 80), start)
    ):
        kinds.append("daily")
    vague = bool(_VAGUE.search(number.text))
    if qualifier == "exact" and found and re.fullmatch(r"\s+and\s+", text[found[-1].end : number.start]):
        if found[-1].qualifier in ("at least", "more than"):  # "at least 164 deaths and 812 injuries"
            qualifier = found[-1].qualifier
    return ClaimFigure(number, metric, start, end, population, qualifier, "daily" in kinds, vague, part, inflicted)


_COORDINATED = re.compile(r"\s*,?\s+(?:and|or|as well as)\s+")


def _coordinated(text: str, number: NumberMatch, figure: ClaimFigure) -> ClaimFigure | None:
    """A count of people coordinated with the figure after it, whose metric it shares: "more than 100,000 Ukrainian
    military personnel and more than 20,000 civilians had been killed"."""
    people = _grammar().people.match(text, number.end)
    if people is None or figure.part or figure.start != figure.number.start or number.unit is not None:
        return None
    if not _COORDINATED.fullmatch(text, people.end(), figure.start):
        return None
    return ClaimFigure(number, figure.metric, number.start, people.end(), _label(people), number.count.qualifier,
                       figure.daily)


def _whole_metric(match: re.Match[str]) -> str:
    """The metric of the casualties a figure is a part of ("of the dead" -> killed, "of the wounded" -> injured)."""
    return "killed" if match["who"].lower() in ("dead", "killed") else "injured"


def _nearest(pattern: re.Pattern[str], head: str) -> re.Match[str] | None:
    """The match of an end-anchored ``pattern`` that starts latest: the metric noun nearest the figure."""
    match = pattern.search(head)
    while match is not None:
        later = pattern.search(head, match.start() + 1)
        if later is None:
            return match
        match = later
    return None


def another_war(text: str) -> bool:
    """Whether a clause is about a war elsewhere: it names a place or party of another conflict ("in Sudan",
    "Israel's defence forces") and nothing of Russia's war on Ukraine."""
    kinds = {_label(m) for m in _grammar().elsewhere.finditer(text)}
    return "abroad" in kinds and "anchor" not in kinds


_CLAUSE_GAP = re.compile(r"[,;:—–]")
"""Between a figure and a word of another time after it: another clause, which compares rather than dates it."""


def _elsewhere(sentence: Sentence, figure: ClaimFigure) -> bool:
    """True when the figure is about another war, time or place than Russia's war on Ukraine."""
    text = sentence.text
    for number in sentence.numbers:
        year = number.count.min
        if number.unit == "year" and year is not None and year < FIRST_WAR_YEAR:
            if not _SINCE_THAN.search(text[: number.start]):
                return True
    hits = [(m.start(), _label(m)) for m in _grammar().elsewhere.finditer(text)]
    if not any(kind != "anchor" for _, kind in hits):
        return False
    centre = (figure.start + figure.end) // 2
    for position, kind in hits:
        compared = position >= figure.end and _CLAUSE_GAP.search(text, figure.end, position) is not None
        if kind == "past" and not _SINCE_THAN.search(text[:position]) and not compared:
            return True  # "In the Second World War, seven million", not "1.5 million, describing ... Soviet army"
    nearest = min(hits, key=lambda hit: abs(hit[0] - centre))
    return nearest[1] == "abroad"
