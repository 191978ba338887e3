"""Bad input through the API and the command line: one line per error, exit code 2, nothing written."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from deckbuilder.api import Options, build
from deckbuilder.cli import EXIT_INPUT, app
from deckbuilder.console import guarded

# file:line:col: error[code]: ... (hint: ...)
ERROR_LINE = re.compile(r"^(?P<file>[\w./-]+\.yaml):(?P<line>\d+):\d+: error\[(?P<code>[a-z0-9-]+)\]: .+"
                        r" \(hint: .+\)$")
GOOD = "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, title: Today}\n"


def run(*args: str):
    result = CliRunner().invoke(app, ["build", *args])
    return result.exit_code, result.stdout, result.stderr


def error_lines(stderr: str) -> list[re.Match]:
    """The diagnostic lines, checking that every other line is the one-line summary."""
    lines = stderr.splitlines()
    assert lines and lines[-1].startswith("failed "), stderr
    matches = [ERROR_LINE.match(line) for line in lines[:-1]]
    assert all(matches), stderr
    return matches


# --- one line per error, with file:line and a hint, exit code 2 --------------------------------------------


def test_a_bad_outline_gives_one_line_per_error(write):
    write("talk.yaml", """\
        deck:
          title: Hope
          date: 23/11/2023
        slides:
          - id: a
            layout: bulets
            title: A
          - id: b
            title: B
            bulets: [x]
          - id: c
            layout: statement
            text: [a, list]
        """)
    code, out, err = run("talk.yaml", "--out", "out")
    assert code == EXIT_INPUT
    found = [(m["file"], int(m["line"]), m["code"]) for m in error_lines(err)]
    assert found == [("talk.yaml", 3, "wrong-type"), ("talk.yaml", 6, "bad-choice"),
                     ("talk.yaml", 10, "unknown-field"), ("talk.yaml", 13, "wrong-type")]
    assert "did you mean 'bullets'?" in err
    assert "Traceback" not in out + err
    assert not Path("out").exists()


def billion_laughs() -> str:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text, code, line", [
    ("deck:\n\ttitle: x\n", "yaml-syntax", 2),
    ("deck: {title: x}\ndeck: {title: y}\n", "duplicate-key", 2),
    ("deck: !!python/object/apply:os.system [ls]\n", "yaml-tag", 1),
    (billion_laughs(), "yaml-too-complex", 6),
    ("a: &a [*a]\n", "yaml-recursive", 1),
    ("a: " + "[" * 2000 + "]" * 2000 + "\n", "yaml-too-complex", 1),
    ("# nothing here\n", "empty-file", 1),
    ("deck: {title: x}\n---\nslides: []\n", "yaml-multiple-documents", 2),
    ("deck: {title: Caf\udce9}\n", "not-utf8", 1),
    ("deck: {title: x}\n", "no-slides", 1),
    ("deck: {title: x}\nslides:\n  - {layout: bullets, title: T, bullets: 5}\n", "wrong-type", 3),
    ("deck: {title: x}\nslides:\n  - {layout: bullets, title: T, bullets: [a], numbered: yes}\n", "wrong-type", 3),
], ids=["tab", "duplicate-key", "python-tag", "alias-bomb", "recursive-alias", "deep-nesting", "comments-only",
        "two-documents", "latin-1", "no-slides", "number-for-list", "numbered-yes"])
def test_each_kind_of_bad_file_is_one_line_and_exit_2(write, text, code, line):
    write("bad.yaml", text.encode("utf-8", "surrogateescape"))
    exit_code, out, err = run("bad.yaml", "--out", "out")
    assert exit_code == EXIT_INPUT
    [match] = error_lines(err)
    assert (match["file"], int(match["line"]), match["code"]) == ("bad.yaml", line, code)
    assert "Traceback" not in err and not Path("out").exists()


def test_a_50_mb_outline_is_refused(write):
    path = write("huge.yaml")
    with path.open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)
    exit_code, _, err = run("huge.yaml")
    assert exit_code == EXIT_INPUT
    assert err.splitlines()[0].startswith("huge.yaml: error[file-too-large]: huge.yaml is 52.4 MB")
    assert "(hint: split the outline" in err


def test_a_path_that_does_not_exist(write):
    exit_code, _, err = run("nope.yaml")
    assert exit_code == EXIT_INPUT
    assert err.splitlines()[0] == ("nope.yaml: error[file-not-found]: nope.yaml does not exist "
                                   "(hint: give an outline .yaml or a folder of outlines)")


def test_errors_in_a_story_show_while_building_its_audiences(story, write):
    write("story.yaml", GOOD.replace("layout: section", "layout: sectoin"))
    write("commissioners.yaml", "extends: story.yaml\nslides: [a, b]\n")
    exit_code, _, err = run(".", "--out", "out")
    assert exit_code == EXIT_INPUT
    assert "story.yaml:3:21: error[bad-choice]: slides.a.layout: 'sectoin' is not allowed here " \
           "(hint: did you mean 'section'?)" in err.splitlines()
    assert "commissioners.yaml:2:13: error[unknown-slide]" in err


def test_json_output_names_file_line_and_hint(write):
    write("bad.yaml", "deck: {title: x}\nslides:\n  - {layout: section, titel: T}\n")
    result = CliRunner().invoke(app, ["build", "bad.yaml", "--format", "json"])
    assert result.exit_code == EXIT_INPUT
    [report] = json.loads(result.stdout)
    assert report["output"] is None
    diag = next(d for d in report["diagnostics"] if d["code"] == "unknown-field")
    assert (diag["file"], diag["line"], diag["hint"]) == ("bad.yaml", 3, "did you mean 'title'?")


def test_a_real_process_prints_no_traceback(write):
    write("bad.yaml", "deck:\n  title: x\n  title: y\nslides: [!!python/object:os.system x]\n")
    proc = subprocess.run([sys.executable, "-m", "deckbuilder", "build", "bad.yaml"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == EXIT_INPUT
    assert "Traceback" not in proc.stderr + proc.stdout
    assert [m["code"] for m in error_lines(proc.stderr)] == ["duplicate-key", "yaml-tag"]


# --- nothing is written by a failed build ----------------------------------------------------------------


def test_a_failed_build_leaves_the_older_deck_untouched(write, tmp_path):
    path = write("talk.yaml", GOOD)
    code, out, _ = run("talk.yaml", "--out", "out")
    assert code == 0 and "built out/talk.pptx" in out
    deck = tmp_path / "out" / "talk.pptx"
    before = deck.read_bytes()
    assert before[:2] == b"PK"

    path.write_text(GOOD.replace("title: Today", "titel: Today"), encoding="utf-8")
    code, _, err = run("talk.yaml", "--out", "out")
    assert code == EXIT_INPUT and "talk.yaml:3:30: error[unknown-field]" in err
    assert deck.read_bytes() == before
    left = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert left == ["talk.pptx"]  # no temporary files left


def test_the_api_returns_errors_and_writes_nothing(write, tmp_path):
    write("story.yaml", GOOD)
    write("funders.yaml", "extends: story.yaml\nslides: [b]\n")
    [result] = build([Path("funders.yaml")], Options(out=tmp_path / "out"))
    assert not result.ok and result.output is None
    assert [d.code for d in result.diagnostics.errors] == ["unknown-slide"]
    assert not (tmp_path / "out").exists()


BAD_OUTLINES = {
    "id-list": "deck: {title: x}\nslides:\n  - {id: [a], layout: section, title: t}\n",
    "layout-null": "deck: {title: x}\nslides:\n  - {layout: null, title: t}\n",
    "only-mapping": "deck: {title: x}\nslides:\n  - {layout: section, title: t, only: {a: 1}}\n",
    "deck-list": "deck: [x]\nslides:\n  - {layout: section, title: t}\n",
    "theme-list": "deck: {title: x, theme: [a]}\nslides:\n  - {layout: section, title: t}\n",
    "theme-folder": "deck: {title: x, theme: ./}\nslides:\n  - {layout: section, title: t}\n",
    "key-list": "deck: {title: x, [a]: 1}\nslides:\n  - {layout: section, title: t}\n",
    "slides-mapping": "deck: {title: x}\nslides: {a: 1}\n",
    "slide-null": "deck: {title: x}\nslides:\n  -\n",
    "use-null": "deck: {title: x}\nslides:\n  - {use: null}\n",
    "bullet-null": "deck: {title: x}\nslides:\n  - {title: t, bullets: [null]}\n",
    "root-list": "- a\n",
    "root-text": "hello\n",
    "bad-date": "deck: {title: x, date: 2023-02-30}\nslides:\n  - {title: t, bullets: [a]}\n",
    "chart-inf": "deck: {title: x}\nslides:\n  - {layout: chart, title: t, chart: {type: pie, categories: [a], "
                 "series: [{name: s, values: [.inf]}]}}\n",
    "control-char": 'deck: {title: "x\\x01y"}\nslides:\n  - {title: t, bullets: [a]}\n',
    "extends-self": "extends: bad.yaml\n",
    "extends-list": "extends: [a]\n",
    "presenter-true": "deck: {title: x, presenter: true}\nslides:\n  - {title: t, bullets: [a]}\n",
    "all-hidden": "deck: {title: x}\nslides:\n  - {title: t, bullets: [a], hidden: true}\n",
}


@pytest.mark.parametrize("text", BAD_OUTLINES.values(), ids=BAD_OUTLINES.keys())
def test_the_api_never_raises_for_bad_input(write, tmp_path, text):
    write("bad.yaml", text)
    [result] = build([Path("bad.yaml")], Options(out=tmp_path / "out"))
    assert not result.ok and result.output is None
    for diag in result.diagnostics.errors:
        assert diag.where and diag.where.file == "bad.yaml" and diag.where.line >= 1, str(diag)
        assert "\n" not in str(diag)


# --- the last line of defence ------------------------------------------------------------------------------


def fails():
    raise ZeroDivisionError("division by zero")


def test_an_internal_error_is_one_line_asking_for_a_report(capsys):
    with pytest.raises(typer.Exit) as leaving:
        guarded(fails, debug=False)
    assert leaving.value.exit_code == 3
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert err.startswith("internal error: ZeroDivisionError: division by zero.")
    assert "please report" in err and "--debug" in err


def test_debug_shows_the_traceback():
    with pytest.raises(ZeroDivisionError):
        guarded(fails, debug=True)


# --- found in api.py / layout / checks and fixed there during this work: kept as regressions ---------------

LONG_VALUE = ("deck: {title: x}\nslides:\n  - id: a\n    layout: stat\n    title: Numbers\n    stats:\n"
              "      - {value: '1', label: one}\n      - {value: '123456789012345678901234', label: too long}\n")


def test_a_folder_build_reports_a_broken_audience_outline(story, write):
    write("funders.yaml", "extends: story.yaml\nslides: [\n")
    exit_code, _, err = run(".", "--out", "out")
    assert exit_code == EXIT_INPUT
    assert "funders.yaml:3:1: error[yaml-syntax]" in err


def test_an_overflowing_value_is_one_error_at_its_line_saying_what_to_cut_and_exit_1(write):
    write("long.yaml", LONG_VALUE)
    exit_code, _, err = run("long.yaml", "--out", "out")
    [match] = error_lines(err)  # no repeat per arrangement or size tried
    assert (match["file"], int(match["line"]), match["code"]) == ("long.yaml", 8, "overflow")
    assert "the value of stat 2 ('123456789012345678901234') needs about" in err and "fewer characters" in err
    assert exit_code == 1  # a failed check, not an input error
