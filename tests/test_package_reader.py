"""PowerPoint files from outside: hostile packages are refused or cleaned, by import, by a build on them as a
template, and by the reader pull will use, in little memory and writing nothing on refusal."""
from __future__ import annotations

import io
import shutil
import socket
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from functools import cache
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from deckbuilder import package_reader
from deckbuilder.api import Options, build
from deckbuilder.errors import BuildError
from deckbuilder.package_reader import PRESENTATION, open_package
from tests.ooxml import validate_pptx

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "real-decks"
GiB = 1 << 30
PEAK = 1 * GiB  # what any command may use on a hostile file
P_NS = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MEASURE = """import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""
# --- hostile packages, built on the fly ---------------------------------------------------------------------

def deck_parts() -> dict[str, bytes]:
    """A one-slide deck with a picture, as python-pptx writes it: part name -> bytes."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "A deck from outside"
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 80, 60)).save(picture, "PNG")
    slide.shapes.add_picture(picture, Inches(1), Inches(2), Inches(4), Inches(3))
    data = io.BytesIO()
    prs.save(data)
    with zipfile.ZipFile(data) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def deflated(chunks) -> tuple[bytes, int, int]:
    """(raw deflate data, size, CRC) of the bytes the chunks make, never holding them all."""
    squeeze, out, size, crc = zlib.compressobj(1, zlib.DEFLATED, -15), [], 0, 0
    for chunk in chunks:
        out.append(squeeze.compress(chunk))
        size, crc = size + len(chunk), zlib.crc32(chunk, crc)
    return b"".join(out) + squeeze.flush(), size, crc


@cache
def zeros(size: int) -> tuple[bytes, int, int]:
    """`size` zero bytes, deflated (a GiB takes about 5 MB and a second)."""
    chunk = bytes(16 << 20)
    return deflated(chunk[: min(len(chunk), size - done)] for done in range(0, size, len(chunk)))


def write_zip(path: Path, entries: list[tuple[str, tuple[bytes, int, int]]], says: dict[str, int] | None = None):
    """A zip written by hand, so that it can say what a hostile file says: `says` gives the size the directory
    claims for a part (a lie), names are written as given (duplicates, '../' and all)."""
    says = says or {}
    body, directory = io.BytesIO(), io.BytesIO()
    for name, (data, size, crc) in entries:
        raw, claimed, offset = name.encode(), says.get(name, size), body.tell()
        body.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), claimed, len(raw), 0))
        body.write(raw + data)
        directory.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), claimed,
                                    len(raw), 0, 0, 0, 0, 0, offset) + raw)
    n, start = len(entries), body.tell()
    body.write(directory.getvalue())
    body.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(directory.getvalue()), start, 0))
    path.write_bytes(body.getvalue())
    return path


def packed(parts: dict[str, bytes]) -> list[tuple[str, tuple[bytes, int, int]]]:
    return [(name, deflated([blob])) for name, blob in parts.items()]


def media_bomb(path: Path) -> Path:
    """The picture inflates to 1 GiB of zeros (5 MB on disk)."""
    return write_zip(path, [(n, zeros(GiB) if n.startswith("ppt/media/") else e) for n, e in packed(deck_parts())])


def xml_bomb(path: Path) -> Path:
    """The slide is 300 MB of XML."""
    head = f'<?xml version="1.0"?><p:sld {P_NS}><p:cSld><p:spTree>'.encode()
    shapes = b"<p:sp/>" * (16 << 20)
    slide = deflated([head, *[shapes] * 3, b"</p:spTree></p:cSld></p:sld>"])
    return write_zip(path, [(n, slide if n == "ppt/slides/slide1.xml" else e) for n, e in packed(deck_parts())])


def entity_bomb(path: Path) -> Path:
    """The slide defines entities that would expand to gigabytes (the 'billion laughs')."""
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    slide = (f'<?xml version="1.0"?><!DOCTYPE p:sld [<!ENTITY l0 "ha">{laughs}]><p:sld {P_NS}><p:cSld><p:spTree>'
             "&l9;</p:spTree></p:cSld></p:sld>").encode()
    return write_zip(path, packed({**deck_parts(), "ppt/slides/slide1.xml": slide}))


def lying_directory(path: Path) -> Path:
    """The zip directory says the picture is 1,000 bytes; it inflates to 1 GiB."""
    entries = [(n, zeros(GiB) if n.startswith("ppt/media/") else e) for n, e in packed(deck_parts())]
    media = next(n for n, _ in entries if n.startswith("ppt/media/"))
    return write_zip(path, entries, says={media: 1000})


def escaping_name(path: Path) -> Path:
    """A part named to land outside the folder it would be unpacked into, and a relationship pointing at it."""
    parts = deck_parts()
    rels = "ppt/slides/_rels/slide1.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", b'<Relationship Id="rId99" Type="' + OD.encode() +
                                      b'/image" Target="../../../../escaped.png"/></Relationships>')
    return write_zip(path, packed({**parts, "../../escaped.png": b"not a picture"}))


def duplicate_name(path: Path) -> Path:
    """Two parts with the same name: which one is read depends on the reader."""
    entries = packed(deck_parts())
    return write_zip(path, entries + [("ppt/slides/slide1.xml", deflated([b"<p:sld/>"]))])


def case_twin(path: Path) -> Path:
    """Two parts whose names differ only in case, which Office takes for one name."""
    entries = packed(deck_parts())
    return write_zip(path, entries + [("ppt/slides/Slide1.xml", deflated([b"<p:sld/>"]))])


OLE_FRAME = (
    '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="90" name="Budget workbook"/><p:cNvGraphicFramePr/><p:nvPr/>'
    '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic>'
    '<a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole"><p:oleObj name="Worksheet" '
    'r:id="rIdOle" imgW="914400" imgH="914400" progId="Excel.Sheet.8"><p:embed/><p:pic><p:nvPicPr>'
    '<p:cNvPr id="0" name=""/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rIdOlePic"/>'
    '<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" '
    'cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic></p:oleObj>'
    '</a:graphicData></a:graphic></p:graphicFrame>')
LINKED_PICTURE = (
    '<p:pic><p:nvPicPr><p:cNvPr id="91" name="Photo from the web"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill>'
    '<a:blip r:link="rIdWeb"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
CONTROLS = '<p:controls><p:control name="CommandButton1" r:id="rIdCtl" imgW="914400" imgH="457200"/></p:controls>'


def rel(rid: str, kind: str, target: str, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'.encode()


def add_rels(parts: dict[str, bytes], name: str, *rels: bytes) -> None:
    parts[name] = parts[name].replace(b"</Relationships>", b"".join(rels) + b"</Relationships>")


def add_types(parts: dict[str, bytes], **overrides: str) -> None:
    types = b"".join(f'<Override PartName="/{n}" ContentType="{t}"/>'.encode() for n, t in overrides.items())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", types + b"</Types>")


def main_type(parts: dict[str, bytes], content_type: str) -> None:
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(PRESENTATION.encode(), content_type.encode())


def active_template(path: Path, port: int) -> Path:
    """A macro-enabled template (.potm content, saved as .pptx) with macros, an embedded workbook and an ActiveX
    button on its master, and pictures linked from a web address and a file on its master and its slide (one of
    them also kept in the file)."""
    parts = deck_parts()
    main_type(parts, "application/vnd.ms-powerpoint.template.macroEnabled.main+xml")
    parts["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 pretend VBA that would run on opening"
    add_rels(parts, "ppt/_rels/presentation.xml.rels",
             rel("rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"))
    master = "ppt/slideMasters/slideMaster1.xml"
    parts[master] = parts[master].replace(b"</p:spTree>", (OLE_FRAME + LINKED_PICTURE).encode() + b"</p:spTree>" +
                                          CONTROLS.encode())
    parts["ppt/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0 pretend OLE object"
    parts["ppt/media/olepreview.png"] = parts[next(n for n in parts if n.startswith("ppt/media/"))]
    parts["ppt/activeX/activeX1.xml"] = (
        b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
        b'ax:classid="{D7053240-CE69-11CD-A777-00DD01143C57}" ax:persistence="persistStorage"/>')
    add_rels(parts, "ppt/slideMasters/_rels/slideMaster1.xml.rels",
             rel("rIdOle", f"{OD}/oleObject", "../embeddings/oleObject1.bin"),
             rel("rIdOlePic", f"{OD}/image", "../media/olepreview.png"),
             rel("rIdCtl", f"{OD}/control", "../activeX/activeX1.xml"),
             rel("rIdWeb", f"{OD}/image", f"http://127.0.0.1:{port}/photo.png", external=True))
    slide = "ppt/slides/slide1.xml"  # a picture linked only, and one linked and kept in the file too
    parts[slide] = parts[slide].replace(b"</p:spTree>", LINKED_PICTURE.encode() + b"</p:spTree>")
    parts[slide] = parts[slide].replace(b"<a:blip r:embed=", b'<a:blip r:link="rIdWeb" r:embed=')
    add_rels(parts, "ppt/slides/_rels/slide1.xml.rels",
             rel("rIdWeb", f"{OD}/image", "file:///etc/hostname", external=True))
    add_types(parts, **{"ppt/vbaProject.bin": "application/vnd.ms-office.vbaProject",
                        "ppt/embeddings/oleObject1.bin": "application/vnd.openxmlformats-officedocument.oleObject",
                        "ppt/activeX/activeX1.xml": "application/vnd.ms-office.activeX+xml"})
    return write_zip(path, packed(parts))


# --- running the commands, measuring their memory -------------------------------------------------------------

def run(args: list[str], cwd: Path) -> tuple[int, str, int]:
    """A command's exit code, its output (stdout and stderr) and its peak memory in bytes. A small process starts it
    and reads its peak: a child started from this one would count this process's own memory as its own."""
    peak = cwd / "peak.txt"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(peak), *args], cwd=cwd, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr, int(peak.read_text()) * 1024


def project(folder: Path, template: Path) -> Path:
    """An outline whose theme uses `template`; returns the outline."""
    (folder / "brand.yaml").write_text(f'name: Brand\ntemplate: {template.name}\ncolors: {{primary: "#1F497D"}}\n')
    outline = folder / "talk.yaml"
    outline.write_text("deck:\n  title: Hostile files\n  theme: brand.yaml\nslides:\n"
                       "  - {id: one, layout: bullets, title: One, bullets: [a point, another]}\n")
    return outline


def every_reader(tmp_path: Path, hostile: Path) -> dict[str, tuple[int, str, int]]:
    """What pull's reader, `deckbuilder import` and `deckbuilder build` on it as a template do with the file."""
    outline = project(tmp_path, hostile)
    return {"pull": run([sys.executable, "-m", "deckbuilder", "pull", hostile.name, "--dry-run"], tmp_path),
            "import": run([sys.executable, "-m", "deckbuilder", "import", hostile.name, "--out", "imported"], tmp_path),
            "build": run([sys.executable, "-m", "deckbuilder", "build", outline.name, "--out", "out"], tmp_path)}


@pytest.fixture
def listener():
    """A local web server that records every connection made to it: nothing may ever fetch a link."""
    server = socket.create_server(("127.0.0.1", 0))
    hits: list[str] = []

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            hits.append(conn.recv(200).decode(errors="replace"))
            conn.close()
    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()[1], hits
    server.close()


# --- the tests --------------------------------------------------------------------------------------------------

HOSTILE = {  # builder, the code pull and import give, the code a build on it as a template gives
    "media-bomb": (media_bomb, "package-too-large", "package-too-large"),
    "slide-xml-bomb": (xml_bomb, "package-too-large", "package-too-large"),
    "entity-bomb": (entity_bomb, "unsafe-package", "unsafe-package"),
    "lying-directory": (lying_directory, "not-a-deck", "bad-template"),
    "escaping-name": (escaping_name, "unsafe-package", "unsafe-package"),
    "duplicate-name": (duplicate_name, "unsafe-package", "unsafe-package"),
    "case-twin": (case_twin, "unsafe-package", "unsafe-package"),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_packages_are_refused_cleanly_everywhere(kind, tmp_path):
    make, deck_code, template_code = HOSTILE[kind]
    hostile = make(tmp_path / "hostile.pptx")
    for reader, (code, output, peak) in every_reader(tmp_path, hostile).items():
        expected = template_code if reader == "build" else deck_code
        assert code == 2, (reader, output)
        assert f"error[{expected}]" in output and "hostile.pptx" in output, (reader, output)
        assert "Traceback" not in output and "internal error" not in output, (reader, output)
        assert peak < PEAK, (reader, f"{peak / GiB:.2f} GiB")
    assert not (tmp_path / "imported").exists() and not list(tmp_path.glob("out/*.pptx"))
    assert not [p for p in (tmp_path.parent, tmp_path.parent.parent) if (p / "escaped.png").exists()]
    assert not list(tmp_path.rglob("escaped.png"))


@pytest.mark.slow
def test_each_refusal_names_the_part_and_the_limit(tmp_path):
    with pytest.raises(BuildError) as caught:
        open_package(media_bomb(tmp_path / "bomb.pptx"))
    (diag,) = caught.value.diagnostics
    assert diag.path.startswith("ppt/media/") and "1.0 GiB" in diag.message and "256 MiB for one part" in diag.message
    with pytest.raises(BuildError) as caught:
        open_package(xml_bomb(tmp_path / "slide.pptx"))
    (diag,) = caught.value.diagnostics
    assert diag.path == "ppt/slides/slide1.xml" and "32 MiB for an XML part" in diag.message
    with pytest.raises(BuildError) as caught:
        open_package(escaping_name(tmp_path / "escape.pptx"))
    assert caught.value.diagnostics[0].path == "../../escaped.png"


def test_the_count_the_total_and_the_ratio_are_limits_too(tmp_path, monkeypatch):
    parts = deck_parts()
    deck = write_zip(tmp_path / "deck.pptx", packed(parts))
    unpacked = sum(map(len, parts.values()))
    assert deck.stat().st_size < unpacked - 1
    for limit, value, words in (("MAX_PARTS", 5, "5 parts"), ("MAX_TOTAL", unpacked - 1, "in all")):
        with monkeypatch.context() as patch:
            patch.setattr(package_reader, limit, value)
            with pytest.raises(BuildError) as caught:
                open_package(deck)
        (diag,) = caught.value.diagnostics
        assert diag.code == "package-too-large" and words in diag.message
    with monkeypatch.context() as patch:
        patch.setattr(package_reader, "RATIO_FROM", 1000)
        patch.setattr(package_reader, "MAX_RATIO", 2)
        with pytest.raises(BuildError) as caught:
            open_package(deck)
    assert "times for a part over" in caught.value.diagnostics[0].message


@pytest.mark.slow
def test_active_content_and_links_are_removed_with_a_warning(tmp_path, listener):
    port, hits = listener
    hostile = active_template(tmp_path / "hostile.pptx", port)
    results = every_reader(tmp_path, hostile)
    for reader, (code, output, peak) in results.items():
        assert code == (2 if reader == "pull" else 0), (reader, output)  # pull: a deck deckbuilder did not build
        assert peak < PEAK and "Traceback" not in output
    assert "error[pull-foreign-deck]" in results["pull"][1]
    warning = results["pull"][1]  # said before the refusal
    assert "warning[content-removed]" in warning and "macros ('ppt/vbaProject.bin')" in warning
    assert "embedded object ('Budget workbook', Excel.Sheet.8)" in warning and "ActiveX control" in warning
    assert f"'http://127.0.0.1:{port}/photo.png'" in warning and "'file:///etc/hostname'" in warning
    assert "warning[content-removed]: removed from the template: macros" in results["build"][1]
    imported = results["import"][1]
    assert "slide 1 \"A deck from outside\": a linked picture 'file:///etc/hostname' cannot be imported" in imported
    assert "deck: removed when the deck was opened, and not imported: macros ('ppt/vbaProject.bin')" in imported
    assert "1 picture(s) written" in imported  # the picture kept in the file as well as linked
    built = tmp_path / "out" / "talk.pptx"
    with zipfile.ZipFile(built) as deck:
        names = deck.namelist()
        xml = b"".join(deck.read(n) for n in names if n.endswith((".xml", ".rels")))
        types = deck.read("[Content_Types].xml").decode()
    assert not [n for n in names if "vbaProject" in n or "embeddings" in n or "activeX" in n or "olepreview" in n]
    assert b"oleObj" not in xml and b"p:controls" not in xml and b"TargetMode" not in xml and b"127.0.0.1" not in xml
    assert f'PartName="/ppt/presentation.xml" ContentType="{PRESENTATION}"' in types and "macroEnabled" not in types
    assert validate_pptx(built) == []
    assert hits == []  # the linked pictures were never fetched


@pytest.mark.parametrize("content_type", [
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",  # .potx
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",  # .ppsx
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",  # .pptm
])
def test_templates_shows_and_macro_decks_open_as_plain_presentations(content_type, tmp_path):
    parts = deck_parts()
    main_type(parts, content_type)
    package = open_package(write_zip(tmp_path / "saved-as.pptx", packed(parts)))
    assert f'ContentType="{PRESENTATION}"'.encode() in package.parts["[Content_Types].xml"]
    assert content_type.encode() not in package.parts["[Content_Types].xml"]
    assert len(Presentation(io.BytesIO(package.zipped())).slides) == 1


def test_a_word_document_is_not_a_deck(tmp_path):
    parts = deck_parts()
    main_type(parts, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    with pytest.raises(BuildError) as caught:
        open_package(write_zip(tmp_path / "letter.pptx", packed(parts)), "template")
    (diag,) = caught.value.diagnostics
    assert diag.code == "bad-template" and "wordprocessingml" in diag.message


REAL_DECKS = sorted(CORPUS.glob("*.pptx")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not REAL_DECKS, reason=f"the real-deck corpus is not at {CORPUS}")
@pytest.mark.parametrize("deck", REAL_DECKS, ids=lambda p: p.stem)
def test_every_real_deck_opens_through_the_guarded_reader(deck):
    package = open_package(deck)
    prs = Presentation(io.BytesIO(package.zipped()))
    assert len(prs.slides) > 0 and prs.part.content_type == PRESENTATION
    assert all(r.kind in ("embedded object", "linked object") for r in package.removed)  # and nothing else


@pytest.mark.skipif(not REAL_DECKS, reason=f"the real-deck corpus is not at {CORPUS}")
def test_a_real_template_with_embedded_objects_on_its_masters_builds_without_them(tmp_path):
    template = tmp_path / "security.pptx"
    shutil.copy(CORPUS / "poi-alterman-security.pptx", template)
    (result,) = build([project(tmp_path, template)], Options(out=tmp_path / "out"))
    assert result.ok and [d.code for d in result.diagnostics].count("content-removed") == 1
    with zipfile.ZipFile(result.output) as deck:
        assert not [n for n in deck.namelist() if "embeddings" in n or n.endswith(".vml")]
    assert validate_pptx(result.output) == []


def test_the_readme_gives_the_limits_as_they_are():
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    limits = package_reader
    for said in (f"more than {limits.MAX_TOTAL >> 20} MiB unpacked", f"a part over {limits.MAX_PART >> 20} MiB",
                 f"an XML part over {limits.MAX_XML_PART >> 20} MiB", f"more than {limits.MAX_PARTS:,} parts",
                 f"a part over {limits.RATIO_FROM >> 20} MiB that inflates more than {limits.MAX_RATIO} times"):
        assert said in readme
