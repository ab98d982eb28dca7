"""How often the place finder puts a UCDP event in the right oblast, from the headline text alone.

    .venv/bin/python benchmarks/places_on_ucdp.py ../shared/data/dev/ucdp-2022.jsonl [--misses 40]

For every row whose first incident has an ``admin1``, the best place in the text (the first match of kind "place",
else the first oblast) is compared with UCDP's oblast. Both sides go through the gazetteer's oblast records, so
"Zaporizhzhya oblast", "Zaporizhzhia Oblast" and "Zaporozhye" are one oblast; a UCDP spelling the gazetteer does not
know stops the run. Prints the share correct, wrong and with no place, and the time per text; ``--misses N`` lists
N misses with their text (for reading locally; never copy them into the repository).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from warledger.extract.places import PlaceMatch, find_places
from warledger.gazetteer.lookup import Gazetteer


def best_match(matches: list[PlaceMatch]) -> PlaceMatch | None:
    """The first place, else the first oblast, else None."""
    for kind in ("place", "oblast"):
        for match in matches:
            if match.kind == kind:
                return match
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="UCDP gold file (JSON Lines)")
    parser.add_argument("--misses", type=int, default=0, help="list this many misses")
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.default()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    correct = wrong = missing = 0
    misses: list[str] = []
    elapsed = 0.0
    for row in rows:
        gold = (row.get("incidents") or [{}])[0].get("admin1")
        if not gold:
            continue
        gold_oblast = gazetteer.find_oblast(gold)
        if gold_oblast is None:
            sys.exit(f"unknown UCDP admin1 {gold!r}: add its spelling to oblasts.tsv")
        started = time.perf_counter()
        matches = find_places(row["text"])
        elapsed += time.perf_counter() - started
        best = best_match(matches)
        found = gazetteer.find_oblast(best.location.admin1) if best and best.location.admin1 else None
        if best is None:
            missing += 1
        elif found is not None and found.code == gold_oblast.code:
            correct += 1
            continue
        else:
            wrong += 1
        if len(misses) < args.misses:
            got = f"{best.text!r} -> {best.location.admin1}" if best else "no place"
            misses.append(f"[{gold_oblast.name} | {row['incidents'][0].get('place')}] {got}\n    "
                          f"{row['text'][:300]!r}")
    total = correct + wrong + missing
    print(f"{total} UCDP events with an oblast: correct {correct} ({100 * correct / total:.1f}%), "
          f"wrong {wrong} ({100 * wrong / total:.1f}%), no place {missing} ({100 * missing / total:.1f}%); "
          f"correct when a place was found {100 * correct / max(1, correct + wrong):.1f}%")
    print(f"find_places: {1000 * elapsed / total:.3f} ms per text on average")
    for miss in misses:
        print(miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
