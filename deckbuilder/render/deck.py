"""render_pptx: write a DeckPlan as a .pptx, shape by shape, exactly as planned."""
from __future__ import annotations

from xml.sax.saxutils import escape

from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..layout.ir import Chart, DeckPlan, Picture, Rect, SlidePlan, Table, TextBox
from .notes import Notes
from .package import fast_partnames, fast_relations, package_bytes
from .shapes import add_picture, rect_element
from .table import add_table
from .template import base_presentation
from .text import textbox_element, write_frame


def render_pptx(plan: DeckPlan) -> bytes:
    """The deck as .pptx bytes; the same plan always gives the same bytes."""
    prs, layouts = base_presentation(plan)
    fast_partnames(prs.part.package)
    fast_relations(prs.part)
    notes, slide_ids = Notes(), prs.slides._sldIdLst
    next_id = max([255, *(int(i) for i in slide_ids.xpath("./p:sldId/@id"))]) + 1
    for number, slide_plan in enumerate(plan.slides):
        slide = _add_slide(prs, layouts[slide_plan.template_layout], next_id + number)
        _slide(slide, slide_plan, plan.props.language)
        if slide_plan.notes:
            notes.write(slide, slide_plan.notes)
    _properties(prs, plan)
    app = _app_properties(plan)
    return package_bytes(prs.part.package, lambda name, blob: app if name == "docProps/app.xml" else
                         _rewrite(name, blob))


def _add_slide(prs, layout, slide_id: int):
    """python-pptx's add_slide, without its search of every slide id for the next one (quadratic)."""
    rid, slide = prs.part.add_slide(layout)
    slide.shapes.clone_layout_placeholders(layout)
    prs.slides._sldIdLst._add_sldId(id=slide_id, rId=rid)
    return slide


def _slide(slide, plan: SlidePlan, lang: str) -> None:
    holders = {"title": slide.shapes.title, **_holders(slide)}
    tree = slide.shapes._spTree
    used, written = set(), []
    next_id = max(int(i) for i in tree.xpath(".//p:cNvPr/@id")) + 1

    def link_id(url: str) -> str:
        return slide.part.relate_to(url, RT.HYPERLINK, is_external=True)

    for shape in plan.shapes:
        target = _target(shape, holders, used)
        if target is not None:
            target.name = shape.name
            write_frame(target, shape, lang)
            element = target._element
        elif isinstance(shape, (TextBox, Rect)):
            element = textbox_element(shape, lang, next_id, link_id) if isinstance(shape, TextBox) else \
                rect_element(shape, next_id)
            tree.append(element)
        else:
            element = ADDERS[type(shape)](slide, shape)._element
        next_id = max(next_id, int(element.find(".//" + qn("p:cNvPr")).get("id"))) + 1
        written.append(element)
    if "title" not in used:
        raise AssertionError(f"slide '{plan.id}' was planned without a title")
    for element in written:  # z-order and reading order as planned (the placeholders came first)
        tree.append(element)
    for name, holder in holders.items():  # a template's placeholders this slide does not fill
        if holder is not None and name not in used:
            holder._element.getparent().remove(holder._element)
    if plan.paint:
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(plan.background)


def _holders(slide) -> dict:
    """The slide's body and subtitle placeholders (from its layout), by the role the plan gives them."""
    found = {}
    for holder in slide.placeholders:
        kind = holder.placeholder_format.type
        role = {PP_PLACEHOLDER.SUBTITLE: "subtitle", PP_PLACEHOLDER.BODY: "body",
                PP_PLACEHOLDER.OBJECT: "body"}.get(kind, f"other-{holder.placeholder_format.idx}")
        if role != "title" and holder is not None and kind not in TITLES:
            found.setdefault(role, holder)
    return found


def _target(shape, holders: dict, used: set):
    """The placeholder a planned text box goes into (its title or its body), if the slide has it free."""
    if not isinstance(shape, TextBox):
        return None
    role = "title" if shape.role == "title" else shape.placeholder
    if role and role not in used and holders.get(role) is not None:
        used.add(role)
        return holders[role]
    return None


TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
def _chart(slide, chart: Chart):
    from .charts import add_chart  # the chart machinery (and its workbook writer) only for decks with charts

    return add_chart(slide, chart)


ADDERS = {Picture: add_picture, Chart: _chart, Table: add_table}


def _properties(prs, plan: DeckPlan) -> None:
    props, core = plan.props, prs.core_properties
    core.title = props.title
    core.author = props.author
    core.subject = props.subject
    core.keywords = props.keywords
    core.language = props.language
    core.last_modified_by = "deckbuilder"
    core.revision = 1
    core.created = core.modified = props.created
    core.comments = ""
    core.category = ""


def _app_properties(plan: DeckPlan) -> bytes:
    """docProps/app.xml saying what made the deck, for whom, and what it holds (python-pptx's template
    says a Macintosh PowerPoint made an empty 4:3 show)."""
    ratio = "Widescreen" if plan.width * 3 > plan.height * 4 else "On-screen Show (4:3)"
    notes = sum(1 for slide in plan.slides if slide.notes)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>deckbuilder</Application><PresentationFormat>{ratio}</PresentationFormat>"
        f"<Slides>{len(plan.slides)}</Slides><Notes>{notes}</Notes><Company>{escape(plan.props.company)}</Company>"
        "</Properties>"
    ).encode()


def _rewrite(name: str, blob: bytes) -> bytes:
    if not name.endswith(".xlsx"):
        return blob
    from .charts import stable_workbook

    return stable_workbook(blob)
