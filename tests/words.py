"""Every word a person wrote in an outline, looked for in the built deck: slide text, notes, alt text, charts, links."""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

# Fields that are settings, keys or numbers rather than words shown to the audience.
SETTINGS = {"id", "layout", "only", "except", "hidden", "numbered", "done", "side", "highlight", "image", "type",
            "unit", "labels", "values", "fit", "credit", "focus", "asset"}
SHOWN_IN = ("ppt/slides/slide", "ppt/notesSlides/", "ppt/charts/chart")


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def written(slides) -> list[tuple[str, str]]:
    """(where, text) for every string field of the slides, nested lists and mappings included."""
    found: list[tuple[str, str]] = []

    def walk(value, where: str) -> None:
        if isinstance(value, str):
            found.append((where, value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in SETTINGS:
                    walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{where}[{i}]")

    for slide in slides:
        walk(dict(slide.data), slide.id)
    return found


def shown(pptx: Path) -> Counter:
    """The words of the deck: text on slides and in notes, alt texts, chart text, and link targets."""
    words: Counter = Counter()
    with zipfile.ZipFile(pptx) as package:
        for name in package.namelist():
            if name.startswith(SHOWN_IN) and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                texts = root.xpath("//*[local-name()='t' or local-name()='v']/text() | //@descr")
                words.update(t for text in texts for t in tokens(text))
            elif name.endswith(".rels") and name.startswith("ppt/slides/"):
                root = etree.fromstring(package.read(name))
                words.update(t for target in root.xpath("//@Target[../@TargetMode='External']") for t in tokens(target))
    return words


def missing(slides, pptx: Path) -> list[str]:
    """Each field whose words are not all in the deck, and any word the deck shows fewer times than written."""
    deck = shown(pptx)
    lost = [f"{where}: {text!r} (missing: {', '.join(sorted({t for t in tokens(text) if t not in deck}))})"
            for where, text in written(slides) if any(t not in deck for t in tokens(text))]
    wanted = Counter(t for _, text in written(slides) for t in tokens(text))
    short = {word: (count, deck[word]) for word, count in wanted.items() if deck[word] < count}
    return lost + [f"'{word}' written {want} times, shown {got}" for word, (want, got) in sorted(short.items())]
