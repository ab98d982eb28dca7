"""Which ACLED sub-event type a mention describes, and whether it describes a violent event at all.

The vocabulary is ``warledger/vocab/event_types.tsv``: rows of wording, each with the sub-event type it signals, a
weight, its ACLED parent type, whether warledger records the type as an incident, and a *role* that says how the
cue counts. Three questions are answered from the cues of a clause (or of all the clauses of one incident):

``reads_as_incident``
    Specific wording ("were abducted", "a weapons cache") and a named means (a drone, a mine) stand as an
    incident on their own. Generic wording ("attacked", "fighting", "captured") needs support in the same clause:
    a place, a toll, a weapon or an armed actor. Wording of other news vetoes: a disaster, an accident or a crime
    vetoes all but specific wording or an armed actor; a protest vetoes all but specific wording; a court case,
    diplomacy, a weapons programme or an exercise vetoes everything but a toll. A threat, plan or hypothesis is
    never an incident unless people were actually hurt.

``names_one_event``
    Whether the clause reports one event by itself, with no place or date needed (see its docstring): what can
    let a short report from anywhere in the world stand although the gazetteer does not know its places.

``classify``
    The type with the highest total weight over the cues wins, and a named weapon adds to the type it implies
    (``warledger/vocab/weapons.tsv``: a drone is an air/drone strike) unless the weapons were themselves disrupted
    (shot down, seized, defused). Before scoring, generic wording is re-read from who did what to whom
    (``event_context``): an attack with no explosive means on an armed target is an armed clash, by an armed group
    on civilians an attack; ground taken by government forces is regained territory, by rebels or an invader
    overtaken territory. As in ACLED, a battle after which one side holds the ground is the change of territory, not
    an armed clash, and ground taken after the other side left it ("after the army pulled out") with no fighting
    named is a non-violent transfer of territory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from warledger.extract.cues import Cue, vocab_rows
from warledger.extract.event_context import ARMED_CLASH, ARMED_ROLES, Roles, reread

DEFAULT_EVENT_TYPE = "Shelling/artillery/missile attack"
"""The war's commonest sub-event, used when the wording names an attack but not its means."""

DISRUPTED = "Disrupted weapons use"
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
"""ACLED codes a battle after which one side holds the ground as the change of territory, not as an armed clash."""
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
WITHDRAWAL = "withdrawal"
"""The role of wording that one side left the ground ("after the army pulled out of the city")."""
WEAPON_BONUS = 3
"""What a named weapon adds to the type it implies (a drone to an air/drone strike)."""

_ROWS = vocab_rows("event_types")
_INCIDENT = {row["label"]: row["incident"] == "yes" for row in _ROWS}
_WEAPON_TYPE = {row["label"]: row["event_type"] for row in vocab_rows("weapons") if row["event_type"]}

STANDING_ROLES = frozenset({"act", "event", "means"})
"""Cue roles whose wording is specific enough to stand as an incident without a place, toll or weapon."""
PARTY_ROLES = ARMED_ROLES | {"police", "civilian"}
"""Context that names who did violence or suffered it."""
UNRELATED, FORMAL, PROTEST = "unrelated", "formal", "protest"

IRREGULAR_PAST = frozenset({"fought", "struck", "hit", "shot", "took", "overran", "fell", "retook", "won", "drove",
                            "threw", "blew", "beat", "froze", "tore", "broke", "ran", "stole", "went", "fled"})
"""Past tenses that do not end in -ed, for ``_past``."""


def role(cue: Cue) -> str:
    """How a cue counts (the ``role`` column of its vocabulary row)."""
    return _ROWS[cue.row]["role"]


def is_violent(label: str) -> bool:
    """Whether warledger records this sub-event type as an incident (protests and riots are not, nor is a label the
    vocabulary does not know)."""
    return _INCIDENT.get(label, False)


def violent(cues: Sequence[Cue]) -> list[Cue]:
    """The cues that name a violent sub-event type."""
    return [c for c in cues if is_violent(c.label)]


def weapon_type(weapon: str | None) -> str | None:
    """The sub-event type that using ``weapon`` implies, or None (small arms: a clash or an attack)."""
    return _WEAPON_TYPE.get(weapon or "")


def reads_as_incident(
    cues: Sequence[Cue], *, tolls: int, has_place: bool, has_weapon: bool, hypothetical: bool
) -> bool:
    """Whether one clause reads as an incident of its own (the rules are in the module docstring).

    ``tolls`` counts the non-zero casualty figures of the clause; ``has_place`` and ``has_weapon`` say whether it
    names a place or a weapon; ``hypothetical`` whether it is worded as a threat, plan or hypothesis.
    """
    if hypothetical and not tolls:
        return False
    roles = {role(c) for c in cues}
    standing = bool(roles & STANDING_ROLES)
    armed = bool(roles & ARMED_ROLES)
    if FORMAL in roles and not tolls:
        return False
    if UNRELATED in roles and not (standing or armed):
        return False
    if PROTEST in roles and not standing:
        return False
    if standing:
        return True
    if violent(cues):
        return has_place or tolls > 0 or has_weapon or armed
    return tolls > 0 and (has_place or has_weapon or armed)


def names_one_event(cues: Sequence[Cue]) -> bool:
    """Whether the cues of a clause report one event by themselves, with no place or date needed: a finite verb of
    one specific act ("were abducted", "seized firearms"), or a generic verb in the past done with a named means,
    by or to someone named ("militants attacked a checkpoint", "a grenade attack targeted the residence"). Nouns alone
    ("sexual violence", "suicide bombings", "drone strikes") describe the war as often as one event, and nothing
    said in court, diplomacy or a protest counts."""
    roles = {role(c) for c in cues}
    if FORMAL in roles:
        return False
    if "act" in roles:
        return True
    if PROTEST in roles or not any(role(c) == "verb" and _past(c) for c in cues):
        return False
    return bool(roles & (PARTY_ROLES | STANDING_ROLES))


def _past(cue: Cue) -> bool:
    """Whether a verb cue is worded in the past ("attacked", "struck"), as a report of one event is; gerunds and
    the present ("killing", "kills") describe habits, capabilities and plans as often."""
    word = cue.text.split(" ", 1)[0].lower()
    return word.endswith("ed") or word in IRREGULAR_PAST


def _disrupted(scores: Counter[str]) -> bool:
    """Whether the weapons were disrupted (shot down, seized, defused) rather than used: then they imply nothing."""
    return bool(scores) and scores[DISRUPTED] == max(scores.values())


def classify(cues: Sequence[Cue], weapon: str | None) -> tuple[str, Cue | None]:
    """The sub-event type of a set of cues (over all mentions of one incident) and the cue that decided it."""
    implied = weapon_type(weapon)
    roles = Roles.of(cues, role)
    scores: Counter[str] = Counter()
    first: dict[str, Cue] = {}
    for cue in violent(cues):
        label = reread(cue, role(cue), roles, explosive=implied is not None)
        scores[label] += int(_ROWS[cue.row]["weight"])
        first.setdefault(label, cue)
    if implied and not _disrupted(scores):
        scores[implied] += WEAPON_BONUS
    if not scores:
        return roles.without_cue() or DEFAULT_EVENT_TYPE, None
    label = scores.most_common(1)[0][0]
    if label == ARMED_CLASH and (taken := [t for t in TERRITORY if scores[t]]):
        label = max(taken, key=lambda t: scores[t])  # a battle that changed who holds the ground is coded as that
    if label in TERRITORY and not scores[ARMED_CLASH] and roles.has(WITHDRAWAL):
        return NON_VIOLENT_TRANSFER, first.get(label)  # the ground was left, not fought for
    return label, first.get(label)
