"""Paragraphs from DrawingML text (a:txBody, a:p): runs, links, fields, list levels and bullets; lxml only."""
from __future__ import annotations

from collections.abc import Callable

from .found import Para, Run

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "r": R}
Links = Callable[[str], "str | None"]  # a relationship id -> the address it names
# Symbol-font bullets that stand for ticks and boxes (Wingdings: ü ✓, þ ☑, ¨ ☐, o ☐, x ☒).
SYMBOL_TICKS = {"ü": "\u2713", "þ": "\u2611", "¨": "\u2610", "o": "\u2610", "x": "\u2612", "û": "\u2717"}


def _q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def paragraphs(body, links: Links, listed_by_default: bool = False) -> list[Para]:
    """The paragraphs of a text body; `listed_by_default` for body placeholders, whose paragraphs are bullets
    unless they say otherwise."""
    if body is None:
        return []
    return [paragraph(p, links, listed_by_default) for p in body.iter(_q("a:p"))]


def paragraph(p, links: Links, listed_by_default: bool = False) -> Para:
    """One a:p: its runs, line breaks and fields in order, with its level and list mark."""
    runs: list[Run] = []
    sizes: list[float] = []
    for child in p:
        tag = child.tag
        if tag == _q("a:r") or tag == _q("a:fld"):
            rpr = child.find(_q("a:rPr"))
            text = "".join(t.text or "" for t in child.findall(_q("a:t")))
            runs.append(Run(text, _link(rpr, links), child.get("type") if tag == _q("a:fld") else None,
                            rpr is not None and rpr.get("b") in ("1", "true")))
            if rpr is not None and rpr.get("sz"):
                sizes.append(int(rpr.get("sz")) / 100)
        elif tag == _q("a:br"):
            runs.append(Run("\n"))
    ppr = p.find(_q("a:pPr"))
    level = int(ppr.get("lvl", "0")) if ppr is not None else 0
    mark, char = _mark(ppr, listed_by_default)
    return Para(runs, level, mark, char, max(sizes, default=0.0))


def _link(rpr, links: Links) -> str | None:
    if rpr is None:
        return None
    click = rpr.find(_q("a:hlinkClick"))
    rid = click.get(_q("r:id")) if click is not None else None
    return links(rid) if rid else None


def _mark(ppr, listed_by_default: bool) -> tuple[str, str]:
    """plain, bullet or number, and the bullet character (symbol-font ticks read as the tick they show)."""
    if ppr is None:
        return ("bullet" if listed_by_default else "plain"), ""
    if ppr.find(_q("a:buNone")) is not None:
        return "plain", ""
    if ppr.find(_q("a:buAutoNum")) is not None:
        return "number", ""
    char = ppr.find(_q("a:buChar"))
    if char is not None:
        symbol = char.get("char", "")
        font = ppr.find(_q("a:buFont"))
        if font is not None and font.get("typeface", "").lower().startswith("wingdings"):
            symbol = SYMBOL_TICKS.get(symbol, symbol)
        return "bullet", symbol
    return ("bullet" if listed_by_default else "plain"), ""


def texts_in(element) -> list[Para]:
    """Every paragraph anywhere under an element (for parts deckbuilder cannot otherwise read)."""
    return [paragraph(p, lambda rid: None) for p in element.iter(_q("a:p"))]
