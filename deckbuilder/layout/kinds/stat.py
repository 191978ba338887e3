"""The stat slide: one to four big numbers in equal columns, each with a short label."""
from __future__ import annotations

from ...model.outline import Slide
from ..blocks import content_frame, source_box
from ..context import HARD_FLOOR, Ctx
from ..grid import snap
from ..ir import Box, Para, SlidePlan, TextBox, inches
from ..text import sizes_between

STAT_FLOOR = 44.0


def _value_size(ctx: Ctx, values: list[str], width: int, height: int) -> float | None:
    """The largest size at which every value fits its column on one line."""
    for size in sizes_between(ctx.size("stat"), STAT_FLOOR, 4):
        paras = [Para((ctx.run(v, size, heading=True, bold=True),)) for v in values]
        if all(ctx.measure.line_count(p, width) == 1 for p in paras) and size * 1.2 * 12_700 <= height:
            return size
    return None


def plan_stat(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    stats = slide["stats"]
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    head, top, bottom = frame
    columns = ctx.grid.split(len(stats))
    width = min(w for _, w in columns)
    value_size = _value_size(ctx, [s["value"] for s in stats], width, (bottom - top) // 2)
    if value_size is None:
        ctx.overflow(slide, "stats", f"a value does not fit its column on one line even at {STAT_FLOOR:g} pt")
        return []
    align = "ctr"
    label_size = _label_size(ctx, slide, stats, width, align)
    if label_size is None:
        return []
    value_h = snap(round(value_size * 1.2 * 12_700))
    label_h = max(ctx.measure.height(_label(ctx, s, label_size, align), width) for s in stats)
    block = value_h + inches(0.1) + label_h
    y = top + max(0, (bottom - top - block) * 2 // 5)
    shapes = []
    for (x, w), stat in zip(columns, stats):
        shapes.append(TextBox(Box(x, y, w, value_h), (Para((ctx.run(stat["value"], value_size, heading=True,
                                                                   bold=True, color=ctx.colors["accent"]),),
                                                           align=align, line_spacing=1.0),),
                              name="Stat value", anchor="b"))
        shapes.append(TextBox(Box(x, y + value_h + inches(0.1), w, label_h), tuple(_label(ctx, stat, label_size,
                                                                                             align)),
                              name="Stat label"))
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*head, *shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""))]


def _label(ctx: Ctx, stat, size: float, align: str) -> list[Para]:
    """The label under a number: smaller and muted, so the number dominates."""
    return [Para((ctx.run(stat["label"], size, color=ctx.colors["muted"]),), align=align)]


def _label_size(ctx: Ctx, slide: Slide, stats, width: int, align: str) -> float | None:
    """The largest label size (from 22 pt) at which every label takes at most two lines, else three."""
    for most in (2, 3):
        for size in sizes_between(ctx.size("caption") + 4, HARD_FLOOR["body"]):
            if all(ctx.measure.line_count(_label(ctx, s, size, align)[0], width) <= most for s in stats):
                return size
    ctx.overflow(slide, "stats", f"a label needs more than three lines even at {HARD_FLOOR['body']:g} pt")
    return None
