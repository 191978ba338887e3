"""The render check: a built deck renders clean in LibreOffice; deliberately broken copies are caught."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from deckbuilder.api import Options, build_one
from deckbuilder.checks import render
from deckbuilder.checks.render import (
    NS,
    RenderUnavailable,
    check_rendered,
    slide_parts,
    tag_copy,
)
from deckbuilder.layout.text import Measurer

OUTLINE = (Path(__file__).parents[1] / "every_layout.yaml").read_text(encoding="utf-8")
SLIDE_H = 6_858_000


def build_deck(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(OUTLINE, encoding="utf-8")
    result = build_one(folder / "story.yaml", Options(out=folder / "out"), Measurer())
    assert result.ok and result.output, [str(d) for d in result.diagnostics]
    return result.output


def break_deck(deck: Path, dest: Path) -> Path:
    """A copy with one fault per slide: 3 box too short, 5 text too big, 2 box off the slide, 4 unmeasured font."""
    faults = {
        3: ("10% of babies", lambda sp: _xfrm(sp, "a:ext", cy=lambda v: v // 3)),
        5: ("We need 400", lambda sp: [r.set("sz", str(int(r.get("sz")) * 8 // 5))
                                       for r in sp.iterfind(".//a:rPr", NS)]),
        2: ("Feedback, a new story", lambda sp: _xfrm(sp, "a:off", y=lambda v: SLIDE_H + 254_000)),
        4: ("4", lambda sp: [f.set("typeface", "Courier New") for f in sp.iterfind(".//a:latin", NS)]),
    }
    with zipfile.ZipFile(deck) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    slides = slide_parts(parts)
    for number, (text, change) in faults.items():
        root = etree.fromstring(parts[slides[number - 1]])
        change(next(sp for sp in root.iterfind(".//p:sp", NS) if "".join(sp.itertext()).strip().startswith(text)))
        parts[slides[number - 1]] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for name, blob in parts.items():
            out.writestr(name, blob)
    return dest


def _xfrm(sp, tag: str, **changes) -> None:
    element = sp.find(f"p:spPr/a:xfrm/{tag}", NS)
    for attr, change in changes.items():
        element.set(attr, str(change(int(element.get(attr)))))


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    return build_deck(tmp_path_factory.mktemp("render-deck"))


@pytest.fixture(scope="module")
def clean(deck: Path, tmp_path_factory) -> list:
    return check_rendered(deck, tmp_path_factory.mktemp("render-clean"))


@pytest.fixture(scope="module")
def broken(deck: Path, tmp_path_factory) -> list:
    folder = tmp_path_factory.mktemp("render-broken")
    return check_rendered(break_deck(deck, folder / "broken.pptx"), folder)


# --- without LibreOffice -----------------------------------------------------------------------------

def test_tagged_copy_gives_each_text_shape_its_own_colour(deck: Path, tmp_path: Path) -> None:
    shapes, size = tag_copy(deck, tmp_path / "tagged.pptx")
    assert size == (960.0, 540.0)
    assert len({s.color for s in shapes}) == len(shapes) > 6
    assert [s.slide for s in shapes] == sorted(s.slide for s in shapes)
    titles = {s.slide: s.title for s in shapes}
    assert titles[3] == "Babies are suffering now and need help"
    with zipfile.ZipFile(deck) as original:
        used = set(re.findall(rb'val="([0-9A-F]{6})"', b"".join(original.read(n) for n in original.namelist())))
    assert not {f"{s.color:06X}".encode() for s in shapes} & used
    with zipfile.ZipFile(tmp_path / "tagged.pptx") as tagged:
        parts = {n: tagged.read(n) for n in tagged.namelist()}
    assert not any(re.search(rb"normAutofit|spAutoFit", parts[n]) for n in parts if n.startswith("ppt/slide"))
    with zipfile.ZipFile(deck) as original:  # LibreOffice colours links itself, so the copy has none
        assert any(b"hlinkClick" in original.read(n) for n in slide_parts(parts))
    assert not any(b"hlinkClick" in parts[n] for n in slide_parts(parts))
    for number, name in enumerate(slide_parts(parts), start=1):
        root = etree.fromstring(parts[name])
        for run in root.iterfind(".//p:sp/p:txBody/a:p/a:r", NS):
            color = run.find("a:rPr/a:solidFill/a:srgbClr", NS).get("val")
            assert int(color, 16) in {s.color for s in shapes if s.slide == number}


def test_shape_boxes_come_from_the_slide_xml(deck: Path, tmp_path: Path) -> None:
    shapes, _ = tag_copy(deck, tmp_path / "tagged.pptx")
    body = next(s for s in shapes if s.text.startswith("10% of babies"))
    left, top, right, bottom = body.box
    assert (left, top) == (54.0, 132.0) and right > left and bottom > top


def test_missing_libreoffice_is_a_clear_error(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    with pytest.raises(RenderUnavailable, match="apt-get install -y libreoffice-impress"):
        render.render_pdf(tmp_path / "deck.pptx", tmp_path)


# --- with LibreOffice --------------------------------------------------------------------------------

@pytest.mark.soffice
def test_built_deck_renders_without_findings(clean: list) -> None:
    assert clean == []


@pytest.mark.soffice
def test_broken_copy_is_caught_slide_by_slide(broken: list) -> None:
    found = {(d.code, d.severity, d.path.split("/")[0]) for d in broken}
    assert found == {("render-overflow", "error", "slide 3"), ("render-overflow", "error", "slide 5"),
                     ("render-missing", "error", "slide 2"), ("render-font", "warning", "slide 4")}, broken


@pytest.mark.soffice
def test_overflow_names_the_slide_its_title_the_shape_and_how_far(broken: list) -> None:
    short = next(d for d in broken if d.code == "render-overflow" and d.path.startswith("slide 3/"))
    assert 'slide 3 "Babies are suffering now and need help"' in short.message
    assert re.search(r"leaves its box by \d+\.\d pt at the bottom", short.message)
    assert short.where is not None and short.where.file.endswith("broken.pptx")


@pytest.mark.soffice
def test_text_beyond_the_slide_is_reported_missing(broken: list) -> None:
    lost = next(d for d in broken if d.code == "render-missing")
    assert 'slide 2 "Today"' in lost.message and "not on the rendered page" in lost.message


@pytest.mark.soffice
def test_unmeasured_font_is_named(broken: list) -> None:
    font = next(d for d in broken if d.code == "render-font")
    assert "LiberationMono" in font.message and "slide 4" in font.message
