"""Alternate content (mc:AlternateContent) read as by an application that knows only the choices it understands."""
from __future__ import annotations

from .found import Oddity
from .paragraphs import texts_in

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# The extensions the reader understands inside a choice: PowerPoint 2010's (media, transitions) only; a choice
# needing any other (Mac drawing, equations, 3D models, zoom…) gives way to the fallback.
UNDERSTOOD = {"http://schemas.microsoft.com/office/powerpoint/2010/main"}


def resolve_alternates(root) -> list[Oddity]:
    """Replace every mc:AlternateContent under `root` by what it stands for here; the blocks with neither an
    understood choice nor a fallback are dropped, returned as oddities holding their text."""
    dropped = []
    for block in list(root.iter(f"{{{MC}}}AlternateContent")):
        parent = block.getparent()
        if parent is None or any(a.tag == f"{{{MC}}}AlternateContent" for a in block.iterancestors()):
            continue  # inside a block already replaced or dropped: resolved with its own block's content below
        chosen = next((c for c in block.iterchildren(f"{{{MC}}}Choice") if _understood(c)),
                      block.find(f"{{{MC}}}Fallback"))
        at = parent.index(block)
        if chosen is None:
            dropped.append(Oddity("content only newer PowerPoint shows (e.g. an equation, a 3D model or a zoom)",
                                  "alternate content", paras=texts_in(block)))
        for offset, child in enumerate(list(chosen) if chosen is not None else []):
            parent.insert(at + offset, child)
        parent.remove(block)
    if any(True for _ in root.iter(f"{{{MC}}}AlternateContent")):  # blocks nested in a chosen branch
        dropped += resolve_alternates(root)
    return dropped


def _understood(choice) -> bool:
    prefixes = (choice.get("Requires") or "").split()
    return bool(prefixes) and all(choice.nsmap.get(p) in UNDERSTOOD for p in prefixes)
