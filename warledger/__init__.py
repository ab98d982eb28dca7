"""warledger: news text about the war -> an evidence-backed ledger of incidents and casualty claims.

The public face (stable): ``extract`` for one page, ``process`` for many documents, ``read_sources`` to read files,
``Ledger`` for the embedded database, and the record types. Everything else may change between versions.

>>> import warledger                                                      # doctest: +SKIP
>>> result = warledger.extract(page_text, published="2026-01-28")
>>> [(i.date, i.location.admin1, i.killed) for i in result.incidents]
>>> with warledger.Ledger("warledger.duckdb") as ledger:
...     ledger.incidents(oblast="Odesa", since="2026-01-01")
"""
from warledger.ingest import read_sources
from warledger.pipeline import extract, process
from warledger.records import (
    CONTRACT_VERSION,
    Article,
    Caption,
    Claim,
    Count,
    Document,
    Evidence,
    Extraction,
    Incident,
    Location,
    Problem,
    Skipped,
)
from warledger.store import Ledger

__version__ = "0.1.0"

__all__ = [
    "CONTRACT_VERSION",
    "Article",
    "Caption",
    "Claim",
    "Count",
    "Document",
    "Evidence",
    "Extraction",
    "Incident",
    "Ledger",
    "Location",
    "Problem",
    "Skipped",
    "__version__",
    "extract",
    "process",
    "read_sources",
]
