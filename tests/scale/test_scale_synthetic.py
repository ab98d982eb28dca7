"""The synthetic corpus: deterministic, realistic in shape (lengths, languages, noise records), fully filled in."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from warledger.ingest import detect_language
from warledger.ingest.warc import warc_items
from warledger.records import Document, Skipped
from warledger.scale.synthetic import MAX_WORDS, MIN_WORDS, ReportComposer, render_html, templates
from warledger.scale.synthetic_files import NOISE_EVERY, write_jsonl_gz, write_warc


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_bytes(tmp_path: Path) -> None:
    paths = []
    for folder, seed in (("a", 5), ("b", 5), ("c", 6)):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "crawl.warc.gz")  # the file name is in the warcinfo record
        write_warc(paths[-1], composer=ReportComposer(seed=seed), first=0, count=30)
    assert digest(paths[0]) == digest(paths[1]) != digest(paths[2])
    shard_a, shard_b = tmp_path / "a" / "s.jsonl.gz", tmp_path / "b" / "s.jsonl.gz"
    write_jsonl_gz(shard_a, composer=ReportComposer(seed=5), first=0, count=5)
    write_jsonl_gz(shard_b, composer=ReportComposer(seed=5), first=0, count=5)
    assert digest(shard_a) == digest(shard_b)


def test_a_report_depends_on_its_number_only() -> None:
    one, other = ReportComposer(seed=3), ReportComposer(seed=3)
    for number in (0, 1, 2):
        one.compose(number)
    assert one.compose(77) == other.compose(77)


def test_reports_are_news_length_english_mostly_and_every_slot_is_filled() -> None:
    composer = ReportComposer(seed=2026)
    reports = [composer.compose(n) for n in range(400)]
    english = [r for r in reports if r.language == "en"]
    assert 0.9 < len(english) / len(reports) < 1.0
    assert all(MIN_WORDS <= r.body_words <= MAX_WORDS for r in english)
    pages = [render_html(r) for r in reports]
    assert not [p for p in pages if re.search(r"\{\w+\}", p)], "an unfilled template slot"
    assert len({r.url for r in reports}) == len(reports)
    assert {detect_language(" ".join(r.paragraphs)) for r in reports if r.language != "en"} == {"uk", "ru"}
    # reports of one event share its place and day, and later reports never count fewer dead
    same = [r for r in english if r.event == english[0].event]
    assert len({(r.event.place, r.event.day) for r in same if r.event}) == 1


def test_templates_are_all_used_and_name_real_weapon_kinds() -> None:
    data = templates()
    assert set(data["weapons"]) == {"drone", "missile", "glide_bomb", "artillery"}
    assert all(len(v) == 3 for v in data["weapons"].values())
    assert {"lead", "detail", "background", "claim", "closing", "title"} <= set(data["sentences"])


def test_a_warc_holds_the_pages_and_the_noise_a_crawl_holds(tmp_path: Path) -> None:
    written = write_warc(tmp_path / "c.warc.gz", composer=ReportComposer(seed=1), first=0, count=120)
    items = list(warc_items(written.path))
    documents = [i for i in items if isinstance(i, Document)]
    skipped = [i.reason for i in items if isinstance(i, Skipped)]
    assert len(documents) == written.pages == 120
    expected_noise = sum(120 // every for every in NOISE_EVERY.values())
    assert len(skipped) == expected_noise == sum(written.noise.values())
    assert {"HTTP status 404", "HTTP status 301", "not HTML: image/jpeg", "not HTML: application/json"} == set(skipped)
    assert all(doc.fetched and doc.fetched.endswith("Z") for doc in documents)
