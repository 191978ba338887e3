"""The post slide: a social-media post as a card (avatar, name, handle, date, text), no platform logos; a wider
card or a smaller picture before smaller type; a long post continued."""
from __future__ import annotations

import re
from functools import partial

from ...colors import readable_on
from ...model.outline import Slide
from ..blocks import Item, fit_text, source_box, text_shortfall
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange, placed
from ..grid import GUTTER
from ..images import place_image
from ..ir import Box, Para, Rect, Shape, SlidePlan, TextBox, inches
from ..lists import Page, plans_of
from ..paging import continued, paginate, split_text
from ..scale import FLOOR, LABEL_FLOOR, stages, steps
from .quote import accent_bar, kicked_area, kicker

PAD = inches(0.4)
AVATAR = inches(0.85)
HEADER_GAP = inches(0.3)  # between the author line and the text
PICTURE_GAP = inches(0.3)
PICTURE_MIN = inches(2.4)  # a picture beside the text is at least this tall
CARD_GAP = inches(0.35)  # between the kicker and the card
TAG = re.compile(r"([#@][\w.]+)")


def _text(ctx: Ctx, text: str, size: float) -> list[Para]:
    """The post's words, with #hashtags and @mentions in the brand colour, as posts show them."""
    runs = tuple(ctx.run(part, size, color=ctx.colors["primary"] if TAG.fullmatch(part) else None)
                 for part in TAG.split(text) if part)
    return [Para(runs, line_spacing=1.05, source=("text",))]


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split()[:2]).upper()


def plan_post(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    heading = slide.get("heading")
    title = slide.get("title") or (f"{heading}: {slide['author']}" if heading else f"{slide['author']} on social media")
    head = kicker(ctx, slide, title, source=("title",) if slide.get("title") else ())
    if head is None:
        return []
    area = kicked_area(ctx, slide, head, CARD_GAP)
    fixed: tuple[Shape, ...] = (*accent_bar(ctx), head)
    options = ([("", (1, 10), "beside"), ("a wider card", (0, 12), "beside"),
                ("the picture beside the author", (0, 12), "header")] if slide.get("image")
               else [("", (2, 8), None), ("a wider card", (1, 10), None), ("a card across the slide", (0, 12), None)])
    arrangements = [Arrangement(name, partial(_card, ctx, slide, slide["text"], area, span, pic))
                    for name, span, pic in options]
    sizes = stages(ctx.size("body") + 4, ctx.size("body_min"), FLOOR["body"])
    fitted = arrange(arrangements, sizes)
    if not isinstance(fitted, Shortfall):
        return [SlidePlan(slide.id, slide.layout, title, (*fixed, *fitted.shapes, *source_box(ctx, slide)),
                          slide.get("notes", ""), arranged=fitted.arranged)]
    _, span, pic = options[-1]
    return _continued(ctx, slide, title, fixed, area, span, pic, [*sizes[0], *sizes[1]], fitted)


def _continued(ctx: Ctx, slide: Slide, title: str, fixed: tuple, area: Box, span: tuple[int, int], pic: str | None,
               sizes: list[float], short: Shortfall) -> list[SlidePlan]:
    """A post too long for one card: split at sentences over cards on further slides."""
    def fit(page: list, size: float, _: int) -> bool:
        return not isinstance(_card(ctx, slide, page[0].text, area, span, pic, size), Shortfall)

    def split(unit: Item, size: float, index: int):
        parts = split_text(unit.text, lambda head: fit([Item(head)], size, index))
        return parts and (Item(parts[0]), Item(parts[1]))

    found = paginate([Item(slide["text"])], fit, sizes, split)
    if found is None:
        ctx.overflow(slide, short)
        return []
    size, pages = found
    out = [Page(continued(title, part), fixed, tuple(placed(_card(ctx, slide, page[0].text, area, span, pic, size))))
           for part, page in enumerate(pages, start=1)]
    return plans_of(slide, out, lambda _: source_box(ctx, slide))


def _card(ctx: Ctx, slide: Slide, text: str, area: Box, span: tuple[int, int], pic: str | None,
          size: float) -> list | Shortfall:
    """The card across `span` grid columns, a third of the way down the free space: the author's line, the
    text, and the picture beside the text (`beside`) or beside the author's line (`header`)."""
    card_x, card_w = ctx.grid.span(*span)
    inner_w = card_w - 2 * PAD
    text_w = inner_w * 3 // 5 - PICTURE_GAP // 2 if pic == "beside" else inner_w
    room = area.h - 2 * PAD - AVATAR - HEADER_GAP
    paras = _text(ctx, text, size)
    text_h = ctx.measure.height(paras, text_w)
    if text_h > room:
        return text_shortfall(ctx, "text", "the post", text, lambda t: _text(ctx, t, size), text_w, max(room, 0))
    body_h = max(text_h, min(PICTURE_MIN, room)) if pic == "beside" else text_h
    card_h = 2 * PAD + AVATAR + HEADER_GAP + body_h
    card = Box(card_x, area.y + max(0, (area.h - card_h) // 3), card_w, card_h)
    body_y = card.y + PAD + AVATAR + HEADER_GAP
    header = Box(card.x + PAD, card.y + PAD, inner_w, AVATAR)
    top = _header(ctx, slide, header, picture=pic == "header")
    if isinstance(top, Shortfall):
        return top
    shapes = [Rect(card, fill=ctx.colors["surface"], rounded=True, name="Post card"), *top,
              TextBox(Box(card.x + PAD, body_y, text_w, text_h), tuple(paras), name="Post text")]
    if pic == "beside":
        x = card.x + PAD + text_w + PICTURE_GAP
        shapes += place_image(ctx, slide, slide["image"], Box(x, body_y, card.right - PAD - x, body_h), fit="contain")
    elif pic == "header":
        width = inner_w * 2 // 5
        shapes += place_image(ctx, slide, slide["image"], Box(header.right - width, header.y, width, header.h),
                              fit="contain")
    return shapes


def _header(ctx: Ctx, slide: Slide, box: Box, picture: bool = False) -> list | Shortfall:
    """The avatar with the author's initials, the name, and the handle and date (short of a picture at the end)."""
    fill = ctx.colors["primary"]
    avatar = Rect(Box(box.x, box.y, AVATAR, AVATAR), fill=fill, ellipse=True, name="Avatar")
    initials = TextBox(avatar.box, (Para((ctx.run(_initials(slide["author"]), 24, heading=True, bold=True,
                                                  color=readable_on(fill, "FFFFFF")),), align="ctr"),),
                       anchor="ctr", name="Initials")
    meta = " · ".join(p for p in (slide.get("handle"), slide.get("date")) if p)

    def paras(size: float) -> list[Para]:
        found = [Para((ctx.run(slide["author"], size, bold=True),), source=("author",))]
        return found + ([ctx.para(meta, max(LABEL_FLOOR, size - 4), color=ctx.colors["muted"])] if meta else [])

    x = box.x + AVATAR + GUTTER
    right = box.right - (box.w * 2 // 5 + PICTURE_GAP if picture else 0)
    who = fit_text(ctx, paras, Box(x, box.y, right - x, box.h), steps(ctx.size("caption") + 4, LABEL_FLOOR),
                   anchor="ctr", name="Author")
    if who is None:
        return Shortfall("author", "the author's name, handle and date", "do not fit beside the avatar")
    return [avatar, initials, who]
