"""docs/fusion.md documents every setting, command, record field and public function of the fusion stage."""
from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

import warledger.fuse as fuse_package
from warledger.cli import events as events_cli
from warledger.fuse.compare import FusionSettings
from warledger.records import ClaimReport, Event, EventMember, RegistryClaim, Toll, TollPoint

DOC = (Path(__file__).resolve().parents[2] / "docs" / "fusion.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(FusionSettings)])
def test_every_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in DOC


def test_every_command_is_documented() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    events_cli.register(sub)
    assert sub.choices
    for command in sub.choices:
        assert f"warledger {command}" in DOC, command


@pytest.mark.parametrize("record", [Event, EventMember, Toll, TollPoint, RegistryClaim, ClaimReport])
def test_every_record_field_is_documented(record: type) -> None:
    for field in dataclasses.fields(record):
        assert f'"{field.name}"' in DOC or f"`{field.name}`" in DOC, (record.__name__, field.name)


def test_public_functions_are_documented() -> None:
    for name in fuse_package.__all__:
        if name[0].islower():
            assert f"{name}(" in DOC, name
