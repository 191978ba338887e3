"""The bullets slide: a title and points, continued on further slides when they do not fit."""
from __future__ import annotations

from ...model.outline import Slide
from ..blocks import bullet_paras, items_of, list_pages, source_box
from ..context import Ctx
from ..images import place_image
from ..ir import Box, SlidePlan
from ..text import sizes_between


def side_image_region(ctx: Ctx) -> Box:
    """The right five columns, bled to the slide's top and right edges, clear of the footer."""
    x = ctx.grid.span(7, 5)[0] + ctx.grid.gutter
    return Box(x, 0, ctx.grid.width - x, ctx.grid.height - ctx.grid.bottom)


def plan_bullets(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    spec = slide.get("image")
    x, w = ctx.grid.span(0, 7 if spec else 10)  # lines of about 60 characters at the body size
    numbered = bool(slide.get("numbered"))
    sizes = sizes_between(ctx.size("body"), ctx.size("body_min"))
    pages = list_pages(ctx, slide, "bullets", slide["title"], items_of(slide["bullets"]), x, w,
                       lambda units, size, first: bullet_paras(ctx, units, size, numbered, first + 1), sizes,
                       main=not spec)
    if pages is None:
        return []
    plans = []
    for part, (title, head, body) in enumerate(pages, start=1):
        extra = place_image(ctx, slide, spec, side_image_region(ctx)) if spec else []
        shapes = (*head, body, *extra, *source_box(ctx, slide))
        plans.append(SlidePlan(slide.id, slide.layout, title, shapes, slide.get("notes", "") if part == 1 else "",
                               part=part, parts=len(pages)))
    return plans
