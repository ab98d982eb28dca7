"""The output contract in docs/output-contract.md names exactly the fields the records emit."""
from __future__ import annotations

import re
from pathlib import Path

from warledger import pipeline
from warledger.records import CONTRACT_VERSION

DOC = (Path(__file__).parents[1] / "docs" / "output-contract.md").read_text(encoding="utf-8")


def documented(section: str) -> set[str]:
    body = DOC.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for row in re.findall(r"^\| ([a-z_., ]+) \|", body, re.M):
        names.update(n.strip() for n in row.split(",") if "." not in n and n.strip() != "field")
    return names


def test_contract_version_is_documented():
    assert f"(version {CONTRACT_VERSION})" in DOC


def test_documented_fields_match_emitted_fields(think_tank_page):
    result = pipeline.extract(think_tank_page, published="2025-11-13")
    records = result.records()
    emitted = {
        "article": set(records[0]),
        "incident": set(next(r for r in records if r["type"] == "incident")),
        "claim": set(next(r for r in records if r["type"] == "claim")),
    }
    for section, fields in emitted.items():
        assert documented(section) == fields, section


def test_event_and_registry_fields_are_documented():
    from warledger.records import Event, RegistryClaim

    for section, cls in (("event", Event), ("registry_claim", RegistryClaim)):
        fields = {f for f in cls.__dataclass_fields__} | {"type"}
        assert documented(section) == fields, section
