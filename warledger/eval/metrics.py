"""Figures of an evaluation: per-item tallies (``ItemScore``) summed into per-set figures (``SetReport``).

Every figure is a share between 0 and 1 (or None when nothing was there to measure) with its support, the number
of cases it was measured on. ``FIGURES`` lists them in table order with what each one measures; docs/evaluation.md
repeats the list, and a test keeps the two in step.

Event-type macro-F1 is the unweighted mean of the F1 of each class in ``ARMED_CONFLICT_TYPES`` that occurs in the
gold or in the predictions (a class seen in neither has no F1 and is left out, as in scikit-learn with
``labels=`` restricted to present classes). Gold or predicted types outside the list count as "another class": a
snippet coded "Peaceful protest" that is predicted "Armed clash" is a false positive of "Armed clash".
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from warledger.eval.gold import GoldItem
from warledger.eval.support import Invented

ARMED_CONFLICT_TYPES = (
    "Armed clash",
    "Shelling/artillery/missile attack",
    "Air/drone strike",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Suicide bomb",
    "Chemical weapon",
    "Attack",
    "Abduction/forced disappearance",
    "Sexual violence",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Disrupted weapons use",
)
"""The ACLED sub-event types over which event-type accuracy and macro-F1 are computed."""

FIGURES: tuple[tuple[str, str], ...] = (
    ("incident_precision", "predicted incidents that match a gold incident (incident-coded items)"),
    ("incident_recall", "gold incidents matched by a prediction"),
    ("incident_f1", "harmonic mean of incident precision and recall"),
    ("killed_exact", "matched incidents with a worded toll in gold or prediction: same killed min and max"),
    ("injured_exact", "matched incidents with a worded toll in gold or prediction: same injured min and max"),
    ("killed_in_range", "matched incidents with a UCDP toll and a predicted killed count: inside [low, high]"),
    ("killed_in_report_range", "the same cases: inside [low, high] or inside the report's summed [low, high]"),
    ("killed_given", "matched incidents with a UCDP toll: a killed count was predicted"),
    ("oblast", "gold incidents with an oblast: the aligned prediction has the same oblast"),
    ("place", "gold incidents with a place (where_prec 1-3): the aligned prediction names the same place"),
    ("date_exact", "gold incidents with a day-precise date: the aligned prediction has that day"),
    ("date_within_1", "gold incidents with a day-precise date: the aligned prediction is at most one day off"),
    ("event_type_accuracy", "gold incidents or documents of an armed-conflict type: the predicted type is it"),
    ("event_type_macro_f1", "macro-F1 over the armed-conflict types (documents, or aligned incidents)"),
    ("no_incident", "items whose gold reports no incident: no incident was emitted"),
    ("claim_precision", "predicted claims that match a gold claim"),
    ("claim_recall", "gold claims matched by a prediction"),
    ("claim_f1", "harmonic mean of claim precision and recall"),
    ("claim_qualifier", "matched claims whose gold has a qualifier: same qualifier"),
    ("claim_period", "matched claims whose gold has a period: same period start and end (to the gold's precision)"),
    ("claim_projection", "matched claims whose gold says projection or not: same flag"),
)
"""Every figure, in table order, with what it measures."""

INVENTED: tuple[tuple[str, str], ...] = (
    ("invented_numbers", "killed/injured/missing or claim figures that no cited evidence writes"),
    ("invented_places", "place names that occur nowhere in the text, in any spelling"),
    ("invented_dates", "dates with no date evidence that are not the publication date"),
)
"""Counts of unsupported values: the gate pins a ceiling on each, not a floor."""


@dataclass(slots=True)
class Ratio:
    """``hit`` of ``total`` cases were right."""

    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hit += int(ok)

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None


def prf(matched: int, predicted: int, gold: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1. A share with nothing to divide by is None; F1 is None only when there was
    nothing at all (no gold, no prediction), else a missing share counts as 0."""
    if predicted == 0 and gold == 0:
        return None, None, None
    precision = matched / predicted if predicted else None
    recall = matched / gold if gold else None
    p, r = precision or 0.0, recall or 0.0
    f1 = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return precision, recall, f1


def class_f1(pairs: Sequence[tuple[str | None, str | None]], label: str) -> float | None:
    """F1 of one class over (gold, predicted) pairs; None when the class is in neither column."""
    tp = sum(1 for g, p in pairs if g == label and p == label)
    fp = sum(1 for g, p in pairs if p == label and g != label)
    fn = sum(1 for g, p in pairs if g == label and p != label)
    if tp + fp + fn == 0:
        return None
    return 2 * tp / (2 * tp + fp + fn)


def macro_f1(
    pairs: Sequence[tuple[str | None, str | None]], classes: Sequence[str] = ARMED_CONFLICT_TYPES
) -> tuple[float | None, dict[str, float]]:
    """Unweighted mean F1 over the ``classes`` present in gold or predictions, and the F1 of each of them."""
    per_class = {label: f1 for label in classes if (f1 := class_f1(pairs, label)) is not None}
    if not per_class:
        return None, {}
    return sum(per_class.values()) / len(per_class), per_class


@dataclass(slots=True)
class ItemScore:
    """What one gold item contributed, and what went wrong with it."""

    item: GoldItem
    set_name: str
    gold_incidents: int = 0
    predicted_incidents: int = 0
    matched_incidents: int = 0
    gold_claims: int = 0
    predicted_claims: int = 0
    matched_claims: int = 0
    ratios: dict[str, Ratio] = field(default_factory=dict)
    type_pairs: list[tuple[str | None, str | None]] = field(default_factory=list)
    invented: Invented = field(default_factory=Invented)
    problems: list[tuple[float, str]] = field(default_factory=list)
    """(weight, description) of each miss; the weights add up to ``loss``."""
    gold_lines: list[str] = field(default_factory=list)
    predicted_lines: list[str] = field(default_factory=list)

    def ratio(self, name: str) -> Ratio:
        return self.ratios.setdefault(name, Ratio())

    def problem(self, weight: float, text: str) -> None:
        self.problems.append((weight, text))

    @property
    def loss(self) -> float:
        return sum(weight for weight, _ in self.problems)


@dataclass(slots=True)
class SetReport:
    """The figures of one gold set, their supports, and the item scores behind them (for ``--errors``)."""

    name: str
    path: str
    sha256: str
    items: int
    figures: dict[str, float | None]
    support: dict[str, int]
    invented: dict[str, int]
    per_class_f1: dict[str, float] = field(default_factory=dict)
    scores: list[ItemScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``--format json``), without the item scores."""
        return {
            "name": self.name,
            "path": self.path,
            "sha256": self.sha256,
            "items": self.items,
            "figures": self.figures,
            "support": self.support,
            "invented": self.invented,
            "per_class_f1": self.per_class_f1,
        }


def _sum_ratios(scores: Iterable[ItemScore]) -> dict[str, Ratio]:
    total: dict[str, Ratio] = {}
    for score in scores:
        for name, ratio in score.ratios.items():
            into = total.setdefault(name, Ratio())
            into.hit += ratio.hit
            into.total += ratio.total
    return total


def summarise(name: str, *, path: str, sha256: str, scores: Sequence[ItemScore]) -> SetReport:
    """Add up the item scores of one set into its figures."""
    figures: dict[str, float | None] = {key: None for key, _ in FIGURES}
    support: dict[str, int] = {key: 0 for key, _ in FIGURES}
    gold_i = sum(s.gold_incidents for s in scores)
    pred_i = sum(s.predicted_incidents for s in scores)
    match_i = sum(s.matched_incidents for s in scores)
    figures["incident_precision"], figures["incident_recall"], figures["incident_f1"] = prf(match_i, pred_i, gold_i)
    support.update(incident_precision=pred_i, incident_recall=gold_i, incident_f1=gold_i + pred_i)
    gold_c = sum(s.gold_claims for s in scores)
    pred_c = sum(s.predicted_claims for s in scores)
    match_c = sum(s.matched_claims for s in scores)
    figures["claim_precision"], figures["claim_recall"], figures["claim_f1"] = prf(match_c, pred_c, gold_c)
    support.update(claim_precision=pred_c, claim_recall=gold_c, claim_f1=gold_c + pred_c)
    for key, ratio in _sum_ratios(scores).items():
        figures[key] = ratio.value
        support[key] = ratio.total
    pairs = [pair for s in scores for pair in s.type_pairs]
    figures["event_type_macro_f1"], per_class = macro_f1(pairs)
    support["event_type_macro_f1"] = len(pairs) if per_class else 0
    invented = {
        "invented_numbers": sum(len(s.invented.numbers) for s in scores),
        "invented_places": sum(len(s.invented.places) for s in scores),
        "invented_dates": sum(len(s.invented.dates) for s in scores),
    }
    support.update(
        invented_numbers=sum(s.invented.numbers_checked for s in scores),
        invented_places=sum(s.invented.places_checked for s in scores),
        invented_dates=sum(s.invented.dates_checked for s in scores),
    )
    return SetReport(name, path, sha256, len(scores), figures, support, invented, per_class, list(scores))
