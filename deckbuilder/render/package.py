"""Saving a deck reproducibly (fixed zip order and times) and atomically (temp file, then rename)."""
from __future__ import annotations

import io
import os
import secrets
import zipfile
from pathlib import Path

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


STORED = (".jpeg", ".jpg", ".png")  # already compressed: deflating them again only costs time


class _StableWriter:
    """Writes zip members once, in order, with fixed times (python-pptx's package writer interface)."""

    def __init__(self, rewrite=None):
        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)
        self.rewrite = rewrite or (lambda name, blob: blob)

    def write(self, pack_uri, blob: bytes) -> None:
        name = getattr(pack_uri, "membername", pack_uri)
        info = zipfile.ZipInfo(name, ZIP_TIME)
        info.compress_type = zipfile.ZIP_STORED if name.endswith(STORED) else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, self.rewrite(name, blob))

    def close(self) -> bytes:
        self.zip.close()
        return self.buffer.getvalue()


def stable_zip(data: bytes, rewrite=None) -> bytes:
    """The same zip with fixed timestamps and order; `rewrite(name, bytes)` may change members."""
    writer = _StableWriter(rewrite)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        for name in src.namelist():
            writer.write(name, src.read(name))
    return writer.close()


def package_bytes(package, rewrite) -> bytes:
    """The .pptx bytes of a python-pptx package, written reproducibly in one pass (no save-then-rezip)."""
    from pptx.opc.serialized import PackageWriter

    writer = _StableWriter(rewrite)
    parts = PackageWriter(writer.buffer, package._rels, tuple(package.iter_parts()))
    parts._write_content_types_stream(writer)
    parts._write_pkg_rels(writer)
    parts._write_parts(writer)
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


def fast_relations(part) -> None:
    """Relate a part to new parts without searching its relationships for an existing one first (each
    slide is new; python-pptx's search makes adding a thousand slides quadratic)."""
    rels = part.rels
    rels.get_or_add = lambda reltype, target: rels._add_relationship(reltype, target)


def fast_partnames(package) -> None:
    """Name new parts from a running count: python-pptx walks every part of the package for each new part
    (scanny/python-pptx#644), which makes a deck of a thousand slides with notes take minutes."""
    from pptx.opc.packuri import PackURI

    taken = {str(part.partname) for part in package.iter_parts()}
    counts: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        n = counts.get(tmpl, 0) + 1
        while tmpl % n in taken:
            n += 1
        counts[tmpl] = n
        taken.add(tmpl % n)
        return PackURI(tmpl % n)

    package.next_partname = next_partname
