"""Words beside a picture bled to the slide's edge (bullets with a picture, image-text): the picture narrower,
or a strip across the top, before the words continue on slides of their own."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from ...model.outline import Slide
from ..blocks import Frame, source_box
from ..context import Ctx
from ..fitting import Shortfall
from ..grid import MEASURE
from ..images import info_for, place_image
from ..ir import Box, SlidePlan
from ..lists import Page, Points, every_page, fit_points, list_pages, plans_of

PICTURE_GAP = 2  # gutters between the words and the picture
STRIP_SHARE = 0.3  # a picture set as a strip takes this share of the slide's height


def plan_beside(slide: Slide, ctx: Ctx, points: Points, side: str, widths: Sequence[tuple[str, int]],
                strip: bool = False) -> list[SlidePlan]:
    """The words in the first width (grid columns) that fits beside the picture, else under the picture as a
    strip (when `strip` and the picture may be cropped), else continued: the first slide keeps the picture
    beside the narrowest words, the others carry the words alone."""
    grid, spec = ctx.grid, slide["image"]
    for arranged, cols in widths:
        x, w = _words(ctx, cols, side)
        fitted = fit_points(ctx, slide, points, partial(_beside, x, w), x, w)
        if fitted is None:
            return []
        if not isinstance(fitted, Shortfall):
            picture = place_image(ctx, slide, spec, picture_region(ctx, cols, side))
            named = ", ".join(n for n in (arranged, fitted.arranged) if n)
            return plans_of(slide, [Page(slide["title"], (), tuple(fitted.shapes))],
                            every_page((*picture, *source_box(ctx, slide))), named)
    if strip and _croppable(ctx, spec):
        found = _as_strip(slide, ctx, points)
        if found:
            return found
    cols = widths[-1][1]  # the first slide keeps the picture beside the narrowest words
    words = _words(ctx, cols, side)
    pages = list_pages(ctx, slide, slide["title"], points, lambda f: Box(words[0], f.body.y, words[1], f.body.h),
                       lambda f: Box(f.body.x, f.body.y, grid.span(0, MEASURE)[1], f.body.h), words)
    if isinstance(pages, Shortfall):
        ctx.overflow(slide, pages)
        return []
    picture = place_image(ctx, slide, spec, picture_region(ctx, cols, side))
    return plans_of(slide, pages, lambda part: (*(picture if part == 1 else ()), *source_box(ctx, slide)))


def _as_strip(slide: Slide, ctx: Ctx, points: Points) -> list[SlidePlan]:
    """The picture as a band across the top of the slide, the title and words under it."""
    grid = ctx.grid
    band = Box(0, 0, grid.width, round(grid.height * STRIP_SHARE))
    shifted = replace(ctx, grid=replace(grid, top=band.bottom + grid.top // 2))
    fitted = fit_points(shifted, slide, points, lambda f: [("", [Box(f.body.x, f.body.y, grid.span(0, MEASURE)[1],
                                                                     f.body.h)])])
    if fitted is None or isinstance(fitted, Shortfall):
        return []
    picture = place_image(ctx, slide, slide["image"], band)
    return plans_of(slide, [Page(slide["title"], (), tuple(fitted.shapes))],
                    lambda _: (*picture, *source_box(ctx, slide)), "the picture as a strip")


def _beside(x: int, w: int, frame: Frame) -> list[tuple[str, list[Box]]]:
    """The words' one place: `x`, `w` across, under the title."""
    return [("", [Box(x, frame.body.y, w, frame.body.h)])]


def _croppable(ctx: Ctx, spec) -> bool:
    info = info_for(ctx, spec)
    return bool(info and info.entry.may_modify and spec.get("fit") != "contain")


def _words(ctx: Ctx, cols: int, side: str) -> tuple[int, int]:
    """x and width of the words: `cols` grid columns on the side away from the picture."""
    return ctx.grid.span(0, cols) if side == "right" else ctx.grid.span(12 - cols, cols)


def picture_region(ctx: Ctx, text_cols: int, side: str) -> Box:
    """What the words leave (less a gap), bled to the slide's top and outer edge, clear of the footer."""
    grid = ctx.grid
    bottom = grid.height - grid.bottom
    x, w = _words(ctx, text_cols, side)
    gap = PICTURE_GAP * grid.gutter
    if side == "right":
        return Box(x + w + gap, 0, grid.width - (x + w + gap), bottom)
    return Box(0, 0, x - gap, bottom)
