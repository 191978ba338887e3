"""The steps slide: numbered dots joined by a line, each over its step, in one row or two; else a vertical
list (number, title and text in one row per step), continued when it must be."""
from __future__ import annotations

import math

from ...colors import readable_on
from ...model.outline import Slide
from ..blocks import Frame, content_frame, framed, source_box, text_shortfall, whole_words
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange, placed
from ..grid import CONNECTOR, SMALL_GAP
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches
from ..lists import Page, plans_of
from ..paging import continued, paginate
from ..scale import FLOOR, stages

DOT = inches(0.75)
SMALL_DOT = inches(0.6)  # in the vertical list
DOT_GAP = inches(0.25)  # between a dot and its words
ROW_GAP = inches(0.45)
LIST_GAP = inches(0.2)  # between the rows of the vertical list
CONNECTOR_GAP = inches(0.15)  # between a dot and the line joining it to the next
NUMBER_SIZE = 26.0


def _paras(ctx: Ctx, step, size: float, index: int = 0) -> list[Para]:
    """A step's words: a bold heading over muted detail, or, alone, the step in regular weight."""
    detail = step.get("text")
    paras = [Para((ctx.run(step["title"], size, heading=True, bold=bool(detail)),), source=("steps", index, "title"))]
    if detail:
        paras.append(_detail(ctx, detail, size, index, space_before=round(size * 0.3)))
    return paras


def _detail(ctx: Ctx, text: str, size: float, index: int, space_before: float = 0.0) -> Para:
    return ctx.para(text, max(FLOOR["body"], size - 4), color=ctx.colors["muted"], space_before=space_before,
                    source=("steps", index, "text"))


def _rows(count: int) -> list[list[list[int]]]:
    """Step indexes per row: one row (of five at most: narrower columns read badly), then two."""
    first = math.ceil(count / 2)
    return [[list(range(count))], [list(range(first)), list(range(first, count))]]


def plan_steps(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    steps = list(slide["steps"])
    one, two = _rows(len(steps))

    def build(frame: Frame) -> list[Arrangement]:
        rows = [Arrangement("", lambda size: _in_rows(ctx, steps, one, frame.body, size))] if len(steps) <= 5 else []
        if len(steps) > 2:
            rows.append(Arrangement("two rows", lambda size: _in_rows(ctx, steps, two, frame.body, size)))
        return rows + [Arrangement("a vertical list", lambda size: _listed(ctx, steps, 0, frame.body, size))]

    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    arrangements = framed(ctx, slide, frame, build)
    sizes = stages(ctx.size("body"), ctx.size("body_min"), FLOOR["body"])
    fitted = arrange(arrangements, sizes)
    if not isinstance(fitted, Shortfall):
        return [SlidePlan(slide.id, slide.layout, slide["title"], (*fitted.shapes, *source_box(ctx, slide)),
                          slide.get("notes", ""), arranged=fitted.arranged)]
    return _continued(slide, ctx, steps, frame, [*sizes[0], *sizes[1]])


def _continued(slide: Slide, ctx: Ctx, steps: list, frame: Frame, sizes: list[float]) -> list[SlidePlan]:
    """The vertical list over the fewest slides, numbered on."""
    later = content_frame(ctx, slide, continued(slide["title"], 2)) or frame
    top = max(frame.body.y, later.body.y)
    area = Box(frame.body.x, top, frame.body.w, frame.body.bottom - top)
    indexed = list(enumerate(steps))
    found = paginate(indexed, lambda page, size, _: not isinstance(
        _listed(ctx, [s for _, s in page], 0, area, size), Shortfall), sizes)
    if found is None:
        worst = _listed(ctx, steps[:1], 0, area, sizes[-1])
        ctx.overflow(slide, worst if isinstance(worst, Shortfall) else Shortfall("steps", "the steps", "do not fit"))
        return []
    size, pages = found
    out = []
    for part, page in enumerate(pages, start=1):
        head = (frame if part == 1 else later).head
        shapes = placed(_listed(ctx, [s for _, s in page], page[0][0], area, size))
        out.append(Page(continued(slide["title"], part), head.shapes, tuple(shapes)))
    return plans_of(slide, out, lambda _: source_box(ctx, slide))


def _dot(ctx: Ctx, x: int, y: int, number: int, size: int = DOT) -> list:
    color = ctx.colors["accent"]
    digits = Para((ctx.run(str(number), round(NUMBER_SIZE * size / DOT), heading=True, bold=True,
                           color=readable_on(color, "FFFFFF")),), align="ctr")
    return [Rect(Box(x, y, size, size), fill=color, ellipse=True, name="Step dot"),
            TextBox(Box(x, y, size, size), (digits,), anchor="ctr", name="Step number")]


def _in_rows(ctx: Ctx, steps: list, rows: list[list[int]], area: Box, size: float) -> list | Shortfall:
    """Dots in a row joined by a line, each step's words under its dot; every row as tall as the tallest."""
    widest = max(len(r) for r in rows)
    slots = ctx.grid.split(widest)
    width = slots[0][1] - SMALL_GAP
    room = (area.h - (len(rows) - 1) * ROW_GAP) // len(rows) - DOT - DOT_GAP
    heights = [ctx.measure.height(_paras(ctx, s, size), width) for s in steps]
    if not all(whole_words(ctx, _paras(ctx, s, size), width) for s in steps):
        return Shortfall("steps", "a word", f"is wider than a step's column at {size:g} pt")
    if max(heights) > room:
        worst = max(range(len(steps)), key=heights.__getitem__)
        return _step_shortfall(ctx, steps, worst, size, width, room)
    text_h = max(heights)
    row_h = DOT + DOT_GAP + text_h
    y = area.y + max(0, (area.h - len(rows) * row_h - (len(rows) - 1) * ROW_GAP) * 2 // 5)
    shapes: list = []
    for row in rows:
        columns = slots[: len(row)]
        for i, ((x, _), index) in enumerate(zip(columns, row)):
            if i < len(row) - 1:
                start, end = x + DOT + CONNECTOR_GAP, columns[i + 1][0] - CONNECTOR_GAP
                shapes.append(Rect(Box(start, y + (DOT - CONNECTOR) // 2, end - start, CONNECTOR),
                                   fill=ctx.colors["muted"], name="Connector"))
            shapes += _dot(ctx, x, y, index + 1)
            shapes.append(TextBox(Box(x, y + DOT + DOT_GAP, width, text_h),
                                  tuple(_paras(ctx, steps[index], size, index)),
                                  name="Step"))
        y += row_h + ROW_GAP
    return shapes


def _step_shortfall(ctx: Ctx, steps: list, index: int, size: float, width: int, room: int) -> Shortfall:
    step = steps[index]
    text = step.get("text") or step["title"]
    title_h = ctx.measure.height(_paras(ctx, {"title": step["title"]}, size), width) if step.get("text") else 0

    def paras(kept: str) -> list[Para]:
        return _paras(ctx, {"title": step["title"], "text": kept} if step.get("text") else {"title": kept}, size)

    short = text_shortfall(ctx, "steps", f"step {index + 1}", text, paras, width, max(room, title_h), index=index)
    return Shortfall(short.field, short.item, lambda: f"{short.said} at {size:g} pt", index)


def _listed(ctx: Ctx, steps: list, first: int, area: Box, size: float) -> list | Shortfall:
    """One row per step down the slide: its number in a dot, its title, then its text beside it (titles in a
    column as wide as the longest needs, up to a third of the slide; else each title above its text)."""
    title_x = area.x + SMALL_DOT + DOT_GAP
    titles = [[Para((ctx.run(s["title"], size, heading=True, bold=True),), source=("steps", first + i, "title"))]
              for i, s in enumerate(steps)]
    details = [[_detail(ctx, s["text"], size, first + i)] if s.get("text") else [] for i, s in enumerate(steps)]
    title_w = max(ctx.measure.widest_line(t[0]) for t in titles) + DOT_GAP
    beside = title_w <= (area.right - title_x) // 3
    text_x = title_x + title_w + DOT_GAP
    rows = []
    for title, detail in zip(titles, details):
        if beside and detail:
            frames = [(title_x, title_w, title), (text_x, area.right - text_x, detail)]
        else:
            frames = [(title_x, area.right - title_x, title + detail)]
        height = max(SMALL_DOT, *(ctx.measure.height(paras, w) for _, w, paras in frames))
        if not all(whole_words(ctx, paras, w) for _, w, paras in frames):
            return Shortfall("steps", "a word", f"is wider than the list at {size:g} pt")
        rows.append((frames, height))
    total = sum(h for _, h in rows) + LIST_GAP * (len(rows) - 1)
    if total > area.h:
        worst = max(range(len(steps)), key=lambda i: rows[i][1])
        return Shortfall("steps", f"step {first + worst + 1}", f"is too long for a slide of its own at {size:g} pt",
                         first + worst)
    y = area.y + max(0, (area.h - total) * 2 // 5)
    shapes: list = []
    for i, (frames, height) in enumerate(rows):
        if i < len(rows) - 1:
            shapes.append(Rect(Box(area.x + (SMALL_DOT - CONNECTOR) // 2, y + SMALL_DOT + SMALL_GAP // 2, CONNECTOR,
                                   height + LIST_GAP - SMALL_DOT - SMALL_GAP), fill=ctx.colors["muted"],
                               name="Connector"))
        shapes += _dot(ctx, area.x, y, first + i + 1, SMALL_DOT)
        for (x, w, paras), name in zip(frames, ("Step", "Step text")):
            shapes.append(TextBox(Box(x, y, w, height), tuple(paras), name=name))
        y += height + LIST_GAP
    return shapes
