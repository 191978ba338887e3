"""The story decks on every built-in theme and on real templates this project did not design."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.api import Options, build
from deckbuilder.checks.render import check_rendered
from deckbuilder.model.theme import builtin_themes
from tests.ooxml import validate_pptx

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project whose story can be switched to another theme."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "decks", root / "decks")
    shutil.copytree(ROOT / "assets", root / "assets")
    (root / "pyproject.toml").write_text("")
    return root


def with_theme(project: Path, theme: str) -> Path:
    story = project / "decks" / "story-of-hope" / "story.yaml"
    text = (ROOT / "decks" / "story-of-hope" / "story.yaml").read_text()
    story.write_text(text.replace("theme: ../../assets/brand/theme.yaml", f"theme: {theme}"))
    return story.parent


def theme_file(project: Path, name: str, template: Path, extra: str = "") -> str:
    shutil.copy(template, project / "assets" / "brand" / template.name)
    (project / "assets" / "brand" / f"{name}.yaml").write_text(
        f"name: {name}\ntemplate: {template.name}\ncolors: {{primary: \"#1F3A5F\", accent: \"#B03A2E\"}}\n{extra}")
    return f"../../assets/brand/{name}.yaml"


def built(project: Path, theme: str, out: Path) -> list:
    results = build([with_theme(project, theme)], Options(out=out))
    for result in results:
        assert result.ok, [str(d) for d in result.diagnostics]
    return results


@pytest.mark.parametrize("theme", sorted(builtin_themes()))
def test_the_story_builds_with_every_built_in_theme(project, theme, tmp_path):
    for result in built(project, theme, tmp_path):
        assert validate_pptx(result.output) == []


def python_pptx_default(tmp_path: Path) -> Path:
    """python-pptx's own default template: 4:3, with the usual Office layout names."""
    path = tmp_path / "office-4x3.pptx"
    Presentation().save(path)
    return path


def test_a_4_by_3_template_gives_its_size_layouts_and_placeholders(project, tmp_path):
    theme = theme_file(project, "office", python_pptx_default(tmp_path))
    results = built(project, theme, tmp_path / "out")
    prs = Presentation(str(results[0].output))
    assert (prs.slide_width, prs.slide_height) == (9_144_000, 6_858_000)
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[0] == "Title Slide" and "Title and Content" in layouts and "Title Only" in layouts
    bullets = next(s for s in prs.slides if s.slide_layout.name == "Title and Content")
    kinds = sorted(str(ph.placeholder_format.type) for ph in bullets.placeholders)
    assert kinds == ["BODY (2)", "TITLE (1)"] or kinds == ["OBJECT (7)", "TITLE (1)"]
    assert all(validate_pptx(r.output) == [] for r in results)


def test_a_template_without_the_layout_named_is_an_error(project, tmp_path):
    theme = theme_file(project, "office", python_pptx_default(tmp_path), "layouts: {stat: Big Numbers}\n")
    results = build([with_theme(project, theme)], Options(out=tmp_path))
    missing = [d for r in results for d in r.diagnostics if d.code == "missing-layout"]
    assert missing and "Big Numbers" in missing[0].message and missing[0].where.file.endswith("office.yaml")
    assert {r.name for r in results if r.output} == {"story-of-hope-commissioners"}  # it has no stat slide


def test_a_broken_template_file_is_a_clear_error(project, tmp_path):
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"PK\x03\x04 this is not really a presentation")
    theme = theme_file(project, "broken", broken)
    results = build([with_theme(project, theme)], Options(out=tmp_path))
    (diag,) = {d for r in results for d in r.diagnostics if d.severity == "error"}
    assert diag.code == "bad-template" and "broken.pptx" in diag.message


def test_a_theme_whose_colours_cannot_pass_is_reported_at_load(project, tmp_path):
    path = project / "assets" / "brand" / "pale.yaml"
    path.write_text('name: Pale\ncolors: {primary: "#FFE680", text: "#BBBBBB"}\n')
    results = build([with_theme(project, "../../assets/brand/pale.yaml")], Options(out=tmp_path))
    messages = [d.message for r in results for d in r.diagnostics if d.code == "theme-contrast"]
    assert any("text #BBBBBB must reach 4.5:1 on background #FFFFFF (it has 1.92:1)" in m for m in messages)
    assert any("primary #FFE680 must reach 3:1 on background #FFFFFF" in m for m in messages)


def test_an_unknown_font_is_a_warning_naming_the_fallback(project, tmp_path):
    path = project / "assets" / "brand" / "segoe.yaml"
    path.write_text('name: Segoe\ncolors: {primary: "#1F3A5F"}\nfonts: {heading: Segoe UI, body: Segoe UI}\n')
    results = build([with_theme(project, "../../assets/brand/segoe.yaml")], Options(out=tmp_path))
    warnings = [d for r in results for d in r.diagnostics if d.code == "font-not-measured"]
    assert warnings and "Carlito" in warnings[0].message and all(r.ok for r in results)


@pytest.mark.soffice
@pytest.mark.parametrize("name", ["Vivid", "Piano", "Midnightblue"])
def test_libreoffice_templates_carry_the_story_without_overflow(project, libreoffice_templates, name, tmp_path):
    template = libreoffice_templates[name]
    assert len(Presentation(str(template)).slide_masters) > 1
    theme = theme_file(project, name.lower(), template)
    results = built(project, theme, tmp_path / "out")
    for result in results:
        prs = Presentation(str(result.output))
        assert (prs.slide_width, prs.slide_height) == (Presentation(str(template)).slide_width,
                                                       Presentation(str(template)).slide_height)
        assert all(slide.shapes.title is not None and slide.shapes.title.text_frame.text for slide in prs.slides)
        assert len(prs.slides) == result.slides  # the template's own sample slides are gone
        inherited = set(validate_pptx(template))  # LibreOffice writes some values the schemas do not allow
        assert [e for e in validate_pptx(result.output) if e not in inherited] == []
    politicians = next(r for r in results if r.name.endswith("politicians"))
    assert [str(d) for d in check_rendered(politicians.output, tmp_path)] == []
