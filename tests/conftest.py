"""Shared fixtures: the project's own pages (tests/fixtures/pages), never third-party text."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def pages() -> Path:
    return FIXTURES / "pages"


@pytest.fixture(scope="session")
def think_tank_page(pages: Path) -> str:
    return (pages / "think-tank-losses.txt").read_text(encoding="utf-8")
