"""plan_deck: turn a resolved deck into a DeckPlan, slide kind by slide kind, then add the chrome."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..assets.images import contain
from ..audience import ResolvedDeck
from ..errors import Diagnostics
from ..model.outline import Slide
from ..model.theme import Theme
from ..source import YMap
from .blocks import LOGO_ROOM, footer_shapes
from .context import Ctx, ImageUse
from .grid import Grid
from .ir import Box, DeckPlan, DocProps, Picture, SlidePlan, Template, inches
from .kinds import KINDS
from .template import layout_for, template_grid
from .kinds.credits import credit_units
from .text import Measurer


def plan_deck(deck: ResolvedDeck, theme: Theme, images: dict, measurer: Measurer, diags: Diagnostics,
              template: Template | None = None) -> DeckPlan:
    """Lay out every slide (on the organisation's template when there is one); pure: reads nothing."""
    grid = Grid.for_theme(theme.size, theme.margins)
    if template:
        grid = template_grid(template, layout_for(template, theme, "bullets", Diagnostics()))
    ctx = Ctx(theme, grid, measurer, deck.deck, deck.name, diags, images, template=template)
    slides = _with_credits(deck)
    if theme.logo in images and not template:
        ctx.used.append(ImageUse(theme.logo, "theme"))
    planned: list[list[SlidePlan] | Slide] = []
    for slide in slides:
        planned.append(slide if slide.layout == "credits" else _plan(ctx, slide))
    flat: list[SlidePlan] = []
    for item in planned:
        flat.extend(_plan(ctx, item) if isinstance(item, Slide) else item)
    finished = tuple(_finish(ctx, plan, number) for number, plan in enumerate(flat, start=1))
    return DeckPlan(grid.width, grid.height, _props(deck), (theme.fonts["heading"], theme.fonts["body"]),
                    dict(theme.colors), finished, tuple(credit_units(ctx)), template)


def _plan(ctx: Ctx, slide: Slide) -> list[SlidePlan]:
    """One slide's plans, on its template layout when the deck has a template."""
    if not ctx.template:
        return KINDS[slide.layout](slide, ctx)
    tlayout = layout_for(ctx.template, ctx.theme, slide.layout, ctx.diags)
    on = ctx.on_layout(tlayout)
    return [replace(plan, template_layout=tlayout.name, background=on.colors["background"], chrome="none",
                    paint=False) for plan in KINDS[slide.layout](slide, on)]


def _with_credits(deck: ResolvedDeck) -> list[Slide]:
    slides = list(deck.slides)
    wanted = (deck.deck.get("credits") or {}).get("slide", True)
    if wanted and not any(s.layout == "credits" for s in slides):
        taken = {s.id for s in slides}
        slide_id = "credits" if "credits" not in taken else "image-credits"
        slides.append(Slide(slide_id, "credits", YMap(), generated=True))
    return slides


def _finish(ctx: Ctx, plan: SlidePlan, number: int) -> SlidePlan:
    """Add the footer, slide number and logo to a content slide."""
    credit = ctx.footer_credits.get(plan.id, ())
    if plan.chrome == "none":
        extra = footer_shapes(ctx, number, plan.background, credit, numbers=False) if credit else []
        return replace(plan, shapes=(*plan.shapes, *extra))
    extra = footer_shapes(ctx, number, plan.background, credit)
    logo = _logo(ctx)
    return replace(plan, shapes=(*plan.shapes, *extra, *logo))


def _logo(ctx: Ctx) -> list[Picture]:
    info = ctx.images.get(ctx.theme.logo or "")
    if info is None:
        return []
    footer = ctx.grid.footer
    area = (footer.right - LOGO_ROOM + inches(0.2), footer.y - inches(0.05), inches(1.6), footer.h + inches(0.1))
    box = Box(*contain(info.width, info.height, area))
    box = Box(area[0] + area[2] - box.w, box.y, box.w, box.h)
    entry = info.entry
    return [Picture(box, str(entry.path), None, "" if entry.get("decorative") else entry.get("alt", ""),
                    bool(entry.get("decorative")), name="Logo")]


def _props(deck: ResolvedDeck) -> DocProps:
    facts = deck.deck
    date = facts.get("date")
    created = dt.datetime.combine(date, dt.time(9, 0)) if isinstance(date, dt.date) else dt.datetime(2000, 1, 1)
    presenter = facts.get("presenter") or {}
    return DocProps(
        title=facts.get("title", deck.name), author=presenter.get("name", ""), subject=facts.get("subtitle", ""),
        keywords=", ".join(k for k in (deck.story, deck.audience) if k), company=facts.get("organisation", ""),
        language=facts.get("language", "en-GB"), created=created,
    )
