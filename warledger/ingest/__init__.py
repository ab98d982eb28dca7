"""Ingest: read files, directories, stdin and JSON Lines into ``Document`` records (and ``Problem`` records for
what cannot be used), and tell a text's language. Only this stage and ``store`` touch files."""
from warledger.ingest.language import detect_language
from warledger.ingest.sniff import looks_like_html
from warledger.ingest.sources import read_sources

__all__ = ["detect_language", "looks_like_html", "read_sources"]
