"""A small ledger for the export tests, built from the contract dicts in export_samples.py."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = str(Path(__file__).parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from export_samples import PORT_TEXT, REPORT_TEXT, article_dict, claim_dict, incident_dicts  # noqa: E402

from warledger import records  # noqa: E402
from warledger.store import Ledger  # noqa: E402


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger(tmp_path / "export.duckdb") as ledger:
        ledger.add(records.Extraction(records.article_from_dict(article_dict("port", PORT_TEXT)),
                                      [records.incident_from_dict(d) for d in incident_dicts()], []))
        ledger.add(records.Extraction(records.article_from_dict(article_dict("report", REPORT_TEXT)), [],
                                      [records.claim_from_dict(claim_dict())]))
        yield ledger
