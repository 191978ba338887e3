"""What every slide kind plans with (the theme, grid, measurer, images: read-only) and what planning collects."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..colors import AA_LARGE, mix, readable_on
from ..errors import Diagnostics
from ..model.outline import Slide
from ..model.theme import Theme
from ..source import YList
from .fitting import Shortfall
from .grid import Grid
from .ir import Box, Para, Run, Template, TemplateLayout
from .text import Measurer


@dataclass
class Found:
    """What planning collects as it goes: diagnostics and the sizes stat numerals were set at."""

    diags: Diagnostics
    numerals: dict = field(default_factory=dict)  # (slide id, group) -> the size the slide's text was set at


@dataclass(frozen=True)
class Ctx:
    """The settings one deck is planned with (read-only), and where planning puts what it finds."""

    theme: Theme
    grid: Grid
    measure: Measurer
    deck: Any
    deck_name: str
    found: Found
    images: dict = field(default_factory=dict)  # key -> assets.resolve.ImageInfo
    template: Template | None = None
    tlayout: TemplateLayout | None = None  # the template layout of the slide being planned
    numerals: float | None = None  # the largest size the slide's stat numerals may take (shared across the deck)
    whole: bool = True  # words are kept whole where a wider frame on the slide would; False: cut where they must
    uses: tuple = ()  # the pictures the slides before the credits slide show (layout.images.ImageUse)

    def on_layout(self, tlayout: TemplateLayout) -> Ctx:
        """This context for a slide on a template layout: its text colours and background."""
        bg = tlayout.background or self.colors["background"]
        text = readable_on(bg, tlayout.body_color or self.colors["text"], self.colors["text"])
        title_bg = tlayout.title_background or bg
        colors = {
            **self.colors, "background": bg, "text": text,
            "title": readable_on(title_bg, tlayout.title_color or self.colors["primary"], self.colors["primary"],
                                 need=AA_LARGE),
            "muted": readable_on(bg, mix(text, bg, 0.3), text),
            "surface": mix(bg, text, 0.07),
            "accent": readable_on(bg, self.colors["accent"], self.colors["primary"], text, need=AA_LARGE),
        }
        return replace(self, theme=replace(self.theme, colors=colors), tlayout=tlayout)

    def titled(self) -> tuple[TemplateLayout, Box] | None:
        """The template layout the slide is on and its title placeholder's box, when it has one."""
        layout = self.tlayout
        return (layout, layout.title) if layout and layout.title else None

    @property
    def colors(self) -> dict:
        return self.theme.colors

    @property
    def diags(self) -> Diagnostics:
        return self.found.diags

    def size(self, role: str) -> float:
        return float(self.theme.sizes[role])

    def run(self, text: str, size: float, *, heading: bool = False, bold: bool = False, italic: bool = False,
            color: str | None = None, link: str | None = None, caps: bool = False) -> Run:
        font = self.theme.fonts["heading" if heading else "body"]
        return Run(text, font, size, bold, italic, color or self.colors["text"], link, caps=caps)

    def para(self, text: str, size: float, *, align: str = "l", space_before: float = 0.0,
             line_spacing: float = 1.0, source: tuple = (), form: str = "{}", **style) -> Para:
        return Para((self.run(form.format(text), size, **style),), align=align, space_before=space_before,
                    line_spacing=line_spacing, source=source, form=form)

    def overflow(self, slide: Slide, short: Shortfall) -> None:
        """Report content that fits no arrangement at any allowed size, saying what to cut and by how much."""
        field_name = short.field or "text"
        where = slide.at(field_name) if field_name in slide.data else slide.loc
        items = slide.data.get(field_name)
        if short.index is not None and isinstance(items, YList):
            where = items.at(short.index)
        path = f"slides.{slide.id}.{field_name}" + (f"[{short.index}]" if short.index is not None else "")
        self.diags.error("overflow", f"deck '{self.deck_name}', slide '{slide.id}': {short}", where, path,
                         "shorten it by that much, or move some of it to another slide or to the notes")
