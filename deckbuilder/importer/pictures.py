"""Pictures out of the deck into assets/photos (once per distinct file), and their image register entries from
the deck's alt text and credit lines, with TODO where the deck does not say."""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..assets.images import DECODE_ERRORS, ImageProblem
from ..assets.licences import LICENCES
from ..assets.metadata import NewEntry, add_to_register, default_key, entry_from_file, is_todo
from ..assets.register import FILE_NAME, PLACEHOLDERS, placeholder_alt
from ..checks.accessibility import FILE_NAME as ACCESSIBLE_FILE_NAME
from ..errors import BuildError
from ..model.outline import slug
from ..source import load_yaml
from .credits import Credit, licence_of
from .found import PictureShape, clean
from .text import pieces
from .vectors import VECTOR, to_png

PLACEABLE = {"jpg", "jpeg", "png"}
CONVERT = {"gif", "bmp", "tif", "tiff"}
AUTO_ALT = ("description automatically generated", "automatically generated description")
ORDER = ("file", "alt", "decorative", "title", "author", "author_url", "source", "licence", "copyright",
         "permission", "focus", "modifications")
MAX_ALT = 600
CAMERA = re.compile(r"(img|dsc[nf]?|dcim|image|picture|photo|pic|screenshot|screen shot|clip)[\W_]*\d+(\.\w+)?",
                    re.IGNORECASE)  # the names cameras and screenshots give files
PATH = re.compile(r"^[A-Za-z]:\\|\\\\|https?://|www\.|^/\w+/|file:", re.IGNORECASE)  # a path or web address


@dataclass
class Planned:
    """One distinct picture: its key, what is written where, and the facts the deck gives about it."""

    key: str
    pic: PictureShape
    blob: bytes
    ext: str
    slide: int
    title: str = ""  # the title of the slide it was first seen on
    folder: str = "photos"
    credit: Credit | None = None
    credit_slide: int = 0
    reused: bool = False  # the register already holds these bytes under `key`
    placeable: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"{self.folder}/{self.key}.{self.ext}"


class PictureStore:
    """The pictures of one import, by content: the same bytes are one file and one register entry."""

    def __init__(self, assets: Path):
        self.assets = Path(assets)
        self.register = self.assets / "images.yaml"
        self.planned: dict[str, Planned] = {}
        self.keys, known = _existing(self.register)
        self.known = known  # sha256 -> key of files the register already has

    def plan(self, pic: PictureShape, slide: int, title: str, folder: str = "photos") -> Planned:
        """The picture's entry-to-be, by its bytes (named later, by name_all, once its credit is known)."""
        digest = hashlib.sha256(pic.blob).hexdigest()
        if digest in self.planned:
            return self.planned[digest]
        if digest in self.known:
            done = Planned(self.known[digest], pic, pic.blob, pic.ext, slide, title, folder, reused=True)
            self.planned[digest] = done
            return done
        blob, ext, placeable, notes = _usable(pic)
        planned = Planned("", pic, blob, ext, slide, title, folder, placeable=placeable, notes=notes)
        self.planned[digest] = planned
        return planned

    def convert_drawings(self) -> None:
        """WMF and EMF pictures to PNG, with LibreOffice, in one run; those it cannot convert stay unplaceable."""
        drawings = {f"drawing{i}": p for i, p in enumerate(self.planned.values()) if p.ext in VECTOR}
        done, failed = to_png({name: (p.blob, p.ext) for name, p in drawings.items()})
        for name, planned in drawings.items():
            kind = planned.ext.upper()
            if name in done:
                planned.blob, planned.ext, planned.placeable = done[name], "png", True
                planned.notes.append(f"converted from {kind} to PNG with LibreOffice (PowerPoint draws {kind} "
                                     "files; deckbuilder places PNG and JPEG)")
            else:
                why = failed or "LibreOffice could not convert it"
                planned.notes.append(f"a {kind} drawing deckbuilder cannot place ({why}): convert it to PNG, e.g. "
                                     "with LibreOffice or Inkscape, and point the entry's file at it")

    def credit(self, pic: PictureShape, credit: Credit, slide: int) -> None:
        planned = self.plan(pic, slide, "")
        if planned.credit is None:
            planned.credit, planned.credit_slide = credit, slide
        else:
            planned.credit.merge(credit)

    def name_all(self) -> None:
        """Key each new picture by the work's title in its credit, else its alt text, else its slide's title."""
        for planned in self.planned.values():
            if planned.key:
                continue
            title = planned.credit.title if planned.credit and planned.credit.title else ""
            base = slug(title) if title else _name(planned.pic, planned.title)
            planned.key = self._free(base, planned.folder, planned.ext)
            self.keys.add(planned.key)

    def _free(self, base: str, folder: str, ext: str) -> str:
        key, n = base, 2
        while key in self.keys or (self.assets / folder / f"{key}.{ext}").exists():
            key, n = f"{base}-{n}", n + 1
        return key

    def commit(self) -> list[tuple[Planned, NewEntry]]:
        """Write every new file, then add its entry to the register; returns what was added."""
        added = []
        for planned in self.planned.values():
            if planned.reused:
                continue
            path = self.assets / planned.file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(planned.blob)
            entry = entry_for(planned, path, self.register.parent)
            add_to_register(self.register, planned.key, entry)
            added.append((planned, entry))
        return added


def _existing(register: Path) -> tuple[set[str], dict[str, str]]:
    """The register's keys, and the content hash of each file it names. Raises its BuildError if it does not
    load (nothing is written to a register that does not)."""
    if not register.is_file():
        return set(), {}
    try:
        data = load_yaml(register)
    except BuildError as exc:
        if [d.code for d in exc.diagnostics] == ["empty-file"]:
            return set(), {}
        raise
    if not isinstance(data, dict):
        return set(), {}
    known = {}
    for key, entry in data.items():
        path = register.parent / str(entry.get("file", "")) if isinstance(entry, dict) else None
        if path is not None and path.is_file():
            known[hashlib.sha256(path.read_bytes()).hexdigest()] = str(key)
    return {str(k) for k in data}, known


def _usable(pic: PictureShape) -> tuple[bytes, str, bool, list[str]]:
    """The bytes and extension to write, whether deckbuilder can place it, and notes on what was done."""
    ext = "jpg" if pic.ext in ("jpeg", "jpe") else pic.ext
    if ext in CONVERT:
        try:
            with Image.open(io.BytesIO(pic.blob)) as img:
                frames = getattr(img, "n_frames", 1)
                out = io.BytesIO()
                img.convert("RGBA" if "transparency" in img.info or img.mode in ("RGBA", "LA", "P") else "RGB"
                            ).save(out, "PNG")
            first = f" (its first frame of {frames}: PowerPoint plays them, deckbuilder shows one)" * (frames > 1)
            return out.getvalue(), "png", True, [f"converted from {ext.upper()} to PNG with Pillow{first}"]
        except (UnidentifiedImageError, *DECODE_ERRORS):
            return pic.blob, ext, False, [f"a {ext.upper()} file Pillow cannot read"]
    if ext in VECTOR:
        return pic.blob, ext, False, []  # converted with the deck's other drawings, by convert_drawings
    if ext not in PLACEABLE:
        return pic.blob, ext, False, [f"a {ext.upper()} file: deckbuilder places JPEG and PNG pictures; convert it "
                                      "to PNG and point the register entry at the new file"]
    try:
        with Image.open(io.BytesIO(pic.blob)) as img:
            img.load()
    except (UnidentifiedImageError, *DECODE_ERRORS):
        return pic.blob, ext, False, ["the picture's file cannot be read (corrupt?)"]
    return pic.blob, ext, True, []


def usable_alt(alt: str) -> str:
    """The deck's alt text, without PowerPoint's 'Description automatically generated' tail; '' when it is no
    description: a file name (a camera's too), a path or web address, or a placeholder (pandoc writes 'fig:
    photo.png')."""
    text = clean(alt)
    if text.lower().startswith("fig:"):
        text = text[4:].strip()
    for tail in AUTO_ALT:
        at = text.lower().find(tail)
        if at >= 0:
            text = text[:at].strip()
    if not text or FILE_NAME.search(text) or ACCESSIBLE_FILE_NAME.search(text) or PATH.search(text) or \
            CAMERA.fullmatch(text) or \
            text.lower() in PLACEHOLDERS or \
            text.lower().startswith(("picture ", "image ", "graphic ")) and text.split()[-1].isdigit():
        return ""
    return text


def refused_alt(alt: str, key: str, file: str) -> bool:
    """Whether the build would refuse this alt text for this entry (the register's rules and the deck check's)."""
    return placeholder_alt(alt, key, file) or bool(ACCESSIBLE_FILE_NAME.search(alt.strip()))


def _name(pic: PictureShape, title: str) -> str:
    """A key from the alt text (never the alt text itself, which the build refuses as a description), else from
    the file name it gives (unless a camera's), else the slide's title, else the shape's name."""
    alt = usable_alt(pic.alt)
    written = re.sub(r"^fig:\s*", "", clean(pic.alt), flags=re.IGNORECASE)
    named = (FILE_NAME.search(written) or ACCESSIBLE_FILE_NAME.search(written)) and \
        not CAMERA.fullmatch(Path(written).name)
    base = slug(alt) if alt else default_key(Path(written)) if named else slug(title) if title else \
        default_key(Path(pic.name or "picture"))
    if alt and base == alt.lower():
        base += "-picture"
    return base if base not in ("slide", "") else "picture"


def entry_for(planned: Planned, path: Path, register_folder: Path) -> NewEntry:
    """The register entry: what the file's own metadata says, then what the deck says over it."""
    try:
        base = entry_from_file(path, register_folder)
        fields, found, notes = dict(base), dict(base.found), list(base.notes)
    except ImageProblem:
        fields, found, notes = {"file": planned.file, "alt": "TODO", "licence": "TODO"}, {}, []
    notes += planned.notes
    _alt(planned, fields, found, notes)
    if planned.credit is not None:
        _credit(planned.credit, planned.credit_slide, fields, found, notes)
        _changes_before(planned.credit, planned.pic.cropped, fields, found)
    _needed_only(fields)
    fields["focus"] = list(planned.pic.focus)
    ordered = {name: fields[name] for name in ORDER if name in fields}
    return NewEntry(ordered, found, notes)


def _alt(planned: Planned, fields: dict, found: dict, notes: list[str]) -> None:
    pic = planned.pic
    if pic.decorative:
        fields.pop("alt", None)
        fields["decorative"] = True
        found["decorative"] = f"decorative mark on slide {planned.slide}"
        return
    alt = usable_alt(pic.alt)
    if alt and refused_alt(alt, planned.key, planned.file):
        alt = ""
    if alt:
        if len(alt) > MAX_ALT:
            alt = pieces(alt, MAX_ALT - 1)[0] + "…"
            notes.append(f"the alt text was longer than {MAX_ALT} characters and was shortened")
        if any(t in clean(pic.alt).lower() for t in AUTO_ALT):
            notes.append("the alt text was written by PowerPoint's automatic description: check it")
        fields["alt"], found["alt"] = alt, f"alt text on slide {planned.slide}"
    elif pic.alt and not is_todo(fields.get("alt")):
        return  # the file's own metadata gave one
    elif pic.alt:
        fields["alt"] = f"TODO: describe what the picture shows in one sentence (the deck's alt text, " \
                        f"'{clean(pic.alt)[:200]}', is a file name, an address or a placeholder)"


def _credit(credit: Credit, slide: int, fields: dict, found: dict, notes: list[str]) -> None:
    where = f"credit line on slide {slide}" if slide else "credits slide"
    for name in ("title", "author", "copyright"):
        if getattr(credit, name):
            fields[name], found[name] = getattr(credit, name), where
    if credit.author_url.startswith(("http://", "https://")):
        fields["author_url"], found["author_url"] = credit.author_url, f"link in the {where}"
    if credit.author.strip().lower() in ("unknown author", "unknown"):
        notes.append("the credit says 'Unknown Author': check the source for the creator's name")
    _credit_licence(credit, where, fields, found, notes)
    _credit_source(credit, where, fields, found)


def _changes_before(credit: Credit, cropped: bool, fields: dict, found: dict) -> None:
    """Changes a credit line names ('cropped', 'graphic modified') were made to the file itself, before us; a
    crop the deck itself makes, and text over the picture, the build says again."""
    ours = {"with text overlay"} | ({"cropped"} if cropped else set())  # the build says them again
    changes = ", ".join(c for c in map(str.strip, credit.changes.split(",")) if c and c.lower() not in ours)
    if changes:
        fields["modifications"] = changes
        found["modifications"] = f"credit line, which says '{changes}'"


def _credit_licence(credit: Credit, where: str, fields: dict, found: dict, notes: list[str]) -> None:
    lic, note = licence_of(credit)
    if lic:
        fields["licence"] = lic
        found["licence"] = f"{where}: {note}" if note else where
        if "assumed" in note:
            notes.append(f"licence: {note}")
        if lic == "LicenseRef-Permission":
            fields.setdefault("permission", {"granted_by": credit.author if credit.form == "courtesy" else "TODO",
                                             "evidence": "TODO"})
    elif credit.licence:
        fields["licence"] = f"TODO: the {where} says '{credit.licence}', which is not a licence deckbuilder " \
                            "knows; write its SPDX id, e.g. CC-BY-4.0"
    elif is_todo(fields.get("licence")):
        fields["licence"] = f"TODO: an SPDX id such as CC-BY-4.0; the {where} reads '{credit.text}'"


def _credit_source(credit: Credit, where: str, fields: dict, found: dict) -> None:
    if credit.source:
        fields["source"], found["source"] = credit.source, f"link in the {where}"
    elif getattr(credit, "source_note", ""):
        fields["source"], found["source"] = credit.source_note, "credits slide"
    elif credit.source_name:
        fields["source"] = f"TODO: the web address of the picture's page; the {where} names " \
                           f"'{credit.source_name}'"
    if "source" not in fields or is_todo(fields["source"]) and not credit.source_name:
        fields["source"] = f"TODO: the web address where the image was found; the {where} reads '{credit.text}'"


def _needed_only(fields: dict) -> None:
    """No TODO for what the licence does not ask for: a source outside Creative Commons, an author for CC0."""
    lic = LICENCES.get(fields.get("licence", ""))
    if lic is not None and not lic.is_cc and is_todo(fields.get("source")):
        fields.pop("source")
    if lic is not None and not lic.attribution and is_todo(fields.get("author")):
        fields.pop("author")
