"""Where a built deck came from, kept in it as custom document properties (PowerPoint and LibreOffice keep them)."""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .assets.resolve import project_root
from .audience import ResolvedDeck
from .layout.ir import DeckPlan, SlidePlan, Table, TextBox
from .model.outline import Slide
from .source import scalar_text

PREFIX = "deckbuilder "
VERSION = "1"
MOST = 255  # characters of a custom property's text that Office keeps
_MORE = re.compile(r"(.*) \((\d+)\)")  # "deckbuilder slide 003 (2)": the second piece of a long value


@dataclass(frozen=True)
class SlideMark:
    """One built slide: its outline slide and part, a digest of its fields, and for each text shape (by its place
    among the slide's shapes) the fields its paragraphs show; `values` holds a digest of each field's text."""

    id: str
    part: int
    parts: int
    digest: str
    shapes: tuple[tuple[int, tuple[tuple, ...]], ...]
    values: dict[tuple, str]


@dataclass(frozen=True)
class Provenance:
    """What a deck says about where it came from: paths relative to its project."""

    outline: str
    audience: str
    files: dict[str, str]  # each outline file of the chain (the outline first) → a digest of its bytes
    slides: tuple[SlideMark, ...]


def marks(deck: ResolvedDeck, plan: DeckPlan) -> tuple[tuple[str, str], ...]:
    """The custom properties that record where the deck came from, each at most MOST characters long."""
    root = project_root(deck.outline)
    slides = {s.id: s for s in deck.slides}
    files = " | ".join(f"{digest(p.read_bytes())} {_relative(p, root)}" for p in deck.files)
    found = [("version", VERSION), ("outline", _relative(deck.outline, root)), ("audience", deck.audience or ""),
             ("files", files)]
    found += [(f"slide {n:03d}", _slide_mark(plan_slide, slides.get(plan_slide.id), deck))
              for n, plan_slide in enumerate(plan.slides, start=1)]
    return tuple((f"{PREFIX}{key}{f' ({i + 1})' if i else ''}", piece)
                 for key, value in found for i, piece in enumerate(_pieces(value)))


def read_marks(properties: dict[str, str]) -> Provenance | None:
    """The provenance the custom properties record (None when the deck has none)."""
    values: dict[str, str] = {}
    for name in sorted((n for n in properties if n.startswith(PREFIX)), key=_piece_order):
        more = _MORE.fullmatch(name)
        key = (more.group(1) if more else name)[len(PREFIX):]
        values[key] = f"{values[key]} {properties[name]}" if key in values else properties[name]
    if values.get("version") != VERSION or not values.get("outline"):
        return None
    files: dict[str, str] = {}
    for item in values.get("files", "").split(" | "):
        found, _, name = item.partition(" ")
        if name:
            files[name] = found
    slides = tuple(_read_slide(values[k]) for k in sorted(values) if k.startswith("slide "))
    return Provenance(values["outline"], values.get("audience", ""), files, tuple(s for s in slides if s))


def digest(value: Any) -> str:
    """A short digest of text (or bytes): enough to tell whether it changed."""
    data = value if isinstance(value, bytes) else scalar_text(value).encode("utf-8")
    return hashlib.sha1(data).hexdigest()[:8]


def field_value(deck: ResolvedDeck, slide: Slide | None, path: tuple) -> Any:
    """The value at a paragraph's source path (in the deck facts for ("deck", …)); None when there is none."""
    value: Any = deck.deck if path[:1] == ("deck",) else slide.data if slide else None
    for step in path[1:] if path[:1] == ("deck",) else path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def path_text(path: tuple) -> str:
    return ".".join(str(step) for step in path)


def path_of(text: str) -> tuple:
    return tuple(int(step) if step.isdigit() else step for step in text.split("."))


def shown_fields(plan: SlidePlan) -> list[tuple[int, tuple[tuple, ...]]]:
    """Each text shape's place among the slide's shapes and the fields its paragraphs show, each once, in order."""
    found = []
    for index, shape in enumerate(plan.shapes):
        paras = shape.paras if isinstance(shape, TextBox) else \
            [p for row in shape.rows for cell in row for p in cell.paras] if isinstance(shape, Table) else []
        sources = tuple(dict.fromkeys(p.source for p in paras if p.source))
        if sources:
            found.append((index, sources))
    return found


def _slide_mark(plan: SlidePlan, slide: Slide | None, deck: ResolvedDeck) -> str:
    words = [plan.id, f"{plan.part}/{plan.parts}", f"data={digest(_canonical(slide.data) if slide else '')}"]
    if slide is not None and plan.part == 1 and slide.get("notes"):
        words.append(f"notes={digest(slide.get('notes'))}")
    for index, sources in shown_fields(plan):
        words.append(f"@{index}")
        words += [f"{path_text(s)}={digest(field_value(deck, slide, s))}" for s in sources]
    return " ".join(words)


def _read_slide(text: str) -> SlideMark | None:
    words = text.split()
    if len(words) < 3 or not re.fullmatch(r"\d+/\d+", words[1]):
        return None
    part, parts = (int(n) for n in words[1].split("/"))
    shapes: list[tuple[int, list[tuple]]] = []
    values: dict[tuple, str] = {}
    data = ""
    for word in words[2:]:
        if word.startswith("@") and word[1:].isdigit():
            shapes.append((int(word[1:]), []))
        elif "=" in word:
            key, value = word.rsplit("=", 1)
            if key == "data":
                data = value
                continue
            values[path_of(key)] = value
            if shapes and key != "notes":
                shapes[-1][1].append(path_of(key))
    return SlideMark(words[0], part, parts, data, tuple((i, tuple(s)) for i, s in shapes), values)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=scalar_text)


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path.resolve(), root)).as_posix()


def _pieces(value: str) -> list[str]:
    """The value in pieces of at most MOST characters, cut between words (no piece starts or ends with a space,
    which an application might trim); read_marks joins them with a space."""
    pieces: list[str] = []
    for word in value.split(" "):
        if pieces and len(pieces[-1]) + 1 + len(word) <= MOST:
            pieces[-1] += " " + word
        else:
            pieces.append(word)
    return pieces or [""]


def _piece_order(name: str) -> tuple[str, int]:
    more = _MORE.fullmatch(name)
    return (more.group(1), int(more.group(2))) if more else (name, 1)
