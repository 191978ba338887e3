"""Themes: built-in ones load clean; a theme file's mistakes are all reported with file, line and fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.errors import BuildError, Diagnostics, Loc
from deckbuilder.model.theme import builtin_themes, load_theme, theme_path

WHERE = Loc("story.yaml", 7, 10)
GOOD = """\
name: Brand
colors: {primary: "#0F5C63"}
"""


def load(name: str):
    """(Theme or None, every diagnostic, collected or raised)."""
    diags = Diagnostics()
    try:
        return load_theme(name, WHERE, diags), list(diags)
    except BuildError as exc:
        diags.extend(exc.diagnostics)
        return None, list(diags)


@pytest.mark.parametrize("name", sorted(builtin_themes()))
def test_builtin_themes_load_clean(name):
    theme, diags = load(name)
    assert diags == [] and theme.path == builtin_themes()[name]
    assert len(theme.colors) == 8 and theme.fonts and theme.sizes and theme.margins  # seven roles, and titles
    assert theme.colors["title"] == theme.colors["primary"] and theme.colors["title"].slot == "tx2"


def test_defaults_are_filled_in(write):
    write("brand.yaml", GOOD + "sizes: {title: 36}\n")
    theme, diags = load("brand.yaml")
    assert diags == []
    assert theme.colors["primary"] == "0F5C63" and theme.colors["background"] == "FFFFFF"
    assert theme.sizes["title"] == 36 and theme.sizes["body"] == 28
    assert theme.fonts == {"heading": "Calibri", "body": "Calibri"}
    assert (theme.slide_numbers, theme.size, theme.template) == (True, "16:9", None)


def test_a_template_is_found_next_to_the_theme(write, tmp_path):
    write("assets/brand/theme.yaml", GOOD + "template: org.pptx\n")
    theme, diags = load("assets/brand/theme.yaml")
    assert diags == [] and theme.template == Path("assets/brand/org.pptx")


def test_every_mistake_in_a_theme_is_reported_then_the_theme_is_refused(write):
    write("brand.yaml", """\
        name: Brand
        colors:
          primary: "#0F5C6"
          accent: #C2410C
        fonts: {heading: Calibri, bdy: Calibri}
        sizes: {title: 300}
        slide_numbers: yes
        """)
    theme, diags = load("brand.yaml")
    assert theme is None
    assert [(d.code, d.where.file, d.where.line, d.path) for d in diags] == [
        ("bad-colour", "brand.yaml", 3, "colors.primary"),
        ("bad-colour", "brand.yaml", 4, "colors.accent"),
        ("unknown-field", "brand.yaml", 5, "fonts.bdy"),
        ("out-of-range", "brand.yaml", 6, "sizes.title"),
        ("wrong-type", "brand.yaml", 7, "slide_numbers"),
        ("bad-theme", "story.yaml", 7, "deck.theme"),
    ]
    assert diags[0].hint == 'write six hex digits in quotes, e.g. "#1B6B73"'
    assert "'#' starts a comment" in diags[1].message
    assert diags[2].hint == "did you mean 'body'?"
    assert "brand.yaml has errors" in diags[5].message


def test_a_misspelt_section_is_one_error(write, one):
    write("brand.yaml", "name: Brand\ncolours: {primary: '#0F5C63'}\n")
    diags = load("brand.yaml")[1]
    diag = one(diags, "unknown-field")
    assert diag.where == Loc("brand.yaml", 2, 1) and diag.hint == "did you mean 'colors'?"
    assert [d.code for d in diags] == ["unknown-field", "bad-theme"]


def test_body_min_above_body(write, one):
    write("brand.yaml", GOOD + "sizes: {body: 20, body_min: 24}\n")
    diag = one(load("brand.yaml")[1], "bad-size")
    assert diag.where == Loc("brand.yaml", 3, 29) and "body_min" in diag.hint


def test_a_theme_that_is_not_a_mapping(write, one):
    write("brand.yaml", "- a\n")
    diag = one(load("brand.yaml")[1], "wrong-type")
    assert diag.where == Loc("brand.yaml", 1, 1)


# --- finding the theme ------------------------------------------------------------------------------


def test_a_misspelt_builtin_name(write, one):
    diag = one(load("hop")[1], "unknown-theme")
    assert diag.where == WHERE and diag.path == "deck.theme"
    assert diag.hint.startswith("did you mean 'hope'?") and "built-in themes: default, hope" in diag.hint


def test_a_theme_file_that_does_not_exist(write, one):
    diag = one(load("../brand/theme.yaml")[1], "file-not-found")
    assert diag.where == WHERE and "../brand/theme.yaml" in diag.message
    assert "relative to the outline" in diag.hint


def test_a_folder_or_another_kind_of_file(write, tmp_path, one):
    (tmp_path / "brand").mkdir()
    write("brand.txt", "name: x\n")
    assert one(load("brand")[1]).code == "not-a-file"
    assert one(load("brand.txt")[1]).code == "unknown-theme"


def test_theme_path_prefers_builtins(write):
    write("hope", "not a theme\n")
    assert theme_path("hope", WHERE) == builtin_themes()["hope"]
