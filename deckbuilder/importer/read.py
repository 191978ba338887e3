"""Reading a .pptx into found.py's plain records: the only importer module that imports python-pptx, and only
to read (writing decks stays in deckbuilder/render/, the one place that writes with python-pptx)."""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.oxml.ns import qn

from ..errors import Loc, fail
from ..layout.ir import Box
from ..package_reader import Removed, describe, open_package
from ..source import display_path
from .alternate import resolve_alternates
from .charts import read_chart
from .diagrams import data_rel_id, diagram_paras
from .found import DeckFound, Oddity, PictureShape, SlideFound, TableShape, TextShape, clean
from .paragraphs import paragraphs, texts_in

Place = Callable[[float, float, float, float], Box]  # child coordinates -> slide coordinates
ROLES = {"title": "title", "ctrTitle": "title", "subTitle": "subtitle", "body": "body", "obj": "body",
         "dt": "date", "ftr": "footer", "hdr": "footer", "sldNum": "number"}
URI_TABLE = "http://schemas.openxmlformats.org/drawingml/2006/table"
URI_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
URI_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
MEDIA = {"videoFile": "video", "quickTimeFile": "video", "audioFile": "audio", "wavAudioFile": "audio"}
QUOTES = "“\"‘'«„—–-"  # a quotation or an attribution is not a title
P14_MEDIA = "{http://schemas.microsoft.com/office/powerpoint/2010/main}media"


def read_deck(path: Path) -> DeckFound:
    """Everything deckbuilder can use from a .pptx, and a record of what it cannot.

    The file is opened through the guarded reader: what it removed (embedded objects, controls, links) is said
    on the slide that held it, or once for the deck.

    Raises BuildError('file-not-found', 'not-a-deck', 'package-too-large' or 'unsafe-package') when the file
    cannot be opened as a deck."""
    shown = display_path(Path(path))
    if not Path(path).is_file():
        raise fail("file-not-found", f"{shown} does not exist", Loc(shown), hint="give the path of a .pptx file")
    package = open_package(Path(path))
    try:
        prs = Presentation(io.BytesIO(package.zipped()))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise package.unreadable(str(exc)) from None
    width, height = prs.slide_width or 9_144_000, prs.slide_height or 6_858_000
    core = prs.core_properties
    slides = [_slide(n, s, height, package.removed) for n, s in enumerate(prs.slides, start=1)]
    transitions = sum(1 for s in prs.slides if _has_transition(s._element))
    on_slides = {str(s.part.partname).lstrip("/") for s in prs.slides}
    return DeckFound(Path(path).name, width, height, slides, clean(core.title or ""), clean(core.subject or ""),
                     clean(core.author or ""), transitions,
                     describe([r for r in package.removed if r.part not in on_slides]))


def _has_transition(element) -> bool:
    """Whether the slide has a transition effect (LibreOffice writes empty transitions on every slide)."""
    return any(len(t) or t.get("advTm") for t in element.iter(qn("p:transition")))


def _slide(number: int, slide, height: int, removed: list[Removed]) -> SlideFound:
    found = SlideFound(number, slide.slide_layout.name or "", hidden=slide._element.get("show") in ("0", "false"))
    part = str(slide.part.partname).lstrip("/")
    found.oddities += [Oddity(r.kind, r.name, r.detail) for r in removed if r.part == part]
    found.oddities += resolve_alternates(slide._element)
    types = {ph.get("type") for ph in slide._element.iter(qn("p:ph"))}
    found.cover = bool(types & {"ctrTitle", "subTitle"}) or "title slide" in found.layout.lower()
    links = _links(slide.part)
    identity: Place = lambda x, y, w, h: Box(int(x), int(y), int(w), int(h))  # noqa: E731
    for shape in slide.shapes:
        _shape(shape, found, links, identity, slide.part, grouped=False)
    _unread_elements(slide.shapes._spTree, found)
    _pick_title(found, height)
    found.notes = _notes(slide)
    found.animations = len(slide._element.findall(".//" + qn("p:timing") + "//" + qn("p:cTn") + "[@presetClass]"))
    background = slide._element.find(qn("p:cSld") + "/" + qn("p:bg") + "//" + qn("a:blip"))
    if background is not None:
        found.oddities.append(Oddity("background picture", "slide background"))
    return found


def _links(part) -> Callable[[str], str | None]:
    def resolve(rid: str) -> str | None:
        rel = part.rels.get(rid) if hasattr(part.rels, "get") else None
        if rel is None or not rel.is_external:
            return None
        return rel.target_ref
    return resolve


def _box(shape, place: Place) -> Box:
    try:
        x, y, w, h = shape.left, shape.top, shape.width, shape.height
    except (AttributeError, ValueError):
        x = y = w = h = None
    return place(x or 0, y or 0, w or 0, h or 0)


def _shape(shape, found: SlideFound, links, place: Place, part, grouped: bool) -> None:
    tag = shape._element.tag
    if tag == qn("p:grpSp"):
        _group(shape, found, links, place, part)
    elif tag == qn("p:pic"):
        _picture(shape, found, place)
    elif tag == qn("p:graphicFrame"):
        _frame(shape, found, links, place, part)
    elif tag == qn("p:cxnSp"):
        found.plain_shapes.append("line")
    elif tag == qn("p:sp"):
        _text_shape(shape, found, links, place, part, grouped)
    else:
        found.oddities.append(Oddity("shape deckbuilder cannot read", shape.name or tag.split("}")[-1],
                                     paras=texts_in(shape._element)))


def _group(group, found: SlideFound, links, place: Place, part) -> None:
    for child in group.shapes:
        _shape(child, found, links, _inside(group, place), part, grouped=True)
    _unread_elements(group._element, found)


def _inside(group, place: Place) -> Place:
    """Where a group's children are on the slide: the group's own frame maps its child coordinates."""
    xfrm = group._element.find(qn("p:grpSpPr") + "/" + qn("a:xfrm"))
    if xfrm is None:
        return place
    off, ext, ch_off, ch_ext = (xfrm.find(qn(t)) for t in ("a:off", "a:ext", "a:chOff", "a:chExt"))
    if None in (off, ext, ch_off, ch_ext):
        return place
    ox, oy, ew, eh = int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy"))
    cx, cy = int(ch_off.get("x")), int(ch_off.get("y"))
    sx, sy = ew / (int(ch_ext.get("cx")) or 1), eh / (int(ch_ext.get("cy")) or 1)
    return lambda x, y, w, h: place(ox + (x - cx) * sx, oy + (y - cy) * sy, w * sx, h * sy)


def _unread_elements(tree, found: SlideFound) -> None:
    """What python-pptx does not list as shapes: ink."""
    for child in tree:
        if child.tag == qn("p:contentPart"):
            found.oddities.append(Oddity("ink drawing", "ink"))


def _text_shape(shape, found: SlideFound, links, place: Place, part, grouped: bool) -> None:
    ph = shape._element.find(".//" + qn("p:nvPr") + "/" + qn("p:ph"))
    role = "text"
    if ph is not None:
        role = ROLES.get(ph.get("type") or "obj", "body")
    body = shape._element.find(qn("p:txBody"))
    paras = paragraphs(body, links, listed_by_default=role == "body")
    _picture_fill(shape, found, place, part)
    if not any(p.text for p in paras):
        if ph is None and shape._element.find(qn("p:nvSpPr") + "/" + qn("p:cNvSpPr")).get("txBox") != "1":
            found.plain_shapes.append(_plain_kind(shape))
        return
    kind = "placeholder" if ph is not None else "group" if grouped else \
        "text box" if shape._element.find(qn("p:nvSpPr") + "/" + qn("p:cNvSpPr")).get("txBox") == "1" else "shape"
    found.texts.append(TextShape(shape.name or "", _box(shape, place), paras, role, kind))


def _plain_kind(shape) -> str:
    geom = shape._element.find(qn("p:spPr") + "/" + qn("a:prstGeom"))
    if geom is not None:
        return geom.get("prst", "shape")
    return "freeform" if shape._element.find(qn("p:spPr") + "/" + qn("a:custGeom")) is not None else "shape"


def _picture_fill(shape, found: SlideFound, place: Place, part) -> bool:
    """A shape filled with a picture: the picture is taken as a picture of the slide."""
    blip = shape._element.find(qn("p:spPr") + "/" + qn("a:blipFill") + "/" + qn("a:blip"))
    rid = blip.get(qn("r:embed")) if blip is not None else None
    if not rid:
        return False
    try:
        image_part = part.related_part(rid)
        blob, ext = image_part.blob, image_part.partname.ext
    except (KeyError, AttributeError):
        return False
    alt = shape._element.find(".//" + qn("p:cNvPr")).get("descr", "")
    found.pictures.append(PictureShape(shape.name or "", _box(shape, place), blob, ext.lower(), clean(alt)))
    return True


def _picture(pic, found: SlideFound, place: Place) -> None:
    c_nv_pr = pic._element.find(".//" + qn("p:cNvPr"))
    name = pic.name or "picture"
    media = _media(pic)
    if media:
        found.oddities.append(Oddity(media[0], name, media[1], texts_in(c_nv_pr) if c_nv_pr is not None else []))
        return
    try:
        image = pic.image
        blob, ext = image.blob, image.ext
    except (AttributeError, KeyError, ValueError):  # its file is missing (linked pictures were removed on opening)
        found.oddities.append(Oddity("picture whose file is not inside the deck", name))
        return
    found.pictures.append(PictureShape(name, _box(pic, place), blob, ext.lower(), clean(c_nv_pr.get("descr", "")),
                                       _decorative(c_nv_pr), *_crop(pic)))


def _media(pic) -> tuple[str, str] | None:
    """('video' or 'audio', where it is) for a media shape (linked ones were removed when the deck was opened),
    else None."""
    nv_pr = pic._element.find(qn("p:nvPicPr") + "/" + qn("p:nvPr"))
    if nv_pr is None:
        return None
    for child in nv_pr:
        local = child.tag.split("}")[-1]
        if local in MEDIA:
            return MEDIA[local], "embedded in the deck"
    if nv_pr.find(".//" + P14_MEDIA) is not None:
        return "video", "embedded in the deck"
    return None


def _decorative(c_nv_pr) -> bool:
    return any(el.get("val") in ("1", "true") for el in c_nv_pr.iter(f"{{{ADEC}}}decorative"))


def _crop(pic) -> tuple[tuple[float, float], bool]:
    """The centre of the part of the picture shown (as fractions), and whether the deck crops it."""
    rect = pic._element.find(qn("p:blipFill") + "/" + qn("a:srcRect"))
    if rect is None:
        return (0.5, 0.5), False
    left, top, right, bottom = (int(rect.get(k, "0")) / 100_000 for k in ("l", "t", "r", "b"))
    if not any((left, top, right, bottom)):
        return (0.5, 0.5), False
    centre = (min(max((left + 1 - right) / 2, 0.0), 1.0), min(max((top + 1 - bottom) / 2, 0.0), 1.0))
    return (round(centre[0], 2), round(centre[1], 2)), True


def _frame(frame, found: SlideFound, links, place: Place, part) -> None:
    data = frame._element.find(qn("a:graphic") + "/" + qn("a:graphicData"))
    uri = data.get("uri") if data is not None else ""
    name = frame.name or "graphic"
    if uri == URI_CHART:
        _chart(frame, found, place, part)
    elif uri == URI_TABLE:
        _table(frame, found, links, place)
    elif uri == URI_DIAGRAM:
        _smartart(frame, data, found, place, part)
    else:
        found.oddities.append(Oddity("graphic deckbuilder cannot read", name, uri or "", texts_in(data)))


def _chart(frame, found: SlideFound, place: Place, part) -> None:
    try:
        space = part.related_part(frame._element.chart_rId)._element
        found.charts.append(read_chart(space, frame.name or "chart", _box(frame, place)))
    except (AttributeError, KeyError, ValueError, IndexError) as exc:
        found.oddities.append(Oddity("chart deckbuilder cannot read", frame.name or "chart", str(exc),
                                     texts_in(frame._element)))


def _table(frame, found: SlideFound, links, place: Place) -> None:
    """A table, its first row the header when the table marks it so or sets it in bold; a table of a single cell
    is a text box drawn as a table, and read as one."""
    table = frame.table
    rows, merged = [], False
    for row in table.rows:
        cells = []
        for cell in row.cells:
            merged = merged or cell.is_merge_origin or cell.is_spanned
            cells.append([] if cell.is_spanned else paragraphs(cell._tc.txBody, links))
        rows.append(cells)
    name, box = frame.name or "table", _box(frame, place)
    if len(rows) == 1 and len(rows[0]) == 1:
        found.texts.append(TextShape(name, box, rows[0][0], "text", "table"))
        return
    props = frame._element.find(".//" + qn("a:tblPr"))
    marked = props is not None and props.get("firstRow") in ("1", "true")
    bold = all(p.bold for cell in rows[0] for p in cell if p.text) and any(p.text for cell in rows[0] for p in cell)
    found.tables.append(TableShape(name, box, rows, merged, marked or bold))


def _smartart(frame, data, found: SlideFound, place: Place, part) -> None:
    rid = data_rel_id(data)
    try:
        paras = diagram_paras(part.related_part(rid).blob) if rid else []
    except (KeyError, ValueError, SyntaxError) as exc:
        found.oddities.append(Oddity("SmartArt graphic deckbuilder cannot read", frame.name or "SmartArt",
                                     str(exc)))
        return
    found.oddities.append(Oddity("SmartArt graphic", frame.name or "SmartArt", f"{len(paras)} text items"))
    if paras:
        found.texts.append(TextShape(frame.name or "SmartArt", _box(frame, place), paras, "body", "SmartArt"))


def _notes(slide) -> str:
    """The speaker notes: the notes page's body, or (LibreOffice writes plain text boxes) every text on it but
    the slide image, number, header, footer and date."""
    if not slide.has_notes_slide:
        return ""
    resolve_alternates(slide.notes_slide._element)
    lines = []
    for shape in slide.notes_slide.shapes:
        ph = shape._element.find(".//" + qn("p:nvPr") + "/" + qn("p:ph"))
        if ph is not None and ph.get("type") in ("sldImg", "sldNum", "hdr", "ftr", "dt"):
            continue
        body = shape._element.find(qn("p:txBody"))
        lines += [clean("".join(r.text for r in p.runs)) for p in paragraphs(body, lambda rid: None)]
    return clean("\n".join(lines), lines=True).strip()


def _pick_title(found: SlideFound, height: int) -> None:
    """One title per slide. LibreOffice marks every text of some decks as a title: the topmost short one wins.
    Decks made of loose text boxes have none: a short plain line at the top, above the rest, is taken as it."""
    titles = [t for t in found.texts if t.role == "title" and t.text]
    if len(titles) > 1:
        short = [t for t in titles if len(t.text) <= 150] or titles
        best = min(short, key=lambda t: (t.box.y, t.box.x))
        for t in titles:
            if t is not best:
                t.role = "text"
    elif not titles:
        texts = [t for t in found.texts if t.text and t.role in ("text", "body")]
        top = min(texts, key=lambda t: (t.box.y, t.box.x), default=None)
        paras = [p for p in top.paras if p.text] if top else []
        others = [t.box for t in texts if t is not top] + [p.box for p in found.pictures] + \
            [c.box for c in found.charts] + [t.box for t in found.tables]
        if top is not None and len(paras) == 1 and not paras[0].listed and len(paras[0].text) <= 120 and \
                paras[0].text[:1] not in QUOTES and \
                top.box.y < height * 0.25 and others and all(b.y >= top.box.bottom - height * 0.02 for b in others):
            top.role = "title"
