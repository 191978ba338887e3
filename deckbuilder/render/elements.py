"""XML namespaces and the element builders every part writer uses: elements, colours (theme or fixed), fills."""
from __future__ import annotations

from functools import cache

from lxml import etree

from ..colors import WHOLE, ThemeColor

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
SLIDE_NS = {p: NS[p] for p in ("a", "p", "r")}
PACKAGE_NS = ("rel", "ct")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


@cache
def qn(tag: str) -> str:
    """'a:solidFill' → '{http://…/drawingml/2006/main}solidFill'."""
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def el(tag: str, parent=None, **attrs) -> etree._Element:
    """A new element `prefix:name`, appended to `parent` when given; attribute values are made strings, and
    `r__id` names the attribute r:id. A new element without a parent declares the slide namespaces, so its
    children find them at once (they are dropped as redundant where it is put in a slide)."""
    if attrs:
        attrs = {(qn(k.replace("__", ":")) if "__" in k else k): str(v) for k, v in attrs.items()}
    if parent is None:
        return etree.Element(qn(tag), attrs, nsmap=SLIDE_NS)
    return etree.SubElement(parent, qn(tag), attrs)


def root(tag: str, *prefixes: str, **attrs) -> etree._Element:
    """The root element of a part, declaring the namespaces its content uses; a package part (relationships,
    content types) has its namespace as the default one, as readers of packages expect."""
    nsmap = {None if p in PACKAGE_NS else p: NS[p] for p in prefixes}
    return etree.Element(qn(tag), {k: str(v) for k, v in attrs.items()}, nsmap=nsmap)


def color(parent, value: str, alpha: float = 1.0) -> etree._Element:
    """A colour: the theme slot a theme colour (colors.ThemeColor) names, with its tint or shade, so the deck
    follows a change of theme colours; else the fixed RRGGBB value."""
    if isinstance(value, ThemeColor):
        found = el("a:schemeClr", parent, val=value.slot)
        if value.lum_mod != WHOLE:
            el("a:lumMod", found, val=value.lum_mod)
        if value.lum_off:
            el("a:lumOff", found, val=value.lum_off)
    else:
        found = el("a:srgbClr", parent, val=value)
    if alpha < 1:
        el("a:alpha", found, val=round(alpha * WHOLE))
    return found


def solid(parent, value: str, alpha: float = 1.0) -> etree._Element:
    """A solid fill of one colour."""
    fill = el("a:solidFill", parent)
    color(fill, value, alpha)
    return fill


def parse(blob: bytes) -> etree._Element:
    """An XML part, read without entities or network access."""
    return etree.fromstring(blob, _PARSER)


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
