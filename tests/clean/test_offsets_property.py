"""Property: for any page, every part of the article sits in Article.text exactly where part_spans says, and
captions never appear among the paragraphs."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.clean import clean_document, part_spans
from warledger.records import Document

WORDS = st.sampled_from(
    ["Drone", "strike", "killed", "three", "people", "in", "Kharkiv", "the", "governor", "said", "(Reuters)",
     "(AFP/Getty)", "Photo:", "Comments", "Advertisement", "“quoted”", "—", "near", "Kyiv", "2024", "March", "3,"]
)
ENDINGS = st.sampled_from(["", ".", "?", ":", " (Reuters)", " (Emergency Service)"])
LINE = st.builds(lambda words, end: " ".join(words) + end, st.lists(WORDS, min_size=1, max_size=30), ENDINGS)
SEPARATORS = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\n\n"])
PAGE = st.lists(st.tuples(LINE, SEPARATORS), max_size=25).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=200, deadline=None)
@given(PAGE, st.booleans())
def test_parts_sit_at_their_offsets(page: str, repeat_last: bool) -> None:
    if repeat_last and page.strip():
        last = page.strip().splitlines()[-1]
        page = f"{page}\n{last} (Ukrinform)\n"
    article = clean_document(Document(source_id="p", text=page))
    spans = part_spans(article)
    expected = [
        *([article.title] if article.title else []),
        *([article.standfirst] if article.standfirst else []),
        *article.paragraphs,
        *(caption.text for caption in article.captions),
    ]
    assert [article.text[span.start : span.end] for span in spans] == expected
    for span, following in zip(spans, spans[1:], strict=False):
        assert article.text[span.end : following.start] == "\n\n"
    assert all(part and part == part.strip() and "\n" not in part for part in expected)
    for caption in article.captions:
        assert caption.text not in article.paragraphs
    assert clean_document(Document(source_id="p", text=page)).text == article.text
