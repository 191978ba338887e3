"""The stat slide: one to four big numbers, each with a short label: in a row, in a 2 × 2 grid, or with their
units on a smaller line, all at one size."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from ...model.outline import Slide
from ..blocks import content_frame, fits, framed, source_box, sourced, text_shortfall
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange
from ..grid import snap
from ..ir import EMU_PER_INCH, EMU_PER_PT, Box, Para, SlidePlan, TextBox, inches
from ..scale import DISPLAY_STEP, FLOOR, LABEL_FLOOR, STAT_FLOOR, stages, steps
from ..text import para_pitch

COMFORTABLE = 0.6  # numbers down to this share of the theme's stat size count as the preferred sizes
UNIT_SHARE = 0.4  # a unit set on its own line, as a share of the number's size
LABEL_GAP = inches(0.1)
ROW_GAP = inches(0.35)
NUMBER_THEN_UNIT = re.compile(r"^(\S*\d\S*)\s+(.+)$")  # "£2.3 million" -> "£2.3", "million"


@dataclass(frozen=True)
class Cell:
    """Where one stat goes: x and width, and the row it is in."""

    x: int
    w: int
    row: int


def plan_stat(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    stats = list(slide["stats"])
    attempts = [("", _row(ctx, len(stats)), False), ("a 2 × 2 grid", _grid(ctx, len(stats)), False),
                ("the units on a smaller line", _row(ctx, len(stats)), True),
                ("a 2 × 2 grid, the units on a smaller line", _grid(ctx, len(stats)), True)]
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    arrangements = framed(ctx, slide, frame, lambda f: [
        Arrangement(name, partial(_attempt, ctx, stats, cells, f.body, units=units))
        for name, cells, units in attempts if cells and (not units or any(_split(s["value"]) for s in stats))])
    preferred = ctx.size("stat")
    fitted = arrange(arrangements, stages(preferred, preferred * COMFORTABLE, STAT_FLOOR, DISPLAY_STEP),
                     ctx.numerals)
    if isinstance(fitted, Shortfall):
        ctx.overflow(slide, fitted)
        return []
    ctx.found.numerals[slide.id] = fitted.size
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*fitted.shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""), arranged=fitted.arranged)]


def _row(ctx: Ctx, count: int) -> list[Cell]:
    return [Cell(x, w, 0) for x, w in ctx.grid.split(count)]


def _grid(ctx: Ctx, count: int) -> list[Cell] | None:
    """Two rows of two (three stats: two, then one centred under them)."""
    if count < 3:
        return None
    (x0, w), (x1, _) = ctx.grid.split(2)
    cells = [Cell(x0, w, 0), Cell(x1, w, 0), Cell(x0, w, 1), Cell(x1, w, 1)][:count]
    if count == 3:
        cells[2] = Cell((x0 + x1) // 2, w, 1)
    return cells


def _split(value: str) -> tuple[str, str] | None:
    found = NUMBER_THEN_UNIT.match(value.strip())
    return (found.group(1), found.group(2)) if found else None


def _value(ctx: Ctx, value: str, size: float, units: bool) -> list[Para]:
    """The number in the accent colour; with `units`, what follows it on a smaller line under it."""
    parts = _split(value) if units else None
    if not parts:
        return [Para((ctx.run(value, size, heading=True, bold=True, color=ctx.colors["accent"]),), align="ctr")]
    unit = max(FLOOR["body"], round(size * UNIT_SHARE))
    return [Para((ctx.run(parts[0], size, heading=True, bold=True, color=ctx.colors["accent"]),), align="ctr"),
            Para((ctx.run(parts[1], unit, heading=True, bold=True, color=ctx.colors["accent"]),), align="ctr")]


def _label(ctx: Ctx, text: str, size: float) -> list[Para]:
    """The label under a number: smaller and muted, so the number dominates."""
    return [Para((ctx.run(text, size, color=ctx.colors["muted"]),), align="ctr")]


def _attempt(ctx: Ctx, stats: list, cells: list[Cell], area: Box, size: float, units: bool) -> list | Shortfall:
    """Every stat in its cell at one size: each number (or part of it) on one line, the labels under them."""
    for i, stat in enumerate(stats):
        paras = _value(ctx, stat["value"], size, units)
        if any(ctx.measure.line_count(p, cells[i].w) > 1 for p in paras):
            return text_shortfall(ctx, "stats", f"the value of stat {i + 1} ('{stat['value']}')", stat["value"],
                                  lambda t: _value(ctx, t, STAT_FLOOR, units)[:1], cells[i].w, 10 ** 9, 1, i)
    rows = max(c.row for c in cells) + 1
    value_h = max(snap(round(sum(para_pitch(p) for p in _value(ctx, s["value"], size, units)) * EMU_PER_PT))
                  for s in stats)
    room = (area.h - (rows - 1) * ROW_GAP) // rows - value_h - LABEL_GAP
    label = _label_size(ctx, stats, cells, room)
    if isinstance(label, Shortfall):
        return label
    label_size, label_h = label
    block = rows * (value_h + LABEL_GAP + label_h) + (rows - 1) * ROW_GAP
    if block > area.h:
        return Shortfall("stats", "the numbers and their labels", f"need {(block - area.h) / EMU_PER_INCH:.1f} in more "
                         f"than the slide has at {size:g} pt")
    y = area.y + max(0, (area.h - block) * 2 // 5)
    shapes: list = []
    for index, (cell, stat) in enumerate(zip(cells, stats)):
        top = y + cell.row * (value_h + LABEL_GAP + label_h + ROW_GAP)
        value = TextBox(Box(cell.x, top, cell.w, value_h), tuple(_value(ctx, stat["value"], size, units)),
                        name="Stat value", anchor="b")
        under = TextBox(Box(cell.x, top + value_h + LABEL_GAP, cell.w, label_h),
                        tuple(_label(ctx, stat["label"], label_size)), name="Stat label")
        shapes += [sourced(value, ("stats", index, "value")), sourced(under, ("stats", index, "label"))]
    return shapes


def _label_size(ctx: Ctx, stats: list, cells: list[Cell], room: int) -> tuple[float, int] | Shortfall:
    """The largest label size (from 22 pt) at which every label takes at most two lines, else three (down to
    14 pt), within `room`; with the labels' height."""
    for most, floor in ((2, FLOOR["body"]), (3, FLOOR["body"]), (3, LABEL_FLOOR)):
        for size in steps(ctx.size("caption") + 4, floor):
            paras = [_label(ctx, s["label"], size) for s in stats]
            height = max(ctx.measure.height(p, c.w) for p, c in zip(paras, cells))
            if height <= room and all(fits(ctx, p, c.w, room, most) for p, c in zip(paras, cells)):
                return size, height
    worst = max(range(len(stats)), key=lambda i: ctx.measure.height(_label(ctx, stats[i]["label"], LABEL_FLOOR),
                                                                    cells[i].w))
    return text_shortfall(ctx, "stats", f"the label of stat {worst + 1}", stats[worst]["label"],
                          lambda t: _label(ctx, t, LABEL_FLOOR), cells[worst].w, max(room, 0), 3, worst)
