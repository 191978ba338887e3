"""validate_pptx: every XML part of a .pptx against the ECMA-376 schemas, plus the package structure, plus the Open
XML SDK's rules as openxml-audit ports them."""
from __future__ import annotations

import posixpath
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from lxml import etree
from openxml_audit import OpenXmlValidator

XSD_DIR = Path(__file__).resolve().parent / "xsd"
WRAPPER = XSD_DIR / "deck.xsd"  # imports pml, dml-main, dml-chart, … so one compiled schema covers them
XSD = "{http://www.w3.org/2001/XMLSchema}"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


@cache
def schema() -> etree.XMLSchema:
    """The compiled wrapper schema (compiled once per process)."""
    return etree.XMLSchema(etree.parse(str(WRAPPER)))


@cache
def covered_namespaces() -> frozenset[str]:
    """The target namespaces the wrapper reaches through its imports."""
    seen, todo, found = set(), [WRAPPER], set()
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        root = etree.parse(str(path)).getroot()
        if root.get("targetNamespace"):
            found.add(root.get("targetNamespace"))
        todo += [XSD_DIR / i.get("schemaLocation") for i in root.iter(f"{XSD}import") if i.get("schemaLocation")]
    return frozenset(found)


def validate_pptx(path: Path | str, audit: bool = True) -> list[str]:
    """Readable problems ("part: message"); an empty list means the package is valid. `audit`: also what
    openxml-audit finds (a fault injected to test one check is found by both)."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist() if not name.endswith("/")}
    xml, errors = {}, []
    for name, blob in parts.items():
        if name.endswith((".xml", ".rels")):
            try:
                xml[name] = etree.fromstring(blob)
            except etree.XMLSyntaxError as exc:
                errors.append(f"{name}: not well-formed XML: {exc}")
    for name, root in xml.items():
        errors += schema_errors(name, root)
    errors += content_type_errors(parts, xml.get("[Content_Types].xml"))
    errors += relationship_errors(parts, xml)
    errors += shape_id_errors(xml)
    return errors + (audit_errors(path) if audit else [])


def audit_errors(path: Path | str) -> list[str]:
    """What the Open XML SDK's schema and semantic rules (as openxml-audit ports them) find: what would make
    PowerPoint offer to repair the deck."""
    found = OpenXmlValidator().validate(str(path))
    return [f"openxml-audit: {error}" for error in found.errors]


def schema_errors(name: str, root) -> list[str]:
    if etree.QName(root).namespace not in covered_namespaces():
        return []  # docProps/core.xml, .rels, [Content_Types].xml: checked structurally only
    validator = schema()
    if validator.validate(root):
        return []
    return [f"{name}: {e.path}: {e.message}" for e in validator.error_log]


def content_type_errors(parts: dict[str, bytes], types) -> list[str]:
    if types is None:
        return ["[Content_Types].xml: missing"]
    defaults = {d.get("Extension", "").lower() for d in types.iterfind(f"{{{CT}}}Default")}
    overrides = {o.get("PartName", "") for o in types.iterfind(f"{{{CT}}}Override")}
    errors = [f"{name}: no content type (no Default for '.{_extension(name)}', no Override)" for name in parts
              if name != "[Content_Types].xml" and "/" + name not in overrides and _extension(name) not in defaults]
    errors += [f"[Content_Types].xml: Override for {p} names no part" for p in sorted(overrides)
               if p.lstrip("/") not in parts]
    return errors


def _extension(name: str) -> str:
    base = posixpath.basename(name)
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def source_of(rels_name: str) -> str:
    """The part a relationships part belongs to: ppt/_rels/presentation.xml.rels -> ppt/presentation.xml."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])


def relationship_errors(parts: dict[str, bytes], xml: dict) -> list[str]:
    errors = []
    for name, root in xml.items():
        if not name.endswith(".rels"):
            continue
        source = source_of(name)
        if source and source not in parts:
            errors.append(f"{name}: relationships for a part that does not exist ({source})")
        rels = list(root.iterfind(f"{{{REL}}}Relationship"))
        errors += [f"{name}: duplicate relationship id {rid}"
                   for rid, n in Counter(r.get("Id") for r in rels).items() if n > 1]
        for rel in rels:
            if rel.get("TargetMode") == "External":
                continue
            target = _resolve(posixpath.dirname(source), rel.get("Target", ""))
            if target not in parts:
                errors.append(f"{name}: {rel.get('Id')} points to {target}, which is not in the package")
    parts_with_rids = [(name, root) for name, root in xml.items() if not name.endswith(".rels")]
    return errors + [e for name, root in parts_with_rids for e in _unknown_rids(name, root, xml)]


def _resolve(base: str, target: str) -> str:
    target = unquote(target.split("#")[0])
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    return posixpath.normpath(joined)


def rels_of(name: str) -> str:
    """The relationships part of a part: ppt/slides/slide1.xml -> ppt/slides/_rels/slide1.xml.rels."""
    folder, file = posixpath.split(name)
    return posixpath.join(folder, "_rels", file + ".rels")


def _unknown_rids(name: str, root, xml: dict) -> list[str]:
    """r:id / r:embed / r:link … attributes in a part that name no relationship of that part."""
    rels = xml.get(rels_of(name))
    known = {r.get("Id") for r in rels.iterfind(f"{{{REL}}}Relationship")} if rels is not None else set()
    return [f"{name}:{el.sourceline}: r:{etree.QName(attr).localname}=\"{value}\" names no relationship"
            for el in root.iter() if isinstance(el.tag, str)
            for attr, value in el.attrib.items() if attr.startswith(f"{{{R_NS}}}") and value and value not in known]


def shape_id_errors(xml: dict) -> list[str]:
    errors = []
    for name, root in xml.items():
        if root.find(f"{{{P_NS}}}cSld") is None:
            continue
        ids = Counter(el.get("id") for el in root.iter(f"{{{P_NS}}}cNvPr"))
        errors += [f"{name}: shape id {i} is used {n} times" for i, n in ids.items() if n > 1]
    return errors
