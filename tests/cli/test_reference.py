"""docs/cli.md is the parser's own help: a command or option added without regenerating it fails here."""
from pathlib import Path

from warledger.cli.reference import reference

DOC = Path(__file__).parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current():
    assert DOC.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is out of date: run .venv/bin/python -m warledger.cli.reference > docs/cli.md"
    )


def test_every_command_has_an_example():
    text = reference()
    for section in text.split("\n## ")[1:]:
        assert "example" in section.lower(), section.splitlines()[0]
