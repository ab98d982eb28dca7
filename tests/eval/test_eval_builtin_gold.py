"""The project's own gold files: the promised sizes, and annotations consistent with their texts."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from warledger.eval.gold import GoldItem, builtin_paths, read_gold
from warledger.eval.metrics import ARMED_CONFLICT_TYPES
from warledger.eval.places import _oblast_aliases, name_in_text, oblast_key
from warledger.eval.support import number_supported

SETS = {path.name.removesuffix(".jsonl"): read_gold(path) for path in builtin_paths()}
ALL = [(name, item) for name, gold in SETS.items() for item in gold.items]
OBLASTS = set(_oblast_aliases().values())


def test_the_three_sets_are_shipped() -> None:
    assert list(SETS) == ["headlines", "snippets", "articles"]


def test_headlines() -> None:
    items = SETS["headlines"].items
    assert len(items) >= 40
    assert sum(1 for i in items if i.incidents) >= 36
    assert all(len(i.text.split()) <= 60 and not i.labels_document for i in items)


def test_snippets() -> None:
    items = SETS["snippets"].items
    assert len(items) >= 40 and all(i.labels_document and not i.incidents for i in items)
    assert sum(1 for i in items if i.event_type is None) >= 12
    assert {i.event_type for i in items} - {None} <= set(ARMED_CONFLICT_TYPES)
    assert len({i.event_type for i in items} - {None}) >= 8


def test_articles() -> None:
    items = SETS["articles"].items
    assert len(items) >= 8
    for item in items:
        words = len(item.text.split())
        assert 250 <= words <= 600, (item.id, words)
        assert len(item.incidents) >= 2, item.id
    assert sum(len(i.claims) for i in items) >= 8
    assert sum(1 for i in items for inc in i.incidents if not inc.place and not inc.admin1) >= 1


def test_ids_are_unique() -> None:
    ids = [item.id for _, item in ALL]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name, item", ALL, ids=[item.id for _, item in ALL])
def test_annotations_agree_with_the_text(name: str, item: GoldItem) -> None:
    text = " ".join(item.text.split())
    published = date.fromisoformat(item.published) if item.published else None
    for inc in item.incidents:
        assert inc.evidence, "every incident cites its sentences"
        for sentence in inc.evidence:
            assert " ".join(sentence.split()) in text, sentence
        if inc.admin1:
            assert oblast_key(inc.admin1) in OBLASTS, inc.admin1
        if inc.place:
            assert name_in_text(inc.place, item.text), inc.place
        assert inc.event_type in ARMED_CONFLICT_TYPES
        for count in (inc.killed, inc.injured):
            for value in (count.min, count.max) if count else ():
                if value is not None:
                    assert number_supported(value, inc.evidence), (value, inc.evidence)
        if inc.date and published:
            day = date.fromisoformat(inc.date)
            assert published - timedelta(days=14) <= day <= published, inc.date
    for claim in item.claims:
        assert claim.evidence and all(" ".join(s.split()) in text for s in claim.evidence), claim.evidence
        for value in (claim.min, claim.max):
            if value is not None:
                assert number_supported(value, claim.evidence), (value, claim.evidence)
        assert claim.metric in ("casualties", "killed", "injured", "missing", "captured")
        assert claim.side in ("Russia", "Ukraine", "both")


def test_texts_are_plain_prose() -> None:
    for _, item in ALL:
        assert not re.search(r"<[a-z]+[ >]", item.text), item.id
