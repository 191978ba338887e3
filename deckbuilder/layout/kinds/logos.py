"""The logos slide: a tidy grid of equal tiles; a name without a logo becomes a text tile. Long names take
wider tiles (fewer columns) before smaller type; many logos continue on a further slide."""
from __future__ import annotations

import math
from functools import partial

from ...model.outline import Slide
from ..blocks import Frame, content_frame, fits, framed, source_box, sourced, text_shortfall
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange, placed
from ..grid import GUTTER
from ..images import place_image
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches
from ..lists import Page, plans_of
from ..paging import continued, paginate
from ..scale import LABEL_FLOOR, stages

PAD = inches(0.25)
MAX_TILE_H = inches(1.9)
MIN_TILE_H = inches(0.7)


def _columns(count: int) -> int:
    return {1: 1, 2: 2, 3: 3, 4: 4, 5: 3, 6: 3, 9: 3}.get(count, 4 if count <= 16 else 6)


def _name(ctx: Ctx, name: str, size: float) -> list[Para]:
    return [Para((ctx.run(name, size, heading=True, bold=True, color=ctx.colors["primary"]),), align="ctr")]


def plan_logos(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    logos = list(slide["logos"])
    cols = _columns(len(logos))
    options = [("", cols)] + [("wider tiles", c) for c in range(cols - 1, max(1, cols - 2), -1)]
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    arrangements = framed(ctx, slide, frame, lambda f: [
        Arrangement(name, partial(_tiles, ctx, slide, logos, f.body, c)) for name, c in options])
    sizes = stages(ctx.size("body") - 2, ctx.size("body_min") - 2, LABEL_FLOOR)
    fitted = arrange(arrangements, sizes)
    if not isinstance(fitted, Shortfall):
        return [SlidePlan(slide.id, slide.layout, slide["title"], (*fitted.shapes, *source_box(ctx, slide)),
                          slide.get("notes", ""), arranged=fitted.arranged)]
    return _continued(slide, ctx, logos, frame, options[-1][1], [*sizes[0], *sizes[1]], fitted)


def _continued(slide: Slide, ctx: Ctx, logos: list, frame: Frame, cols: int, sizes: list[float],
               short: Shortfall) -> list[SlidePlan]:
    later = content_frame(ctx, slide, continued(slide["title"], 2)) or frame
    top = max(frame.body.y, later.body.y)
    area = Box(frame.body.x, top, frame.body.w, frame.body.bottom - top)
    found = paginate(logos, lambda page, size, _: not isinstance(_tiles(ctx, slide, page, area, cols, size),
                                                                    Shortfall), sizes)
    if found is None:
        ctx.overflow(slide, short)
        return []
    size, pages = found
    starts = [sum(len(p) for p in pages[:k]) for k in range(len(pages))]
    out = [Page(continued(slide["title"], part), (frame if part == 1 else later).head.shapes,
                tuple(placed(_tiles(ctx, slide, page, area, cols, size, start))))
           for part, (page, start) in enumerate(zip(pages, starts), start=1)]
    return plans_of(slide, out, lambda _: source_box(ctx, slide))


def _tiles(ctx: Ctx, slide: Slide, logos: list, area: Box, cols: int, size: float, first: int = 0) -> list | Shortfall:
    """Tiles in rows of `cols` (a short last row centred), a third of the way down the free space."""
    cols = min(cols, len(logos))
    rows = math.ceil(len(logos) / cols)
    tile_h = min(MAX_TILE_H, (area.h - (rows - 1) * GUTTER) // rows)
    if tile_h < MIN_TILE_H:
        return Shortfall("logos", "the logos", f"need {rows} rows of tiles where the slide has room for fewer")
    slots = ctx.grid.split(cols)
    tile_w = slots[0][1]
    pad = min(PAD, tile_h // 8)
    inner_w, inner_h = tile_w - 2 * pad, tile_h - 2 * pad
    for i, logo in enumerate(logos):
        if not logo.get("image") and not fits(ctx, _name(ctx, logo["name"], size), inner_w, inner_h):
            return text_shortfall(ctx, "logos", f"the name '{logo['name']}'", logo["name"],
                                  lambda t: _name(ctx, t, size), inner_w, inner_h, index=i)
    y0 = area.y + max(0, (area.h - rows * tile_h - (rows - 1) * GUTTER) // 3)
    shapes: list = []
    for i, logo in enumerate(logos):
        row, col = divmod(i, cols)
        x = _row_x(slots, len(logos), cols, row)[col]
        tile = Box(x, y0 + row * (tile_h + GUTTER), tile_w, tile_h)
        shapes.append(Rect(tile, fill=ctx.colors["surface"], rounded=True, name="Tile"))
        shapes += _content(ctx, slide, logo, first + i, tile, size, pad)
    return shapes


def _row_x(slots: list, count: int, cols: int, row: int) -> list[int]:
    """x of each tile in a row; a short last row is centred."""
    in_row = min(cols, count - row * cols)
    shift = (cols - in_row) * (slots[1][0] - slots[0][0]) // 2 if cols > 1 else 0
    return [x + shift for x, _ in slots[:in_row]]


def _content(ctx: Ctx, slide: Slide, logo, index: int, tile: Box, size: float, pad: int) -> list:
    inner = Box(tile.x + pad, tile.y + pad, tile.w - 2 * pad, tile.h - 2 * pad)
    if logo.get("image"):
        spec = logo["image"].copy()
        spec.setdefault("credit", "credits-only")
        return place_image(ctx, slide, spec, inner, fit="contain")
    return [sourced(TextBox(inner, tuple(_name(ctx, logo["name"], size)), anchor="ctr", name="Logo name"),
                    ("logos", index, "name"))]
