"""The quote slide: a large quotation mark, the words, and the speaker set apart beneath; a picture beside the
words, smaller, or small beside the speaker's name; a long quote continued."""
from __future__ import annotations

from functools import partial

from ...model.outline import Slide
from ..blocks import Item, body_bottom, fit_text, kicker_sizes, source_box, sourced, text_shortfall, title_paras, vstack
from ..blocks import accent_bar as bar
from ..context import Ctx
from ..fitting import Arrangement, Shortfall, arrange
from ..grid import GAP, KICKER_DEPTH
from ..images import place_image
from ..ir import Box, Para, Rect, Shape, SlidePlan, TextBox, inches, points
from ..lists import Page, plans_of
from ..paging import continued, paginate, split_text
from ..scale import BIG_STEP, FLOOR, stages

MARK_SIZE = 200.0
BY_GAP = inches(0.35)  # between the words and the speaker
SMALL_PICTURE = inches(1.3)  # a picture set beside the speaker's name


def kicker(ctx: Ctx, slide: Slide, text: str, role: str = "title", source: tuple = ()) -> TextBox | None:
    """A slide's title set small above the content, for slides where the content is the point:
    under the accent bar, or in the template's title placeholder's place, in the title colour."""
    on = ctx.titled()
    x, w = (on[1].x, on[1].w) if on else (ctx.grid.safe.x, ctx.grid.safe.w)
    box = fit_text(ctx, lambda s: title_paras(ctx, text, s, kicker=True), Box(x, 0, w, KICKER_DEPTH),
                   kicker_sizes(ctx), role=role, max_lines=2, grow=True, name="Kicker")
    if box is None:
        ctx.overflow(slide, text_shortfall(ctx, "title", "the title", text,
                                           lambda t: title_paras(ctx, t, kicker_sizes(ctx)[-1], True), w,
                                           KICKER_DEPTH, 2))
        return None
    box = sourced(box, source)
    if on:
        return TextBox(on[1], box.paras, role=role, anchor="ctr", name="Kicker", backdrop=on[0].title_background)
    return TextBox(Box(x, ctx.grid.title_top, w, box.box.h), box.paras, role=role, name="Kicker")


def accent_bar(ctx: Ctx) -> list[Rect]:
    """The short bar above titles (a template brings its own decoration instead)."""
    return [] if ctx.tlayout else [bar(ctx)]


def kicked_area(ctx: Ctx, slide: Slide, head: TextBox | None, gap: int = GAP) -> Box:
    """The body of a slide under its kicker: the safe area's width, down to the body's bottom."""
    top = (head.box.bottom if head else ctx.grid.top) + gap
    return Box(ctx.grid.safe.x, top, ctx.grid.safe.w, body_bottom(ctx, slide) - top)


def plan_quote(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    spec = slide.get("image")
    title = slide.get("title") or f"What {slide['by']} said"
    head = kicker(ctx, slide, title, source=("title",) if slide.get("title") else ())
    if head is None:
        return []
    area = kicked_area(ctx, slide, head)
    text = slide["text"]
    options = [("", 6, "beside"), ("the picture smaller", 7, "smaller"),
               ("the picture beside the speaker's name", 10, "by")] if spec else [("", 10, None)]
    arrangements = [Arrangement(name, partial(_quote, ctx, slide, text, area, cols=cols, pic=pic))
                    for name, cols, pic in options]
    sizes = stages(ctx.size("quote"), ctx.size("body"), FLOOR["body"])
    big = ctx.size("quote") * BIG_STEP
    if ctx.measure.line_count(_words(ctx, text, big)[0], ctx.grid.span(2, options[0][1])[1]) <= 2:  # a short quote
        sizes = ([big, *sizes[0]], sizes[1])
    fitted = arrange(arrangements, sizes)
    fixed: tuple[Shape, ...] = (*accent_bar(ctx), head)
    if not isinstance(fitted, Shortfall):
        return [SlidePlan(slide.id, slide.layout, title, (*fixed, *fitted.shapes, *source_box(ctx, slide)),
                          slide.get("notes", ""), arranged=fitted.arranged)]
    cols, pic = options[-1][1:]
    return _continued(ctx, slide, title, fixed, area, [*sizes[0], *sizes[1]], cols, pic, fitted)


def _continued(ctx: Ctx, slide: Slide, title: str, fixed: tuple, area: Box, sizes: list[float], cols: int,
               pic: str | None, short: Shortfall) -> list[SlidePlan]:
    """A quote too long for one slide, split at sentences; the speaker (and picture) after its last words."""
    x, w = ctx.grid.span(2, cols)
    words = [Item(slide["text"])]

    def fit(page: list, size: float, _: int) -> bool:
        return ctx.measure.height(_words(ctx, page[0].text, size), w) <= area.h - _by_height(ctx, slide, w) - BY_GAP

    def split(chunk, size: float, index: int):
        parts = split_text(chunk.text, lambda head: fit([Item(head)], size, index))
        return parts and (Item(parts[0]), Item(parts[1]))

    found = paginate(words, fit, sizes, split)
    if found is None:
        ctx.overflow(slide, short)
        return []
    size, pages = found
    out = []
    for part, page in enumerate(pages, start=1):
        last = part == len(pages)
        shapes = _quote(ctx, slide, page[0].text, area, size, cols, pic if last else None, speaker=last)
        if isinstance(shapes, Shortfall):
            ctx.overflow(slide, shapes)
            return []
        out.append(Page(continued(title, part), fixed, tuple(shapes)))
    return plans_of(slide, out, lambda _: source_box(ctx, slide))


def _words(ctx: Ctx, text: str, size: float) -> list[Para]:
    return [ctx.para(text, size, heading=True, line_spacing=1.05, source=("text",))]


def _by(ctx: Ctx, slide: Slide) -> list[Para]:
    by = [ctx.para(slide["by"], ctx.size("caption") + 4, bold=True, source=("by",), form="\u2014 {}")]
    if slide.get("role"):
        by.append(ctx.para(slide["role"], ctx.size("caption"), color=ctx.colors["muted"], space_before=2,
                           source=("role",)))
    return by


def _by_height(ctx: Ctx, slide: Slide, width: int) -> int:
    return ctx.measure.height(_by(ctx, slide), width)


def _quote(ctx: Ctx, slide: Slide, text: str, area: Box, size: float, cols: int, pic: str | None,
           speaker: bool = True) -> list | Shortfall:
    """The mark, the words across `cols` grid columns from the third, the speaker under them, and the picture
    beside the words (columns left of them), smaller, or small beside the speaker's name."""
    grid = ctx.grid
    x, w = grid.span(2, cols)
    by_w = w - SMALL_PICTURE - GAP if pic == "by" else w
    by_h = max(_by_height(ctx, slide, by_w), SMALL_PICTURE if pic == "by" else 0) if speaker else 0
    room = area.h - (by_h + BY_GAP if speaker else 0)
    paras = _words(ctx, text, size)
    height = ctx.measure.height(paras, w)
    if height > room:
        return text_shortfall(ctx, "text", "the quote", text, lambda t: _words(ctx, t, size), w, room)
    stack = [(TextBox(Box(x, 0, w, height), tuple(paras), name="Quote"), 0)]
    if speaker:
        stack.append((TextBox(Box(x, 0, by_w, by_h), tuple(_by(ctx, slide)), name="Attribution"), BY_GAP))
    placed = vstack(stack, area.y, area.bottom)
    shapes = [_mark(ctx, placed[0].box.y, area.y), *placed]
    if pic in ("beside", "smaller"):
        start = 2 + cols
        shapes += place_image(ctx, slide, slide["image"], grid.cols(start, 12 - start, area.y, area.h), fit="contain")
    elif pic == "by" and speaker:
        attribution = placed[-1].box
        shapes += place_image(ctx, slide, slide["image"], Box(x + w - SMALL_PICTURE, attribution.y, SMALL_PICTURE,
                                                              SMALL_PICTURE), fit="contain")
    return shapes


def _mark(ctx: Ctx, words_top: int, highest: int) -> TextBox:
    """A large opening quotation mark in the accent colour, in the two columns before the words, its ink level
    with their first line (no higher than `highest`)."""
    mark_x, mark_w = ctx.grid.span(0, 2)
    glyph = ctx.run("\u201c", 1.0, heading=True, bold=True, color=ctx.colors["accent"])
    size = min(MARK_SIZE, mark_w * 0.9 / points(ctx.measure.width(glyph)))
    mark = Para((ctx.run("\u201c", round(size), heading=True, bold=True, color=ctx.colors["accent"]),))
    top = max(highest, words_top - points(size * 0.22))
    return TextBox(Box(mark_x, top, mark_w, ctx.measure.height([mark], mark_w)), (mark,), name="Quotation mark")
