"""Photo slides: a full-bleed picture (with its title, caption and overlay text) and a picture beside text."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from ...assets.images import brightest
from ...colors import AA_TEXT, contrast, mix
from ...model.outline import Slide
from ..blocks import Item, bullet_paras, fit_text, items_of, text_shortfall
from ..context import Ctx
from ..grid import CAPTION_DEPTH, LINE_GAP
from ..images import CREDIT_STRIP, credit_box, credit_runs, info_for, place_image, placement
from ..ir import Box, Para, Picture, Rect, SlidePlan, TextBox, inches
from ..lists import Points
from ..scale import DISPLAY_STEP, FLOOR, KICKER_FLOOR, stages, steps
from .beside import plan_beside

SCRIM_PAD = inches(0.3)
BAND_GAP = inches(0.12)  # between the picture (or its credit) and the lines under it
WHITE = "FFFFFF"


def _no_overlay(ctx: Ctx, slide: Slide, spec) -> bool:
    """NoDerivatives images may not have text put over them: report it and say why."""
    info = info_for(ctx, spec)
    if info is None or info.entry.may_modify:
        return False
    ctx.diags.error("no-derivatives", f"slide '{slide.id}': image '{info.key}' is {info.entry.licence.short}, "
                    "which does not allow changes, so text cannot be put over it", slide.at("text"),
                    f"slides.{slide.id}.text", "use `caption:` (shown below the picture) or another image")
    return True


def plan_image(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    spec, grid = slide["image"], ctx.grid
    if slide.get("text"):
        return [] if _no_overlay(ctx, slide, spec) else _overlaid(slide, ctx)
    title = slide.get("title") or slide.get("caption") or _alt(ctx, spec)
    band = _band(ctx, slide, title)
    if band is None:
        return []
    band_h = sum(b.box.h for b in band) + BAND_GAP  # the lines end where every slide's content ends
    region = Box(0, 0, grid.width, grid.height - grid.bottom - band_h)
    shapes = place_image(ctx, slide, spec, region)
    y = max([s.box.bottom for s in shapes if isinstance(s, TextBox)] + [region.bottom]) + BAND_GAP
    for box in band:
        shapes.append(replace(box, box=Box(box.box.x, y, box.box.w, box.box.h)))
        y += box.box.h
    return [SlidePlan(slide.id, slide.layout, title, tuple(shapes), slide.get("notes", ""),
                      background=ctx.colors["background"], chrome="none")]


def _alt(ctx: Ctx, spec) -> str:
    info = info_for(ctx, spec)
    return (info.entry.get("alt") or info.entry.get("title") or info.key) if info else spec["asset"]


def _band(ctx: Ctx, slide: Slide, title: str) -> list[TextBox] | None:
    """The lines under the picture: the title (bold when a caption follows), then the caption."""
    lines = [(title, "title" if slide.get("title") else "caption" if slide.get("caption") else "")]
    if slide.get("caption") and slide.get("title"):
        lines.append((slide["caption"], "caption"))
    boxes = []
    for i, (text, field) in enumerate(lines):
        bold = i == 0 and len(lines) > 1

        def paras(size: float, t: str = text, b: bool = bold, f: str = field) -> list[Para]:
            return [ctx.para(t, size, bold=b, source=(f,) if f else ())]

        frame = Box(ctx.grid.safe.x, 0, ctx.grid.safe.w, CAPTION_DEPTH)
        size = ctx.size("caption") + (4 if i == 0 else 0)
        box = fit_text(ctx, paras, frame, steps(size, FLOOR["body"]), role="title" if i == 0 else "body",
                       max_lines=2, grow=True, name="Caption")
        if box is None:
            ctx.overflow(slide, text_shortfall(ctx, field or "image", f"the {field or 'caption'}", text,
                                               lambda t: paras(FLOOR["body"], t),
                                               frame.w, frame.h, 2))
            return None
        boxes.append(box)
    return boxes


def _overlaid(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    """The photo over the whole slide; the words on a scrim band at the edge away from the subject."""
    spec = slide["image"].copy()
    where = placement(ctx, spec)
    spec["credit"] = "credits-only"  # the credit goes inside the band instead
    picture = place_image(ctx, slide, spec, ctx.grid.slide, overlaid=True)
    if not picture:
        return []
    band = _overlay(ctx, slide, spec, picture[0], where)
    if band is None:
        return []
    return [SlidePlan(slide.id, slide.layout, slide.get("title") or slide["text"], (*picture, *band),
                      slide.get("notes", ""), background=ctx.colors["background"], chrome="none")]


def _band_lines(ctx: Ctx, slide: Slide, width: int, height: int) -> list[TextBox] | None:
    """The band's words, white: the title small above (when given), the text large, the caption under it."""
    wanted = [("title", ctx.size("caption") + 2, KICKER_FLOOR, True, 2, 1),
              ("text", ctx.size("statement") + 8, FLOOR["title"], True, 2, DISPLAY_STEP),
              ("caption", ctx.size("caption") + 2, FLOOR["body"], False, 2, 2)]
    boxes = []
    for field, size, floor, bold, lines, step in wanted:
        text = slide.get(field)
        if not text:
            continue

        def paras(s: float, t: str = text, b: bool = bold, f: str = field) -> list[Para]:
            return [ctx.para(t, s, heading=f == "text", bold=b, color=WHITE, source=(f,))]

        frame = Box(0, 0, width, height)
        box = fit_text(ctx, paras, frame, steps(size, floor, step), role="title" if field == "text" else "body",
                       max_lines=lines, grow=True, name="Overlay " + field)
        if box is None:
            ctx.overflow(slide, text_shortfall(ctx, field, f"the {field}", text, partial(_at, paras, floor), width,
                                               height, lines))
            return None
        boxes.append(box)
    return boxes


def _at(paras: Callable[[float, str], list[Para]], size: float, text: str) -> list[Para]:
    return paras(size, text)


def _overlay(ctx: Ctx, slide: Slide, spec, picture: Picture, credit: str) -> list | None:
    """Large white words on a scrim band dark enough to keep them readable (for the brightest pixels under
    them), at the bottom edge (or the top, when the subject is low), with the credit in the band."""
    grid = ctx.grid
    x, w = grid.span(0, 10)
    lines = _band_lines(ctx, slide, w, picture.box.h // 3)
    if lines is None:
        return None
    strip = CREDIT_STRIP if credit != "credits-only" else 0
    gaps = LINE_GAP * (len(lines) - 1)
    band_h = sum(b.box.h for b in lines) + gaps + 2 * SCRIM_PAD + strip
    info = info_for(ctx, spec)
    if info is None:
        return None
    low = (spec.get("focus") or info.entry.focus)[1] < 0.55
    band = Box(0, grid.height - band_h if low else 0, grid.width, band_h)
    region = (0.0, band.y / grid.height, 1.0, band.h / grid.height)
    behind = brightest(info.thumb, picture.crop, region) if info.thumb else "FFFFFF"
    alpha = next((a / 100 for a in range(30, 90, 5) if contrast(WHITE, mix(behind, "000000", a / 100)) >= AA_TEXT),
                 0.85)
    backdrop = mix(behind, "000000", alpha)
    y = band.y + SCRIM_PAD + (0 if low else strip)
    shapes: list = [Rect(band, fill="000000", alpha=alpha, name="Scrim")]
    for box in lines:
        shapes.append(replace(box, box=Box(x, y, w, box.box.h), backdrop=backdrop))
        y += box.box.h + LINE_GAP
    if strip:
        changes = ("cropped",) if picture.crop else ()
        runs = credit_runs(ctx, info.entry, (*changes, "with text overlay"), WHITE, links=False)
        y = band.bottom - strip - LINE_GAP if low else band.y + LINE_GAP
        line = credit_box(ctx, runs, Box(grid.safe.x, y, grid.safe.w, strip))
        shapes.append(replace(line, paras=tuple(replace(p, align="r") for p in line.paras), backdrop=backdrop))
    return shapes


def plan_image_text(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    body = stages(ctx.size("body"), ctx.size("body_min"), FLOOR["body"])
    if slide.get("bullets"):
        points = Points("bullets", items_of(slide["bullets"], ("bullets",)),
                        lambda page, size, first: bullet_paras(ctx, page, size, start=first + 1), body)
    else:
        points = Points("text", [Item(slide.get("text") or "", cont=True, source=("text",))],
                        lambda page, size, first: [ctx.para(u.text, size, space_before=size * 0.5, source=u.source)
                                                   for u in page],
                        body, "paragraph")
    side = slide.get("side", "left")
    return plan_beside(slide, ctx, points, side, [("", 5), ("the picture a third of the slide", 7)], strip=True)
