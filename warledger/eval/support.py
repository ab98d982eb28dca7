"""Does the text support what was predicted? The "invented" counts of the evaluation.

A prediction invents

- a **number** when the evidence it cites (the spans of that field, else all of the record's spans) holds no digit
  string, number word or vague quantity that can mean it ("five" = 5, "1.2 million" = 1,200,000, "a million" =
  1,000,000, "a couple" = 2, "three dozen" = 36, "dozens" = 12-99, "tens" = 10-99, "no one" = 0; one person named
  in the singular, "killing the driver", "a woman was injured", "the commandant died" = 1; people named one by one,
  "a boy and his father" = 2);
- a **place** when its name, in any spelling that folds to the same key, occurs nowhere in the text, and no other
  name of its gazetteer entry (a former or Russian name: "Krivoy Rog" for Kryvyi Rih) does either;
- a **date** (an incident's) when no evidence span supports the date and it is not the publication date; a claim's
  period bound when no date evidence supports it and its year occurs nowhere in the text.

The number reader here is deliberately separate from the extractor's (``warledger.extract.numbers``): the check
must not share the extractor's bugs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from warledger.eval.places import gazetteer_ids_in, is_area_name, name_in_text
from warledger.records import Claim, Count, Evidence, Incident, Location

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

_VAGUE: tuple[tuple[str, int, int], ...] = (
    (r"hundreds of thousands", 100_000, 999_999),
    (r"tens of thousands", 10_000, 99_999),
    (r"(?:hundreds|tens) of millions", 10_000_000, 999_999_999),
    (r"millions", 1_000_000, 999_999_999),
    (r"thousands", 1_000, 99_999),
    (r"hundreds", 100, 999),
    (r"scores", 20, 99),
    (r"\btens\b", 10, 99),
    (r"dozens", 12, 99),
    (r"a dozen", 10, 12),
    (r"a couple(?: of)?|a pair of|both|twins|\b(?:a|an|the)\s+(?:[\w-]+\s+)?couple\b", 2, 2),
    (r"a few|a handful(?: of)?|few", 2, 9),
    (r"several|a number of|multiple", 2, 9),
    (
        r"\b(?:a|an|one|another|single|lone)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|person|child|boy|girl|baby|civilian"
        r"|resident|soldier|serviceman|driver|teenager|pensioner|worker|employee|rescuer|firefighter|medic|officer"
        r"|policeman|volunteer|journalist|farmer|guard|passenger|local|victim|body|individual)\b",
        1,
        1,
    ),
)
_ZERO = re.compile(
    r"\b(?:no|none|nobody|zero|without|unharmed|unhurt|not? (?:a )?single|"
    r"not (?:hurt|harmed|injured|wounded|killed|recorded|reported))\b"
    r"|no one|no-one", re.IGNORECASE
)
_DIGITS = re.compile(
    r"(?<![\w.])(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(hundred|thousand|million|billion|mn|bn|k|m)?\b",
    re.IGNORECASE,
)
_SHARED_SCALE = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:-|–|to|and)\s*\d+(?:\.\d+)?\s*(thousand|million|billion)\b", re.IGNORECASE)
_WORDS = re.compile(
    r"\b(?:" + "|".join(_UNITS) + r")(?:(?:\s+and\s+|[\s-]+)(?:" + "|".join([*_UNITS, *_SCALES]) + r"))*\b",
    re.IGNORECASE,
)


def _word_values(phrase: str) -> list[int]:
    """``"one hundred and twenty thousand"`` -> [120000]; ``"two and three"`` -> [2, 3] ("and" joins a number
    only after hundred, thousand, million or billion)."""
    parts = re.split(r"(?<!dozen)(?<!hundred)(?<!thousand)(?<!million)(?<!billion)\s+and\s+", phrase.lower())
    return [_word_value(part) for part in parts]


def _word_value(phrase: str) -> int:
    """``"one hundred twenty"`` -> 120."""
    total, group = 0, 0
    for word in re.split(r"[\s-]+|\s+and\s+", phrase):
        if word == "and":
            continue
        if word in _UNITS:
            group += _UNITS[word]
        elif word in ("dozen", "hundred"):
            group = (group or 1) * _SCALES[word]
        elif word in _SCALES:
            total += (group or 1) * _SCALES[word]
            group = 0
    return total + group


_MORE_PEOPLE = (
    r"nurse|teacher|student|pupil|paramedic|shopkeeper|vendor|cyclist|pedestrian|fisherman|miner|deminer|sapper|"
    r"policeman|policewoman|electrician|employee|customer|patient|security guard|watchman|motorist|villager|assistant|"
    r"cashier|seller|engineer|operator|builder|conductor|courier|toddler|schoolboy|schoolgirl|grandson|granddaughter|"
    r"relative|tenant|occupant|technician|mechanic|welder|saleswoman|salesman|owner|infant|servicewoman|fighter|"
    r"governor|reporter|photographer|saboteur|collaborator|soloist|athlete|sniper|paratrooper|marine|mercenary|"
    r"motorcyclist|postman|postwoman|nephew|niece|cousin|lineman|volunteer|journalist|medic|rescuer|firefighter|"
    r"priest|doctor|friend|colleague|acquaintance|guest|classmate"
)
"""More people named in the singular: "killing a nurse"."""
_ONE_PERSON = re.compile(
    r"\b(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?(?:man|woman|boy|girl|child|baby|person|civilian|"
    r"resident|driver|passenger|worker|official|officer|soldier|serviceman|commander|commandant|head|mayor|"
    r"teenager|pensioner|farmer|guard|pilot|deputy|wife|husband|son|"
    r"daughter|mother|father|brother|sister|grandmother|grandfather|neighbou?r|" + _MORE_PEOPLE + r")\b"
    r"|\b(?:was|has been) (?:killed|wounded|injured|hurt|shot dead)\b"
    # one of two ("killing one and wounding the other"); a person named by age alone ("The 61-year-old was taken")
    r"|\b(?:killing|wounding|injuring|killed|wounded|injured)\s+the\s+other\b"
    r"|\b(?:a|the)\s+\d{1,3}-year-old\s+(?:was|were|is|died|received|sustained|suffered|got)\b"
    r"|\b(?:a|an)\s+\d{1,3}-year-old\s+[a-z]+\b"  # "killing a 58-year-old stallholder": an age names a person
    # a headline's bare singular after its verb: "FPV drone wounds tractor driver"
    r"|\b(?:kills|wounds|injures|killing|wounding|injuring)\s+(?:[a-z-]+\s+){0,2}?(?:man|woman|boy|girl|child|person|"
    r"civilian|resident|driver|passenger|worker|officer|soldier|teenager|pensioner|farmer|"
    + _MORE_PEOPLE + r")\b(?!s)"
    # a headline's bare singular: "Woman killed", "NABU officer killed", "saboteur died", "resident ... dies"
    r"|\b(?!(?:people|others|children|men|women|police|troops|military|personnel|staff|were|are|been|have|had|"
    r"being|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|"
    r"dozen|million|more|several|many|few|dead)\b)[a-z]{3,}(?<!s)"
    r"\s+(?:killed|wounded|injured|hurt|died|dies)\b",
    re.IGNORECASE,
)


_A_SCALE = re.compile(r"\b(?:a|one)\s+(hundred|thousand|million|billion)\b", re.IGNORECASE)
_HALF_A = re.compile(r"\bhalf\s+a\s+(million|billion)\b", re.IGNORECASE)
"""Half of a scale: "close to half a million soldiers" = 500,000."""
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10}
_NTH_PERSON = re.compile(
    r"\b(?:a|the)\s+(" + "|".join(_NTH) + r"|\d{1,3}(?:st|nd|rd|th))\s+(?:person|victim|body|casualty)\b",
    re.IGNORECASE)
"""The next victim counts all so far: "a fourth person received medical help" = 4, "the 48th body" = 48."""
_PERSON_NOUN = (
    r"(?:a|an|the|his|her|their)\s+(?:(?!(?:a|an|the|and)\s)[\w-]+\s+){0,3}?(?:man|woman|boy|girl|child|baby|person|"
    r"civilian|resident|driver|passenger|worker|officer|soldier|teenager|pensioner|farmer|wife|husband|son|daughter|"
    r"mother|father|brother|sister|grandmother|grandfather|neighbou?r|" + _MORE_PEOPLE + r")\b"
)
_COUNTED_PEOPLE = (
    r"(?:(?:his|her|their)\s+)?(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
    r"(?:people|passengers|children|women|men|workers|residents|civilians|others|neighbou?rs|soldiers|sons|daughters|"
    r"grandsons|granddaughters|grandchildren|brothers|sisters|relatives|colleagues|friends)\b"
)
_AGE_ASIDE = (r"(?:,\s*(?:aged\s+[\w-]+(?:(?:,\s*|\s+and\s+)[\w-]+)*|\d{1,3}),"
              r"|\s+(?:of\s+\d{1,3}\s+years(?:\s+old)?|aged\s+\d{1,3}))?")
"""An age after a person: "the driver, 51,", "a woman of 56 years" (machine translation), "a man aged 60"."""
_A_COUPLE = r"(?:a|an|the)\s+(?:[\w-]+\s+)?couple\b"
_GROUP_PART = re.compile(rf"(?P<couple>{_A_COUPLE})|{_PERSON_NOUN}|{_COUNTED_PEOPLE}", re.IGNORECASE)
_GROUP = re.compile(rf"(?:{_A_COUPLE}|{_PERSON_NOUN}|{_COUNTED_PEOPLE}){_AGE_ASIDE}"
                    rf"(?:\s+and\s+(?:{_A_COUPLE}|{_PERSON_NOUN}|{_COUNTED_PEOPLE}){_AGE_ASIDE})+"
                    rf"|{_PERSON_NOUN}(?:,\s+(?:{_PERSON_NOUN}|{_COUNTED_PEOPLE}))+"
                    rf"\s+and\s+(?:{_PERSON_NOUN}|{_COUNTED_PEOPLE})", re.IGNORECASE)
"""People named one by one or counted, and joined: "a five-year-old boy and his father" = 2, "the driver and two
passengers" = 3, "a woman and her two children" = 3, "two women and a man" = 3, "a couple and their teenage
daughter" = 3, "a man, his wife and their daughter" = 3."""


def _group_size(group: str) -> int:
    size = 0
    for part in _GROUP_PART.finditer(group):
        counted = part.group(2)
        if part.group("couple"):
            size += 2
        else:
            size += 1 if counted is None else int(counted) if counted.isdigit() else _UNITS[counted.lower()]
    return size


@lru_cache(maxsize=4096)
def numbers_in(text: str) -> tuple[frozenset[int], tuple[tuple[int, int], ...]]:
    """Exact values written in ``text`` and the windows its vague quantities allow (``(low, high)`` pairs)."""
    exact: set[int] = set()
    for match in _DIGITS.finditer(text):
        digits, scale = match.group(1), (match.group(2) or "").lower()
        value = float(re.sub(r"[,\u202f\u00a0 ]", "", digits))
        factor = _SCALES.get(scale) or _SHORT_SCALES.get(scale, 1)
        exact.add(round(value * factor))
        exact.add(round(value))
    for match in _SHARED_SCALE.finditer(text):  # "between 1.2 and 1.3 million": the first takes the scale too
        exact.add(round(float(match.group(1)) * _SCALES[match.group(2).lower()]))
    for match in _WORDS.finditer(text):
        exact.update(_word_values(match.group(0)))
    for match in _NTH_PERSON.finditer(text):  # "the body of a fourth victim"
        nth = match.group(1).lower()
        exact.add(int(nth[:-2]) if nth[0].isdigit() else _NTH[nth])
    for match in _HALF_A.finditer(text):  # "close to half a million"
        exact.add(_SCALES[match.group(1).lower()] // 2)
    for match in _A_SCALE.finditer(text):  # "well over a million"
        exact.add(_SCALES[match.group(1).lower()])
    windows = [(lo, hi) for pattern, lo, hi in _VAGUE if re.search(pattern, text, re.IGNORECASE)]
    if _ZERO.search(text):
        windows.append((0, 0))
    if _ONE_PERSON.search(text):
        exact.add(1)
    for match in _GROUP.finditer(text):
        exact.add(_group_size(match.group(0)))
    return frozenset(exact), tuple(windows)


def number_supported(value: int, texts: Iterable[str]) -> bool:
    """True when one of ``texts`` writes ``value`` or a vague quantity that can mean it."""
    for text in texts:
        exact, windows = numbers_in(text)
        if value in exact or any(lo <= value <= hi for lo, hi in windows):
            return True
    return False


def _field_texts(evidence: Sequence[Evidence], names: Iterable[str]) -> list[str]:
    """Texts of the spans for one of ``names``; all spans when none is labelled so."""
    wanted = set(names)
    own = [e.text for e in evidence if e.field in wanted]
    return own or [e.text for e in evidence]


@dataclass(slots=True)
class Invented:
    """What one extraction emitted that its text does not support, with how many values were checked."""

    numbers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    numbers_checked: int = 0
    places_checked: int = 0
    dates_checked: int = 0

    @property
    def total(self) -> int:
        return len(self.numbers) + len(self.places) + len(self.dates)


def _check_count(out: Invented, label: str, count: Count | None, texts: list[str]) -> None:
    if count is None:
        return
    for value in {v for v in (count.min, count.max) if v is not None}:
        out.numbers_checked += 1
        if not number_supported(value, texts):
            out.numbers.append(f"{label}={value}")


def _same_day(when: str | None, published: str | None) -> bool:
    return bool(when and published and when[:10] == published[:10])


def place_supported(location: Location, text: str) -> bool:
    """True when the location's name, or another name of its gazetteer entry, occurs in ``text``."""
    name = location.name or ""
    if name_in_text(name, text):
        return True
    if is_area_name(name) and location.admin1 and name_in_text(location.admin1, text):
        return True
    return bool(location.gazetteer_id) and location.gazetteer_id in gazetteer_ids_in(text)


def check_incident(incident: Incident, *, text: str, published: str | None, out: Invented) -> None:
    """Add to ``out`` the numbers, place and date of ``incident`` that ``text`` does not support."""
    for name in ("killed", "injured", "missing"):
        count = getattr(incident, name)
        _check_count(out, name, count, _field_texts(incident.evidence, (name,)))
    location = incident.location
    if location is not None and location.name and location.country in (None, "UA"):
        out.places_checked += 1
        if not place_supported(location, text):
            out.places.append(location.name)
    if incident.date:
        out.dates_checked += 1
        has_evidence = any(e.field in ("date", "when", "time") for e in incident.evidence)
        if not has_evidence and not _same_day(incident.date, published):
            out.dates.append(incident.date)


def check_claim(claim: Claim, *, text: str, published: str | None, out: Invented) -> None:
    """Add to ``out`` the figures and period bounds of ``claim`` that ``text`` does not support."""
    texts = _field_texts(claim.evidence, ("min", "max", "value", "figure", "count", claim.metric))
    _check_count(out, claim.metric, Count(claim.min, claim.max), texts)
    date_evidence = any(e.field in ("period", "period_start", "period_end", "date", "as_of") for e in claim.evidence)
    for bound in (claim.period_start, claim.period_end):
        if not bound:
            continue
        out.dates_checked += 1
        year = bound[:4]
        if not date_evidence and year not in text and not (published or "").startswith(year):
            out.dates.append(bound)


def check_extraction(incidents: Sequence[Incident], claims: Sequence[Claim], *, text: str,
                     published: str | None) -> Invented:
    """All inventions of one document's incidents and claims against the text the user gave."""
    out = Invented()
    for incident in incidents:
        check_incident(incident, text=text, published=published, out=out)
    for claim in claims:
        check_claim(claim, text=text, published=published, out=out)
    return out
