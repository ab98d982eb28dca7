"""docs/evaluation.md documents every figure, every armed-conflict class and every option of the commands."""
from __future__ import annotations

import argparse
from pathlib import Path

from warledger.cli import eval as eval_cli
from warledger.eval.metrics import ARMED_CONFLICT_TYPES, FIGURES, INVENTED

DOC = (Path(__file__).resolve().parents[2] / "docs" / "evaluation.md").read_text(encoding="utf-8")


def test_every_figure_is_documented() -> None:
    missing = [key for key, _ in (*FIGURES, *INVENTED) if f"`{key}`" not in DOC]
    assert not missing


def test_every_class_is_listed() -> None:
    missing = [label for label in ARMED_CONFLICT_TYPES if f"- {label}\n" not in DOC]
    assert not missing


def test_every_option_is_documented() -> None:
    parser = argparse.ArgumentParser(prog="warledger")
    sub = parser.add_subparsers()
    eval_cli.register(sub)
    options = [opt for command in sub.choices.values() for action in command._actions
               for opt in action.option_strings if opt.startswith("--") and opt != "--help"]
    assert options and not [opt for opt in options if opt not in DOC]
