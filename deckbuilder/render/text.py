"""Writing text frames exactly as planned: explicit sizes, no autofit, bullets, links and fields."""
from __future__ import annotations

import uuid

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..layout.fonts import FALLBACK_NAME
from ..layout.ir import Para, Run, TextBox

ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
ANCHOR = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
FIELD_NS = uuid.UUID("6f1d2b8e-6c55-4b0a-9d1e-0d5b3a7e2c41")


def write_frame(shape, box: TextBox, lang: str) -> None:
    """Fill `shape`'s text frame with the planned paragraphs, at the planned position and size."""
    shape.left, shape.top, shape.width, shape.height = box.box.x, box.box.y, box.box.w, box.box.h
    tf = shape.text_frame
    tf.clear()
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = Emu(box.inset)
    tf.vertical_anchor = ANCHOR[box.anchor]
    if box.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(box.fill)
    for i, para in enumerate(box.paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        _write_para(p, para, lang)


def _write_para(p, para: Para, lang: str) -> None:
    p.alignment = ALIGN[para.align]
    if para.line_spacing != 1.0:
        p.line_spacing = para.line_spacing
    if para.space_before:
        p.space_before = Pt(para.space_before)
    _bullet(p, para)
    for run in para.runs:
        if run.field:
            _field(p, run, lang)
        else:
            _style(p.add_run(), run, lang)
    end = p._p.get_or_add_endParaRPr()
    end.set("lang", lang)
    end.set("sz", str(round(para.size * 100)))


def _bullet(p, para: Para) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.set("marL", str(para.indent))
    hang = para.indent if para.hang is None else para.hang
    ppr.set("indent", str(-hang if para.bullet else 0))
    for tag in ("a:buClr", "a:buFont", "a:buNone", "a:buAutoNum", "a:buChar"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if not para.bullet:
        _sub(ppr, "a:buNone")
        return
    if para.bullet_color:
        clr = _sub(ppr, "a:buClr")
        _sub(clr, "a:srgbClr", val=para.bullet_color)
    if para.bullet == "num":
        _sub(ppr, "a:buFont", typeface="+mj-lt")
        _sub(ppr, "a:buAutoNum", type="arabicPeriod", **({"startAt": str(para.number)} if para.number > 1 else {}))
    else:
        _sub(ppr, "a:buFont", typeface="Arial" if para.bullet in "\u2022\u2013" else FALLBACK_NAME)
        _sub(ppr, "a:buChar", char=para.bullet)


def _sub(parent, tag: str, **attrs):
    """Append a child in the schema's order (pPr children: lnSpc, spcBef, spcAft, buClr…, buFont, bu*)."""
    child = etree.SubElement(parent, qn(tag), **attrs)
    order = ["a:lnSpc", "a:spcBef", "a:spcAft", "a:buClrTx", "a:buClr", "a:buSzTx", "a:buSzPct", "a:buSzPts",
             "a:buFontTx", "a:buFont", "a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip", "a:tabLst", "a:defRPr",
             "a:extLst"]
    if tag in order:
        rank = {qn(t): i for i, t in enumerate(order)}
        for sibling in parent:
            if sibling is not child and rank.get(sibling.tag, -1) > rank[qn(tag)]:
                sibling.addprevious(child)
                break
    return child


def _style(r, run: Run, lang: str) -> None:
    r.text = run.text
    font = r.font
    font.name = run.font
    font.size = Pt(run.size)
    font.bold = run.bold
    font.italic = run.italic
    font.color.rgb = RGBColor.from_string(run.color)
    rpr = r._r.get_or_add_rPr()
    rpr.set("lang", lang)
    if run.caps:
        rpr.set("cap", "all")
    _fallback_fonts(rpr)
    if run.link:
        r.hyperlink.address = run.link


def _fallback_fonts(rpr) -> None:
    """Name the font that sets complex scripts the theme font lacks (e.g. Arabic), as measured."""
    rpr.find(qn("a:latin")).addnext(etree.Element(qn("a:cs"), typeface=FALLBACK_NAME))


def _field(p, run: Run, lang: str) -> None:
    field_id = "{" + str(uuid.uuid5(FIELD_NS, run.field + run.text)).upper() + "}"
    fld = etree.SubElement(p._p, qn("a:fld"), id=field_id, type=run.field)
    rpr = etree.SubElement(fld, qn("a:rPr"), lang=lang, sz=str(round(run.size * 100)))
    fill = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=run.color)
    etree.SubElement(rpr, qn("a:latin"), typeface=run.font)
    text = etree.SubElement(fld, qn("a:t"))
    text.text = run.text
