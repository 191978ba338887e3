"""Pictures and plain shapes, with alt text or the decorative mark screen readers need."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..layout.ir import Picture, Rect
from .elements import el, solid
from .text import xfrm

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
CORNER = 109_728  # 0.12 in
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
MEDIA_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif"}


def picture_shape(pic: Picture, slide):
    """A picture of the (prepared) image file, stretched to the planned box; the file is stored once per deck."""
    extension = Path(pic.image).suffix.lstrip(".").lower()
    slide.package.default_type(extension, MEDIA_TYPES[extension])
    media = slide.package.add_file(f"ppt/media/image%d.{extension}", Path(pic.image))
    shape = el("p:pic")
    nv = el("p:nvPicPr", shape)
    describe(el("p:cNvPr", nv, id=slide.new_id(), name=pic.name), pic.alt, pic.decorative)
    el("a:picLocks", el("p:cNvPicPr", nv), noChangeAspect="1")
    el("p:nvPr", nv)
    fill = el("p:blipFill", shape)
    el("a:blip", fill, r__embed=slide.relate(media, IMAGE))
    el("a:fillRect", el("a:stretch", fill))
    props = el("p:spPr", shape)
    xfrm(props, pic.box)
    el("a:avLst", el("a:prstGeom", props, prst="rect"))
    return shape


def rect_shape(rect: Rect, slide):
    """A plain, decorative shape: no theme style, so no outline or shadow it did not ask for."""
    b = rect.box
    sp = el("p:sp")
    nv = el("p:nvSpPr", sp)
    describe(el("p:cNvPr", nv, id=slide.new_id(), name=rect.name), "", True)
    el("p:cNvSpPr", nv)
    el("p:nvPr", nv)
    props = el("p:spPr", sp)
    xfrm(props, b)
    geometry = el("a:prstGeom", props, prst="ellipse" if rect.ellipse else "roundRect" if rect.rounded else "rect")
    guides = el("a:avLst", geometry)
    if rect.rounded:
        el("a:gd", guides, name="adj", fmla=f"val {round(min(0.5, CORNER / max(min(b.w, b.h), 1)) * 100_000)}")
    if rect.fill:
        solid(props, rect.fill, rect.alpha)
    else:
        el("a:noFill", props)
    line = el("a:ln", props, **({"w": "12700"} if rect.line else {}))
    if rect.line:
        solid(line, rect.line)
    else:
        el("a:noFill", line)
    return sp


def describe(c_nv_pr, alt: str, decorative: bool):
    """Give a shape its alt text, or mark it decorative so screen readers skip it."""
    if not decorative:
        c_nv_pr.set("descr", alt)
        return c_nv_pr
    ext = el("a:ext", el("a:extLst", c_nv_pr), uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}, val="1")
    return c_nv_pr

