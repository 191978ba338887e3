"""The brand check names theme colours and fonts that the organisation's template does not use."""
from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation

from deckbuilder.api import Options, build

ROOT = Path(__file__).resolve().parents[2]


def project_on_template(tmp_path: Path, colors: str, fonts: str = "") -> Path:
    shutil.copytree(ROOT / "decks", tmp_path / "decks")
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    (tmp_path / "pyproject.toml").write_text("")
    Presentation().save(tmp_path / "assets" / "brand" / "office.pptx")  # Office's default scheme and Calibri
    (tmp_path / "assets" / "brand" / "office.yaml").write_text(
        f"name: Office\ntemplate: office.pptx\ncolors: {colors}\n{fonts}")
    story = tmp_path / "decks" / "story-of-hope" / "story.yaml"
    story.write_text(story.read_text().replace("assets/brand/theme.yaml", "assets/brand/office.yaml"))
    return story.parent / "commissioners.yaml"


def warnings_of(outline: Path, code: str) -> list[str]:
    (result,) = build([outline], Options(write=False))
    assert result.ok, [str(d) for d in result.diagnostics]
    return [d.message for d in result.diagnostics if d.code == code]


def test_theme_colours_the_template_lacks_are_named(tmp_path):
    outline = project_on_template(tmp_path, '{primary: "#0F5C63", accent: "#C0504D", secondary: "#4F81BD"}')
    assert warnings_of(outline, "off-brand-colour") == ["the theme's primary #0F5C63 is not one of the template's "
                                                        "colours"]


def test_a_theme_in_the_template_colours_and_fonts_is_on_brand(tmp_path):
    outline = project_on_template(tmp_path, '{primary: "#1F497D", accent: "#C0504D", secondary: "#4F81BD"}')
    assert warnings_of(outline, "off-brand-colour") == []
    assert warnings_of(outline, "off-brand-font") == []


def test_a_theme_font_the_template_does_not_use_is_named(tmp_path):
    outline = project_on_template(tmp_path, '{primary: "#1F497D", accent: "#C0504D", secondary: "#4F81BD"}',
                                  "fonts: {heading: Cambria, body: Calibri}\n")
    assert warnings_of(outline, "off-brand-font") == ["the theme's heading font 'Cambria' is not the template's"]
