"""Pictures and plain shapes, with alt text or the decorative mark screen readers need."""
from __future__ import annotations

from lxml import etree
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


def rect_element(rect: Rect, shape_id: int):
    """A plain, decorative shape written as XML: no theme style, so no outline or shadow it did not ask for."""
    b = rect.box
    sp = _el("p:sp")
    nv = _el("p:nvSpPr", sp)
    _decorative(_el("p:cNvPr", nv, id=str(shape_id), name=rect.name))
    _el("p:cNvSpPr", nv)
    _el("p:nvPr", nv)
    props = _el("p:spPr", sp)
    xfrm = _el("a:xfrm", props)
    _el("a:off", xfrm, x=str(b.x), y=str(b.y))
    _el("a:ext", xfrm, cx=str(b.w), cy=str(b.h))
    geometry = _el("a:prstGeom", props, prst="ellipse" if rect.ellipse else "roundRect" if rect.rounded else "rect")
    guides = _el("a:avLst", geometry)
    if rect.rounded:
        _el("a:gd", guides, name="adj", fmla=f"val {round(min(0.5, CORNER / max(min(b.w, b.h), 1)) * 100_000)}")
    if rect.fill:
        color = _el("a:srgbClr", _el("a:solidFill", props), val=rect.fill)
        if rect.alpha < 1:
            _el("a:alpha", color, val=str(round(rect.alpha * 100_000)))
    else:
        _el("a:noFill", props)
    line = _el("a:ln", props, **({"w": "12700"} if rect.line else {}))
    if rect.line:
        _el("a:srgbClr", _el("a:solidFill", line), val=rect.line)
    else:
        _el("a:noFill", line)
    return sp


def _el(tag: str, parent=None, **attrs):
    return etree.Element(qn(tag), **attrs) if parent is None else etree.SubElement(parent, qn(tag), **attrs)


def _decorative(c_nv_pr) -> None:
    ext_lst = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"), uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}, val="1")


def describe(shape, alt: str, decorative: bool) -> None:
    """Set the alt text (python-pptx writes the file name by default) or mark the shape decorative."""
    c_nv_pr = shape._element.find(".//" + qn("p:cNvPr"))
    if decorative:
        c_nv_pr.attrib.pop("descr", None)
        _decorative(c_nv_pr)
    else:
        c_nv_pr.set("descr", alt)
