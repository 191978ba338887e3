"""Text frames exactly as planned: explicit sizes, no autofit, theme colours and fonts, bullets, links, fields."""
from __future__ import annotations

import uuid

from ..layout.fonts import FALLBACK_NAME
from ..layout.ir import Para, Run, TextBox
from .elements import color, el, solid

FIELD_NS = uuid.UUID("6f1d2b8e-6c55-4b0a-9d1e-0d5b3a7e2c41")
PLAIN_BULLETS = "\u2022\u2013"  # set in Arial; other bullets (✓ ○) in the fallback font, which has them
PLACEHOLDER_KEYS = ("type", "orient", "sz", "idx")


def text_shape(box: TextBox, slide, placeholder: dict | None = None):
    """A text box at the planned place holding the planned paragraphs; with `placeholder` (the layout's
    placeholder attributes), the slide's filling of that placeholder (its title, body or subtitle)."""
    sp = el("p:sp")
    nv = el("p:nvSpPr", sp)
    el("p:cNvPr", nv, id=slide.new_id(), name=box.name)
    if placeholder is None:
        el("p:cNvSpPr", nv, txBox="1")
        el("p:nvPr", nv)
    else:
        el("a:spLocks", el("p:cNvSpPr", nv), noGrp="1")
        el("p:ph", el("p:nvPr", nv), **{k: v for k, v in placeholder.items() if k in PLACEHOLDER_KEYS})
    props = el("p:spPr", sp)
    xfrm(props, box.box)
    if placeholder is None:
        el("a:avLst", el("a:prstGeom", props, prst="rect"))
    if box.fill:
        solid(props, box.fill)
    elif placeholder is None:
        el("a:noFill", props)
    sp.append(_body(box, slide))
    return sp


def xfrm(props, box) -> None:
    """The planned position and size."""
    found = el("a:xfrm", props)
    el("a:off", found, x=box.x, y=box.y)
    el("a:ext", found, cx=box.w, cy=box.h)


def _body(box: TextBox, slide):
    body = el("p:txBody")
    inset = box.inset
    props = el("a:bodyPr", body, wrap="square", lIns=inset, tIns=inset, rIns=inset, bIns=inset, anchor=box.anchor,
               rtlCol="0")
    el("a:noAutofit", props)
    el("a:lstStyle", body)
    for para in box.paras:
        paragraph(body, para, slide)
    return body


def paragraph(body, para: Para, slide) -> None:
    """A paragraph of runs with its spacing, alignment and bullet (in a text frame or a table cell)."""
    p = el("a:p", body)
    hang = para.indent if para.hang is None else para.hang
    ppr = el("a:pPr", p, marL=para.indent, indent=-hang if para.bullet else 0, algn=para.align)
    if para.line_spacing != 1.0:
        el("a:spcPct", el("a:lnSpc", ppr), val=round(para.line_spacing * 100_000))
    if para.space_before:
        el("a:spcPts", el("a:spcBef", ppr), val=round(para.space_before * 100))
    _bullet(ppr, para)
    for run in para.runs:
        if run.field:
            _field(p, run, slide.lang, run.field)
            continue
        for i, line in enumerate(run.text.split("\n")):
            if i:
                _props(el("a:br", p), run, slide.lang, None)
            if line:
                r = el("a:r", p)
                _props(r, run, slide.lang, slide.link(run.link) if run.link else None)
                el("a:t", r).text = line
    el("a:endParaRPr", p, lang=slide.lang, sz=round(para.size * 100))


def _bullet(ppr, para: Para) -> None:
    if not para.bullet:
        el("a:buNone", ppr)
        return
    if para.bullet_color:
        color(el("a:buClr", ppr), para.bullet_color)
    if para.bullet == "num":
        el("a:buFont", ppr, typeface="+mj-lt")
        el("a:buAutoNum", ppr, type="arabicPeriod", **({"startAt": para.number} if para.number > 1 else {}))
        return
    el("a:buFont", ppr, typeface="Arial" if para.bullet in PLAIN_BULLETS else FALLBACK_NAME)
    el("a:buChar", ppr, char=para.bullet)


def _props(parent, run: Run, lang: str, rid: str | None) -> None:
    """A run's properties: size, weight, colour, its theme font (+mj-lt, +mn-lt; the fallback for complex
    scripts), link."""
    attrs = {"lang": lang, "sz": round(run.size * 100), "b": int(run.bold), "i": int(run.italic)}
    if run.caps:
        attrs["cap"] = "all"
    rpr = el("a:rPr", parent, **attrs)
    solid(rpr, run.color)
    el("a:latin", rpr, typeface=getattr(run.font, "ref", run.font))
    el("a:cs", rpr, typeface=FALLBACK_NAME)
    if rid:
        el("a:hlinkClick", rpr, r__id=rid)


def _field(p, run: Run, lang: str, kind: str) -> None:
    """A field PowerPoint keeps up to date (the slide number), showing its value now."""
    field_id = "{" + str(uuid.uuid5(FIELD_NS, kind + run.text)).upper() + "}"
    fld = el("a:fld", p, id=field_id, type=kind)
    _props(fld, run, lang, None)
    el("a:t", fld).text = run.text
