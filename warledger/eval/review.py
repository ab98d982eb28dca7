"""Review the least certain records first: incidents and claims ordered by confidence, lowest first.

Public and stable: ``least_certain``, ``read_records`` and ``ReviewRow``.

``least_certain`` takes whatever holds records: a ``warledger.Ledger`` (queried for its lowest-confidence incidents
and claims), an ``Extraction``, or any iterable of ``Incident``, ``Claim``, ``Extraction`` or contract dicts (the
JSON Lines that ``warledger extract --format jsonl`` prints). Ties are broken by kind (incidents first) and id, so
the order is stable from run to run.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from warledger.errors import input_error
from warledger.eval.scoring import describe_claim, describe_incident
from warledger.records import Claim, Extraction, Incident, claim_from_dict, incident_from_dict

Record = Incident | Claim


@runtime_checkable
class RecordSource(Protocol):
    """What ``least_certain`` needs from a ledger: incidents and claims queried in confidence order."""

    def incidents(self, *, limit: int | None = None, order: str = "date") -> list[Incident]: ...

    def claims(self, *, limit: int | None = None, order: str = "date") -> list[Claim]: ...


def _from_dict(data: dict[str, Any]) -> Record | None:
    kind = data.get("type")
    if kind == "incident":
        return incident_from_dict(data)
    if kind == "claim":
        return claim_from_dict(data)
    return None


def _flatten(source: Iterable[Any]) -> Iterator[Record]:
    for entry in source:
        if isinstance(entry, (Incident, Claim)):
            yield entry
        elif isinstance(entry, Extraction):
            yield from entry.incidents
            yield from entry.claims
        elif isinstance(entry, dict):
            record = _from_dict(entry)
            if record is not None:
                yield record


def _order(record: Record) -> tuple[float, int, str]:
    return (record.confidence, 0 if isinstance(record, Incident) else 1, record.id)


def least_certain(source: RecordSource | Extraction | Iterable[Any], n: int = 20) -> list[Record]:
    """The ``n`` incidents and claims with the lowest confidence, lowest first.

    >>> from warledger import Ledger                                    # doctest: +SKIP
    >>> for record in least_certain(Ledger("warledger.duckdb"), 5):    # doctest: +SKIP
    ...     print(record.confidence, record.evidence[0].text)
    """
    if n <= 0:
        return []
    records: list[Record]
    if isinstance(source, Extraction):
        records = [*source.incidents, *source.claims]
    elif isinstance(source, RecordSource) and callable(source.incidents) and callable(source.claims):
        records = [*source.incidents(limit=n, order="confidence"), *source.claims(limit=n, order="confidence")]
    else:
        records = list(_flatten(source))
    return sorted(records, key=_order)[:n]


def read_records(path: str | Path) -> list[Record]:
    """Incidents and claims from a JSON Lines file of contract records (articles and other lines are passed over).

    A line that is not a JSON object raises ``InputError`` E106 with its line number.
    """
    file = Path(path)
    if not file.is_file():
        raise input_error("E101", path=str(file))
    out: list[Record] = []
    with file.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise input_error("E106", path=str(file), line=number, detail=err.msg) from err
            if not isinstance(data, dict):
                raise input_error("E106", path=str(file), line=number, detail=type(data).__name__)
            record = _from_dict(data)
            if record is not None:
                out.append(record)
    return out


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One record as the review listing shows it."""

    kind: str
    id: str
    confidence: float
    summary: str
    evidence: tuple[tuple[str, str], ...]
    """(field, text) of each evidence span."""

    @classmethod
    def of(cls, record: Record) -> ReviewRow:
        if isinstance(record, Incident):
            kind, summary = "incident", describe_incident(record)
        else:
            kind, summary = "claim", describe_claim(record)
        evidence = tuple((span.field, " ".join(span.text.split())) for span in record.evidence)
        return cls(kind, record.id, record.confidence, summary, evidence)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``warledger review --format json``)."""
        return {
            "kind": self.kind,
            "id": self.id,
            "confidence": self.confidence,
            "summary": self.summary,
            "evidence": [{"field": name, "text": text} for name, text in self.evidence],
        }


def render_review(records: Iterable[Record]) -> str:
    """The review listing: each record's confidence, kind, id and summary, then its evidence, one span a line."""
    blocks = []
    for rank, record in enumerate(records, 1):
        row = ReviewRow.of(record)
        lines = [f"#{rank} {row.confidence:.2f} {row.kind} {row.id}", f"  {row.summary}"]
        lines += [f"  {name}: {text}" for name, text in row.evidence] or ["  (no evidence: check the source)"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "nothing to review"


def render_review_json(records: Iterable[Record]) -> str:
    """The review listing as a JSON list of ``ReviewRow.to_dict()``, least certain first."""
    return json.dumps([ReviewRow.of(record).to_dict() for record in records], ensure_ascii=False, indent=2)
