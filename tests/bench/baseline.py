"""The floor: write a deck spec's boxes with bare python-pptx calls (`python tests/bench/baseline.py SPEC OUT`)."""
from __future__ import annotations

import json
import sys

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
               "pie": XL_CHART_TYPE.PIE, "doughnut": XL_CHART_TYPE.DOUGHNUT, "line": XL_CHART_TYPE.LINE}
BLANK = 6  # the default template's blank layout


def write_deck(spec: dict, out: str) -> None:
    """Write every slide of `spec` (see tests/bench/export.py) to `out`, box by box, and save."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = spec["width"], spec["height"]
    layout = prs.slide_layouts[BLANK]
    for slide_spec in spec["slides"]:
        slide = prs.slides.add_slide(layout)
        for shape in slide_spec["shapes"]:
            ADDERS[shape["type"]](slide, shape)
        if slide_spec["notes"]:
            slide.notes_slide.notes_text_frame.text = slide_spec["notes"]
    prs.save(out)


def add_text(slide, shape: dict) -> None:
    frame = slide.shapes.add_textbox(*shape["box"]).text_frame
    frame.word_wrap = True
    for i, para in enumerate(shape["paras"]):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        for text, size, bold in para:
            run = p.add_run()
            run.text = text
            run.font.size = Pt(size)
            run.font.bold = bold


def add_picture(slide, shape: dict) -> None:
    slide.shapes.add_picture(shape["file"], *shape["box"])


def add_rect(slide, shape: dict) -> None:
    rect = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *shape["box"])
    if shape["fill"]:
        rect.fill.solid()
        rect.fill.fore_color.rgb = RGBColor.from_string(shape["fill"])


def add_chart(slide, shape: dict) -> None:
    data = CategoryChartData()
    data.categories = shape["categories"]
    for name, values in shape["series"]:
        data.add_series(name, values)
    slide.shapes.add_chart(CHART_TYPES[shape["kind"]], *shape["box"], data)


ADDERS = {"text": add_text, "picture": add_picture, "rect": add_rect, "chart": add_chart}


def main(argv: list[str]) -> None:
    with open(argv[0], encoding="utf-8") as handle:
        write_deck(json.load(handle), argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
