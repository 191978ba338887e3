"""The document properties: who made the deck, for whom and when (core.xml), and what it holds (app.xml)."""
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


def write_properties(package, plan: DeckPlan) -> None:
    """Replace any properties (and a template's thumbnail of its own first slide) with the deck's."""
    for reltype in (RT_CORE, RT_APP, RT_THUMBNAIL):
        package.unrelate("", reltype, drop=True)
    for name, content_type, reltype, xml in (("docProps/core.xml", CORE_TYPE, RT_CORE, _core(plan)),
                                             ("docProps/app.xml", APP_TYPE, RT_APP, _app(plan))):
        package.put(name, xml, content_type)
        package.relate("", name, reltype)


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
