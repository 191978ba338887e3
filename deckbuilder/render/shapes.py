"""Pictures and plain shapes, with alt text or the decorative mark screen readers need."""
from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn

from ..layout.ir import Picture, Rect

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
CORNER = 109_728  # 0.12 in


def add_picture(slide, pic: Picture):
    b = pic.box
    shape = slide.shapes.add_picture(pic.image, b.x, b.y, b.w, b.h)
    shape.name = pic.name
    describe(shape, pic.alt, pic.decorative)
    return shape


def add_rect(slide, rect: Rect):
    b = rect.box
    kind = MSO_SHAPE.OVAL if rect.ellipse else MSO_SHAPE.ROUNDED_RECTANGLE if rect.rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, b.x, b.y, b.w, b.h)
    shape.name = rect.name
    shape.shadow.inherit = False
    if rect.rounded:
        shape.adjustments[0] = min(0.5, CORNER / max(min(b.w, b.h), 1))
    if rect.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(rect.fill)
        if rect.alpha < 1:
            clr = shape.fill._xPr.find(qn("a:solidFill")).find(qn("a:srgbClr"))
            etree.SubElement(clr, qn("a:alpha"), val=str(round(rect.alpha * 100_000)))
    else:
        shape.fill.background()
    if rect.line:
        shape.line.color.rgb = RGBColor.from_string(rect.line)
        shape.line.width = 12_700
    else:
        shape.line.fill.background()
    describe(shape, "", True)
    return shape


def describe(shape, alt: str, decorative: bool) -> None:
    """Set the alt text (python-pptx writes the file name by default) or mark the shape decorative."""
    c_nv_pr = shape._element.find(".//" + qn("p:cNvPr"))
    if decorative:
        c_nv_pr.attrib.pop("descr", None)
        ext_lst = etree.SubElement(c_nv_pr, qn("a:extLst"))
        ext = etree.SubElement(ext_lst, qn("a:ext"), uri=DECORATIVE_URI)
        etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}, val="1")
    else:
        c_nv_pr.set("descr", alt)
