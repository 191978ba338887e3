"""The statement slide: one sentence, very large, with an optional key phrase in the accent colour."""
from __future__ import annotations

from ...model.outline import Slide
from ..blocks import body_bottom, grown, source_box, vstack
from ..context import HARD_FLOOR, Ctx
from ..ir import Box, Para, Rect, SlidePlan, inches, points
from ..text import sizes_between


def highlighted(ctx: Ctx, slide: Slide, text: str, size: float, line_spacing: float = 1.0, **style) -> Para:
    """The text as runs, with the slide's `highlight` phrase in the accent colour."""
    phrase = slide.get("highlight")
    at = text.find(phrase) if phrase else -1
    if at < 0:
        return Para((ctx.run(text, size, **style),), line_spacing=line_spacing)
    parts = (text[:at], text[at:at + len(phrase)], text[at + len(phrase):])
    colors = (None, ctx.colors["accent"], None)
    return Para(tuple(ctx.run(p, size, **{**style, "color": c or style.get("color")})
                      for p, c in zip(parts, colors) if p), line_spacing=line_spacing)


def plan_statement(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    if slide.get("highlight") and slide["highlight"] not in slide["text"]:
        ctx.diags.warn("highlight-not-found", f"slide '{slide.id}': the highlight '{slide['highlight']}' is not "
                       "in the text", slide.at("highlight"), f"slides.{slide.id}.highlight",
                       "copy the phrase exactly as the text writes it")
    x, w = ctx.grid.span(0, 10)
    safe = ctx.grid.safe
    text = grown(ctx, slide, "text", lambda s: [highlighted(ctx, slide, slide["text"], s, heading=True, bold=True,
                                                            line_spacing=0.95)],
                 x, w, sizes_between(ctx.size("statement"), HARD_FLOOR["title"], 4), safe.h * 3 // 4,
                 role="title", max_lines=6)
    if text is None:
        return []
    stack: list = [(Rect(Box(x, 0, inches(0.9), points(6)), fill=ctx.colors["accent"], name="Accent bar"), 0),
                   (text, inches(0.35))]
    if slide.get("subtitle"):
        sub = grown(ctx, slide, "subtitle", lambda s: [ctx.para(slide["subtitle"], s, color=ctx.colors["muted"])],
                    x, w, sizes_between(ctx.size("body"), HARD_FLOOR["body"]), safe.h // 4)
        stack += [(sub, inches(0.3))] if sub else []
    shapes = vstack(stack, safe.y, body_bottom(ctx, slide))
    title = slide.get("title") or slide["text"]
    return [SlidePlan(slide.id, slide.layout, title, (*shapes, *source_box(ctx, slide)), slide.get("notes", ""))]
