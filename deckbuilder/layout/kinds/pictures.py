"""The pictures slide: two to six pictures in a grid, each shown whole with its credit and caption."""
from __future__ import annotations

from functools import partial

from ...model.outline import Slide
from ..blocks import content_frame, framed, source_box, text_shortfall
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange
from ..grid import GUTTER
from ..images import place_image
from ..ir import Box, Para, SlidePlan, TextBox, inches
from ..scale import LABEL_FLOOR, steps

CAPTION_GAP = inches(0.08)
MIN_PICTURE = inches(1.0)
GRIDS = {2: [(2, 1)], 3: [(3, 1)], 4: [(2, 2), (4, 1)], 5: [(3, 2)], 6: [(3, 2), (2, 3)]}  # columns, rows


def _caption(ctx: Ctx, text: str, size: float, index: int = 0) -> list[Para]:
    return [ctx.para(text, size, align="ctr", source=("pictures", index, "caption"))]


def plan_pictures(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    pictures = list(slide["pictures"])
    grids = GRIDS[len(pictures)]
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    arrangements = framed(ctx, slide, frame, lambda f: [
        Arrangement("" if i == 0 else f"{cols} by {rows}", partial(_grid, ctx, slide, pictures, f.body, cols, rows))
        for i, (cols, rows) in enumerate(grids)])
    fitted = arrange(arrangements, [steps(ctx.size("caption"), LABEL_FLOOR)])
    if isinstance(fitted, Shortfall):
        ctx.overflow(slide, fitted)
        return []
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*fitted.shapes, *source_box(ctx, slide)),
                      slide.get("notes", ""), arranged=fitted.arranged)]


def _grid(ctx: Ctx, slide: Slide, pictures: list, area: Box, cols: int, rows: int, size: float) -> list | Shortfall:
    """Each picture in its cell (rows of `cols`, a short last row centred), its caption under it."""
    slots = ctx.grid.split(cols)
    cell_h = (area.h - (rows - 1) * GUTTER) // rows
    width = slots[0][1]
    captions = [_caption(ctx, p["caption"], size, i) if p.get("caption") else [] for i, p in enumerate(pictures)]
    room = max((ctx.measure.height(c, width) for c in captions), default=0)
    for i, (caption, picture) in enumerate(zip(captions, pictures)):
        if caption and ctx.measure.line_count(caption[0], width) > 3:
            return text_shortfall(ctx, "pictures", f"the caption of picture {i + 1}", picture["caption"],
                                  lambda t: _caption(ctx, t, LABEL_FLOOR), width, room, 3, i)
    picture_h = cell_h - (room + CAPTION_GAP if room else 0)
    if picture_h < MIN_PICTURE:
        return Shortfall("pictures", "the captions", "leave the pictures too little room")
    shapes: list = []
    for row in range(-(-len(pictures) // cols)):
        picked = list(range(row * cols, min(len(pictures), (row + 1) * cols)))
        shift = (cols - len(picked)) * (slots[1][0] - slots[0][0]) // 2 if cols > 1 else 0
        cells = [Box(slots[i - row * cols][0] + shift, area.y + row * (cell_h + GUTTER), width, picture_h)
                 for i in picked]
        placed = [place_image(ctx, slide, pictures[i]["image"], cell, fit="contain") for i, cell in zip(picked, cells)]
        top = max((s.box.bottom for group in placed for s in group), default=cells[0].bottom) + CAPTION_GAP
        for i, cell, group in zip(picked, cells, placed):
            shapes += group
            if captions[i]:  # the captions of a row on one line, under its tallest picture
                shapes.append(TextBox(Box(cell.x, top, width, ctx.measure.height(captions[i], width)),
                                      tuple(captions[i]), name="Caption"))
    return shapes
