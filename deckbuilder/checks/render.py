"""Render check: LibreOffice draws a colour-tagged copy of the deck; every glyph must stay in its own shape."""
from __future__ import annotations

import ctypes
import posixpath
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from lxml import etree

from ..errors import Diagnostic, Loc, Problem

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
EMU_PER_PT = 12_700
TOLERANCE_PT = 1.0
TIMEOUT_S = 300
INSTALL = "apt-get install -y libreoffice-impress"
EXPECTED_FACES = ("carlito", "caladea", "liberationsans", "liberationserif", "dejavusans")
FILLS = ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")
LINKS = ("hlinkClick", "hlinkMouseOver")  # LibreOffice draws links in its own colour, so the copy drops them


class RenderUnavailable(Problem):
    """LibreOffice is not installed, so the deck cannot be rendered."""


class RenderFailed(Problem):
    """LibreOffice ran but gave no PDF (crash, timeout, unreadable deck)."""


@dataclass(frozen=True)
class TaggedShape:
    """A text shape of the deck, the colour its text was given, its box in points and its text."""

    slide: int
    title: str
    name: str
    color: int
    box: tuple[float, float, float, float] | None  # left, top, right, bottom in points; None: inherited
    text: str


@dataclass(frozen=True)
class Glyph:
    """One character LibreOffice drew: slide coordinates in points, y downwards from the top.

    left is its origin (a j or an italic may ink a little left of it), right the end of its advance or ink;
    top and bottom are its ink (accents, descenders).
    """

    page: int
    char: str
    color: int
    left: float
    top: float
    right: float
    bottom: float
    baseline: float
    font: str


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise RenderUnavailable(f"LibreOffice (soffice) is not installed; install it with: {INSTALL}")
    return found


def render_pdf(pptx: Path, outdir: Path, timeout: float = TIMEOUT_S) -> Path:
    """Convert `pptx` to PDF in `outdir` with a private LibreOffice profile; the PDF's path."""
    exe = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf",
               "--outdir", str(outdir), str(pptx)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise RenderFailed(f"LibreOffice did not convert {pptx.name} within {timeout:.0f} s") from exc
    pdf = outdir / (pptx.stem + ".pdf")
    if not pdf.exists():
        raise RenderFailed(f"LibreOffice gave no PDF for {pptx.name}: {(done.stderr or done.stdout).strip()[-500:]}")
    return pdf


def check_rendered(pptx: Path, workdir: Path) -> list[Diagnostic]:
    """Render a tagged copy of `pptx` and report text that leaves its shape, goes missing or falls back."""
    workdir.mkdir(parents=True, exist_ok=True)
    tagged = workdir / f"{pptx.stem}.tagged.pptx"
    shapes, slide_size = tag_copy(pptx, tagged)
    glyphs = read_glyphs(render_pdf(tagged, workdir), slide_size)
    return findings(shapes, glyphs, slide_size, Loc(str(pptx)))


def findings(shapes: list[TaggedShape], glyphs: list[Glyph], slide_size: tuple[float, float],
             where: Loc | None = None) -> list[Diagnostic]:
    """Compare what LibreOffice drew with the tagged shapes: overflow, missing glyphs, fallback fonts."""
    by_color: dict[int, list[Glyph]] = defaultdict(list)
    for glyph in glyphs:
        by_color[glyph.color].append(glyph)
    diags = []
    for shape in shapes:
        diags += _overflow(shape, by_color.get(shape.color, []), slide_size, where)
        diags += _missing(shape, by_color.get(shape.color, []), where)
    return diags + _fonts(glyphs, {s.color: s for s in shapes}, where)


# --- the tagged copy -------------------------------------------------------------------------------

def tag_copy(pptx: Path, dest: Path) -> tuple[list[TaggedShape], tuple[float, float]]:
    """Write a copy without autofit whose text shapes each have their own text colour."""
    with zipfile.ZipFile(pptx) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    xml = b"".join(blob for name, blob in parts.items() if name.endswith(".xml"))
    used = {int(v, 16) for v in re.findall(rb'val="([0-9A-Fa-f]{6})"', xml)}
    colors = (c for c in range(0x010000, 0xFFFFFF) if c not in used)
    shapes: list[TaggedShape] = []
    slides = slide_parts(parts)
    for name in [n for n in parts if re.match(r"ppt/(slides|slideLayouts|slideMasters)/[^/]+\.xml$", n)]:
        root = etree.fromstring(parts[name])
        _no_autofit(root)
        if name in slides:
            shapes += _tag_slide(root, slides.index(name) + 1, colors)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for name, blob in parts.items():
            out.writestr(name, blob)
    return shapes, slide_size(parts["ppt/presentation.xml"])


def _no_autofit(root) -> None:
    for old in root.xpath(".//a:bodyPr/a:normAutofit | .//a:bodyPr/a:spAutoFit", namespaces=NS):
        old.addprevious(etree.Element(f"{{{NS['a']}}}noAutofit"))
        old.getparent().remove(old)


def _tag_slide(root, number: int, colors) -> list[TaggedShape]:
    """Paint each text shape of a slide in the next free colour; shapes inside groups have no own box."""
    title, tagged = slide_title(root), []
    for sp in root.iterfind(".//p:cSld/p:spTree//p:sp[p:txBody]", NS):
        if not _text(sp).strip():
            continue
        color = next(colors)
        _paint(sp, f"{color:06X}")
        box = _box(sp) if etree.QName(sp.getparent()).localname == "spTree" else None
        tagged.append(TaggedShape(number, title, _name(sp), color, box, _text(sp)))
    return tagged


def slide_parts(parts: dict[str, bytes]) -> list[str]:
    """The slide part names in presentation order."""
    pres = etree.fromstring(parts["ppt/presentation.xml"])
    rels = etree.fromstring(parts["ppt/_rels/presentation.xml.rels"])
    targets = {r.attrib["Id"]: r.attrib["Target"] for r in rels.iterfind("rel:Relationship", NS)}
    ids = [s.attrib[f"{{{NS['r']}}}id"] for s in pres.iterfind("p:sldIdLst/p:sldId", NS)]
    return [posixpath.normpath(posixpath.join("ppt", targets[i])).lstrip("/") for i in ids]


def slide_size(presentation: bytes) -> tuple[float, float]:
    size = etree.fromstring(presentation).find("p:sldSz", NS)
    if size is None:  # optional in the schema, though every deck deckbuilder writes has one
        raise RenderFailed("the deck gives no slide size (p:sldSz in ppt/presentation.xml)")
    return int(size.attrib["cx"]) / EMU_PER_PT, int(size.attrib["cy"]) / EMU_PER_PT


def slide_title(root) -> str:
    for sp in root.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            return " ".join(_text(sp).split())
    return ""


def _paint(sp, hex_color: str) -> None:
    """Give every run and field of the shape one solid colour (links dropped); bullets follow the text colour."""
    for bu_clr in sp.iterfind(".//a:buClr", NS):
        bu_clr.getparent().remove(bu_clr)
    for run in sp.iterfind("p:txBody/a:p/*", NS):
        if etree.QName(run).localname not in ("r", "fld"):
            continue
        rpr = run.find("a:rPr", NS)
        if rpr is None:
            rpr = etree.Element(f"{{{NS['a']}}}rPr")
            run.insert(0, rpr)
        for old in [c for c in rpr if etree.QName(c).localname in FILLS + LINKS]:
            rpr.remove(old)
        fill = etree.Element(f"{{{NS['a']}}}solidFill")
        etree.SubElement(fill, f"{{{NS['a']}}}srgbClr", val=hex_color)
        line = rpr.find("a:ln", NS)
        rpr.insert(0 if line is None else 1, fill)


def _name(sp) -> str:
    return sp.find("p:nvSpPr/p:cNvPr", NS).get("name", "")


def _box(sp) -> tuple[float, float, float, float] | None:
    off, ext = sp.find("p:spPr/a:xfrm/a:off", NS), sp.find("p:spPr/a:xfrm/a:ext", NS)
    if off is None or ext is None:
        return None
    x, y = int(off.get("x")) / EMU_PER_PT, int(off.get("y")) / EMU_PER_PT
    return x, y, x + int(ext.get("cx")) / EMU_PER_PT, y + int(ext.get("cy")) / EMU_PER_PT


def _text(sp) -> str:
    return "\n".join("".join(p.itertext()) for p in sp.iterfind("p:txBody/a:p", NS))


# --- reading the PDF -------------------------------------------------------------------------------

def read_glyphs(pdf: Path, slide: tuple[float, float]) -> list[Glyph]:
    """Every drawn (not generated, not blank) character of the PDF, in slide points."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [g for index in range(len(doc)) for g in _page_glyphs(doc[index], index, slide)]
    finally:
        doc.close()


def _page_glyphs(page, index: int, slide: tuple[float, float]) -> list[Glyph]:
    width, height = page.get_size()
    scale = slide[0] / width
    text = page.get_textpage()
    handle, glyphs = text.raw, []
    for i in range(pdfium_c.FPDFText_CountChars(handle)):
        char = "-" if pdfium_c.FPDFText_IsHyphen(handle, i) == 1 else chr(pdfium_c.FPDFText_GetUnicode(handle, i))
        if char.isspace() or not char.isprintable() or pdfium_c.FPDFText_IsGenerated(handle, i) == 1:
            continue
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        pdfium_c.FPDFText_GetCharBox(handle, i, left, right, bottom, top)  # the ink
        loose = pdfium_c.FS_RECTF()  # the ink and the advance
        pdfium_c.FPDFText_GetLooseCharBox(handle, i, loose)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(handle, i, ox, oy)
        glyphs.append(Glyph(index + 1, char, _color(handle, i), ox.value * scale, (height - top.value) * scale,
                            loose.right * scale, (height - bottom.value) * scale, (height - oy.value) * scale,
                            _font(handle, i)))
    return glyphs


def _color(handle, i: int) -> int:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFText_GetFillColor(handle, i, r, g, b, a)
    return r.value << 16 | g.value << 8 | b.value


def _font(handle, i: int) -> str:
    buffer, flags = ctypes.create_string_buffer(256), ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(handle, i, buffer, len(buffer), flags)
    return buffer.value.decode("utf-8", "replace").split("+")[-1]


# --- the findings --------------------------------------------------------------------------------

def _where_in_deck(shape: TaggedShape) -> str:
    title = f' "{shape.title}"' if shape.title else ""
    return f'slide {shape.slide}{title}, shape "{shape.name}"'


def _overflow(shape: TaggedShape, glyphs: list[Glyph], slide: tuple[float, float],
              where: Loc | None) -> list[Diagnostic]:
    if not glyphs:
        return []
    left, top = min(g.left for g in glyphs), min(g.top for g in glyphs)
    right, bottom = max(g.right for g in glyphs), max(g.bottom for g in glyphs)
    sides = {"left": -left, "top": -top, "right": right - slide[0], "bottom": bottom - slide[1]}
    off_slide = {side: d for side, d in sides.items() if d > TOLERANCE_PT}
    off_box = {}
    if shape.box:
        x0, y0, x1, y1 = shape.box
        sides = {"left": x0 - left, "top": y0 - top, "right": right - x1, "bottom": bottom - y1}
        off_box = {side: d for side, d in sides.items() if d > TOLERANCE_PT}
    if not off_box and not off_slide:
        return []
    parts = [f"leaves its box by {_amounts(off_box)}"] if off_box else []
    parts += [f"leaves the slide by {_amounts(off_slide)}"] if off_slide else []
    return [Diagnostic("error", "render-overflow", f"{_where_in_deck(shape)}: the rendered text " + " and ".join(parts),
                       where, f"slide {shape.slide}/{shape.name}",
                       "LibreOffice needs more room than the layout planned: shorten the text or give it more "
                       "space, and report the slide as a measuring bug")]


def _amounts(sides: dict[str, float]) -> str:
    return ", ".join(f"{d:.1f} pt at the {side}" for side, d in sides.items())


def _comparable(text: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFKC", text).casefold() if not c.isspace() and c.isprintable())


def _missing(shape: TaggedShape, glyphs: list[Glyph], where: Loc | None) -> list[Diagnostic]:
    lost = _comparable(shape.text) - _comparable("".join(g.char for g in glyphs))
    unfonted = Counter({c: n for c, n in lost.items() if not _installed_font_has(c)})
    lost -= unfonted
    found = []
    if unfonted:
        found.append(Diagnostic("warning", "render-no-font", f"{_where_in_deck(shape)}: no font on this machine has "
                                f"{''.join(sorted(unfonted))[:20]!r}, so LibreOffice did not draw it here",
                                where, f"slide {shape.slide}/{shape.name}",
                                "PowerPoint draws it with the system's emoji or symbol font; to see it here, install "
                                "one (e.g. fonts-noto-color-emoji)"))
    if lost:
        count, sample = sum(lost.values()), "".join(sorted(lost))[:20]
        found.append(Diagnostic("error", "render-missing", f"{_where_in_deck(shape)}: {count} character(s) of the "
                                f"text are not on the rendered page ({sample!r})", where,
                                f"slide {shape.slide}/{shape.name}",
                                "LibreOffice drops glyphs beyond the slide edge: the text overflows its box or the "
                                "slide"))
    return found


def _installed_font_has(char: str) -> bool:
    """Whether fontconfig knows a font with the character (True when it cannot be asked)."""
    if not shutil.which("fc-list"):
        return True
    found = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True)
    return found.returncode != 0 or bool(found.stdout.strip())


def _fonts(glyphs: list[Glyph], shapes: dict[int, TaggedShape], where: Loc | None) -> list[Diagnostic]:
    strays: dict[tuple[str, str, str], str] = defaultdict(str)
    for g in glyphs:
        if not g.font.replace(" ", "").replace("-", "").lower().startswith(EXPECTED_FACES):
            shape = shapes.get(g.color)
            place = _where_in_deck(shape) if shape else f"page {g.page}"
            strays[(place, f"slide {shape.slide}/{shape.name}" if shape else f"page {g.page}", g.font)] += g.char
    return [Diagnostic("warning", "render-font", f"{place}: {len(chars)} character(s) ({chars[:20]!r}) were set in "
                       f"{font!r}, which is not a measured face", where, path,
                       "a fallback font invalidates the measurement: use Calibri, Arial, Cambria or Times New "
                       "Roman and install the metric-compatible fonts (Carlito, Liberation, Caladea)")
            for (place, path, font), chars in strays.items()]


def render_check(data: bytes, name: str) -> list[Diagnostic]:
    """check_rendered on a deck held in memory (as `deckbuilder check --render` has it)."""
    with tempfile.TemporaryDirectory(prefix="render-check-") as tmp:
        path = Path(tmp) / f"{name}.pptx"
        path.write_bytes(data)
        return check_rendered(path, Path(tmp))
