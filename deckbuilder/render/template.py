"""The base presentation: python-pptx's template made 16:9 (or 4:3) and branded with the theme."""
from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType

from ..layout.ir import DeckPlan
from .inspect import chosen_layouts, open_template

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
KEEP_LAYOUTS = ("Title Slide", "Title and Content", "Section Header", "Title Only", "Blank")
SLIDE_LAYOUT = "Title Only"


def base_presentation(plan: DeckPlan) -> tuple[PresentationType, dict]:
    """The presentation to add slides to, and the layout for each name a slide plan gives: the
    organisation's template without its sample slides, or python-pptx's, resized and branded."""
    if plan.template:
        prs, _ = open_template(Path(plan.template.path))
        layouts = chosen_layouts(prs)  # before the sample slides go: they show which layouts are meant
        return _emptied(prs), layouts
    prs = Presentation()
    scale = plan.width / prs.slide_width
    prs.slide_width, prs.slide_height = plan.width, plan.height
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP_LAYOUTS:
            prs.slide_layouts.remove(layout)
    for shapes in [prs.slide_master.shapes, *(layout.shapes for layout in prs.slide_layouts)]:
        for shape in shapes:
            shape.left, shape.width = round(shape.left * scale), round(shape.width * scale)
    _brand_theme(prs, plan)
    _background(prs, plan.colors.get("background", "FFFFFF"))
    return prs, {None: prs.slide_layouts.get_by_name(SLIDE_LAYOUT)}


def _emptied(prs: PresentationType) -> PresentationType:
    """Remove a template's own slides (their parts are not written once nothing refers to them)."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return prs


def _brand_theme(prs: PresentationType, plan: DeckPlan) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    heading, body = plan.fonts
    for tag, font in (("majorFont", heading), ("minorFont", body)):
        root.find(f".//{{{A}}}{tag}/{{{A}}}latin").set("typeface", font)
    colors = plan.colors
    roles = {"dk1": colors.get("text"), "lt1": colors.get("background"), "dk2": colors.get("primary"),
             "lt2": colors.get("surface"), "accent1": colors.get("primary"), "accent2": colors.get("accent"),
             "accent3": colors.get("secondary"), "accent4": colors.get("muted"), "hlink": colors.get("primary"),
             "folHlink": colors.get("secondary")}
    scheme = root.find(f".//{{{A}}}clrScheme")
    for role, value in roles.items():
        slot = scheme.find(f"{{{A}}}{role}")
        if value and slot is not None:
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _background(prs: PresentationType, color: str) -> None:
    fill = prs.slide_master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(color)
