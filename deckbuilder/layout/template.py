"""Planning on an organisation's template: which of its layouts each slide kind uses, and its grid."""
from __future__ import annotations

from ..errors import Diagnostics, Loc, did_you_mean
from ..model.theme import Theme
from ..source import display_path
from .grid import Grid
from .ir import Template, TemplateLayout, inches

CONTENT = ("Title and Content", "Title, Content", "Title Only")
DEFAULTS = {
    "title": ("Title Slide",),
    "closing": ("Title Slide", "Section Header"),
    "section": ("Section Header", "Title Slide"),
    "bullets": CONTENT,
    "checklist": CONTENT,
    "credits": CONTENT,
}


def layout_for(template: Template, theme: Theme, kind: str, diags: Diagnostics) -> TemplateLayout:
    """The template layout a slide kind uses: the theme's mapping, else a layout with the usual name."""
    names = template.layouts
    wanted = theme.layouts.get(kind)
    if wanted:
        if wanted in names:
            return names[wanted]
        diags.error("missing-layout", f"the template has no layout '{wanted}' (asked for {kind} slides)",
                    Loc(display_path(theme.path)) if theme.path else None, f"layouts.{kind}",
                    did_you_mean(wanted, names))
    for name in (*DEFAULTS.get(kind, ()), "Title Only", *CONTENT):
        if name in names:
            return names[name]
    titled = [layout for layout in names.values() if layout.title]
    return titled[0] if titled else next(iter(names.values()))


def fallback_layouts(template: Template, kind: str) -> list[TemplateLayout]:
    """Plainer layouts a slide may move to when its own leaves too little room: Title Only (else Blank)."""
    if kind in ("title", "section", "closing"):
        return []
    for name in ("Title Only", "Blank"):
        if name in template.layouts:
            return [template.layouts[name]]
    return []


def template_grid(template: Template, content: TemplateLayout) -> Grid:
    """The grid of a template: margins from its content layout's title and the master's footer."""
    title = content.title or content.body
    side = title.x if title else inches(0.5)
    top = title.y if title else inches(0.4)
    bottom_edge = template.footer_top or (content.body.bottom if content.body else template.height - inches(0.5))
    return Grid(template.width, template.height, side, top, max(template.height - bottom_edge, inches(0.3)))
