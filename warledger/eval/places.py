"""Spelling-insensitive keys for oblasts and places, used only to score predictions against gold.

The evaluation keeps its own keys instead of reusing the extractor's gazetteer fold, so that a bug in the
extractor's place handling cannot make a wrong prediction look right. Two places agree when (in this order):

1. both resolve to the same gazetteer entry, when the gazetteer can look names up (``gazetteer_ids``);
2. their ``place_key`` is equal: case, accents, apostrophes, the words town/village/city/raion/oblast/region and
   the usual romanisation differences are ignored (``Balakliya town`` = ``Balakliia``, ``Enerhodar`` =
   ``Energodar``, ``Kiev`` = ``Kyiv``);
3. both have coordinates within ``NEAR_KM`` of each other (gold places coded at UCDP where_prec 1-2).

Oblasts compare through ``oblast_key``, driven by the spellings listed in ``oblasts.tsv`` beside this module.
"""
from __future__ import annotations

import csv
import logging
import math
import re
import unicodedata
from functools import cache, lru_cache
from importlib import import_module, resources
from typing import Any

log = logging.getLogger(__name__)

NEAR_KM = 10.0
"""Two coordinates closer than this are the same place (UCDP's where_prec 1 means the exact town)."""

_APOSTROPHES = re.compile(r"['’ʼ‘`´]")
_ADMIN_WORDS = re.compile(r"\b(?:oblast|oblasti|region|province|obl)\b\.?")
_PLACE_WORDS = re.compile(
    r"\b(?:oblast|oblasti|region|province|raion|rayon|district|hromada|municipality|city|town|village|settlement"
    r"|urban[- ]type|smt|port|the|of)\b",
    re.IGNORECASE,
)
_RENAMES = (
    ("kiev", "kyiv"),
    ("kharkov", "kharkiv"),
    ("odessa", "odesa"),
    ("nikolayev", "mykolaiv"),
    ("nikolaev", "mykolaiv"),
    ("lugansk", "luhansk"),
    ("dnepr", "dnipr"),
    ("zaporozh", "zaporizh"),
    ("lvov", "lviv"),
    ("chernigov", "chernihiv"),
    ("zhitomir", "zhytomyr"),
    ("rovno", "rivne"),
)
_H_TO_G = re.compile(r"(?<![kzsc])h")
_RUN = re.compile(r"(.)\1+")


def _squash(text: str) -> str:
    """Lower case, accents dropped, apostrophes removed, every other non-letter removed."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z]", "", _APOSTROPHES.sub("", plain))


def _phonetic(squashed: str) -> str:
    """Meet the romanisations: Russian g = Ukrainian h, y/j = i, doubled letters and zhzh once."""
    out = squashed
    for old, new in _RENAMES:
        out = out.replace(old, new)
    out = _H_TO_G.sub("g", out).replace("zhzh", "zh").replace("y", "i").replace("j", "i")
    return _RUN.sub(r"\1", out)


def _lower_words(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return _APOSTROPHES.sub("", plain)


@cache
def _oblast_aliases() -> dict[str, str]:
    text = resources.files(__package__).joinpath("oblasts.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    table: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        for alias in [row["key"], row["name"], *row["aliases"].split(",")]:
            squashed = _squash(_ADMIN_WORDS.sub(" ", _lower_words(alias)))
            table[squashed] = row["key"]
            table.setdefault(_phonetic(squashed), row["key"])
    return table


@lru_cache(maxsize=8192)
def oblast_key(name: str | None) -> str | None:
    """``"Zaporizhzhya oblast"``, ``"Zaporizhzhia Oblast"``, ``"Zaporizhia"`` -> ``"zaporizhzhia"``.

    Kyiv City and Kyiv Oblast stay apart. A name the table does not know gets its phonetic key, so two unknown
    spellings of the same name still meet; ``None`` and empty names give ``None``.
    """
    if not name or not name.strip():
        return None
    squashed = _squash(_ADMIN_WORDS.sub(" ", _lower_words(name)))
    if not squashed:
        return None
    aliases = _oblast_aliases()
    return aliases.get(squashed) or aliases.get(_phonetic(squashed)) or _phonetic(squashed)


@lru_cache(maxsize=65536)
def place_key(name: str | None) -> str | None:
    """``"Balakliya town"`` and ``"Balakliia"`` -> the same key; ``None`` when nothing is left of the name."""
    if not name:
        return None
    squashed = _squash(_PLACE_WORDS.sub(" ", _lower_words(name)))
    return _phonetic(squashed) or None


def is_area_name(name: str | None) -> bool:
    """True when a predicted location name is an oblast, a region or a province rather than a place."""
    return bool(name) and bool(_ADMIN_WORDS.search(_lower_words(name or "")))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@cache
def _gazetteer() -> Any:
    """The shipped gazetteer (``warledger.gazetteer.Gazetteer.default()``), or None when it cannot be loaded."""
    try:
        module = import_module("warledger.gazetteer")
    except ImportError as err:
        log.debug("no gazetteer to compare place ids (%s)", err)
        return None
    return module.Gazetteer.default()


@lru_cache(maxsize=4096)
def gazetteer_ids(name: str) -> frozenset[str]:
    """Gazetteer ids the name can refer to (empty without a gazetteer, or when it does not know the name)."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return frozenset()
    bare = " ".join(_PLACE_WORDS.sub(" ", name).split()) or name
    return frozenset(gazetteer.ids(bare))


@lru_cache(maxsize=256)
def gazetteer_ids_in(text: str) -> frozenset[str]:
    """Gazetteer ids of every name the gazetteer finds in ``text`` (any of its spellings or former names)."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return frozenset()
    return frozenset(gid for hit in gazetteer.scan(text) for gid in gazetteer.ids(text[hit.start : hit.end]))


_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")


@lru_cache(maxsize=256)
def _text_keys(text: str) -> frozenset[str]:
    """Place keys of every run of one to four words in ``text`` (possessive 's dropped)."""
    words = [re.sub(r"['’ʼ]s$", "", w) for w in _WORD.findall(text)]
    keys: set[str] = set()
    for size in range(1, 5):
        for i in range(len(words) - size + 1):
            key = place_key(" ".join(words[i : i + size]))
            if key:
                keys.add(key)
    return frozenset(keys)


def name_in_text(name: str, text: str) -> bool:
    """True when ``name`` (any spelling that folds to the same key, or any spelling of the same oblast) occurs in
    ``text``."""
    key = place_key(name)
    if key is None:
        return False
    keys = _text_keys(text)
    if key in keys:
        return True
    if not is_area_name(name) and oblast_key(name) not in _oblast_aliases().values():
        return False
    oblast = oblast_key(name)
    aliases = _oblast_aliases()
    return any(aliases.get(k) == oblast for k in keys)
