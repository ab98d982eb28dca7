"""least_certain: records by confidence, lowest first, from lists, extractions, JSON Lines and a ledger."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_builders import claim, extraction, incident

from warledger.errors import InputError
from warledger.eval.review import least_certain, read_records, render_review
from warledger.records import Claim, Incident

TEXT = "A drone hit Kharkiv, injuring four. The UK Ministry of Defence said 1,000 Russian troops were killed."


def records() -> list[Incident | Claim]:
    return [
        incident(TEXT, confidence=0.9, ident="i-high", evidence={"location": "Kharkiv"}),
        claim(TEXT, low=1000, high=1000, confidence=0.3, ident="c-low", evidence={"min": "1,000"}),
        incident(TEXT, confidence=0.3, ident="i-low"),
        incident(TEXT, confidence=0.6, ident="i-mid"),
    ]


def test_orders_by_confidence_then_kind_then_id() -> None:
    assert [r.id for r in least_certain(records(), 3)] == ["i-low", "c-low", "i-mid"]
    assert least_certain(records(), 0) == []


def test_accepts_extractions_and_contract_dicts() -> None:
    one = extraction(TEXT, [r for r in records() if isinstance(r, Incident)],
                     [r for r in records() if isinstance(r, Claim)])
    assert [r.id for r in least_certain(one, 2)] == ["i-low", "c-low"]
    assert [r.id for r in least_certain([one], 1)] == ["i-low"]
    dicts = [r.to_dict() for r in records()] + [one.article.to_dict()]
    assert [r.id for r in least_certain(dicts, 4)] == ["i-low", "c-low", "i-mid", "i-high"]


class FakeLedger:
    """Answers like warledger.Ledger: records in the order asked for, at most ``limit``."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int | None, str]] = []

    def incidents(self, *, limit: int | None = None, order: str = "date") -> list[Incident]:
        self.calls.append(("incidents", limit, order))
        found = sorted((r for r in records() if isinstance(r, Incident)), key=lambda r: r.confidence)
        return found[:limit]

    def claims(self, *, limit: int | None = None, order: str = "date") -> list[Claim]:
        self.calls.append(("claims", limit, order))
        return [r for r in records() if isinstance(r, Claim)][:limit]


def test_queries_a_ledger_in_confidence_order() -> None:
    ledger = FakeLedger()
    assert [r.id for r in least_certain(ledger, 2)] == ["i-low", "c-low"]
    assert ledger.calls == [("incidents", 2, "confidence"), ("claims", 2, "confidence")]


def test_real_ledger(tmp_path: Path) -> None:
    store = pytest.importorskip("warledger.store")
    one = extraction(TEXT, [r for r in records() if isinstance(r, Incident)],
                     [r for r in records() if isinstance(r, Claim)])
    one.article.content_hash = "hash-1"
    with store.Ledger(tmp_path / "l.duckdb") as ledger:
        ledger.add(one)
        assert [r.id for r in least_certain(ledger, 3)] == ["i-low", "c-low", "i-mid"]


def test_read_records_and_render(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join(json.dumps(r.to_dict()) for r in records()) + "\n\n", encoding="utf-8")
    found = least_certain(read_records(path), 2)
    listing = render_review(found)
    assert listing.splitlines()[0] == "#1 0.30 incident i-low"
    assert "#2 0.30 claim c-low" in listing and "min: 1,000" in listing
    assert "(no evidence: check the source)" in listing
    assert render_review([]) == "nothing to review"


def test_read_records_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(records()[0].to_dict()) + "\n[1, 2]\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_records(path)
