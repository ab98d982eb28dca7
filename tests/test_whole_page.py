"""The seed's behaviour on a page the project wrote itself: a scraped page with site furniture, captions repeated
with credits, a place-less incident, a caption that restates a body incident, claims with periods, a projection and a
dispute. (The seed page itself stays outside the repository; ../shared/seed/check.py checks it.)"""
from __future__ import annotations

import pytest

from warledger import pipeline


@pytest.fixture(scope="module")
def result(think_tank_page):
    return pipeline.extract(think_tank_page, published="2025-11-13")


def test_article_is_cleaned(result):
    article = result.article
    assert article.title == "Combined battlefield losses approach 1.5 million, think tank warns"
    assert article.standfirst.startswith("The analysis said Ukraine suffered 400,000 casualties")
    assert article.removed == [
        "Get instant alerts from The Daily Example on your phone",
        "Alerts can be switched off at any time in your settings.",
        "Sign in to comment",
        "Be the first to comment on this story",
        "Comments",
        "You are now logged in",
    ]
    assert article.paragraphs[0].startswith("Military casualties on both sides")
    assert article.paragraphs[-1].startswith("Four people were injured in the attack")
    captions = {c.text: c.credit for c in article.captions}
    assert captions == {
        "Rescuers clear debris after a missile strike on a bus depot": None,
        "Emergency workers said the rescue operation had finished": "State Emergency Service",
        "At least two people were killed in the strikes near Lviv": "Reuters",
    }
    body = "\n".join(article.paragraphs)
    assert all(caption not in body for caption in captions)


def test_four_incidents_with_dates_places_and_tolls(result):
    incidents = result.incidents
    assert len(incidents) == 4
    by_oblast = {(i.location.admin1 if i.location and i.location.precision <= 4 else None): i for i in incidents}
    assert set(by_oblast) == {"Lviv Oblast", "Dnipropetrovsk Oblast", "Odesa Oblast", None}
    lviv, dnipro, izmail, depot = (by_oblast[k] for k in ("Lviv Oblast", "Dnipropetrovsk Oblast", "Odesa Oblast", None))
    assert (lviv.date, lviv.killed.min, lviv.location.near) == ("2025-11-13", 2, True)
    assert (dnipro.date, dnipro.killed.max, dnipro.injured.max) == ("2025-11-13", 0, 0)
    assert {"residential", "health"} <= set(dnipro.targets)
    assert (izmail.location.name, izmail.injured.min) == ("Izmail", 4)
    assert {"port", "religious"} <= set(izmail.targets)
    assert "Oleh Kiper (regional governor), Telegram" in izmail.attributed_to
    assert (depot.date, depot.killed.min, depot.location) == ("2025-11-11", 7, None)
    assert all(i.perpetrator == "Russia" for i in incidents)


def test_five_claims_and_a_projection_with_the_dispute(result):
    plain = sorted((c.side, c.metric, c.min, c.max) for c in result.claims if not c.projection)
    assert plain == [
        ("Russia", "casualties", 800_000, 950_000),
        ("Russia", "killed", None, 210_000),
        ("Ukraine", "casualties", 400_000, 400_000),
        ("Ukraine", "killed", None, 90_000),
    ]
    assert all(c.claimant == "IISS" and "Russia" in c.disputed_by for c in result.claims)
    [projection] = [c for c in result.claims if c.projection]
    assert (projection.side, projection.min, projection.period_end) == ("both", 1_500_000, "2026-08")
