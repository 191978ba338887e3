"""Speaker notes: a notes page per slide, its placeholders those of the deck's notes master."""
from __future__ import annotations

from .elements import NS, el, root
from .text import PLACEHOLDER_KEYS

NOTES_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CLONED = ("sldImg", "body", "sldNum")  # the slide's picture, the notes and the page number, as PowerPoint makes them
NAMES = {"sldImg": "Slide Image Placeholder", "body": "Notes Placeholder", "sldNum": "Slide Number Placeholder"}


class Notes:
    """Writes the notes pages of one deck on its notes master."""

    def __init__(self, package, master: str):
        self.package, self.master = package, master
        self.holders = [{k: v for k, v in ph.attrib.items() if k in PLACEHOLDER_KEYS}
                        for ph in package.xml(master).iterfind(".//p:sp/p:nvSpPr/p:nvPr/p:ph", NS)
                        if ph.get("type") in CLONED]

    def write(self, slide: str, text: str) -> None:
        """A notes page for the slide part `slide`, holding `text` (one paragraph per line)."""
        part = self.package.add("ppt/notesSlides/notesSlide%d.xml", NOTES_TYPE, self._page(text))
        self.package.relate(part, self.master, RT + "notesMaster")
        self.package.relate(part, slide, RT + "slide")
        self.package.relate(slide, part, RT + "notesSlide")

    def _page(self, text: str):
        notes = root("p:notes", "a", "p", "r")
        tree = el("p:spTree", el("p:cSld", notes))
        group = el("p:nvGrpSpPr", tree)
        el("p:cNvPr", group, id="1", name="")
        el("p:cNvGrpSpPr", group)
        el("p:nvPr", group)
        el("p:grpSpPr", tree)
        for number, holder in enumerate(self.holders, start=2):
            sp = el("p:sp", tree)
            nv = el("p:nvSpPr", sp)
            el("p:cNvPr", nv, id=number, name=f"{NAMES[holder['type']]} {number - 1}")
            el("a:spLocks", el("p:cNvSpPr", nv), noGrp="1")
            el("p:ph", el("p:nvPr", nv), **holder)
            el("p:spPr", sp)
            if holder["type"] == "body":
                _text(el("p:txBody", sp), text)
        el("a:masterClrMapping", el("p:clrMapOvr", notes))
        return notes


def _text(body, text: str) -> None:
    el("a:bodyPr", body)
    el("a:lstStyle", body)
    for line in text.split("\n"):
        p = el("a:p", body)
        if line:
            el("a:t", el("a:r", p)).text = line
