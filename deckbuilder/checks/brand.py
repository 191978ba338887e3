"""The brand check: colours and fonts of a deck that its theme and template do not name."""
from __future__ import annotations

from ..errors import Diagnostics, Loc
from ..layout.ir import DeckPlan, TextBox
from ..source import display_path

SCHEME = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6")


def check_brand(plan: DeckPlan, theme, diags: Diagnostics) -> None:
    """Warn about theme colours the organisation's template does not have, and fonts that are neither."""
    where = Loc(display_path(theme.path)) if theme.path else None
    allowed_fonts = set(theme.fonts.values())
    if plan.template:
        scheme = {plan.template.colors.get(k) for k in SCHEME} - {None}
        for role in ("primary", "accent", "secondary"):
            color = theme.colors[role]
            if color not in scheme:
                diags.warn("off-brand-colour", f"the theme's {role} #{color} is not one of the template's colours",
                           where, f"colors.{role}", "use one of: " + ", ".join(f"#{c}" for c in sorted(scheme)))
        allowed_fonts |= set(plan.template.fonts)
        for role, font in theme.fonts.items():
            if font not in plan.template.fonts:
                diags.warn("off-brand-font", f"the theme's {role} font '{font}' is not the template's",
                           where, f"fonts.{role}", "the template uses " + " and ".join(sorted(set(plan.template.fonts))))
    used = {run.font for slide in plan.slides for shape in slide.shapes if isinstance(shape, TextBox)
            for para in shape.paras for run in para.runs}
    for font in sorted(used - allowed_fonts):
        diags.warn("off-brand-font", f"the font '{font}' is set in the deck but is not the theme's", where,
                   "fonts", "name it in the theme, or leave it out")
