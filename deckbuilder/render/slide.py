"""One slide's part: its background, and its shapes in the planned order, each written by the writer of its kind."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from ..layout.ir import Chart, Picture, Rect, SlidePlan, Table, TextBox
from .charts import chart_frame
from .elements import NS, el, qn, root, solid
from .package import Package
from .shapes import picture_shape, rect_shape
from .table import table_frame
from .template import RT
from .text import text_shape

SLIDE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
WRITERS: dict[type, Callable[..., etree._Element]] = {  # a planned shape's type → the writer of its XML
    TextBox: text_shape, Rect: rect_shape, Picture: picture_shape, Chart: chart_frame, Table: table_frame}
ROLES = {"title": "title", "ctrTitle": "title", "subTitle": "subtitle", "body": "body", "obj": "body"}
NOT_CLONED = ("dt", "ftr", "sldNum")  # a slide shows the master's date, footer and number only when asked


@dataclass
class SlidePart:
    """What a shape writer may use of the slide it writes on: the package, the slide's part name, the deck's
    language, new shape ids and relationships."""

    package: Package
    name: str
    lang: str
    last_id: int = 1  # the shape tree itself

    def new_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def relate(self, target: str, reltype: str) -> str:
        return self.package.relate(self.name, target, reltype)

    def link(self, url: str) -> str:
        return self.package.relate(self.name, url, RT + "hyperlink", external=True)


def write_slide(package: Package, plan: SlidePlan, layout: str, lang: str, master_background: str | None) -> str:
    """Add the slide's part, on `layout`, and return its name. A planned title (and a body or subtitle planned
    for one) goes into the layout's placeholder of that role, so the outline view and screen readers find it; a
    slide of the master's background colour shows the master's (the theme's) background. The slide is named
    after its outline slide (SlidePlan.name), which PowerPoint keeps and `pull` reads."""
    sld = root("p:sld", "a", "p", "r")
    c_sld = el("p:cSld", sld, name=plan.name)
    if plan.paint and plan.background != master_background:
        paint_background(c_sld, plan.background)
    tree = el("p:spTree", c_sld)
    group = el("p:nvGrpSpPr", tree)
    el("p:cNvPr", group, id="1", name="")
    el("p:cNvGrpSpPr", group)
    el("p:nvPr", group)
    el("p:grpSpPr", tree)
    el("a:masterClrMapping", el("p:clrMapOvr", sld))
    name = package.add("ppt/slides/slide%d.xml", SLIDE_TYPE, sld)
    package.relate(name, layout, RT + "slideLayout")
    slide, holders, used = SlidePart(package, name, lang), placeholders(package.xml(layout)), set[str]()
    for shape in plan.shapes:
        tree.append(_written(shape, slide, holders, used))
    if "title" not in used:
        raise AssertionError(f"slide '{plan.id}' was planned without a title")
    return name


def placeholders(layout) -> dict[str, dict]:
    """The layout's title, body and subtitle placeholders (the first of each role): their ph attributes."""
    found: dict[str, dict] = {}
    for ph in layout.iterfind("p:cSld/p:spTree/p:sp/p:nvSpPr/p:nvPr/p:ph", NS):
        kind = ph.get("type", "obj")
        role = ROLES.get(kind)
        if role and kind not in NOT_CLONED:
            found.setdefault(role, dict(ph.attrib))
    return found


def _written(shape, slide: SlidePart, holders: dict[str, dict], used: set[str]) -> etree._Element:
    """The shape's XML by the writer of its kind; a text box planned for a placeholder role (the title, a body
    or subtitle) in the layout's placeholder of that role, the first of each."""
    if isinstance(shape, TextBox):
        role = "title" if shape.role == "title" else shape.placeholder
        if role and role not in used and role in holders:
            used.add(role)
            return text_shape(shape, slide, holders[role])
    return WRITERS[type(shape)](shape, slide)


def paint_background(c_sld, color: str) -> None:
    """A slide's or master's background: one solid colour, the theme's where it is one."""
    old = c_sld.find("p:bg", NS)
    if old is not None:
        c_sld.remove(old)
    bg = c_sld.makeelement(qn("p:bg"), {})
    c_sld.insert(0, bg)
    props = el("p:bgPr", bg)
    solid(props, color)
    el("a:effectLst", props)
