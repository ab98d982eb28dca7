"""Write a synthetic news corpus in WARC form (deterministic: the same seed writes the same bytes).

    .venv/bin/python benchmarks/make_corpus.py --articles 20000 --per-file 2000 --seed 2026 --out /tmp/corpus

Each file holds ``--per-file`` HTML pages (about 300-600 words each, about one in 25 in Ukrainian or Russian) plus
the records a crawl also holds and warledger skips: requests, images, JSON, 404 pages and redirects. The text is
composed from warledger's own templates (``warledger/scale/synthetic_templates.toml``); nothing is downloaded.
With ``--feeds`` and ``--shards`` it also writes RSS files and gzipped JSON Lines shards of further reports.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from warledger.scale.synthetic import ReportComposer
from warledger.scale.synthetic_files import CorpusFile, write_feed, write_jsonl_gz, write_warc


def make_corpus(out: Path, *, articles: int, per_file: int, seed: int, feeds: int = 0, shards: int = 0,
                per_extra: int = 50) -> list[CorpusFile]:
    """Write ``articles`` pages as WARC.gz files of ``per_file`` pages into ``out`` (plus ``feeds`` RSS files and
    ``shards`` JSON Lines shards of ``per_extra`` further reports each); return what each file holds."""
    out.mkdir(parents=True, exist_ok=True)
    composer = ReportComposer(seed=seed)
    written = []
    for index, first in enumerate(range(0, articles, per_file)):
        count = min(per_file, articles - first)
        written.append(write_warc(out / f"crawl-{index:05d}.warc.gz", composer=composer, first=first, count=count))
    extra = articles
    for index in range(feeds):
        written.append(write_feed(out / f"wire-{index:03d}.rss", composer=composer, first=extra, count=per_extra))
        extra += per_extra
    for index in range(shards):
        written.append(write_jsonl_gz(out / f"shard-{index:03d}.jsonl.gz", composer=composer, first=extra,
                                      count=per_extra))
        extra += per_extra
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path, help="folder to write the corpus into")
    parser.add_argument("--articles", type=int, default=20_000, help="HTML pages in WARC form (default 20000)")
    parser.add_argument("--per-file", type=int, default=2_000, help="pages per WARC file (default 2000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--feeds", type=int, default=0, help="also write this many RSS files")
    parser.add_argument("--shards", type=int, default=0, help="also write this many .jsonl.gz shards")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    written = make_corpus(args.out, articles=args.articles, per_file=args.per_file, seed=args.seed,
                          feeds=args.feeds, shards=args.shards)
    pages = sum(f.pages for f in written)
    words = sum(f.words for f in written)
    english = pages - sum(f.foreign for f in written)
    size = sum(Path(f.path).stat().st_size for f in written)
    report = {"files": len(written), "pages": pages, "foreign": pages - english,
              "mean_words_english": round(words / max(1, english)), "bytes": size,
              "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(report), file=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
