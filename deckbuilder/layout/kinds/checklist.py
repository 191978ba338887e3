"""The checklist slide: items ticked (done) or open, continued on further slides when long."""
from __future__ import annotations

from dataclasses import dataclass

from ...model.outline import Slide
from ..context import Ctx
from ..ir import Para, SlidePlan, points
from ..lists import Points
from ..scale import FLOOR, stages
from .bullets import plan_list

TICK, OPEN = "\u2713", "\u25cb"


@dataclass(frozen=True)
class Check:
    text: str
    done: bool
    source: tuple = ()


def _paras(ctx: Ctx, items: list[Check], size: float) -> list[Para]:
    indent = points(round(size * 1.4))
    return [Para((ctx.run(item.text, size, color=None if item.done else ctx.colors["muted"]),),
                 bullet=TICK if item.done else OPEN, indent=indent,
                 bullet_color=ctx.colors["accent"] if item.done else ctx.colors["muted"],
                 space_before=round(size * 0.6), source=item.source)
            for item in items]


def plan_checklist(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    items = [Check(item["text"], item.get("done", True), ("items", i, "text")) for i, item in enumerate(slide["items"])]
    holder = "body" if ctx.tlayout and ctx.tlayout.body else None
    return plan_list(ctx, slide, Points("items", items, lambda page, size, first: _paras(ctx, page, size),
                                        stages(ctx.size("body"), ctx.size("body_min"), FLOOR["body"]), "item",
                                        holder=holder))
