"""The bundled font files and which theme font names they measure."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"

# bundled family -> file stem; each has Regular, Bold, Italic, BoldItalic except the fallback
FAMILIES = {
    "Carlito": "Carlito",
    "Caladea": "Caladea",
    "Liberation Sans": "LiberationSans",
    "Liberation Serif": "LiberationSerif",
}
# theme font name (lower case) -> bundled family with the same advance widths
METRIC_TWINS = {
    "calibri": "Carlito", "carlito": "Carlito",
    "cambria": "Caladea", "caladea": "Caladea",
    "arial": "Liberation Sans", "helvetica": "Liberation Sans", "liberation sans": "Liberation Sans",
    "arimo": "Liberation Sans",
    "times new roman": "Liberation Serif", "times": "Liberation Serif", "liberation serif": "Liberation Serif",
    "tinos": "Liberation Serif",
}
DEFAULT_FAMILY = "Carlito"
FALLBACK_NAME = "DejaVu Sans"  # measures (and renders) scripts the theme font lacks, e.g. Arabic


class Face(NamedTuple):
    """One font file: a family in one style (a tuple: measuring hashes it millions of times)."""

    family: str
    bold: bool
    italic: bool

    @property
    def path(self) -> Path:
        if self.family == FALLBACK_NAME:
            return FONT_DIR / ("DejaVuSans-Bold.ttf" if self.bold else "DejaVuSans.ttf")
        style = ("Bold" if self.bold else "") + ("Italic" if self.italic else "")
        return FONT_DIR / f"{FAMILIES[self.family]}-{style or 'Regular'}.ttf"


def twin(name: str) -> str | None:
    """The bundled family that measures the theme font `name`, or None if there is none."""
    return METRIC_TWINS.get(name.strip().lower())


def face_for(name: str, bold: bool = False, italic: bool = False) -> Face:
    """The face that measures text set in `name` (the default family when it has no twin)."""
    return Face(twin(name) or DEFAULT_FAMILY, bold, italic)


@cache
def fallback_face(bold: bool = False) -> Face:
    return Face(FALLBACK_NAME, bold, False)
