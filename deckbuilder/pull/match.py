"""Slides, shapes and paragraphs of the edited deck paired with the rebuilt deck's: by name, else by words."""
from __future__ import annotations

import difflib

from ..layout.ir import Box
from .deck import DeckSlide, Shape

LEAST = 0.5  # how alike two slides' or shapes' words must be (0–1) to be taken for the same
NAMED = 2.0  # what a kept name (or placeholder) adds to the likeness: it outweighs any difference of words
CHROME = ("Footer", "Slide number")  # shape names of the footer line and the page number the build adds
TITLES = ("title", "ctrTitle")


def similarity(a: str, b: str) -> float:
    """How alike two texts are, word by word (1: the same words)."""
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def slide_words(slide: DeckSlide) -> str:
    """A slide's words, the footer and page number left out."""
    return " ".join(s.words for s in slide.shapes if s.kind in ("text", "table") and s.name not in CHROME)


def pair_slides(built: list[DeckSlide], edited: list[DeckSlide]) -> dict[int, int]:
    """Each edited slide (by index) paired with the built slide it is (by index): the one of its name, else the
    one most like it; slides in neither pairing were added or removed."""
    words = [slide_words(s) for s in built]
    scores = []
    for i, slide in enumerate(edited):
        mine = slide_words(slide)
        for j, theirs in enumerate(words):
            score = similarity(mine, theirs) + (NAMED if slide.name and slide.name == built[j].name else 0)
            if score >= LEAST:
                scores.append((-score, abs(i - j), i, j))
    return _greedy(scores)


def pair_shapes(built: list[Shape], edited: list[Shape], width: int) -> dict[int, int]:
    """Each edited shape (by index) paired with the built shape it is (by index), among shapes of one kind: by
    placeholder or name, by words, and by place."""
    scores = []
    for i, mine in enumerate(edited):
        for j, theirs in enumerate(built):
            if mine.kind != theirs.kind:
                continue
            words = similarity(mine.words, theirs.words) if mine.words or theirs.words else 0.0  # (empty: by name)
            score = words - _distance(mine.box, theirs.box) / max(width, 1)
            if _same_role(mine, theirs):
                score += NAMED
            if score >= LEAST:
                scores.append((-score, abs(i - j), i, j))
    return _greedy(scores)


def pair_paragraphs(built: list[str], edited: list[str]) -> list[tuple[int | None, int | None]]:
    """Paragraphs (by index) paired in order: (i, j) the same paragraph, edited or not; (i, None) taken out;
    (None, j) added. Empty paragraphs are left out."""
    mine = [i for i, text in enumerate(built) if text.strip()]
    theirs = [j for j, text in enumerate(edited) if text.strip()]
    matcher = difflib.SequenceMatcher(None, [" ".join(built[i].split()) for i in mine],
                                      [" ".join(edited[j].split()) for j in theirs], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = mine[i1:i2], theirs[j1:j2]
        pairs += list(zip(olds, news))
        pairs += [(i, None) for i in olds[len(news):]] + [(None, j) for j in news[len(olds):]]
    return pairs


def moved(a: Box | None, b: Box | None, slack: int = 12_700) -> bool:
    """Whether a box was moved or resized by more than a point (LibreOffice rounds to a hundredth of a mm)."""
    if a is None or b is None:
        return False
    return any(abs(x - y) > slack for x, y in zip((a.x, a.y, a.w, a.h), (b.x, b.y, b.w, b.h)))


def _same_role(mine: Shape, theirs: Shape) -> bool:
    """The same placeholder (a title, or a body of the same kind), or the same name on a shape that is none."""
    if mine.placeholder and theirs.placeholder:
        return (mine.placeholder in TITLES) == (theirs.placeholder in TITLES)
    return bool(mine.name) and mine.name == theirs.name


def _distance(a: Box | None, b: Box | None) -> float:
    if a is None or b is None:
        return 0.0
    return abs(a.x + a.w / 2 - b.x - b.w / 2) + abs(a.y + a.h / 2 - b.y - b.h / 2)


def _greedy(scores: list[tuple]) -> dict[int, int]:
    """Pairs taken best first, each side once."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in sorted(scores):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs
