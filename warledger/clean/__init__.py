"""Clean: from a ``Document`` (scraped text or HTML) to an ``Article`` with title, standfirst, paragraphs, captions
and credits, publication date and language, and the furniture lines it removed."""
from warledger.clean.article import article_text, clean_document, part_spans

__all__ = ["article_text", "clean_document", "part_spans"]
