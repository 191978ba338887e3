"""The quote slide: a large quotation mark, the words, and the speaker set apart beneath."""
from __future__ import annotations

from ...model.outline import Slide
from ..blocks import body_bottom, grown, source_box, vstack
from ..context import HARD_FLOOR, Ctx
from ..images import place_image
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches, points
from ..text import sizes_between

MARK_SIZE = 200.0


def kicker(ctx: Ctx, slide: Slide, text: str, role: str = "title") -> TextBox | None:
    """A slide's title set small above the content, for slides where the content is the point:
    under the accent bar, or in the template's title placeholder's place, in the title colour."""
    holder = ctx.tlayout.title if ctx.tlayout else None
    x, w = (holder.x, holder.w) if holder else (ctx.grid.safe.x, ctx.grid.safe.w)
    color = ctx.colors.get("title", ctx.colors["primary"])
    box = grown(ctx, slide, "title", lambda s: [ctx.para(text, s, heading=True, bold=True, color=color)],
                x, w, sizes_between(ctx.size("caption") + 4, HARD_FLOOR["small"] + 4, 1), inches(1.2), role=role,
                max_lines=2)
    if box is None:
        return None
    if holder:
        return TextBox(holder, box.paras, role=role, anchor="ctr", name="Kicker",
                       backdrop=ctx.tlayout.title_background)
    top = ctx.grid.top + points(5) + inches(0.12)  # where content titles start, under the accent bar
    return TextBox(Box(x, top, w, box.box.h), box.paras, role=role, name="Kicker")


def accent_bar(ctx: Ctx) -> list[Rect]:
    """The short bar above titles (a template brings its own decoration instead)."""
    if ctx.tlayout:
        return []
    return [Rect(Box(ctx.grid.safe.x, ctx.grid.top, inches(0.6), points(5)), fill=ctx.colors["accent"],
                 name="Accent bar")]


def plan_quote(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    spec = slide.get("image")
    grid = ctx.grid
    x, w = grid.span(2, 6 if spec else 10)
    title = slide.get("title") or f"What {slide['by']} said"
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
    mark = _mark(ctx, words_box.box.y)
    shapes = [*accent_bar(ctx), *(s for s in (head, mark, words_box, credit_box) if s)]
    if spec:
        region = grid.cols(8, 4, top, bottom - top)  # the words take columns 3 to 8
        shapes += place_image(ctx, slide, spec, region, fit="contain")
    return [SlidePlan(slide.id, slide.layout, title, (*shapes, *source_box(ctx, slide)), slide.get("notes", ""))]


def _mark(ctx: Ctx, words_top: int) -> TextBox:
    """A large opening quotation mark in the accent colour, in the two columns before the words."""
    mark_x, mark_w = ctx.grid.span(0, 2)
    glyph = ctx.run("\u201c", 1.0, heading=True, bold=True, color=ctx.colors["accent"])
    size = min(MARK_SIZE, mark_w * 0.9 / points(ctx.measure.width(glyph)))
    run = ctx.run("\u201c", round(size), heading=True, bold=True, color=ctx.colors["accent"])
    return TextBox(Box(mark_x, words_top - points(size * 0.22), mark_w, points(size * 1.2)), (Para((run,)),),
                   name="Quotation mark")
