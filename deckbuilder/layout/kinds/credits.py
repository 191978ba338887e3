"""The credits slide: every image the deck uses, credited in full, with links."""
from __future__ import annotations

from dataclasses import replace

from ...assets.credits import credit_for
from ...model.outline import Slide
from ..context import Ctx
from ..fitting import Shortfall
from ..ir import Para, SlidePlan
from ..lists import Points, list_pages, plans_of
from ..scale import FLOOR, steps

SOURCE = "source: "
SHARED = "Source of every image above: "


def credit_units(ctx: Ctx) -> list:
    """One credit per image used, in order of first use, noting the changes made anywhere in the deck."""
    order: dict[str, set] = {}
    for use in ctx.uses:
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
    small = max(FLOOR["small"], size - 2)
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
    sizes = steps(ctx.size("caption"), FLOOR["small"] + 4, 1)
    points = Points("credits", credits, lambda units, size, first: _paras(ctx, units, size), (sizes, []), "credit")
    title = slide.get("title") or "Image credits"
    pages = list_pages(ctx, slide, title, points, lambda f: f.body)
    if isinstance(pages, Shortfall):
        ctx.overflow(slide, pages)
        return []
    return [replace(plan, layout="credits") for plan in plans_of(slide, pages)]
