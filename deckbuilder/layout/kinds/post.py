"""The post slide: a social-media post as a card (avatar, name, handle, date, text), no platform logos."""
from __future__ import annotations

import re

from ...colors import readable_on
from ...model.outline import Slide
from ..blocks import body_bottom, source_box
from ..context import HARD_FLOOR, Ctx
from ..images import place_image
from ..ir import Box, Para, Rect, SlidePlan, TextBox, inches
from ..text import sizes_between
from .quote import accent_bar, kicker

PAD = inches(0.4)
AVATAR = inches(0.85)
TAG = re.compile(r"([#@][\w.]+)")


def _text(ctx: Ctx, text: str, size: float) -> list[Para]:
    """The post's words, with #hashtags and @mentions in the brand colour, as posts show them."""
    runs = tuple(ctx.run(part, size, color=ctx.colors["primary"] if TAG.fullmatch(part) else None)
                 for part in TAG.split(text) if part)
    return [Para(runs, line_spacing=1.05)]


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split()[:2]).upper()


def plan_post(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    heading = slide.get("heading")
    title = slide.get("title") or (f"{heading}: {slide['author']}" if heading else
                                   f"{slide['author']} on social media")
    head = kicker(ctx, slide, title)
    top, bottom = (head.box.bottom if head else ctx.grid.top) + inches(0.35), body_bottom(ctx, slide)
    fitted = _fit(ctx, slide, bottom - top)
    if fitted is None:
        return []
    (card_x, card_w), text_w, size, text_h = fitted
    spec = slide.get("image")
    body_h = max(text_h, inches(2.4) if spec else 0)
    card_h = 2 * PAD + AVATAR + inches(0.3) + body_h
    card = Box(card_x, top + max(0, (bottom - top - card_h) // 3), card_w, card_h)
    shapes = [Rect(card, fill=ctx.colors["surface"], rounded=True, name="Post card"),
              *_header(ctx, slide, Box(card.x + PAD, card.y + PAD, card.w - 2 * PAD, AVATAR)),
              TextBox(Box(card.x + PAD, card.y + PAD + AVATAR + inches(0.3), text_w, text_h),
                      tuple(_text(ctx, slide["text"], size)), name="Post text")]
    if spec:
        x = card.x + PAD + text_w + inches(0.3)
        region = Box(x, card.y + PAD + AVATAR + inches(0.3), card.right - PAD - x, body_h)
        shapes += place_image(ctx, slide, spec, region, fit="contain")
    return [SlidePlan(slide.id, slide.layout, title, (*accent_bar(ctx), *([head] if head else []), *shapes,
                                                     *source_box(ctx, slide)), slide.get("notes", ""))]


def _fit(ctx: Ctx, slide: Slide, height: int):
    """The card's columns, the text's width, size and height: a card of 8 columns (10 with a picture),
    widened to the full grid before the text goes below the body floor; None (reported) if nothing fits."""
    spec, grid = slide.get("image"), ctx.grid
    room = height - 2 * PAD - AVATAR - inches(0.3)
    spans = ((1, 10), (0, 12)) if spec else ((2, 8), (1, 10), (0, 12))
    for start, count in spans:
        card_x, card_w = grid.span(start, count)
        text_w = (card_w - 2 * PAD) * (3 if spec else 5) // 5 - (inches(0.2) if spec else 0)
        for size in sizes_between(ctx.size("body") + 4, HARD_FLOOR["body"]):
            text_h = ctx.measure.height(_text(ctx, slide["text"], size), text_w)
            if text_h <= room:
                return (card_x, card_w), text_w, size, text_h
    ctx.overflow(slide, "text", f"the post needs {text_h / 914_400:.1f} in where {room / 914_400:.1f} in fit")
    return None


def _header(ctx: Ctx, slide: Slide, box: Box) -> list:
    fill = ctx.colors["primary"]
    avatar = Rect(Box(box.x, box.y, AVATAR, AVATAR), fill=fill, ellipse=True, name="Avatar")
    initials = TextBox(avatar.box, (Para((ctx.run(_initials(slide["author"]), 24, heading=True, bold=True,
                                                  color=readable_on(fill, "FFFFFF")),), align="ctr"),),
                       anchor="ctr", name="Initials")
    meta = " · ".join(p for p in (slide.get("handle"), slide.get("date")) if p)
    paras = [Para((ctx.run(slide["author"], ctx.size("caption") + 4, bold=True),))]
    if meta:
        paras.append(ctx.para(meta, ctx.size("caption"), color=ctx.colors["muted"]))
    x = box.x + AVATAR + inches(0.25)
    who = TextBox(Box(x, box.y, box.right - x, box.h), tuple(paras), anchor="ctr", name="Author")
    return [avatar, initials, who]
