"""The quote slide: a large quotation mark, the words, and the speaker set apart beneath."""
from __future__ import annotations

from ...model.outline import Slide
from ..blocks import body_bottom, grown, source_box, vstack
from ..context import HARD_FLOOR, Ctx
from ..images import place_image
from ..ir import Box, Para, SlidePlan, TextBox, inches, points
from ..text import sizes_between

MARK_SIZE = 130.0


def kicker(ctx: Ctx, slide: Slide, text: str, x: int | None = None, w: int | None = None,
           role: str = "title") -> TextBox | None:
    """A slide's title set small above the content, for slides where the content is the point
    (on a template: in its title placeholder's place, in its title colour)."""
    holder = ctx.tlayout.title if ctx.tlayout else None
    x = holder.x if holder else ctx.grid.safe.x if x is None else x
    w = holder.w if holder else ctx.grid.safe.w if w is None else w
    color = ctx.colors.get("title", ctx.colors["primary"])
    box = grown(ctx, slide, "title", lambda s: [ctx.para(text, s, bold=True, color=color, caps=True)],
                x, w, sizes_between(ctx.size("caption"), HARD_FLOOR["small"] + 4, 1), inches(1.2), role=role,
                max_lines=2)
    if box is None:
        return None
    if holder:
        return TextBox(holder, box.paras, role=role, anchor="ctr", name="Kicker",
                       backdrop=ctx.tlayout.title_background)
    return TextBox(Box(x, ctx.grid.top, w, box.box.h), box.paras, role=role, name="Kicker")


def plan_quote(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    spec = slide.get("image")
    grid = ctx.grid
    x, w = grid.span(1, 7 if spec else 10)
    title = slide.get("title") or f"Quote from {slide['by']}"
    head = kicker(ctx, slide, title)
    top = (head.box.bottom if head else grid.top) + inches(0.3)
    bottom = body_bottom(ctx, slide)
    words = grown(ctx, slide, "text", lambda s: [ctx.para(slide["text"], s, heading=True, line_spacing=1.05)],
                  x, w, sizes_between(ctx.size("quote"), HARD_FLOOR["body"] + 2), (bottom - top) * 3 // 4)
    if words is None:
        return []
    by = [Para((ctx.run(f"\u2014 {slide['by']}", ctx.size("caption") + 4, bold=True),))]
    if slide.get("role"):
        by.append(ctx.para(slide["role"], ctx.size("caption"), color=ctx.colors["muted"], space_before=2))
    credit = TextBox(Box(x, 0, w, ctx.measure.height(by, w)), tuple(by), name="Attribution")
    words_box, credit_box = vstack([(words, 0), (credit, inches(0.35))], top, bottom)
    mark_x, mark_w = grid.span(0, 1)
    mark = TextBox(Box(mark_x, words_box.box.y - points(MARK_SIZE * 0.25), mark_w + grid.gutter // 2,
                       points(MARK_SIZE * 1.2)),
                   (Para((ctx.run("\u201c", MARK_SIZE, heading=True, bold=True, color=ctx.colors["accent"]),)),),
                   name="Quotation mark")
    shapes = [s for s in (head, mark, words_box, credit_box) if s]
    if spec:
        region = grid.cols(8, 4, top, bottom - top)
        shapes += place_image(ctx, slide, spec, region, fit="contain")
    return [SlidePlan(slide.id, slide.layout, title, (*shapes, *source_box(ctx, slide)), slide.get("notes", ""))]
