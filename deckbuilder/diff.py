"""What differs between two resolved audience decks: slides, order, overridden fields, filtered items, facts."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .audience import ResolvedDeck, resolve
from .errors import BuildError, Diagnostics

FILTERS = ("only", "except")  # which audiences see an item: not its content
LABELS = ("text", "title", "name", "heading", "value")  # the field that names a list item, in order of preference
BRIEF = 60


@dataclass(frozen=True)
class Change:
    """A field with a different value in each deck (None: not set in that deck)."""

    slide: str  # "deck" for the deck facts
    field: str  # dotted, with [n] for the nth item of a list (from 1, as numbered in A)
    a: Any
    b: Any


@dataclass(frozen=True)
class Items:
    """A list field whose items differ: some shown only in A, some only in B (e.g. filtered by only/except)."""

    slide: str
    field: str
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


@dataclass(frozen=True)
class Move:
    """A slide both decks show, in a different place relative to the others (positions from 1)."""

    slide: str
    a: int
    b: int


@dataclass(frozen=True)
class DeckDiff:
    """Everything that differs between deck A and deck B, by kind."""

    a: str
    b: str
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()
    moved: tuple[Move, ...] = ()
    facts: tuple[Change, ...] = ()
    fields: tuple[Change, ...] = ()
    items: tuple[Items, ...] = ()

    @property
    def same(self) -> bool:
        return not (self.only_a or self.only_b or self.moved or self.facts or self.fields or self.items)

    def to_json(self) -> dict:
        return {**asdict(self), "same": self.same}


def load(path: Path) -> ResolvedDeck:
    """The deck an outline resolves to; its errors are raised as a BuildError."""
    diags = Diagnostics()
    deck = resolve(path, diags)
    if diags.has_errors:
        raise BuildError(diags.errors)
    return deck


def diff_decks(a: ResolvedDeck, b: ResolvedDeck) -> DeckDiff:
    """Compare two resolved decks slide by slide (by id) and fact by fact."""
    ids_a, ids_b = [s.id for s in a.slides], [s.id for s in b.slides]
    slides_b = {s.id: s for s in b.slides}
    changes: list[Change] = []
    items: list[Items] = []
    for slide in a.slides:
        if slide.id in slides_b:
            _compare(slide.id, "", _content(slide.data), _content(slides_b[slide.id].data), changes, items)
    facts: list[Change] = []
    _compare("deck", "", _plain(a.deck), _plain(b.deck), facts, [])
    only_a = tuple(i for i in ids_a if i not in slides_b)
    only_b = tuple(i for i in ids_b if i not in ids_a)
    return DeckDiff(a.name, b.name, only_a, only_b, _moves(ids_a, ids_b), tuple(facts), tuple(changes), tuple(items))


def _content(data: dict) -> dict:
    return {k: v for k, v in _plain(data).items() if k != "id"}


def _plain(value: Any) -> Any:
    """YAML values as plain JSON-able data, without the only/except filters of list items."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in FILTERS}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _moves(ids_a: list[str], ids_b: list[str]) -> tuple[Move, ...]:
    """Slides of both decks outside their longest common order."""
    common = set(ids_a) & set(ids_b)
    seq_a, seq_b = [i for i in ids_a if i in common], [i for i in ids_b if i in common]
    kept = set()
    for block in SequenceMatcher(None, seq_a, seq_b, autojunk=False).get_matching_blocks():
        kept.update(seq_a[block.a:block.a + block.size])
    return tuple(Move(i, ids_a.index(i) + 1, ids_b.index(i) + 1) for i in seq_a if i not in kept)


def _compare(slide: str, path: str, a: Any, b: Any, changes: list[Change], items: list[Items]) -> None:
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            _compare(slide, f"{path}.{key}" if path else key, a.get(key), b.get(key), changes, items)
    elif isinstance(a, list) and isinstance(b, list):
        _compare_lists(slide, path, a, b, changes, items)
    else:
        changes.append(Change(slide, path, a, b))


def _compare_lists(slide: str, path: str, a: list, b: list, changes: list[Change], items: list[Items]) -> None:
    """Items matched by their label: those in one deck only, then what differs inside the ones in both. Lists
    that cannot be matched by label (plain values, a label twice) differ as a whole."""
    by_a, by_b = _by_label(a), _by_label(b)
    if by_a is None or by_b is None:
        changes.append(Change(slide, path, a, b))
        return
    both = [label for label in by_a if label in by_b]
    if both != [label for label in by_b if label in by_a]:
        changes.append(Change(slide, path, a, b))  # the same items in another order
        return
    only_a, only_b = tuple(k for k in by_a if k not in by_b), tuple(k for k in by_b if k not in by_a)
    if only_a or only_b:
        items.append(Items(slide, path, only_a, only_b))
    for label in both:
        _compare(slide, f"{path}[{list(by_a).index(label) + 1}]", by_a[label], by_b[label], changes, items)


def _by_label(values: list) -> dict[str, Any] | None:
    """Items (mappings, which only/except can filter) by their label; None for a list of plain values, or
    when two items share a label: such a list is compared as a whole."""
    if not all(isinstance(v, dict) for v in values):
        return None
    out = {_label(v): v for v in values}
    return out if len(out) == len(values) else None


def _label(item: dict) -> str:
    for key in LABELS:
        if isinstance(item.get(key), str):
            return item[key] if key != "value" else f"{item[key]} {item.get('label', '')}".strip()
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def brief(value: Any) -> str:
    """A value in one short line: text in quotes, cut with an ellipsis; '(not set)' for nothing."""
    if value is None:
        return "(not set)"
    text = " ".join((value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)).split())
    text = text if len(text) <= BRIEF else text[:BRIEF - 1] + "…"
    return f"“{text}”" if isinstance(value, str) else text


def format_text(diff: DeckDiff) -> str:
    """The differences as plain text, grouped by kind, for a reviewer."""
    lines = [f"A: {diff.a}", f"B: {diff.b}"]
    if diff.same:
        return "\n".join([*lines, "no differences"])
    sections = [
        ("deck facts that differ", [f"{c.field}: {brief(c.a)} → {brief(c.b)}" for c in diff.facts]),
        ("slides only in A", list(diff.only_a)),
        ("slides only in B", list(diff.only_b)),
        ("slides in a different order", [f"{m.slide}: slide {m.a} in A, {m.b} in B" for m in diff.moved]),
        ("fields overridden", [f"{c.slide}: {c.field}: {brief(c.a)} → {brief(c.b)}" for c in diff.fields]),
        ("list items in one deck only", [line for i in diff.items for line in _item_lines(i)]),
    ]
    for heading, entries in sections:
        if entries:
            lines += ["", f"{heading} ({len(entries)}):", *(f"  {e}" for e in entries)]
    return "\n".join(lines)


def _item_lines(change: Items) -> list[str]:
    return [f"{change.slide}: {change.field}: only in {side}: {brief(label)}"
            for side, labels in (("A", change.only_a), ("B", change.only_b)) for label in labels]
