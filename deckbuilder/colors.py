"""Colour arithmetic: theme colours, WCAG contrast, mixing, readable text colours, the nearest passing colour."""
from __future__ import annotations

import colorsys
from collections.abc import Callable, Iterable

AA_TEXT = 4.5
AA_LARGE = 3.0
WHITE, BLACK, NEAR_BLACK = "FFFFFF", "000000", "111111"
WHOLE = 100_000  # lumMod and lumOff are in thousandths of a percent


class ThemeColor(str):
    """A colour of the deck's theme: its RRGGBB value as resolved (what checks measure), and how slides refer to
    it: a scheme slot (tx1, bg1, accent2…), lighter or darker by PowerPoint's lumMod/lumOff as its palette does."""

    slot: str
    lum_mod: int
    lum_off: int

    def __new__(cls, value: str, slot: str, lum_mod: int = WHOLE, lum_off: int = 0) -> ThemeColor:
        color = super().__new__(cls, value.upper())
        color.slot, color.lum_mod, color.lum_off = slot, lum_mod, lum_off
        return color

    def __getnewargs__(self) -> tuple:  # so plans made in worker processes come back with their slots
        return str(self), self.slot, self.lum_mod, self.lum_off

    @property
    def plain(self) -> bool:
        """True when it is the slot's own colour, not a tint or shade of it."""
        return (self.lum_mod, self.lum_off) == (WHOLE, 0)

    def toward(self, end: str, t: float) -> ThemeColor:
        """This (plain) colour t of the way to white, a tint, or to black, a shade: PowerPoint's lumMod/lumOff, which
        change the HSL lightness (so the value differs a little from an RGB mix)."""
        mod, off = round((1 - t) * WHOLE), round(t * WHOLE) if end == WHITE else 0
        return ThemeColor(lum_changed(self, mod, off), self.slot, mod, off)


def lum_changed(color: str, mod: int, off: int) -> str:
    """A colour with its HSL lightness multiplied by lumMod and raised by lumOff (both in thousandths of a %)."""
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb(color)))
    lightness = max(0.0, min(1.0, lightness * mod / WHOLE + off / WHOLE))
    return hex_of(tuple(c * 255 for c in colorsys.hls_to_rgb(h, lightness, s)))


def rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_of(color: Iterable[float]) -> str:
    return "".join(f"{max(0, min(255, round(c))):02X}" for c in color)


def luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def channel(c8: int) -> float:
        c = c8 / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_large(size_pt: float, bold: bool) -> bool:
    """WCAG 'large text': at least 18 pt, or 14 pt bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def required(size_pt: float, bold: bool) -> float:
    return AA_LARGE if is_large(size_pt, bold) else AA_TEXT


def mix(a: str, b: str, t: float) -> str:
    """The colour t of the way from a to b; a theme colour mixed with white or black stays a theme colour (a tint
    or shade of its slot)."""
    if isinstance(a, ThemeColor) and a.plain and b.upper() in (WHITE, BLACK):
        return a.toward(b.upper(), t)
    if isinstance(b, ThemeColor) and b.plain and a.upper() in (WHITE, BLACK):
        return b.toward(a.upper(), 1 - t)
    ca, cb = rgb(a), rgb(b)
    return hex_of(tuple(x + (y - x) * t for x, y in zip(ca, cb)))


def readable_on(background: str, *candidates: str, need: float = AA_TEXT) -> str:
    """The first candidate that reaches `need` on the background, else black or white, whichever is better."""
    for color in candidates:
        if contrast(color, background) >= need:
            return color
    return max((WHITE, NEAR_BLACK), key=lambda c: contrast(c, background))


def nearest_passing(hex_color: str, passes: Callable[[str], bool]) -> str | None:
    """The colour of the same hue and saturation, lightened or darkened as little as possible, that passes;
    None when no lightness does."""
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb(hex_color)))
    for step in range(1, 201):
        for candidate in (lightness - step / 200, lightness + step / 200):
            if 0 <= candidate <= 1:
                color = hex_of(tuple(c * 255 for c in colorsys.hls_to_rgb(h, candidate, s)))
                if passes(color):
                    return color
    return None
