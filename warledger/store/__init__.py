"""Store: the embedded DuckDB ledger (schema, migrations, queries). See docs/database.md."""
from warledger.store.filters import ArticleFilter, ClaimFilter, Clause, IncidentFilter
from warledger.store.ledger import IngestStats, Ledger
from warledger.store.schema import SCHEMA_VERSION

__all__ = ["ArticleFilter", "ClaimFilter", "Clause", "IncidentFilter", "IngestStats", "Ledger", "SCHEMA_VERSION"]
