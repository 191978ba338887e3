"""Planning on an organisation's template: which of its layouts each slide kind uses, and its grid."""
from __future__ import annotations

from dataclasses import replace

from ..errors import Diagnostics, Loc, did_you_mean
from ..model.theme import Theme
from ..source import display_path
from .grid import Grid
from .ir import Template, TemplateLayout, inches

CONTENT = ("Title and Content", "Title, Content", "Title Only")
COVERS = ("title", "section", "closing", "statement")
TOP_SHARE = 0.3  # a title placeholder ending in the top 30 % of the slide heads a content slide
PLAIN_SIDE, PLAIN_TOP, PLAIN_BOTTOM = inches(0.5), inches(0.4), inches(0.5)  # margins of a template without a title
LEAST_BOTTOM = inches(0.3)
DEFAULTS = {
    "title": ("Title Slide",),
    "closing": ("Title Slide", "Section Header"),
    "section": ("Section Header", "Title Slide"),
    "statement": ("Section Header", "Title Slide"),
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
    usual = [names[n] for n in (*DEFAULTS.get(kind, ()), "Title Only", *CONTENT) if n in names]
    headed = [layout for layout in usual if kind in COVERS or _headed(template, layout)]
    if headed or usual:
        return (headed or usual)[0]
    titled = [layout for layout in names.values() if layout.title]
    return titled[0] if titled else next(iter(names.values()))


def _headed(template: Template, layout: TemplateLayout) -> bool:
    """A layout with its title at the top of the slide (not a band across the middle, as on cover masters)."""
    return layout.title is not None and layout.title.bottom <= template.height * TOP_SHARE


def fallback_layouts(template: Template, kind: str) -> list[TemplateLayout]:
    """Where a slide may move when its own layout leaves too little room: a content layout with its title at
    the top, used without its body placeholder (the slide is placed on the grid under the title)."""
    if kind in COVERS:
        return []
    plain = [replace(template.layouts[n], body=None) for n in ("Title Only", *CONTENT) if n in template.layouts
             and _headed(template, template.layouts[n])]
    return plain[:1]


def template_grid(template: Template, content: TemplateLayout) -> Grid:
    """The grid of a template: margins from its content layout's title and the master's footer."""
    title = content.title or content.body
    side = title.x if title else PLAIN_SIDE
    top = title.y if title else PLAIN_TOP
    bottom_edge = template.footer_top or (content.body.bottom if content.body else template.height - PLAIN_BOTTOM)
    return Grid(template.width, template.height, side, top, max(template.height - bottom_edge, LEAST_BOTTOM))
