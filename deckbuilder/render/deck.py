"""render_pptx: write a DeckPlan as a .pptx, shape by shape, exactly as planned."""
from __future__ import annotations

import io

from pptx.dml.color import RGBColor

from ..layout.ir import Chart, DeckPlan, Picture, Rect, SlidePlan, TextBox
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
    for shape in plan.shapes:
        if isinstance(shape, TextBox) and shape.role == "title" and not titled:
            write_frame(title, shape, lang)
            titled = True
        elif isinstance(shape, TextBox):
            write_frame(slide.shapes.add_textbox(0, 0, 1, 1), shape, lang)
        elif isinstance(shape, Picture):
            add_picture(slide, shape)
        elif isinstance(shape, Rect):
            add_rect(slide, shape)
        elif isinstance(shape, Chart):
            from .charts import add_chart

            add_chart(slide, shape)
    if not titled:
        raise AssertionError(f"slide '{plan.id}' was planned without a title")
    title.name = "Title"
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(plan.background)
    if plan.notes:
        slide.notes_slide.notes_text_frame.text = plan.notes


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
    return blob
