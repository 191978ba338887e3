"""What real decks hold, each case on a small deck made here, read and rebuilt."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from deckbuilder.api import Options, build
from deckbuilder.importer import import_deck
from deckbuilder.layout.ir import Table
from tests.importer.compare import fill_todos
from tests.importer.handmade import BALLOONS, PHOTO
from tests.importer.test_parts import CONTENT, deck, imported, textbox, titled

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def cover(prs) -> None:
    """The title slide a deck starts with (the first slide of a deck is read as its title slide)."""
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = "A talk"


def rebuilt(tmp_path: Path, draft: bool = False):
    """The imported story built (TODOs filled in unless `draft`)."""
    if not draft and (tmp_path / "assets" / "images.yaml").exists():
        fill_todos(tmp_path / "assets" / "images.yaml")
    (result,) = build([tmp_path / "decks" / "talk" / "story.yaml"], Options(out=tmp_path / "out", draft=draft))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result


@pytest.mark.parametrize("kind", [b"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
                                  b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
                                  b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"],
                         ids=["ppsx", "potx", "pptm"])
def test_a_show_template_or_macro_deck_saved_as_pptx_is_read_as_a_deck(tmp_path, kind):
    plain = deck(tmp_path / "plain.pptx", lambda prs: titled(prs, "A show"))
    show = tmp_path / "show.pptx"
    main = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(show, "w") as out:
        for item in src.infolist():
            blob = src.read(item)
            out.writestr(item, blob.replace(main, kind) if item.filename == "[Content_Types].xml" else blob)
    (tmp_path / "decks").mkdir()
    import_deck(show, tmp_path / "decks" / "talk")
    assert "title: A show" in (tmp_path / "decks" / "talk" / "story.yaml").read_text()


def _fallback_picture(pic) -> None:
    """Put a picture's blipFill inside alternate content, as Mac PowerPoint 2008 writes it: a choice needing
    an extension nobody reads, and the fallback."""
    fill = pic._element.find(qn("p:blipFill"))
    block = etree.Element(f"{{{MC}}}AlternateContent", nsmap={"mc": MC})
    choice = etree.SubElement(block, f"{{{MC}}}Choice", Requires="ma",
                              nsmap={"ma": "http://schemas.microsoft.com/office/mac/drawingml/2008/main"})
    etree.SubElement(choice, qn("p:blipFill"))  # what the choice holds is never read
    etree.SubElement(block, f"{{{MC}}}Fallback").append(fill)
    pic._element.insert(1, block)


def test_alternate_content_is_read_by_its_fallback(tmp_path):
    def build_deck(prs):
        slide = titled(prs, "A picture from a Mac")
        _fallback_picture(slide.shapes.add_picture(str(PHOTO), Inches(1), Inches(1.5), Inches(6), Inches(4.5)))
    report, story, register = imported(tmp_path, build_deck)
    assert story["slides"][0]["image"] in register and report.audit[0].pictures_shown == 1


def _wmf(width: int = 400, height: int = 300) -> bytes:
    """A placeable WMF drawing of a red rectangle (what Office writes for clip art)."""
    records = b"".join([struct.pack("<IHhh", 5, 0x020B, 0, 0), struct.pack("<IHhh", 5, 0x020C, height, width),
                        struct.pack("<IHHIH", 7, 0x02FC, 0, 0x0000FF, 0), struct.pack("<IHH", 4, 0x012D, 0),
                        struct.pack("<IHhhhh", 7, 0x041B, height, width, 0, 0), struct.pack("<IH", 3, 0)])
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, (18 + len(records)) // 2, 1, 7, 0)
    key = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, width, height, 1440, 0)
    check = 0
    for word in struct.unpack("<10H", key[:20]):
        check ^= word
    return key + struct.pack("<H", check) + header + records


@pytest.mark.soffice  # LibreOffice converts WMF
def test_a_wmf_drawing_is_converted_to_png_with_libreoffice_and_said(tmp_path):
    (tmp_path / "clip.wmf").write_bytes(_wmf())
    report, story, register = imported(tmp_path, lambda prs: titled(prs, "Clip art").shapes.add_picture(
        str(tmp_path / "clip.wmf"), Inches(1), Inches(1.5), Inches(4), Inches(3)))
    entry = register[story["slides"][0]["image"]]
    assert entry["file"].endswith(".png") and (tmp_path / "assets" / entry["file"]).read_bytes()[:4] == b"\x89PNG"
    assert any("converted from WMF to PNG with LibreOffice" in a.message for a in report.attention)
    assert report.audit[0].pictures_shown == 1


def test_pictures_and_text_in_groups_are_read_where_they_are(tmp_path):
    def build_deck(prs):
        cover(prs)
        slide = titled(prs, "Grouped")
        outer = slide.shapes.add_group_shape()
        inner = outer.shapes.add_group_shape()
        inner.shapes.add_picture(str(PHOTO), Inches(1), Inches(1.5), Inches(6), Inches(4.5))
        box = inner.shapes.add_textbox(Inches(1), Inches(6.1), Inches(6), Inches(0.4))
        box.text_frame.text = "Held hands, in a group in a group"
    report, story, _ = imported(tmp_path, build_deck)
    assert story["slides"][1]["caption"] == "Held hands, in a group in a group"
    assert report.audit[1].moved == [] and report.audit[1].pictures_shown == 1


def test_a_table_is_a_table_with_its_header_and_continues_with_it(tmp_path):
    def build_deck(prs):
        table = titled(prs, "Teams by region").shapes.add_table(31, 2, Inches(0.5), Inches(1.5), Inches(9),
                                                               Inches(5)).table
        table.cell(0, 0).text, table.cell(0, 1).text = "Region", "Teams"
        for r in range(1, 31):
            table.cell(r, 0).text, table.cell(r, 1).text = f"Region {r}", str(r)
    report, story, _ = imported(tmp_path, build_deck)
    (slide,) = story["slides"]
    assert slide["layout"] == "table" and slide["header"] == ["Region", "Teams"]
    assert slide["rows"][0] == ["Region 1", "1"] and len(slide["rows"]) == 30
    result = rebuilt(tmp_path)
    pages = [s for s in result.plan.slides if s.id == slide["id"]]
    assert len(pages) > 1 and report.percent == 100.0
    tables = [next(shape for shape in s.shapes if isinstance(shape, Table)) for s in pages]
    assert all(t.rows[0][0].paras[0].text == "Region" for t in tables)  # the header on every page


def _chart(prs, title: str, kind, data) -> None:
    titled(prs, title).shapes.add_chart(kind, Inches(1), Inches(1.5), Inches(8), Inches(5), data)


def _categories(*series: tuple[str, tuple]) -> CategoryChartData:
    data = CategoryChartData()
    data.categories = ["2021", "2022", "2023"]
    for name, values in series:
        data.add_series(name, values)
    return data


def test_every_chart_type_keeps_its_type(tmp_path):
    def build_deck(prs):
        xy = XyChartData()
        points = xy.add_series("Teams")
        for x, y in ((1.5, 120), (2, 180), (3.2, 260)):
            points.add_data_point(x, y)
        _chart(prs, "Cost and reach", XL_CHART_TYPE.XY_SCATTER, xy)
        _chart(prs, "Over time", XL_CHART_TYPE.AREA_STACKED, _categories(("North", (1, 2, 3)), ("South", (2, 3, 4))))
        _chart(prs, "Strengths", XL_CHART_TYPE.RADAR, _categories(("Leeds", (4, 3, 5))))
        _chart(prs, "In 3-D", XL_CHART_TYPE.COLUMN_CLUSTERED, _categories(("Teams", (10, 12, 14))))
        chart_part = prs.slides[3].shapes[-1].chart_part
        space = chart_part._element
        bars = space.find(".//" + qn("c:barChart"))
        bars.tag = qn("c:bar3DChart")  # python-pptx writes no 3-D bars; PowerPoint does
    report, story, _ = imported(tmp_path, build_deck)
    charts = [s["chart"] for s in story["slides"]]
    assert [c["type"] for c in charts] == ["scatter", "area", "radar", "column"]
    assert charts[0]["series"] == [{"name": "Teams", "x": [1.5, 2, 3.2], "values": [120, 180, 260]}]
    assert charts[1]["stacked"] is True and "categories" not in charts[0]
    assert any("the column3D chart is a column chart here: its 3-D effect is not kept" in a.message
               for a in report.attention)
    rebuilt(tmp_path)


def test_several_pictures_become_a_grid_with_their_captions(tmp_path):
    def build_deck(prs):
        cover(prs)
        slide = titled(prs, "Before and after")
        for i, photo in enumerate((PHOTO, BALLOONS)):
            slide.shapes.add_picture(str(photo), Inches(0.5 + 4.7 * i), Inches(1.5), Inches(4.2), Inches(3.2))
            textbox(slide, ("Before", "After")[i], 0.5 + 4.7 * i, 4.8, 4.2, 0.4)
    report, story, _ = imported(tmp_path, build_deck)
    slide = story["slides"][1]
    assert slide["layout"] == "pictures"
    assert [p["caption"] for p in slide["pictures"]] == ["Before", "After"]
    assert report.audit[1].pictures_shown == 2 and report.audit[1].moved == []
    rebuilt(tmp_path)


def test_boxes_joined_by_arrows_become_steps_and_groups_of_boxes_columns(tmp_path):
    def build_deck(prs):
        cover(prs)
        slide = titled(prs, "How a referral goes")
        for i, word in enumerate(("Referral", "Assessment", "Support")):
            box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(0.5 + 3.2 * i), Inches(3), Inches(2.4),
                                         Inches(1))
            box.text_frame.text = word
            if i:
                slide.shapes.add_shape(MSO_SHAPE.RIGHT_ARROW, Inches(3.2 * i), Inches(3.3), Inches(0.4), Inches(0.4))
        slide = titled(prs, "Two sides")
        for i, words in enumerate((("Parents", "Sleep", "Feeding"), ("Teams", "Visits", "Groups"))):
            for j, word in enumerate(words):
                box = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.5 + 5 * i), Inches(2 + 1.2 * j),
                                             Inches(4), Inches(1))
                box.text_frame.text = word
    report, story, _ = imported(tmp_path, build_deck)
    _, steps, columns = story["slides"]
    assert steps["layout"] == "steps" and steps["steps"] == ["Referral", "Assessment", "Support"]
    assert columns["layout"] == "columns" and columns["columns"] == [
        {"heading": "Parents", "bullets": ["Sleep", "Feeding"]}, {"heading": "Teams", "bullets": ["Visits", "Groups"]}]
    assert report.percent == 100.0 and report.on_slides == 100.0


def test_footers_and_logos_go_only_when_on_most_slides_at_one_place(tmp_path):
    def build_deck(prs):
        for i in range(6):
            slide = titled(prs, f"Point {i + 1}", CONTENT)
            slide.placeholders[1].text_frame.text = f"Something to say, number {i + 1}"
            textbox(slide, "Charity name · 2024", 0.5, 7.0, 5, 0.3)  # every slide, the same place: a footer
            slide.shapes.add_picture(str(BALLOONS), Inches(9), Inches(0.1), Inches(0.8), Inches(0.5))  # a logo
            if i < 2:
                textbox(slide, "Step A", 0.5, 6.3, 2, 0.3)  # a label on two slides of six: slide text
    report, story, _ = imported(tmp_path, build_deck)
    assert report.footers == {"Charity name · 2024": 6}
    assert any("looks like a logo" in a.message for a in report.attention)
    assert all("image" not in s for s in story["slides"])
    assert all(a.moved == [] for a in report.audit if a.number > 2) and report.percent == 100.0


def test_a_hidden_slide_stays_hidden_and_is_listed(tmp_path):
    def build_deck(prs):
        cover(prs)
        titled(prs, "Shown")
        titled(prs, "Spare slide")._element.set("show", "0")
    report, story, _ = imported(tmp_path, build_deck)
    assert story["slides"][2]["hidden"] is True
    assert "hidden in the original, kept with hidden: true (left out of builds): slide(s) 3" in report.summary()
