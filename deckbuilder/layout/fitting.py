"""The fitting policy: arrangements in order at the preferred sizes, then down to the floors, else a shortfall."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Shortfall:
    """Why content does not fit: the field, the item in it and how much too long it is."""

    field: str
    item: str  # e.g. "step 4", "the column 'The NHS'", "the quote"
    amount: str | Callable[[], str]  # e.g. "needs about 20 fewer characters"; worked out when said, if a function
    index: int | None = None  # the item's place in the field's list, when it is a list

    def __str__(self) -> str:
        return f"{self.item} {self.said}"

    @property
    def said(self) -> str:
        """How much too long it is, in words."""
        return self.amount() if callable(self.amount) else self.amount


@dataclass(frozen=True)
class Arrangement:
    """One way to lay a slide out: its name (the build summary says it when it is not the first) and an
    attempt at a size, giving the shapes, or why they do not fit, or None when the way does not apply."""

    name: str
    attempt: Callable[[float], list | Shortfall | None]


@dataclass(frozen=True)
class Fitted:
    """The arrangement that fitted: its shapes, the size it fitted at, and its name ("" for the first)."""

    shapes: list
    size: float
    arranged: str = ""


def arrange(arrangements: Sequence[Arrangement], stages: Sequence[Sequence[float]],
            cap: float | None = None) -> Fitted | Shortfall:
    """The first arrangement that fits at the preferred sizes, else the first that fits at the smaller ones
    (no size above `cap`); else the shortfall of the last, most compact, attempt."""
    last = Shortfall("", "the content", "does not fit")
    for stage in stages:
        for i, arrangement in enumerate(arrangements):
            for size in (s for s in stage if cap is None or s <= cap):
                got = arrangement.attempt(size)
                if got is None:
                    break
                if not isinstance(got, Shortfall):
                    return Fitted(got, size, arrangement.name if i else "")
                last = got
    return last


def placed(got: list | Shortfall | None) -> list:
    """The shapes of an attempt known to fit (paginating found that it does at this size)."""
    if not isinstance(got, list):
        raise AssertionError(f"an arrangement that fitted does not fit when placed: {got}")
    return got


def chars_over(fits: Callable[[str], bool], text: str) -> int:
    """How many characters must go from the end of `text` for the rest to fit (0 when it fits)."""
    if fits(text):
        return 0
    low, high = 0, len(text)  # the longest prefix that fits
    while low < high:
        mid = (low + high + 1) // 2
        if fits(text[:mid]):
            low = mid
        else:
            high = mid - 1
    return len(text) - low


def fewer_chars(count: int) -> str:
    """A number of characters to cut, as a person would say it."""
    if count <= 5:
        return f"needs {count} fewer character{'s' if count > 1 else ''}"
    return f"needs about {5 * math.ceil(count / 5)} fewer characters"


def lines_over(count: int, size: float) -> str:
    return f"is {count} line{'s' if count > 1 else ''} too long at {size:g} pt"
