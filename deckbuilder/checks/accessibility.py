"""Accessibility and legibility checks on a DeckPlan: titles, alt text, type sizes and contrast."""
from __future__ import annotations

import re

from ..colors import contrast, mix, required
from ..errors import Diagnostics
from ..layout.ir import Box, Chart, DeckPlan, Picture, Rect, SlidePlan, TextBox
from ..layout.scale import FLOOR, LABEL_FLOOR

SMALL_ROLES = {"footer", "number", "credit", "source"}
FILE_NAME = re.compile(r"\.(png|jpe?g|gif|svg|webp|tiff?|bmp)$", re.IGNORECASE)


def check_plan(plan: DeckPlan, deck_name: str, diags: Diagnostics) -> None:
    """Report what would make the deck hard to use or read."""
    scheme = plan.template.colors if plan.template else {}
    link = scheme.get("hlink") or plan.colors.get("primary", "0000FF")  # links are drawn in the theme's colour
    titles: dict[str, int] = {}
    for number, slide in enumerate(plan.slides, start=1):
        where = f"deck '{deck_name}', slide {number} ('{slide.id}')"
        _title(slide, where, diags)
        _pictures(slide, where, diags)
        _sizes(slide, where, diags)
        _contrast(slide, where, link, diags)
        if slide.part == 1:
            titles[slide.title] = titles.get(slide.title, 0) + 1
    for title, count in titles.items():
        if count > 1:
            diags.warn("duplicate-title", f"deck '{deck_name}': {count} slides have the title '{title}'",
                       hint="screen-reader users move between slides by title: make each one distinct")


def _title(slide: SlidePlan, where: str, diags: Diagnostics) -> None:
    boxes = [s for s in slide.shapes if isinstance(s, TextBox) and s.role == "title"]
    if not boxes or not any(p.text.strip() for p in boxes[0].paras):
        diags.error("no-title", f"{where} has no title", hint="give the slide a title")


def _pictures(slide: SlidePlan, where: str, diags: Diagnostics) -> None:
    for shape in slide.shapes:
        if isinstance(shape, (Picture, Chart)) and not getattr(shape, "decorative", False):
            alt = shape.alt.strip()
            if not alt:
                diags.error("missing-alt", f"{where}: {shape.name} has no alt text",
                            hint="add alt: to the image's register entry, or mark it decorative: true")
            elif FILE_NAME.search(alt):
                diags.error("bad-alt", f"{where}: {shape.name}'s alt text '{alt}' is a file name",
                            hint="describe what the picture shows")


def _sizes(slide: SlidePlan, where: str, diags: Diagnostics) -> None:
    for box in _texts(slide):
        small = box.role in SMALL_ROLES
        floor = FLOOR["small"] if small else LABEL_FLOOR
        for para in box.paras:
            if para.text.strip() and para.size < floor:
                diags.error("text-too-small", f"{where}: '{_short(para.text)}' is set at {para.size:g} pt, below "
                            f"the {floor:g} pt floor", hint="shorten the text so it can be set larger")


def _contrast(slide: SlidePlan, where: str, link: str, diags: Diagnostics) -> None:
    for box in _texts(slide):
        behind = box.fill or box.backdrop or _behind(slide, box.box)
        if behind is None:
            continue
        for para in box.paras:
            for run in para.runs:
                ratio = contrast(link if run.link else run.color, behind)
                need = required(run.size, run.bold)
                if run.text.strip() and ratio < need:
                    diags.error("contrast", f"{where}: '{_short(run.text)}' has contrast {ratio:.2f}:1 on #{behind}, "
                                f"below {need:g}:1", hint="change the theme colour, or the text colour")


def _behind(slide: SlidePlan, box: Box) -> str | None:
    """The colour behind a box: the topmost opaque-enough shape under it, else the slide background.
    None when a picture is behind it (overlays carry their own scrim, checked where they are made)."""
    color: str | None = slide.background
    for shape in slide.shapes:
        if isinstance(shape, TextBox) and shape.box == box:
            break
        if isinstance(shape, Picture) and shape.box.overlaps(box):
            color = None
        elif isinstance(shape, Rect) and shape.fill and _covers(shape.box, box):
            color = shape.fill if shape.alpha >= 1 or color is None else mix(color, shape.fill, shape.alpha)
    return color


def _covers(outer: Box, inner: Box) -> bool:
    return inner.inside(outer) and outer.w > inner.w // 2


def _texts(slide: SlidePlan) -> list[TextBox]:
    return [s for s in slide.shapes if isinstance(s, TextBox)]


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
