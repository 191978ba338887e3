"""render_pptx: write a DeckPlan as a .pptx, shape by shape, exactly as planned."""
from __future__ import annotations

import io

from pptx.dml.color import RGBColor

from ..layout.ir import Chart, DeckPlan, Picture, Rect, SlidePlan, TextBox
from .charts import add_chart, stable_workbook
from .package import stable_zip
from .shapes import add_picture, add_rect
from .template import base_presentation, slide_layout
from .text import write_frame


def render_pptx(plan: DeckPlan) -> bytes:
    """The deck as .pptx bytes; the same plan always gives the same bytes."""
    prs = base_presentation(plan)
    layout = slide_layout(prs)
    for slide_plan in plan.slides:
        _slide(prs.slides.add_slide(layout), slide_plan, plan.props.language)
    _properties(prs, plan)
    buffer = io.BytesIO()
    prs.save(buffer)
    return stable_zip(buffer.getvalue(), _rewrite)


def _slide(slide, plan: SlidePlan, lang: str) -> None:
    title = slide.shapes.title
    titled = False
    written = []
    for shape in plan.shapes:
        if isinstance(shape, TextBox) and shape.role == "title" and not titled:
            write_frame(title, shape, lang)
            titled, added = True, title
        elif isinstance(shape, TextBox):
            added = slide.shapes.add_textbox(0, 0, 1, 1)
            added.name = shape.name
            write_frame(added, shape, lang)
        else:
            added = ADDERS[type(shape)](slide, shape)
        written.append(added._element)
    if not titled:
        raise AssertionError(f"slide '{plan.id}' was planned without a title")
    title.name = "Title"
    for element in written:  # z-order and reading order as planned (the title placeholder came first)
        slide.shapes._spTree.append(element)
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(plan.background)
    if plan.notes:
        slide.notes_slide.notes_text_frame.text = plan.notes


ADDERS = {Picture: add_picture, Rect: add_rect, Chart: add_chart}


def _properties(prs, plan: DeckPlan) -> None:
    props, core = plan.props, prs.core_properties
    core.title = props.title
    core.author = props.author
    core.subject = props.subject
    core.keywords = props.keywords
    core.language = props.language
    core.last_modified_by = "deckbuilder"
    core.revision = 1
    core.created = core.modified = props.created
    core.comments = ""
    core.category = ""


def _rewrite(name: str, blob: bytes) -> bytes:
    return stable_workbook(blob) if name.endswith(".xlsx") else blob
