"""The registry of diagnostic codes stays whole: every code the package reports is explained and has a class
(which sets the exit code), and `deckbuilder explain` prints each one."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deckbuilder.cli import EXIT_CHECK, EXIT_INPUT, EXIT_OK, app
from deckbuilder.codes import codes, exit_code
from deckbuilder.errors import Diagnostic

PACKAGE = Path(__file__).resolve().parents[1] / "deckbuilder"
CODE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
REPORTERS = {"error", "warn", "info", "fail", "_error"}  # each takes the code first; Diagnostic takes it second


def reported_codes() -> dict[str, str]:
    """Every code written in the package where a diagnostic is made, with the first file that reports it."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = node.args[1:2] if name == "Diagnostic" else node.args[:1] if name in REPORTERS else []
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and CODE.fullmatch(arg.value):
                    found.setdefault(arg.value, str(path.relative_to(PACKAGE.parent)))
    return found


def test_the_scan_finds_the_codes_of_every_kind_of_call():
    found = reported_codes()
    assert {"overflow", "render-overflow", "duplicate-key", "file-not-found", "alt-prefix"} <= set(found)
    assert len(found) > 80


def test_every_code_the_package_reports_is_registered():
    missing = {code: where for code, where in reported_codes().items() if code not in codes()}
    assert not missing, f"add these to deckbuilder/codes.yaml: {missing}"


def test_every_registered_code_is_reported_somewhere():
    assert set(codes()) - set(reported_codes()) == set()


@pytest.mark.parametrize("name", sorted(codes()))
def test_every_code_has_a_class_and_is_explained_through_the_cli(name):
    code = codes()[name]
    assert code.kind in ("input", "check")
    assert code.means.strip() and code.wrong.strip() and code.right.strip() and code.fix.strip()
    assert code.wrong != code.right
    result = CliRunner().invoke(app, ["explain", name])
    assert result.exit_code == EXIT_OK
    text = result.stdout
    assert text.startswith(f"{name}: ") and "\nWrong:\n    " in text and "\nRight:\n    " in text
    assert "\nHow to fix it:\n  " in text
    assert ("exit code 2" if code.kind == "input" else "exit code 1") in text.splitlines()[0]


def test_explain_with_no_code_lists_every_code():
    result = CliRunner().invoke(app, ["explain"])
    assert result.exit_code == EXIT_OK
    assert [line.split()[0] for line in result.stdout.splitlines()] == sorted(codes())


def test_explain_of_a_misspelt_code_suggests_the_right_one():
    result = CliRunner().invoke(app, ["explain", "noncomercial"])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == "error: no diagnostic code 'noncomercial' (hint: did you mean 'noncommercial'? " \
                            "`deckbuilder explain` lists every code)\n"


def error(code: str) -> Diagnostic:
    return Diagnostic("error", code, "…")


@pytest.mark.parametrize("code", ["no-title", "text-too-small", "overflow", "contrast", "noncommercial",
                                  "missing-alt", "missing-source"])
def test_failed_checks_exit_1_as_the_readme_promises(code):
    assert exit_code([error(code)]) == EXIT_CHECK


def test_an_input_error_exits_2_whatever_else_failed():
    assert exit_code([error("overflow"), error("unknown-field")]) == EXIT_INPUT
    assert exit_code([error("not-registered-yet")]) == EXIT_INPUT


def test_warnings_exit_1_only_with_strict():
    warning = Diagnostic("warning", "font-not-measured", "…")
    assert (exit_code([warning]), exit_code([warning], strict=True), exit_code([])) == (EXIT_OK, EXIT_CHECK, EXIT_OK)
