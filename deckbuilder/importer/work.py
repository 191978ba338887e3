"""One slide being imported: what it holds in reading order, its title, and what to tell the user about it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..layout.ir import Box
from .found import DeckFound, Para, PictureShape, SlideFound, TextShape

LEAD = 200  # characters of text that may go to the notes of a slide showing a chart, a table or pictures
Keys = Callable[[PictureShape, "Work"], "str | None"]  # a picture -> its register key (None: it cannot be placed)


@dataclass
class Work:
    """A slide on its way into the outline."""

    slide: SlideFound
    deck: DeckFound
    keys: Keys
    overlay_ok: Callable[[PictureShape], bool] = lambda pic: True
    last: bool = False
    source: str = ""
    attention: list[str] = field(default_factory=list)
    to_notes: list[str] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.slide.number

    @property
    def title_shape(self) -> TextShape | None:
        return next((t for t in self.slide.texts if t.role == "title" and t.live), None)

    @property
    def title(self) -> str:
        shape = self.title_shape
        return " ".join(p.text for p in shape.live) if shape else ""

    def take_title(self) -> str:
        shape = self.title_shape
        return " ".join(p.take() for p in shape.live) if shape else ""

    @property
    def bodies(self) -> list[TextShape]:
        """The text frames other than the title that still hold text, top to bottom, then left to right."""
        shapes = [t for t in self.slide.texts if t.role != "title" and t.live]
        return sorted(shapes, key=lambda t: (t.box.y // 150_000, t.box.x, t.box.y))

    @property
    def paras(self) -> list[Para]:
        return [p for t in self.bodies for p in t.live]

    @property
    def pictures(self) -> list[PictureShape]:
        """The pictures to place, largest first (logos repeated on every slide are the theme's)."""
        pics = [p for p in self.slide.pictures if p.role == "content"]
        return sorted(pics, key=lambda p: -(p.box.w * p.box.h))

    @property
    def wordy(self) -> bool:
        """Whether the slide's text is more than a line or two beside its chart, table or pictures: a list, or
        more than LEAD characters."""
        paras = self.paras
        return any(p.listed for p in paras) or sum(len(p.text) for p in paras) > LEAD

    def shape_of(self, para: Para) -> TextShape:
        """The text shape holding a paragraph of this slide."""
        for shape in self.slide.texts:
            if any(p is para for p in shape.paras):
                return shape
        raise LookupError(f"slide {self.number} has no shape holding {para.text!r}")

    def note(self, message: str) -> None:
        if message not in self.attention:
            self.attention.append(message)

    def covers(self, box: Box, share: float = 0.5) -> bool:
        return box.w * box.h >= self.deck.area * share
