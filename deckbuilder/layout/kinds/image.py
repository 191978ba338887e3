"""Photo slides: a full-bleed picture (with caption or overlay text) and a picture beside text."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...assets.images import brightest
from ...colors import contrast, mix
from ...model.outline import Slide
from ..blocks import Item, bullet_paras, grown, items_of, list_pages, source_box
from ..context import HARD_FLOOR, Ctx
from ..images import CREDIT_STRIP, credit_box, credit_runs, info_for, place_image, placement
from ..ir import Box, Picture, Rect, SlidePlan, TextBox, inches
from ..text import sizes_between

SCRIM_PAD = inches(0.3)


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
    band_h = sum(b.box.h for b in band) + (inches(0.45) if band else 0)
    region = Box(0, 0, grid.width, grid.height - band_h)
    shapes = place_image(ctx, slide, spec, region)
    y = max([s.box.bottom for s in shapes if isinstance(s, TextBox)] + [region.bottom]) + inches(0.12)
    for box in band:
        shapes.append(TextBox(Box(box.box.x, y, box.box.w, box.box.h), box.paras, role=box.role, name="Caption"))
        y += box.box.h
    return [SlidePlan(slide.id, slide.layout, title, tuple(shapes), slide.get("notes", ""),
                      background=ctx.colors["background"], chrome="none")]


def _overlaid(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    """The photo over the whole slide, the words on a scrim band at the edge away from the subject,
    with the credit inside the band."""
    spec = slide["image"].copy()
    where = placement(ctx, spec)
    spec["credit"] = "credits-only"  # the credit goes inside the band instead
    picture = place_image(ctx, slide, spec, ctx.grid.slide, overlaid=True)
    if not picture:
        return []
    shapes = [*picture, *_overlay(ctx, slide, spec, picture[0], where)]
    return [SlidePlan(slide.id, slide.layout, slide.get("title") or slide["text"], tuple(shapes),
                      slide.get("notes", ""), background=ctx.colors["background"], chrome="none")]


def _alt(ctx: Ctx, spec) -> str:
    info = info_for(ctx, spec)
    return (info.entry.get("alt") or info.entry.get("title") or info.key) if info else spec["asset"]


def _band(ctx: Ctx, slide: Slide, title: str) -> list[TextBox]:
    """The lines under the picture: the title (unless it is over the picture), then the caption."""
    lines = [] if slide.get("text") else [(title, "title" if slide.get("title") else "caption", True)]
    if slide.get("caption") and (slide.get("text") or slide.get("title")):
        lines.append((slide["caption"], "caption", False))
    boxes = []
    for i, (text, field, is_title) in enumerate(lines):
        size = ctx.size("caption") + (4 if is_title else 0)
        box = grown(ctx, slide, field, lambda s, t=text, b=is_title: [ctx.para(t, s, bold=b and i == 0 and
                                                                               len(lines) > 1)],
                    ctx.grid.safe.x, ctx.grid.safe.w, sizes_between(size, HARD_FLOOR["body"]), inches(1.0),
                    role="title" if is_title else "body", max_lines=2)
        boxes += [box] if box else []
    return boxes


def _overlay(ctx: Ctx, slide: Slide, spec, picture: Picture, credit: str) -> list:
    """Large white text on a scrim band dark enough to keep it readable (for the brightest pixels under
    it), at the bottom edge (or the top, when the subject is low), and the credit in the band."""
    grid = ctx.grid
    x, w = grid.span(0, 10)
    text = grown(ctx, slide, "text", lambda s: [ctx.para(slide["text"], s, heading=True, bold=True,
                                                         color="FFFFFF")],
                 x, w, sizes_between(ctx.size("statement") + 8, HARD_FLOOR["title"], 4), picture.box.h // 3,
                 role="title", max_lines=2)
    if text is None:
        return []
    strip = CREDIT_STRIP if credit != "credits-only" else 0
    band_h = text.box.h + 2 * SCRIM_PAD + strip
    low = (spec.get("focus") or info_for(ctx, spec).entry.focus)[1] < 0.55
    band = Box(0, grid.height - band_h if low else 0, grid.width, band_h)
    region = (0.0, band.y / grid.height, 1.0, band.h / grid.height)
    behind = brightest(Path(picture.image), picture.crop, region)
    alpha = next((a / 100 for a in range(30, 90, 5) if contrast("FFFFFF", mix(behind, "000000", a / 100)) >= 4.5),
                 0.85)
    text_y = band.y + SCRIM_PAD if low else band.y + SCRIM_PAD + strip
    shapes: list = [Rect(band, fill="000000", alpha=alpha, name="Scrim"),
                    TextBox(Box(x, text_y, w, text.box.h), text.paras, role="title", name="Overlay text",
                            backdrop=mix(behind, "000000", alpha))]
    if strip:
        entry = info_for(ctx, spec).entry
        changes = ("cropped",) if picture.crop else ()
        runs = credit_runs(ctx, entry, (*changes, "with text overlay"), "FFFFFF", links=False)
        y = band.bottom - strip - inches(0.08) if low else band.y + inches(0.08)
        line = credit_box(ctx, runs, Box(grid.safe.x, y, grid.safe.w, strip))
        shapes.append(replace(line, paras=tuple(replace(p, align="r") for p in line.paras),
                              backdrop=mix(behind, "000000", alpha)))
    return shapes


def plan_image_text(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    grid, spec = ctx.grid, slide["image"]
    left = slide.get("side", "left") == "left"
    middle = grid.span(6, 1)[0] - grid.gutter // 2
    region = Box(0, 0, middle, grid.height - grid.bottom) if left else \
        Box(middle, 0, grid.width - middle, grid.height - grid.bottom)
    x, w = grid.span(7, 5) if left else grid.span(0, 5)
    def points(page, size, first):
        return bullet_paras(ctx, page, size, start=first + 1)

    def paragraph(page, size, first):
        return [ctx.para(unit.text, size, space_before=size * 0.5) for unit in page]

    if slide.get("bullets"):
        field, units, paras_at = "bullets", items_of(slide["bullets"]), points
    else:
        field, units, paras_at = "text", [Item(slide.get("text") or "", cont=True)], paragraph
    sizes = sizes_between(ctx.size("body"), ctx.size("body_min"))
    pages = list_pages(ctx, slide, field, slide["title"], units, x, w, paras_at, sizes, main=False)
    plans = []
    for part, (title, head, body) in enumerate(pages or [], start=1):
        picture = place_image(ctx, slide, spec, region)
        plans.append(SlidePlan(slide.id, slide.layout, title, (*picture, *head, body, *source_box(ctx, slide)),
                               slide.get("notes", "") if part == 1 else "", part=part, parts=len(pages)))
    return plans

