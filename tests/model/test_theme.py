"""Themes: built-in ones load clean; a theme file's mistakes are all reported with file, line and fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.colors import ThemeColor
from deckbuilder.errors import BuildError, Diagnostics, Loc
from deckbuilder.layout.ir import Template
from deckbuilder.model.theme import builtin_themes, load_theme, on_template, theme_path

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


# --- a theme on an organisation's template ----------------------------------------------------------------------


def office_template(**sizes) -> Template:
    """A template as render.inspect reads it: Office's palette (and its names for the mapped slots)."""
    values = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F497D", "lt2": "EEECE1", "accent1": "4F81BD",
              "accent2": "C0504D", "accent3": "9BBB59", "accent4": "8064A2"}
    values.update({"tx1": values["dk1"], "bg1": values["lt1"], "tx2": values["dk2"], "bg2": values["lt2"]})
    return Template("org.pptx", 12_192_000, 6_858_000, {}, {k: ThemeColor(v, k) for k, v in values.items()},
                    ("Arial", "Georgia"), sizes=sizes)


def on_office(write, text: str, **sizes):
    write("brand.yaml", text)
    theme, diags = load("brand.yaml")
    found = Diagnostics()
    return on_template(theme, office_template(**sizes), found), list(diags) + list(found)


def test_a_theme_may_be_only_a_template(write):
    theme, diags = on_office(write, "template: org.pptx\n", title=44, body=32)
    assert diags == []
    assert {role: (c, c.slot) for role, c in theme.colors.items() if role != "muted"} == {
        "background": ("FFFFFF", "bg1"), "text": ("000000", "tx1"), "surface": ("EEECE1", "bg2"),
        "primary": ("4F81BD", "accent1"), "accent": ("C0504D", "accent2"), "secondary": ("9BBB59", "accent3")}
    assert theme.colors["muted"].slot == "tx1" and (theme.colors["muted"].lum_mod, theme.colors["muted"].lum_off) == \
        (70_000, 30_000)  # the template's fourth accent is no text colour: a tint of its text
    assert theme.fonts == {"heading": "Arial", "body": "Georgia"} and theme.fonts["heading"].ref == "+mj-lt"
    assert (theme.sizes["title"], theme.sizes["body"], theme.sizes["body_min"]) == (44, 32, 20)


def test_what_the_theme_gives_replaces_the_templates(write):
    theme, diags = on_office(write, 'template: org.pptx\ncolors: {primary: "#1F3A5F"}\nfonts: {heading: Cambria}\n'
                             "sizes: {title: 36}\n", title=44)
    assert diags == [] and theme.colors["primary"] == "1F3A5F" and theme.colors["primary"].slot == "accent1"
    assert theme.colors["accent"] == "C0504D" and theme.fonts == {"heading": "Cambria", "body": "Georgia"}
    assert theme.sizes["title"] == 36


def test_a_template_colour_that_fails_its_contrast_gives_way_to_the_next(write):
    template = office_template()
    template.colors["accent1"] = ThemeColor("F2F2F2", "accent1")  # too pale for titles and fills on white
    write("brand.yaml", "template: org.pptx\n")
    theme = on_template(load("brand.yaml")[0], template, Diagnostics())
    assert (theme.colors["primary"], theme.colors["primary"].slot) == ("1F497D", "tx2")


def test_without_a_template_name_and_primary_are_required(write):
    write("brand.yaml", "colors: {accent: '#C2410C'}\n")
    diags = load("brand.yaml")[1]
    assert [(d.code, d.message) for d in diags][:2] == [("missing-field", "the field 'primary' is required"),
                                                       ("bad-theme", diags[1].message)]
    write("brand.yaml", "slide_numbers: true\n")
    assert [d.message for d in load("brand.yaml")[1]][:2] == ["the field 'name' is required",
                                                              "the field 'colors' is required"]
