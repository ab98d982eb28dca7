"""Run by test_store_durability.py as a subprocess: store numbered documents until killed.

Usage: python ingest_child.py DB_PATH MODE   (MODE "one": ``add`` per document; "many": ``add_many`` in batches of 3)
After each commit it prints the last committed document number and flushes, so the parent knows what is durable.
"""
from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ledger_samples import numbered  # noqa: E402

from warledger.store import Ledger  # noqa: E402


def main() -> None:
    path, mode = sys.argv[1], sys.argv[2]
    with Ledger(path) as ledger:
        if mode == "one":
            for n in count():
                ledger.add(numbered(n))
                sys.stdout.write(f"{n}\n")
                sys.stdout.flush()
        else:
            for start in count(0, 3):
                ledger.add_many((numbered(n) for n in range(start, start + 3)), batch=3)
                sys.stdout.write(f"{start + 2}\n")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
