"""The slide grid: size, safe margins, twelve columns with gutters, and a baseline to snap to."""
from __future__ import annotations

from dataclasses import dataclass

from .ir import Box, inches, points

SLIDE_SIZES = {"16:9": (12_192_000, 6_858_000), "4:3": (9_144_000, 6_858_000)}
COLUMNS = 12
BASELINE = points(6)
GUTTER = inches(0.25)
GAP = inches(0.3)  # between a title and the body, and between blocks of a slide
SMALL_GAP = inches(0.1)  # between a thing and its label, or lines of a band
LINE_GAP = inches(0.08)  # between the lines of a band of text
ACCENT_BAR = inches(0.6)  # the short bar above a content slide's title
BAR = points(5)  # its thickness
DISPLAY_BAR = inches(0.9)  # the longer bar above display text (covers, statements)
DISPLAY_BAR_THICK = points(6)
BAR_GAP = inches(0.12)  # between the bar and the title
RULE = points(4)  # the accent rule under a heading
CONNECTOR = points(3)  # the line joining steps
TITLE_DEPTH = inches(2.4)  # the most a title (or the template title's extension) may take
KICKER_DEPTH = inches(1.2)  # the most a kicker may take
CAPTION_DEPTH = inches(1.0)  # the most a caption under a photo may take
LOGO_ROOM = inches(2.8)  # the footer's right end: the logo, then the slide number
NUMBER_ROOM = inches(0.8)  # the slide number, at the footer's right end
FOOTER_H = points(18)  # the footer line's height
CARD_PAD = inches(0.3)  # inside cards and tiles
MEASURE = 10  # grid columns of a list alone: lines of about 60 characters at the body size


@dataclass(frozen=True)
class Grid:
    """Where things may go on a slide, in EMU."""

    width: int
    height: int
    side: int
    top: int
    bottom: int
    gutter: int = GUTTER
    columns: int = COLUMNS

    @classmethod
    def for_theme(cls, size: str, margins: dict) -> Grid:
        width, height = SLIDE_SIZES[size]
        return cls(width, height, inches(margins["side"]), inches(margins["top"]), inches(margins["bottom"]))

    @property
    def slide(self) -> Box:
        return Box(0, 0, self.width, self.height)

    @property
    def safe(self) -> Box:
        """The area inside the margins."""
        return Box(self.side, self.top, self.width - 2 * self.side, self.height - self.top - self.bottom)

    @property
    def column(self) -> float:
        return (self.safe.w - (self.columns - 1) * self.gutter) / self.columns

    def span(self, start: int, count: int) -> tuple[int, int]:
        """x and width of `count` columns starting at column `start` (0-based)."""
        x = self.side + start * (self.column + self.gutter)
        return round(x), round(count * self.column + (count - 1) * self.gutter)

    def cols(self, start: int, count: int, y: int, h: int) -> Box:
        x, w = self.span(start, count)
        return Box(x, y, w, h)

    def split(self, parts: int, start: int = 0, count: int = COLUMNS) -> list[tuple[int, int]]:
        """x and width of `parts` equal columns across `count` grid columns (gutters between)."""
        x0, total = self.span(start, count)
        width = (total - (parts - 1) * self.gutter) / parts
        return [(round(x0 + i * (width + self.gutter)), round(width)) for i in range(parts)]

    @property
    def footer(self) -> Box:
        """The footer line, in the bottom margin."""
        return Box(self.side, self.height - self.bottom + round((self.bottom - FOOTER_H) * 0.55), self.safe.w,
                   FOOTER_H)

    @property
    def title_top(self) -> int:
        """Where content titles (and kickers) start: under the accent bar."""
        return self.top + BAR + BAR_GAP


def snap(y: int) -> int:
    """Round a vertical position up to the baseline."""
    return -(-y // BASELINE) * BASELINE
