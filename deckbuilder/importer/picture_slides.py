"""Slides built around pictures: one, a grid of two to six with their captions, or a wall of tiles."""
from __future__ import annotations

from pathlib import Path

from ..layout.paging import continued
from .found import Para, PictureShape
from .layouts import closing, quote
from .pictures import usable_alt
from .text import LIMITS, bullets, fits, needed_title, optional_title
from .work import LEAD, Work

Placed = tuple[PictureShape, str]  # a picture and its register key
GRID = 6  # the pictures layout's most
TILES = 24  # the logos layout's most
NEAR = 1_371_600  # a caption starts within an inch and a half under its picture (a credit line between)


def picture_slides(work: Work, placed: list[Placed]) -> list[dict]:
    """The outline slides for a slide's pictures (largest first, each shown once) and its text."""
    if len(placed) == 1:
        return [picture_slide(work, *placed[0])]
    captions = _captions(work, placed)
    rest = [p for p in work.paras if all(p is not c for c in captions.values())]
    if sum(len(p.text) for p in rest) > LEAD or any(p.listed for p in rest):
        main = picture_slide(work, *placed[0])  # the text beside the largest picture; the others follow it
        return [main, *further(work, placed[1:], main.get("title") or work.title)]
    return grid_slides(work, placed, needed_title(work, "pictures"), captions)


def further(work: Work, placed: list[Placed], title: str) -> list[dict]:
    """A slide's pictures that did not fit its main slide, on the slide after it."""
    if not placed:
        return []
    work.note(f"{len(placed)} further picture(s) of the slide follow it on a slide of their own")
    if len(placed) == 1:
        return [{"layout": "image", "image": placed[0][1]}]
    return grid_slides(work, placed, continued(title or f"Slide {work.number}", 2), _captions(work, placed))


def grid_slides(work: Work, placed: list[Placed], title: str, captions: dict[str, Para]) -> list[dict]:
    """Two to six pictures as a grid; more as tiles of the logos layout, named by their alt text or file."""
    if len(placed) <= GRID:
        return [{"layout": "pictures", "title": title, "pictures": [
            {"image": key, "caption": captions[key].take()} if key in captions else key for _, key in placed]}]
    work.note(f"{len(placed)} pictures became a wall of tiles (the logos layout), each named by its alt text or file "
              "name: check the names")
    pages = -(-len(placed) // TILES)
    size = -(-len(placed) // pages)
    return [{"layout": "logos", "title": continued(title, part + 1),
             "logos": [{"name": _tile(pic, key), "image": key} for pic, key in placed[at:at + size]]}
            for part, at in enumerate(range(0, len(placed), size))]


def _tile(pic: PictureShape, key: str) -> str:
    """A tile's name (the logos layout shows it when the picture is missing): the alt text, else its file name."""
    alt = usable_alt(pic.alt) or Path(pic.alt).stem.strip()
    return alt[:LIMITS["heading"]] if alt else key


def _captions(work: Work, placed: list[Placed]) -> dict[str, Para]:
    """A line alone in a text frame under a picture (or low inside it), the nearest such picture above it, is
    that picture's caption."""
    found: dict[str, Para] = {}
    for shape in work.bodies:
        live = shape.live
        if len(live) != 1 or live[0].listed or not fits(live[0].text, "caption"):
            continue
        above = [(shape.box.y - pic.box.bottom, key) for pic, key in placed if key not in found and
                 pic.box.y + pic.box.h * 0.75 <= shape.box.y <= pic.box.bottom + NEAR and
                 shape.box.x < pic.box.right and pic.box.x < shape.box.right]
        if above:
            found[min(above)[1]] = live[0]
    return found


def picture_slide(work: Work, pic: PictureShape, key: str) -> dict:
    """A quote or closing with its picture, a full picture (with a caption or words over it), or a picture
    beside the slide's text."""
    for match in (quote, closing):
        fields = match(work)
        if fields:
            return {**fields, "image": key}
    paras = work.paras
    title_shape = work.title_shape
    if not paras and title_shape and work.covers(pic.box) and _inside(title_shape.box, pic.box) and \
            fits(work.title, "overlay") and work.overlay_ok(pic):
        return {"layout": "image", "image": key, "text": work.take_title()}
    if not paras:
        return _image(work, key)
    only = paras[0]
    if len(paras) == 1 and not only.listed and fits(only.text, "caption") and _below(work, only, pic):
        return {**_image(work, key), "caption": only.take()}
    if len(paras) == 1 and fits(only.text, "overlay") and work.covers(pic.box) and work.overlay_ok(pic) and \
            _inside(work.shape_of(only).box, pic.box):
        return {**_image(work, key), "text": only.take()}
    return _image_text(work, pic, key)


def _image(work: Work, key: str) -> dict:
    title = optional_title(work)
    return {"layout": "image", **({"title": title} if title else {}), "image": key}


def _inside(inner, outer) -> bool:
    return inner.x >= outer.x and inner.y >= outer.y and inner.right <= outer.right and inner.bottom <= outer.bottom


def _below(work: Work, para, pic: PictureShape) -> bool:
    box = work.shape_of(para).box
    return box.y >= pic.box.y + pic.box.h * 0.75 and box.x < pic.box.right and pic.box.x < box.right


def _image_text(work: Work, pic: PictureShape, key: str) -> dict:
    title = needed_title(work, "image-text")
    paras = work.paras
    side = "left" if pic.box.x + pic.box.w / 2 < work.deck.width / 2 else "right"
    fields: dict[str, object] = {"layout": "image-text", "image": key, "title": title}
    if len(paras) == 1 and not paras[0].listed and fits(paras[0].text, "paragraph"):
        fields["text"] = paras[0].take()
    elif paras:
        items, _ = bullets(paras, work)
        fields["bullets"] = items
    fields["side"] = side
    return fields
