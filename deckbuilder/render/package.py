"""The package being written: parts, relationships, content types; saved reproducibly and atomically."""
from __future__ import annotations

import io
import os
import posixpath
import secrets
import zipfile
from pathlib import Path

from .elements import NS, el, parse, root, serialize

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
STORED = (".jpeg", ".jpg", ".png", ".xlsx")  # already compressed: deflating them again only costs time
TYPES = "[Content_Types].xml"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


class Package:
    """An OPC package: its parts by name, parsed only when read or changed; relationships and content types."""

    def __init__(self, parts: dict[str, bytes]):
        self.blobs = {name: blob for name, blob in parts.items() if name != TYPES}  # b"": held in trees or files
        self.trees: dict = {}  # part name → its parsed XML, written back when the package is saved
        self.files: dict[str, Path] = {}  # part name → the file its bytes are read from when the package is saved
        self.next_rid: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.unique: dict[Path, str] = {}  # a file added once → its part
        types = parse(parts[TYPES])
        self.defaults = {d.get("Extension", "").lower(): d.get("ContentType")
                         for d in types.iterfind("ct:Default", NS)}
        self.overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType")
                          for o in types.iterfind("ct:Override", NS)}

    def xml(self, name: str):
        """A part's XML, parsed once; changes to it are saved with the package."""
        if name not in self.trees:
            self.trees[name] = parse(self.blobs[name])
        return self.trees[name]

    def add(self, template: str, content_type: str | None, data) -> str:
        """A new part named from `template` (e.g. 'ppt/slides/slide%d.xml') with the first free number; `data` is
        bytes or XML; a content type of None means the extension's default."""
        key = posixpath.splitext(template)[0]  # image1.jpg, image2.png: one count whatever the extension
        n = self.counts.get(key, 0) + 1
        while template % n in self.blobs:
            n += 1
        self.counts[key] = n
        name = template % n
        self.put(name, data, content_type)
        return name

    def add_file(self, template: str, path: Path) -> str:
        """A part holding this file (a picture used on several slides is stored once), named from `template`, of
        its extension's default content type. The file is read when the package is saved, so it may still be in
        the making while the slides are written."""
        if path not in self.unique:
            self.unique[path] = self.add(template, None, b"")
            self.files[self.unique[path]] = path
        return self.unique[path]

    def put(self, name: str, data, content_type: str | None = None) -> None:
        """Set a part's bytes or XML (replacing it if there is one)."""
        self.blobs[name] = data if isinstance(data, bytes) else b""
        if not isinstance(data, bytes):
            self.trees[name] = data
        if content_type:
            self.overrides[name] = content_type

    def drop(self, name: str) -> None:
        """Remove a part and its relationships."""
        for part in (name, rels_name(name)):
            for store in (self.blobs, self.trees, self.files, self.overrides):
                store.pop(part, None)

    def default_type(self, extension: str, content_type: str) -> None:
        self.defaults.setdefault(extension, content_type)

    def rels(self, source: str):
        """The relationships part of `source` ('' for the package's own), made when it has none."""
        name = rels_name(source)
        if name not in self.blobs and name not in self.trees:
            self.put(name, root("rel:Relationships", "rel"))
        return self.xml(name)

    def relations(self, source: str, reltype: str | None = None) -> list[tuple[str, str]]:
        """(rId, target part name) of the internal relationships of `source`, of one type or all."""
        if rels_name(source) not in self.blobs:
            return []
        found = []
        for rel in self.rels(source).iterfind("rel:Relationship", NS):
            if rel.get("TargetMode") != "External" and (reltype is None or rel.get("Type") == reltype):
                found.append((rel.get("Id"), posixpath.normpath(posixpath.join(posixpath.dirname(source),
                                                                                 rel.get("Target")))))
        return found

    def related(self, source: str, reltype: str) -> str | None:
        """The part `source` relates to by a relationship of this type, if any."""
        return next((target for _, target in self.relations(source, reltype)), None)

    def relate(self, source: str, target: str, reltype: str, external: bool = False) -> str:
        """A new relationship from `source` to a part (or, external, an address); its rId."""
        rels = self.rels(source)
        if source not in self.next_rid:
            taken = [int(r.get("Id")[3:]) for r in rels.iterfind("rel:Relationship", NS)
                     if r.get("Id", "").startswith("rId") and r.get("Id")[3:].isdigit()]
            self.next_rid[source] = max(taken, default=0) + 1
        rid = f"rId{self.next_rid[source]}"
        self.next_rid[source] += 1
        where = target if external else posixpath.relpath(target, posixpath.dirname(source) or ".")
        attrs = {"TargetMode": "External"} if external else {}
        el("rel:Relationship", rels, Id=rid, Type=reltype, Target=where, **attrs)
        return rid

    def unrelate(self, source: str, reltype: str, drop: bool = False) -> None:
        """Remove the relationships of a type from `source` (and, with `drop`, the parts they lead to)."""
        for rel in list(self.rels(source).iterfind("rel:Relationship", NS)):
            if rel.get("Type") == reltype:
                if drop and rel.get("TargetMode") != "External":
                    self.drop(posixpath.normpath(posixpath.join(posixpath.dirname(source), rel.get("Target"))))
                rel.getparent().remove(rel)

    def prune(self) -> None:
        """Drop every part nothing refers to any more (a template's sample slides, their notes and pictures)."""
        reached, todo = {""}, [""]
        while todo:
            for _, target in self.relations(todo.pop()):
                if target not in reached and target in self.blobs:
                    reached.add(target)
                    todo.append(target)
        for name in [n for n in self.blobs if n not in reached and not n.endswith(".rels")]:
            self.drop(name)
        for name in [n for n in self.blobs if n.endswith(".rels") and _source_of(n) not in reached]:
            self.drop(name)

    def to_bytes(self) -> bytes:
        """The .pptx: content types first, then every part in a fixed order, with fixed times."""
        writer = _StableWriter()
        writer.write(TYPES, serialize(self._content_types()))
        for name in sorted(self.blobs, key=_order):
            writer.write(name, serialize(self.trees[name]) if name in self.trees else
                         self.files[name].read_bytes() if name in self.files else self.blobs[name])
        return writer.close()

    def _content_types(self):
        types = root("ct:Types", "ct")
        used = {posixpath.splitext(name)[1][1:].lower() for name in self.blobs}
        for extension in sorted(used | {"rels", "xml"}):
            if extension in self.defaults:
                el("ct:Default", types, Extension=extension, ContentType=self.defaults[extension])
        for name in sorted(self.blobs, key=_order):
            if name in self.overrides:
                el("ct:Override", types, PartName="/" + name, ContentType=self.overrides[name])
        return types


def rels_name(source: str) -> str:
    """The relationships part of a part: ppt/slides/slide1.xml → ppt/slides/_rels/slide1.xml.rels."""
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _source_of(rels: str) -> str:
    """The part a relationships part belongs to ('' for the package's own)."""
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name[:-len(".rels")]) if name != ".rels" else ""


def _order(name: str) -> tuple:
    """Parts in a stable, readable order: by folder, then by name and number (slide2 before slide10), each
    part's relationships after it."""
    folder, base = posixpath.split(name)
    rels = posixpath.basename(folder) == "_rels"
    folder, base = (posixpath.dirname(folder), base[:-len(".rels")]) if rels else (folder, base)
    stem, extension = posixpath.splitext(base)
    name_part = stem.rstrip("0123456789")
    return folder, name_part, int(stem[len(name_part):] or 0), extension, rels


class _StableWriter:
    """Writes zip members once, in order, with fixed times."""

    def __init__(self):
        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)

    def write(self, name: str, blob: bytes) -> None:
        info = zipfile.ZipInfo(name, ZIP_TIME)
        info.compress_type = zipfile.ZIP_STORED if name.endswith(STORED) else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob)

    def close(self) -> bytes:
        self.zip.close()
        return self.buffer.getvalue()


def zip_parts(parts: dict[str, bytes]) -> bytes:
    """A small zip (an embedded workbook) of these members, in this order, with fixed times."""
    writer = _StableWriter()
    for name, blob in parts.items():
        writer.write(name, blob)
    return writer.close()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a part. The file
    gets the mode an ordinary write of a new file gets (0644 under the usual umask 022)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _new_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _new_temp(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path`, created as open() creates files: mode 0666 less the umask
    (mkstemp's 0600 would make decks on a shared drive unreadable to colleagues)."""
    while True:
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
