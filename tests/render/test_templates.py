"""The story decks on every built-in theme and on real templates this project did not design."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from deckbuilder.api import Options, build
from deckbuilder.checks.render import check_rendered
from deckbuilder.model.theme import builtin_themes
from tests.ooxml import validate_pptx

ROOT = Path(__file__).resolve().parents[2]
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


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


@pytest.mark.slow  # three decks per theme
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


def scheme_of(deck: Path) -> dict[str, str]:
    """The colour scheme of the deck's first theme part."""
    with zipfile.ZipFile(deck) as package:
        name = sorted(n for n in package.namelist() if n.startswith("ppt/theme/"))[0]
        found = etree.fromstring(package.read(name)).find(".//a:clrScheme", NS)
    return {etree.QName(s).localname: (s[0].get("val") or s[0].get("lastClr")).upper() for s in found}


def chart_colours(deck: Path) -> list[str]:
    """The theme slots the charts' series and slices are filled with, in order."""
    with zipfile.ZipFile(deck) as package:
        charts = sorted(n for n in package.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
        return [c.get("val") for name in charts for c in
                etree.fromstring(package.read(name)).xpath(".//c:ser/c:spPr//a:schemeClr | .//c:dPt//a:schemeClr",
                                                           namespaces=NS)]


def only_template(project: Path, name: str, template: Path) -> str:
    shutil.copy(template, project / "assets" / "brand" / template.name)
    (project / "assets" / "brand" / f"{name}.yaml").write_text(f"template: {template.name}\n")
    return f"../../assets/brand/{name}.yaml"


def test_the_colours_a_theme_gives_replace_the_templates_in_the_built_theme(project, tmp_path):
    theme = theme_file(project, "office", python_pptx_default(tmp_path))  # primary #1F3A5F, accent #B03A2E
    results = built(project, theme, tmp_path / "out")
    found = scheme_of(results[0].output)
    assert (found["accent1"], found["accent2"]) == ("1F3A5F", "B03A2E")
    assert (found["accent3"], found["dk2"]) == ("9BBB59", "1F497D")  # what the theme leaves: the template's own


def test_a_theme_of_only_a_template_takes_its_colours_fonts_and_sizes(project, tmp_path):
    theme = only_template(project, "office", python_pptx_default(tmp_path))
    results = built(project, theme, tmp_path / "out")
    assert scheme_of(results[0].output)["accent1"] == "4F81BD"  # Office's palette, untouched
    assert {"accent1", "accent2", "accent3"} <= {c for r in results for c in chart_colours(r.output)}
    assert not [d for r in results for d in r.diagnostics if d.code in ("theme-contrast", "off-brand-font")]
    assert all(validate_pptx(r.output) == [] for r in results)


def test_a_templates_colours_are_checked_for_contrast_as_resolved(project, tmp_path):
    theme = only_template(project, "office", python_pptx_default(tmp_path))
    path = project / "assets" / "brand" / "office.yaml"
    path.write_text(path.read_text() + 'colors: {text: "#EEEEEE"}\n')  # pale text on the template's white
    results = build([with_theme(project, theme)], Options(out=tmp_path))
    messages = sorted({d.message for r in results for d in r.diagnostics if d.code == "theme-contrast"})
    assert messages[-1].startswith("text #EEEEEE must reach 4.5:1 on background #FFFFFF (it has 1.16:1)")
    assert messages[0].startswith("muted #") and "(from the template) must reach" in messages[0]  # a tint of it


@pytest.mark.soffice
@pytest.mark.parametrize("name", ["Vivid", "Piano", "Midnightblue"])
def test_a_theme_of_only_a_libreoffice_template_carries_the_story(project, libreoffice_templates, name, tmp_path):
    template = libreoffice_templates[name]
    results = built(project, only_template(project, name.lower(), template), tmp_path / "out")
    inherited = set(validate_pptx(template))
    for result in results:
        assert [e for e in validate_pptx(result.output) if e not in inherited] == []
        assert scheme_of(result.output) == scheme_of(template)  # the template's palette, unchanged
    assert {"accent1", "accent2", "accent3"} <= {c for r in results for c in chart_colours(r.output)}
    politicians = next(r for r in results if r.name.endswith("politicians"))
    assert [str(d) for d in check_rendered(politicians.output, tmp_path)] == []


def test_a_templates_sample_slides_go_with_the_sections_and_custom_shows_that_list_them(project, tmp_path):
    prs = Presentation()
    for _ in range(2):
        prs.slides.add_slide(prs.slide_layouts[1])
    prs.save(tmp_path / "sections.pptx")
    with zipfile.ZipFile(tmp_path / "sections.pptx") as src:
        found = {name: src.read(name) for name in src.namelist()}
    listing = ('<p:custShowLst><p:custShow name="Short" id="0"><p:sldLst><p:sld r:id="rId7"/></p:sldLst></p:custShow>'
               '</p:custShowLst><p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst xmlns:'
               'p14="http://schemas.microsoft.com/office/powerpoint/2010/main"><p14:section name="Intro" id="{1D5F'
               '1E4C-2B1B-4C8B-9E2A-6F0B1C2D3E4F}"><p14:sldIdLst><p14:sldId id="256"/></p14:sldIdLst></p14:section>'
               '</p14:sectionLst></p:ext></p:extLst>')
    text = found["ppt/presentation.xml"].decode()
    text = text.replace("<p:defaultTextStyle>", listing.split("<p:extLst>")[0] + "<p:defaultTextStyle>", 1)
    found["ppt/presentation.xml"] = text.replace("</p:presentation>", "<p:extLst>" + listing.split("<p:extLst>")[1]
                                                 + "</p:presentation>").encode()
    with zipfile.ZipFile(tmp_path / "sections.pptx", "w") as out:
        for name, blob in found.items():
            out.writestr(name, blob)
    (result, *_) = built(project, only_template(project, "sections", tmp_path / "sections.pptx"), tmp_path / "out")
    with zipfile.ZipFile(result.output) as deck:
        pres = deck.read("ppt/presentation.xml")
    assert b"custShow" not in pres and b"sectionLst" not in pres
    assert validate_pptx(result.output) == []


@pytest.mark.soffice
def test_a_4_by_3_theme_without_a_template_stretches_nothing(project, tmp_path):
    path = project / "assets" / "brand" / "square.yaml"
    path.write_text('name: Square\ncolors: {primary: "#1F3A5F"}\nsize: "4:3"\n')
    politicians = next(r for r in built(project, "../../assets/brand/square.yaml", tmp_path / "out")
                       if r.name.endswith("politicians"))
    prs = Presentation(str(politicians.output))
    assert (prs.slide_width, prs.slide_height) == (9_144_000, 6_858_000)
    assert prs.slide_masters[0].placeholders[0].width < 9_144_000  # the base's master, at its own size
    assert validate_pptx(politicians.output) == []
    assert [str(d) for d in check_rendered(politicians.output, tmp_path)] == []


def test_a_template_without_view_properties_gets_the_bases(project, tmp_path):
    """LibreOffice saves no ppt/viewProps.xml; PowerPoint offers to repair a deck without one."""
    template = tmp_path / "plain.pptx"
    Presentation().save(str(template))
    with zipfile.ZipFile(template) as package:
        parts = {n: package.read(n) for n in package.namelist() if n != "ppt/viewProps.xml"}
    parts["ppt/_rels/presentation.xml.rels"] = re.sub(rb'<Relationship [^>]*/viewProps"[^>]*/>', b"",
                                                      parts["ppt/_rels/presentation.xml.rels"])
    with zipfile.ZipFile(template, "w") as package:
        for name, blob in parts.items():
            package.writestr(name, blob)
    (result,) = [r for r in built(project, only_template(project, "plain", template), tmp_path / "out")
                 if r.name.endswith("politicians")]
    with zipfile.ZipFile(result.output) as deck:
        rels = deck.read("ppt/_rels/presentation.xml.rels").decode()
        kinds = {k for k in ("presProps", "viewProps", "tableStyles") if f'relationships/{k}"' in rels}
        assert kinds == {"presProps", "viewProps", "tableStyles"}
        assert any(n.startswith("ppt/viewProps") for n in deck.namelist())
    assert validate_pptx(result.output) == []
