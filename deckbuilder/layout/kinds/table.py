"""The table slide: columns as wide as their words need, one size, long tables continued with their header."""
from __future__ import annotations

import re

from ...colors import readable_on
from ...model.outline import Slide
from ..blocks import Frame, content_frame, framed, source_box
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange
from ..ir import EMU_PER_PT, Box, Para, SlidePlan, Table, TableCell, inches
from ..lists import Page, plans_of
from ..paging import continued, paginate
from ..scale import LABEL_FLOOR, stages
from ..text import LINE_PITCH, WIDTH_SLACK

MARGIN = inches(0.08)  # inside a cell, left and right; half of it above and below
NUMBER = re.compile(r"[-+−]?[£$€¥]?\d[\d,.\s]*(%|k|m|bn)?", re.IGNORECASE)


class _Measured:
    """The table at one size: its cells' paragraphs, column widths and row heights (the header first)."""

    def __init__(self, ctx: Ctx, header: list[str], rows: list[list[str]], width: int, size: float):
        self.header = bool(header)
        head = ctx.colors["primary"]
        on_head = readable_on(head, "FFFFFF", ctx.colors["text"])
        texts = ([header] if header else []) + rows
        aligns = ["r" if _numbers([row[c] for row in rows]) else "l" for c in range(len(texts[0]))]
        self.cells = [[_paras(ctx, text, size, align=align, bold=r == 0 and self.header,
                              color=on_head if r == 0 and self.header else ctx.colors["text"],
                              source=("header", c) if r == 0 and self.header else ("rows", r - self.header, c))
                       for c, (text, align) in enumerate(zip(row, aligns))] for r, row in enumerate(texts)]
        self.fills = [head if r == 0 and self.header else ctx.colors["surface"] if (r - self.header) % 2 else None
                      for r in range(len(texts))]
        self.widths = _share([max(_natural(ctx, self.cells[r][c]) for r in range(len(texts))) + 2 * MARGIN
                              for c in range(len(texts[0]))], width)
        pitch = round(size * LINE_PITCH * EMU_PER_PT)
        self.heights = [max(max(ctx.measure.height(cell, w - 2 * MARGIN), pitch) for cell, w in zip(row, self.widths))
                        + MARGIN for row in self.cells]

    def height(self, rows: list[int]) -> int:
        return sum(self.heights[:self.header]) + sum(self.heights[r + self.header] for r in rows)

    def table(self, box: Box, rows: list[int]) -> Table:
        picked = [*range(self.header), *(r + self.header for r in rows)]
        cells = tuple(tuple(TableCell(tuple(paras), self.fills[r]) for paras in self.cells[r]) for r in picked)
        heights = tuple(self.heights[r] for r in picked)
        return Table(box.with_h(sum(heights)), tuple(self.widths), heights, cells, self.header, MARGIN)


def _numbers(column: list[str]) -> bool:
    """Whether a column holds numbers (set right-aligned, its heading too)."""
    filled = [text.strip() for text in column if text.strip()]
    return bool(filled) and all(NUMBER.fullmatch(text) for text in filled)


def _paras(ctx: Ctx, text: str, size: float, **style) -> list[Para]:
    return [ctx.para(line, size, **style) for line in (text.split("\n") if text else [""])]


def _natural(ctx: Ctx, paras: list[Para]) -> int:
    """The width a cell's text takes on one line per paragraph, in EMU."""
    return round(max((sum(ctx.measure.width(run) for run in p.runs) for p in paras), default=0) * EMU_PER_PT
                 / WIDTH_SLACK)


def _share(natural: list[int], total: int) -> list[int]:
    """Column widths filling `total`: in proportion to what each needs when all fit, else the narrow columns
    get what they need and the wide ones share the rest equally."""
    if sum(natural) <= total:
        widths = [n * total // sum(natural) for n in natural]
    else:
        widths, left, room = list(natural), set(range(len(natural))), total
        while left:
            fair = room // len(left)
            narrow = {i for i in left if natural[i] <= fair}
            if not narrow:
                for i in left:
                    widths[i] = fair
                break
            room -= sum(natural[i] for i in narrow)
            left -= narrow
    widths[-1] += total - sum(widths)
    return widths


def _valid(ctx: Ctx, slide: Slide, header: list[str], rows: list[list[str]]) -> bool:
    width = len(header) if header else len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != width:
            ctx.diags.error("table-data", f"slide '{slide.id}': row {i + 1} has {len(row)} cells where the "
                            f"{'header' if header else 'first row'} has {width}", slide["rows"].at(i),
                            f"slides.{slide.id}.rows[{i}]", 'give every row one cell per column (an empty cell is "")')
            return False
    return True


def plan_table(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    header, rows = list(slide.get("header") or []), [list(r) for r in slide["rows"]]
    if not _valid(ctx, slide, header, rows):
        return []
    sizes = stages(ctx.size("body") - 4, ctx.size("caption"), LABEL_FLOOR)
    every = list(range(len(rows)))
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    arrangements = framed(ctx, slide, frame, lambda f: [
        Arrangement("", lambda size: _fitted(_Measured(ctx, header, rows, f.body.w, size), f.body, every))])
    fitted = arrange(arrangements, sizes)
    if not isinstance(fitted, Shortfall):
        return plans_of(slide, [Page(slide["title"], (), tuple(fitted.shapes))], lambda _: source_box(ctx, slide),
                        fitted.arranged)
    return _continued(slide, ctx, header, rows, frame, [*sizes[0], *sizes[1]])


def _fitted(table: _Measured, area: Box, rows: list[int]) -> list | Shortfall:
    if table.height(rows) > area.h:
        return Shortfall("rows", "the table", "does not fit one slide")
    return [table.table(area, rows)]


def _continued(slide: Slide, ctx: Ctx, header: list[str], rows: list[list[str]], first: Frame,
               sizes: list[float]) -> list[SlidePlan]:
    """The rows over as few slides as hold them, at one size, the header on each."""
    later = content_frame(ctx, slide, continued(slide["title"], 2)) or first
    top = max(first.body.y, later.body.y)
    area = Box(first.body.x, top, first.body.w, first.body.bottom - top)
    measured = {size: _Measured(ctx, header, rows, area.w, size) for size in sizes}
    found = paginate(list(range(len(rows))), lambda page, size, _: measured[size].height(page) <= area.h, sizes)
    if found is None:
        table = measured[sizes[-1]]
        tall = next(r for r in range(len(rows)) if table.height([r]) > area.h)
        ctx.overflow(slide, Shortfall("rows", f"row {tall + 1}", f"is taller than a slide at {sizes[-1]:g} pt", tall))
        return []
    size, pages = found
    out = [Page(continued(slide["title"], part), (first if part == 1 else later).head.shapes,
                (measured[size].table(area, page),)) for part, page in enumerate(pages, start=1)]
    return plans_of(slide, out, lambda _: source_box(ctx, slide))
