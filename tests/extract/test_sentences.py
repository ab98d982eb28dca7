"""Sentence offsets: abbreviations, initialisms, decimals, quotes, line and paragraph breaks."""
from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warledger.extract.sentences import sentence_at, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Hale met Gen. Orlov. They spoke briefly.", ["Mr. Hale met Gen. Orlov.", "They spoke briefly."]),
        ("Talks stalled in the spring.At the end of May, fighting resumed. See example.com for more.",
         ["Talks stalled in the spring.", "At the end of May, fighting resumed.", "See example.com for more."]),
        ("Dr. Ames and Lt. Col. Barr left St. Anne's. Nobody followed.",
         ["Dr. Ames and Lt. Col. Barr left St. Anne's.", "Nobody followed."]),
        ("The U.S. and the U.K. sent 1.2 million rounds. Deliveries began.",
         ["The U.S. and the U.K. sent 1.2 million rounds.", "Deliveries began."]),
        ("Aid came from the U.S. The ministry confirmed it.",
         ["Aid came from the U.S.", "The ministry confirmed it."]),
        ("Talks open on Feb. 12 in Geneva. No. 4 is on the agenda.",
         ["Talks open on Feb. 12 in Geneva.", "No. 4 is on the agenda."]),
        ("The envoy, John Q. Public, arrived. He stayed.", ["The envoy, John Q. Public, arrived.", "He stayed."]),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        ("“We will rebuild.” The mayor smiled.", ["“We will rebuild.”", "The mayor smiled."]),
        ("Was it a drone? Nobody knows! Check again.", ["Was it a drone?", "Nobody knows!", "Check again."]),
        ("The blast came at 5 p.m. local time. Crews rushed in.",
         ["The blast came at 5 p.m. local time.", "Crews rushed in."]),
        ("It ended, i.e. the shelling stopped. Calm returned.",
         ["It ended, i.e. the shelling stopped.", "Calm returned."]),
        ("He waited. and then left.", ["He waited. and then left."]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_blank_line_always_splits() -> None:
    text = "A headline without a stop\n\nThe body starts here. It ends here"
    assert sentences(text) == ["A headline without a stop", "The body starts here.", "It ends here"]


def test_never_crosses_a_paragraph_even_mid_sentence() -> None:
    text = "The list of damaged sites\n\nincludes a school."
    assert sentences(text) == ["The list of damaged sites", "includes a school."]


def test_line_break_splits_captions_but_joins_wrapped_lines() -> None:
    text = "Firefighters at the depot\nFirefighters at the depot (Photo agency)\nThe fire spread\nacross two floors."
    assert sentences(text) == [
        "Firefighters at the depot",
        "Firefighters at the depot (Photo agency)",
        "The fire spread\nacross two floors.",
    ]


def test_list_numbers_do_not_split() -> None:
    assert sentences("1. The first demand was rejected.") == ["1. The first demand was rejected."]


def test_a_bulleted_name_heads_its_sentence() -> None:
    text = "🔻 Nikopol. A drone hit a bus. Two were hurt.\n• Velykyi Burluk. Shells fell.\nKYIV. Sirens sounded."
    assert sentences(text) == [
        "🔻 Nikopol. A drone hit a bus.", "Two were hurt.", "• Velykyi Burluk. Shells fell.", "KYIV.", "Sirens sounded."
    ]
    assert sentences("🔹 Snovsk community. Rockets hit a farm.") == ["🔹 Snovsk community. Rockets hit a farm."]
    assert sentences('"Vovchansk urban district. Shells hit a school.\nVelykyi Burluk. No one was hurt."') == [
        '"Vovchansk urban district. Shells hit a school.', 'Velykyi Burluk. No one was hurt."']
    assert sentences('"🔴 Zaporizhzhia. Drones hit a depot.\n"Tetkino, Glushkovo district. A drone hit a car.') == [
        '"🔴 Zaporizhzhia. Drones hit a depot.', '"Tetkino, Glushkovo district. A drone hit a car.']


def test_offsets_strip_surrounding_whitespace() -> None:
    text = "  \n First one.   Second one.  \n\n  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0][0] == 4


def test_sentence_at() -> None:
    text = "One here. Two there."
    spans = split_sentences(text)
    assert sentence_at(spans, text.index("Two")) == spans[1]
    assert sentence_at(spans, 0) == spans[0]
    assert sentence_at(spans, text.index(" Two")) is None


_PIECES = st.sampled_from([
    "Mr.", "U.S.", "The", "war", "1.2", "million", ".", "?", "!", '."', ".”", "\n", "\n\n", " ", "a.m.", "Feb.",
    "24", "No.", "5", "J.", "Smith", "said", "“", "”", "(AFP)", "…", "\t", "é",
])


@given(st.lists(_PIECES, max_size=40).map(" ".join) | st.text(max_size=300))
def test_spans_are_stripped_ordered_and_never_cross_a_blank_line(text: str) -> None:
    spans = split_sentences(text)
    for start, end in spans:
        piece = text[start:end]
        assert piece and piece == piece.strip()
        assert "\n\n" not in piece and not any(line.strip() == "" for line in piece.split("\n")[1:-1])
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
