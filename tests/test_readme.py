"""The README stays true: its two commands, CI running the same test command, and the generated reference."""
from __future__ import annotations

import re
from pathlib import Path

from deckbuilder.report import END, START, reference_markdown

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)[:2]


def test_the_readme_opens_with_a_build_command_and_a_test_command():
    build, test = commands()
    assert README.index(build) < 800
    assert "deckbuilder build decks/story-of-hope decks/gallery.yaml" in build
    assert "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in ci.splitlines()


def test_the_reference_is_generated_from_the_schemas():
    block = README.split(START, 1)[1].split(END, 1)[0]
    assert block == "\n" + reference_markdown(), "run: python -m deckbuilder.report README.md"


def test_every_command_in_the_table_exists():
    from typer.testing import CliRunner

    from deckbuilder.cli import app

    for name in re.findall(r"^\| `deckbuilder (\w+)", README, re.MULTILINE):
        assert CliRunner().invoke(app, [name, "--help"]).exit_code == 0, name
