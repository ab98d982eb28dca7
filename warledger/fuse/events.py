"""Fusion across articles: incidents that describe one real-world event become one ``Event``.

Public and stable: ``fuse``, ``fuse_incremental``, ``expand``, ``cluster``, ``build_event``, ``events_of``,
``carry_ids``, ``event_id``, ``reports``. The rule (docs/fusion.md):

1. Pairs are compared only inside blocks (place, oblast or country, and incident days at most
   ``DATE_WINDOW_DAYS`` apart: see ``warledger.fuse.reports``), never all pairs.
2. Reports linked by a chain of "same" decisions form a component. A component depends only on the set of reports,
   not on the order they arrive in, which is what makes incremental fusion equal a full rebuild.
3. Inside a component, reports are placed one at a time: place-level reports first, then oblast-level ones, then
   those with no place, each group in canonical order (publication time, article id, incident id). A place-level
   report joins the cluster it scores highest with among those where it has a "same" link to a member and no
   member keeps it apart (a veto, or a pair outside one block); else it starts a cluster. An oblast-level or
   placeless report joins only when exactly one cluster qualifies; with none or several it stands alone.
   A report only ever joins through a "same" link, so no cluster leaves its component: placing all reports in one
   pass (what ``fuse`` does) gives the clusters that placing each component alone gives (what
   ``fuse_incremental`` does for the components that new reports reach).
4. An event's id is ``stable_id("evt", <incident id of its earliest member>)``, earliest in canonical order: the
   same data gives the same ids, and articles about other events never change them. When an earlier report joins,
   the id changes and the old one is kept in ``supersedes``.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from warledger.fuse.compare import DEFAULT_SETTINGS, VETO, FusionSettings, compare, score_pair
from warledger.fuse.reports import NONE, OBLAST, PLACE, ArticleMeta, BlockIndex, Report, blocked, published_key
from warledger.fuse.summary import summarise
from warledger.records import Event, EventMember, Incident, stable_id

log = logging.getLogger(__name__)

Lookup = Callable[[Report], Iterable[Report]]
"""Given a report, the known reports that may share a block with it (a superset is fine)."""

_TIER = {PLACE: 0, OBLAST: 1, NONE: 2}


def event_id(anchor_incident_id: str) -> str:
    """The id of the event whose earliest report is incident ``anchor_incident_id``."""
    return stable_id("evt", anchor_incident_id)


def reports(items: Iterable[tuple[Incident, ArticleMeta]]) -> list[Report]:
    """One ``Report`` per distinct incident id (a repeated id is the same incident ingested twice)."""
    seen: dict[str, Report] = {}
    for incident, meta in items:
        if incident.id not in seen:
            seen[incident.id] = Report.of(incident, meta)
    return list(seen.values())


class _Components:
    """Union-find over report ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        while parent != key:
            grand = self.parent[parent]
            self.parent[key] = grand
            key, parent = parent, grand
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _groups(found: Sequence[Report], components: _Components) -> list[list[Report]]:
    groups: dict[str, list[Report]] = defaultdict(list)
    for report in found:
        groups[components.find(report.id)].append(report)
    return list(groups.values())


def expand(
    seeds: Sequence[Report], lookup: Lookup, *, settings: FusionSettings = DEFAULT_SETTINGS
) -> list[list[Report]]:
    """The components that ``seeds`` belong to: every report reachable from them through "same" decisions.

    ``lookup`` gives the known reports near a report; ``seeds`` themselves must be reachable through it too (file
    them in the index) so that two new reports can link. Each component is returned as a list of reports.
    """
    components = _Components()
    reached: dict[str, Report] = {r.id: r for r in seeds}
    frontier = list(reached.values())
    while frontier:
        following: list[Report] = []
        for report in frontier:
            components.find(report.id)
            for other in lookup(report):
                if other.id == report.id or not blocked(report, other):
                    continue
                if score_pair(report, other, settings) >= settings.threshold:
                    components.union(report.id, other.id)
                    if other.id not in reached:
                        reached[other.id] = other
                        following.append(other)
        frontier = following
    return _groups(list(reached.values()), components)


Links = dict[tuple[str, str], float]
"""Scores of the pairs inside each cluster, keyed by the two incident ids in sorted order."""


def _key(a: Report, b: Report) -> tuple[str, str]:
    return (a.id, b.id) if a.id < b.id else (b.id, a.id)


def _placements(
    report: Report, clusters: list[list[Report]], near: dict[str, Report], settings: FusionSettings,
    options: Iterable[int],
) -> list[tuple[float, int, list[float]]]:
    """(best score, -position, scores against its members) of each cluster ``report`` may join: a "same" link to a
    member and no member keeping it apart (a veto, or a member outside the report's blocks, i.e. not in ``near``)."""
    found: list[tuple[float, int, list[float]]] = []
    for position in sorted(set(options)):
        scores: list[float] = []
        for member in clusters[position]:
            other = near.get(member.id)
            score = VETO if other is None else score_pair(report, other, settings)
            if score == VETO:
                break
            scores.append(score)
        else:
            best = max(scores)
            if best >= settings.threshold:
                found.append((best, -position, scores))
    return found


def _split(component: Iterable[Report], settings: FusionSettings) -> tuple[list[list[Report]], Links]:
    """Rule 3 of the module docstring, and the scores inside each cluster. Reports are filed in a block index as
    they are placed, so each looks only at the reports placed before it."""
    ordered = sorted(component, key=lambda r: (_TIER[r.place_class], r.order))
    index = BlockIndex()
    clusters: list[list[Report]] = []
    cluster_of: dict[str, int] = {}
    links: Links = {}
    for report in ordered:
        near = {o.id: o for o in index.candidates(report)}
        options = _placements(report, clusters, near, settings, (cluster_of[i] for i in near))
        if options and (report.place_class == PLACE or len(options) == 1):
            _, negative, scores = max(options, key=lambda option: option[:2])
            position = -negative
            links.update((_key(report, member), score) for member, score in zip(clusters[position], scores,
                                                                                    strict=True))
        else:
            if len(options) > 1:
                log.debug("%s: %d candidate events, kept apart", report.id, len(options))
            position = len(clusters)
            clusters.append([])
        clusters[position].append(report)
        cluster_of[report.id] = position
        index.add(report)
    return clusters, links


def cluster(component: Sequence[Report], *, settings: FusionSettings = DEFAULT_SETTINGS) -> list[list[Report]]:
    """Split one component into events by rule 3 of the module docstring; deterministic for a given set."""
    return _split(component, settings)[0]


def _member(report: Report, others: Sequence[Report], links: Links, settings: FusionSettings) -> EventMember:
    best: tuple[float, Report] | None = None
    for other in others:
        score = links.get(_key(report, other), VETO) if other.id != report.id else VETO
        if score >= settings.threshold and (best is None or score > best[0]):
            best = (score, other)
    reasons: list[str] = []
    if best is not None:
        reasons = compare(report, best[1], settings=settings).reasons
    return EventMember(
        incident_id=report.id,
        article_id=report.meta.article_id,
        publisher=report.meta.publisher,
        published=report.meta.published,
        score=None if best is None else best[0],
        reasons=reasons,
        linked_to=None if best is None else best[1].id,
    )


def _event(members: Sequence[Report], links: Links, settings: FusionSettings) -> Event:
    ordered = sorted(members, key=lambda r: r.order)
    linked = [_member(r, ordered, links, settings) for r in ordered]
    return summarise(ordered, event_id=event_id(ordered[0].id), members=linked)


def build_event(members: Sequence[Report], *, settings: FusionSettings = DEFAULT_SETTINGS) -> Event:
    """The event that ``members`` (one cluster) describe, with each member's strongest link and its reasons."""
    links = {_key(a, b): score_pair(a, b, settings) if blocked(a, b) else VETO
             for a in members for b in members if a.id < b.id}
    return _event(members, links, settings)


def events_of(component: Iterable[Report], *, settings: FusionSettings = DEFAULT_SETTINGS) -> list[Event]:
    """The events of ``component`` (or of any set of reports closed under "same" links): ``cluster``, then each
    cluster's event, with the pair scores computed once."""
    clusters, links = _split(component, settings)
    return [_event(members, links, settings) for members in clusters]


def _anchor_order(event: Event) -> tuple[str, str, str]:
    first = event.members[0]
    return published_key(first.published), first.article_id, first.incident_id


def carry_ids(events: list[Event], previous: Iterable[Event]) -> list[Event]:
    """Record, on each event, the ids that previous events anchored by one of its members had."""
    by_anchor: dict[str, Event] = {}
    for old in previous:
        for member in old.members:
            if event_id(member.incident_id) == old.id:
                by_anchor[member.incident_id] = old
    if not by_anchor:
        return events
    for event in events:
        ids: set[str] = set(event.supersedes)
        for member in event.members:
            anchored = by_anchor.get(member.incident_id)
            if anchored is not None:
                ids.update(anchored.supersedes)
                ids.add(anchored.id)
        ids.discard(event.id)
        event.supersedes = sorted(ids)
    return events


def fuse(
    incidents: Iterable[tuple[Incident, ArticleMeta]],
    *,
    previous: Iterable[Event] = (),
    settings: FusionSettings = DEFAULT_SETTINGS,
) -> list[Event]:
    """Fuse incidents from many articles into events, ordered by their earliest report.

    ``previous`` (the events of an earlier run) only fills ``supersedes``: ids and members depend on the incidents
    alone.

    >>> events = fuse((incident, ArticleMeta.of(article)) for article, incident in pairs)   # doctest: +SKIP
    """
    found = reports(incidents)
    events = events_of(found, settings=settings)
    events.sort(key=_anchor_order)
    log.info("fused %d reports into %d events", len(found), len(events))
    return carry_ids(events, previous)


def fuse_incremental(
    new: Iterable[tuple[Incident, ArticleMeta]],
    existing: Iterable[Event],
    *,
    known: Iterable[tuple[Incident, ArticleMeta]] | Lookup,
    settings: FusionSettings = DEFAULT_SETTINGS,
) -> list[Event]:
    """``existing`` events updated with ``new`` incidents; equal to ``fuse`` over old and new incidents together.

    Only the components the new reports reach are clustered again; every other event is returned as it was.
    ``known`` is the reports the existing events were built from: the pairs themselves, or a ``Lookup`` that gives
    those near a report. Incidents already known are ignored. (``warledger.store.events.update_events`` does the same
    with ``expand`` over a lookup that reads the ledger.)
    """
    existing = list(existing)
    member_of = {m.incident_id: e for e in existing for m in e.members}
    fresh = [r for r in reports(new) if r.id not in member_of]
    if not fresh:
        return existing
    index = BlockIndex(fresh)
    if callable(known):
        lookup_known = known
    else:
        known_index = BlockIndex(reports(known))
        lookup_known = known_index.candidates

    def lookup(report: Report) -> list[Report]:
        return [*index.candidates(report), *lookup_known(report)]

    touched: set[str] = set()
    rebuilt: list[Event] = []
    for component in expand(fresh, lookup, settings=settings):
        touched.update(member_of[r.id].id for r in component if r.id in member_of)
        rebuilt.extend(events_of(component, settings=settings))
    replaced = [e for e in existing if e.id in touched]
    rebuilt = carry_ids(rebuilt, replaced)
    events = [e for e in existing if e.id not in touched] + rebuilt
    events.sort(key=_anchor_order)
    log.info("%d new reports: %d events rebuilt, %d kept", len(fresh), len(rebuilt), len(events) - len(rebuilt))
    return events
