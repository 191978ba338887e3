"""The bullets slide: a title and points (a picture beside them if asked), continued when they must be."""
from __future__ import annotations

from dataclasses import replace

from ...model.outline import Slide
from ..blocks import Frame, bullet_paras, items_of, source_box
from ..context import Ctx
from ..fitting import Shortfall
from ..grid import MEASURE
from ..ir import Box, SlidePlan, TextBox
from ..lists import Page, Points, columns_of, fit_points, list_pages, plans_of
from ..scale import FLOOR, stages
from .beside import plan_beside


def body_points(ctx: Ctx, field: str, units: list, numbered: bool = False, holder: str | None = None) -> Points:
    """Points set at the body sizes: bullets (or numbers) hanging, sub-points smaller."""
    return Points(field, units, lambda page, size, first: bullet_paras(ctx, page, size, numbered, first + 1),
                  stages(ctx.size("body"), ctx.size("body_min"), FLOOR["body"]), holder=holder)


def list_layouts(ctx: Ctx, frame: Frame) -> list[tuple[str, list[Box]]]:
    """Where a list alone may go: the usual measure (or the template's body placeholder), a wider one,
    or two columns across the slide."""
    body = frame.body
    holder = ctx.tlayout.body if ctx.tlayout else None
    usual = Box(holder.x, body.y, holder.w, holder.bottom - body.y) if holder else \
        Box(body.x, body.y, ctx.grid.span(0, MEASURE)[1], body.h)
    return [("", [usual]), ("a wider measure", [body]), ("two columns of points", columns_of(body, 2))]


def plan_list(ctx: Ctx, slide: Slide, points: Points) -> list[SlidePlan]:
    """A list alone under its title: one slide in the first arrangement that fits, else continued."""
    fitted = fit_points(ctx, slide, points, lambda frame: list_layouts(ctx, frame))
    if fitted is None:
        return []
    if not isinstance(fitted, Shortfall):
        shapes = tuple(replace(f, placeholder=None) if fitted.arranged and isinstance(f, TextBox) and
                       f.placeholder else f for f in fitted.shapes)
        return plans_of(slide, [Page(slide["title"], (), shapes)], lambda _: source_box(ctx, slide), fitted.arranged)
    pages = list_pages(ctx, slide, slide["title"], points, lambda f: list_layouts(ctx, f)[0][1][0])
    if isinstance(pages, Shortfall):
        ctx.overflow(slide, pages)
        return []
    return plans_of(slide, pages, lambda _: source_box(ctx, slide))


def plan_bullets(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    numbered = bool(slide.get("numbered"))
    units = items_of(slide["bullets"], ("bullets",))
    if slide.get("image"):
        return plan_beside(slide, ctx, body_points(ctx, "bullets", units, numbered), "right",
                           [("", 7), ("the picture narrower", 8)])
    holder = "body" if ctx.tlayout and ctx.tlayout.body else None
    return plan_list(ctx, slide, body_points(ctx, "bullets", units, numbered, holder))
