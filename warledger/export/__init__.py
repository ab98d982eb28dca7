"""Export: incidents, claims and articles as CSV, JSON, JSON Lines, GeoJSON or Parquet, with full, ACLED-style or
UCDP-style column sets. See docs/database.md#exporting."""
from warledger.export.columns import COLUMN_SETS, column_set
from warledger.export.exporter import FORMATS, export

__all__ = ["COLUMN_SETS", "FORMATS", "column_set", "export"]
