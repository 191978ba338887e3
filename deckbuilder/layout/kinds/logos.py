"""The logos slide: a tidy grid of equal tiles; a name without a logo becomes a text tile."""
from __future__ import annotations

import math

from ...model.outline import Slide
from ..blocks import content_frame, source_box
from ..context import Ctx
from ..images import place_image
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches
from ..text import sizes_between

GAP = inches(0.25)
PAD = inches(0.25)
MAX_TILE_H = inches(1.9)
NAME_FLOOR = 14.0


def _columns(count: int) -> int:
    return {1: 1, 2: 2, 3: 3, 4: 4, 5: 3, 6: 3, 9: 3}.get(count, 4 if count <= 16 else 6)


def _name(ctx: Ctx, name: str, size: float) -> list[Para]:
    return [Para((ctx.run(name, size, heading=True, bold=True, color=ctx.colors["primary"]),), align="ctr")]


def plan_logos(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    head, top, bottom = frame
    logos = slide["logos"]
    cols = _columns(len(logos))
    rows = math.ceil(len(logos) / cols)
    tile_h = min(MAX_TILE_H, (bottom - top - (rows - 1) * GAP) // rows)
    slots = ctx.grid.split(cols)
    tile_w = slots[0][1]
    pad = min(PAD, tile_h // 8)
    names = [logo["name"] for logo in logos if not logo.get("image")]
    size = _name_size(ctx, slide, names, tile_w - 2 * pad, tile_h - 2 * pad)
    if size is None:
        return []
    y0 = top + max(0, (bottom - top - rows * tile_h - (rows - 1) * GAP) // 3)
    shapes: list = []
    for i, logo in enumerate(logos):
        row, col = divmod(i, cols)
        x = _row_x(slots, len(logos), cols, row)[col]
        tile = Box(x, y0 + row * (tile_h + GAP), tile_w, tile_h)
        shapes.append(Rect(tile, fill=ctx.colors["surface"], rounded=True, name="Tile"))
        shapes += _content(ctx, slide, logo, tile, size, pad)
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*head, *shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""))]


def _row_x(slots: list, count: int, cols: int, row: int) -> list[int]:
    """x of each tile in a row; a short last row is centred."""
    in_row = min(cols, count - row * cols)
    shift = (cols - in_row) * (slots[1][0] - slots[0][0]) // 2 if cols > 1 else 0
    return [x + shift for x, _ in slots[:in_row]]


def _name_size(ctx: Ctx, slide: Slide, names: list[str], width: int, height: int) -> float | None:
    for size in sizes_between(ctx.size("body") - 2, NAME_FLOOR):
        if all(ctx.measure.height(_name(ctx, n, size), width) <= height for n in names):
            return size
    ctx.overflow(slide, "logos", f"a name does not fit its tile even at {NAME_FLOOR:g} pt")
    return None


def _content(ctx: Ctx, slide: Slide, logo, tile: Box, size: float, pad: int) -> list:
    inner = Box(tile.x + pad, tile.y + pad, tile.w - 2 * pad, tile.h - 2 * pad)
    if logo.get("image"):
        spec = logo["image"].copy()
        spec.setdefault("credit", "credits-only")
        return place_image(ctx, slide, spec, inner, fit="contain")
    return [TextBox(inner, tuple(_name(ctx, logo["name"], size)), anchor="ctr", name="Logo name")]
