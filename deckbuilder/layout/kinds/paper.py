"""The paper slide: a research paper as a citation card, its key points (or abstract) beside it or under it;
a long abstract continued on the next slide."""
from __future__ import annotations

from dataclasses import replace
from functools import partial

from ...model.outline import Slide
from ..blocks import Item, bullet_paras, fits, items_of, source_box, text_shortfall
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange
from ..grid import GAP
from ..ir import Box, Para, Rect, Shape, SlidePlan, TextBox, inches, points
from ..lists import Page, Points, page_points, plans_of
from ..paging import continued
from ..scale import FLOOR, LABEL_FLOOR, stages, steps
from .quote import accent_bar, kicked_area, kicker

PAD = inches(0.35)
BAR = points(6)
BODY_INSET = inches(0.2)  # between the card and the points beside it
CARD_TITLE = 32.0  # the paper's title on the card, at most


def _authors(names: list[str], shown: int | None = None) -> str:
    if shown and shown < len(names):
        return ", ".join(names[:shown]) + " et al."
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _meta(ctx: Ctx, slide: Slide, size: float, authors: str) -> list[Para]:
    """Authors, affiliation, journal and date, and a link, under the paper's title."""
    muted = ctx.colors["muted"]
    small = max(LABEL_FLOOR, size * 0.62)
    paras = [ctx.para(authors, small + 2, bold=True, color=ctx.colors["primary"])]
    if slide.get("affiliation"):
        paras.append(ctx.para(slide["affiliation"], small, color=muted, space_before=2, source=("affiliation",)))
    where = ", ".join(p for p in (slide.get("journal"), slide.get("date")) if p)
    if where:
        paras.append(ctx.para(where, small, italic=True, space_before=size * 0.4))
    if slide.get("url"):
        paras.append(ctx.para("Read the paper", small, color=ctx.colors["primary"], link=slide["url"],
                              space_before=size * 0.3))
    return paras


def _body_points(ctx: Ctx, slide: Slide) -> Points | None:
    sizes = stages(ctx.size("body") - 4, ctx.size("body_min"), FLOOR["body"])
    if slide.get("points"):
        return Points("points", items_of(slide["points"], ("points",)),
                      lambda page, size, first: bullet_paras(ctx, page, size),
                      sizes)
    if slide.get("abstract"):
        return Points("abstract", [Item(slide["abstract"], cont=True, source=("abstract",))],
                      lambda page, size, first: [ctx.para(u.text, size, space_before=size * 0.5, source=u.source)
                                                 for u in page],
                      sizes, "abstract")
    return None


def plan_paper(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    head = kicker(ctx, slide, slide.get("heading") or "The research", role="body",
                  source=("heading",) if slide.get("heading") else ())
    if head is None:
        return []
    area = kicked_area(ctx, slide, head)
    fixed: tuple[Shape, ...] = (*accent_bar(ctx), head)
    body = _body_points(ctx, slide)
    if body is None:
        card = _card(ctx, slide, Box(area.x, area.y, area.w, area.h), lower=True)
        if isinstance(card, Shortfall):
            ctx.overflow(slide, card)
            return []
        return [SlidePlan(slide.id, slide.layout, slide["title"], (*fixed, *card, *source_box(ctx, slide)),
                          _notes(ctx, slide, card))]
    options = [("", 7), ("a wider card", 8), ("a narrower card", 5), ("the card above the points", 0)]
    arrangements = [Arrangement(name, partial(_beside, ctx, slide, body, area, cols)) for name, cols in options]
    fitted = arrange(arrangements, body.stages)
    if not isinstance(fitted, Shortfall):
        return [SlidePlan(slide.id, slide.layout, slide["title"], (*fixed, *fitted.shapes, *source_box(ctx, slide)),
                          _notes(ctx, slide, fitted.shapes), arranged=fitted.arranged)]
    return _continued(ctx, slide, body, area, fixed, fitted)


def _beside(ctx: Ctx, slide: Slide, body: Points, area: Box, cols: int, size: float) -> list | Shortfall:
    """The card in `cols` grid columns with the points in the rest beside it, or (cols 0) the card across the
    slide with the points under it."""
    grid = ctx.grid
    if cols:
        card = _card(ctx, slide, grid.cols(0, cols, area.y, area.h))
        box = grid.cols(cols, 12 - cols, area.y, area.h)
        box = Box(box.x + BODY_INSET, box.y, box.w - BODY_INSET, box.h)
    else:
        card = _card(ctx, slide, Box(area.x, area.y, area.w, area.h // 2))
        below = card[0].box.bottom + GAP if not isinstance(card, Shortfall) else area.bottom
        box = Box(area.x, below, grid.span(0, 10)[1], area.bottom - below)
    if isinstance(card, Shortfall):
        return card
    paras = body.paras_at(body.units, size, 0)
    if not fits(ctx, paras, box.w, box.h):
        return Shortfall(body.field, f"the {body.field}", f"does not fit beside the card at {size:g} pt")
    return [*card, TextBox(box, tuple(paras), name=body.field.capitalize())]


def _continued(ctx: Ctx, slide: Slide, body: Points, area: Box, fixed: tuple, short: Shortfall) -> list[SlidePlan]:
    """The card with the start of the points beside it; the rest on slides of their own."""
    grid = ctx.grid
    card = _card(ctx, slide, grid.cols(0, 7, area.y, area.h))
    if isinstance(card, Shortfall):
        ctx.overflow(slide, card)
        return []
    later = kicker(ctx, slide, continued(slide["title"], 2))
    if later is None:
        return []
    rest = kicked_area(ctx, slide, later)
    beside = grid.cols(7, 5, area.y, area.h)
    boxes = [Box(beside.x + BODY_INSET, beside.y, beside.w - BODY_INSET, beside.h),
             Box(rest.x, rest.y, grid.span(0, 10)[1], rest.h)]
    found = page_points(ctx, body, lambda index: boxes[min(index, 1)])
    if isinstance(found, Shortfall):
        ctx.overflow(slide, found)
        return []
    size, pages = found
    out = []
    for part, page in enumerate(pages, start=1):
        frame = TextBox(boxes[min(part - 1, 1)], tuple(body.paras_at(page, size, 0)), name=body.field.capitalize())
        head = fixed if part == 1 else (*accent_bar(ctx), later)
        out.append(Page(continued(slide["title"], part), head, (*(card if part == 1 else ()), frame)))
    plans = plans_of(slide, out, lambda _: source_box(ctx, slide))
    return [replace(plans[0], notes=_notes(ctx, slide, card)), *plans[1:]]


def _notes(ctx: Ctx, slide: Slide, shapes) -> str:
    """The slide's notes; when the card names the first authors only, every author is named in them."""
    notes = slide.get("notes", "")
    cited = next((s.paras[0].text for s in shapes if getattr(s, "name", "") == "Citation"), "")
    if not cited.endswith(" et al."):
        return notes
    names = list(slide["authors"])
    ctx.diags.info("authors-shortened", f"slide '{slide.id}': {len(names)} authors are shown as the first "
                   f"{cited.count(',') + 1} et al.; the notes name them all", slide.at("authors"),
                   f"slides.{slide.id}.authors")
    return "\n\n".join(p for p in (notes, "Authors: " + _authors(names)) if p)


def _card(ctx: Ctx, slide: Slide, space: Box, lower: bool = False) -> list | Shortfall:
    """The citation card in `space` (as tall as its words): the paper's title and citation at the largest size
    that fits; many authors are shortened to "et al." with every name in the speaker notes. A card alone
    (`lower`) sits a third of the way down the free space, not against the title."""
    inner = Box(space.x + PAD + BAR, space.y + PAD, space.w - 2 * PAD - BAR, space.h - 2 * PAD)
    names = list(slide["authors"])
    for shown in (None, 6, 3):
        authors = _authors(names, shown)
        for size in steps(CARD_TITLE, FLOOR["body"]):
            title = [Para((ctx.run(slide["title"], size, heading=True, bold=True),), line_spacing=0.95,
                          source=("title",))]
            meta = _meta(ctx, slide, size, authors)
            title_h, meta_h = ctx.measure.height(title, inner.w), ctx.measure.height(meta, inner.w)
            gap = points(size * 0.6)
            if title_h + gap + meta_h <= inner.h:
                height = title_h + gap + meta_h + 2 * PAD
                drop = (space.h - height) // 3 if lower else 0
                card = Box(space.x, space.y + drop, space.w, height)
                return [Rect(card, fill=ctx.colors["surface"], name="Citation card"),
                        Rect(Box(card.x, card.y, BAR, card.h), fill=ctx.colors["primary"], name="Card edge"),
                        TextBox(Box(inner.x, card.y + PAD, inner.w, title_h), tuple(title), role="title",
                                name="Title"),
                        TextBox(Box(inner.x, card.y + PAD + title_h + gap, inner.w, meta_h), tuple(meta),
                                name="Citation")]
    return text_shortfall(ctx, "title", "the paper's title", slide["title"],
                          lambda t: [Para((ctx.run(t, FLOOR["body"], heading=True, bold=True),))], inner.w,
                          inner.h - ctx.measure.height(_meta(ctx, slide, FLOOR["body"], _authors(names, 3)), inner.w))
