"""Building blocks shared by slide kinds: titles, fitted text frames, lists of points, sources and footers."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from ..colors import readable_on
from ..model.outline import Slide
from .context import Ctx
from .fitting import Arrangement, Shortfall, chars_over, fewer_chars
from .grid import (
    ACCENT_BAR,
    BAR,
    DISPLAY_BAR,
    DISPLAY_BAR_THICK,
    GAP,
    GUTTER,
    LOGO_ROOM,
    NUMBER_ROOM,
    TITLE_DEPTH,
    snap,
)
from .ir import Box, Para, Rect, Run, TemplateLayout, TextBox, inches, points
from .scale import FLOOR, KICKER_FLOOR, steps
from .text import UNCOVERED_EM

BULLET = "\u2022"
SUB_BULLET = "\u2013"
BODY_SHARE = 0.5  # a title takes a third or fourth line only while the body keeps this share of the safe area
SOURCE_ROOM = inches(0.45)  # the citation line's strip at the foot of the body
SOURCE_PAD = points(2)


@dataclass(frozen=True)
class Item:
    """A list item ready for layout: text, sub-items, and whether it continues the previous one."""

    text: str
    children: tuple[Item, ...] = ()
    cont: bool = False
    source: tuple = ()  # the outline field it shows (see Para.source)


@dataclass(frozen=True)
class Head:
    """A content slide's title shapes and where its body may start."""

    shapes: tuple
    bottom: int
    kicker: bool = False  # the title is set small, as a kicker, because it is long


@dataclass(frozen=True)
class Frame:
    """A content slide's title and the area left for its body."""

    head: Head
    body: Box


def items_of(values: Sequence, field: tuple) -> list[Item]:
    """Checked bullets (text or {text, bullets}) as layout items; `field` is their path in the slide."""
    return [Item(value["text"], tuple(Item(kid["text"], source=(*field, i, "bullets", j, "text"))
                                      for j, kid in enumerate(value.get("bullets") or ())), source=(*field, i, "text"))
            for i, value in enumerate(values)]


def fit_text(ctx: Ctx, paras_at: Callable[[float], list[Para]], box: Box, sizes: Sequence[float], *,
             role: str = "body", anchor: str = "t", max_lines: int | None = None, grow: bool = False,
             name: str | None = None) -> TextBox | None:
    """The text at the largest size that fits `box` (and `max_lines`), or None. With grow=True the box's
    height is a limit and the frame takes the text's own height."""
    for size in sizes:
        paras = paras_at(size)
        if fits(ctx, paras, box.w, box.h, max_lines):
            frame = box.with_h(snap(ctx.measure.height(paras, box.w))) if grow else box
            return TextBox(frame, tuple(paras), role=role, anchor=anchor, name=name or role.capitalize())
    return None


def fits(ctx: Ctx, paras: Sequence[Para], width: int, height: int, max_lines: int | None = None) -> bool:
    """Whether the paragraphs fit `width` × `height` (and `max_lines`) without cutting a word that a wider
    frame on the slide would keep whole."""
    lines, needed = ctx.measure.lines_and_height(paras, width)
    return (max_lines is None or lines <= max_lines) and needed <= height and whole_words(ctx, paras, width)


def whole_words(ctx: Ctx, paras: Sequence[Para], width: int) -> bool:
    """Whether every word fits `width` (a word wider than the safe area has to be cut wherever it goes; and any
    word may be cut when the slide fits no other way: ctx.whole is False)."""
    return not ctx.whole or not any(_may_cut(p, width) and width < ctx.measure.widest_word(p) <= ctx.grid.safe.w
                                    for p in paras)


def _may_cut(para: Para, width: int) -> bool:
    """Whether a word of the paragraph could be wider than `width` (no glyph is wider than UNCOVERED_EM)."""
    longest = max((len(word) for word in para.text.split()), default=0)
    return points(longest * para.size * UNCOVERED_EM) + para.indent > width


def text_shortfall(ctx: Ctx, field: str, item: str, text: str, paras_for: Callable[[str], list[Para]], width: int,
                   height: int, max_lines: int | None = None, index: int | None = None) -> Shortfall:
    """How many characters of `text` must go for it to fit `width` × `height` (set by `paras_for`), worked out
    only if the shortfall is reported."""
    def amount() -> str:
        return fewer_chars(max(chars_over(lambda kept: fits(ctx, paras_for(kept), width, height, max_lines), text), 1))

    return Shortfall(field, item, amount, index)


def accent_bar(ctx: Ctx, x: int | None = None) -> Rect:
    """The short bar in the accent colour above a content slide's title (or kicker)."""
    return Rect(Box(ctx.grid.safe.x if x is None else x, ctx.grid.top, ACCENT_BAR, BAR), fill=ctx.colors["accent"],
                name="Accent bar")


def display_bar(ctx: Ctx, x: int) -> Rect:
    """The longer bar above display text (a cover's title, a statement)."""
    return Rect(Box(x, 0, DISPLAY_BAR, DISPLAY_BAR_THICK), fill=ctx.colors["accent"], name="Accent bar")


def title_paras(ctx: Ctx, text: str, size: float, kicker: bool = False) -> list[Para]:
    color = ctx.colors.get("title", ctx.colors["primary"])
    return [ctx.para(text, size, heading=True, bold=True, color=color, line_spacing=1.0 if kicker else 0.95)]


def kicker_sizes(ctx: Ctx) -> list[float]:
    return steps(ctx.size("caption") + 4, KICKER_FLOOR)


def title_block(ctx: Ctx, slide: Slide, text: str, *, x: int | None = None, w: int | None = None,
                compact: bool = False) -> Head | None:
    """A content slide's title under a short accent bar (or in the template's title placeholder): two lines
    at the title sizes, else three or four at the smallest while the body keeps room, else set small as a
    kicker; None (reported) only if not even the kicker fits. A `compact` title takes as few lines as it can
    at the title sizes (to leave the body more room)."""
    on = ctx.titled()
    if on:
        return _template_title(ctx, slide, text, *on, compact, x, w)
    grid = ctx.grid
    x = grid.safe.x if x is None else x
    w = grid.safe.w if w is None else w
    bar = accent_bar(ctx, x)
    top = grid.title_top
    most = top + round(grid.safe.h * (1 - BODY_SHARE))  # the lowest a long title may reach
    sizes = steps(ctx.size("title"), FLOOR["title"])
    floor = [FLOOR["title"]]
    tries = [(sizes, lines) for lines in (1, 2)] if compact else [(sizes, 2)]
    for sizes, lines in (*tries, (floor, 3), (floor, 4)):
        box = fit_text(ctx, lambda s: title_paras(ctx, text, s), Box(x, top, w, TITLE_DEPTH), sizes, role="title",
                       max_lines=lines, grow=True)
        if box and (lines <= 2 or box.box.bottom + GAP <= most):
            return Head((bar, box), snap(box.box.bottom + GAP))
    return _kicker_head(ctx, slide, text, Box(x, top, w, TITLE_DEPTH), (bar,))


def _kicker_head(ctx: Ctx, slide: Slide, text: str, frame: Box, decoration: tuple) -> Head | None:
    box = fit_text(ctx, lambda s: title_paras(ctx, text, s, kicker=True), frame, kicker_sizes(ctx), role="title",
                   grow=True, name="Title")
    if box is None:
        short = text_shortfall(ctx, "title", "the title", text, lambda t: title_paras(ctx, t, KICKER_FLOOR, True),
                               frame.w, frame.h)
        ctx.overflow(slide, short)
        return None
    return Head((*decoration, box), snap(box.box.bottom + GAP), kicker=True)


def _template_title(ctx: Ctx, slide: Slide, text: str, layout: TemplateLayout, frame: Box, compact: bool = False,
                    x: int | None = None, w: int | None = None) -> Head | None:
    """The title in the template layout's title placeholder (narrowed to `x`, `w` when given, e.g. beside a
    picture), shrinking to fit it (`compact`: to as few lines as it can); a title that needs more lines takes
    them below it (the body moves down), else it is set small in the placeholder."""
    if x is not None and w is not None:
        left, right = max(frame.x, x), min(frame.right, x + w)
        frame = Box(left, frame.y, right - left, frame.h)
    body = layout.body

    def head(box: TextBox) -> Head:
        box = replace(box, backdrop=layout.title_background)
        return Head((box,), max(box.box.bottom + GAP // 2, body.y if body else 0))

    sizes = steps(ctx.size("title"), FLOOR["title"])
    box = (compact and fit_text(ctx, lambda s: title_paras(ctx, text, s), frame, sizes, role="title", anchor="ctr",
                                max_lines=1)) or \
        fit_text(ctx, lambda s: title_paras(ctx, text, s), frame, sizes, role="title", anchor="ctr")
    if box:
        return head(box)
    deeper = Box(frame.x, frame.y, frame.w, max(frame.h, TITLE_DEPTH))
    for lines in (3, 4):
        box = fit_text(ctx, lambda s: title_paras(ctx, text, s), deeper, [FLOOR["title"]], role="title",
                       max_lines=lines, grow=True)
        if box and box.box.bottom - frame.y <= round(ctx.grid.safe.h * (1 - BODY_SHARE)):
            return head(replace(box, box=box.box.with_h(max(box.box.h, frame.h))))
    found = _kicker_head(ctx, slide, text, deeper, ())
    if found is None:
        return None
    kicker = found.shapes[0]
    return head(replace(kicker, box=kicker.box.with_h(max(kicker.box.h, frame.h)), anchor="ctr"))


def content_frame(ctx: Ctx, slide: Slide, title: str | None = None, x: int | None = None,
                  w: int | None = None, compact: bool = False) -> Frame | None:
    """A content slide's title (across `x`, `w`: the safe area by default) and the area under it for the body;
    None (reported) if the title cannot fit."""
    head = title_block(ctx, slide, slide["title"] if title is None else title, x=x, w=w, compact=compact)
    if head is None:
        return None
    if title is None or title == slide.get("title"):  # the slide's own title: pull maps edits of it back
        head = replace(head, shapes=tuple(sourced(s, ("title",)) if getattr(s, "role", "") == "title" else s
                                          for s in head.shapes))
    safe = ctx.grid.safe
    return Frame(head, Box(safe.x, head.bottom, safe.w, body_bottom(ctx, slide) - head.bottom))


def framed(ctx: Ctx, slide: Slide, usual: Frame, build: Callable[[Frame], list[Arrangement]],
           x: int | None = None, w: int | None = None) -> list[Arrangement]:
    """A content slide's arrangements under its title (their shapes include the title's): each as `build`
    makes it for the `usual` title, then for the title on fewer lines (worked out only if the usual ones do
    not fit, and tried only when it leaves the body more room)."""
    smaller: list = []

    def compact() -> list[Arrangement]:
        if not smaller:
            frame = content_frame(ctx, slide, x=x, w=w, compact=True)
            smaller.append(build(frame) if frame and frame.body.h > usual.body.h else [])
            smaller.append(frame)
        return smaller[0]

    def attempt(i: int, size: float) -> list | Shortfall | None:
        found = compact()
        return _headed(smaller[1], found[i].attempt(size)) if i < len(found) else None

    arrangements = build(usual)
    return [*(Arrangement(a.name, partial(_under, usual, a)) for a in arrangements),
            *(Arrangement(", ".join(n for n in (a.name, "a smaller title") if n), partial(attempt, i))
              for i, a in enumerate(arrangements))]


def _under(frame: Frame, arrangement: Arrangement, size: float) -> list | Shortfall | None:
    return _headed(frame, arrangement.attempt(size))


def _headed(frame: Frame, shapes: list | Shortfall | None) -> list | Shortfall | None:
    return shapes if shapes is None or isinstance(shapes, Shortfall) else [*frame.head.shapes, *shapes]


def sourced(box: TextBox, source: tuple, form: str = "{}") -> TextBox:
    """The box with every paragraph marked as showing the outline field `source` (see Para.source)."""
    return replace(box, paras=tuple(replace(p, source=source, form=form) for p in box.paras))


def body_bottom(ctx: Ctx, slide: Slide) -> int:
    """The lowest y of a content slide's body, above its source line when it has one."""
    body = ctx.tlayout.body if ctx.tlayout else None
    bottom = ctx.grid.height - ctx.grid.bottom
    bottom = min(body.bottom, bottom) if body else bottom
    return bottom - (SOURCE_ROOM if slide.get("source") else 0)


def source_box(ctx: Ctx, slide: Slide, color: str | None = None) -> list[TextBox]:
    """The slide's citation line, small, at the foot of the body (shrinking, then wrapping upwards)."""
    text = slide.get("source")
    if not text:
        return []
    grid = ctx.grid
    box = Box(grid.safe.x, grid.height - grid.bottom - SOURCE_ROOM + SOURCE_PAD, grid.safe.w,
              SOURCE_ROOM - 2 * SOURCE_PAD)
    color = color or ctx.colors["muted"]
    found = fit_text(ctx, lambda s: [ctx.para(text, s, color=color, source=("source",), form="Source: {}")], box,
                     steps(ctx.size("small"), FLOOR["small"], 1), role="source", anchor="b")
    if found is None:
        ctx.overflow(slide, text_shortfall(ctx, "source", "the source line", text,
                                           lambda t: [ctx.para(f"Source: {t}", FLOOR["small"])], box.w, box.h))
        return []
    return [found]


def bullet_paras(ctx: Ctx, items: Sequence[Item], size: float, numbered: bool = False, start: int = 1,
                 color: str | None = None) -> list[Para]:
    """Paragraphs for a list: hanging bullets (or numbers) in the accent colour, sub-points smaller."""
    sub = max(FLOOR["body"], round(size * 0.86))
    indent = points(round(size * (1.25 if numbered else 0.95)))
    sub_indent = indent + points(round(sub * 0.95))
    paras: list[Para] = []
    number = start
    for item in items:
        bullet = None if item.cont else ("num" if numbered else BULLET)
        if item.text or not item.cont:  # a point continued from the slide before may go on with sub-points only
            paras.append(Para((ctx.run(item.text, size, color=color),), bullet=bullet, indent=indent,
                              bullet_color=ctx.colors["accent"], number=number,
                              space_before=0 if item.cont else round(size * 0.5), source=item.source))
        number += 0 if item.cont else 1
        for kid in item.children:
            paras.append(Para((ctx.run(kid.text, sub, color=color),), bullet=SUB_BULLET, indent=sub_indent,
                              hang=sub_indent - indent, bullet_color=ctx.colors["muted"],
                              space_before=round(sub * 0.25), source=kid.source))
    return paras


def footer_shapes(ctx: Ctx, number: int, background: str, credit: Sequence[Run] = (), numbers: bool = True,
                  right: int | None = None) -> list[TextBox]:
    """The footer line: the theme's footer (or footer credits) on the left (ending before `right`, where a
    picture bleeds into the footer), the slide number right."""
    theme, grid = ctx.theme, ctx.grid
    color = readable_on(background, ctx.colors["muted"], ctx.colors["text"])
    size = ctx.size("small")
    box = grid.footer
    shapes = []
    runs = [replace(r, color=color) for r in credit] or \
        ([ctx.run(theme.footer, size, color=color)] if theme.footer else [])
    room = min(box.w - (LOGO_ROOM if ctx.theme.logo else NUMBER_ROOM + GUTTER), (right or ctx.grid.width) - GAP - box.x)
    if runs:  # shrinking to 10 pt, then two lines (rising into the margin above); else only on the credits slide
        paras = lambda s: [Para(tuple(replace(r, size=s) for r in runs))]  # noqa: E731
        line = fit_text(ctx, paras, Box(box.x, box.y, room, box.h), steps(size, FLOOR["small"], 1), role="footer",
                        anchor="ctr", name="Footer", max_lines=1) or \
            fit_text(ctx, paras, Box(box.x, box.bottom - 2 * box.h, room, 2 * box.h), [FLOOR["small"]],
                     role="footer", anchor="b", name="Footer", max_lines=2)
        shapes += [line] if line else []
    if theme.slide_numbers and numbers:
        num = Run(str(number), theme.fonts["body"], size, color=color, field="slidenum")
        shapes.append(TextBox(Box(box.right - NUMBER_ROOM, box.y, NUMBER_ROOM, box.h), (Para((num,), align="r"),),
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

