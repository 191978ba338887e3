"""A DeckPlan as the comparison tools' inputs: a JSON spec for the bare python-pptx writer, Markdown for pandoc."""
from __future__ import annotations

import re

from deckbuilder.layout.ir import Box, Chart, DeckPlan, Picture, Rect, SlidePlan, TextBox

CHROME = ("footer", "number")  # text a Markdown tool's template would add itself
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#@|~^$])")


def _box(box: Box) -> list[int]:
    return [box.x, box.y, box.w, box.h]


def _shape_spec(shape) -> dict:
    if isinstance(shape, TextBox):
        paras = [[[r.text, r.size, r.bold] for r in p.runs] for p in shape.paras]
        return {"type": "text", "box": _box(shape.box), "paras": paras}
    if isinstance(shape, Picture):  # the original file, as a naive tool embeds it
        return {"type": "picture", "box": _box(shape.box), "file": shape.image}
    if isinstance(shape, Rect):
        return {"type": "rect", "box": _box(shape.box), "fill": shape.fill}
    if isinstance(shape, Chart):
        series = [[s.name, list(s.values)] for s in shape.series]
        return {"type": "chart", "box": _box(shape.box), "kind": shape.kind,
                "categories": list(shape.categories), "series": series}
    raise TypeError(f"unknown shape {type(shape).__name__}")


def baseline_spec(plan: DeckPlan) -> dict:
    """Every box of the plan, positioned as planned, with the original picture files (JSON-ready)."""
    slides = [{"shapes": [_shape_spec(s) for s in slide.shapes], "notes": slide.notes} for slide in plan.slides]
    return {"width": plan.width, "height": plan.height, "slides": slides}


def _escape(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def _text_lines(box: TextBox) -> list[str]:
    lines = []
    for para in box.paras:
        text = _escape(para.text)
        if not text.strip():
            continue
        if para.bullet:
            lines.append(("  " if para.indent > box.paras[0].indent else "") + f"- {text}")
        else:
            lines.extend(["", text, ""])
    return lines


def _chart_lines(chart: Chart) -> list[str]:
    head = "| | " + " | ".join(_escape(s.name) for s in chart.series) + " |"
    rows = [f"| {_escape(c)} | " + " | ".join(f"{s.values[i]:g}" for s in chart.series) + " |"
            for i, c in enumerate(chart.categories)]
    return ["", head, "|---" * (len(chart.series) + 1) + "|", *rows, ""]


def _slide_markdown(slide: SlidePlan) -> list[str]:
    lines = [f"# {_escape(slide.title)}", ""]
    for shape in slide.shapes:
        if isinstance(shape, TextBox) and shape.role not in CHROME + ("title",):
            lines.extend(_text_lines(shape))
        elif isinstance(shape, Picture) and shape.name != "Logo":
            lines.extend(["", f"![{_escape(shape.alt)}]({shape.image})", ""])
        elif isinstance(shape, Chart):
            lines.extend(_chart_lines(shape))
    if slide.notes:
        lines.extend(["", "::: notes", slide.notes.strip(), ":::"])
    return [*lines, ""]


def markdown(plan: DeckPlan) -> str:
    """The deck as pandoc Markdown: `#` titles, points and paragraphs, original images, chart tables, notes."""
    title = f"---\ntitle: \"{plan.props.title}\"\nauthor: \"{plan.props.author}\"\n---\n\n"
    return title + "\n".join(line for slide in plan.slides for line in _slide_markdown(slide))
