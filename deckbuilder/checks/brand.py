"""The brand check: fonts set in a deck that its theme does not name."""
from __future__ import annotations

from ..errors import Diagnostics, Loc
from ..layout.ir import DeckPlan, TextBox
from ..source import display_path


def check_brand(plan: DeckPlan, theme, diags: Diagnostics) -> None:
    """Warn about fonts the deck sets that are not the theme's (with a template, the theme's fonts are the
    template's, or replace them in the built deck's theme, so the deck agrees with itself)."""
    where = Loc(display_path(theme.path)) if theme.path else None
    used = {run.font for slide in plan.slides for shape in slide.shapes if isinstance(shape, TextBox)
            for para in shape.paras for run in para.runs}
    for font in sorted(used - set(theme.fonts.values())):
        diags.warn("off-brand-font", f"the font '{font}' is set in the deck but is not the theme's", where,
                   "fonts", "name it in the theme, or leave it out")
