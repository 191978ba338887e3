"""Starting a register entry from what an image file says about itself: EXIF, IPTC IIM and XMP.

`entry_from_file` reads the credit facts a file carries and returns a register entry with `TODO` markers for
what is missing; `add_to_register` appends it to the register as YAML, leaving the file's text as it was.
Embedded metadata is a hint, not proof: the entry says where each value came from, to be checked by a person.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError
from xml.etree.ElementTree import fromstring as _std_fromstring

import yaml
from PIL import Image, IptcImagePlugin

from ..errors import BuildError, Loc, fail
from ..model.register import ENTRY
from ..source import display_path, load_yaml, parse_yaml
from .images import DECODE_ERRORS, _open
from .licences import normalise
from .register import TODO as TODO_PATTERN

try:  # defusedxml refuses entity tricks itself; the standard library parser is guarded in parse_xmp
    from defusedxml.ElementTree import fromstring as _safe_fromstring
except ImportError:  # pragma: no cover - depends on the environment
    _safe_fromstring = None

TODO = "TODO"
MAX_XMP_BYTES = 1_000_000
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # the names the register accepts

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

HINTS = {
    "alt": "describe what the picture shows in one sentence (or remove alt and write decorative: true)",
    "author": "the author as the source gives it ('Unknown Author' if it names none)",
    "source": "the web address where the image was found",
    "licence": "an SPDX id such as CC-BY-4.0 (see the source page), or LicenseRef-Permission or LicenseRef-Own",
}


class NewEntry(dict):
    """A register entry to review: its fields (missing ones are 'TODO: what to write'), where each value was
    read (`found`, e.g. {'author': 'XMP dc:creator'}) and what could not be read or was guessed (`notes`)."""

    def __init__(self, fields: dict, found: dict[str, str], notes: list[str]):
        super().__init__(fields)
        self.found = found
        self.notes = notes

    @property
    def todo(self) -> list[str]:
        """The fields still to fill in."""
        return [name for name, value in self.items() if is_todo(value)]


def is_todo(value: object) -> bool:
    return isinstance(value, str) and TODO_PATTERN.match(value) is not None


def _todo(what: str) -> str:
    return f"{TODO}: {what}"


# Reading the file ------------------------------------------------------------------------------------------------

def read_metadata(img: Image.Image) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """What the open image says about itself: {name: (value, where it was read)}, first found wins (XMP, then
    IPTC, then EXIF), and notes on metadata that could not be read."""
    found: dict[str, tuple[str, str]] = {}
    notes: list[str] = []
    for name, value, where in (*_from_xmp(img, notes), *_from_iptc(img, notes), *_from_exif(img, notes)):
        value = _clean(value)
        if not value or name == "description" and CAMERA_DEFAULTS.fullmatch(value):
            continue
        if name not in found:
            found[name] = (value, where)
        elif found[name][0] != value and name in DISAGREE:
            notes.append(f"{name}: {found[name][1]} says '{found[name][0]}' but {where} says '{value}'")
    return found, notes


def _clean(value: str) -> str:
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


# Building the entry ----------------------------------------------------------------------------------------------

def entry_from_file(path: Path, register_folder: Path) -> NewEntry:
    """A register entry for an image file from its embedded metadata, with TODO markers for what is missing.

    Raises ImageProblem when the file is not a readable image."""
    with _open(Path(path)) as img:
        found, notes = read_metadata(img)
    fields: dict = {"file": _relative(Path(path), Path(register_folder))}
    where: dict[str, str] = {}

    def take(field: str, name: str) -> None:
        if name in found:
            fields[field], where[field] = found[name]

    take("alt", "alt")
    if "alt" not in fields:
        described = f"; the file's description reads '{found['description'][0]}'" if "description" in found else ""
        fields["alt"] = _todo(HINTS["alt"] + described)
    take("title", "title")
    licence = _licence(found, fields, where, notes)
    take("author", "author")
    if "author" not in fields:
        take("author", "credit")
    if "author" not in fields and (licence is None or licence.attribution):
        fields["author"] = _todo(HINTS["author"])
    _source(found, fields, where, licence)
    fields["licence"] = fields.pop("licence")  # keep the register's order: ... source, licence, copyright
    take("copyright", "copyright")
    fields["focus"] = [0.5, 0.5]
    return NewEntry(fields, where, notes)


def _licence(found: dict, fields: dict, where: dict, notes: list[str]):
    """The licence named by cc:license, or by a WebStatement that is a licence address; else TODO."""
    for name in ("licence", "web"):
        if name not in found:
            continue
        text, source = found[name]
        lic, note = normalise(text)
        if lic is not None:
            loose = note and not (text.startswith(("http://", "https://")) and "(" not in note)
            fields["licence"], where["licence"] = lic.id, f"{source} '{text}'" if loose else source
            if loose:  # a loose name, an assumed version or a port; a plain deed address is exact
                notes.append(f"licence: {note}")
            return lic
        if name == "licence":
            notes.append(f"licence: the file says '{text}' ({source}), which is not a licence deckbuilder knows")
    fields["licence"] = _todo(HINTS["licence"])
    return None


def _source(found: dict, fields: dict, where: dict, licence) -> None:
    web = found.get("web")
    if web and web[0].startswith(("http://", "https://")) and normalise(web[0])[0] is None:
        fields["source"], where["source"] = web
    elif licence is None or licence.is_cc:
        named = f"; the file names the source '{found['source_name'][0]}'" if "source_name" in found else ""
        fields["source"] = _todo(HINTS["source"] + named)


def _relative(path: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


def default_key(path: Path) -> str:
    """A register key from a file name: 'Child Joy (2).JPG' -> 'child-joy-2'."""
    return re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-") or "image"


def register_for(image: Path) -> Path:
    """The register an image belongs to: that of the `assets` folder it lies in, else the nearest
    assets/images.yaml above it, else ./assets/images.yaml."""
    parents = Path(image).resolve().parents
    for folder in parents:
        if folder.name == "assets":
            return folder / "images.yaml"
    for folder in parents:
        if (folder / "assets" / "images.yaml").is_file():
            return folder / "assets" / "images.yaml"
    return Path("assets") / "images.yaml"


# Writing it ------------------------------------------------------------------------------------------------------

HEADER = "# The image register: one entry per image, keyed by the name decks use.\n"


def add_to_register(register: Path, key: str, entry: dict) -> None:
    """Append `entry` under `key` to the register, as YAML with a comment per TODO; the file's existing text
    (comments included) is kept byte for byte. Creates the register if it does not exist.

    Raises BuildError: 'bad-name' (a key the register cannot hold), 'image-exists' (the key is taken), or the
    register's own YAML error (nothing is appended to a file that does not load)."""
    register = Path(register)
    shown = display_path(register)
    if not KEY.fullmatch(key):
        raise fail("bad-name", f"'{key}' cannot name an image", Loc(shown), "--key",
                   f"use letters, digits, '-', '_' and '.', starting with a letter or digit, e.g. "
                   f"'{default_key(Path(key))}'")
    old = register.read_bytes() if register.exists() else b""
    _refuse_taken(register, key, old)
    newline = "\r\n" if b"\r\n" in old else "\n"
    text = entry_yaml(key, entry)
    if old and not old.endswith(b"\n"):
        text = "\n" + text
    if old.strip():
        text = "\n" + text
    new = old + (text if old else HEADER + "\n" + text).replace("\n", newline).encode("utf-8")
    _check_written(new, key, entry, shown)
    _write(register, new)


def _refuse_taken(register: Path, key: str, old: bytes) -> None:
    if not old.strip():
        return
    try:
        data = load_yaml(register)
    except BuildError as exc:
        if [d.code for d in exc.diagnostics] == ["empty-file"]:
            return  # only comments so far
        raise
    shown = display_path(register)
    if not isinstance(data, dict):
        raise fail("register-not-a-mapping", f"{shown} does not hold a mapping of images", Loc(shown),
                   hint="an image register has one 'key:' per image at the start of a line")
    if key in data:
        free = next(f"{key}-{n}" for n in range(2, 1000) if f"{key}-{n}" not in data)
        raise fail("image-exists", f"{shown} already has an image '{key}'", data.key_locs.get(key, Loc(shown)),
                   "--key", f"choose another key, e.g. --key {free}, or edit the entry that is there")


def entry_yaml(key: str, entry: dict) -> str:
    """The entry as register YAML: TODO values become `TODO  # what to write`; values read from the file say
    where they came from."""
    found = getattr(entry, "found", {})
    lines = [_dump({key: None}).rsplit(":", 1)[0] + ":"]
    for name, value in entry.items():
        if value is None:
            continue
        if is_todo(value):
            comment = value[len(TODO):].lstrip(": ") or HINTS.get(name) or _field_doc(name)
            value = TODO
        else:
            comment = f"from the file's {found[name]}" if name in found else ""
        dumped = _dump({name: value}).splitlines()
        comment = _clean(comment)
        if comment and len(dumped) == 1:
            dumped[0] += f"  # {comment}"
        elif comment:
            dumped.insert(0, f"# {comment}")
        lines += [f"  {line}" for line in dumped]
    return "\n".join(lines) + "\n"


def _field_doc(name: str) -> str:
    field = ENTRY.fields.get(name)
    return field.doc if field else ""


def _dump(data: dict) -> str:
    """One `name: value` in block style; a list or mapping value is written in flow style: [0.5, 0.5]."""
    ((name, value),) = data.items()
    if isinstance(value, Path):
        value = value.as_posix()
    if isinstance(value, (dict, list, tuple)):
        flow = yaml.safe_dump(value if not isinstance(value, tuple) else list(value), default_flow_style=True,
                              allow_unicode=True, sort_keys=False, width=1_000_000).rstrip("\n")
        return _dump({name: None})[: -len("null")] + flow
    return yaml.safe_dump({name: value}, default_flow_style=False, allow_unicode=True, sort_keys=False,
                          width=1_000_000).rstrip("\n")


def _check_written(new: bytes, key: str, entry: dict, shown: str) -> None:
    """Read the new text back: the entry must come out as it went in (else nothing is written)."""
    data = parse_yaml(new.decode("utf-8-sig"), shown)
    wanted = {k: (TODO if is_todo(v) else v) for k, v in entry.items() if v is not None}
    if not isinstance(data, dict) or _plain(data.get(key)) != _plain(wanted):
        raise fail("register-write", f"the entry '{key}' would not read back as written", Loc(shown),
                   hint="this is a bug in deckbuilder; add the entry by hand")


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def _write(register: Path, data: bytes) -> None:
    """Replace the file in one step (a crash leaves the old or the new text, never half of it)."""
    target = register.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".images-", suffix=".yaml")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def summary(key: str, entry: dict, register: Path) -> str:
    """What `deckbuilder assets add` prints: what was read (and from where), what is still TODO, and notes."""
    found = getattr(entry, "found", {})
    lines = [f"Added '{key}' to {display_path(Path(register))} (file: {entry.get('file')})"]
    known = [(n, v) for n, v in entry.items() if n in found]
    if known:
        lines.append("Read from the file (check each one):")
        lines += [f"  {n:<10} {v}   [{found[n]}]" for n, v in known]
    todo = [(n, v) for n, v in entry.items() if is_todo(v)]
    if todo:
        lines.append("Still to fill in (marked TODO in the register; builds refuse the image until done):")
        lines += [f"  {n:<10} {v[len(TODO):].lstrip(': ') or HINTS.get(n, '')}" for n, v in todo]
    lines += [f"note: {note}" for note in getattr(entry, "notes", [])]
    return "\n".join(lines)
