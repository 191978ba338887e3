"""Diagrams drawn with boxes, or SmartArt, kept on one slide as steps or columns."""
from __future__ import annotations

from ..layout.ir import Box
from .found import Para, TextShape
from .text import bullets, fits, joined, needed_title
from .work import Work

DRAWN = ("shape", "group", "text box")
MIN_BOXES = 3
SHORT = 100  # a box of a diagram holds a few words, not a paragraph
JOIN = " · "
FLOW = ("arrow", "chevron", "connector", "homeplate")  # shapes that join the boxes of a process


def diagram(work: Work) -> dict | None:
    """The slide's diagram as columns (groups of boxes side by side) or, when arrows or lines join its boxes,
    steps; None when its text is not a diagram, or fits neither."""
    smart = [t for t in work.bodies if t.kind == "SmartArt"]
    if smart:
        return _smartart(work, smart[0])
    boxes = [t for t in work.bodies if t.kind in DRAWN and len(t.live) <= 3 and len(t.text) <= SHORT]
    if len(boxes) < MIN_BOXES or len(boxes) < len(work.bodies) or any(p.listed for b in boxes for p in b.live):
        return None  # a few words in each of three boxes at least, and no other text
    groups = [[p for shape in sorted(c, key=lambda s: (s.box.y, s.box.x)) for p in shape.live]
              for c in clusters(boxes)]
    found = _columns(work, groups)
    if found is None and _flows(work):  # boxes joined by arrows or lines: a process
        found = _steps(work, groups if len(groups) > 1 else [[p] for p in groups[0]])
    return found


def _flows(work: Work) -> bool:
    return any(k == "line" or any(w in k.lower() for w in FLOW) for k in work.slide.plain_shapes)


def _smartart(work: Work, shape: TextShape) -> dict | None:
    """A SmartArt graphic's items (top items, each with those under it) as steps or columns."""
    groups: list[list[Para]] = []
    for para in shape.live:
        if para.level == 0 or not groups:
            groups.append([para])
        else:
            groups[-1].append(para)
    if len(work.bodies) > 1:
        return None  # other text beside it: read as points, with the SmartArt's items among them
    return _columns(work, groups) or _steps(work, groups)


def _columns(work: Work, groups: list[list[Para]]) -> dict | None:
    if not 2 <= len(groups) <= 3 or any(len(g) < 2 for g in groups) or \
            not all(fits(g[0].text, "heading") for g in groups):
        return None
    title = needed_title(work, "columns")
    columns = []
    for group in groups:
        heading = group[0].take()
        items, numbered = bullets(group[1:], work)
        columns.append({"heading": heading, "bullets": items, **({"numbered": True} if numbered else {})})
    work.note("a diagram became columns, one per group of its boxes: check that it reads as the diagram did")
    return {"layout": "columns", "title": title, "columns": columns}


def _steps(work: Work, groups: list[list[Para]]) -> dict | None:
    if not 2 <= len(groups) <= 6:
        return None
    steps = [(g[0].text, JOIN.join(p.text for p in g[1:])) for g in groups]
    if not all(fits(head, "step") and (not rest or fits(rest, "step-text")) for head, rest in steps):
        return None
    title = needed_title(work, "steps")
    for group in groups:
        joined(group)
    work.note("a diagram became steps, its boxes read left to right: check the order")
    return {"layout": "steps", "title": title,
            "steps": [{"title": head, "text": rest} if rest else head for head, rest in steps]}


def clusters(shapes: list[TextShape]) -> list[list[TextShape]]:
    """Shapes grouped into columns, left to right: shapes whose horizontal extents overlap share a column."""
    columns: list[list[TextShape]] = []
    for shape in sorted(shapes, key=lambda s: s.box.x):
        for column in columns:
            if any(_x_overlap(shape.box, other.box) for other in column):
                column.append(shape)
                break
        else:
            columns.append([shape])
    return columns


def _x_overlap(a: Box, b: Box) -> bool:
    shared = min(a.right, b.right) - max(a.x, b.x)
    return shared > 0.3 * max(min(a.w, b.w), 1)
