"""The statement slide: one sentence, very large, with an optional key phrase in the accent colour."""
from __future__ import annotations

from dataclasses import replace

from ...colors import AA_LARGE, readable_on
from ...model.outline import Slide
from ..blocks import body_bottom, display_bar, source_box, vstack
from ..context import Ctx
from ..grid import GAP
from ..ir import Box, Para, SlidePlan, TemplateLayout, inches
from ..lines import Line, stack_lines
from ..scale import BIG_STEP, DISPLAY_STEP, FLOOR, KICKER_FLOOR, steps
from .cover import Part, on_template

MAX_LINES = 6
ACCENT_GAP = inches(0.35)  # between the accent bar and the statement
TIGHT_GAP = inches(0.2)  # between a kicker and the statement


def highlighted(ctx: Ctx, slide: Slide, text: str, size: float, line_spacing: float = 1.0,
                accent: str | None = None, **style) -> Para:
    """The text as runs, with the slide's `highlight` phrase in the accent colour (or `accent`)."""
    phrase = slide.get("highlight")
    at = text.find(phrase) if phrase else -1
    if at < 0:
        return Para((ctx.run(text, size, **style),), line_spacing=line_spacing, source=("text",))
    parts = (text[:at], text[at:at + len(phrase)], text[at + len(phrase):])
    colors = (None, accent or ctx.colors["accent"], None)
    return Para(tuple(ctx.run(p, size, **{**style, "color": c or style.get("color")})
                      for p, c in zip(parts, colors) if p), line_spacing=line_spacing, source=("text",))


def plan_statement(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    if slide.get("highlight") and slide["highlight"] not in slide["text"]:
        ctx.diags.warn("highlight-not-found", f"slide '{slide.id}': the highlight '{slide['highlight']}' is not "
                       "in the text", slide.at("highlight"), f"slides.{slide.id}.highlight",
                       "copy the phrase exactly as the text writes it")
    on = ctx.titled()
    if on:
        return _on_template(slide, ctx, on)
    x, w = ctx.grid.span(0, 10)
    safe = ctx.grid.safe
    lines = _lines(ctx, slide)
    big = [replace(line, sizes=[ctx.size("statement") * BIG_STEP], most=2) if line.display else line for line in lines]
    room = body_bottom(ctx, slide) - safe.y - ACCENT_GAP
    boxes = stack_lines(ctx, slide, big, x, w, room, quiet=True) or stack_lines(ctx, slide, lines, x, w, room)
    if boxes is None:
        return []
    bar = display_bar(ctx, x)
    shapes = vstack([(bar, 0), *((box, line.gap) for box, line in zip(boxes, lines))], safe.y, body_bottom(ctx, slide))
    title = slide.get("title") or slide["text"]
    return [SlidePlan(slide.id, slide.layout, title, (*shapes, *source_box(ctx, slide)), slide.get("notes", ""))]


def _lines(ctx: Ctx, slide: Slide) -> list[Line]:
    """The slide's title as a kicker (when given), the statement, and the subtitle."""
    def statement(text: str, size: float) -> list[Para]:
        return [highlighted(ctx, slide, text, size, heading=True, bold=True, line_spacing=0.95)]

    title_color = ctx.colors.get("title", ctx.colors["primary"])
    lines = [Line(slide["title"], "title", steps(ctx.size("caption") + 4, KICKER_FLOOR), True, title_color,
                  GAP, most=2, source=("title",))] if slide.get("title") else []
    lines.append(Line(slide["text"], "text", steps(ctx.size("statement"), FLOOR["title"], DISPLAY_STEP), True,
                      ctx.colors["text"], TIGHT_GAP if lines else ACCENT_GAP, display=True, most=MAX_LINES,
                      styled=statement))
    if slide.get("subtitle"):
        lines.append(Line(slide["subtitle"], "subtitle", steps(ctx.size("body"), FLOOR["body"]), False,
                          ctx.colors["muted"], GAP, source=("subtitle",)))
    return lines


def _on_template(slide: Slide, ctx: Ctx, on: tuple[TemplateLayout, Box]) -> list[SlidePlan]:
    """On an organisation's template: the statement in the title placeholder of its section (or title) layout,
    the subtitle under it, the slide's title as a kicker."""
    sub = slide.get("subtitle")
    behind = on[0].title_background or ctx.colors["background"]
    accent = readable_on(behind, ctx.colors["accent"], ctx.colors["title"], need=AA_LARGE)
    shapes = on_template(ctx, on, slide, slide["text"], [Part(sub, ctx.size("body"), False, "subtitle", ("subtitle",))]
                         if sub else [], ctx.size("statement"), "text", slide.get("title"),
                         lambda text, size: [highlighted(ctx, slide, text, size, heading=True, bold=True,
                                                         color=ctx.colors["title"], line_spacing=0.9, accent=accent)])
    if shapes is None:
        return []
    return [SlidePlan(slide.id, slide.layout, slide.get("title") or slide["text"], (*shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""), chrome="none")]
