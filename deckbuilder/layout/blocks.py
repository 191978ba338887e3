"""Building blocks shared by slide kinds: titles, lists, pagination, sources and footers."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from ..colors import readable_on
from ..model.outline import Slide
from .context import HARD_FLOOR, Ctx
from .grid import snap
from .ir import Box, Para, Rect, Run, TextBox, inches, points
from .text import para_pitch, sizes_between

GAP = inches(0.3)
LOGO_ROOM = inches(2.8)  # the footer's right end: the logo, then the slide number
MAX_ITEMS = 6
BULLET = "\u2022"
SUB_BULLET = "\u2013"


@dataclass(frozen=True)
class Item:
    """A list item ready for layout: text, sub-items, and whether it continues the previous one."""

    text: str
    children: tuple[str, ...] = ()
    cont: bool = False


def items_of(values: Sequence) -> list[Item]:
    """Checked bullets (text or {text, bullets}) as layout items."""
    out = []
    for value in values:
        kids = tuple(k["text"] for k in value.get("bullets") or ())
        out.append(Item(value["text"], kids))
    return out


def title_sizes(ctx: Ctx, preferred: float | None = None) -> list[float]:
    return sizes_between(preferred or ctx.size("title"), HARD_FLOOR["title"])


def text_box(ctx: Ctx, slide: Slide, field: str, paras_at: Callable[[float], list[Para]], box: Box,
             sizes: Sequence[float], *, role: str = "body", anchor: str = "t", max_lines: int | None = None,
             grow: bool = False, quiet: bool = False) -> TextBox | None:
    """The largest size at which the text fits `box` (and `max_lines`); None, reported, if none does.

    With grow=True the box's height is a limit and the frame takes the text's measured height;
    with quiet=True a failure is not reported (the caller has another way to try).
    """
    for size in sizes:
        paras = paras_at(size)
        height = ctx.measure.height(paras, box.w)
        lines = sum(ctx.measure.line_count(p, box.w) for p in paras)
        if height <= box.h and (max_lines is None or lines <= max_lines):
            frame = box.with_h(snap(height)) if grow else box
            return TextBox(frame, tuple(paras), role=role, anchor=anchor, name=role.capitalize())
    if quiet:
        return None
    paras = paras_at(sizes[-1])
    over = ctx.measure.height(paras, box.w) - box.h
    lines = sum(ctx.measure.line_count(p, box.w) for p in paras)
    pitch = para_pitch(paras[0]) if paras else 1
    detail = (f"{lines} lines where {max_lines} fit" if max_lines and lines > max_lines
              else f"about {math.ceil(over / points(pitch))} line(s) too long")
    ctx.overflow(slide, field, f"{detail} even at {sizes[-1]:g} pt")
    return None


def title_block(ctx: Ctx, slide: Slide, text: str, *, x: int | None = None, w: int | None = None,
                quiet: bool = False) -> tuple[list, int] | None:
    """A content slide's title under a short accent bar (or in the template's title placeholder):
    its shapes and where the body starts; None if it does not fit in three lines at the smallest
    title size (reported unless quiet)."""
    if ctx.tlayout and ctx.tlayout.title:
        return _template_title(ctx, slide, text, quiet)
    grid = ctx.grid
    x = grid.safe.x if x is None else x
    w = grid.safe.w if w is None else w
    bar = Rect(Box(x, grid.top, inches(0.6), points(5)), fill=ctx.colors["accent"], name="Accent bar")
    top = grid.top + points(5) + inches(0.12)
    frame = Box(x, top, w, inches(2.4))
    box = text_box(ctx, slide, "title", _title_paras(ctx, text), frame, title_sizes(ctx), role="title",
                   max_lines=2, grow=True, quiet=True) or \
        text_box(ctx, slide, "title", _title_paras(ctx, text), frame, [HARD_FLOOR["title"]], role="title",
                 max_lines=3, grow=True, quiet=quiet)
    return ([bar, box], snap(box.box.bottom + GAP)) if box else None


def _title_paras(ctx: Ctx, text: str) -> Callable[[float], list[Para]]:
    color = ctx.colors.get("title", ctx.colors["primary"])
    return lambda size: [ctx.para(text, size, heading=True, bold=True, color=color, line_spacing=0.95)]


def _template_title(ctx: Ctx, slide: Slide, text: str, quiet: bool) -> tuple[list, int] | None:
    """The title in the template layout's title placeholder box, shrinking to fit it; a title that
    needs more lines than the box holds takes them below it (the body moves down)."""
    frame = ctx.tlayout.title
    paras = _title_paras(ctx, text)
    box = text_box(ctx, slide, "title", paras, frame, title_sizes(ctx), role="title", anchor="ctr", quiet=True)
    if box is None:
        deeper = Box(frame.x, frame.y, frame.w, frame.h + inches(1.2))
        box = text_box(ctx, slide, "title", paras, deeper, [HARD_FLOOR["title"]], role="title", max_lines=3,
                       grow=True, quiet=quiet)
        if box is None:
            return None
        box = replace(box, box=box.box.with_h(max(box.box.h, frame.h)), anchor="t")
    body = ctx.tlayout.body
    box = replace(box, backdrop=ctx.tlayout.title_background)
    return [box], max(box.box.bottom + GAP // 2, body.y if body else 0)


def content_frame(ctx: Ctx, slide: Slide) -> tuple[list, int, int] | None:
    """A content slide's title shapes and the top and bottom of its body; None if the title does not fit."""
    titled = title_block(ctx, slide, slide["title"])
    return (*titled, body_bottom(ctx, slide)) if titled else None


def body_bottom(ctx: Ctx, slide: Slide) -> int:
    """The lowest y of a content slide's body, above its source line when it has one."""
    body = ctx.tlayout.body if ctx.tlayout else None
    bottom = min(body.bottom, ctx.grid.height - ctx.grid.bottom) if body else ctx.grid.height - ctx.grid.bottom
    return bottom - (inches(0.45) if slide.get("source") else 0)


def source_box(ctx: Ctx, slide: Slide, color: str | None = None) -> list[TextBox]:
    """The slide's citation line, small, at the foot of the body."""
    text = slide.get("source")
    if not text:
        return []
    grid = ctx.grid
    box = Box(grid.safe.x, grid.height - grid.bottom - inches(0.38), grid.safe.w, inches(0.34))
    found = text_box(ctx, slide, "source", lambda s: [ctx.para(f"Source: {text}", s, color=color or
                                                                  ctx.colors["muted"])],
                     box, sizes_between(ctx.size("small"), HARD_FLOOR["small"], 1), role="source", anchor="b")
    return [found] if found else []


def bullet_paras(ctx: Ctx, items: Sequence[Item], size: float, numbered: bool = False, start: int = 1,
                 color: str | None = None) -> list[Para]:
    """Paragraphs for a list: hanging bullets (or numbers) in the accent colour, sub-points smaller."""
    sub = max(HARD_FLOOR["body"], round(size * 0.86))
    indent = points(round(size * (1.25 if numbered else 0.95)))
    sub_indent = indent + points(round(sub * 0.95))
    paras: list[Para] = []
    number = start
    for item in items:
        bullet = None if item.cont else ("num" if numbered else BULLET)
        paras.append(Para((ctx.run(item.text, size, color=color),), bullet=bullet, indent=indent,
                          bullet_color=ctx.colors["accent"], number=number,
                          space_before=0 if item.cont else round(size * 0.5)))
        number += 0 if item.cont else 1
        for kid in item.children:
            paras.append(Para((ctx.run(kid, sub, color=color),), bullet=SUB_BULLET, indent=sub_indent,
                              hang=sub_indent - indent, bullet_color=ctx.colors["muted"],
                              space_before=round(sub * 0.25)))
    return paras


def split_text(text: str, fits: Callable[[str], bool]) -> tuple[str, str] | None:
    """Split text at a word (ideally a sentence end) so the head fits; None if not even a word fits."""
    words = text.split(" ")
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(" ".join(words[:mid])):
            lo = mid
        else:
            hi = mid - 1
    if lo == 0 or lo == len(words):
        return None
    for k in range(lo, max(1, int(lo * 0.6)) - 1, -1):
        if re.search(r"[.!?;:]$", words[k - 1]):
            lo = k
            break
    return " ".join(words[:lo]), " ".join(words[lo:])


def paginate(units: list, fits: Callable[[list, float], bool], sizes: Sequence[float],
             split: Callable[[object, float], tuple | None] | None = None,
             max_per_page: int = MAX_ITEMS) -> tuple[float, list[list]] | None:
    """Pages of units at one size: one page shrinking if it can, else continuation pages."""
    if len(units) <= max_per_page:
        for size in sizes:
            if fits(units, size):
                return size, [units]
    for size in sizes:
        pages = _pack(units, fits, size, None, max_per_page)
        if pages:
            return size, _balance(units, fits, size, pages)
    pages = _pack(units, fits, sizes[-1], split, max_per_page) if split else None
    return (sizes[-1], pages) if pages else None


def _pack(units, fits, size, split, cap) -> list[list] | None:
    pages, page, queue = [], [], list(units)
    while queue:
        unit = queue.pop(0)
        if len(page) < cap and fits(page + [unit], size):
            page.append(unit)
            continue
        if page:
            pages.append(page)
            page = []
            queue.insert(0, unit)
            continue
        parts = split(unit, size) if split else None
        if not parts:
            return None
        pages.append([parts[0]])
        queue.insert(0, parts[1])
    return pages + ([page] if page else [])


def _balance(units, fits, size, pages) -> list[list]:
    cap = math.ceil(len(units) / len(pages))
    even = _pack(units, fits, size, None, cap)
    return even if even and len(even) == len(pages) else pages


def continued(title: str, part: int) -> str:
    return title if part == 1 else f"{title} (cont.)"


def footer_shapes(ctx: Ctx, number: int, background: str, credit: Sequence[Run] = (),
                  numbers: bool = True) -> list[TextBox]:
    """The footer line: the theme's footer (or footer credits) on the left, the slide number right."""
    theme, grid = ctx.theme, ctx.grid
    color = readable_on(background, ctx.colors["muted"], ctx.colors["text"])
    size = ctx.size("small")
    box = grid.footer
    shapes = []
    runs = [replace(r, size=size, color=color) for r in credit]
    if theme.footer and not runs:
        runs = [ctx.run(theme.footer, size, color=color)]
    if runs:
        room = box.w - (LOGO_ROOM if ctx.theme.logo else inches(1))
        shapes.append(TextBox(Box(box.x, box.y, room, box.h), (Para(tuple(runs)),),
                              role="footer", anchor="ctr", name="Footer"))
    if theme.slide_numbers and numbers:
        num = Run(str(number), theme.fonts["body"], size, color=color, field="slidenum")
        shapes.append(TextBox(Box(box.right - inches(0.8), box.y, inches(0.8), box.h), (Para((num,), align="r"),),
                              role="number", anchor="ctr", name="Slide number"))
    return shapes


def vstack(boxes: Sequence[tuple[TextBox | Rect, int]], top: int, bottom: int, align: str = "center") -> list:
    """Stack shapes downwards (each with a gap before it), centred (or top-aligned) between top and bottom."""
    total = sum(gap + shape.box.h for shape, gap in boxes) - (boxes[0][1] if boxes else 0)
    y = top + max(0, (bottom - top - total) // 2) if align == "center" else top
    out = []
    for i, (shape, gap) in enumerate(boxes):
        y += gap if i else 0
        out.append(replace(shape, box=Box(shape.box.x, y, shape.box.w, shape.box.h)))
        y += shape.box.h
    return out


def grown(ctx: Ctx, slide: Slide, field: str, paras_at: Callable[[float], list[Para]], x: int, w: int,
          sizes: Sequence[float], max_h: int, *, role: str = "body", max_lines: int | None = None) -> TextBox | None:
    """A text frame as tall as its text (at the largest size that fits max_h), to be stacked."""
    return text_box(ctx, slide, field, paras_at, Box(x, 0, w, max_h), sizes, role=role, max_lines=max_lines,
                    grow=True)


def list_pages(ctx: Ctx, slide: Slide, field: str, title: str, units: list, box_x: int, box_w: int,
               paras_at: Callable[[list, float, int], list[Para]], sizes: Sequence[float],
               max_items: int = MAX_ITEMS, main: bool = True) -> list[tuple[str, list, TextBox]] | None:
    """A list set as large as it fits, continued on further slides when it must be.

    `paras_at(units, size, first)` sets the units that start at index `first`; returns, per page,
    the page's title, its title shapes and its body frame (None, reported, if nothing fits). A `main`
    list goes in the template's body placeholder when there is one.
    """
    heads = [title_block(ctx, slide, title, x=box_x, w=box_w)]
    if heads[0] is None:
        return None
    body = ctx.tlayout.body if ctx.tlayout else None
    if body and main:
        box_x, box_w = body.x, body.w
    found, box = _pages(ctx, slide, field, units, Box(box_x, heads[0][1], box_w, 0), paras_at, sizes, max_items)
    if found and len(found[1]) > 1:
        more = title_block(ctx, slide, continued(title, 2), x=box_x, w=box_w, quiet=True) or heads[0]
        heads.append(more)
        if more[1] > heads[0][1]:
            found, box = _pages(ctx, slide, field, units, Box(box_x, more[1], box_w, 0), paras_at, sizes,
                                max_items)
    if found is None:
        return None
    size, pages = found
    holder = "body" if ctx.tlayout and ctx.tlayout.body and box.x == ctx.tlayout.body.x else None
    out, first = [], 0
    for part, page in enumerate(pages, start=1):
        shapes = heads[min(part, len(heads)) - 1][0]
        page_title = continued(title, part) if len(heads) > 1 and heads[1] is not heads[0] else title
        out.append((page_title, shapes, TextBox(box, tuple(paras_at(page, size, first)), name=field.capitalize(),
                                                placeholder=holder)))
        first += sum(1 for unit in page if not getattr(unit, "cont", False))
    return out


def _pages(ctx: Ctx, slide: Slide, field: str, units: list, top: Box, paras_at, sizes, max_items):
    """Paginate units into the body below `top.y`; (size, pages) and the body frame, or None (reported)."""
    box = Box(top.x, top.y, top.w, body_bottom(ctx, slide) - top.y)

    def fits(page: list, size: float) -> bool:
        return ctx.measure.height(paras_at(page, size, 0), box.w) <= box.h

    def split(unit: Item, size: float) -> tuple | None:
        parts = split_text(unit.text, lambda head: fits([Item(head, (), unit.cont)], size))
        return parts and (Item(parts[0], (), unit.cont), Item(parts[1], unit.children, True))

    splittable = all(isinstance(unit, Item) for unit in units)
    found = paginate(units, fits, sizes, split if splittable else None, max_items)
    if found is None:
        slides = ctx.measure.height(paras_at(units, sizes[-1], 0), box.w) / max(box.h, 1)
        ctx.overflow(slide, field, f"does not fit even split over slides ({slides:.1f} slides of text at "
                     f"{sizes[-1]:g} pt)")
    return found, box
