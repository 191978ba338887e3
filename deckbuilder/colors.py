"""Colour arithmetic: WCAG relative luminance, contrast ratios, mixing, readable text colours, and the nearest
colour of a hue that passes."""
from __future__ import annotations

import colorsys
from typing import Callable

AA_TEXT = 4.5
AA_LARGE = 3.0


def rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_of(color: tuple[float, float, float]) -> str:
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
    """The colour t of the way from a to b."""
    ca, cb = rgb(a), rgb(b)
    return hex_of(tuple(x + (y - x) * t for x, y in zip(ca, cb)))


def readable_on(background: str, *candidates: str, need: float = AA_TEXT) -> str:
    """The first candidate that reaches `need` on the background, else black or white, whichever is better."""
    for color in candidates:
        if contrast(color, background) >= need:
            return color
    return max(("FFFFFF", "111111"), key=lambda c: contrast(c, background))


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
