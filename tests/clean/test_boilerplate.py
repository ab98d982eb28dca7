"""Furniture lines of the kinds news sites add are recognised; article sentences are not."""
from __future__ import annotations

import pytest

from warledger.clean.boilerplate import is_boilerplate, join_wrapped, normalise_line, split_lines

FURNITURE = [
    # notifications and apps
    "Stay informed with notifications from The Morning Ledger",
    "Notifications can be managed in your browser settings.",
    "Turn on push notifications for breaking news",
    "Download our free app",
    # newsletters and subscriptions
    "Sign up to our free daily newsletter",
    "The Evening Wrap: a newsletter for the day's biggest stories",
    "Subscribe",
    "Sign up",
    "Already a subscriber? Log in",
    "Thank you for signing up",
    "Thank you for registering",
    # log-in
    "Log in",
    "Please refresh your browser to be logged in",
    "Please reload the page to be signed in again to your account",
    "Create a free account",
    # comments
    "Comments",
    "12 Comments",
    "View all comments",
    "Join the conversation",
    "Join our commenting forum",
    "Join thought-provoking conversations with other readers and follow their replies",
    "Comments are closed for this article",
    # print edition
    "A version of this article appears in print on May 3, 2023, Section A, Page 6 with the headline: Drones Hit Port.",
    # advertising
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    # sharing and following
    "Share",
    "Share this article",
    "Share on WhatsApp",
    "Follow us on Telegram",
    "Click here to read more",
    "Read more",
    "Read more: Air defence downs drones over the capital",
    "See also: Grain corridor reopens after pause",
    # cookies and scripts
    "We use cookies to give you the best experience on our website.",
    "Accept all cookies",
    "Please enable JavaScript to view this content",
    # reading aids, bylines, credits of the whole page
    "Listen to this article",
    "4 min read",
    "Published 3 March 2024",
    "By Anna Kovalenko and Mark Peters",
    "Reporting by Anna Kovalenko; Editing by Mark Peters",
    "Our correspondent Jan Nowak contributed to this report.",
    "Copyright 2024 The Morning Ledger. All rights reserved.",
    "The rest of the text is under the video.",
    "Kyiv XYZ —",
    "***",
    "(JN)",
]

ARTICLE_LINES = [
    "Three people were hurt in the attack on the port, the governor said.",
    "Share prices of Ukrainian grain traders rose after the corridor reopened.",
    "Comments by the foreign minister angered officials in Moscow.",
    "Sign-up rates for the territorial defence rose sharply in the spring.",
    "Russia suffered heavy losses, the report said.",
    "By Tuesday, the death toll had risen to 14.",
    "Advertising boards in the city centre were damaged by the blast.",
    "Not a member of Nato, Ukraine relies on bilateral guarantees.",
    "Full access to the plant was restored within a year.",
    "Published in 2019, the study found that shelling had displaced thousands of families.",
    "Follow-up talks are expected in Istanbul next week.",
    "The newspaper reported that 20 people died.",
    "Drone strike on Kharkiv depot leaves three dead",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_long_lines_are_never_furniture() -> None:
    assert not is_boilerplate("Advertisement " * 60)


def test_normalise_line() -> None:
    assert normalise_line("  a\u00a0\u00a0b\tc\u200b d  ") == "a b c d"
    assert normalise_line("“quoted”  — kept") == "“quoted” — kept"


def test_split_lines_blocks_and_markdown_headings() -> None:
    lines = split_lines("## Heading here\n\nfirst line\nsecond line\n\n\n\nlast\r\nline")
    assert [(line.text, line.block) for line in lines] == [
        ("Heading here", 0),
        ("first line", 1),
        ("second line", 1),
        ("last", 2),
        ("line", 2),
    ]


def test_join_wrapped_only_within_a_block_and_before_lowercase() -> None:
    lines = split_lines("The fire spread to a\nneighbouring house.\nA second fire began.\n\nand more")
    assert [line.text for line in join_wrapped(lines)] == [
        "The fire spread to a neighbouring house.",
        "A second fire began.",
        "and more",
    ]
