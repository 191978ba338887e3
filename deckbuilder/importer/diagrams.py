"""SmartArt: the text of a diagram's data part, in its tree order (top items, then their children); lxml only."""
from __future__ import annotations

from lxml import etree

from .found import Para
from .paragraphs import paragraph

DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MAX_DEPTH = 8


def data_rel_id(graphic_data) -> str | None:
    """The relationship id of the diagram's data part, from a graphicData element."""
    rel = graphic_data.find(f"{{{DGM}}}relIds")
    return rel.get(f"{{{R}}}dm") if rel is not None else None


def diagram_paras(blob: bytes) -> list[Para]:
    """The diagram's text items as bullet paragraphs, level 0 for the top items and 1 below them."""
    root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    points = {pt.get("modelId", ""): pt for pt in root.iter(f"{{{DGM}}}pt")}
    children: dict[str, list[tuple[int, str]]] = {}
    for cxn in root.iter(f"{{{DGM}}}cxn"):
        if cxn.get("type", "parOf") == "parOf":
            children.setdefault(cxn.get("srcId", ""), []).append((int(cxn.get("srcOrd", "0")), cxn.get("destId", "")))
    docs = [mid for mid, pt in points.items() if pt.get("type") == "doc"]
    out: list[Para] = []
    seen: set[str] = set()

    def walk(mid: str, depth: int) -> None:
        if mid in seen or depth > MAX_DEPTH:
            return
        seen.add(mid)
        pt = points.get(mid)
        if pt is not None and pt.get("type", "node") == "node":
            out.extend(_paras(pt, max(depth - 1, 0)))
        for _, child in sorted(children.get(mid, [])):
            walk(child, depth + 1)

    for doc in docs:
        walk(doc, 0)
    for mid, pt in points.items():  # nodes the tree did not reach still hold text
        if mid not in seen and pt.get("type", "node") == "node":
            out.extend(_paras(pt, 0))
    return [p for p in out if p.text]


def _paras(pt, level: int) -> list[Para]:
    body = pt.find(f"{{{DGM}}}t")
    if body is None:
        return []
    paras = [paragraph(p, lambda rid: None) for p in body.iter(f"{{{A}}}p")]
    for p in paras:
        p.level, p.mark = level, "bullet"
    return paras
