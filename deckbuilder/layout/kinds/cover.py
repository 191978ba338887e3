"""Slides on the brand colour: the title slide, section dividers and the closing slide."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from ...colors import contrast, mix, readable_on
from ...model.outline import Slide
from ..blocks import display_bar, fit_text, text_shortfall, vstack
from ..context import Ctx
from ..fitting import Shortfall
from ..grid import GAP
from ..images import place_image
from ..ir import Box, Para, SlidePlan, TemplateLayout, TextBox, inches
from ..lines import Line, stack_lines
from ..scale import DISPLAY_STEP, FLOOR, KICKER_FLOOR, LABEL_FLOOR, steps

KICKER_GAP = inches(0.15)  # between a kicker and the big title
SUBTITLE_GAP = inches(0.2)
PART_GAP = inches(0.25)  # above the presenter and date lines


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


class Part(NamedTuple):
    """A smaller line of a cover slide: its text, preferred size, weight, field and the outline field it shows."""

    text: str
    size: float
    bold: bool
    field: str
    source: tuple = ()


def _cover(ctx: Ctx, slide: Slide, title: str, parts: list[Part], title_size: float, title_field: str = "title",
           kicker: str | None = None, title_source: tuple = ("title",)) -> list | None:
    """The shared arrangement: accent bar, (a kicker,) the big title, then the smaller lines, centred on the
    left, every line stepping down together until all fit; None (reported) if they do not."""
    on = ctx.titled()
    if on:
        return on_template(ctx, on, slide, title, parts, title_size, title_field, kicker, title_source=title_source)
    bg, main, soft = _palette(ctx)
    spec = slide.get("image")
    x, w = _text_area(ctx, bool(spec))
    lines = [Line(kicker, "title", steps(ctx.size("caption") + 4, KICKER_FLOOR), True, soft, GAP,
                  source=("title",))] if kicker else []
    lines.append(Line(title, title_field, steps(title_size, FLOOR["title"], DISPLAY_STEP), True, main,
                      KICKER_GAP if kicker else GAP, display=True, source=title_source))
    for part in parts:
        floor = FLOOR["body"] if part.size >= FLOOR["body"] else FLOOR["small"]
        lines.append(Line(part.text, part.field, steps(part.size, floor), part.bold, main if part.bold else soft,
                          SUBTITLE_GAP if part.field == "subtitle" else PART_GAP, source=part.source))
    boxes = stack_lines(ctx, slide, lines, x, w, ctx.grid.safe.h - GAP)
    if boxes is None:
        return None
    bar = display_bar(ctx, x)
    shapes = vstack([(bar, 0), *((box, line.gap) for box, line in zip(boxes, lines))], ctx.grid.top,
                    ctx.grid.height - ctx.grid.bottom)
    if spec:
        shapes += place_image(ctx, slide, spec, _image_region(ctx), credit_color=soft, background=bg)
    return shapes


def on_template(ctx: Ctx, on: tuple[TemplateLayout, Box], slide: Slide, title: str, parts: list[Part],
                title_size: float, title_field: str, kicker: str | None,
                styled: Callable[[str, float], list[Para]] | None = None, title_source: tuple = ()) -> list | None:
    """A cover (or statement) in the template's own title and subtitle placeholders (`on`: the layout and its
    title's box), in its colours (a kicker leads the lines in the subtitle's place); `styled(text, size)` sets
    the title when it is not plain."""
    layout, placeholder = on

    def heading_paras(size: float, text: str = title) -> list[Para]:
        if styled:
            return styled(text, size)
        return [ctx.para(text, size, heading=True, bold=True, color=ctx.colors["title"], line_spacing=0.9,
                         source=title_source)]

    heading = fit_text(ctx, heading_paras, placeholder, steps(title_size, FLOOR["title"], DISPLAY_STEP),
                       role="title", anchor="b")
    if heading is None:
        heading = fit_text(ctx, heading_paras, placeholder.with_h(max(placeholder.h, ctx.grid.safe.h // 2)),
                           [FLOOR["title"]], role="title", anchor="b")
    if heading is None:
        ctx.overflow(slide, text_shortfall(ctx, title_field, f"the {title_field}", title,
                                           lambda t: heading_paras(FLOOR["title"], t), placeholder.w, placeholder.h))
        return None
    shapes = [replace(heading, backdrop=layout.title_background)]
    lines = ([Part(kicker, ctx.size("caption"), True, "title", ("title",))] if kicker else []) + list(parts)
    holder = layout.subtitle or layout.body
    if lines and holder:
        box = _holder_lines(ctx, lines, holder)
        if box is None:
            fields = " and ".join(part.field for part in lines)
            ctx.overflow(slide, Shortfall(lines[0].field, f"the {fields}", f"do not fit the template's "
                                          f"{'subtitle' if layout.subtitle else 'text'} placeholder even at "
                                          f"{LABEL_FLOOR:g} pt"))
            return None
        shapes.append(replace(box, placeholder="subtitle" if layout.subtitle else "body", backdrop=layout.background))
    elif lines:
        ctx.overflow(slide, Shortfall(lines[0].field, f"the {lines[0].field}", f"has no place on the template's "
                                      f"{layout.name} layout"))
        return None
    if slide.get("image"):
        ctx.diags.warn("template-image", f"slide '{slide.id}': on a template's {layout.name} layout the picture is "
                       "not shown", slide.at("image"), f"slides.{slide.id}.image",
                       "put the picture on an image or image-text slide")
    return shapes


def _holder_lines(ctx: Ctx, lines: list, holder: Box) -> TextBox | None:
    """The cover's smaller lines in the template's subtitle placeholder, shrinking together (to 14 pt at the
    least), the placeholder taking the room below it on the slide when they need more."""
    def paras(size: float) -> list[Para]:
        return [ctx.para(part.text, max(size * part.size / lines[0].size, LABEL_FLOOR), bold=part.bold,
                         space_before=size * 0.3 if i else 0, source=part.source)
                for i, part in enumerate(lines)]

    sizes = steps(lines[0].size, LABEL_FLOOR, 1)
    deeper = holder.with_h(max(holder.h, ctx.grid.height - ctx.grid.bottom - holder.y))
    return fit_text(ctx, paras, holder, sizes) or fit_text(ctx, paras, deeper, sizes, grow=True)


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
    parts = [Part(subtitle, ctx.size("body"), False, "subtitle",
                  ("subtitle",) if slide.get("subtitle") else ("deck", "subtitle"))] if subtitle else []
    parts += [Part(t, ctx.size("caption") + 2, i == 0, "presenter")
              for i, t in enumerate((_presenter(deck), _when(deck))) if t]
    shapes = _cover(ctx, slide, title, parts, ctx.size("section"),
                    title_source=("title",) if slide.get("title") else ("deck", "title"))
    if shapes is None:
        return []
    return [SlidePlan(slide.id, slide.layout, title, tuple(shapes), slide.get("notes", ""),
                      background=_palette(ctx)[0], chrome="none")]


def plan_section(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    sub = slide.get("subtitle")
    shapes = _cover(ctx, slide, slide["title"], [Part(sub, ctx.size("body"), False, "subtitle", ("subtitle",))]
                    if sub else [], ctx.size("section"))
    if shapes is None:
        return []
    return [SlidePlan(slide.id, slide.layout, slide["title"], tuple(shapes), slide.get("notes", ""),
                      background=_palette(ctx)[0], chrome="none")]


def plan_closing(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    contact = slide.get("contact") or ctx.deck.get("contact")
    parts = [Part(contact, ctx.size("caption") + 2, False, "contact",
                  ("contact",) if slide.get("contact") else ("deck", "contact"))] if contact else []
    shapes = _cover(ctx, slide, slide["text"], parts, ctx.size("statement") + 12, "text", slide.get("title"),
                    title_source=("text",))
    if shapes is None:
        return []
    title = slide.get("title") or slide["text"]
    return [SlidePlan(slide.id, slide.layout, title, tuple(shapes), slide.get("notes", ""),
                      background=_palette(ctx)[0], chrome="none")]

