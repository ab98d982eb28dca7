"""Evaluation: read gold sets, run the extractor, score it, and hold the accuracy gate.

Public and stable (the names below): gold reading (``read_gold``, ``load_sets``, ``builtin_paths``), running
(``evaluate``, ``worst``), the figures (``SetReport``, ``FIGURES``, ``ARMED_CONFLICT_TYPES``, ``macro_f1``), the gate
(``check_baseline``, ``write_baseline``) and the review listing (``least_certain``). Everything else in this package
is internal. docs/evaluation.md describes the matching rules and each figure.

The project's own gold files ship in ``warledger/eval/gold/``: ``headlines`` (short UCDP-style reports),
``snippets`` (CASE-style event-type items, negatives included) and ``articles`` (whole wire-style reports).
"""
from warledger.eval.baseline import check_baseline, make_baseline, read_baseline, write_baseline
from warledger.eval.gold import GoldItem, GoldSet, builtin_paths, load_sets, read_gold
from warledger.eval.metrics import ARMED_CONFLICT_TYPES, FIGURES, INVENTED, SetReport, macro_f1
from warledger.eval.review import least_certain, read_records
from warledger.eval.run import evaluate, worst
from warledger.eval.scoring import score_item

__all__ = [
    "ARMED_CONFLICT_TYPES",
    "FIGURES",
    "INVENTED",
    "GoldItem",
    "GoldSet",
    "SetReport",
    "builtin_paths",
    "check_baseline",
    "evaluate",
    "least_certain",
    "load_sets",
    "macro_f1",
    "make_baseline",
    "read_baseline",
    "read_gold",
    "read_records",
    "score_item",
    "worst",
    "write_baseline",
]
