"""A claim's period against the gold's: the gold's precision, and an open end as the time of the report."""
from __future__ import annotations

import dataclasses

import pytest
from eval_builders import claim, gold_claim

from warledger.eval.scoring import period_agrees

TEXT = "Britain estimated that 40,000 soldiers had been killed since February 2022."


@pytest.mark.parametrize(
    ("predicted", "as_of", "gold", "ok"),
    [
        (("2022-02-24", "2025-02-24"), "2025-02-24", ("2022-02", None), True),  # closed on the report's date
        (("2022-02", None), None, ("2022-02", None), True),  # left open as the gold does
        (("2022-02", "2024-10"), "2025-02-24", ("2022-02", None), False),  # closed earlier than the report
        (("2022-03", None), None, ("2022-02", None), False),
        (("2022-02", "2024-10-31"), "2025-02-24", ("2022-02", "2024-10"), True),
        ((None, "2024-10"), None, ("2022-02", "2024-10"), False),
        ((None, "2024-12"), None, (None, "2024-12"), True),  # a start the gold leaves open must be open
        (("2024-01", "2024-12"), None, (None, "2024-12"), False),
    ],
)
def test_period_agrees(predicted, as_of, gold, ok):
    got = dataclasses.replace(claim(TEXT, period=predicted), as_of=as_of)
    assert period_agrees(got, gold_claim(period=gold)) is ok
