"""What every slide kind plans with: the theme, grid, measurer, images, and style helpers."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..colors import AA_LARGE, mix, readable_on
from ..errors import Diagnostics, Loc
from ..model.outline import Slide
from ..model.theme import Theme
from .grid import Grid
from .ir import Para, Run, Template, TemplateLayout
from .text import Measurer

HARD_FLOOR = {"body": 18.0, "title": 28.0, "small": 10.0}


@dataclass
class ImageUse:
    """One picture placed on a slide, as the credits need it."""

    key: str
    slide: str
    cropped: bool = False
    overlaid: bool = False

    @property
    def changes(self) -> tuple[str, ...]:
        """What the deck did to the picture, as its credit says it."""
        return (("cropped",) if self.cropped else ()) + (("with text overlay",) if self.overlaid else ())


@dataclass
class Ctx:
    """Planning context for one deck."""

    theme: Theme
    grid: Grid
    measure: Measurer
    deck: Any
    deck_name: str
    diags: Diagnostics
    images: dict = field(default_factory=dict)  # key -> assets.register.ImageInfo
    used: list[ImageUse] = field(default_factory=list)
    footer_credits: dict = field(default_factory=dict)  # slide id -> credit runs for its footer
    template: Template | None = None
    tlayout: TemplateLayout | None = None  # the template layout of the slide being planned

    def on_layout(self, tlayout: TemplateLayout) -> "Ctx":
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

    @property
    def colors(self) -> dict:
        return self.theme.colors

    def size(self, role: str) -> float:
        return float(self.theme.sizes[role])

    def run(self, text: str, size: float, *, heading: bool = False, bold: bool = False, italic: bool = False,
            color: str | None = None, link: str | None = None, caps: bool = False) -> Run:
        font = self.theme.fonts["heading" if heading else "body"]
        return Run(text, font, size, bold, italic, color or self.colors["text"], link, caps=caps)

    def para(self, text: str, size: float, *, align: str = "l", space_before: float = 0.0,
             line_spacing: float = 1.0, **style) -> Para:
        return Para((self.run(text, size, **style),), align=align, space_before=space_before,
                    line_spacing=line_spacing)

    def overflow(self, slide: Slide, field_name: str, detail: str) -> None:
        """Report content that cannot fit even at the smallest allowed size."""
        where: Loc = slide.at(field_name) if field_name in slide.data else slide.loc
        self.diags.error("overflow", f"deck '{self.deck_name}', slide '{slide.id}', field '{field_name}': "
                         f"{detail}", where, f"slides.{slide.id}.{field_name}",
                         "shorten the text, or split it over two slides")
