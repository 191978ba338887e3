"""New slides of the edited deck offered as outline slides, in the layout the importer would choose."""
from __future__ import annotations

from pathlib import Path

from ..importer.chrome import set_aside
from ..importer.finish import checked, finish, oddities, source_line
from ..importer.layouts import text_slide
from ..importer.read import read_deck
from ..importer.story import dump
from ..importer.visuals import chart_slide, table_slide
from ..importer.work import Work
from ..model.outline import slug


def offered(path: Path, numbers: list[int], taken: set[str]) -> str:
    """YAML for the slides with these numbers, indented to go under an outline's `slides:`, each headed by a comment
    naming it and what to check; ids are new (not in `taken`)."""
    deck = read_deck(path)
    set_aside(deck)
    blocks = []
    for number in numbers:
        work = Work(deck.slides[number - 1], deck, lambda pic, work: None, last=number == len(deck.slides))
        fields = _fields(work)
        for pic in work.pictures:
            work.note(f"the picture '{pic.name}' is not in the image register: add it with `deckbuilder assets add` "
                      "and name it in the slide")
        if not fields:
            blocks.append(f"# slide {number} of {deck.name}: nothing an outline slide can show\n")
            continue
        fields = {"id": _unique(fields, taken), **fields}
        comments = [f"slide {number} of {deck.name}, new"] + [f"check: {note}" for note in work.attention]
        blocks.append("".join(f"# {c}\n" for c in comments) + dump([fields]))
    return "".join(f"  {line}\n" if line else "\n" for line in "\n".join(blocks).splitlines())


def _fields(work: Work) -> dict | None:
    """The outline slide the slide becomes: its text's layout, else its first chart or table."""
    source_line(work)
    if work.slide.charts and not work.wordy:
        made: dict | None = chart_slide(work, work.slide.charts[0])
    elif work.slide.tables and not work.wordy:
        made = table_slide(work, work.slide.tables[0])
    else:
        made = text_slide(work)
    if made is None:
        return None
    fields = checked(made, work)
    finish(fields, work)
    oddities(work)
    return fields


def _unique(fields: dict, taken: set[str]) -> str:
    base = slug(str(fields.get("title") or fields.get("text") or fields["layout"]))
    found, n = base, 2
    while found in taken:
        found, n = f"{base}-{n}", n + 1
    taken.add(found)
    return found
