"""Footers, slide numbers and logos repeated at one place on most slides, set aside for the theme."""
from __future__ import annotations

import hashlib
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from .found import DeckFound, PictureShape, TextShape

EDGE = 0.2  # the top and bottom fifth of the slide, where footers and numbers sit
LOGO_AREA = 0.03  # a logo covers less than this share of the slide
MOST = 0.5  # footers and logos are on more than this share of the slides…
MIN_REPEATS = 3  # …and on three at least
PLACE = 0.1  # a logo "at the same place" is within this share of the slide's width and height of where it
# usually is

Placed = tuple[str, int, int]  # a text's key (digits as #) and its place on a 200 000 EMU grid


@dataclass
class Chrome:
    """What was set aside: footer lines (and on how many slides), whether slide numbers were, logo pictures."""

    footers: dict[str, int] = field(default_factory=dict)
    numbers: int = 0
    logos: list[PictureShape] = field(default_factory=list)  # one shape per distinct logo, for the register
    logo_slides: dict[int, int] = field(default_factory=dict)  # id(first shape) -> slides it is on


def set_aside(deck: DeckFound) -> Chrome:
    """Mark footers, slide numbers and repeated logos as chrome (their text is not slide text)."""
    chrome = Chrome()
    repeated = _repeated_texts(deck)
    for slide in deck.slides:
        for shape in slide.texts:
            kind = _chrome_kind(shape, slide.number, repeated, deck.height)
            if not kind:
                continue
            for para in shape.paras:
                para.placed = para.placed or "chrome"
            if kind == "number":
                chrome.numbers += 1
            else:
                chrome.footers[shape.text] = chrome.footers.get(shape.text, 0) + 1
    _logos(deck, chrome)
    return chrome


def _key(shape: TextShape) -> str:
    return re.sub(r"\d+", "#", " ".join(shape.text.split()).lower())


def _near_edge(shape: TextShape, height: int) -> bool:
    return shape.box.y >= height * (1 - EDGE) or shape.box.bottom <= height * EDGE


def _most(deck: DeckFound, slides: set[int]) -> bool:
    return len(slides) >= max(MIN_REPEATS, MOST * len(deck.slides))


def _placed(shape: TextShape) -> Placed:
    return _key(shape), shape.box.x // 200_000, shape.box.y // 200_000


def _repeated_texts(deck: DeckFound) -> set[Placed]:
    """Texts found near the top or bottom edge of most slides, in the same place."""
    seen: dict[Placed, set[int]] = defaultdict(set)
    for slide in deck.slides:
        for shape in slide.texts:
            if shape.role != "title" and shape.text and _near_edge(shape, deck.height):
                seen[_placed(shape)].add(slide.number)
    return {key for key, slides in seen.items() if _most(deck, slides)}


def _chrome_kind(shape: TextShape, number: int, repeated: set[Placed], height: int) -> str:
    """'number', 'footer' or '' (slide text)."""
    if shape.role == "number" or any(r.field == "slidenum" for p in shape.paras for r in p.runs):
        return "number"
    if shape.role == "footer" or (shape.role == "date" and number > 1):
        return "footer"
    key = _placed(shape)
    if key in repeated:
        return "number" if re.fullmatch(r"[#\s/]+", key[0]) else "footer"
    return ""


def _logos(deck: DeckFound, chrome: Chrome) -> None:
    """Small pictures with the same bytes at about the same place on most slides: a logo the theme should carry
    (the same picture elsewhere, or large, stays on its slide)."""
    seen: dict[str, list[tuple[int, PictureShape]]] = defaultdict(list)
    for slide in deck.slides:
        for pic in slide.pictures:
            if pic.box.w * pic.box.h < deck.area * LOGO_AREA:
                seen[hashlib.sha256(pic.blob).hexdigest()].append((slide.number, pic))
    for found in seen.values():
        x = statistics.median(pic.box.x for _, pic in found)
        y = statistics.median(pic.box.y for _, pic in found)
        placed = [(n, pic) for n, pic in found if abs(pic.box.x - x) <= deck.width * PLACE and
                  abs(pic.box.y - y) <= deck.height * PLACE]
        if _most(deck, {n for n, _ in placed}):
            for _, pic in placed:
                pic.role = "logo"
            chrome.logos.append(placed[0][1])
            chrome.logo_slides[id(placed[0][1])] = len({n for n, _ in placed})
