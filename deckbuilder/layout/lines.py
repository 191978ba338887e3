"""Display slides' lines stacked one under another (cover titles, statements): stepping down together until
all of them fit."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..model.outline import Slide
from .blocks import fit_text, text_shortfall
from .context import Ctx
from .ir import Box, Para, TextBox


@dataclass(frozen=True)
class Line:
    """One line of a display slide: its text and field, the sizes it may take, its style, the gap above it."""

    text: str
    field: str
    sizes: list[float]
    bold: bool
    color: str
    gap: int
    display: bool = False  # the big text: heading font, the slide's title
    most: int | None = None  # the most lines it may take (a display line: four)
    styled: Callable[[str, float], list[Para]] | None = None  # sets the text when it is not plain
    source: tuple = ()  # the outline field it shows (see Para.source)

    def paras(self, ctx: Ctx, size: float, text: str | None = None) -> list[Para]:
        text = self.text if text is None else text
        if self.styled:
            return self.styled(text, size)
        return [ctx.para(text, size, heading=self.display, bold=self.bold, color=self.color,
                         line_spacing=0.9 if self.display else 1.0, source=self.source)]

    @property
    def limit(self) -> int | None:
        return self.most or (4 if self.display else None)


def stack_lines(ctx: Ctx, slide: Slide, lines: list[Line], x: int, w: int, room: int,
                quiet: bool = False) -> list[TextBox] | None:
    """The lines at the largest sizes (stepping down together) at which they fit `room` one under another;
    None if not even the smallest do (reported unless `quiet`)."""
    for level in range(max(len(line.sizes) for line in lines)):
        boxes = []
        for line in lines:
            size = line.sizes[min(level, len(line.sizes) - 1)]
            box = fit_text(ctx, partial(line.paras, ctx), Box(x, 0, w, room), [size],
                           role="title" if line.display else "body", max_lines=line.limit, grow=True,
                           name="Title" if line.display else line.field.capitalize())
            if box is None:
                break
            boxes.append(box)
        else:
            if sum(box.box.h + line.gap for box, line in zip(boxes, lines)) <= room:
                return boxes
    if not quiet:
        main = next(line for line in lines if line.display)
        others = sum(ctx.measure.height(line.paras(ctx, line.sizes[-1]), w) + line.gap for line in lines
                     if line is not main)
        ctx.overflow(slide, text_shortfall(ctx, main.field, f"the {main.field}", main.text,
                                           lambda t: main.paras(ctx, main.sizes[-1], t), w, room - others - main.gap,
                                           main.limit))
    return None
