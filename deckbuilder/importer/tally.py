"""What the import says about the deck as a whole, and the pictures and register entries it writes."""
from __future__ import annotations

from collections import defaultdict

from ..assets.metadata import is_todo
from ..source import display_path
from .chrome import Chrome
from .found import DeckFound
from .pictures import PictureStore
from .report import ImportReport

TEMPLATE_NOTE = ("the deck's design (masters, layouts, colours, fonts, backgrounds) is not imported: choose a theme "
                 "in deck.theme, or point a theme's `template:` at the original .pptx to keep its masters")


def deck_notes(deck: DeckFound, chrome: Chrome, store: PictureStore, report: ImportReport) -> None:
    """What needs saying once for the deck: its design, footers and logos for the theme, transitions, shapes."""
    report.note(None, TEMPLATE_NOTE)
    report.footers = dict(chrome.footers)
    for text, count in chrome.footers.items():
        report.note(None, f"the footer '{text}' (on {count} slide(s)) was left out: put it in the theme's `footer:`")
    for pic in chrome.logos:
        planned = store.plan(pic, 0, "")
        report.note(None, f"the picture on {chrome.logo_slides[id(pic)]} slides looks like a logo: it is in the "
                    f"register as '{planned.key}'; set `logo: {planned.key}` in the theme")
    if deck.transitions:
        report.note(None, f"{deck.transitions} slide transition(s) were not kept")
    if deck.removed:
        report.note(None, f"removed when the deck was opened, and not imported: {deck.removed}")
    plain: dict[str, list[int]] = defaultdict(list)
    for slide in deck.slides:
        for kind in slide.plain_shapes:
            plain[kind].append(slide.number)
    if plain:
        count = sum(len(v) for v in plain.values())
        slides = sorted({n for v in plain.values() for n in v})
        kinds = ", ".join(sorted(plain))
        report.note(None, f"{count} shape(s) without text ({kinds}) on slide(s) {_ranges(slides)} were left out: "
                    "deckbuilder draws its own shapes")


def _ranges(numbers: list[int]) -> str:
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(str(start) if start == n else f"{start}–{n}")
            start = None
    return ", ".join(out)


def commit(store: PictureStore, report: ImportReport) -> None:
    """Write the pictures and register entries; say which fields are still TODO and what the entries note."""
    for planned, entry in store.commit():
        report.pictures.append(store.assets / planned.file)
        report.entries.append(planned.key)
        todo = [name for name, value in entry.items() if is_todo(value)]
        todo += [f"permission.{k}" for k, v in (entry.get("permission") or {}).items() if is_todo(v)]
        if todo:
            report.todo[planned.key] = todo
            report.note(planned.slide or None, f"picture '{planned.key}': {', '.join(todo)} still TODO in "
                        f"{display_path(store.register)}")
        for note in entry.notes:
            report.note(planned.slide or None, f"picture '{planned.key}': {note}")
    report.reused = [p.key for p in store.planned.values() if p.reused]
    report.picture_keys = {digest: p.key for digest, p in store.planned.items()}
