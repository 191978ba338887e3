"""The brand in the deck's theme parts (name, colour scheme, fonts), so that a change of theme restyles the deck."""
from __future__ import annotations

from lxml import etree

from ..layout.fonts import FALLBACK_NAME
from ..layout.ir import DeckPlan
from .elements import NS, el, qn

RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
SCRIPTS = ("latin", "ea", "cs")  # a font collection starts with these, in this order
LINKS = {"hlink": "primary", "folHlink": "secondary"}  # without a template: links in the brand's colours


def brand_theme(package, masters: list[str], plan: DeckPlan) -> None:
    """Write the brand into the theme of each slide master (the first is the one the plan's colours were read
    from): the plan's theme colours into the slots they name, through each master's colour map (tx1 is dk1
    unless it maps it elsewhere), its heading and body fonts as the major and minor fonts, and its name. With a
    template, only what differs from the first master's theme changes: what the theme file gives."""
    first = _theme(package, masters[0])
    colors = {c.slot: c for c in plan.colors.values() if getattr(c, "slot", None) and c.plain}
    if not plan.template:
        colors.update({slot: plan.colors[role] for slot, role in LINKS.items() if role in plan.colors})
    changed = {slot: c for slot, c in colors.items() if _value(_slot(first, _mapped(package, masters[0], slot))) != c}
    fonts = dict(zip(("majorFont", "minorFont"), plan.fonts))
    changed_fonts = {tag: font for tag, font in fonts.items() if _font(first, tag).get("typeface") != font}
    for master in masters:
        theme = _theme(package, master)
        for slot, color in changed.items():
            _set_color(_slot(theme, _mapped(package, master, slot)), color)
        for tag in fonts:
            _font(theme, tag).set("typeface", changed_fonts.get(tag, _font(theme, tag).get("typeface")))
            _font(theme, tag, "cs").set("typeface", FALLBACK_NAME)  # what complex scripts are measured with
        if plan.theme_name:
            for element in (theme, *theme.find("a:themeElements", NS)[:2]):
                element.set("name", plan.theme_name)


def _theme(package, master: str):
    return package.xml(package.related(master, RT_THEME))


def _mapped(package, master: str, slot: str) -> str:
    """The scheme slot a name stands for on a master: tx1 → dk1 unless its colour map says otherwise."""
    mapping = package.xml(master).find("p:clrMap", NS)
    return mapping.get(slot, slot) if mapping is not None else slot


def _slot(theme, slot: str):
    return theme.find(f"a:themeElements/a:clrScheme/a:{slot}", NS)


def _font(theme, tag: str, script: str = "latin"):
    """The theme's major or minor font for a script (latin, ea, cs), made in its place if missing."""
    group = theme.find(f"a:themeElements/a:fontScheme/a:{tag}", NS)
    found = group.find(f"a:{script}", NS)
    if found is None:
        found = group.makeelement(qn(f"a:{script}"), {"typeface": ""})
        group.insert(SCRIPTS.index(script), found)
    return found


def _set_color(slot, value: str) -> None:
    """Give a scheme slot a colour."""
    if slot is None:
        return
    for child in list(slot):
        slot.remove(child)
    el("a:srgbClr", slot, val=value.upper())


def _value(slot) -> str | None:
    """A scheme slot's colour: its RRGGBB, or a system colour's last value."""
    for child in slot if slot is not None else ():
        return (child.get("lastClr") if etree.QName(child).localname == "sysClr" else child.get("val", "")).upper()
    return None
