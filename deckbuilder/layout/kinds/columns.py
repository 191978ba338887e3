"""The columns slide: two or three cards, each a heading over its points, at one size; tighter cards before
smaller type, and continuation that cuts every column at the same point, headings repeated."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ...model.outline import Slide
from ..blocks import Frame, Item, bullet_paras, content_frame, framed, items_of, source_box, whole_words
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange, lines_over, placed
from ..grid import CARD_PAD, GAP, RULE
from ..ir import EMU_PER_INCH, EMU_PER_PT, Box, Para, Rect, SlidePlan, TextBox, inches, points
from ..lists import Page, plans_of
from ..paging import continued, paginate
from ..scale import FLOOR, stages
from ..text import para_pitch

TIGHT_PAD = inches(0.15)
RULE_W = inches(0.5)  # the accent rule under a column's heading
RULE_ABOVE = points(6)
RULE_BELOW = inches(0.2)
FILL = 0.6  # a card is at least this share of the body's height, so short columns still read as cards


@dataclass(frozen=True)
class Column:
    """One column as the layout needs it: its place in the slide, heading, points and numbering."""

    index: int
    heading: str
    items: tuple[Item, ...]
    numbered: bool

    @classmethod
    def of(cls, index: int, column) -> Column:
        return cls(index, column["heading"], tuple(items_of(column["bullets"], ("columns", index, "bullets"))),
                   bool(column.get("numbered")))


def _heading(ctx: Ctx, column: Column, size: float) -> Para:
    return Para((ctx.run(column.heading, size, heading=True, bold=True, color=ctx.colors["primary"]),),
                source=("columns", column.index, "heading"))


def _points(ctx: Ctx, column: Column, size: float, first: int, last: int | None) -> list[Para]:
    return bullet_paras(ctx, column.items[first:last], size, column.numbered, first + 1)


def plan_columns(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    columns = [Column.of(i, column) for i, column in enumerate(slide["columns"])]
    whole = (0, None)
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    arrangements = framed(ctx, slide, frame, lambda f: [
        Arrangement("", lambda size: _cards(ctx, columns, f.body, size, CARD_PAD, whole)),
        Arrangement("tighter cards", lambda size: _cards(ctx, columns, f.body, size, TIGHT_PAD, whole)),
        Arrangement("the columns one under another", lambda size: _rows(ctx, columns, f.body, size))])
    sizes = stages(ctx.size("body"), ctx.size("body_min"), FLOOR["body"])
    fitted = arrange(arrangements, sizes)
    if not isinstance(fitted, Shortfall):
        return plans_of(slide, [Page(slide["title"], (), tuple(fitted.shapes))], lambda _: source_box(ctx, slide),
                        fitted.arranged)
    return _continued(slide, ctx, columns, frame, [*sizes[0], *sizes[1]], fitted)


def _continued(slide: Slide, ctx: Ctx, columns: list, frame: Frame, sizes: list[float],
               short: Shortfall) -> list[SlidePlan]:
    """As few slides as hold the columns: every column cut at the same point on each slide (headings
    repeated), or whole columns one under another on each; whichever takes fewer slides."""
    later = content_frame(ctx, slide, continued(slide["title"], 2)) or frame
    top = max(frame.body.y, later.body.y)
    area = Box(frame.body.x, top, frame.body.w, frame.body.bottom - top)

    def cut(page: list, size: float) -> list | Shortfall:
        return _cards(ctx, columns, area, size, TIGHT_PAD, (page[0], page[-1] + 1))

    def stacked(page: list, size: float) -> list | Shortfall:
        return _rows(ctx, page, area, size)

    ways = [(cut, list(range(max(len(c.items) for c in columns)))), (stacked, columns)]
    found = [(way, paged) for way, units in ways if (paged := paginate(units, partial(_fits, way), sizes))]
    if not found:
        ctx.overflow(slide, short)
        return []
    way, (size, pages) = min(found, key=lambda f: len(f[1][1]))
    out = [Page(continued(slide["title"], part), (frame if part == 1 else later).head.shapes,
                tuple(placed(way(page, size))))
           for part, page in enumerate(pages, start=1)]
    return plans_of(slide, out, lambda _: source_box(ctx, slide))


def _fits(way: Callable[[list, float], list | Shortfall], page: list, size: float, _: int) -> bool:
    return not isinstance(way(page, size), Shortfall)


def _rows(ctx: Ctx, columns: list, area: Box, size: float) -> list | Shortfall:
    """A card across the slide per column, one under another: the heading on the left, the points beside it."""
    heading_w = ctx.grid.span(0, 3)[1] - TIGHT_PAD
    points_x = area.x + TIGHT_PAD + heading_w + ctx.grid.gutter
    points_w = area.right - TIGHT_PAD - points_x
    rows = []
    for column in columns:
        heading, paras = [_heading(ctx, column, size)], _points(ctx, column, size, 0, None)
        if not (whole_words(ctx, heading, heading_w) and whole_words(ctx, paras, points_w)):
            return Shortfall("columns", "a word", f"is wider than a column at {size:g} pt")
        rows.append((heading, paras, max(ctx.measure.height(heading, heading_w), ctx.measure.height(paras, points_w))))
    total = sum(h + 2 * TIGHT_PAD for *_, h in rows) + ctx.grid.gutter * (len(rows) - 1)
    if total > area.h:
        return Shortfall("columns", "the columns", f"one under another need {(total - area.h) / EMU_PER_INCH:.1f} in "
                         f"more than the slide has at {size:g} pt")
    shapes: list = []
    y = area.y
    for heading, paras, height in rows:
        card = Box(area.x, y, area.w, height + 2 * TIGHT_PAD)
        shapes += [Rect(card, fill=ctx.colors["surface"], rounded=True, name="Card"),
                   TextBox(Box(area.x + TIGHT_PAD, y + TIGHT_PAD, heading_w, height), tuple(heading),
                           name="Column heading"),
                   TextBox(Box(points_x, y + TIGHT_PAD, points_w, height), tuple(paras), name="Column points")]
        y = card.bottom + ctx.grid.gutter
    return shapes


def _cards(ctx: Ctx, columns: list, area: Box, size: float, pad: int, span: tuple[int, int | None]) -> list | Shortfall:
    """A card per column holding its heading, a rule and the points `span` (first, last) of it."""
    slots = ctx.grid.split(len(columns))
    inner = min(w for _, w in slots) - 2 * pad
    heading_size = size + 2 if pad == CARD_PAD else size
    room = area.h - 2 * pad
    heights = [_height(ctx, c, inner, size, heading_size, span) for c in columns]
    if not all(whole_words(ctx, [_heading(ctx, c, heading_size), *_points(ctx, c, size, *span)], inner)
               for c in columns):
        return Shortfall("columns", "a word", f"is wider than a column at {size:g} pt")
    if max(heights) > room:
        worst = max(range(len(columns)), key=heights.__getitem__)
        pitch = para_pitch(_points(ctx, columns[worst], size, 0, 1)[0]) * EMU_PER_PT
        return Shortfall("columns", f"the column '{columns[worst].heading}'",
                         lines_over(max(1, -(-(heights[worst] - room) // round(pitch))), size), worst)
    card_h = min(max(max(heights) + 2 * pad + GAP, round(area.h * FILL)), area.h)
    shapes: list = []
    for (x, w), column in zip(slots, columns):
        shapes.append(Rect(Box(x, area.y, w, card_h), fill=ctx.colors["surface"], rounded=True, name="Card"))
        shapes += _column(ctx, column, Box(x + pad, area.y + pad, w - 2 * pad, card_h - 2 * pad), size,
                          heading_size, span)
    return shapes


def _height(ctx: Ctx, column, width: int, size: float, heading_size: float, span) -> int:
    heading = ctx.measure.height([_heading(ctx, column, heading_size)], width)
    return heading + RULE_ABOVE + RULE + RULE_BELOW + ctx.measure.height(_points(ctx, column, size, *span), width)


def _column(ctx: Ctx, column, box: Box, size: float, heading_size: float, span) -> list:
    heading = [_heading(ctx, column, heading_size)]
    heading_h = ctx.measure.height(heading, box.w)
    rule_y = box.y + heading_h + RULE_ABOVE
    body_y = rule_y + RULE + RULE_BELOW
    shapes = [TextBox(Box(box.x, box.y, box.w, heading_h), tuple(heading), name="Column heading"),
              Rect(Box(box.x, rule_y, RULE_W, RULE), fill=ctx.colors["accent"], name="Rule")]
    paras = _points(ctx, column, size, *span)
    if paras:
        shapes.append(TextBox(Box(box.x, body_y, box.w, box.bottom - body_y), tuple(paras), name="Column points"))
    return shapes
