"""Who did what to whom: the context that turns generic wording into a definite ACLED sub-event type.

ACLED tells sub-event types apart by their actors and targets as much as by their wording:

- an attack with no explosive means on an armed target (a checkpoint, a base, soldiers, positions), or between two
  armed sides, is an **Armed clash**; by an armed group on civilians it is an **Attack** (violence against
  civilians);
- ground taken by government forces is **Government regains territory**; by rebels, militants or a foreign
  invader (Russian forces in Ukraine) it is **Non-state actor overtakes territory**, and so is ground taken *from*
  government forces.

The actors and targets are cues of ``warledger/vocab/event_types.tsv`` with the roles ``state``, ``nonstate``,
``invader``, ``police``, ``armed`` and ``civilian``; ``from`` cues ("from government forces", "by the army") name
an actor together with the preposition that says whether it lost ground or acted in the passive. Positions are
what tell the agent from the target: the nearest actor before the wording is its agent, the context after it (up
to the next specific wording of the same clause) its target. Cues come clause by clause, each clause in text order, so
a cue that starts before the one it follows opens a new clause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from warledger.extract.cues import Cue, find_cues, vocab_rows

ARMED_CLASH = "Armed clash"
ATTACK = "Attack"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
TERRITORY = frozenset({GOVERNMENT_REGAINS, NON_STATE_OVERTAKES})
GENERIC_ATTACK = "Shelling/artillery/missile attack"
"""The label of the generic wording of an attack ("attacked", "struck"): re-read when no means is named."""

STATE_SIDE = frozenset({"state", "police"})
NON_STATE_SIDE = frozenset({"nonstate", "invader"})
ACTOR_ROLES = STATE_SIDE | NON_STATE_SIDE
ARMED_ROLES = frozenset({"state", "nonstate", "invader", "armed"})
"""Context that shows an armed conflict is involved (police alone do not: they act in crime news as much)."""
CONTEXT_ROLES = ACTOR_ROLES | {"armed", "civilian", "from"}
GENERIC_ROLES = frozenset({"verb", "noun"})
"""Roles of generic wording, whose type is re-read from its context."""
_PASSIVE, _SOURCE = "by", "from"


@cache
def _actor_in(phrase: str) -> str | None:
    """The actor role named in a ``from`` cue's words ("from the Syrian army" -> state)."""
    rows = vocab_rows("event_types")
    for cue in find_cues("event_types", phrase.split(" ", 1)[1] if " " in phrase else phrase):
        if rows[cue.row]["role"] in ACTOR_ROLES:
            return rows[cue.row]["role"]
    return None


@dataclass(frozen=True, slots=True)
class Placed:
    """A cue with its role and the clause it sits in (its index among the clauses of the incident)."""

    cue: Cue
    role: str
    clause: int


@dataclass(frozen=True, slots=True)
class Roles:
    """The cues of one incident with their roles and clauses, to read agents and targets from."""

    placed: tuple[Placed, ...]

    @classmethod
    def of(cls, cues: Sequence[Cue], role: Callable[[Cue], str]) -> Roles:
        """Place ``cues`` (clause by clause, each in text order) into clauses; ``role`` gives each cue's role."""
        placed, clause, last = [], 0, -1
        for cue in cues:
            if cue.start < last:
                clause += 1
            last = cue.start
            placed.append(Placed(cue, role(cue), clause))
        return cls(tuple(placed))

    def _index(self, cue: Cue) -> int:
        return next(i for i, p in enumerate(self.placed) if p.cue is cue)

    def agent(self, cue: Cue) -> str | None:
        """The side that acted: the nearest actor before ``cue`` in its clause, else one named after "by"."""
        i = self._index(cue)
        clause = self.placed[i].clause
        for p in reversed(self.placed[:i]):
            if p.clause != clause:
                break
            if p.role in ACTOR_ROLES:
                return p.role
        for p in self._after(i):
            if p.role == "from" and p.cue.text.lower().startswith(_PASSIVE):
                return _actor_in(p.cue.text)
        return None

    def source(self, cue: Cue) -> str | None:
        """The side that lost ground: an actor named after "from" following ``cue`` in its clause."""
        for p in self._after(self._index(cue)):
            if p.role == "from" and p.cue.text.lower().startswith(_SOURCE):
                return _actor_in(p.cue.text)
        return None

    def targets(self, cue: Cue) -> set[str]:
        """The roles of the context after ``cue`` in its clause, up to the next specific wording of an event."""
        found = set()
        for p in self._after(self._index(cue)):
            if p.role in ("act", "event", "means"):
                break
            if p.role in CONTEXT_ROLES and p.role != "from":
                found.add(p.role)
        return found

    def clause_sides(self, cue: Cue) -> set[str]:
        """The armed sides named in the clause of ``cue`` (police are not counted: "police said" is a source)."""
        clause = self.placed[self._index(cue)].clause
        return {p.role for p in self.placed if p.clause == clause and p.role in ARMED_ROLES - {"armed"}}

    def _after(self, i: int) -> list[Placed]:
        clause = self.placed[i].clause
        return [p for p in self.placed[i + 1 :] if p.clause == clause]

    def has(self, role: str) -> bool:
        """Whether any cue of the incident has ``role``."""
        return any(p.role == role for p in self.placed)

    def sides(self) -> set[str]:
        """The roles of every actor and target named anywhere in the incident."""
        return {p.role for p in self.placed if p.role in CONTEXT_ROLES}

    def without_cue(self) -> str | None:
        """The type of an incident that names no event (a toll and its actors): two armed sides fought; an armed
        group alone attacked; None when the actors do not tell."""
        sides = self.sides()
        if sides & STATE_SIDE and sides & NON_STATE_SIDE:
            return ARMED_CLASH
        if "nonstate" in sides:
            return ATTACK
        return None


def reread(cue: Cue, role: str, roles: Roles, *, explosive: bool) -> str:
    """The sub-event type of ``cue`` once its context is read (its own label when the context does not tell).

    ``explosive`` says whether the incident names a weapon whose use implies a type (a missile, a drone, a mine):
    then an attack is that, whoever its target.
    """
    if role not in GENERIC_ROLES:
        return cue.label
    if cue.label in TERRITORY:
        return _territory(cue, roles)
    if cue.label == GENERIC_ATTACK and not explosive:
        return _attack(cue, roles)
    return cue.label


def _territory(cue: Cue, roles: Roles) -> str:
    agent, source = roles.agent(cue), roles.source(cue)
    if agent in NON_STATE_SIDE or source in STATE_SIDE:
        return NON_STATE_OVERTAKES
    if agent in STATE_SIDE or source in NON_STATE_SIDE:
        return GOVERNMENT_REGAINS
    return cue.label


def _attack(cue: Cue, roles: Roles) -> str:
    agent, targets, sides = roles.agent(cue), roles.targets(cue), roles.clause_sides(cue)
    if targets & {"armed", "state", "police", "nonstate", "invader"} or (sides & STATE_SIDE and sides & NON_STATE_SIDE):
        return ARMED_CLASH
    if "civilian" in targets or agent == "nonstate":
        return ATTACK
    return cue.label
