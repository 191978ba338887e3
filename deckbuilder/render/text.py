"""Writing text frames exactly as planned: explicit sizes, no autofit, bullets, links and fields."""
from __future__ import annotations

import uuid

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..layout.fonts import FALLBACK_NAME
from ..layout.ir import Para, Run, TextBox

FIELD_NS = uuid.UUID("6f1d2b8e-6c55-4b0a-9d1e-0d5b3a7e2c41")
PLAIN_BULLETS = "\u2022\u2013"  # set in Arial; other bullets (✓ ○) in the fallback font, which has them


def write_frame(shape, box: TextBox, lang: str) -> None:
    """Give `shape` the planned position and size, and a text body holding the planned paragraphs."""
    shape.left, shape.top, shape.width, shape.height = box.box.x, box.box.y, box.box.w, box.box.h
    if box.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(box.fill)
    sp = shape._element
    old = sp.find(qn("p:txBody"))
    body = _body(box, lang, lambda url: shape.part.relate_to(url, RT.HYPERLINK, is_external=True))
    if old is None:
        sp.append(body)
    else:
        old.addprevious(body)
        sp.remove(old)


def textbox_element(box: TextBox, lang: str, shape_id: int, link_id):
    """A text box written as XML, at the planned place, holding the planned paragraphs."""
    sp = _el("p:sp")
    nv = _el("p:nvSpPr", sp)
    _el("p:cNvPr", nv, id=str(shape_id), name=box.name)
    _el("p:cNvSpPr", nv, txBox="1")
    _el("p:nvPr", nv)
    props = _el("p:spPr", sp)
    xfrm = _el("a:xfrm", props)
    _el("a:off", xfrm, x=str(box.box.x), y=str(box.box.y))
    _el("a:ext", xfrm, cx=str(box.box.w), cy=str(box.box.h))
    _el("a:avLst", _el("a:prstGeom", props, prst="rect"))
    if box.fill:
        _el("a:srgbClr", _el("a:solidFill", props), val=box.fill)
    else:
        _el("a:noFill", props)
    sp.append(_body(box, lang, link_id))
    return sp


def _el(tag: str, parent=None, **attrs):
    element = etree.Element(qn(tag), **attrs) if parent is None else etree.SubElement(parent, qn(tag), **attrs)
    return element


def _body(box: TextBox, lang: str, link_id) -> etree._Element:
    body = _el("p:txBody")
    inset = str(box.inset)
    props = _el("a:bodyPr", body, wrap="square", lIns=inset, tIns=inset, rIns=inset, bIns=inset,
                anchor=box.anchor, rtlCol="0")
    _el("a:noAutofit", props)
    _el("a:lstStyle", body)
    for para in box.paras:
        _paragraph(body, para, lang, link_id)
    return body


def _paragraph(body, para: Para, lang: str, link_id) -> None:
    p = _el("a:p", body)
    hang = para.indent if para.hang is None else para.hang
    ppr = _el("a:pPr", p, marL=str(para.indent), indent=str(-hang if para.bullet else 0), algn=para.align)
    if para.line_spacing != 1.0:
        _el("a:spcPct", _el("a:lnSpc", ppr), val=str(round(para.line_spacing * 100_000)))
    if para.space_before:
        _el("a:spcPts", _el("a:spcBef", ppr), val=str(round(para.space_before * 100)))
    _bullet(ppr, para)
    for run in para.runs:
        if run.field:
            _field(p, run, lang)
            continue
        for i, line in enumerate(run.text.split("\n")):
            if i:
                _props(_el("a:br", p), run, lang, None, "a:rPr")
            if line:
                r = _el("a:r", p)
                _props(r, run, lang, link_id(run.link) if run.link else None, "a:rPr")
                _el("a:t", r).text = line
    _el("a:endParaRPr", p, lang=lang, sz=str(round(para.size * 100)))


def _bullet(ppr, para: Para) -> None:
    if not para.bullet:
        _el("a:buNone", ppr)
        return
    if para.bullet_color:
        _el("a:srgbClr", _el("a:buClr", ppr), val=para.bullet_color)
    if para.bullet == "num":
        _el("a:buFont", ppr, typeface="+mj-lt")
        _el("a:buAutoNum", ppr, type="arabicPeriod", **({"startAt": str(para.number)} if para.number > 1 else {}))
        return
    _el("a:buFont", ppr, typeface="Arial" if para.bullet in PLAIN_BULLETS else FALLBACK_NAME)
    _el("a:buChar", ppr, char=para.bullet)


def _props(parent, run: Run, lang: str, rid: str | None, tag: str) -> None:
    """A run's properties: size, weight, colour, fonts (with the fallback for complex scripts), link."""
    attrs = {"lang": lang, "sz": str(round(run.size * 100)), "b": "1" if run.bold else "0",
             "i": "1" if run.italic else "0"}
    if run.caps:
        attrs["cap"] = "all"
    rpr = _el(tag, parent, **attrs)
    _el("a:srgbClr", _el("a:solidFill", rpr), val=run.color)
    _el("a:latin", rpr, typeface=run.font)
    _el("a:cs", rpr, typeface=FALLBACK_NAME)
    if rid:
        _el("a:hlinkClick", rpr, **{qn("r:id"): rid})


def _field(p, run: Run, lang: str) -> None:
    """A field PowerPoint keeps up to date (the slide number), showing its value now."""
    field_id = "{" + str(uuid.uuid5(FIELD_NS, run.field + run.text)).upper() + "}"
    fld = _el("a:fld", p, id=field_id, type=run.field)
    _props(fld, run, lang, None, "a:rPr")
    _el("a:t", fld).text = run.text
