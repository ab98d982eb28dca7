"""``warledger eval`` (accuracy on gold sets, and the accuracy gate) and ``warledger review`` (least certain first).

Both are thin wrappers over ``warledger.eval``:

    warledger eval --builtin                                   # the project's own gold sets
    warledger eval ../shared/data/dev/ucdp-2022.jsonl --errors 10
    warledger eval ../shared/seed/expected.json                # the seed, converted on the fly
    warledger eval --builtin --write-baseline                  # re-pin eval/baseline.json after a conscious change
    warledger eval --builtin ../shared/seed/expected.json --calibrate   # refit the confidence table
    warledger review --db warledger.duckdb -n 20
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from warledger.cli.common import DEFAULT_DB
from warledger.errors import ConfigError
from warledger.eval.baseline import (
    DEFAULT_BASELINE,
    DEFAULT_MARGIN,
    check_baseline,
    read_baseline,
    render_slack,
    slack,
    write_baseline,
)
from warledger.eval.calibration import (
    CalibrationReport,
    calibration_report,
    calibration_sets,
    collect_outcomes,
    fit_table,
    render_calibration,
    write_table,
)
from warledger.eval.gold import GoldSet, load_sets
from warledger.eval.review import least_certain, read_records, render_review, render_review_json
from warledger.eval.run import as_json, evaluate, render_classes, render_errors, render_table, worst
from warledger.extract.confidence import load_table, read_table
from warledger.fuse.evaluate import BUILTIN_PAIRS, pairwise_scores, read_pairs

log = logging.getLogger(__name__)

EVAL_EXAMPLE = """examples:
  warledger eval --builtin
  warledger eval ../shared/data/dev/ucdp-2022.jsonl ../shared/data/dev/case2021-dev.jsonl --errors 10
  warledger eval ../shared/seed/expected.json
  warledger eval --builtin --write-baseline
  warledger eval --builtin ../shared/seed/expected.json --calibration
  warledger eval --builtin ../shared/seed/expected.json --calibrate

Gold files: JSON Lines in the gold schema (docs/evaluation.md), a JSON list of such items, or the seed's
expected.json. Figures are shares (support in brackets); invented counts are count/checked."""

REVIEW_EXAMPLE = """examples:
  warledger review --db warledger.duckdb -n 20
  warledger extract page.txt --format jsonl > page.jsonl && warledger review page.jsonl"""


GATE_ROWS = 12
"""How many of the tightest pinned figures ``--check-baseline`` shows."""


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is not a count; use a whole number >= 0")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser("eval", help="measure extraction accuracy on gold sets",
                       description="Run the extractor on gold sets and print per-set, per-field figures.\n\n"
                       + EVAL_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold", nargs="*", metavar="GOLD", help="gold files (.jsonl, or the seed's expected.json)")
    p.add_argument("--builtin", action="store_true", help="also evaluate the project's own gold sets (the gate's)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json")
    p.add_argument("--errors", type=_positive, default=0, metavar="N",
                   help="also list the N worst misses with their text, gold and prediction")
    p.add_argument("--limit", type=_positive, default=None, metavar="N", help="only the first N items of each set")
    p.add_argument("--classes", action="store_true", help="also print the event-type F1 of each class")
    p.add_argument("--baseline", default=str(DEFAULT_BASELINE), metavar="FILE",
                   help=f"the gate's baseline file (default {DEFAULT_BASELINE})")
    gate = p.add_mutually_exclusive_group()
    gate.add_argument("--check-baseline", action="store_true",
                      help="exit 1 when a figure is below its floor or a gold file changed")
    gate.add_argument("--write-baseline", action="store_true",
                      help=f"pin the current figures minus {DEFAULT_MARGIN} as floors, with the gold files' hashes")
    p.add_argument("--calibration", action="store_true",
                   help="also print the reliability of the confidence (per kind: bins, ECE raw and calibrated)")
    p.add_argument("--calibrate", action="store_true",
                   help="refit the confidence table (warledger/vocab/confidence_calibration.tsv) on the sets that "
                   "code every incident, and print its reliability")
    p.set_defaults(func=run_eval)

    p = sub.add_parser("review", help="list the least certain incidents and claims, with their evidence",
                       description="List stored (or extracted) records by confidence, lowest first, so a person "
                       "checks those first.\n\n" + REVIEW_EXAMPLE,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("records", nargs="?", metavar="RECORDS.jsonl",
                   help="records printed by `warledger extract --format jsonl` (default: the database)")
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the DuckDB database (default ./{DEFAULT_DB})")
    p.add_argument("-n", type=_positive, default=20, metavar="N", help="how many records (default 20)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    p.set_defaults(func=run_review)


def run_eval(args: argparse.Namespace) -> int:
    if not args.gold and not args.builtin:
        raise ConfigError("eval: give one or more gold files, or --builtin for the project's own sets", code="E201")
    if (args.write_baseline or args.check_baseline) and args.limit is not None:
        raise ConfigError("--limit: the baseline is pinned on whole sets; drop --limit", code="E201")
    if args.calibrate and args.limit is not None:
        raise ConfigError("--limit: the confidence table is fitted on whole sets; drop --limit", code="E201")
    sets = load_sets(args.gold, builtin=args.builtin)
    calibration = _calibration(sets, args) if args.calibration or args.calibrate else None
    reports = evaluate(sets, limit=args.limit)
    errors = worst(reports, args.errors) if args.errors else []
    fusion = pairwise_scores(read_pairs(BUILTIN_PAIRS)) if args.builtin else None
    if args.format == "json":
        out = as_json(reports, errors=errors)
        if calibration is not None:
            out["calibration"] = calibration.to_dict()
        if fusion is not None:
            out["fusion_pairs"] = {"precision": fusion.precision, "recall": fusion.recall, "f1": fusion.f1,
                                   "pairs": fusion.pairs, "wrong": len(fusion.errors)}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(render_table(reports))
        if fusion is not None:
            print()
            print(fusion.summary())
        if args.classes and (classes := render_classes(reports)):
            print()
            print(classes)
        if errors:
            print()
            print(render_errors(errors))
        if calibration is not None:
            print()
            print(render_calibration(calibration))
    if args.write_baseline:
        write_baseline(reports, args.baseline)
        print(f"wrote {args.baseline} ({len(reports)} sets)", file=sys.stderr)
    if args.check_baseline:
        baseline = read_baseline(args.baseline)
        failures = check_baseline(reports, baseline)
        print(render_slack(slack(reports, baseline), limit=GATE_ROWS), file=sys.stderr)
        for failure in failures:
            print(f"warledger: gate: {failure}", file=sys.stderr)
        if failures:
            return 1
        print(f"gate: every figure at or above its floor in {args.baseline}", file=sys.stderr)
    return 0


def _calibration(sets: list[GoldSet], args: argparse.Namespace) -> CalibrationReport:
    """Collect raw-confidence outcomes on the sets that code every incident; with ``--calibrate`` refit and write
    the table (before the figures are measured, so that they use it). The reliability is of the table in use."""
    used = calibration_sets(sets)
    if not used:
        raise ConfigError("--calibration: no gold set here codes every incident of its texts; give --builtin or "
                          "../shared/seed/expected.json", code="E201")
    outcomes = collect_outcomes(used, limit=args.limit)
    if args.calibrate:
        path = write_table(fit_table(outcomes), used)
        load_table.cache_clear()
        print(f"wrote {path} (fitted on {', '.join(gold.name for gold in used)})", file=sys.stderr)
        table = read_table(path)
    else:
        table = load_table()
    return calibration_report(outcomes, table, sets=[gold.name for gold in used])


def run_review(args: argparse.Namespace) -> int:
    if args.records:
        found = least_certain(read_records(args.records), args.n)
    else:
        from warledger.store import Ledger

        with Ledger(args.db, read_only=True) as ledger:
            found = least_certain(ledger, args.n)
    print(render_review_json(found) if args.format == "json" else render_review(found))
    return 0
