"""The brand lives in the built deck's theme: its colours, fonts and name are there, slides refer to them, and a
change of theme colours restyles the slides as LibreOffice draws them."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from lxml import etree

from deckbuilder.api import Options, build
from deckbuilder.checks.render import read_glyphs, render_pdf, slide_parts, slide_size

ROOT = Path(__file__).resolve().parents[2]
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
HOPE = {"dk2": "0F5C63", "accent1": "0F5C63", "accent2": "C2410C", "hlink": "0F5C63"}  # primary (titles, fills
# and links) and accent
NEW = {"dk2": "8E1B3A", "accent1": "5B2C8F", "accent2": "2E7D32", "hlink": "5B2C8F"}  # what the test makes them


@pytest.fixture(scope="module")
def gallery(tmp_path_factory) -> Path:
    (result,) = build([ROOT / "decks" / "gallery.yaml"], Options(out=tmp_path_factory.mktemp("gallery")))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.output


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as deck:
        return {name: deck.read(name) for name in deck.namelist()}


def scheme(theme: bytes) -> dict[str, str]:
    root = etree.fromstring(theme)
    found = root.find(".//a:clrScheme", NS)
    return {etree.QName(slot).localname: slot[0].get("val") or slot[0].get("lastClr") for slot in found}


def test_the_theme_part_carries_the_brand(gallery):
    theme = parts(gallery)["ppt/theme/theme1.xml"]
    root = etree.fromstring(theme)
    assert root.get("name") == "Story of hope" and root.find(".//a:clrScheme", NS).get("name") == "Story of hope"
    assert scheme(theme) | HOPE == scheme(theme)
    assert scheme(theme)["lt2"] == "F5EFE7" and scheme(theme)["accent3"] == "7A2E5C"  # surface, secondary
    assert [f.get("typeface") for f in root.findall(".//a:fontScheme/*/a:latin", NS)] == ["Calibri", "Calibri"]


def with_theme_colours(deck: Path, colors: dict[str, str], out: Path) -> Path:
    """A copy of the deck whose theme has other colours in these slots, as PowerPoint's Design → Colors does."""
    found = parts(deck)
    theme = found["ppt/theme/theme1.xml"].decode()
    for slot, value in colors.items():
        theme = re.sub(rf"<a:{slot}>.*?</a:{slot}>", f'<a:{slot}><a:srgbClr val="{value}"/></a:{slot}>', theme)
    found["ppt/theme/theme1.xml"] = theme.encode()
    with zipfile.ZipFile(out, "w") as copy:
        for name, blob in found.items():
            copy.writestr(name, blob)
    return out


def pages_where(deck: Path, xpath: str) -> list[int]:
    """The (1-based) numbers of the slides whose XML has an element the XPath finds."""
    found = parts(deck)
    return [n for n, name in enumerate(slide_parts(found), 1)
            if etree.fromstring(found[name]).xpath(xpath, namespaces=NS)]


def chart_box(deck: Path, page: int) -> tuple[int, int, int, int]:
    """Where the slide's chart is, in points (one pixel each as rendered here): left, top, right, bottom."""
    found = parts(deck)
    frame = etree.fromstring(found[slide_parts(found)[page - 1]]).find(".//p:graphicFrame/p:xfrm", NS)
    x, y = (int(v) // 12_700 for v in (frame[0].get("x"), frame[0].get("y")))
    return x, y, x + int(frame[1].get("cx")) // 12_700, y + int(frame[1].get("cy")) // 12_700


def pixels(page, color: str, box: tuple[int, int, int, int] | None = None) -> int:
    """How many pixels of the rendered page (or of a box of it) have this colour (within 3 of each channel)."""
    image = page.render(scale=1).to_pil().convert("RGB")
    image = image.crop(box) if box else image
    want = tuple(int(color[i:i + 2], 16) for i in (0, 2, 4))
    return sum(n for n, rgb in image.getcolors(1 << 20) if all(abs(a - b) <= 3 for a, b in zip(rgb, want)))


@pytest.mark.soffice
def test_new_theme_colours_restyle_titles_accents_and_charts(gallery, tmp_path):
    changed = with_theme_colours(gallery, NEW, tmp_path / "restyled.pptx")
    pdf = render_pdf(changed, tmp_path)
    glyphs = read_glyphs(pdf, slide_size(parts(changed)["ppt/presentation.xml"]))
    titled = pages_where(gallery, ".//p:sp[.//p:ph[@type='title']]//a:rPr/a:solidFill/a:schemeClr[@val='tx2']")
    bars = pages_where(gallery, ".//p:sp[p:nvSpPr/p:cNvPr/@name='Accent bar']//a:schemeClr[@val='accent2']")
    charts = pages_where(gallery, ".//p:graphicFrame[.//a:graphicData[@uri='"
                                  "http://schemas.openxmlformats.org/drawingml/2006/chart']]")
    covers = pages_where(gallery, "p:cSld/p:bg//a:schemeClr[@val='accent1']")  # title, section, closing
    assert len(titled) > 10 and len(bars) > 10 and len(charts) == 2 and len(covers) >= 2
    colours = {page: {f"{g.color:06X}" for g in glyphs if g.page == page} for page in titled}
    assert all(NEW["dk2"] in colours[page] for page in titled)
    assert not {f"{g.color:06X}" for g in glyphs} & set(HOPE.values())  # no text keeps the old brand colours
    document = pdfium.PdfDocument(str(pdf))
    try:
        assert all(pixels(document[page - 1], NEW["accent2"]) > 50 for page in bars)
        assert all(pixels(document[page - 1], NEW["accent1"]) > 960 * 540 // 4 for page in covers)
        for page in charts:  # (the logo beside the chart is a picture: it keeps its colours)
            assert pixels(document[page - 1], NEW["accent1"], chart_box(gallery, page)) > 2000
            assert pixels(document[page - 1], HOPE["accent1"], chart_box(gallery, page)) == 0
    finally:
        document.close()

