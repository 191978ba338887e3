"""What an image file says about itself: its EXIF, IPTC IIM and XMP credit facts, read without trusting them."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element, ParseError
from xml.etree.ElementTree import fromstring as _std_fromstring

from PIL import Image, ImageFile, IptcImagePlugin

from .images import DECODE_ERRORS

try:  # defusedxml refuses entity tricks itself; the standard library parser is guarded in parse_xmp
    from defusedxml.ElementTree import fromstring as _defused_fromstring
    _safe_fromstring: Callable[..., Element] | None = _defused_fromstring
except ImportError:  # pragma: no cover - depends on the environment
    _safe_fromstring = None

MAX_XMP_BYTES = 1_000_000
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cc": "http://creativecommons.org/ns#",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
}
# What each embedded field offers, in the order they are trusted: XMP, then IPTC IIM, then EXIF.
XMP_FIELDS = (
    ("Iptc4xmpCore:AltTextAccessibility", "alt"),
    ("dc:title", "title"),
    ("cc:attributionName", "author"),  # the name the licensor asks to be credited
    ("dc:creator", "author"),
    ("photoshop:Credit", "credit"),
    ("dc:rights", "copyright"),
    ("cc:license", "licence"),
    ("xmpRights:WebStatement", "web"),
    ("photoshop:Source", "source_name"),
    ("dc:description", "description"),
)
IIM_FIELDS = {
    (2, 5): ("title", "IPTC Object Name"),
    (2, 80): ("author", "IPTC By-line"),
    (2, 110): ("credit", "IPTC Credit"),
    (2, 116): ("copyright", "IPTC Copyright Notice"),
    (2, 115): ("source_name", "IPTC Source"),
    (2, 120): ("description", "IPTC Caption"),
}
EXIF_FIELDS = {0x013B: ("author", "EXIF Artist"), 0x8298: ("copyright", "EXIF Copyright"),
               0x010E: ("description", "EXIF ImageDescription")}
DISAGREE = {"author", "copyright", "title", "licence", "alt"}  # worth a note when two sources differ
CAMERA_DEFAULTS = re.compile(r"(olympus digital camera|sony dsc|[a-z]* ?dsc|default|untitled|image)?", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def read_metadata(img: Image.Image) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """What the open image says about itself: {name: (value, where it was read)}, first found wins (XMP, then
    IPTC, then EXIF), and notes on metadata that could not be read."""
    found: dict[str, tuple[str, str]] = {}
    notes: list[str] = []
    for name, value, where in (*_from_xmp(img, notes), *_from_iptc(img, notes), *_from_exif(img, notes)):
        value = one_line(value)
        if not value or name == "description" and CAMERA_DEFAULTS.fullmatch(value):
            continue
        if name not in found:
            found[name] = (value, where)
        elif found[name][0] != value and name in DISAGREE:
            notes.append(f"{name}: {found[name][1]} says '{found[name][0]}' but {where} says '{value}'")
    return found, notes


def one_line(value: str) -> str:
    """One line of storable text."""
    return " ".join(CONTROL.sub(" ", value).split())


def _from_exif(img: Image.Image, notes: list[str]) -> Iterator[tuple[str, str, str]]:
    try:
        exif = img.getexif()
    except DECODE_ERRORS as exc:
        notes.append(f"the EXIF metadata could not be read ({exc})")
        return
    for tag, (name, where) in EXIF_FIELDS.items():
        value = exif.get(tag)
        if isinstance(value, bytes):
            value = _decode(value)
        if isinstance(value, str):
            # Copyright may hold 'photographer\0editor'
            yield name, "; ".join(p.strip() for p in value.split("\x00") if p.strip()), where


def _from_iptc(img: Image.Image, notes: list[str]) -> Iterator[tuple[str, str, str]]:
    if not isinstance(img, ImageFile.ImageFile):  # IPTC is read from a file's own blocks (JPEG, TIFF)
        return
    try:
        info = IptcImagePlugin.getiptcinfo(img) or {}
    except DECODE_ERRORS as exc:
        notes.append(f"the IPTC metadata could not be read ({exc})")
        return
    utf8 = b"\x1b%G" in b"".join(_as_list(info.get((1, 90))))  # 1:90 Coded Character Set: ESC % G is UTF-8
    for dataset, (name, where) in IIM_FIELDS.items():
        values = [_decode(v, utf8) for v in _as_list(info.get(dataset))]
        if values:
            yield name, ", ".join(values), where


def _as_list(value) -> list[bytes]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _decode(data: bytes, utf8: bool = False) -> str:
    """IIM and EXIF text: UTF-8 when declared or when it decodes, else Latin-1 (the old default)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace") if utf8 else data.decode("latin-1")


def _from_xmp(img: Image.Image, notes: list[str]) -> Iterator[tuple[str, str, str]]:
    packet = img.info.get("xmp") or img.info.get("XML:com.adobe.xmp")
    if not packet:
        return
    root = parse_xmp(packet.encode("utf-8") if isinstance(packet, str) else packet, notes)
    if root is None:
        return
    for desc in root.iter(f"{{{RDF}}}Description"):
        for qname, name in XMP_FIELDS:
            prefix, local = qname.split(":")
            tag = f"{{{_NS[prefix]}}}{local}"
            if tag in desc.attrib:  # the short form: <rdf:Description photoshop:Credit="...">
                yield name, desc.attrib[tag], f"XMP {qname}"
            for element in desc.findall(tag):
                yield name, _xmp_text(element), f"XMP {qname}"


def parse_xmp(packet: bytes, notes: list[str]) -> Element | None:
    """The XMP packet's XML, or None (with a note) when it is too large, malformed, or declares a DOCTYPE or
    entities, which XMP never needs and which are how XML bombs and external-entity attacks start."""
    packet = packet.strip(b"\x00 \t\r\n")
    if len(packet) > MAX_XMP_BYTES:
        notes.append(f"the XMP metadata is {len(packet):,} bytes, more than the {MAX_XMP_BYTES:,} read; "
                     "it was not read")
        return None
    try:
        text = packet.decode("utf-8")  # XMP in JPEG and PNG is UTF-8; other encodings could hide a DOCTYPE
    except UnicodeDecodeError:
        notes.append("the XMP metadata is not UTF-8 text; it was not read")
        return None
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        notes.append("the XMP metadata declares a DOCTYPE or entities, which deckbuilder refuses to read; "
                     "it was not read")
        return None
    try:
        if _safe_fromstring is not None:
            return _safe_fromstring(packet, forbid_dtd=True)
        return _std_fromstring(packet)
    except (ParseError, ValueError) as exc:  # defusedxml's refusals are ValueErrors
        notes.append(f"the XMP metadata is not well-formed XML ({exc}); it was not read")
        return None


def _xmp_text(element: Element) -> str:
    """A property's text: a resource address, the default language of an rdf:Alt, or the items of a list."""
    if f"{{{RDF}}}resource" in element.attrib:
        return element.attrib[f"{{{RDF}}}resource"]
    items = element.findall(f"{{{RDF}}}Alt/{{{RDF}}}li")
    if items:
        default = [li for li in items if li.get(XML_LANG) == "x-default"]
        return (default or items)[0].text or ""
    items = element.findall(f"{{{RDF}}}Seq/{{{RDF}}}li") + element.findall(f"{{{RDF}}}Bag/{{{RDF}}}li")
    if items:
        return ", ".join(li.text.strip() for li in items if li.text and li.text.strip())
    return element.text or ""
