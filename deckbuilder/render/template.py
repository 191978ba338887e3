"""The package a deck starts from (the bundled base, or the organisation's template emptied) and its layouts."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from ..layout.ir import DeckPlan, SlidePlan
from .elements import NS, el, qn
from .package import Package

BASE = Path(__file__).with_name("base")  # python-pptx's default template (MIT), five layouts kept, a notes master added
BASE_SIZE = (9_144_000, 6_858_000)  # the base's masters and layouts are drawn for 4:3
BASE_PRESENTATION = "ppt/presentation.xml"
SLIDE_LAYOUT = "ppt/slideLayouts/slideLayout4.xml"  # "Title Only": every slide is drawn on the grid
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
PRESENTATION_ORDER = ("sldMasterIdLst", "notesMasterIdLst", "handoutMasterIdLst", "sldIdLst", "sldSz")
PROPERTIES = {"presProps": "presProps", "viewProps": "viewProps", "tableStyles": "tableStyles"}  # type → part


def start_package(plan: DeckPlan) -> Package:
    """The package to add the slides to."""
    if plan.template:
        from ..package_reader import open_package  # only a deck on an organisation's template reads one

        return _completed(_emptied(Package(open_package(Path(plan.template.path), "template").parts)))
    package = Package(_base_parts())
    package.relate("", BASE_PRESENTATION, RT + "officeDocument")  # (no .rels file: wheels leave out dot files)
    _resize(package, plan.width, plan.height)
    return package


def layout_of(plan: DeckPlan, slide: SlidePlan) -> str:
    """The layout part a slide goes on: its template layout, else the base's Title Only."""
    return plan.template.layouts[slide.template_layout].part if plan.template else SLIDE_LAYOUT


def presentation(package: Package) -> str:
    return package.related("", RT + "officeDocument") or "ppt/presentation.xml"  # the reader made sure of it


def masters(package: Package) -> list[str]:
    """The slide master parts, in the presentation's order."""
    name = presentation(package)
    targets = dict(package.relations(name, RT + "slideMaster"))
    ids = package.xml(name).iterfind("p:sldMasterIdLst/p:sldMasterId", NS)
    return [targets[master.get(qn("r:id"))] for master in ids]


def presentation_list(package: Package, tag: str):
    """The presentation's list element `tag` (sldIdLst, notesMasterIdLst), made in its place if it has none."""
    root = package.xml(presentation(package))
    found = root.find(f"p:{tag}", NS)
    if found is None:
        later = PRESENTATION_ORDER[PRESENTATION_ORDER.index(tag) + 1:]
        following = next((c for c in root if c.tag in {qn(f"p:{t}") for t in later}), None)
        found = root.makeelement(qn(f"p:{tag}"), {})
        if following is None:
            root.append(found)
        else:
            following.addprevious(found)
    return found


def notes_master(package: Package) -> str:
    """The notes master, the base's added (with its theme) when the template has none."""
    name = presentation(package)
    found = package.related(name, RT + "notesMaster")
    if found:
        return found
    base = _base_parts()
    theme = package.add("ppt/theme/theme%d.xml", "application/vnd.openxmlformats-officedocument.theme+xml",
                        base["ppt/theme/theme2.xml"])
    found = package.add("ppt/notesMasters/notesMaster%d.xml",
                        "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml",
                        base["ppt/notesMasters/notesMaster1.xml"])
    package.relate(found, theme, RT + "theme")
    rid = package.relate(name, found, RT + "notesMaster")
    el("p:notesMasterId", presentation_list(package, "notesMasterIdLst"), r__id=rid)
    return found


@cache
def _base_parts() -> dict[str, bytes]:
    return {path.relative_to(BASE).as_posix(): path.read_bytes() for path in sorted(BASE.rglob("*")) if path.is_file()}


def _resize(package: Package, width: int, height: int) -> None:
    """The slide size, with the base's masters and layouts stretched to it."""
    size = package.xml(presentation(package)).find("p:sldSz", NS)
    size.set("cx", str(width))
    size.set("cy", str(height))
    scale = (width / BASE_SIZE[0], height / BASE_SIZE[1])
    layouts = [layout for master in masters(package) for _, layout in package.relations(master, RT + "slideLayout")]
    for part in [*masters(package), *layouts]:
        for element in package.xml(part).iterfind(".//p:spTree//a:xfrm/*", NS):
            for attr, axis in (("x", 0), ("cx", 0), ("y", 1), ("cy", 1)):
                if element.get(attr) is not None:
                    element.set(attr, str(round(int(element.get(attr)) * scale[axis])))


def _completed(package: Package) -> Package:
    """The template with the presentation's property parts (presentation, view and table-style properties)
    PowerPoint expects: a template saved by LibreOffice has no view properties, and PowerPoint offers to repair
    a deck without them. The base's are added where one is missing."""
    name = presentation(package)
    for kind, part in PROPERTIES.items():
        if package.related(name, RT + kind) is None:
            added = package.add(f"ppt/{part}%d.xml", f"application/vnd.openxmlformats-officedocument.presentationml."
                                f"{kind}+xml", _base_parts()[f"ppt/{part}.xml"])
            package.relate(name, added, RT + kind)
    return package


def _emptied(package: Package) -> Package:
    """The template without its own slides (and what only they used: notes, charts, pictures), nor the custom
    shows and sections that listed them."""
    name = presentation(package)
    slide_ids = presentation_list(package, "sldIdLst")
    for slide_id in list(slide_ids):
        slide_ids.remove(slide_id)
    root = package.xml(name)
    for listing in root.xpath("p:custShowLst | p:extLst/p:ext[p14:sectionLst]", namespaces={**NS, "p14": P14}):
        listing.getparent().remove(listing)
    package.unrelate(name, RT + "slide")
    package.prune()
    return package
