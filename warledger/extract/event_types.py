"""Which ACLED sub-event type a mention describes, and whether it describes a violent event at all.

The vocabulary is ``warledger/vocab/event_types.tsv``: for each sub-event type, the wording that signals it, a
weight, its ACLED parent type, and whether warledger records it as an incident. A mention's type is the label with
the highest total weight over its cues; a named weapon adds to the type it implies (a drone is an air/drone strike).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from warledger.extract.cues import Cue, vocab_rows

DEFAULT_EVENT_TYPE = "Shelling/artillery/missile attack"
"""The war's commonest sub-event, used when the wording names an attack but not its means."""

_ROWS = {row["label"]: row for row in vocab_rows("event_types")}
_WEIGHTS = {label: int(row["weight"]) for label, row in _ROWS.items()}
WEAPON_TYPE = {"drone": "Air/drone strike", "glide bomb": "Air/drone strike", "aerial bomb": "Air/drone strike"}
"""Weapons whose use fixes the sub-event type, whatever verb the text uses."""
WEAPON_BONUS = 3


def is_violent(label: str) -> bool:
    """Whether warledger records this sub-event type as an incident (protests, arrests and deals are not)."""
    return _ROWS[label]["incident"] == "yes"


def violent(cues: Sequence[Cue]) -> list[Cue]:
    return [c for c in cues if is_violent(c.label)]


def reads_as_incident(
    cues: Sequence[Cue], *, tolls: int, has_place: bool, has_weapon: bool, hypothetical: bool
) -> bool:
    """Enough to stand as an incident of its own: a violent cue or a non-zero toll, and a place, a toll or a weapon;
    never a threat, plan or hypothesis unless people were actually hurt."""
    if hypothetical and not tolls:
        return False
    has_cue = bool(violent(cues)) or tolls > 0
    return has_cue and (has_place or tolls > 0 or has_weapon or bool(cues) and has_weapon)


def classify(cues: Sequence[Cue], weapon: str | None) -> tuple[str, Cue | None]:
    """The sub-event type of a set of cues (over all mentions of one incident) and the cue that decided it."""
    scores: Counter[str] = Counter()
    first: dict[str, Cue] = {}
    for cue in violent(cues):
        scores[cue.label] += _WEIGHTS[cue.label]
        first.setdefault(cue.label, cue)
    if weapon in WEAPON_TYPE:
        scores[WEAPON_TYPE[weapon]] += WEAPON_BONUS
    if not scores:
        return DEFAULT_EVENT_TYPE, None
    label = scores.most_common(1)[0][0]
    return label, first.get(label)
