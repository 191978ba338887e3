"""The type scale: the floors no text goes below, and the steps sizes are tried in."""
from __future__ import annotations

FLOOR = {"body": 18.0, "title": 28.0, "small": 10.0}  # body text, titles, captions/credits/sources
KICKER_FLOOR = 16.0  # a title set small above the content, when the title is long or the content is the point
LABEL_FLOOR = 14.0  # names in logo tiles, the citation under a paper's title, step and stat labels at the least
STAT_FLOOR = 44.0  # big numbers
STEP = 2.0  # points between the sizes tried for text
DISPLAY_STEP = 4.0  # points between the sizes tried for display text (statements, numbers, cover titles)
SHARED = 0.8  # stat numerals share a size when the smaller is at least this share of the larger
BIG_STEP = 1.4  # short display text (a statement, a quote) may take this much more than its size, on two lines


def steps(preferred: float, floor: float, step: float = STEP) -> list[float]:
    """Sizes from the preferred size down to the floor, in steps (the floor included)."""
    sizes, size = [], float(preferred)
    while size > floor:
        sizes.append(size)
        size -= step
    return sizes + [float(floor)]


def stages(preferred: float, comfortable: float, floor: float, step: float = STEP) -> tuple[list[float], list[float]]:
    """The sizes a kind tries in two stages: the deck's preferred range (down to the size the theme is
    comfortable with), then on down to the floor. Arrangements are tried at the first before the second."""
    comfortable = max(min(comfortable, preferred), floor)
    first = steps(preferred, comfortable, step)
    return first, [s for s in steps(comfortable, floor, step) if s < first[-1]]

