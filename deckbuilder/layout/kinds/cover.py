"""Slides on the brand colour: the title slide, section dividers and the closing slide."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...colors import contrast, mix, readable_on
from ...model.outline import Slide
from ..blocks import grown, text_box, vstack
from ..context import HARD_FLOOR, Ctx
from ..images import place_image
from ..ir import Box, Para, Rect, SlidePlan, inches, points
from ..text import sizes_between


def _palette(ctx: Ctx) -> tuple[str, str, str]:
    """Background, main text and secondary text colours for a brand-colour slide."""
    bg = ctx.colors["primary"]
    main = readable_on(bg)
    soft = mix(main, bg, 0.22)
    return bg, main, soft if contrast(soft, bg) >= 4.5 else main


def _text_area(ctx: Ctx, has_image: bool) -> tuple[int, int]:
    return ctx.grid.span(0, 7 if has_image else 10)


def _image_region(ctx: Ctx) -> Box:
    x = ctx.grid.span(7, 5)[0] + ctx.grid.gutter
    return Box(x, 0, ctx.grid.width - x, ctx.grid.height)


def _cover(ctx: Ctx, slide: Slide, title: str, parts: list, title_size: float, title_field: str = "title") -> list:
    """The shared arrangement: accent bar, big title, then the smaller lines, centred on the left."""
    if ctx.tlayout and ctx.tlayout.title:
        return _on_template(ctx, slide, title, parts, title_size, title_field)
    bg, main, soft = _palette(ctx)
    spec = slide.get("image")
    x, w = _text_area(ctx, bool(spec))
    max_h = ctx.grid.safe.h
    title_box = grown(ctx, slide, title_field, lambda s: [ctx.para(title, s, heading=True, bold=True, color=main, line_spacing=0.9)],
                      x, w, sizes_between(title_size, HARD_FLOOR["title"], 4), max_h // 2, role="title",
                      max_lines=4)
    if title_box is None:
        return []
    stack: list = [(Rect(Box(x, 0, inches(0.9), points(6)), fill=ctx.colors["accent"], name="Accent bar"), 0),
                   (title_box, inches(0.3))]
    for text, size, bold, field in parts:
        color = main if bold else soft
        box = grown(ctx, slide, field, lambda s, t=text, b=bold, c=color: [ctx.para(t, s, bold=b, color=c)],
                    x, w, sizes_between(size, HARD_FLOOR["body"] if size >= 18 else HARD_FLOOR["small"], 2),
                    max_h // 4)
        if box:
            stack.append((box, inches(0.25) if field != "subtitle" else inches(0.2)))
    shapes = vstack(stack, ctx.grid.top, ctx.grid.height - ctx.grid.bottom)
    if spec:
        shapes += place_image(ctx, slide, spec, _image_region(ctx), credit_color=soft, background=bg)
    return shapes


def _on_template(ctx: Ctx, slide: Slide, title: str, parts: list, title_size: float, title_field: str) -> list:
    """The cover in the template's own title and subtitle placeholders, in its colours."""
    layout = ctx.tlayout
    heading = text_box(ctx, slide, title_field,
                       lambda s: [ctx.para(title, s, heading=True, bold=True, color=ctx.colors["title"],
                                           line_spacing=0.9)],
                       layout.title, sizes_between(title_size, HARD_FLOOR["title"], 4), role="title", anchor="b")
    if heading is None:
        return []
    shapes = [replace(heading, backdrop=layout.title_background)]
    holder = layout.subtitle or layout.body
    if parts and holder:
        def paras(size: float) -> list[Para]:
            return [ctx.para(text, max(size * part_size / parts[0][1], HARD_FLOOR["small"]), bold=bold,
                             space_before=size * 0.3 if i else 0)
                    for i, (text, part_size, bold, _) in enumerate(parts)]

        box = text_box(ctx, slide, parts[0][3], paras, holder, sizes_between(parts[0][1], HARD_FLOOR["body"], 2))
        shapes += [replace(box, placeholder="subtitle" if layout.subtitle else "body",
                           backdrop=layout.background)] if box else []
    if slide.get("image"):
        ctx.diags.warn("template-image", f"slide '{slide.id}': on a template's {layout.name} layout the picture is "
                       "not shown", slide.at("image"), f"slides.{slide.id}.image",
                       "put the picture on an image or image-text slide")
    return shapes


def _when(deck) -> str:
    date = deck.get("date")
    when = f"{date.day} {date:%B %Y}" if isinstance(date, dt.date) else ""
    return " · ".join(p for p in (deck.get("event"), when) if p)


def _presenter(deck) -> str:
    person = deck.get("presenter") or {}
    return ", ".join(p for p in (person.get("name"), person.get("role")) if p) + \
        (f" · {person['handle']}" if person.get("handle") else "")


def plan_title(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    deck = ctx.deck
    title = slide.get("title") or deck["title"]
    subtitle = slide.get("subtitle") or deck.get("subtitle")
    parts = [(subtitle, ctx.size("body"), False, "subtitle")] if subtitle else []
    parts += [(t, ctx.size("caption") + 2, i == 0, "presenter")
              for i, t in enumerate((_presenter(deck), _when(deck))) if t]
    shapes = _cover(ctx, slide, title, parts, ctx.size("section"))
    return [SlidePlan(slide.id, slide.layout, title, tuple(shapes), slide.get("notes", ""),
                      background=_palette(ctx)[0], chrome="none")]


def plan_section(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    sub = slide.get("subtitle")
    shapes = _cover(ctx, slide, slide["title"], [(sub, ctx.size("body"), False, "subtitle")] if sub else [],
                    ctx.size("section"))
    return [SlidePlan(slide.id, slide.layout, slide["title"], tuple(shapes), slide.get("notes", ""),
                      background=_palette(ctx)[0], chrome="none")]


def plan_closing(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    contact = slide.get("contact") or ctx.deck.get("contact")
    parts = [(contact, ctx.size("caption") + 2, False, "contact")] if contact else []
    shapes = _cover(ctx, slide, slide["text"], parts, ctx.size("statement") + 12, "text")
    title = slide.get("title") or slide["text"]
    return [SlidePlan(slide.id, slide.layout, title, tuple(shapes), slide.get("notes", ""),
                      background=_palette(ctx)[0], chrome="none")]

