"""The credits slide: every image the deck uses, credited in full, with links."""
from __future__ import annotations

from ...assets.credits import credit_for
from ...model.outline import Slide
from ..blocks import list_pages
from ..context import HARD_FLOOR, Ctx
from ..ir import Para, SlidePlan
from ..text import sizes_between

MAX_CREDITS = 8
SOURCE = "source: "
SHARED = "Source of every image above: "


def credit_units(ctx: Ctx) -> list:
    """One credit per image used, in order of first use, noting the changes made anywhere in the deck."""
    order: dict[str, set] = {}
    for use in ctx.used:
        changes = order.setdefault(use.key, set())
        changes.update(use.changes)
    return [credit_for(ctx.images[key].entry, tuple(sorted(changes))) for key, changes in order.items()]


def _paras(ctx: Ctx, credits: list, size: float) -> list[Para]:
    """Each credit with its notes; a source that is not a web address and is the same for every image
    is said once, at the end."""
    sources = {n for c in credits for n in c.notes if n.startswith(SOURCE)}
    shared = sources.pop() if len(sources) == 1 and all(any(n.startswith(SOURCE) for n in c.notes)
                                                          for c in credits) and len(credits) > 1 else None
    paras = []
    small = max(HARD_FLOOR["small"], size - 2)
    for credit in credits:
        runs = tuple(ctx.run(text, size, link=link) for text, link in credit.segments)
        paras.append(Para(runs, space_before=round(size * 0.7)))
        for note in credit.notes:
            if note != shared:
                paras.append(ctx.para(note[0].upper() + note[1:], small, color=ctx.colors["muted"],
                                      space_before=round(size * 0.2)))
    if shared:
        paras.append(ctx.para(SHARED + shared[len(SOURCE):], small, color=ctx.colors["muted"],
                              space_before=round(size * 1.2)))
    return paras


def plan_credits(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    credits = credit_units(ctx)
    if not credits:
        return []
    safe = ctx.grid.safe
    sizes = sizes_between(ctx.size("caption"), HARD_FLOOR["small"] + 4, 1)
    pages = list_pages(ctx, slide, "credits", slide.get("title") or "Image credits", credits, safe.x, safe.w,
                       lambda units, size, first: _paras(ctx, units, size), sizes, MAX_CREDITS)
    return [SlidePlan(slide.id, "credits", title, (*head, body), part=part, parts=len(pages or []))
            for part, (title, head, body) in enumerate(pages or [], start=1)]
