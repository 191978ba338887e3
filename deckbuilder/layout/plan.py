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
from .blocks import footer_shapes
from .context import Ctx, Found
from .grid import LOGO_ROOM, Grid
from .images import ImageUse, uses_of
from .ir import Box, DeckPlan, DocProps, Picture, SlidePlan, Template, inches
from .kinds import KINDS
from .kinds.credits import credit_units
from .scale import SHARED
from .template import fallback_layouts, layout_for, template_grid
from .text import Measurer

LOGO_W = inches(1.6)  # the theme's logo, at most, in the footer
LOGO_INSET = inches(0.2)  # from the start of the footer's logo room
LOGO_BLEED = inches(0.05)  # the logo may stand this much taller than the footer line, above and below

def plan_deck(deck: ResolvedDeck, theme: Theme, images: dict, measurer: Measurer, diags: Diagnostics,
              template: Template | None = None) -> DeckPlan:
    """Lay out every slide (on the organisation's template when there is one); pure: reads nothing."""
    grid = Grid.for_theme(theme.size, theme.margins)
    if template:
        grid = template_grid(template, layout_for(template, theme, "bullets", Diagnostics()))
    ctx = Ctx(theme, grid, measurer, deck.deck, deck.name, Found(diags), images, template=template)
    slides = _with_credits(deck)
    planned = {s.id: _plan(ctx, s) for s in slides if s.layout != "credits"}
    for slide_id, size in _shared_numerals(ctx).items():
        slide = next(s for s in slides if s.id == slide_id)
        planned[slide_id] = _plan(replace(ctx, numerals=size), slide, report=False) or planned[slide_id]
    logo = [ImageUse(theme.logo, "theme")] if theme.logo and theme.logo in images and not template else []
    flat = [plan for s in slides if s.layout != "credits" for plan in planned[s.id]]
    ctx = replace(ctx, uses=tuple(logo + uses_of(flat)))
    flat += [plan for s in slides if s.layout == "credits" for plan in _plan(ctx, s)]
    finished = tuple(_finish(ctx, plan, number) for number, plan in enumerate(flat, start=1))
    return DeckPlan(grid.width, grid.height, _props(deck), (theme.fonts["heading"], theme.fonts["body"]),
                    dict(theme.colors), finished, tuple(credit_units(ctx)), template, theme.name)


def _plan(ctx: Ctx, slide: Slide, report: bool = True) -> list[SlidePlan]:
    """One slide's plans, on its template layout when the deck has a template: when the slide's own layout
    leaves too little room (its text would not fit, or would need more slides), a plainer layout of the
    template (Title Only, Blank) with the slide placed on the grid. With report=False, a slide that does
    not fit gives [] and reports nothing."""
    planner = KINDS[slide.layout]
    if not ctx.template:
        return _tried(ctx, slide, planner, report)[0]
    tried = []
    for tlayout in [layout_for(ctx.template, ctx.theme, slide.layout, ctx.diags),
                    *fallback_layouts(ctx.template, slide.layout)]:
        plans, found = _tried(ctx.on_layout(tlayout), slide, planner, report=False)
        tried.append(([replace(p, template_layout=tlayout.name, chrome="none", paint=False,
                               background=ctx.on_layout(tlayout).colors["background"]) for p in plans], found))
        if len(plans) == 1:
            break
    done = [attempt for attempt in tried if attempt[0]]  # the first that fits, on the fewest slides
    plans, found = min(done, key=lambda attempt: len(attempt[0])) if done else tried[0]
    if report:
        ctx.diags.extend(found)
    return plans


def _tried(ctx: Ctx, slide: Slide, planner, report: bool) -> tuple[list[SlidePlan], Diagnostics]:
    """The slide planned with its own diagnostics: its plans ([] if it reported an error) and what it said. A
    slide that fits only by cutting a long word inside it (a column too narrow for it) is planned so."""
    found = Found(Diagnostics(), ctx.found.numerals)
    plans = planner(slide, replace(ctx, found=found))
    if any(d.code == "overflow" for d in found.diags):
        cut = Found(Diagnostics(), ctx.found.numerals)
        again = planner(slide, replace(ctx, found=cut, whole=False))
        if not cut.diags.has_errors:
            plans, found = again, cut
    if report:
        ctx.diags.extend(found.diags)
    return ([] if found.diags.has_errors else plans), found.diags


def _shared_numerals(ctx: Ctx) -> dict[str, float]:
    """Stat numerals keep one size across the deck where they can: a slide whose numerals were set larger
    than another's, by less than the SHARED ratio, takes that slide's size."""
    chosen = ctx.found.numerals
    anchors: list[float] = []  # the smallest size of each run of sizes within SHARED of it
    for size in sorted(set(chosen.values())):
        if not anchors or size * SHARED > anchors[-1]:
            anchors.append(size)
    shared = {slide_id: max(a for a in anchors if a <= size) for slide_id, size in chosen.items()}
    return {slide_id: size for slide_id, size in shared.items() if size < chosen[slide_id]}


def _with_credits(deck: ResolvedDeck) -> list[Slide]:
    slides = list(deck.slides)
    wanted = (deck.deck.get("credits") or {}).get("slide", True)
    if wanted and not any(s.layout == "credits" for s in slides):
        taken = {s.id for s in slides}
        slide_id = "credits" if "credits" not in taken else "image-credits"
        slides.append(Slide(slide_id, "credits", YMap(), generated=True))
    return slides


def _finish(ctx: Ctx, plan: SlidePlan, number: int) -> SlidePlan:
    """Add the footer (with the credits of pictures credited there), slide number and logo to a content slide."""
    pictures = [shape for shape in plan.shapes if isinstance(shape, Picture)]
    credit = [run for shape in pictures for run in shape.footer]
    clear = min([p.box.x for p in pictures if p.box.bottom > ctx.grid.footer.y and p.box.x > ctx.grid.side],
                default=ctx.grid.width)
    if plan.chrome == "none":
        extra = footer_shapes(ctx, number, plan.background, credit, numbers=False, right=clear) if credit else []
        return replace(plan, shapes=(*plan.shapes, *extra))
    extra = footer_shapes(ctx, number, plan.background, credit, right=clear)
    return replace(plan, shapes=(*plan.shapes, *extra, *_logo(ctx)))


def _logo(ctx: Ctx) -> list[Picture]:
    info = ctx.images.get(ctx.theme.logo or "")
    if info is None:
        return []
    footer = ctx.grid.footer
    area = (footer.right - LOGO_ROOM + LOGO_INSET, footer.y - LOGO_BLEED, LOGO_W, footer.h + 2 * LOGO_BLEED)
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
