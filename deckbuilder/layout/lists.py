"""Lists of points: one column, a wider measure or two columns on one slide, else balanced continuation slides."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from ..model.outline import Slide
from .blocks import Frame, Item, content_frame, fits, framed
from .context import Ctx
from .fitting import Arrangement, Fitted, Shortfall, arrange, chars_over, fewer_chars, lines_over
from .grid import GAP
from .ir import EMU_PER_PT, Box, Para, SlidePlan, TextBox
from .paging import continued, paginate, split_text
from .text import para_pitch


@dataclass(frozen=True)
class Points:
    """A list to lay out: its field, its units, how a run of them is set, and the sizes to try."""

    field: str
    units: list
    paras_at: Callable[[list, float, int], list[Para]]  # the units, the size, the index of the first
    stages: tuple[list[float], list[float]]
    noun: str = "point"  # what one unit is called in messages
    holder: str | None = None  # the template placeholder the list goes in, when it is in one

    def height(self, ctx: Ctx, units: list, size: float, width: int, first: int = 0) -> int:
        return ctx.measure.height(self.paras_at(units, size, first), width)


@dataclass(frozen=True)
class Page:
    """One slide of a list: its title, the title's shapes and the list's frames."""

    title: str
    head: tuple
    frames: tuple


def columns_of(box: Box, count: int, gutter: int = GAP) -> list[Box]:
    """`count` equal columns across `box`."""
    width = (box.w - (count - 1) * gutter) // count
    return [Box(box.x + i * (width + gutter), box.y, width, box.h) for i in range(count)]


def set_points(ctx: Ctx, points: Points, boxes: Sequence[Box], size: float) -> list[TextBox] | Shortfall:
    """The whole list in one box, or shared over two side by side (each as full as the other)."""
    if len(boxes) == 1:
        box = boxes[0]
        paras = points.paras_at(points.units, size, 0)
        if fits(ctx, paras, box.w, box.h):
            return [_frame(points, box, paras)]
        over = ctx.measure.height(paras, box.w) - box.h
        return Shortfall(points.field, f"the {points.field}", lines_over(_lines(over, paras), size))
    best = None
    for k in range(1, len(points.units)):
        left, right = points.units[:k], points.units[k:]
        heights = (points.height(ctx, left, size, boxes[0].w), points.height(ctx, right, size, boxes[1].w, k))
        if max(heights) <= boxes[0].h and (best is None or max(heights) < best[0]):
            best = (max(heights), k)
    if best is None:
        return Shortfall(points.field, f"the {points.field}", f"do not fit in two columns at {size:g} pt")
    k = best[1]
    return [_frame(points, boxes[0], points.paras_at(points.units[:k], size, 0)),
            _frame(points, boxes[1], points.paras_at(points.units[k:], size, k))]


def _frame(points: Points, box: Box, paras: list[Para]) -> TextBox:
    return TextBox(box, tuple(paras), name=points.field.capitalize(), placeholder=points.holder)


def _lines(over: int, paras: list[Para]) -> int:
    pitch = para_pitch(paras[0]) if paras else 1.0
    return max(1, -(-over // round(pitch * EMU_PER_PT)))


def point_arrangements(ctx: Ctx, points: Points, layouts: Sequence[tuple[str, Sequence[Box]]]) -> list[Arrangement]:
    """An arrangement per way of placing the list (a name and its column boxes)."""
    return [Arrangement(name, partial(set_points, ctx, points, boxes)) for name, boxes in layouts
            if len(boxes) == 1 or len(points.units) >= 4]


def fit_points(ctx: Ctx, slide: Slide, points: Points, layouts: Callable[[Frame], Sequence[tuple[str, Sequence[Box]]]],
               x: int | None = None, w: int | None = None) -> Fitted | Shortfall | None:
    """The list on one slide under its title (the shapes include the title's): each arrangement at the
    preferred sizes, then at the smaller ones; None (reported) if the title does not fit."""
    usual = content_frame(ctx, slide, x=x, w=w)
    if usual is None:
        return None
    arrangements = framed(ctx, slide, usual, lambda frame: point_arrangements(ctx, points, layouts(frame)), x, w)
    return arrange(arrangements, points.stages)


def page_points(ctx: Ctx, points: Points, box_of: Callable[[int], Box]) -> tuple[float, list[list]] | Shortfall:
    """The list over the fewest slides (page k in `box_of(k)`), as large as that allows; long units split at
    sentences."""
    sizes = [*points.stages[0], *points.stages[1]]

    def fit(page: list, size: float, index: int) -> bool:
        box = box_of(index)
        return points.height(ctx, page, size, box.w) <= box.h

    def split(unit, size: float, index: int) -> tuple | None:
        """A point too long for a slide: after its last sub-point that fits, else in its text at a sentence."""
        if not isinstance(unit, Item):
            return None
        kept = next((k for k in range(len(unit.children) - 1, 0, -1)
                     if fit([replace(unit, children=unit.children[:k])], size, index)), 0)
        if kept:
            return replace(unit, children=unit.children[:kept]), replace(unit, text="", children=unit.children[kept:],
                                                                         cont=True)
        parts = split_text(unit.text, lambda head: fit([replace(unit, text=head, children=())], size, index))
        return parts and (replace(unit, text=parts[0], children=()), replace(unit, text=parts[1], cont=True))

    found = paginate(points.units, fit, sizes, split)
    if found is not None:
        return found
    return _unit_shortfall(ctx, points, box_of(1), sizes[-1])


def _unit_shortfall(ctx: Ctx, points: Points, box: Box, size: float) -> Shortfall:
    """The first unit that does not fit a slide alone, and how much of it must go."""
    for i, unit in enumerate(points.units):
        if points.height(ctx, [unit], size, box.w) > box.h:
            text = getattr(unit, "text", "")

            def fits_with(kept: str, unit=unit) -> bool:
                return points.height(ctx, [replace(unit, text=kept)], size, box.w) <= box.h

            over = chars_over(fits_with, text)
            return Shortfall(points.field, f"{points.noun} {i + 1}", f"{fewer_chars(max(over, 1))} to fit a slide "
                             f"at {size:g} pt", i)
    return Shortfall(points.field, f"the {points.field}", "does not fit")


def list_pages(ctx: Ctx, slide: Slide, title: str, points: Points, first: Callable[[Frame], Box],
               later: Callable[[Frame], Box] | None = None,
               width: tuple[int, int] | None = None) -> list[Page] | Shortfall:
    """Continuation slides "(cont.)": the list over the fewest slides, numbered on, the notes on the first.
    The first slide's list goes in `first(frame)`, the others' in `later(frame)` (the same by default);
    `width` is the x and width of the first slide's title when it does not span the safe area."""
    then = later or first
    x, w = width or (None, None)
    head = content_frame(ctx, slide, title, x, w)
    if head is None:
        return Shortfall("title", "the title", "does not fit")
    found = page_points(ctx, points, lambda index: first(head) if index == 0 else then(head))
    frames = [head]
    if not isinstance(found, Shortfall) and len(found[1]) > 1:  # every slide's list starts below the taller title
        heads = [head, content_frame(ctx, slide, continued(title, 2)) or head]  # "(cont.)" may take another line
        top = max(h.body.y for h in heads)
        frames = [replace(h, body=Box(h.body.x, top, h.body.w, h.body.bottom - top)) for h in heads]
        found = page_points(ctx, points, lambda index: first(frames[0]) if index == 0 else then(frames[1]))
    if isinstance(found, Shortfall):
        return found
    size, pages = found
    boxes = [first(frames[0]), then(frames[-1])]
    out, done = [], 0
    for part, page in enumerate(pages, start=1):
        box = boxes[min(part - 1, 1)]
        paras = points.paras_at(page, size, done)
        out.append(Page(continued(title, part), frames[min(part - 1, len(frames) - 1)].head.shapes,
                        (_frame(points, box, paras),)))
        done += sum(1 for unit in page if not getattr(unit, "cont", False))
    return out


def every_page(shapes: Sequence) -> Callable[[int], Sequence]:
    """The same shapes on every page of a list (for plans_of)."""
    return lambda part: shapes


def plans_of(slide: Slide, pages: Sequence[Page], extra: Callable[[int], Sequence] = lambda part: (),
             arranged: str = "") -> list[SlidePlan]:
    """SlidePlans for a list's pages: the notes on the first; `extra(part)` adds shapes to each."""
    return [SlidePlan(slide.id, slide.layout, page.title, (*page.head, *page.frames, *extra(part)),
                      slide.get("notes", "") if part == 1 else "", part=part, parts=len(pages),
                      arranged=arranged)
            for part, page in enumerate(pages, start=1)]
