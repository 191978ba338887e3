"""Placing pictures: cover crops around the focus, contain fits, and their credit lines."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..assets.credits import credit_for
from ..assets.images import contain, cover_crop
from ..assets.resolve import ImageInfo
from ..colors import AA_TEXT, contrast
from ..model.outline import Slide
from .context import Ctx
from .ir import EMU_PER_PT, Box, Para, Picture, Run, TextBox, inches, points
from .scale import FLOOR
from .text import WIDTH_SLACK

CREDIT_STRIP = inches(0.34)
CREDIT_PAD = points(2)  # below a credit line that wraps
CROP_NOTICE = 0.01  # cropping more than 1 % of a side counts as a modification
DRAFT_INSET = inches(0.05)  # inside the "Credit needed" mark of a draft


@dataclass(frozen=True)
class ImageUse:
    """One picture placed on a slide, as the credits need it."""

    key: str
    slide: str
    cropped: bool = False
    overlaid: bool = False

    @property
    def changes(self) -> tuple[str, ...]:
        """What the deck did to the picture, as its credit says it."""
        return (("cropped",) if self.cropped else ()) + (("with text overlay",) if self.overlaid else ())


def uses_of(slides) -> list[ImageUse]:
    """Every picture the planned slides show, in order."""
    return [ImageUse(shape.key, slide.id, shape.crop is not None, shape.overlaid) for slide in slides
            for shape in slide.shapes if isinstance(shape, Picture) and shape.key]


def info_for(ctx: Ctx, spec) -> ImageInfo | None:
    return ctx.images.get(spec["asset"]) if spec else None


def placement(ctx: Ctx, spec) -> str:
    """Where this use's credit goes: below the picture, in the footer, or only on the credits slide."""
    info = info_for(ctx, spec)
    if info is None or not (info.entry.licence.attribution and info.entry.licence.kind != "own"):
        return "credits-only"
    return spec.get("credit") or (ctx.deck.get("credits") or {}).get("placement", "below")


def place_image(ctx: Ctx, slide: Slide, spec, box: Box, *, fit: str = "cover", overlaid: bool = False,
                credit_color: str | None = None, background: str | None = None) -> list:
    """The picture in `box` (fit cover or contain), with its credit line right below it when asked;
    `background` is what the credit line sits on (the slide's background by default)."""
    info = info_for(ctx, spec)
    if info is None:
        return []
    entry, where = info.entry, placement(ctx, spec)
    fit = spec.get("fit") or (fit if entry.may_modify else "contain")
    focus = tuple(spec.get("focus") or entry.focus)
    links = contrast(ctx.colors["primary"], background or ctx.colors["background"]) >= AA_TEXT

    def credit_of(crop) -> list[Run]:
        return credit_runs(ctx, entry, ImageUse(entry.key, slide.id, bool(crop), overlaid).changes, credit_color,
                           links=links)

    below = _above_credit(ctx, info, box, fit, focus, credit_of) if where == "below" else None
    if below is None:  # no credit under it, or one too long for a picture this small: in the footer instead
        where = "footer" if where == "below" else where
        pic_box, crop = _fit(info, box, fit, focus)
        credit = None
    else:
        pic_box, crop, credit = below
    runs = credit_of(crop)
    alt = "" if entry.get("decorative") else entry.get("alt", "")
    footer = tuple(runs) if where == "footer" else ()
    return [Picture(pic_box, str(entry.path), crop, alt, bool(entry.get("decorative")), name=f"Picture {entry.key}",
                    key=entry.key, overlaid=overlaid, footer=footer), *([credit] if credit else []),
            *_credit_needed(ctx, entry, pic_box)]


def _credit_needed(ctx: Ctx, entry, pic_box: Box) -> list[TextBox]:
    """In a draft build, a picture whose register entry is still TODO carries a "Credit needed" mark."""
    if not entry.draft:
        return []
    para = Para((ctx.run("Credit needed", FLOOR["small"] + 2, bold=True, color="FFFFFF"),))
    width = min(pic_box.w, round(ctx.measure.width(para.runs[0]) * EMU_PER_PT / WIDTH_SLACK) + 2 * DRAFT_INSET)
    box = Box(pic_box.x, pic_box.y, width, points(FLOOR["small"] + 2) * 2)
    return [TextBox(box, (para,), role="credit", anchor="ctr", fill="000000", name="Credit needed",
                    inset=DRAFT_INSET)]


def _above_credit(ctx: Ctx, info, box: Box, fit: str, focus: tuple, credit_of) -> tuple | None:
    """The picture in `box` with its credit line under it (a credit needing more lines takes a taller strip);
    None when the credit would need more than two lines (three under a tall picture) or a sixth of the box."""
    strip_h = CREDIT_STRIP
    for _ in range(2):
        pic_box, crop = _fit(info, box.with_h(box.h - strip_h), fit, focus)
        if fit == "contain":  # the picture and its credit, centred together
            pic_box = replace(pic_box, y=box.y + (box.h - pic_box.h - strip_h) // 2)
        credit = _credit_box(ctx, credit_of(crop), pic_box)
        lines = sum(ctx.measure.line_count(p, credit.box.w) for p in credit.paras)
        if lines > (3 if box.h >= ctx.grid.safe.h else 2) or credit.box.h > box.h // 6:
            return None
        if credit.box.h <= strip_h:
            return pic_box, crop, credit
        strip_h = credit.box.h
    return None


def _fit(info, frame: Box, fit: str, focus: tuple[float, float]) -> tuple[Box, tuple | None]:
    """Where the picture goes and what is cut from it (None when nothing noticeable is)."""
    if fit == "contain":
        return Box(*contain(info.width, info.height, (frame.x, frame.y, frame.w, frame.h))), None
    crop = cover_crop(info.width, info.height, frame.w, frame.h, focus)
    return frame, crop if max(crop) > CROP_NOTICE else None


def _credit_box(ctx: Ctx, runs: list[Run], pic_box: Box) -> TextBox:
    """The credit line right under the picture, inside the side margins."""
    left = max(pic_box.x, ctx.grid.side)
    right = min(pic_box.right, ctx.grid.width - ctx.grid.side)
    return credit_box(ctx, runs, Box(left, pic_box.bottom, right - left, CREDIT_STRIP))


def credit_runs(ctx: Ctx, entry, changes: tuple[str, ...], color: str | None = None,
                size: float | None = None, links: bool = True) -> list[Run]:
    """The credit as runs; links (which applications draw in the theme's link colour) only where that
    colour can be read, else the credits slide carries them."""
    credit = credit_for(entry, changes)
    size = size or ctx.size("small")
    color = color or ctx.colors["muted"]
    return [ctx.run(text, size, color=color, link=link if links else None) for text, link in credit.segments]


def credit_box(ctx: Ctx, runs: list[Run], strip: Box) -> TextBox:
    """A credit line that fits its strip: shrinks to 10 pt, then wraps to two lines."""
    for size in (ctx.size("small"), 11.0, FLOOR["small"]):
        sized = tuple(replace(r, size=size) for r in runs)
        para = Para(sized)
        if ctx.measure.line_count(para, strip.w) == 1:
            return TextBox(strip, (para,), role="credit", anchor="ctr", name="Credit")
    height = ctx.measure.height([para], strip.w) + CREDIT_PAD
    return TextBox(strip.with_h(max(strip.h, height)), (para,), role="credit", anchor="t", name="Credit")
