"""Reading an organisation's .pptx template: slide size, layouts, placeholder boxes, colours and fonts."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout

from ..colors import WHOLE, ThemeColor, lum_changed
from ..errors import Diagnostics, Loc, fail
from ..layout.ir import Box, Template, TemplateLayout
from ..package_reader import Package, open_package
from ..source import display_path

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
CONTENT_NAMES = ("Title and Content", "Title, Content")
MAPPED = {"tx1": "dk1", "tx2": "dk2", "bg1": "lt1", "bg2": "lt2"}


def inspect_template(path: Path, diags: Diagnostics) -> Template:
    """The template's geometry and colours; a clear error when the file is not a usable .pptx, a warning
    saying what was removed from it (macros, embedded objects, links)."""
    shown = display_path(path)
    if not path.is_file():
        raise fail("file-not-found", f"the template {shown} does not exist", Loc(shown), "theme.template",
                   "paths are relative to the theme file")
    prs, package = open_template(path)
    warning = package.warning()
    if warning:
        diags.add(warning)
    if not (prs.slide_width and prs.slide_height):
        raise package.unreadable("it gives no slide size")
    master = prs.slide_masters[0]
    scheme = _scheme(master)
    chosen = chosen_layouts(prs)
    layouts = {name: _layout(layout, _sample(prs, layout), scheme) for name, layout in chosen.items()}
    content = next((n for n in CONTENT_NAMES if n in chosen), None)
    if content:  # titles line up: every layout of the content master takes its title's place
        layouts = {name: _aligned(info, layouts[content]) if chosen[name].slide_master == chosen[content].slide_master
                   else info for name, info in layouts.items()}
    footers = [ph.top for ph in iter(master.placeholders)  # iter(): mypy misreads python-pptx's own __iter__
               if ph.placeholder_format.type in FOOTERS]
    return Template(str(path), prs.slide_width, prs.slide_height, layouts, scheme, _fonts(master),
                    min(footers) if footers else None, _sizes(master))


def open_template(path: Path) -> tuple[PresentationType, Package]:
    """The template as python-pptx opens it, through the guarded reader (limits, safe XML, active content and
    links removed, a plain presentation whatever it was saved as), and that reader's package."""
    package = open_package(path, "template")
    try:
        return Presentation(io.BytesIO(package.zipped())), package
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise package.unreadable(str(exc)) from None


def chosen_layouts(prs) -> dict:
    """One layout per name: the one the template's own sample slides use (of several samples on layouts of one
    name, on different masters, the one with the most room for text); else the one of the master its sample
    content slide uses (that master's decoration suits content); else the first master's."""
    sampled: dict[str, SlideLayout] = {}
    for slide in sorted(prs.slides, key=_room, reverse=True):
        sampled.setdefault(slide.slide_layout.name, slide.slide_layout)
    content = next((sampled[n] for n in CONTENT_NAMES if n in sampled), None)
    masters = list(prs.slide_masters)
    if content is not None:
        masters.insert(0, content.slide_master)
    found: dict[str, SlideLayout] = {}
    for master in masters:
        for layout in master.slide_layouts:
            found.setdefault(layout.name, layout)
    return {**found, **sampled}


def _sample(prs, layout):
    """The template's own slide on `layout` with the most room for text (its placeholders show the
    intended places), or None."""
    samples = [slide for slide in prs.slides if slide.slide_layout == layout]
    return max(samples, key=_room, default=None)


def _room(slide) -> int:
    return max((ph.width * ph.height for ph in slide.placeholders if ph.width is not None
                and ph.placeholder_format.type not in FOOTERS), default=0)


def _box(shape) -> Box | None:
    if shape is None or shape.width is None:
        return None
    return Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def _find(layout, kinds):
    return next((ph for ph in layout.placeholders if ph.placeholder_format.type in kinds), None)


def _layout(layout, sample, scheme: dict) -> TemplateLayout:
    master = layout.slide_master
    title, body = _find(layout, TITLES), _find(layout, BODIES)
    subtitle = _find(layout, (PP_PLACEHOLDER.SUBTITLE,))
    boxes = {kind: _box(_find(sample, kinds) if sample is not None else None) or _box(ph)
             for kind, kinds, ph in (("title", TITLES, title), ("body", BODIES, body),
                                     ("subtitle", (PP_PLACEHOLDER.SUBTITLE,), subtitle))}
    behind = boxes["body"] or boxes["subtitle"] or _below(boxes["title"], layout)
    return TemplateLayout(
        name=layout.name, part=str(layout.part.partname).lstrip("/"), title=boxes["title"], body=boxes["body"],
        subtitle=boxes["subtitle"],
        background=_under(behind, layout, master, scheme),
        title_background=_under(boxes["title"], layout, master, scheme),
        title_color=_text_color(title, master, "titleStyle", scheme),
        body_color=_text_color(body or subtitle, master, "bodyStyle", scheme),
    )


def _aligned(info: TemplateLayout, content: TemplateLayout) -> TemplateLayout:
    if info.title is None or info.name == content.name:
        return info
    return replace(info, title=content.title, title_background=content.title_background,
                   title_color=content.title_color)


def _below(title: Box | None, layout) -> Box | None:
    """Where content goes on a layout without a body placeholder: under the title."""
    if title is None:
        return None
    height = layout.part.package.presentation_part.presentation.slide_height
    return Box(title.x, title.bottom, title.w, max(height - title.bottom, 1) * 3 // 4)


def _under(box: Box | None, layout, master, scheme: dict) -> str | None:
    """The colour behind a box: the topmost filled shape of the layout or master that covers its centre,
    else the layout's or master's background."""
    color = _background(layout, scheme) or _background(master, scheme) or scheme.get("lt1")
    if box is None:
        return color
    cx, cy = box.x + box.w // 2, box.y + box.h // 2
    for owner in (master, layout):
        for shape in owner.shapes:
            if shape.is_placeholder or shape.width is None:
                continue
            if shape.left <= cx <= shape.left + shape.width and shape.top <= cy <= shape.top + shape.height:
                fill = _shape_fill(shape._element.find("p:spPr", NS), scheme)
                color = fill or color
    return color


def _shape_fill(props, scheme: dict) -> str | None:
    if props is None:
        return None
    return _color(props.find("a:solidFill", NS), scheme) or _color(props.find("a:pattFill/a:fgClr", NS), scheme)


def _scheme(master) -> dict:
    """The theme's colours by slot (dk1, accent1…) and by the names the master maps (tx1, bg1, tx2, bg2)."""
    theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    values: dict[str, str | None] = {}
    scheme = theme.find(".//a:clrScheme", NS)
    for slot in scheme if scheme is not None else ():
        value = slot.find("a:srgbClr", NS)
        system = slot.find("a:sysClr", NS)
        values[etree.QName(slot).localname] = (value.get("val") if value is not None else
                                               system.get("lastClr", "000000") if system is not None else None)
    mapping = master._element.find("p:clrMap", NS)
    for alias, default in MAPPED.items():
        values[alias] = values.get(mapping.get(alias, default) if mapping is not None else default)
    return {name: ThemeColor(value, name) for name, value in values.items() if value}


def _color(element, scheme: dict) -> str | None:
    """The colour an element's fill gives: RRGGBB, or the theme colour it names, with its tint or shade."""
    if element is None:
        return None
    rgb = element.find("a:srgbClr", NS)
    if rgb is not None:
        return rgb.get("val").upper()
    named = element.find("a:schemeClr", NS)
    color = scheme.get(named.get("val")) if named is not None else None
    mod, off = (named.find(f"a:{name}", NS) if named is not None else None for name in ("lumMod", "lumOff"))
    if color is None or (mod is None and off is None):
        return color
    mod_val, off_val = int(mod.get("val")) if mod is not None else WHOLE, int(off.get("val")) if off is not None else 0
    return ThemeColor(lum_changed(color, mod_val, off_val), color.slot, mod_val, off_val)


def _text_color(placeholder, master, style: str, scheme: dict) -> str | None:
    """The colour text takes in a placeholder: its own list style, the master's placeholder, the master style."""
    candidates = []
    if placeholder is not None:
        candidates.append(placeholder._element)
        kind = placeholder.placeholder_format.type
        candidates += [ph._element for ph in master.placeholders if ph.placeholder_format.type == kind]
    candidates.append(master._element.find(f"p:txStyles/p:{style}", NS))
    for element in candidates:
        if element is None:
            continue
        for where in (".//a:lvl1pPr/a:defRPr/a:solidFill", ".//a:endParaRPr/a:solidFill"):
            color = _color(element.find(where, NS), scheme)
            if color:
                return color
    return scheme.get("dk1")


def _background(owner, scheme: dict) -> str | None:
    """A slide background's colour: solid, a gradient's first stop, a picture's average; None if unset."""
    bg = owner._element.find("p:cSld/p:bg", NS)
    if bg is None:
        return None
    props = bg.find("p:bgPr", NS)
    if props is None:
        return _color(bg.find("p:bgRef", NS), scheme)
    solid = _color(props.find("a:solidFill", NS), scheme)
    if solid:
        return solid
    stop = props.find("a:gradFill/a:gsLst/a:gs", NS)
    if stop is not None:
        return _color(stop, scheme)
    blip = props.find("a:blipFill/a:blip", NS)
    if blip is not None:
        return _average(owner.part.related_part(blip.get(f"{{{NS['r']}}}embed")).blob)
    return None


def _average(blob: bytes) -> str | None:
    try:
        with Image.open(io.BytesIO(blob)) as img:
            r, g, b = img.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    except (OSError, ValueError):
        return None
    return f"{r:02X}{g:02X}{b:02X}"


def _fonts(master) -> tuple[str, str]:
    theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    major = theme.find(".//a:majorFont/a:latin", NS)
    minor = theme.find(".//a:minorFont/a:latin", NS)
    return (major.get("typeface", "Calibri") if major is not None else "Calibri",
            minor.get("typeface", "Calibri") if minor is not None else "Calibri")


def _sizes(master) -> dict:
    """The sizes the master sets its titles and first-level body text at, in points."""
    sizes = {}
    for role, style in (("title", "titleStyle"), ("body", "bodyStyle")):
        found = master._element.find(f"p:txStyles/p:{style}/a:lvl1pPr/a:defRPr", NS)
        if found is not None and found.get("sz"):
            sizes[role] = int(found.get("sz")) / 100
    return sizes
