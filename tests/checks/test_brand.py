"""The brand check names fonts a deck sets that its theme does not; a template's colours and fonts are no longer
compared (what the theme gives replaces them in the built deck: tests/render/test_theme.py)."""
from __future__ import annotations

from deckbuilder.checks.brand import check_brand
from deckbuilder.errors import Diagnostics
from deckbuilder.layout.ir import Box, DeckPlan, DocProps, Para, Run, SlidePlan, TextBox
from deckbuilder.model.theme import load_theme


def plan_with(font: str) -> DeckPlan:
    title = TextBox(Box(0, 0, 100, 100), (Para((Run("A title", font, 40),)),), role="title")
    slide = SlidePlan("a", "bullets", "A", (title,))
    return DeckPlan(100, 100, DocProps("Deck"), ("Calibri", "Calibri"), slides=(slide,))


def brand_warnings(font: str) -> list[str]:
    diags = Diagnostics()
    theme = load_theme("hope", None, diags)
    check_brand(plan_with(font), theme, diags)
    return [d.message for d in diags if d.code == "off-brand-font"]


def test_a_font_the_theme_does_not_name_is_named():
    assert brand_warnings("Comic Sans MS") == ["the font 'Comic Sans MS' is set in the deck but is not the theme's"]


def test_the_theme_fonts_are_on_brand():
    assert brand_warnings("Calibri") == []
