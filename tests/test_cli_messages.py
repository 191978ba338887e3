"""The messages a person meets most, through the CLI: each says exactly what to change, once, and nothing
changes without a word."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from deckbuilder.cli import EXIT_INPUT, EXIT_OK, app
from deckbuilder.colors import contrast

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
                     for i in range(30))
    write("talk.yaml", f"deck: {{title: Hope}}\nslides:\n  - id: every-point\n    title: Every point\n"
                       f"    bullets:\n{points}")
    result = run("build", "talk.yaml", "--out", "out")
    assert result.exit_code == EXIT_OK
    built, continued = result.stdout.splitlines()
    assert built.startswith("built out/talk.pptx: ")
    assert continued.startswith("  continued: every-point on ") and continued.endswith(" slides")


def test_the_build_summary_names_the_slides_rearranged(write):
    stats = "".join(f"      - {{value: '{v}', label: of something}}\n" for v in ("£2.3 million", "4,141 tonnes",
                                                                               "1,001 days", "312"))
    write("talk.yaml", f"deck: {{title: Hope}}\nslides:\n  - id: numbers\n    layout: stat\n    title: Numbers\n"
                       f"    stats:\n{stats}")
    result = run("build", "talk.yaml", "--out", "out")
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines()[1:] == ["  rearranged: numbers (the units on a smaller line)"]


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


# --- YAML's own traps: text that needs quotes ------------------------------------------------------------------


def test_a_point_with_a_colon_is_text_that_needs_quotes(write):
    write("talk.yaml", "deck: {title: Hope}\nslides:\n  - id: news\n    title: News\n    bullets:\n"
                       "      - Update: the Saturday sessions start in March\n")
    result = run("check", "talk.yaml")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.splitlines()[:4] == [
        "talk.yaml:6:9: error[needs-quotes]: slides.news.bullets[0]: this was read as a field 'Update', because YAML "
        "splits unquoted text at ': ' (hint: put the text in quotes: - \"Update: the Saturday sessions start in "
        "March\")",
        "  6 |       - Update: the Saturday sessions start in March",
        "    |               ^ YAML split the text here",
        "fix |       - \"Update: the Saturday sessions start in March\""]


def test_a_comma_inside_braces_is_text_that_needs_quotes(write):
    write("talk.yaml", "deck: {title: Hope}\nslides:\n  - id: money\n    layout: stat\n    title: Money\n"
                       "    stats:\n      - {value: \"£5 million\", label: donated by Asda, alongside the site}\n")
    result = run("check", "talk.yaml")
    assert result.exit_code == EXIT_INPUT
    first, line, caret, fixed = result.stderr.splitlines()[:4]
    assert first.startswith("talk.yaml:7:38: error[needs-quotes]: slides.money.stats[0]: the text after the comma "
                            "was read as a field 'alongside the site'")
    assert caret == "    |                                                     ^ YAML split the text here"
    assert line[caret.index("^")] == ","
    assert fixed == "fix |       - {value: \"£5 million\", label: \"donated by Asda, alongside the site\"}"


def test_a_number_split_at_its_comma_in_a_list_is_text_that_needs_quotes(write):
    write("talk.yaml", "deck: {title: Hope}\nslides:\n  - id: a\n    title: Money\n"
                       "    bullets: [Help finding volunteers, A grant of £180,000 a year]\n")
    result = run("check", "talk.yaml")
    assert result.exit_code == EXIT_INPUT
    first, line, caret, fixed = result.stderr.splitlines()[:4]
    assert first.startswith("talk.yaml:5:40: error[needs-quotes]: 'A grant of £180' and '000 a year' were read as "
                            "two items, because YAML splits a [list] at every comma")
    assert line[caret.index("^")] == ","
    assert fixed == "fix |     bullets: [Help finding volunteers, \"A grant of £180,000 a year\"]"


def test_a_colon_inside_a_value_is_text_that_needs_quotes(write):
    write("talk.yaml", "deck: {title: Hope}\nslides:\n  - id: a\n    layout: section\n    title: Note: this matters\n")
    result = run("check", "talk.yaml")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.splitlines()[:4] == [
        "talk.yaml:5:12: error[needs-quotes]: this text holds ': ', where YAML starts a new field (hint: put the "
        "text in quotes: title: \"Note: this matters\")",
        "  5 |     title: Note: this matters",
        "    |                ^ YAML split the text here",
        "fix |     title: \"Note: this matters\""]


def test_a_colon_inside_braces_is_text_that_needs_quotes(write):
    write("talk.yaml", "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, title: Note: this}\n")
    result = run("check", "talk.yaml")
    assert result.exit_code == EXIT_INPUT
    assert "(hint: put the text in quotes: - {id: a, layout: section, title: \"Note: this\"})" in result.stderr


def test_a_misspelt_field_is_still_a_typo_not_text(write):
    write("talk.yaml", "deck: {title: Hope}\nslides:\n  - id: a\n    title: A\n    bullets:\n      - txt: A point\n")
    result = run("check", "talk.yaml")
    assert "error[unknown-field]" in result.stderr and "did you mean 'text'?" in result.stderr
    assert "needs-quotes" not in result.stderr


# --- licences: the phrasings people write point at the right id -------------------------------------------------


@pytest.mark.parametrize("written, licence_id", [
    ("own work", "LicenseRef-Own"), ("taken by us", "LicenseRef-Own"),
    ("public domain", "CC-PDM-1.0"), ("CC BY-NC 4.0 International", "CC-BY-NC-4.0"),
    ("Attribution 4.0 International (CC BY 4.0)", "CC-BY-4.0"),
    ("all rights reserved, used with permission", "LicenseRef-Permission"), ("© Jane Smith", "LicenseRef-Permission"),
    ("CC-BY-SA4.0", "CC-BY-SA-4.0"),
])
def test_a_licence_phrasing_points_at_the_right_id(write, written, licence_id):
    Path("assets/photos").mkdir(parents=True)
    Image.new("RGB", (300, 200), (200, 120, 40)).save("assets/photos/harbour.jpg")
    write("assets/images.yaml", f"harbour:\n  file: photos/harbour.jpg\n  alt: Boats in a harbour at dawn.\n"
                                f"  author: Jane Smith\n  source: https://example.org/harbour\n  licence: {written}\n")
    write("talk.yaml", "deck: {title: Hope}\nslides:\n  - {id: a, layout: image, title: Harbour, image: harbour}\n")
    result = run("check", "talk.yaml")
    [diag] = [line for line in result.stderr.splitlines() if "harbour.licence" in line]
    assert diag.startswith("assets/images.yaml:6:12: ")
    assert f"(hint: write licence: {licence_id}" in diag


# --- contrast: every target at once, and a colour that passes them all ------------------------------------------


def test_a_theme_colour_gets_every_target_at_once_and_a_colour_that_passes_them(write):
    write("green.yaml", 'name: Green\ncolors:\n  primary: "#7FB069"\n  muted: "#9AA5AD"\n')
    write("talk.yaml", "deck: {title: Hope, theme: green.yaml}\nslides:\n  - {id: a, layout: section, title: A}\n")
    result = run("check", "talk.yaml")
    assert result.exit_code == EXIT_INPUT
    primary, muted, _ = result.stderr.splitlines()
    assert primary == (
        "green.yaml:3:12: error[theme-contrast]: colors.primary: primary #7FB069 must reach 3:1 on background #FFFFFF "
        "(it has 2.53:1) and 4.5:1 under white or near-black text, as on section and title slides (it has 7.48:1) "
        "(hint: try #6DA256, the nearest colour of the same hue that meets every target; check at "
        "webaim.org/resources/contrastchecker)")
    assert "muted #9AA5AD must reach 4.5:1 on background #FFFFFF (it has 2.51:1) and 4.5:1 on surface" in muted
    suggested = re.search(r"try #(\w{6})", muted).group(1)
    assert contrast(suggested, "FFFFFF") >= 4.5 and contrast(suggested, "F3F4F6") >= 4.5
    write("green.yaml", f'name: Green\ncolors:\n  primary: "#6DA256"\n  muted: "#{suggested}"\n')
    fixed = run("check", "talk.yaml")
    assert fixed.exit_code == EXIT_OK, fixed.output
