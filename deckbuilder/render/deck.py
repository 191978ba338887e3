"""render_pptx: write a DeckPlan as a .pptx, shape by shape, exactly as planned, with the brand in its theme."""
from __future__ import annotations

from ..colors import WHITE
from ..layout.ir import DeckPlan
from .docprops import write_properties
from .elements import NS, el
from .notes import Notes
from .package import Package
from .slide import paint_background, write_slide
from .template import RT, layout_of, masters, notes_master, presentation, presentation_list, start_package
from .theme import brand_theme

FIRST_SLIDE_ID = 256


def render_pptx(plan: DeckPlan) -> bytes:
    """The deck as .pptx bytes; the same plan always gives the same bytes."""
    return write_package(plan).to_bytes()


def write_package(plan: DeckPlan) -> Package:
    """The deck as a package, its pictures' files read only when it is saved."""
    package = start_package(plan)
    brand_theme(package, masters(package), plan)
    background = None if plan.template else plan.colors.get("background", WHITE)
    if background:
        paint_background(package.xml(masters(package)[0]).find("p:cSld", NS), background)
    name, slide_ids = presentation(package), presentation_list(package, "sldIdLst")
    notes = Notes(package, notes_master(package)) if any(slide.notes for slide in plan.slides) else None
    for number, slide_plan in enumerate(plan.slides):
        slide = write_slide(package, slide_plan, layout_of(plan, slide_plan), plan.props.language, background)
        el("p:sldId", slide_ids, id=FIRST_SLIDE_ID + number, r__id=package.relate(name, slide, RT + "slide"))
        if notes and slide_plan.notes:
            notes.write(slide, slide_plan.notes)
    write_properties(package, plan)
    return package
