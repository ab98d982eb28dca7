"""Vocabularies as data files: event types, weapons, targets, qualifiers, claimants, boilerplate lines.

Each ``*.tsv`` file has a header row; ``load_tsv(name)`` returns its rows as dicts. Files are read once and cached.
"""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``warledger/vocab/<name>.tsv`` (lines starting with # are comments)."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``warledger/vocab/<name>.txt``."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
