"""Fixtures for the image side: small real images, registers, decks built through deckbuilder.api, and
JPEGs carrying EXIF, IPTC and XMP."""
from __future__ import annotations

import datetime as dt
import struct
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from deckbuilder.api import Options, Result, build_one
from deckbuilder.assets.register import load_register
from deckbuilder.errors import BuildError, Diagnostics
from deckbuilder.layout.text import Measurer

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2024, 6, 1)

# One register entry per licence the rules treat differently; `{file}` is filled in per test.
ENTRIES = {
    "cc-by": "licence: CC-BY-4.0",
    "cc-nc": "licence: CC-BY-NC-4.0",
    "cc-nd": "licence: CC-BY-ND-4.0",
    "cc-sa": "licence: CC-BY-SA-4.0",
    "cc-nc-ok": "licence: CC-BY-NC-4.0\n  permission: {granted_by: Jane Doe, evidence: e-mail of 2024-01-05, "
                "commercial: true}",
    "unknown": "licence: CC-BY-4.0\n  author: Unknown Author",
}


def entry_yaml(key: str, licence_lines: str, file: str = "photos/field.jpg") -> str:
    author = "" if "author:" in licence_lines else "  author: Jane Doe\n"
    return (f"{key}:\n  file: {file}\n  alt: An orange field under a pale sky.\n  title: Field {key}\n"
            f"{author}  source: https://example.org/{key}\n  {licence_lines}\n")


def make_image(path: Path, size: tuple[int, int] = (300, 200), mode: str = "RGB", color=(200, 120, 40),
               fmt: str | None = None, **save) -> Path:
    """A small real image: a flat colour with a darker stripe (so crops and scales are visible)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new(mode, size, color)
    if mode in ("RGB", "RGBA"):
        img.paste((20, 40, 160) + ((255,) if mode == "RGBA" else ()), (0, 0, size[0] // 4, size[1]))
    img.save(path, fmt, **save)
    return path


@pytest.fixture(scope="session")
def measurer() -> Measurer:
    """One text measurer for every build (loading the fonts once keeps the tests fast)."""
    return Measurer()


@pytest.fixture
def project(write) -> Callable[..., Path]:
    """project(slides, use=..., register=..., deck_extra=...) writes a small project into tmp_path: a photo,
    an image register (default: every entry of ENTRIES) and an outline; returns the outline's path."""

    def _project(slides: str, use: str = "public", register: str | None = None, deck_extra: str = "") -> Path:
        make_image(Path("assets/photos/field.jpg"))
        text = register if register is not None else "".join(entry_yaml(k, v) for k, v in ENTRIES.items())
        write("assets/images.yaml", text)
        extra = textwrap.indent(textwrap.dedent(deck_extra), "  ") if deck_extra else ""
        return write("deck.yaml", f"deck:\n  title: Licence rules\n  use: {use}\n{extra}slides:\n"
                     + textwrap.indent(textwrap.dedent(slides), "  "))

    return _project


@pytest.fixture
def built(measurer, tmp_path) -> Callable[[Path], Result]:
    """built(outline) builds it through deckbuilder.api (nothing written) and returns the Result."""

    def _built(outline: Path) -> Result:
        return build_one(outline, Options(out=tmp_path / "out", write=False), measurer)

    return _built


@pytest.fixture
def register_diags(write) -> Callable[[str], tuple[dict, list]]:
    """register_diags(text) writes assets/images.yaml and loads it: (entries, diagnostics)."""

    def _load(text: str) -> tuple[dict, list]:
        path = write("assets/images.yaml", text)
        diags = Diagnostics()
        try:
            entries = load_register(path, diags, TODAY)
        except BuildError as exc:
            return {}, list(exc.diagnostics)
        return entries, list(diags)

    return _load


# IPTC IIM inside a JPEG: an APP13 'Photoshop 3.0' segment holding an 8BIM resource 0x0404 ------------------------

def iim(records: dict[tuple[int, int], bytes | str]) -> bytes:
    """IIM datasets: 0x1C, record, dataset, 2-byte length, data."""
    out = b""
    for (record, dataset), value in records.items():
        data = value.encode("utf-8") if isinstance(value, str) else value
        out += struct.pack(">BBBH", 0x1C, record, dataset, len(data)) + data
    return out


def with_iptc(jpeg: bytes, records: dict[tuple[int, int], bytes | str]) -> bytes:
    """The JPEG with an APP13 segment carrying `records`, inserted right after the SOI marker."""
    payload = iim(records)
    payload += b"\0" * (len(payload) % 2)
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(payload)) + payload
    body = b"Photoshop 3.0\0" + resource
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def xmp_packet(description: str, attributes: str = "", prolog: str = "") -> bytes:
    """An XMP packet whose rdf:Description holds `description` (child elements) and `attributes`."""
    return (
        f'{prolog}<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:cc="http://creativecommons.org/ns#"\n'
        '    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"\n'
        '    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"\n'
        f'    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" {attributes}>\n'
        f'   {description}\n'
        '  </rdf:Description>\n'
        ' </rdf:RDF>\n'
        '</x:xmpmeta>\n'
        '<?xpacket end="w"?>'
    ).encode()
