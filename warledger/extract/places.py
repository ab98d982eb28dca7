"""Find the places a text names, resolved to gazetteer locations with UCDP precision codes.

Public and stable: ``PlaceMatch``, ``find_places(text)``, ``resolve_places(matches, article_admin1=...)``,
``city_section(match)``.
Every match indexes the input: ``text[match.start:match.end] == match.text``.

The rules, in the order they apply to each name the gazetteer finds (``Gazetteer.scan``):

1. A place name counts only when its first letter is a capital in the text ("bucha" in lowercase prose is not
   Bucha), and the longest name wins where names overlap ("Nova Kakhovka" over "Kakhovka"; a stoplist phrase such as
   "Kyiv Independent" over "Kyiv").
2. A region word after a name makes it an oblast, precision 4, with the word in the span: "the Kharkiv region",
   "Odesa oblast", "Kursk province", and every name of a list before it ("Kharkiv, Donetsk and Luhansk regions").
   Names that mean an oblast on their own ("Odeshchyna", "Crimea", "DPR") are oblasts without the word.
3. "Donbas" is a region, precision 5, admin1 None (it spans Donetsk and Luhansk oblasts; both count as context for
   homonyms). A country is precision 6 ("Ukraine", "Russia"), and "eastern Ukraine" a region of precision 5 without
   coordinates. A sea is precision 7 unless it qualifies a noun ("Black Sea port", "Black Sea Fleet").
4. A river's name is not the town of that name next to "the" or "river" ("the Dnipro", "Irpin river").
5. "near X", "outside X", "towards X", "on the outskirts of X", "X's outskirts", "north of X", "10 km from X",
   "the X area", "the X region" for a town that names no oblast: ``near=True``, precision 2. Near a city with
   oblast status the location is in the oblast around it: "near Kyiv" is in Kyiv Oblast ("Kyiv" alone is Kyiv
   City), "near Sevastopol" in Crimea, "near Moscow" in Moscow Oblast.
   "the X direction/axis/sector/front": near, precision 5. "X district/raion": precision 3 (a city section stays 1).
   Anything else, including "the southern city of X" and "the port of X", is the place itself, precision 1.
   Not a place: a name before "district of <city>" (the city is the place: "the Kyivskyi district of Donetsk"),
   and a national capital that speaks or acts as a government ("Kyiv said", "Moscow's forces").
   Not a place either: a place under 50,000 people whose name continues a capitalised word ("Ain Issa",
   "Kara-Balta": a longer name the gazetteer does not know).
6. A small place (the best of its name under 2,000 people), a section of a city, or a place under 50,000 named by
   an old or foreign name (not the name it bears: "Vladimir" for Volodymyr-Volynskyi) needs a place cue: a
   preposition or verb before it ("in X", "village of X", "shelled X"), a place noun after it ("X village") or a
   verb of attack after it ("X was shelled", "X came under fire"). Whether the name is unique does not matter:
   homonyms are settled by rule 7.
7. Homonyms: the match keeps one best candidate per oblast (``PlaceMatch.candidates``); ``resolve_places`` picks the
   one in an oblast the text or the article names elsewhere, else the most populous (a place outside Ukraine counts
   a tenth of its population), but a region centre or a place 20 times bigger stays ("Mykolaiv" next to "Lviv" is
   still the city, not the Lviv Oblast town). ``find_places`` already applies it with the text's own oblasts.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from warledger.extract.cues import word_set
from warledger.gazetteer.lookup import Entry, Gazetteer, NameHit, Place
from warledger.records import Location
from warledger.vocab import load_tsv

SMALL_PLACE = 2_000
"""Below this population a place name needs a place cue to count."""
OLD_NAME_PLACE = 50_000
"""Below this population a place named by one of its other names (not the one it bears) needs a place cue."""
DOMINANT = 20
"""A default candidate this many times more populous than the one in a context oblast stays the choice."""
_WINDOW = 70
_SHORT_WINDOW = 24

_I = re.IGNORECASE
_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "north-east", "northwest", "north-west",
                            "southeast", "south-east", "southwest", "south-west"})
_NEAR_WORDS = frozenset({"near", "nearby", "outside", "around", "towards", "toward"})
_NEAR_PAIRS = frozenset({("close", "to"), ("far", "from"), ("vicinity", "of"), ("outskirts", "of"), ("suburbs", "of"),
                         ("suburb", "of"), ("approaches", "to"), ("environs", "of")}
                        | {(word, "of") for word in _COMPASS_WORDS})
_DISTANCE_UNITS = ("km", "kilometres", "kilometers", "miles", "mi")
_PLACE_NOUNS = frozenset({"city", "town", "village", "settlement", "port", "capital", "hamlet"})
_PLACE_WORDS = frozenset({"in", "at", "of", "from", "to", "into", "near", "outside", "toward", "towards", "around",
                          "on", "over", "across", "hit", "struck", "shelled", "attacked", "bombed", "captured",
                          "liberated", "entered", "reached", "recaptured", "retook", "seized", "occupied", "resident",
                          "residents", "hits", "strikes", "shells", "attacks", "targets", "pounds"}) | _PLACE_NOUNS
_NAME_BEFORE = re.compile(r"([A-Z][a-z][\w'’]*)[ -]$")
"""A capitalised word joined to a name by a space or hyphen: the name may be part of a longer one ("Kara-Balta")."""
_NOT_NAME_PARTS = frozenset({"the", "ukrainian", "russian", "southern", "northern", "eastern", "western", "central",
                             "occupied", "liberated", "embattled", "besieged", "frontline", "greater", "and", "or",
                             "but", "while", "as", "after", "before", "when", "since", "both", "neighbouring",
                             "neighboring", "nearby", "outside", "near", "from", "in", "at", "of", "to", "on"})
_NEAR_AFTER = re.compile(r"^(?:['’]s)?\s+(?:outskirts|suburbs?|environs|vicinity|area|surroundings)\b", _I)
_FRONT_AFTER = re.compile(r"^\s+(?:direction|axis|sector|front|frontline|front line|salient|bridgehead)\b", _I)
_DISTRICT_AFTER = re.compile(r"^\s+(?:district|raion|rayon|municipality|hromada|community)\b", _I)
_REGION_AFTER = re.compile(
    r"^(?:\s+|-)(?:oblast'?s?|regions?|provinces?|krai|kray|territory|obl\.|people['’]?s['’]? republics)(?!\w)", _I)
_VILLAGES_AFTER = re.compile(
    r"^\s+(?:border\s+|front-?line\s+)?(?:villages?|settlements?|communit(?:y|ies)|hromadas?)\b", _I)
"""After a regional centre's name: villages of its region ("in a Kursk border village"), not the city."""
_GOVERNOR_AFTER = re.compile(
    r"^\s+(?:regional\s+)?(?:governor|head|leader|(?:regional\s+)?(?:military\s+)?administration)\b"
    r"|^\s+regional\s+(?:prosecutor[’']?s?(?:\s+office)?|police|prosecutors)\b", _I)
"""A region's governor, head or administration: "Kharkiv governor Oleh Syniehubov", "DPR head Denis Pushilin" speak
for the region."""
_GOVERNOR_OF = re.compile(
    r"\b(?:governor|head|(?:military\s+)?administration|prosecutor[’']?s?(?:\s+office)?|police)\s+(?:of|for)\s+"
    r"(?:the\s+)?$", _I)
"""Before a region: its governor ("Valentyn Reznichenko, governor of the Dnipropetrovsk region, said")."""
_HEADING_BEFORE = re.compile(
    r"\b(?:(?:(?:road|highway|route|motorway|railway|way)\s+(?:to|towards|from)|towards?|heading for)\s+|"
    r"from\s+(?:the\s+)?(?:[\w]+-[\w-]+\s+)?)$", _I)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:fired|launched)\s+from\s+(?:the\s+)?(?:direction|area|side|positions?)\s+(?:of|near|in)\s+(?:the\s+)?$"
    r"|\bfrom\s+the\s+direction\s+of\s+(?:the\s+)?$"
    r"|\b(?:trains?|buses|flights?|evacuation|fle(?:e|eing|d)|escap(?:e|ed|ing)|leav(?:e|ing))\s+out\s+of\s+(?:the\s+)?$"
    r"|\b(?:travell?ing|driving|coming|returning|heading)\s+(?:[\w’'-]+\s+){0,4}?from\s+(?:the\s+)?"
    r"(?:(?:city|town|village|settlement)\s+of\s+)?$",
    _I)
"""Where fire came from ("shells fired from the direction of Kurakhove") or people were leaving ("waited for trains
out of the Donbas", "travelling towards the city from the village of Terpinnya"), never where it landed."""
_FACING_BEFORE = re.compile(r"\b(?:opposite|facing|across\s+the\s+(?:river|Dnipro|Dnieper)\s+from)\s+(?:the\s+)?$", _I)
"""A landmark another place is told by ("the town, on the left bank opposite Kherson city"), not where it was hit."""
_FROM_BEFORE = re.compile(r"\b([\w-]+)\s+from\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", _I)


def _from_there(text: str, start: int) -> bool:
    """Whether the place at ``start`` is where a person comes from ("a woman from Kramatorsk"), not where they were."""
    m = _FROM_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).lower() in _people_words()


@cache
def _people_words() -> frozenset[str]:
    return frozenset(word_set("person_nouns") | word_set("people_nouns"))


_SENT = r"taken|rushed|admitted|brought|transferred|evacuated|flown|driven|sent|treated|died|dies|lying"
"""What is done to the wounded (or the dead) on their way to a hospital."""
_TO_A = r"(?:\s+[\w’'-]+){0,4}?\s+(?:to|in|at)\s+(?:an?\s+|the\s+)?"
_TREATED_IN = re.compile(
    rf"\b(?:{_SENT}|are|is|remains?|remained|were|was|stays?|stayed){_TO_A}(?:[\w’'-]+\s+){{0,2}}"
    r"(?:hospitals?|clinic|morgue)"
    r"\s+in\s+$", _I)
"""Where the wounded were taken ("taken to a hospital in Kherson"), not where the attack was ("a bomb on a
hospital in Zaporizhzhia")."""
_TREATED_AT = re.compile(rf"\b(?:{_SENT}){_TO_A}$", _I)
_TAKEN_TO = re.compile(
    r"\b(?:taken|rushed|brought|transferred|evacuated|flown|airlifted)(?:\s+[\w’'-]+){0,2}?\s+to\s+$", _I)
"""Where the wounded were taken, a town ("was taken to Kharkiv with a head injury"), not where the attack was."""
_HOSPITAL_NAMED = re.compile(r"^(?:\s+[\w’'-]+){0,3}?\s+(?:hospital|clinic)\b", _I)
"""A hospital named after its town ("treated at the Belgorod regional clinical hospital"): where the wounded went."""
_PLACE_AFTER = re.compile(
    r"^(?:\s+(?:village|town|city|settlement|district|raion|rayon|area|community|hromada|outskirts)\b"
    r"|\s*,\s*(?:in\s+)?(?:the\s+)?[A-Z][\w'’-]+\s+(?:region|oblast|province)"
    r"|\s*,\s*an?\s+(?:(?:small|large|tiny|frontline|front-line|border|nearby)\s+)?(?:village|town|city|settlement)\b"
    r"|\s+(?:was|were|is|came|has\s+been|had\s+been)\s+(?:again\s+)?(?:shelled|hit|struck|attacked|bombed|captured|"
    r"liberated|retaken|recaptured|occupied|evacuated|under))", _I)
_THE_BEFORE = re.compile(r"\bthe\s+$", _I)
_RIVER_BEFORE = re.compile(r"\briver\s+$", _I)
_RIVER_AFTER = re.compile(r"^\s+river\b", _I)
_RESERVOIR_AFTER = re.compile(r"^\s+(?:reservoir|dam|hydroelectric|hydropower|nuclear power plant)\b", _I)
_FORCES_AFTER = re.compile(r"^\s+(?:group|grouping)(?:\s+of\s+(?:forces|troops))?\b", _I)
_COMPASS_BEFORE = re.compile(r"\b" + _COMPASS + r"\s+$", _I)
_CENTRAL_BEFORE = re.compile(r"\bcentral\s+$", _I)
_WATER_NOUN_AFTER = re.compile(
    r"^\s+(?:port|ports|coast|coastline|city|cities|town|towns|resort|fleet|region|province|village|island|grain|shipping"
    r"|corridor|naval|navy|ports?)\b", _I)
_SECTION_OF_AFTER = re.compile(
    r"^\s+(?:district|microdistrict|micro-district|neighbou?rhood|quarter)\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?"
    r"[A-Z][\w'’-]*(?!\s+[A-Z][\w'’-]*\s+(?:region|oblast|province))(?!\s+(?:region|oblast|province))", re.I)
_TITLE_BEFORE = re.compile(
    r"\b(?:governor|mayor|president|minister|head|chief|spokes(?:man|woman|person)|commander|general|adviser|advisor|"
    r"deputy|ombudsman|prosecutor|secretary|colonel|captain|Gov\.|Gen\.|Col\.)\s+$", re.I)
_SURNAME_AFTER = re.compile(r"^\s+[A-Z][a-z’'-]+(?![\w-])(?!\s+(?:region|oblast|district|province)\b)")
"""A title before a name and a surname after it: the name is a person's ("Governor Yaroslav Yanushevych")."""
_SPEAKS_AFTER = re.compile(
    r"^(?:\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|is\s+|was\s+)?(?:said|says|say|wants|wanted|claims|claimed|"
    r"denies|denied|accuses|accused|insists|insisted|believes|hopes|refuses|refused|demands|demanded|urges|urged|asks|"
    r"asked|announced|warned|warns|rejected|rejects|agreed|agrees|vowed|vows|threatens|threatened|responded|"
    r"blames|blamed|admits|admitted|confirmed|considers|expects|intends|plans|seeks|sought|gives|give|gave|offers|"
    r"offered|proposes|proposed|responds|negotiates|signed|signs|recognises|recognizes|recognised|recognized|"
    r"launched|implemented|ordered|is\s+(?:\w+\s+)?(?:not\s+)?(?:able|unable|ready|willing|trying))\b"
    # "the Kiev regime"
    r"|\s+regime\b"
    # a headline's government that strikes a named place ("Kiev strikes Belgorod city centre")
    r"|\s+(?:strikes|shells|attacks|hits|bombs|targets|pounds)\s+(?:the\s+)?(?-i:[A-Z])"
    r"|['’]s\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|army|military|government|regime|authorities|allies|partners|attempts?|offensive|"
    r"counteroffensive|counter-offensive|officials|leadership|position|demands|claims?|war|invasion|aggression|"
    r"strategy|plans?|proposal|refusal|response|decision|policy|requests?|leaders?|ability|narrative|economy|"
    r"efforts?|propaganda|interests|envoy|ambassador|diplomats?|appointees?|proxies|representatives?)"
    # "the Moscow-backed administration", "a Kyiv-based analyst": the capital names who backs or where one sits
    r"|-(?:backed|installed|appointed|based|led|controlled|friendly|aligned|imposed|run)\b)", re.I)
_SPOKEN_TO_BEFORE = re.compile(r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|warn(?:s|ed|ing)|"
                               r"call(?:s|ed|ing) on|press(?:es|ed|ing)|told|(?:supplied|sent|delivered|given|"
                               r"provided|sold) to)\s+$", re.I)
"""A capital after these words is a government spoken of ("accusing Kiev of ..."), not where something happened."""
_SPEAKERS_IN_BEFORE = re.compile(
    r"\b(?:officials|authorities|diplomats|sources|analysts|leaders|the\s+government|politicians)\s+in\s+$", re.I)
"""A capital where speakers sit ("what officials in Kyiv describe as ..."), not where something happened."""
_INSTITUTION_AFTER = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,3}?(?:operator|company|authority|ministry|minister|president|air\s+force|navy|army|"
    r"forces|military|government|officials?|prosecutors?|police|service|agency|office|general\s+staff|leader|envoy|"
    r"ambassador|delegation|parliament|spokes\w+|intelligence|commander|ombudsman|security\s+council|mission|"
    r"border\s+guards?|emergency\s+service|health\s+ministry|foreign\s+minister|defen[cs]e\s+minister|"
    r"energy\s+minister)\b", re.I)
"""A country in the possessive before one of its institutions ("Ukraine's state railway operator", "Russia's defence
ministry") names who speaks or acts, not where something happened."""
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+|&\s*)?|and\s+|or\s+|&\s*)$", _I)


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in text: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str
    location: Location
    kind: str
    """"place" | "oblast" | "region" | "country" (a sea is a "region" of precision 7)."""
    candidates: tuple[Location, ...] = ()
    """For a place name that several places share: the best one per oblast, best first (``location`` is one)."""
    heading: bool = False
    """Named as where a road leads or forces head ("on the road to Druzhkivka"), not where something happened. (Where
    the wounded were taken, "a hospital in Kherson", is no place of the event at all: such a name is not read.)"""
    speaker: bool = False
    """Named in a speaker's title ("the Dnipropetrovsk regional military administration wrote"): the region it speaks
    for, which locates an event only when nothing else does."""
    origin: bool = False
    """Named as where fire came from ("shells fired from the direction of Kurakhove"), as a landmark ("opposite
    Kherson city") or as where people came from or were leaving ("a woman from Kramatorsk", "trains out of the
    Donbas"): never where it landed."""


def _words_before(text: str, start: int) -> tuple[list[str], bool]:
    """The last few words before ``start``, lowercased, without "the" and "<adjective> city of" next to the name
    ("near the southern city of" -> [..., "near"]), and whether such a place noun was there."""
    words = [w.lstrip("\"'(“‘").lower() for w in text[max(0, start - 60):start].split()[-7:]]
    if words and words[-1] == "the":
        words.pop()
    noun = len(words) >= 2 and words[-1] == "of" and words[-2] in _PLACE_NOUNS
    if noun:
        del words[-2:]
        if words and words[-1] not in _NEAR_WORDS | _PLACE_WORDS | {"the"}:
            words.pop()
        if words and words[-1] == "the":
            words.pop()
    return words, noun


_NAME_AFTER = re.compile(r"[ -]([A-Z][a-z][\w'’]*)")
_NAME_ENDS = frozenset({"oblast", "region", "district", "raion", "hromada", "community", "village", "town", "city",
                        "regional", "military", "city's", "village's", "on", "in", "and", "but"}
                       | {r["name"].lower() for r in load_tsv("calendar_names") if r["kind"] in ("weekday", "month")})
"""Capitalised words that may follow a place's name without making it part of a longer one (and a day: "Lyman
Friday")."""


def _starts_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` is the first word of a longer capitalised name ("Novye Yurkovichi"),
    outside a headline in title case."""
    found = _NAME_AFTER.match(text, end)
    if found is None or found.group(1).lower() in _NAME_ENDS or found.group(1).lower() in word_set("title_words"):
        return False  # "Sloviansk Mayor Vadym Lyakh"
    return _not_title_case(text, start)


def _not_title_case(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in text[line_start:line_end if line_end >= 0 else len(text)].split() if len(w) >= 4]
    return len(words) < 4 or sum(w[0].isupper() for w in words) < 0.75 * len(words)


def _inside_longer_name(text: str, start: int) -> bool:
    """Whether the name at ``start`` continues a capitalised name ("Ain Issa", "Kara-Balta", "Nagorny Karabakh"),
    outside a headline in title case (where every word is capitalised: "Russian Drones Strike Bilohorivka")."""
    found = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if found is None or found.group(1).lower() in _NOT_NAME_PARTS:
        return False
    return _not_title_case(text, start)


def _near_before(words: list[str]) -> bool:
    """A "near" cue ends the words: "near", "outside", "on the outskirts of", "north of", "10 km from"."""
    if not words:
        return False
    if words[-1] in _NEAR_WORDS or tuple(words[-2:]) in _NEAR_PAIRS:
        return True
    if words[-1] not in ("from", "of") or len(words) < 2:
        return False
    unit = words[-3] if words[-2] in _COMPASS_WORDS and len(words) >= 3 else words[-2]
    return unit.endswith(_DISTANCE_UNITS) and any(ch.isdigit() for ch in unit + " ".join(words[-4:-2]))


def find_places(text: str) -> list[PlaceMatch]:
    """The places ``text`` names, in text order, homonyms resolved with the oblasts the text itself names."""
    gazetteer = Gazetteer.default()
    hits = _longest(text, gazetteer.scan(text))
    matches: list[PlaceMatch | None] = [_with_origin(text, _interpret(gazetteer, text, hit)) for hit in hits]
    _spread_region_word(gazetteer, text, hits, matches)
    kept = [m for m in matches if m is not None and not _NAMED_FOR.search(text, max(0, m.start - 40), m.start)]
    placed = []
    for i, m in enumerate(kept):
        before, after = kept[i - 1] if i else None, kept[i + 1] if i + 1 < len(kept) else None
        if not _elsewhere(text, m, after) and not _district_of_city(text, m, before, after):
            placed.append(m)
    return resolve_places(placed)


def _with_origin(text: str, match: PlaceMatch | None) -> PlaceMatch | None:
    """The match, marked when it names where fire came from, a landmark, or where people come from or leave."""
    if match is None:
        return None
    start = match.start
    origin = bool(_ORIGIN_BEFORE.search(text, max(0, start - 50), start)
                  or _FACING_BEFORE.search(text, max(0, start - 40), start) or _from_there(text, start))
    return dataclasses.replace(match, origin=True) if origin else match


_NAMED_FOR = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z][\w'’-]+)\s+for\s+(?:the\s+)?$")
"""A name that a body is named for ("Bread for Donbas", "Hospitallers for Ukraine"): no place of an event."""
_OF_THE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
_EDGE_OF = re.compile(r",?\s+(?:on|at)\s+the\s+(?:\w+\s+)?(?:edge|outskirts)\s+of\s+")


def _elsewhere(text: str, match: PlaceMatch, after: PlaceMatch | None) -> bool:
    """Whether a town is placed by the district or region named right after it ("the village of Zhuravlevka of the
    Belgorod District", "Dubovoye on the southern edge of Belgorod") in an oblast none of its homonyms is in: the
    gazetteer lacks it, and a namesake elsewhere is not it."""
    if after is None or match.kind != "place" or not after.location.admin1:
        return False
    if not (_EDGE_OF.fullmatch(text, match.end, after.start)
            or (after.location.precision >= 3 and _OF_THE.fullmatch(text, match.end, after.start))):
        return False
    around = {after.location.admin1, _SURROUNDING.get(after.location.admin1)}
    return all(c.admin1 not in around for c in (match.candidates or (match.location,)))


_SURROUNDING = {"Kyiv City": "Kyiv Oblast", "Sevastopol City": "Autonomous Republic of Crimea"}
"""A city that is a region of its own, and the region around it ("Vyshneve, on the southwestern edge of Kyiv", in
Kyiv Oblast)."""


_OF_CITY = re.compile(r"\s+of\s+(?:the\s+)?(?:city\s+of\s+)?")
_CITYS = re.compile(r"['’]s\s+")


def _district_of_city(text: str, match: PlaceMatch, before: PlaceMatch | None, after: PlaceMatch | None) -> bool:
    """Whether a name with "district" is a section of the town named with it ("the Petrovsky district of Donetsk",
    "Donetsk's Petrovsky district"), which the gazetteer may hold as a place of its own: the town is the place."""
    if match.kind != "place" or not re.search(r"district$", match.text, re.I):
        return False
    of_town = after is not None and after.kind == "place" and bool(_OF_CITY.fullmatch(text, match.end, after.start))
    towns = before is not None and before.kind == "place" and bool(_CITYS.fullmatch(text, before.end, match.start))
    return of_town or towns


def city_section(match: PlaceMatch) -> bool:
    """Whether every place a name can mean is a section of a city ("Kyivskyi district", "Saltivka")."""
    entry = Gazetteer.default().entry(match.text)
    return match.kind == "place" and entry is not None and bool(entry.places) and all(
        place.kind == "PPLX" for place in entry.places)


def resolve_places(matches: Sequence[PlaceMatch], *, article_admin1: Collection[str] = ()) -> list[PlaceMatch]:
    """Choose among homonyms: the candidate in an oblast named elsewhere (``article_admin1``, in any spelling, or
    the oblasts of the other, unambiguous matches), else the most populous. Returns new matches, same order."""
    gazetteer = Gazetteer.default()
    context = set(gazetteer.oblasts_of(article_admin1))
    for match in matches:
        if len(match.candidates) > 1 or city_section(match):
            continue
        if match.kind == "region" and match.location.admin1 is None:
            entry = gazetteer.entry(match.text)
            context.update(entry.area.admin1 if entry and entry.area else ())
        elif match.location.admin1:
            context.update(gazetteer.oblasts_of([match.location.admin1]))
    names = {gazetteer.admin1_name(code) for code in context}
    resolved = []
    for match in matches:
        if (city_section(match) and names
                and not any(c.admin1 in names for c in match.candidates or (match.location,))):
            continue  # "the Kyivskyi district" in a report on Kharkiv: a district of a city the gazetteer lacks
        if len(match.candidates) > 1:
            best = next((c for c in match.candidates if c.admin1 in names), match.candidates[0])
            if best is not match.candidates[0] and _dominates(gazetteer, match.candidates[0], best):
                best = match.candidates[0]
            if best != match.location:
                match = dataclasses.replace(match, location=best)
        resolved.append(match)
    return resolved


def _dominates(gazetteer: Gazetteer, default: Location, other: Location) -> bool:
    """Whether the default candidate is a region centre or ``DOMINANT`` times bigger than ``other``."""
    first = gazetteer.by_id[int((default.gazetteer_id or ":0").split(":")[1])]
    second = gazetteer.by_id[int((other.gazetteer_id or ":0").split(":")[1])]
    return first.kind in ("PPLA", "PPLC") or first.weight >= DOMINANT * max(second.weight, 1.0)


def _longest(text: str, hits: list[NameHit]) -> list[NameHit]:
    """Capitalised hits (and stop phrases), longest first where they overlap; returned in text order."""
    viable = [h for h in hits if h.entry.stop or (h.start < len(text) and text[h.start].isupper())]
    viable.sort(key=lambda h: (h.start - h.end, h.start))
    starts: list[int] = []
    taken: list[NameHit] = []
    for hit in viable:
        i = bisect_right(starts, hit.start)
        if (i and taken[i - 1].end > hit.start) or (i < len(taken) and taken[i].start < hit.end):
            continue
        starts.insert(i, hit.start)
        taken.insert(i, hit)
    return [h for h in taken if not h.entry.stop]


def _interpret(gazetteer: Gazetteer, text: str, hit: NameHit) -> PlaceMatch | None:
    """One hit in its context -> a match, or None when the context says it is not a place."""
    entry = hit.entry
    before = text[max(0, hit.start - _SHORT_WINDOW):hit.start]
    after = text[hit.end:hit.end + _WINDOW]
    region_word = _REGION_AFTER.match(after)
    governor = _GOVERNOR_AFTER.match(after)
    villages = _VILLAGES_AFTER.match(after)  # "a Kursk border village": a village of the region
    oblast = entry.oblast or (entry.oblast_stem if region_word or governor or villages else None)
    if oblast is not None:
        end = hit.end + region_word.end() if region_word else hit.end
        speaker = bool(governor or _GOVERNOR_AFTER.match(text[end : end + _WINDOW]) or _GOVERNOR_OF.search(before))
        return PlaceMatch(hit.start, end, text[hit.start:end], gazetteer.oblast_location(oblast), "oblast",
                          speaker=speaker)
    if entry.area is not None:
        return _area_match(gazetteer, text, hit, entry, before, after)
    if entry.river and (_THE_BEFORE.search(before) or _RIVER_BEFORE.search(before) or _RIVER_AFTER.match(after)):
        return None
    if not entry.places:
        return None
    return _place_match(gazetteer, text, hit, entry.places, after, region_word is not None)


def _area_match(gazetteer: Gazetteer, text: str, hit: NameHit, entry: Entry, before: str,
                after: str) -> PlaceMatch | None:
    area = entry.area
    assert area is not None
    if area.kind == "water":
        if _WATER_NOUN_AFTER.match(after):
            return None
        return PlaceMatch(hit.start, hit.end, text[hit.start:hit.end], gazetteer.area_location(area), "region")
    if area.kind == "country":
        if _SPEAKS_AFTER.match(after) or _INSTITUTION_AFTER.match(after):
            return None
        compass = _COMPASS_BEFORE.search(before) or _CENTRAL_BEFORE.search(before)
        if compass:
            start = hit.start - (len(before) - compass.start())
            name = text[start:hit.end]
            location = Location(name, None, None, area.country, None, None,
                                f"region:{name.lower().replace(' ', '-')}", 5, False)
            return PlaceMatch(start, hit.end, name, location, "region")
        return PlaceMatch(hit.start, hit.end, text[hit.start:hit.end], gazetteer.area_location(area), "country")
    return PlaceMatch(hit.start, hit.end, text[hit.start:hit.end], gazetteer.area_location(area), "region")


def _place_match(gazetteer: Gazetteer, text: str, hit: NameHit, places: tuple[Place, ...], after: str,
                 region_word: bool) -> PlaceMatch | None:
    best = places[0]
    if _SECTION_OF_AFTER.match(after):
        return None  # "the Kirovsky district of Donetsk": the city is the place (see also _district_of_city)
    if _RESERVOIR_AFTER.match(after):
        return None  # "from across the former Kakhovka reservoir": a body of water named after the town
    if _FORCES_AFTER.match(after):
        return None  # "units of its Dnepr group": a group of forces named after a river or a town
    if best.kind == "PPLC" and (_SPEAKS_AFTER.match(after) or _SPOKEN_TO_BEFORE.search(text, 0, hit.start)
                                or _SPEAKERS_IN_BEFORE.search(text, max(0, hit.start - 40), hit.start)):
        return None
    before, noun = _words_before(text, hit.start)
    near_cue = _near_before(before)
    cued = bool(noun or near_cue or (before and before[-1] in _PLACE_WORDS) or _PLACE_AFTER.match(after)
                or region_word)
    if best.population < OLD_NAME_PLACE and _inside_longer_name(text, hit.start):
        return None
    if best.population < OLD_NAME_PLACE and _starts_longer_name(text, hit.start, hit.end):
        return None  # "the village of Novye Yurkovichi": a village the gazetteer lacks, not its namesake "Nove"
    if _TITLE_BEFORE.search(text, max(0, hit.start - 30), hit.start) and _SURNAME_AFTER.match(after):
        return None  # "Governor Yaroslav Yanushevych": a person's first name that is also a town's old name
    if _TREATED_IN.search(text, max(0, hit.start - 60), hit.start) or _TAKEN_TO.search(
            text, max(0, hit.start - 40), hit.start) or (
            _HOSPITAL_NAMED.match(after) and _TREATED_AT.search(text, max(0, hit.start - 60), hit.start)):
        return None  # "taken to a hospital in Kherson": where the wounded went, not where the attack was
    weak = best.population < SMALL_PLACE or best.kind == "PPLX"
    if not cued and (weak or (hit.key not in best.own and best.population < OLD_NAME_PLACE)):
        return None
    near = bool(near_cue or _NEAR_AFTER.match(after) or region_word)
    precision = 2 if near else 1
    if _FRONT_AFTER.match(after):
        near, precision = True, 5
    elif _DISTRICT_AFTER.match(after) and best.kind != "PPLX":
        precision = 3
    seen: set[str] = set()
    candidates = []
    for place in places:
        if place.admin1 not in seen:
            seen.add(place.admin1)
            candidates.append(gazetteer.place_location(place, precision=precision, near=near))
    return PlaceMatch(hit.start, hit.end, text[hit.start:hit.end], candidates[0], "place",
                      tuple(candidates) if len(candidates) > 1 else (),
                      heading=bool(_HEADING_BEFORE.search(text, max(0, hit.start - 40), hit.start)))


def _spread_region_word(gazetteer: Gazetteer, text: str, hits: Sequence[NameHit],
                        matches: list[PlaceMatch | None]) -> None:
    """"Kharkiv, Donetsk and Luhansk regions": the region word after a list makes every name in it an oblast."""
    for i in range(len(hits) - 1, 0, -1):
        match = matches[i]
        if match is None or match.kind != "oblast":
            continue
        previous = hits[i - 1]
        oblast = previous.entry.oblast or previous.entry.oblast_stem
        if oblast is None or not _LIST_GAP.match(text[previous.end:hits[i].start]):
            continue
        matches[i - 1] = PlaceMatch(previous.start, previous.end, text[previous.start:previous.end],
                                    gazetteer.oblast_location(oblast), "oblast")
