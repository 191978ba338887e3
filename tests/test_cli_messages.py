"""The messages a person meets most, through the CLI: each says exactly what to change, once, and nothing
changes without a word."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from deckbuilder.api import Options, build
from deckbuilder.cli import EXIT_INPUT, EXIT_OK, app
from deckbuilder.report import build_summary

GOOD = "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, title: Today}\n"


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


# --- nothing changes without a word --------------------------------------------------------------------------


def test_a_listed_slide_that_is_hidden_is_named_in_a_warning(write):
    write("story.yaml", GOOD + "  - {id: old-figures, layout: section, title: Last year, hidden: true}\n")
    write("funders.yaml", "extends: story.yaml\nslides:\n  - a\n  - old-figures\n")
    write("commissioners.yaml", "extends: story.yaml\nslides:\n  - a\n  - use: old-figures\n    hidden: false\n")
    result = run("build", ".", "--out", "out")
    assert result.exit_code == EXIT_OK
    assert result.stderr.splitlines() == [
        "funders.yaml:4:5: warning[hidden-slide]: slides: the slide 'old-figures' is listed here but is hidden: true "
        "(at story.yaml:4:66), so it is left out of this deck (hint: remove it from this list, or show it with "
        "'- use: old-figures' and 'hidden: false')"]
    assert "-funders.pptx: 1 slides, 0 images, 1 warning(s)" in result.stdout
    assert "-commissioners.pptx: 2 slides, 0 images, 0 warning(s)" in result.stdout


def test_a_story_hiding_a_slide_from_every_audience_says_nothing(write):
    write("story.yaml", GOOD + "  - {id: old-figures, layout: section, title: Last year, hidden: true}\n")
    write("funders.yaml", "extends: story.yaml\n")
    result = run("build", ".", "--out", "out")
    assert (result.exit_code, result.stderr) == (EXIT_OK, "")


def test_the_build_summary_names_the_slides_continued_on_more_slides(write):
    points = "".join(f"      - Point {i} says something long enough to take most of a line on a slide\n"
                     for i in range(14))
    write("talk.yaml", f"deck: {{title: Hope}}\nslides:\n  - id: every-point\n    title: Every point\n"
                       f"    bullets:\n{points}")
    result = run("build", "talk.yaml", "--out", "out")
    assert result.exit_code == EXIT_OK
    built, continued = result.stdout.splitlines()
    assert built.startswith("built out/talk.pptx: ")
    assert continued.startswith("  continued: every-point on ") and continued.endswith(" slides")


def test_the_build_summary_names_the_slides_rearranged(write):
    write("talk.yaml", GOOD)
    [result] = build([Path("talk.yaml")], Options(out=Path("out")))
    slide = replace(result.plan.slides[0], arranged="the columns stacked")
    result.plan = replace(result.plan, slides=(slide,))
    assert build_summary(result)[1:] == ["  rearranged: a (the columns stacked)"]


# --- one report ------------------------------------------------------------------------------------------------


def test_an_error_in_a_story_shared_by_two_audiences_is_printed_once(write):
    write("story.yaml", GOOD.replace("layout: section", "layout: sectoin"))
    write("funders.yaml", "extends: story.yaml\n")
    write("commissioners.yaml", "extends: story.yaml\n")
    result = run("build", ".", "--out", "out")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.splitlines() == [
        "story.yaml:3:21: error[bad-choice]: slides.a.layout: 'sectoin' is not allowed here (hint: did you mean "
        "'section'?)",
        "failed commissioners.yaml: 1 error(s), no deck written",
        "failed funders.yaml: 1 error(s), no deck written"]
