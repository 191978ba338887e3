"""Native tables (p:graphicFrame with a:tbl) written with lxml, exactly as planned."""
from __future__ import annotations

from lxml import etree

from ..layout.fonts import FALLBACK_NAME
from ..layout.ir import Para, Table, TableCell

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"


def _el(parent, tag: str, **attrs):
    prefix, local = tag.split(":")
    name = f"{{{P if prefix == 'p' else A}}}{local}"
    return etree.Element(name, **attrs) if parent is None else etree.SubElement(parent, name, **attrs)


def table_element(table: Table, shape_id: int, lang: str = ""):
    """The table as a p:graphicFrame, at the planned place (its text marked as in `lang`, when given)."""
    frame = _el(None, "p:graphicFrame")
    nv = _el(frame, "p:nvGraphicFramePr")
    _el(nv, "p:cNvPr", id=str(shape_id), name=table.name)
    _el(_el(nv, "p:cNvGraphicFramePr"), "a:graphicFrameLocks", noGrp="1")
    _el(nv, "p:nvPr")
    xfrm = _el(frame, "p:xfrm")
    _el(xfrm, "a:off", x=str(table.box.x), y=str(table.box.y))
    _el(xfrm, "a:ext", cx=str(table.box.w), cy=str(table.box.h))
    tbl = _el(_el(_el(frame, "a:graphic"), "a:graphicData", uri=TABLE_URI), "a:tbl")
    _el(tbl, "a:tblPr", firstRow="1" if table.header else "0", bandRow="1")
    grid = _el(tbl, "a:tblGrid")
    for width in table.widths:
        _el(grid, "a:gridCol", w=str(width))
    for height, row in zip(table.heights, table.rows):
        tr = _el(tbl, "a:tr", h=str(height))
        for cell in row:
            _cell(tr, cell, table.margin, lang)
    return frame


def _cell(tr, cell: TableCell, margin: int, lang: str) -> None:
    tc = _el(tr, "a:tc")
    body = _el(tc, "a:txBody")
    _el(body, "a:bodyPr")
    _el(body, "a:lstStyle")
    for para in cell.paras:
        _paragraph(body, para, lang)
    props = _el(tc, "a:tcPr", marL=str(margin), marR=str(margin), marT=str(margin // 2), marB=str(margin // 2))
    if cell.fill:
        _el(_el(props, "a:solidFill"), "a:srgbClr", val=cell.fill)
    else:
        _el(props, "a:noFill")


def _paragraph(body, para: Para, lang: str) -> None:
    p = _el(body, "a:p")
    _el(p, "a:pPr", algn=para.align)
    for run in para.runs:
        r = _el(p, "a:r")
        rpr = _el(r, "a:rPr", **_lang(lang), sz=str(round(run.size * 100)), b="1" if run.bold else "0")
        _el(_el(rpr, "a:solidFill"), "a:srgbClr", val=run.color)
        _el(rpr, "a:latin", typeface=run.font)
        _el(rpr, "a:cs", typeface=FALLBACK_NAME)
        _el(r, "a:t").text = run.text
    _el(p, "a:endParaRPr", **_lang(lang), sz=str(round(para.size * 100)))


def _lang(lang: str) -> dict:
    return {"lang": lang} if lang else {}


def add_table(slide, table: Table):
    """The table appended to a python-pptx slide's shape tree, as the shape it is."""
    from pptx.shapes.graphfrm import GraphicFrame

    tree = slide.shapes._spTree
    shape_id = max(int(i) for i in tree.xpath(".//p:cNvPr/@id")) + 1
    element = table_element(table, shape_id)
    tree.append(element)
    return GraphicFrame(element, slide.shapes)
