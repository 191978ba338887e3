"""The statement slide: one sentence, very large, with an optional key phrase in the accent colour."""
from __future__ import annotations

from ...colors import AA_LARGE, readable_on
from ...model.outline import Slide
from ..blocks import body_bottom, fit_text, source_box, text_shortfall, title_paras, vstack
from ..context import Ctx
from ..grid import ACCENT_BAR
from ..ir import Box, Para, Rect, SlidePlan, inches, points
from ..scale import BIG_STEP, DISPLAY_STEP, FLOOR, KICKER_FLOOR, steps
from .cover import on_template

MAX_LINES = 6


def highlighted(ctx: Ctx, slide: Slide, text: str, size: float, line_spacing: float = 1.0,
                accent: str | None = None, **style) -> Para:
    """The text as runs, with the slide's `highlight` phrase in the accent colour (or `accent`)."""
    phrase = slide.get("highlight")
    at = text.find(phrase) if phrase else -1
    if at < 0:
        return Para((ctx.run(text, size, **style),), line_spacing=line_spacing)
    parts = (text[:at], text[at:at + len(phrase)], text[at + len(phrase):])
    colors = (None, accent or ctx.colors["accent"], None)
    return Para(tuple(ctx.run(p, size, **{**style, "color": c or style.get("color")})
                      for p, c in zip(parts, colors) if p), line_spacing=line_spacing)


def plan_statement(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    if slide.get("highlight") and slide["highlight"] not in slide["text"]:
        ctx.diags.warn("highlight-not-found", f"slide '{slide.id}': the highlight '{slide['highlight']}' is not "
                       "in the text", slide.at("highlight"), f"slides.{slide.id}.highlight",
                       "copy the phrase exactly as the text writes it")
    if ctx.tlayout and ctx.tlayout.title:
        return _on_template(slide, ctx)
    x, w = ctx.grid.span(0, 10)
    safe = ctx.grid.safe
    stack: list = [(Rect(Box(x, 0, ACCENT_BAR * 3 // 2, points(6)), fill=ctx.colors["accent"], name="Accent bar"), 0)]
    if slide.get("title"):
        kicker = fit_text(ctx, lambda s: title_paras(ctx, slide["title"], s, kicker=True), Box(x, 0, w, safe.h // 5),
                          steps(ctx.size("caption") + 4, KICKER_FLOOR), role="body", max_lines=2, grow=True,
                          name="Kicker")
        if kicker is None:
            ctx.overflow(slide, text_shortfall(ctx, "title", "the title", slide["title"],
                                               lambda t: title_paras(ctx, t, KICKER_FLOOR, True), w, safe.h // 5, 2))
            return []
        stack.append((kicker, inches(0.3)))
    text = _text(ctx, slide, x, w, safe.h * 3 // 4)
    if text is None:
        return []
    stack.append((text, inches(0.35) if len(stack) == 1 else inches(0.2)))
    if slide.get("subtitle"):
        sub = fit_text(ctx, lambda s: [ctx.para(slide["subtitle"], s, color=ctx.colors["muted"])], Box(x, 0, w, safe.h // 4),
                       steps(ctx.size("body"), FLOOR["body"]), grow=True, name="Subtitle")
        if sub is None:
            ctx.overflow(slide, text_shortfall(ctx, "subtitle", "the subtitle", slide["subtitle"],
                                               lambda t: [ctx.para(t, FLOOR["body"])], w, safe.h // 4))
            return []
        stack.append((sub, inches(0.3)))
    shapes = vstack(stack, safe.y, body_bottom(ctx, slide))
    title = slide.get("title") or slide["text"]
    return [SlidePlan(slide.id, slide.layout, title, (*shapes, *source_box(ctx, slide)), slide.get("notes", ""))]


def _on_template(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    """On an organisation's template: the statement in the title placeholder of its section (or title) layout,
    the subtitle under it, the slide's title as a kicker."""
    sub = slide.get("subtitle")
    behind = ctx.tlayout.title_background or ctx.colors["background"]
    accent = readable_on(behind, ctx.colors["accent"], ctx.colors["title"], need=AA_LARGE)
    shapes = on_template(ctx, slide, slide["text"], [(sub, ctx.size("body"), False, "subtitle")] if sub else [],
                         ctx.size("statement"), "text", slide.get("title"),
                         lambda text, size: [highlighted(ctx, slide, text, size, heading=True, bold=True,
                                                         color=ctx.colors["title"], line_spacing=0.9, accent=accent)])
    if shapes is None:
        return []
    return [SlidePlan(slide.id, slide.layout, slide.get("title") or slide["text"], (*shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""), chrome="none")]


def _text(ctx: Ctx, slide: Slide, x: int, w: int, height: int):
    def paras(size: float, text: str = slide["text"]) -> list[Para]:
        return [highlighted(ctx, slide, text, size, heading=True, bold=True, line_spacing=0.95)]

    big = ctx.size("statement") * BIG_STEP
    box = fit_text(ctx, paras, Box(x, 0, w, height), [big], role="title", max_lines=2, grow=True, name="Statement") or \
        fit_text(ctx, paras, Box(x, 0, w, height), steps(ctx.size("statement"), FLOOR["title"], DISPLAY_STEP),
                 role="title", max_lines=MAX_LINES, grow=True, name="Statement")
    if box is None:
        ctx.overflow(slide, text_shortfall(ctx, "text", "the statement", slide["text"],
                                           lambda t: paras(FLOOR["title"], t), w, height, MAX_LINES))
    return box
