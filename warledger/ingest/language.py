"""Which language a text is in, as an ISO 639-1 code, with py3langid (loaded once, on first use).

Public and stable: ``detect_language`` and ``UNDETERMINED``. English is what the extractor reads; the pipeline
reports documents in other languages as skipped, naming the language detected here.
"""
from __future__ import annotations

import logging
import re
from functools import cache
from itertools import islice

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from warledger.vocab import load_lines

log = logging.getLogger(__name__)

UNDETERMINED = "und"
"""The ISO 639 code for "cannot tell": empty or too short a text."""

SAMPLE_CHARS = 2000
"""Only the start of a text is read: a page's language shows within a few sentences."""

MIN_LETTERS = 12
"""Fewer letters than this and any guess is noise."""

_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> LanguageIdentifier:
    log.debug("loading the py3langid model")
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    known = set(identifier.nb_classes)
    identifier.set_languages([code for code in load_lines("languages") if code in known])
    return identifier


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language ("en", "uk", "ru"...), or "und" when it is empty or too short.

    >>> detect_language("Three people were hurt when a drone hit the port, the governor said.")
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in islice(_LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return UNDETERMINED
    language, _score = _identifier().classify(sample)
    return str(language)
