"""The columns slide: two or three cards, each a heading over its points, set at one size."""
from __future__ import annotations

from ...model.outline import Slide
from ..blocks import bullet_paras, content_frame, items_of, source_box
from ..context import Ctx
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches, points
from ..text import sizes_between

PAD = inches(0.3)


def _heading(ctx: Ctx, text: str, size: float) -> Para:
    return Para((ctx.run(text, size, heading=True, bold=True, color=ctx.colors["primary"]),))


def plan_columns(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    head, top, bottom = frame
    columns = slide["columns"]
    slots = ctx.grid.split(len(columns))
    inner = min(w for _, w in slots) - 2 * PAD
    room = bottom - top
    for size in sizes_between(ctx.size("body"), ctx.size("body_min")):
        heading_size = size + 2
        heights = [_column_height(ctx, c, inner, size, heading_size) for c in columns]
        if max(heights) <= room - 2 * PAD:
            break
    else:
        ctx.overflow(slide, "columns", f"the longest column needs {max(heights) / 914_400:.1f} in where "
                     f"{(room - 2 * PAD) / 914_400:.1f} in fit, even at {size:g} pt")
        return []
    card_h = max(max(heights) + 2 * PAD + inches(0.3), room * 3 // 5)
    card_h = min(card_h, room)
    shapes: list = []
    for (x, w), column in zip(slots, columns):
        shapes.append(Rect(Box(x, top, w, card_h), fill=ctx.colors["surface"], rounded=True, name="Card"))
        shapes += _column(ctx, column, Box(x + PAD, top + PAD, w - 2 * PAD, card_h - 2 * PAD), size, heading_size)
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*head, *shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""))]


def _column_height(ctx: Ctx, column, width: int, size: float, heading_size: float) -> int:
    heading = ctx.measure.height([_heading(ctx, column["heading"], heading_size)], width)
    body = ctx.measure.height(bullet_paras(ctx, items_of(column["bullets"]), size, bool(column.get("numbered"))),
                              width)
    return heading + points(10) + inches(0.2) + body


def _column(ctx: Ctx, column, box: Box, size: float, heading_size: float) -> list:
    heading = [_heading(ctx, column["heading"], heading_size)]
    heading_h = ctx.measure.height(heading, box.w)
    rule_y = box.y + heading_h + points(6)
    body_y = rule_y + points(4) + inches(0.2)
    paras = bullet_paras(ctx, items_of(column["bullets"]), size, bool(column.get("numbered")))
    return [
        TextBox(Box(box.x, box.y, box.w, heading_h), tuple(heading), name="Column heading"),
        Rect(Box(box.x, rule_y, inches(0.5), points(4)), fill=ctx.colors["accent"], name="Rule"),
        TextBox(Box(box.x, body_y, box.w, box.bottom - body_y), tuple(paras), name="Column points"),
    ]

