"""Captions and credits: the shapes that are taken, and lines that must stay paragraphs."""
from __future__ import annotations

import pytest

from warledger.clean.boilerplate import split_lines
from warledger.clean.captions import caption_pair, credit_only, find_captions, looks_like_credit, split_credit
from warledger.clean.layout import lay_out
from warledger.records import Caption


def test_pair_with_any_credit() -> None:
    assert caption_pair("Smoke rises over the harbour", "Smoke rises over the harbour (Odesa City Council)") == Caption(
        "Smoke rises over the harbour", "Odesa City Council"
    )
    assert caption_pair("Smoke rises over the harbour (Reuters)", "Smoke rises over the harbour") == Caption(
        "Smoke rises over the harbour", "Reuters"
    )
    assert caption_pair("Smoke rises", "Smoke rises over the harbour") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rescuers search the rubble (AFP/Getty)", ("Rescuers search the rubble", "AFP/Getty")),
        ("Rescuers search the rubble (Photo: Olena Marchenko)", ("Rescuers search the rubble", "Olena Marchenko")),
        ("Rescuers search the rubble. Photograph: Ivan Petrov/AP", ("Rescuers search the rubble", "Ivan Petrov/AP")),
        ("A tank near the front (Ukrainian General Staff)", ("A tank near the front", "Ukrainian General Staff")),
        ("A convoy on the road (Handout via Reuters)", ("A convoy on the road", "Handout via Reuters")),
        ("Rescuers at a block in Dnipro, Ukraine, May 3, 2024. REUTERS/Ivan Petrov",
         ("Rescuers at a block in Dnipro, Ukraine, May 3, 2024.", "REUTERS/Ivan Petrov")),
    ],
)
def test_split_known_credit(line: str, expected: tuple[str, str]) -> None:
    assert split_credit(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The alliance met in Brussels (the second time this month)",
        "The figures came from the Institute for the Study of War (ISW)",
        "The army said so (Reuters).",
        "Talks will resume next week. NATO",
    ],
)
def test_not_a_credit(line: str) -> None:
    assert split_credit(line) is None


def test_looks_like_credit() -> None:
    assert looks_like_credit("Getty Images")
    assert looks_like_credit("Maria Lysenko/EPA-EFE")
    assert not looks_like_credit("the governor said on Monday")
    assert not looks_like_credit("and/or")


def test_credit_only_lines() -> None:
    assert credit_only("(Photo: Reuters)") == "Reuters"
    assert credit_only("Photo: Andrii Koval") == "Andrii Koval"
    assert credit_only("(AFP/Getty)") == "AFP/Getty"
    assert credit_only("(the second time)") is None
    assert credit_only("Photos of the damage were shared online.") is None


def _layout(text: str):
    return lay_out(split_lines(text))


def test_credit_line_attaches_to_the_caption_before_it() -> None:
    layout = _layout(
        "Explosions heard in Dnipro as air raid alert sounds across east\n\n"
        "Residents reported at least four blasts before dawn, and the mayor urged people to stay in shelters.\n\n"
        "A damaged tram depot in the city centre\n(Photo: Dnipro City Council)\n\n"
        "Officials said the depot had been empty at the time of the attack, and nobody was hurt.\n"
    )
    assert layout.captions == [Caption("A damaged tram depot in the city centre", "Dnipro City Council")]
    assert all("tram depot" not in p for p in layout.paragraphs)


def test_credit_at_the_end_of_the_page_is_not_the_last_paragraphs_caption() -> None:
    layout = _layout(
        "Officials said the depot had been empty at the time of the attack.\n\n"
        "Repairs are expected to take a month.\n\nPhoto: Ivan Petrov\n"
    )
    assert layout.captions == []
    assert layout.paragraphs[-1] == "Repairs are expected to take a month."
    assert layout.removed == ["Photo: Ivan Petrov"]


def test_caption_prefix_marks_a_caption() -> None:
    layout = _layout(
        "Officials met in Vienna on Monday to discuss the nuclear plant.\n\n"
        "View image in fullscreen Inspectors arrive at the plant on Monday. Photograph: Anna Wolf/Reuters\n\n"
        "The agency said its staff would stay for a week.\n"
    )
    assert layout.captions == [Caption("Inspectors arrive at the plant on Monday", "Anna Wolf/Reuters")]


def test_repeated_caption_kept_once() -> None:
    lines = split_lines(
        "Troops unload supplies near Kupiansk (Reuters)\n\nThe convoy arrived at night.\n\n"
        "Troops unload supplies near Kupiansk (Reuters)\n"
    )
    scan = find_captions(lines)
    assert list(scan.captions.values()) == [Caption("Troops unload supplies near Kupiansk", "Reuters")]


def test_crosshead_between_paragraphs_stays_a_paragraph() -> None:
    layout = _layout(
        "Shelling damaged a school in Nikopol on Monday, officials said.\n\n"
        "What happens next\n\n"
        "Talks are expected to resume in the spring, diplomats said.\n"
    )
    assert layout.captions == []
    assert "What happens next" in layout.paragraphs


def test_short_line_right_above_a_caption_pair_is_a_caption() -> None:
    layout = _layout(
        "Shelling damaged a school in Nikopol on Monday, officials said.\n\n"
        "Windows blown out on the second floor\n"
        "Pupils' desks covered in glass\n"
        "Pupils' desks covered in glass (Nikopol City Council)\n\n"
        "Nobody was hurt because classes had moved online.\n"
    )
    assert layout.captions == [
        Caption("Windows blown out on the second floor"),
        Caption("Pupils' desks covered in glass", "Nikopol City Council"),
    ]
    assert layout.paragraphs == [
        "Shelling damaged a school in Nikopol on Monday, officials said.",
        "Nobody was hurt because classes had moved online.",
    ]


def test_paragraph_above_a_caption_pair_stays_a_paragraph() -> None:
    layout = _layout(
        "Shelling damaged a school in Nikopol on Monday, officials said.\n"
        "Pupils' desks covered in glass\n"
        "Pupils' desks covered in glass (Nikopol City Council)\n"
    )
    assert layout.paragraphs == ["Shelling damaged a school in Nikopol on Monday, officials said."]
