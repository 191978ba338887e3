"""Slides an edited deck adds are offered as outline slides in the layout that keeps their structure, with what to
check (a picture the register does not have)."""
from __future__ import annotations

from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from deckbuilder.errors import Diagnostics, Loc
from deckbuilder.model.outline import check_slide
from deckbuilder.pull.offer import offered
from deckbuilder.source import parse_yaml


def test_new_slides_become_outline_slides_with_new_ids_and_what_to_check(tmp_path: Path):
    prs = Presentation()
    points = prs.slides.add_slide(prs.slide_layouts[1])
    points.shapes.title.text = "Our ask"
    body = points.placeholders[1].text_frame
    body.text = "Fund ten teams"
    body.add_paragraph().text = "Visit one"
    pictured = prs.slides.add_slide(prs.slide_layouts[5])
    pictured.shapes.title.text = "A visit"
    Image.new("RGB", (40, 30), "teal").save(tmp_path / "photo.png")
    pictured.shapes.add_picture(str(tmp_path / "photo.png"), Inches(1), Inches(2), Inches(4), Inches(3))
    table = prs.slides.add_slide(prs.slide_layouts[5])
    table.shapes.title.text = "Numbers"
    cells = table.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for (r, c), text in {(0, 0): "Area", (0, 1): "Teams", (1, 0): "North", (1, 1): "3"}.items():
        cells.cell(r, c).text = text
    prs.save(str(tmp_path / "edited.pptx"))

    text = offered(tmp_path / "edited.pptx", [1, 2, 3], {"our-ask"})
    slides = parse_yaml("slides:\n" + text, "offered")["slides"]
    assert [(s["id"], s["layout"]) for s in slides] == [("our-ask-2", "bullets"), ("a-visit", "section"),
                                                        ("numbers", "table")]
    assert slides[0]["bullets"] == ["Fund ten teams", "Visit one"] and slides[2]["rows"] == [["North", "3"]]
    assert "  # slide 2 of edited.pptx, new\n  # check: the picture 'Picture 2' is not in the image register" in text
    diags = Diagnostics()
    for slide in slides:
        check_slide(slide, Loc("offered"), "slides", diags)
    assert not diags.has_errors, [str(d) for d in diags]
