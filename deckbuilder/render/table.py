"""Native tables (p:graphicFrame holding an a:tbl), written exactly as planned, in the theme's colours and fonts."""
from __future__ import annotations

from ..layout.ir import Para, Table, TableCell
from .elements import el, solid
from .text import paragraph

TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"


def table_frame(table: Table, slide):
    """The table as a graphic frame at the planned place: a header row (when it has one), banded rows."""
    frame = el("p:graphicFrame")
    nv = el("p:nvGraphicFramePr", frame)
    el("p:cNvPr", nv, id=slide.new_id(), name=table.name)
    el("a:graphicFrameLocks", el("p:cNvGraphicFramePr", nv), noGrp="1")
    el("p:nvPr", nv)
    xfrm = el("p:xfrm", frame)
    el("a:off", xfrm, x=table.box.x, y=table.box.y)
    el("a:ext", xfrm, cx=table.box.w, cy=table.box.h)
    tbl = el("a:tbl", el("a:graphicData", el("a:graphic", frame), uri=TABLE_URI))
    el("a:tblPr", tbl, firstRow=int(table.header), bandRow="1")
    grid = el("a:tblGrid", tbl)
    for width in table.widths:
        el("a:gridCol", grid, w=width)
    for height, row in zip(table.heights, table.rows):
        tr = el("a:tr", tbl, h=height)
        for cell in row:
            _cell(tr, cell, table.margin, slide)
    return frame


def _cell(tr, cell: TableCell, margin: int, slide) -> None:
    tc = el("a:tc", tr)
    body = el("a:txBody", tc)
    el("a:bodyPr", body)
    el("a:lstStyle", body)
    for para in cell.paras or (Para(()),):
        paragraph(body, para, slide)
    props = el("a:tcPr", tc, marL=margin, marR=margin, marT=margin // 2, marB=margin // 2)
    if cell.fill:
        solid(props, cell.fill)
    else:
        el("a:noFill", props)
