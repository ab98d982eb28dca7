"""Fusion: one real-world event seen in many reports becomes one ``Event``; repeated estimates become one claim.

The public face of this package (everything else is internal; docs/fusion.md has the rules)::

    fuse(incidents, *, previous=())           -> list[Event]     incidents: (Incident, ArticleMeta) pairs
    fuse_incremental(new, existing, *, known) -> list[Event]     equals fuse() over old + new
    compare(a, b) -> MergeDecision(same, score, reasons, veto)   a, b: Report.of(incident, meta)
    registry(claims, *, articles=None) -> list[RegistryClaim]
    series(claims, *, articles=None) -> {(side, population, metric): {claimant: [RegistryClaim, ...]}}
    import_estimates_csv(path) -> list[Claim]
    pairwise_scores(pairs) -> PairScores(precision, recall, ...)   pairs: read_pairs(path)
"""
from warledger.fuse.claims_registry import import_estimates_csv, registry, series
from warledger.fuse.compare import DEFAULT_SETTINGS, FusionSettings, MergeDecision, compare
from warledger.fuse.evaluate import PairScores, pairwise_scores, read_pairs
from warledger.fuse.events import fuse, fuse_incremental
from warledger.fuse.reports import ArticleMeta, Report

__all__ = [
    "DEFAULT_SETTINGS",
    "ArticleMeta",
    "FusionSettings",
    "MergeDecision",
    "PairScores",
    "Report",
    "compare",
    "fuse",
    "fuse_incremental",
    "import_estimates_csv",
    "pairwise_scores",
    "read_pairs",
    "registry",
    "series",
]
