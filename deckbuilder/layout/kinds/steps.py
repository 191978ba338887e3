"""The steps slide: numbered circles joined by a line, each over its step, in one or two rows."""
from __future__ import annotations

from ...colors import readable_on
from ...model.outline import Slide
from ..blocks import content_frame, source_box
from ..context import HARD_FLOOR, Ctx
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches, points
from ..text import sizes_between

DOT = inches(0.75)
ROW_GAP = inches(0.45)


def _arrangements(count: int) -> list[list[list[int]]]:
    """Step indexes per row, in order of preference: one row (up to five steps), then two rows."""
    one = [list(range(count))]
    first = (count + 1) // 2
    two = [list(range(first)), list(range(first, count))]
    return ([one] if count <= 5 else []) + ([two] if count >= 3 else [])


def _paras(ctx: Ctx, step, size: float) -> list[Para]:
    """A step's words: a bold heading over muted detail, or, alone, the step in regular weight."""
    detail = step.get("text")
    paras = [Para((ctx.run(step["title"], size, heading=True, bold=bool(detail)),))]
    if detail:
        paras.append(ctx.para(detail, max(HARD_FLOOR["body"], size - 4), color=ctx.colors["muted"],
                              space_before=round(size * 0.3)))
    return paras


def _fit(ctx: Ctx, steps: list, height: int) -> tuple | None:
    """Rows, text width, size and height: one row down to the theme's body size, then two rows, then
    either down to the floor."""
    floor, least = ctx.size("body_min"), HARD_FLOOR["body"]
    tries = [(rows, low) for low in (floor, least) for rows in _arrangements(len(steps))]
    for rows, low in tries:
        width = min(w for _, w in ctx.grid.split(max(len(r) for r in rows))) - inches(0.1)
        room = (height - (len(rows) - 1) * ROW_GAP) // len(rows) - DOT - inches(0.25)
        for size in sizes_between(ctx.size("body") - 4, low):
            text_h = max(ctx.measure.height(_paras(ctx, s, size), width) for s in steps)
            if text_h <= room:
                return rows, size, text_h
    return None


def plan_steps(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    head, top, bottom = frame
    steps = slide["steps"]
    fitted = _fit(ctx, steps, bottom - top)
    if fitted is None:
        ctx.overflow(slide, "steps", f"the steps do not fit in one or two rows even at {HARD_FLOOR['body']:g} pt")
        return []
    rows, size, text_h = fitted
    widest = max(len(r) for r in rows)
    row_h = DOT + inches(0.25) + text_h
    y = top + max(0, (bottom - top - len(rows) * row_h - (len(rows) - 1) * ROW_GAP) // 3)
    shapes = []
    for row in rows:
        shapes += _row(ctx, [steps[i] for i in row], row[0], y, size, text_h, widest)
        y += row_h + ROW_GAP
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*head, *shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""))]


def _row(ctx: Ctx, steps: list, first: int, y: int, size: float, text_h: int, slots: int) -> list:
    columns = ctx.grid.split(slots)[: len(steps)]
    dot_color = ctx.colors["accent"]
    shapes: list = []
    for i, ((x, w), step) in enumerate(zip(columns, steps)):
        if i < len(steps) - 1:
            start, end = x + DOT + inches(0.15), columns[i + 1][0] - inches(0.15)
            shapes.append(Rect(Box(start, y + DOT // 2 - points(1.5), end - start, points(3)),
                               fill=ctx.colors["muted"], name="Connector"))
        shapes.append(Rect(Box(x, y, DOT, DOT), fill=dot_color, ellipse=True, name="Step dot"))
        number = Para((ctx.run(str(first + i + 1), 26, heading=True, bold=True,
                               color=readable_on(dot_color, "FFFFFF")),), align="ctr")
        shapes.append(TextBox(Box(x, y, DOT, DOT), (number,), anchor="ctr", name="Step number"))
        shapes.append(TextBox(Box(x, y + DOT + inches(0.25), w - inches(0.1), text_h), tuple(_paras(ctx, step, size)),
                              name="Step"))
    return shapes
