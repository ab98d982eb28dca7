"""Property: on any page composed from report-like sentences, every evidence span indexes the article text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warledger import pipeline

PLACES = ["Kharkiv", "Odesa", "near Kyiv", "the village of Velykyi Burluk", "Kherson", "the Sumy region", "Izmail"]
WEAPONS = ["drone", "missile", "glide bomb", "artillery", "rocket"]
NUMBERS = ["two", "3", "at least five", "a couple of", "12", "up to 40", "dozens of", "no"]
DAYS = ["on Monday", "overnight", "on Tuesday night", "yesterday", "on 3 March", ""]

sentence = st.builds(
    lambda weapon, place, n, day, who: f"A Russian {weapon} attack on {place} {day} killed {n} people, {who} said.",
    st.sampled_from(WEAPONS), st.sampled_from(PLACES), st.sampled_from(NUMBERS), st.sampled_from(DAYS),
    st.sampled_from(["the governor", "police", "regional governor Ivan Petrenko", "officials"]),
)
follow = st.builds(
    lambda n, target: f"{n} people were injured in the attack, which also damaged {target}.",
    st.sampled_from(["Two", "Seven", "No"]), st.sampled_from(["a school", "a church", "power lines", "the port"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(sentence, follow), min_size=1, max_size=6), st.booleans())
def test_evidence_offsets(paragraphs, with_title):
    text = ("Strikes across Ukraine\n\n" if with_title else "") + "\n\n".join(paragraphs)
    result = pipeline.extract(text, published="2025-03-05")
    article_text = result.article.text
    for record in result.incidents + result.claims:
        assert record.evidence
        for ev in record.evidence:
            assert article_text[ev.start : ev.end] == ev.text
            assert ev.text.strip() == ev.text or ev.field in ("incident", "claim")
