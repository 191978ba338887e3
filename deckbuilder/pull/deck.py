"""A deck as pull reads it, edited or rebuilt: custom properties, and each slide's name, shapes and notes."""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic
from ..layout.ir import Box
from ..package_reader import open_package

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
KINDS = {"sp": "shape", "pic": "picture", "graphicFrame": "frame", "cxnSp": "shape"}
TABLE = "http://schemas.openxmlformats.org/drawingml/2006/table"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's text (line breaks as newlines) and how each run of it is set: (bold, italic, size in hundredths
    of a point or None)."""

    text: str
    style: tuple = ()

    @property
    def words(self) -> str:
        return " ".join(self.text.split())


@dataclass
class Shape:
    """A shape on a slide: its kind (text, table, chart, picture, shape, other), name, placeholder type, place
    and paragraphs (a table's cell by cell); `data`: a chart's names and numbers, to tell whether they changed."""

    kind: str
    name: str
    placeholder: str | None = None
    box: Box | None = None
    paras: list[Paragraph] = field(default_factory=list)
    data: tuple = ()

    @property
    def words(self) -> str:
        return " ".join(p.words for p in self.paras if p.words)


@dataclass
class DeckSlide:
    """One slide, in the deck's order (number from 1)."""

    number: int
    name: str
    shapes: list[Shape]
    notes: list[Paragraph]
    hidden: bool = False

    @property
    def notes_text(self) -> str:
        return "\n".join(p.text for p in self.notes).strip("\n")


@dataclass
class Deck:
    name: str
    properties: dict[str, str]
    slides: list[DeckSlide]
    removed: Diagnostic | None = None  # what the guarded reader took out of it (macros, embedded objects, links)


def read_file(path: Path) -> Deck:
    """A deck from outside, through the guarded reader (which refuses what is not a safe deck)."""
    package = open_package(path, "deck")
    return replace(read_parts(package.parts, package.name), removed=package.warning())


def read_bytes(data: bytes, name: str) -> Deck:
    """A deck deckbuilder has just built."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return read_parts({n: archive.read(n) for n in archive.namelist()}, name)


def read_parts(parts: dict[str, bytes], name: str) -> Deck:
    reader = _Parts(parts)
    main = reader.related("", "officeDocument")
    slides = []
    for number, rid in enumerate(reader.xml(main).xpath("p:sldIdLst/p:sldId/@r:id", namespaces=NS), start=1):
        part = reader.target(main, rid)
        if part in parts:
            slides.append(_slide(reader, part, number))
    return Deck(name, _properties(reader), slides)


class _Parts:
    """The parts of a package, parsed when first read, and where their relationships lead."""

    def __init__(self, parts: dict[str, bytes]):
        self.parts = parts
        self.trees: dict = {}
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def xml(self, name: str):
        if name not in self.trees:
            self.trees[name] = etree.fromstring(self.parts[name], self.parser)
        return self.trees[name]

    def rels(self, source: str) -> list:
        folder, base = posixpath.split(source)
        name = posixpath.join(folder, "_rels", f"{base}.rels")
        return list(self.xml(name).iterfind("rel:Relationship", NS)) if name in self.parts else []

    def target(self, source: str, rid: str) -> str:
        rel = next((r for r in self.rels(source) if r.get("Id") == rid), None)
        return self._resolve(source, rel.get("Target")) if rel is not None else ""

    def related(self, source: str, kind: str) -> str:
        """The part `source` relates to by a relationship of this type (its last word: 'notesSlide', …)."""
        rel = next((r for r in self.rels(source) if (r.get("Type") or "").rsplit("/", 1)[-1] == kind), None)
        return self._resolve(source, rel.get("Target")) if rel is not None else ""

    @staticmethod
    def _resolve(source: str, target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _properties(reader: _Parts) -> dict[str, str]:
    name = reader.related("", "custom-properties")
    if name not in reader.parts:
        return {}
    return {prop.get("name"): "".join(prop.itertext()) for prop in reader.xml(name).iterfind("cp:property", NS)}


def _slide(reader: _Parts, part: str, number: int) -> DeckSlide:
    root = reader.xml(part)
    c_sld = root.find("p:cSld", NS)
    shapes: list[Shape] = []
    tree = c_sld.find("p:spTree", NS)
    if tree is not None:
        _shapes(tree, reader, part, shapes)
    notes_part = reader.related(part, "notesSlide")
    notes = _notes(reader.xml(notes_part)) if notes_part in reader.parts else []
    return DeckSlide(number, c_sld.get("name", ""), shapes, notes, root.get("show") in ("0", "false"))


def _shapes(tree, reader: _Parts, part: str, out: list[Shape]) -> None:
    """Every shape in reading order; a group's shapes in its place (as the edits made in it are the shapes')."""
    for element in tree:
        local = etree.QName(element).localname
        if local == "grpSp":
            _shapes(element, reader, part, out)
        elif local in KINDS:
            out.append(_shape(element, local, reader, part))
        elif local == "AlternateContent":
            out.append(Shape("other", _name(element)))


def _shape(element, local: str, reader: _Parts, part: str) -> Shape:
    ph = element.find("./*/p:nvPr/p:ph", NS)
    shape = Shape(KINDS[local], _name(element), None if ph is None else ph.get("type", "obj"), _box(element))
    body = element.find("p:txBody", NS)
    if body is not None:
        shape.paras = [_paragraph(p) for p in body.iterfind("a:p", NS)]
        boxed = element.find("p:nvSpPr/p:cNvSpPr", NS) is not None and \
            element.find("p:nvSpPr/p:cNvSpPr", NS).get("txBox") in ("1", "true")
        shape.kind = "text" if shape.kind == "shape" and (shape.words or ph is not None or boxed) else shape.kind
    graphic = element.find("a:graphic/a:graphicData", NS)
    if graphic is not None:
        uri = graphic.get("uri")
        if uri == TABLE:
            shape.kind = "table"
            shape.paras = [_paragraph(p) for cell in graphic.iterfind(".//a:tc", NS) for p in
                           cell.iterfind("a:txBody/a:p", NS)]
        elif uri == CHART:
            chart = reader.target(part, graphic[0].get(f"{{{NS['r']}}}id", "")) if len(graphic) else ""
            shape.kind, shape.data = "chart", _chart_values(reader, chart)
        else:
            shape.kind = "other"
    return shape


def _chart_values(reader: _Parts, part: str) -> tuple:
    """The names and numbers a chart part holds, in order (numbers as numbers, however they are written)."""
    if part not in reader.parts:
        return ()
    values = []
    for value in reader.xml(part).iter(f"{{{NS['c']}}}v"):
        try:
            values.append(float(value.text))
        except (TypeError, ValueError):
            values.append(value.text)
    return tuple(values)


def _name(element) -> str:
    found = element.find(".//p:cNvPr", NS)
    return found.get("name", "") if found is not None else ""


def _box(element) -> Box | None:
    xfrm = element.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = element.find("p:xfrm", NS)
    off, ext = (xfrm.find("a:off", NS), xfrm.find("a:ext", NS)) if xfrm is not None else (None, None)
    if off is None or ext is None:
        return None
    return Box(int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0)))


def _paragraph(p) -> Paragraph:
    """A paragraph's text, fields and line breaks included, and the style of each run that shows text."""
    text, style = [], []
    for child in p:
        local = etree.QName(child).localname
        if local in ("r", "fld"):
            words = "".join(t.text or "" for t in child.iterfind("a:t", NS))
            text.append(words)
            props = child.find("a:rPr", NS)
            if words.strip() and props is not None:
                size = props.get("sz", "")
                style.append((props.get("b") in ("1", "true"), props.get("i") in ("1", "true"),
                              int(size) if size.isdigit() else None))
        elif local == "br":
            text.append("\n")
    return Paragraph("".join(text), tuple(dict.fromkeys(style)))


def _notes(root) -> list[Paragraph]:
    """The paragraphs of the notes page's body placeholder."""
    for sp in root.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type") == "body":
            return [_paragraph(p) for p in sp.iterfind("p:txBody/a:p", NS)]
    return []
