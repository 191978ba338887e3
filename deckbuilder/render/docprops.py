"""The document properties: who made the deck and when, what it holds, and where it came from (custom.xml)."""
from __future__ import annotations

from lxml import etree

from ..layout.ir import DeckPlan

CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
RT_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id every custom property of a document has


def write_properties(package, plan: DeckPlan) -> None:
    """Replace any properties (and a template's thumbnail of its own first slide) with the deck's."""
    for reltype in (RT_CORE, RT_APP, RT_THUMBNAIL):
        package.unrelate("", reltype, drop=True)
    for name, content_type, reltype, xml in (("docProps/core.xml", CORE_TYPE, RT_CORE, _core(plan)),
                                             ("docProps/app.xml", APP_TYPE, RT_APP, _app(plan))):
        package.put(name, xml, content_type)
        package.relate("", name, reltype)
    if plan.custom:
        _custom(package, plan.custom)


def _core(plan: DeckPlan):
    """Title, subject, author, keywords, language and the talk's date."""
    props = plan.props
    core = etree.Element(f"{{{CP}}}coreProperties", nsmap={"cp": CP, "dc": DC, "dcterms": DCTERMS, "xsi": XSI})
    when = props.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    for ns, tag, text in ((DC, "title", props.title), (DC, "subject", props.subject), (DC, "creator", props.author),
                          (CP, "keywords", props.keywords), (CP, "lastModifiedBy", "deckbuilder"),
                          (CP, "revision", "1"), (DCTERMS, "created", when), (DCTERMS, "modified", when),
                          (DC, "language", props.language)):
        element = etree.SubElement(core, f"{{{ns}}}{tag}")
        element.text = text
        if ns == DCTERMS:
            element.set(f"{{{XSI}}}type", "dcterms:W3CDTF")
    return core


def _app(plan: DeckPlan):
    """What made the deck, its format and what it holds."""
    ratio = "Widescreen" if plan.width * 3 > plan.height * 4 else "On-screen Show (4:3)"
    app = etree.Element(f"{{{EP}}}Properties", nsmap={None: EP})
    for tag, text in (("Application", "deckbuilder"), ("PresentationFormat", ratio), ("Slides", len(plan.slides)),
                      ("Notes", sum(1 for slide in plan.slides if slide.notes)), ("Company", plan.props.company)):
        etree.SubElement(app, f"{{{EP}}}{tag}").text = str(text)
    return app


def _custom(package, properties: tuple[tuple[str, str], ...]) -> None:
    """The deck's custom properties, after a template's own (any it has under the same names are replaced)."""
    name = package.related("", RT_CUSTOM)
    if name is None:
        name = "docProps/custom.xml"
        package.put(name, etree.Element(f"{{{CUSTOM}}}Properties", nsmap={None: CUSTOM, "vt": VT}), CUSTOM_TYPE)
        package.relate("", name, RT_CUSTOM)
    found = package.xml(name)
    ours = {key for key, _ in properties}
    for old in [p for p in found if p.get("name") in ours]:
        found.remove(old)
    last = max((int(p.get("pid", "1")) for p in found if p.get("pid", "").isdigit()), default=1)
    for pid, (key, value) in enumerate(properties, start=last + 1):
        prop = etree.SubElement(found, f"{{{CUSTOM}}}property", fmtid=FMTID, pid=str(pid), name=key)
        etree.SubElement(prop, f"{{{VT}}}lpwstr").text = value
