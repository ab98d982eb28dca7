"""Body-extraction quality of the HTML cleaning path, and cleaning speed.

Quality: on a folder laid out like the Zyte/ScrapingHub article-extraction benchmark (``html/<id>.html.gz`` and
``ground-truth.json`` mapping each id to ``{"articleBody": ...}``), extract every page with warledger's HTML path
and score the body against the truth the way that benchmark does: the texts are cut into word tokens (``\\w+``),
tokens into overlapping 4-word shingles, and shingle counts give true/false positives and false negatives per page,
normalised so that every page weighs the same. Precision and recall are averaged over pages, and F1 is their
harmonic mean. Published reference on the same data: trafilatura 0.958.

Speed: articles per second of ``clean_document`` on the plain-text pages of a JSON Lines file (``--plain``), per
second of this process's CPU time (wall-clock time too, which a busy machine inflates).

    .venv/bin/python benchmarks/clean_benchmark.py ../shared/data/article-extraction-benchmark
    .venv/bin/python benchmarks/clean_benchmark.py FOLDER --plain ../shared/data/dev/news-unlabelled.jsonl

Prints one line per variant: F1, precision, recall, pages, seconds. Writes nothing.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from warledger.clean import clean_document
from warledger.clean.html import read_html
from warledger.records import Document

log = logging.getLogger("clean_benchmark")

SHINGLE = 4
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[str, str | None], str]


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Counts of the overlapping ``size``-token runs of ``text`` (one short run when the text is shorter)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens[i : i + size])


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives over shingles, scaled to sum to 1."""
    expected, found = shingles(truth), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other: float) -> float:
    if miss == other == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Macro precision and recall over pages, F1 of the two (the benchmark's definition)."""
    precision = statistics.mean(_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    return {"f1": 2 * precision * recall / (precision + recall), "precision": precision, "recall": recall}


def pages(folder: Path) -> Iterator[tuple[str, str, str | None, str]]:
    """(id, html, url, true body) for every page in the benchmark folder, in id order."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield key, html, truth[key].get("url"), truth[key].get("articleBody", "")


def trafilatura_body(**options: bool) -> Extractor:
    """The body lines trafilatura gives inside ``read_html``, before warledger's own cleaning."""
    return lambda html, url: "\n".join(read_html(html, url=url, **options).lines)


def warledger_body(html: str, url: str | None) -> str:
    """What warledger keeps as the article body: standfirst and paragraphs (title and captions apart)."""
    article = clean_document(Document(source_id="bench", html=html, url=url))
    return "\n".join(part for part in (article.standfirst, *article.paragraphs) if part)


VARIANTS: dict[str, Extractor] = {
    "trafilatura (read_html, default)": trafilatura_body(favor_precision=False),
    "trafilatura (read_html, favor_precision)": trafilatura_body(favor_precision=True),
    "trafilatura (read_html, favor_recall)": trafilatura_body(favor_precision=False, favor_recall=True),
    "warledger clean_document (standfirst + paragraphs)": warledger_body,
}


def run_quality(folder: Path, names: list[str]) -> None:
    data = list(pages(folder))
    for name in names:
        extract = VARIANTS[name]
        started = time.perf_counter()
        counts = [page_counts(truth, extract(html, url)) for _, html, url, truth in data]
        elapsed = time.perf_counter() - started
        result = score(counts)
        sys.stdout.write(
            f"{name:<52} F1={result['f1']:.3f} precision={result['precision']:.3f} "
            f"recall={result['recall']:.3f} pages={len(data)} seconds={elapsed:.1f}\n"
        )


def run_speed(path: Path, *, repeat: int) -> None:
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(source_id=str(i), text=text) for i, text in enumerate(texts)]
    words = statistics.mean(len(text.split()) for text in texts)
    clean_document(docs[0])  # load the language model and compile the patterns outside the timing
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for doc in docs:
            clean_document(doc)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    total = len(docs) * repeat
    sys.stdout.write(
        f"clean_document plain text: {total / cpu:.0f} articles/s of CPU time ({total / elapsed:.0f} wall clock), "
        f"{total} articles of {words:.0f} words on average\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the benchmark folder (html/, ground-truth.json)")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS), help="only these (default: all)")
    parser.add_argument("--plain", type=Path, help="a JSON Lines file of plain-text pages to time clean_document on")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the --plain file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    run_quality(args.folder, args.variant or list(VARIANTS))
    if args.plain:
        run_speed(args.plain, repeat=args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
