"""The paper slide: a research paper as a citation card, with its key points beside it."""
from __future__ import annotations

from ...model.outline import Slide
from ..blocks import body_bottom, bullet_paras, items_of, source_box, text_box
from ..context import HARD_FLOOR, Ctx
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches, points
from ..text import sizes_between
from .quote import accent_bar, kicker

PAD = inches(0.35)
BAR = points(6)
AUTHOR_FLOOR = 14.0


def _authors(names: list[str], shown: int | None = None) -> str:
    names = names[:shown] if shown else names
    if shown:
        return ", ".join(names) + " et al."
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _meta(ctx: Ctx, slide: Slide, size: float, authors: str) -> list[Para]:
    """Authors, affiliation, journal and date, and a link, under the paper's title."""
    muted = ctx.colors["muted"]
    small = max(AUTHOR_FLOOR, size * 0.62)
    paras = [ctx.para(authors, small + 2, bold=True, color=ctx.colors["primary"])]
    if slide.get("affiliation"):
        paras.append(ctx.para(slide["affiliation"], small, color=muted, space_before=2))
    where = ", ".join(p for p in (slide.get("journal"), slide.get("date")) if p)
    if where:
        paras.append(ctx.para(where, small, italic=True, space_before=size * 0.4))
    if slide.get("url"):
        paras.append(ctx.para("Read the paper", small, color=ctx.colors["primary"], link=slide["url"],
                              space_before=size * 0.3))
    return paras


def plan_paper(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    grid = ctx.grid
    head = kicker(ctx, slide, slide.get("heading") or "The research", role="body")
    top = (head.box.bottom if head else grid.top) + inches(0.3)
    bottom = body_bottom(ctx, slide)
    has_body = slide.get("points") or slide.get("abstract")
    for count in ((7, 8) if has_body else (12,)):
        x, w = grid.span(0, count)
        inner = Box(x + PAD + BAR, top + PAD, w - 2 * PAD - BAR, bottom - top - 2 * PAD)
        card_text = _card(ctx, slide, inner, quiet=count != (8 if has_body else 12))
        if card_text:
            break
    else:
        return []
    card = Box(x, top, w, card_text[-1].box.bottom - top + PAD)
    if not has_body:  # a card alone sits a third of the way down the free space, not against the title
        drop = (bottom - card.bottom) // 3
        card = Box(card.x, card.y + drop, card.w, card.h)
        card_text = [TextBox(Box(t.box.x, t.box.y + drop, t.box.w, t.box.h), t.paras, role=t.role, name=t.name)
                     for t in card_text]
    shapes = [Rect(card, fill=ctx.colors["surface"], name="Citation card"),
              Rect(Box(card.x, card.y, BAR, card.h), fill=ctx.colors["primary"], name="Card edge"), *card_text]
    if has_body:
        body = _body(ctx, slide, grid.cols(count, 12 - count, top, bottom - top))
        if body is None:
            return []
        shapes.append(body)
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*accent_bar(ctx), *([head] if head else []), *shapes,
                                                                *source_box(ctx, slide)), slide.get("notes", ""))]


def _card(ctx: Ctx, slide: Slide, inner: Box, quiet: bool = False) -> list[TextBox] | None:
    """The paper's title (the slide's title) and its citation, at the largest size that fits the card."""
    names = list(slide["authors"])
    for shown in (None, 6, 3):
        authors = _authors(names, shown if shown and shown < len(names) else None)
        for size in sizes_between(32, HARD_FLOOR["body"]):
            title = [Para((ctx.run(slide["title"], size, heading=True, bold=True),), line_spacing=0.95)]
            meta = _meta(ctx, slide, size, authors)
            title_h, meta_h = ctx.measure.height(title, inner.w), ctx.measure.height(meta, inner.w)
            gap = points(size * 0.6)
            if title_h + gap + meta_h <= inner.h:
                if shown and shown < len(names):
                    ctx.diags.info("authors-shortened", f"slide '{slide.id}': {len(names)} authors are shown as "
                                   f"the first {shown} et al.", slide.at("authors"), f"slides.{slide.id}.authors")
                return [TextBox(Box(inner.x, inner.y, inner.w, title_h), tuple(title), role="title", name="Title"),
                        TextBox(Box(inner.x, inner.y + title_h + gap, inner.w, meta_h), tuple(meta),
                                name="Citation")]
    if not quiet:
        ctx.overflow(slide, "title", "the paper's title and citation do not fit the card even at 18 pt")
    return None


def _body(ctx: Ctx, slide: Slide, box: Box) -> TextBox | None:
    inner = Box(box.x + inches(0.2), box.y, box.w - inches(0.2), box.h)
    if slide.get("points"):
        items = items_of(slide["points"])
        return text_box(ctx, slide, "points", lambda s: bullet_paras(ctx, items, s), inner,
                        sizes_between(ctx.size("body"), HARD_FLOOR["body"]))
    return text_box(ctx, slide, "abstract", lambda s: [ctx.para(slide["abstract"], s)], inner,
                    sizes_between(ctx.size("body") - 4, HARD_FLOOR["body"]))
