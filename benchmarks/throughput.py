"""End-to-end throughput on one core: read -> clean -> extract -> store, for ~500-word articles.

    .venv/bin/python benchmarks/throughput.py [--articles 400] [--words 500]

Writes a generated corpus of plain-text pages (boilerplate, captions and all) to a temporary folder, then times
``warledger ingest`` the way the CLI runs it, in this one process (one core), into a fresh DuckDB file. Prints
articles/second for the extraction alone and for the whole ingest. The corpus is composed from templates written for
this project, so the figure does not depend on any third-party text.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from warledger.ingest import read_sources
from warledger.pipeline import process
from warledger.records import Extraction
from warledger.store import Ledger

PLACES = ["Kharkiv", "Odesa", "Kherson", "Zaporizhzhia", "Dnipro", "Sumy", "Mykolaiv", "Kramatorsk", "Izium",
          "Nikopol", "Chernihiv", "Pokrovsk", "Kostiantynivka", "Lviv", "Poltava", "Kryvyi Rih"]
WEAPONS = ["drone", "missile", "glide bomb", "artillery", "rocket", "ballistic missile"]
TARGETS = ["an apartment block", "a school", "a power substation", "a hospital", "the railway station",
           "a grain terminal", "a church", "a market", "private houses", "a warehouse"]
NUMBERS = ["two", "three", "four", "five", "seven", "at least nine", "12", "more than 20", "a couple of", "dozens of"]
DAYS = ["on Monday", "on Tuesday", "overnight", "early on Wednesday", "on Thursday evening", "yesterday"]
OFFICIALS = ["regional governor Oleh Kiper", "the head of the regional military administration",
             "mayor Ihor Terekhov", "the State Emergency Service", "police", "the regional prosecutor's office"]
FILLER = [
    "Air raid sirens sounded across the region for more than two hours before the all-clear was given.",
    "Residents spent the night in shelters and metro stations as the attack continued.",
    "Rescue teams worked through the morning to clear debris and check the damaged buildings for survivors.",
    "The city has been targeted repeatedly since the start of the full-scale invasion.",
    "Local authorities said schools would switch to remote learning for the rest of the week.",
    "Power engineers were working to restore electricity to the affected districts.",
    "Ukraine's air force said most of the drones launched overnight had been shot down or jammed.",
    "Diplomats said the next round of talks was expected to take place later this month.",
    "Volunteers handed out water and blankets to people whose windows had been blown out.",
    "The attack came as officials warned of further strikes on energy infrastructure ahead of winter.",
]
FURNITURE = ["Sign up for our daily briefing", "Share this article", "Comments", "Log in to join the conversation",
             "Advertisement", "Read more"]


def compose(rng: random.Random, words: int) -> str:
    place = rng.choice(PLACES)
    furniture = rng.choice(FURNITURE)  # drawn first: the corpus stays the one the README's figures were measured on
    headline = f"{rng.choice(WEAPONS).capitalize()} attack on {place} kills {rng.choice(NUMBERS[:5])}"
    lines = [furniture, headline,
             f"Officials said the strike {rng.choice(DAYS)} also damaged {rng.choice(TARGETS)}"]
    body: list[str] = []
    while sum(len(p.split()) for p in body) < words:
        kind = rng.random()
        if kind < 0.3:
            body.append(
                f"A Russian {rng.choice(WEAPONS)} attack on {rng.choice(PLACES)} {rng.choice(DAYS)} killed "
                f"{rng.choice(NUMBERS)} people and injured {rng.choice(NUMBERS)} others, {rng.choice(OFFICIALS)} said."
            )
        elif kind < 0.45:
            body.append(f"The strike also damaged {rng.choice(TARGETS)} and {rng.choice(TARGETS)}, officials added.")
        else:
            body.append(" ".join(rng.sample(FILLER, 3)))
    lines += body + [rng.choice(FURNITURE)]
    return "\n\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        total_words = 0
        for n in range(args.articles):
            text = compose(rng, args.words)
            total_words += len(text.split())
            (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        # warm-up: load vocabularies, the gazetteer and the spaCy model once, as a long-running ingest would
        list(process(read_sources([str(folder / "00000.txt")], published="2026-01-28")))

        start = time.perf_counter()
        results = [r for r in process(read_sources([str(folder)], published="2026-01-28")) if isinstance(r, Extraction)]
        extract_seconds = time.perf_counter() - start

        start = time.perf_counter()
        with Ledger(Path(tmp) / "bench.duckdb") as ledger:
            stats = ledger.add_many(process(read_sources([str(folder)], published="2026-01-28")))
        ingest_seconds = time.perf_counter() - start

    incidents = sum(len(r.incidents) for r in results)
    print(f"corpus: {args.articles} articles, {total_words / args.articles:.0f} words each on average")
    print(f"extract (read, clean, extract): {args.articles / extract_seconds:.1f} articles/s "
          f"({total_words / extract_seconds:,.0f} words/s), {incidents} incidents")
    print(f"ingest (read, clean, extract, store in DuckDB): {stats.articles_added / ingest_seconds:.1f} articles/s")


if __name__ == "__main__":
    main()
