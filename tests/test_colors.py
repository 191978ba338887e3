"""Theme colours stay theme colours through the arithmetic the layout does with them, with their values resolved
as PowerPoint and LibreOffice draw them."""
from __future__ import annotations

import pickle

from deckbuilder.colors import ThemeColor, contrast, mix, readable_on

TEAL = ThemeColor("0F5C63", "accent1")


def test_a_theme_colour_is_its_value_and_remembers_its_slot():
    assert TEAL == "0F5C63" and f"#{TEAL}" == "#0F5C63" and TEAL.plain
    assert hash(TEAL) == hash("0F5C63") and contrast(TEAL, "FFFFFF") == contrast("0F5C63", "FFFFFF")


def test_mixing_with_white_or_black_gives_a_tint_or_shade_of_the_slot():
    tint = mix(TEAL, "FFFFFF", 0.45)
    assert (tint.slot, tint.lum_mod, tint.lum_off) == ("accent1", 55_000, 45_000)
    assert tint == "42D5E2"  # HSL lightness 0.216 × 0.55 + 0.45: what LibreOffice draws for these lumMod/lumOff
    shade = mix(TEAL, "000000", 0.25)
    assert (shade.slot, shade.lum_mod, shade.lum_off) == ("accent1", 75_000, 0)
    assert mix("FFFFFF", TEAL, 0.22).lum_off == 78_000  # white toward the colour: the same tint, seen from white


def test_other_mixes_are_fixed_colours():
    assert type(mix(TEAL, "808080", 0.5)) is str and type(mix("0F5C63", "FFFFFF", 0.5)) is str
    assert type(mix(mix(TEAL, "FFFFFF", 0.5), "FFFFFF", 0.5)) is str  # a tint of a tint: fixed


def test_readable_on_keeps_the_theme_colour_it_chooses():
    assert readable_on("FFFFFF", TEAL).slot == "accent1"


def test_theme_colours_survive_a_trip_to_another_process():
    again = pickle.loads(pickle.dumps(mix(TEAL, "FFFFFF", 0.3)))
    assert (again, again.slot, again.lum_mod, again.lum_off) == ("1FBCCA", "accent1", 70_000, 30_000)
