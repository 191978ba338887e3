"""Opening a PowerPoint file from outside: size limits, safe XML, and no macros, embedded objects or links."""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import BuildError, Diagnostic, Loc, fail
from .source import display_path

MiB = 1 << 20
MAX_TOTAL = 512 * MiB  # every part together, unpacked: a deck with 200 MB of photographs fits with room to spare
MAX_PART = 256 * MiB  # any one part, unpacked (a picture or a video)
MAX_XML_PART = 32 * MiB  # any one XML part (a real slide is well under 1 MiB)
MAX_PARTS = 20_000  # a deck of 1,000 slides with notes has about 6,000 (relationship parts included)
MAX_RATIO = 200  # how many times a part over RATIO_FROM may inflate (a zip bomb inflates about 1,000 times)
RATIO_FROM = 8 * MiB
CHUNK = MiB  # parts are inflated this much at a time, never past what the zip directory gives

OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R = f"{{{OD}}}"  # the namespace of attributes that refer to relationships, r:id, r:embed, r:link…
MS = "http://schemas.microsoft.com/office"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P14_MEDIA = "{http://schemas.microsoft.com/office/powerpoint/2010/main}media"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OLE_URI = "http://schemas.openxmlformats.org/presentationml/2006/ole"
PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
MAIN_TYPES = {PRESENTATION, "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
              "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
              "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
              "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
              "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml"}
ACTIVE_RELS = {f"{MS}/2006/relationships/vbaProject": "macros",
               f"{MS}/2006/relationships/ui/extensibility": "macros",  # a ribbon whose buttons run macros
               f"{MS}/2007/relationships/ui/extensibility": "macros",
               f"{OD}/oleObject": "embedded object", f"{OD}/control": "ActiveX control",
               f"{MS}/2011/relationships/webextensiontaskpanes": "Office add-in"}
ACTIVE_TYPES = {"application/vnd.ms-office.vbaProject": "macros", "application/vnd.ms-office.activeX+xml":
                "ActiveX control", "application/vnd.openxmlformats-officedocument.oleObject": "embedded object"}
LINKS = {f"{OD}/image": "linked picture", f"{OD}/video": "linked video", f"{OD}/audio": "linked sound",
         f"{MS}/2007/relationships/media": "linked video", f"{OD}/oleObject": "linked object"}
LEGACY_DRAWING = f"{OD}/vmlDrawing"  # PowerPoint draws only embedded objects and controls with it: it goes with them
HYPERLINK = f"{OD}/hyperlink"  # followed only when someone clicks it: kept
RUNS = ("ppaction://program", "ppaction://macro", "ppaction://ole")  # click actions that run something
MEDIA = {A + "videoFile", A + "audioFile", A + "quickTimeFile", P14_MEDIA}
PLURALS = {"action that runs a program or macro": "actions that run a program or macro"}
WHY = ("deckbuilder never carries macros, add-ins, embedded objects, ActiveX controls or links to outside files into "
       "a deck, and never fetches what a link points to")


@dataclass(frozen=True)
class Removed:
    """One thing taken out of a package: what it was, the part that held it, its name or address."""

    kind: str  # 'macros', 'embedded object', 'ActiveX control', 'linked picture', …
    part: str  # e.g. 'ppt/slides/slide3.xml'
    name: str = ""  # the shape's name, the link's address, the part removed
    detail: str = ""  # the program an embedded object opens with

    def __str__(self) -> str:
        return ", ".join([f"'{self.name}'"] * bool(self.name) + [self.detail] * bool(self.detail)) or self.part


@dataclass
class Package:
    """A PowerPoint package from outside, checked and cleaned: its parts by name, and what was removed."""

    name: str  # the file, as messages show it
    what: str  # 'deck' or 'template'
    parts: dict[str, bytes]  # by zip member name ('ppt/slides/slide1.xml'), content types and relationships included
    main: str  # the presentation part, e.g. 'ppt/presentation.xml'
    removed: list[Removed]

    def zipped(self) -> bytes:
        """The package as a .pptx file (stored, not compressed), for python-pptx to open."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
            for name, blob in self.parts.items():
                out.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), blob)
        return buffer.getvalue()

    def unreadable(self, why: str) -> BuildError:
        """The error for a package that passed every check but still cannot be read as a deck."""
        return _Reading(self.name, self.what).damaged(why)

    def warning(self) -> Diagnostic | None:
        """One warning saying what was removed, or None when nothing was."""
        if not self.removed:
            return None
        return Diagnostic("warning", "content-removed", f"removed from the {self.what}: {describe(self.removed)}",
                          Loc(self.name), hint=f"nothing to do; to silence this, take them out of the {self.what} and "
                          "save it as .pptx")


def describe(removed: list[Removed]) -> str:
    """What was removed, by kind, and why: one line ('' when nothing was)."""
    groups: dict[str, list[str]] = {}
    for item in removed:
        groups.setdefault(item.kind, []).append(str(item))
    said = [f"{_count(kind, len(items))} ({'; '.join(items[:3])}{'; …' if len(items) > 3 else ''})"
            for kind, items in groups.items()]
    return f"{'; '.join(said)}: {WHY}" if said else ""


def _count(kind: str, n: int) -> str:
    return kind if n == 1 or kind == "macros" else f"{n} {PLURALS.get(kind, kind + 's')}"


def open_package(path: Path, what: str = "deck") -> Package:
    """A PowerPoint file from outside (a deck to import or pull, a template: `what` names it in messages), checked
    against the limits before anything is inflated, its XML parsed safely, and its macros, embedded objects,
    ActiveX controls and links to outside files removed (see Package.removed). A template, show or macro-enabled
    deck becomes a plain presentation.

    Raises BuildError: 'package-too-large', 'unsafe-package', or for a file that is not a readable deck
    'not-a-deck' (a template: 'bad-template')."""
    reading = _Reading(display_path(Path(path)), what)
    try:
        size = Path(path).stat().st_size
        if size > MAX_TOTAL:
            raise reading.too_large("", f"the file is {_mib(size)}", f"{_mib(MAX_TOTAL)} for a whole file")
        with zipfile.ZipFile(path) as archive:
            parts = _inflate(archive, reading)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError, ValueError) as exc:
        raise reading.damaged(str(exc)) from None
    return _Cleaner(parts, reading).package()


@dataclass(frozen=True)
class _Reading:
    """The file being read, for messages."""

    shown: str
    what: str

    def too_large(self, part: str, found: str, limit: str) -> BuildError:
        return fail("package-too-large", f"{found}, over deckbuilder's limit of {limit}", Loc(self.shown), part,
                    "if the file is genuine, make it smaller: compress its pictures (PowerPoint: Picture Format › "
                    "Compress Pictures), take out videos, and save it again")

    def unsafe(self, part: str, found: str) -> BuildError:
        return fail("unsafe-package", f"{found}, which PowerPoint never writes: the file is damaged or was made to "
                    "mislead",
                    Loc(self.shown), part, f"do not use this {self.what}; ask for a copy saved again from PowerPoint")

    def damaged(self, why: str, part: str = "") -> BuildError:
        if self.what == "template":
            return fail("bad-template", f"the template {self.shown} is not a PowerPoint file deckbuilder can read "
                        f"({why})", Loc(self.shown), part, "save it from PowerPoint or LibreOffice as .pptx (or .potx)")
        return fail("not-a-deck", f"{self.shown} cannot be read as a PowerPoint deck ({why})", Loc(self.shown), part,
                    "save it as .pptx (PowerPoint 2007 or later); for .ppt or .odp, convert it first, e.g. "
                    "soffice --headless --convert-to pptx FILE")


def _inflate(archive: zipfile.ZipFile, reading: _Reading) -> dict[str, bytes]:
    """Every part, once the zip directory shows the package within the limits."""
    infos = [info for info in archive.infolist() if not info.is_dir()]
    if len(infos) > MAX_PARTS:
        raise reading.too_large("", f"the file holds {len(infos):,} parts", f"{MAX_PARTS:,} parts")
    seen: dict[str, str] = {}
    for info in infos:
        name = info.filename
        _check_name(name, seen, reading)
        limit = MAX_XML_PART if _is_xml(name) else MAX_PART
        if info.file_size > limit:
            kind = "an XML part" if limit == MAX_XML_PART else "one part"
            raise reading.too_large(name, f"this part unpacks to {_mib(info.file_size)}", f"{_mib(limit)} for {kind}")
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * info.compress_size:
            raise reading.too_large(name, f"this part inflates {info.file_size // max(info.compress_size, 1):,} "
                                    f"times, to {_mib(info.file_size)}", f"{MAX_RATIO} times for a part over "
                                    f"{_mib(RATIO_FROM)}")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise reading.too_large("", f"the parts unpack to {_mib(total)}", f"{_mib(MAX_TOTAL)} in all")
    return {info.filename: _read(archive, info, reading) for info in infos}


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, reading: _Reading) -> bytes:
    """A part's bytes, inflated a chunk at a time and never past the size the zip directory gives (a directory that
    lies about it fails the check of the part's CRC: nothing more than that size is ever held)."""
    chunks, size = [], 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > info.file_size:  # zipfile stops there itself; this keeps the limit ours
                raise reading.unsafe(info.filename, "this part inflates past the size the zip directory gives")
            chunks.append(chunk)
    return b"".join(chunks)


def _check_name(name: str, seen: dict[str, str], reading: _Reading) -> None:
    """A part name must stay inside the package and be unique, also ignoring case (as Office compares them)."""
    segments = name.split("/")
    if "\\" in name or re.match(r"[A-Za-z]:", name) or any(s in ("", ".", "..") for s in segments) or \
            any(ord(c) < 32 for c in name):
        raise reading.unsafe(name, "this part name leaves the package or is not a part name")
    first = seen.get(name.lower())
    if first is not None:
        raise reading.unsafe(name, "two parts have this name" if first == name else
                             f"this part's name and '{first}' differ only in case")
    seen[name.lower()] = name


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def _mib(size: int) -> str:
    return f"{size / (1 << 30):.1f} GiB" if size >= 1 << 30 else f"{size / MiB:.0f} MiB" if size >= MiB else \
        f"{size:,} bytes"


def _parser() -> etree.XMLParser:
    """No entities expanded, no network, no giant text nodes (libxml2's own limits stay on)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


class _Cleaner:
    """Takes out of the inflated parts what a deck must not carry, and keeps only the parts still reached."""

    def __init__(self, parts: dict[str, bytes], reading: _Reading):
        self.parts, self.reading = parts, reading
        self.removed: list[Removed] = []
        self.trees: dict[str, etree._Element] = {}  # parsed parts, changed or not
        self.changed: set[str] = set()
        self.dropped: dict[str, set[str]] = {}  # part -> ids of the relationships taken out of it
        types = self._xml("[Content_Types].xml", "it has no [Content_Types].xml: it is not an Office file")
        self.types = {(e.get("Extension") or "").lower(): e.get("ContentType", "")
                      for e in types.iter(TYPES + "Default")}
        self.overrides = {(e.get("PartName") or "").lstrip("/").lower(): e for e in types.iter(TYPES + "Override")}
        self.main = self._main()

    def package(self) -> Package:
        for part in sorted(self._reached()):  # in one order, so the warning lists what went in one order
            if part.endswith(".xml"):
                self._strip(part)
        self._drop_unreferenced()
        kept = sorted(self._reached())
        names = kept + [rels for rels in map(_rels_of, ["", *kept]) if rels in self.parts]
        self._retype(names)
        parts = {name: self._bytes(name) for name in ["[Content_Types].xml", *names]}
        return Package(self.reading.shown, self.reading.what, parts, self.main, self.removed)

    # --- parts, relationships and content types ---------------------------------------------------------------

    def _xml(self, name: str, missing: str = "") -> etree._Element:
        if name not in self.trees:
            if name not in self.parts:
                raise self.reading.damaged(missing or f"the part {name} is missing", name)
            if b"<!DOCTYPE" in self.parts[name]:  # before parsing: libxml2 refuses entity bombs only as bad XML
                raise self.reading.unsafe(name, "this part declares a DTD (<!DOCTYPE>)")
            try:
                root = etree.fromstring(self.parts[name], _parser())
            except etree.XMLSyntaxError as exc:
                raise self.reading.damaged(f"{name} is not well-formed XML: {exc}", name) from None
            if root.getroottree().docinfo.doctype:  # one the byte search missed (another encoding)
                raise self.reading.unsafe(name, "this part declares a DTD (<!DOCTYPE>)")
            self.trees[name] = root
        return self.trees[name]

    def _bytes(self, name: str) -> bytes:
        if name not in self.changed:
            return self.parts[name]
        return etree.tostring(self.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)

    def _type(self, part: str) -> str:
        override = self.overrides.get(part.lower())
        if override is not None:
            return override.get("ContentType") or ""
        return self.types.get(posixpath.splitext(part)[1][1:].lower(), "")

    def _rels(self, part: str) -> list:
        """The relationships of a part ('' for the package's own), parsed; [] when it has none."""
        name = _rels_of(part)
        return list(self._xml(name).iter(RELS)) if name in self.parts else []

    def _target(self, part: str, rel) -> str:
        """The part a relationship points to (as python-pptx and URIs resolve it: '..' stops at the root)."""
        target = (rel.get("Target") or "").split("#")[0]
        joined = target if target.startswith("/") else posixpath.join("/", posixpath.dirname(part), target)
        return posixpath.normpath(joined).lstrip("/") if target else ""

    def _main(self) -> str:
        main = next((self._target("", r) for r in self._rels("") if r.get("Type") == f"{OD}/officeDocument"), "")
        if main not in self.parts:
            raise self.reading.damaged("it holds no presentation", "_rels/.rels")
        kind = self._type(main)
        if kind not in MAIN_TYPES:
            raise self.reading.damaged(f"it is not a presentation but {kind or 'of no known type'}", main)
        return main

    def _reached(self) -> set[str]:
        """The parts reached from the package's relationships; the first walk takes out those not carried."""
        reached: set[str] = set()
        todo = [""]
        while todo:
            part = todo.pop()
            for rel in self._rels(part):
                if not self._carried(part, rel) or rel.get("TargetMode") == "External":
                    continue
                target = self._target(part, rel)
                if target in self.parts and target not in reached:
                    reached.add(target)
                    todo.append(target)
        return reached

    def _carried(self, part: str, rel) -> bool:
        """Whether a relationship stays; one to a file outside (but a hyperlink) or to active content is taken out."""
        kind = rel.get("Type") or ""
        if rel.get("TargetMode") == "External":
            if kind != HYPERLINK:
                self._drop(part, rel, Removed(LINKS.get(kind, "outside link"), part, rel.get("Target") or ""))
            return kind == HYPERLINK
        target = self._target(part, rel)
        active = ACTIVE_RELS.get(kind) or (_active(self._type(target)) if target != self.main else None)
        if active is None and kind != LEGACY_DRAWING:
            return True
        # embedded objects and controls are recorded with their shapes' names, as those are taken out
        self._drop(part, rel, Removed(active, part, target) if active in ("macros", "Office add-in") else None)
        return False

    def _drop(self, part: str, rel, removed: Removed | None) -> None:
        rel.getparent().remove(rel)
        self.changed.add(_rels_of(part))
        self.dropped.setdefault(part, set()).add(rel.get("Id"))
        self._record(removed)

    def _record(self, removed: Removed | None) -> None:
        if removed is not None and removed not in self.removed:
            self.removed.append(removed)

    def _retype(self, names: list[str]) -> None:
        """Content types for the parts kept only; the presentation a plain one (not a template, show or macro deck)."""
        types, kept = self.trees["[Content_Types].xml"], {name.lower() for name in names}
        for name, unkept in self.overrides.items():
            if name not in kept:
                types.remove(unkept)
        for default in list(types.iter(TYPES + "Default")):
            if _active(default.get("ContentType") or ""):
                types.remove(default)
        override = self.overrides.get(self.main.lower())
        if override is None:
            override = etree.SubElement(types, TYPES + "Override", PartName=f"/{self.main}")
        override.set("ContentType", PRESENTATION)
        self.changed.add("[Content_Types].xml")

    # --- shapes that hold active content or point at what was taken out ---------------------------------------

    def _strip(self, part: str) -> None:
        """Take out of a part's XML its embedded objects, controls, click actions that run programs, and what
        refers to relationships taken out; then the relationships only those referred to."""
        root = self._xml(part)
        dropped = self.dropped.get(part, set())
        gone = _active_shapes(root, part) + [(element, None) for element in _referring(root, dropped)]
        if not gone and not dropped:
            return
        referred = set()
        for element, removed in gone:
            referred |= _ids(element)
            self._record(removed)
            if element.getparent() is not None:
                element.getparent().remove(element)
        self.changed.add(part)
        self.dropped.setdefault(part, set()).update(referred - _ids(root))

    def _drop_unreferenced(self) -> None:
        """Relationships whose only references went with the shapes taken out (the picture an embedded object shows,
        its file) go too."""
        for part, ids in self.dropped.items():
            for rel in self._rels(part):
                if rel.get("Id") in ids:
                    rel.getparent().remove(rel)
                    self.changed.add(_rels_of(part))


def _active(content_type: str) -> str | None:
    """What active content a part of this type is (macros, an embedded object, a control), or None."""
    return ACTIVE_TYPES.get(content_type) or ("macros" if "macroenabled" in content_type.lower() else None)


def _active_shapes(root, part: str) -> list:
    """(element to take out, what it was) for the embedded objects, controls and click actions that run programs."""
    found = []
    for frame in root.iter(P + "graphicFrame"):
        data = frame.find(f"{A}graphic/{A}graphicData")
        if data is None or data.get("uri") != OLE_URI:
            continue
        ole = next(data.iter(P + "oleObj"), None)
        linked = ole is not None and ole.find(P + "link") is not None  # recorded with its address, as a link
        found.append((_shape(frame), None if linked else
                      Removed("embedded object", part, _name(frame), ole.get("progId", "") if ole is not None else "")))
    for controls in root.iter(P + "controls"):
        found += [(_shape(controls), Removed("ActiveX control", part, control.get("name") or ""))
                  for control in controls.iter(P + "control")]
    for action in root.iter(A + "hlinkClick", A + "hlinkHover"):
        if (action.get("action") or "").startswith(RUNS):
            found.append((action, Removed("action that runs a program or macro", part, action.get("action"))))
    return found


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _shape(element: etree._Element) -> etree._Element:
    """What to take out with an element: the alternate-content block it is one choice of, else itself."""
    parent = element.getparent()
    block = parent.getparent() if parent is not None and parent.tag in (MC + "Choice", MC + "Fallback") else None
    return block if block is not None else element


def _name(frame) -> str:
    c_nv_pr = next(frame.iter(P + "cNvPr"), None)
    return c_nv_pr.get("name", "") if c_nv_pr is not None else ""


def _ids(element) -> set[str]:
    """The relationship ids an element and its descendants refer to."""
    return {value for el in element.iter(etree.Element) for key, value in el.attrib.items() if key.startswith(R)}


def _referring(root, ids: set[str]) -> list:
    """The elements to take out because they refer to relationships taken out: a picture whose only source was a
    link, a video or sound, else the referring element itself (a linked picture kept in the file keeps its copy)."""
    found = []
    for element in root.iter(etree.Element) if ids else ():
        refs = {key for key, value in element.attrib.items() if key.startswith(R) and value in ids}
        if not refs:
            continue
        picture = next(element.iterancestors(P + "pic"), None)
        if element.tag == A + "blip" and refs == {R + "link"} and element.get(R + "embed"):
            del element.attrib[R + "link"]
        elif picture is not None and (element.tag == A + "blip" or element.tag in MEDIA):
            found.append(_shape(picture))
        else:
            found.append(element)
    return found
