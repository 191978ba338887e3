"""The checklist slide: items ticked (done) or open, continued on further slides when long."""
from __future__ import annotations

from dataclasses import dataclass

from ...model.outline import Slide
from ..blocks import list_pages, source_box
from ..context import Ctx
from ..ir import Para, SlidePlan, points
from ..text import sizes_between

TICK, OPEN = "\u2713", "\u25cb"


@dataclass(frozen=True)
class Check:
    text: str
    done: bool


def _paras(ctx: Ctx, items: list[Check], size: float) -> list[Para]:
    indent = points(round(size * 1.4))
    return [Para((ctx.run(item.text, size, color=None if item.done else ctx.colors["muted"]),),
                 bullet=TICK if item.done else OPEN, indent=indent,
                 bullet_color=ctx.colors["accent"] if item.done else ctx.colors["muted"],
                 space_before=round(size * 0.6))
            for item in items]


def plan_checklist(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    items = [Check(i["text"], i.get("done", True)) for i in slide["items"]]
    x, w = ctx.grid.span(0, 10)
    sizes = sizes_between(ctx.size("body"), ctx.size("body_min"))
    pages = list_pages(ctx, slide, "items", slide["title"], items, x, w,
                       lambda page, size, first: _paras(ctx, page, size), sizes)
    return [SlidePlan(slide.id, slide.layout, title, (*head, body, *source_box(ctx, slide)),
                      slide.get("notes", "") if part == 1 else "", part=part, parts=len(pages))
            for part, (title, head, body) in enumerate(pages or [], start=1)]
