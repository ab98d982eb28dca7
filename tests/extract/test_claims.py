"""Aggregate casualty claims from a page written for these tests."""
from __future__ import annotations

from warledger import pipeline


def claims_of(text: str, published: str = "2025-11-13"):
    return pipeline.extract(text, published=published).claims


def find(claims, side, metric):
    hits = [c for c in claims if c.side == side and c.metric == metric and not c.projection]
    assert len(hits) == 1, [c.to_dict() for c in claims]
    return hits[0]


def test_think_tank_page_claims(think_tank_page):
    claims = claims_of(think_tank_page)
    ua = find(claims, "Ukraine", "casualties")
    assert (ua.min, ua.max, ua.qualifier) == (400_000, 400_000, "exact")
    assert (ua.period_start, ua.period_end) == ("2022-03", "2025-10")
    assert ua.claimant == "IISS" and ua.population == "military"
    ua_killed = find(claims, "Ukraine", "killed")
    assert (ua_killed.min, ua_killed.max, ua_killed.qualifier) == (None, 90_000, "up to")
    ru = find(claims, "Russia", "casualties")
    assert (ru.min, ru.max, ru.qualifier) == (800_000, 950_000, "range")
    assert ru.period_end == "2025-10", "a following sentence by the same claimant keeps the period"
    projection = [c for c in claims if c.projection]
    assert len(projection) == 1 and projection[0].side == "both" and projection[0].min == 1_500_000
    assert projection[0].claimant == "IISS", "'an analysis has found' resolves to the claimant named later"
    assert all("Russia" in c.disputed_by for c in claims if c.claimant == "IISS")


def test_civilian_toll_with_period_and_un_claimant():
    claims = claims_of(
        "The UN human rights monitoring mission said at least 12,000 civilians had been killed in Ukraine "
        "between February 2022 and June 2025."
    )
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.population, claim.metric, claim.min, claim.max) == ("civilian", "killed", 12_000, None)
    assert claim.claimant == "OHCHR" and claim.period_start == "2022-02" and claim.period_end == "2025-06"


def test_claim_sentence_is_not_an_incident():
    result = pipeline.extract(
        "British defence intelligence said Russia had lost about 40,000 soldiers killed or wounded in October.",
        published="2025-11-13",
    )
    assert result.incidents == []
    assert result.claims and result.claims[0].claimant == "UK Ministry of Defence"
