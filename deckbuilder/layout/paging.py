"""Continuation: units over the fewest slides, as large as that many allow, balanced; long text split at sentences."""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

Fits = Callable[[list, float, int], bool]  # the units of a page, the size, the page's index
Split = Callable[[Any, float, int], tuple | None]


def paginate(units: list, fits: Fits, sizes: Sequence[float],
             split: Split | None = None) -> tuple[float, list[list]] | None:
    """Pages of units at one size: the fewest pages the units need at the smallest size, then the largest
    size at which that many pages still hold them, balanced; None if a unit fits no page (even split)."""
    fewest = _pack(units, fits, sizes[-1], None) or (_pack(units, fits, sizes[-1], split) if split else None)
    if fewest is None:
        return None
    if sum(len(page) for page in fewest) != len(units):  # a unit had to be split: no room to grow
        return sizes[-1], fewest
    for size in sizes:
        packed = _pack(units, fits, size, None)
        if packed and len(packed) <= len(fewest):
            return size, _balance(units, fits, size, len(packed))
    return sizes[-1], fewest


def _pack(units: list, fits: Fits, size: float, split: Split | None, cap: int | None = None) -> list[list] | None:
    """Fill pages in order (at most `cap` units each); a unit too big for a page alone is split, or None."""
    pages: list[list] = []
    page: list = []
    queue = list(units)
    while queue:
        unit = queue.pop(0)
        if (cap is None or len(page) < cap) and fits(page + [unit], size, len(pages)):
            page.append(unit)
            continue
        if page:
            pages.append(page)
            page = []
            queue.insert(0, unit)
            continue
        parts = split(unit, size, len(pages)) if split else None
        if not parts:
            return None
        pages.append([parts[0]])
        queue.insert(0, parts[1])
    return pages + ([page] if page else [])


def _balance(units: list, fits: Fits, size: float, count: int) -> list[list]:
    """The same number of pages with the units shared out as evenly as they fit."""
    share, extra = divmod(len(units), count)
    ends = [sum(share + (i < extra) for i in range(k + 1)) for k in range(count)]
    even = [units[start:end] for start, end in zip([0, *ends], ends)]
    if all(fits(page, size, i) for i, page in enumerate(even)):
        return even
    for cap in range(math.ceil(len(units) / count), len(units) + 1):
        pages = _pack(units, fits, size, None, cap)
        if pages and len(pages) <= count:
            return pages
    return _pack(units, fits, size, None) or [units]


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


def continued(title: str, part: int) -> str:
    return title if part == 1 else f"{title} (cont.)"
