"""What a deck holds, as read: slides with their text (list structure kept), pictures, charts, tables and oddities."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout.ir import Box

# Characters an outline cannot hold (the schema refuses them): C0 controls but tab and newline, lone surrogates.
UNSTORABLE = re.compile("[\x00-\x08\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str, lines: bool = False) -> str:
    """Text as an outline field holds it: no control characters; one line unless `lines`."""
    text = UNSTORABLE.sub("", text.replace("\v", "\n").replace("\r", "\n").replace("\u2028", "\n"))
    if lines:
        return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")
    return " ".join(text.split())


def chars(text: str) -> int:
    """The characters that count in the text-survival figure: every one but white space."""
    return sum(1 for c in text if not c.isspace())


@dataclass(eq=False)
class Run:
    """A stretch of text, with the address it links to and the field it is (e.g. slidenum), if any."""

    text: str
    link: str | None = None
    field: str | None = None
    bold: bool = False


@dataclass(eq=False)
class Para:
    """A paragraph: its runs, list level, how it is marked (plain, bullet or number) and where it went."""

    runs: list[Run]
    level: int = 0
    mark: str = "plain"  # plain, bullet, number
    char: str = ""  # the bullet character, when one is given
    size: float = 0.0  # the largest run size in points (0: inherited)
    placed: str = ""  # where the text went: slide, deck, register, notes, chrome, decoration

    @property
    def text(self) -> str:
        return clean("".join(r.text for r in self.runs))

    @property
    def lines(self) -> list[str]:
        """The text's lines (a paragraph may hold line breaks), each cleaned."""
        raw = "".join(r.text for r in self.runs).replace("\v", "\n")
        return [line for line in (clean(part) for part in raw.split("\n")) if line]

    @property
    def listed(self) -> bool:
        return self.mark != "plain"

    @property
    def bold(self) -> bool:
        runs = [r for r in self.runs if r.text.strip()]
        return bool(runs) and all(r.bold for r in runs)

    @property
    def links(self) -> list[tuple[str, str]]:
        return [(clean(r.text), r.link) for r in self.runs if r.link and r.text.strip()]

    def take(self, where: str = "slide") -> str:
        """The text, marked as carried to `where` (the first place it went counts)."""
        self.placed = self.placed or where
        return self.text


@dataclass(eq=False)
class TextShape:
    """A text frame on a slide: where it is, its paragraphs, and what it is (title, subtitle, body, footer…)."""

    name: str
    box: Box
    paras: list[Para]
    role: str = "text"  # title, subtitle, body, text, footer, number, date
    kind: str = "text box"  # text box, placeholder, shape, group, SmartArt, table

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras if p.text)

    @property
    def live(self) -> list[Para]:
        """The paragraphs with text that has not gone anywhere yet."""
        return [p for p in self.paras if p.text and not p.placed]


@dataclass(eq=False)
class PictureShape:
    """A picture: its bytes, file type, alt text, place on the slide and the part of the file shown."""

    name: str
    box: Box
    blob: bytes
    ext: str
    alt: str = ""
    decorative: bool = False
    focus: tuple[float, float] = (0.5, 0.5)  # the centre of the part shown, when the deck crops it
    cropped: bool = False
    role: str = "content"  # content, logo (repeated on many slides)


@dataclass(eq=False)
class SeriesFound:
    """One series of a chart: its name, values (y values), x values and bubble sizes, and its plot's type."""

    name: str
    values: list[float | None]
    x: list[float | None] = field(default_factory=list)
    kind: str = ""  # the type of the plot it is drawn in (a chart may combine bars and a line)
    sizes: list[float | None] = field(default_factory=list)


@dataclass(eq=False)
class ChartShape:
    """A native chart's data as read."""

    name: str
    box: Box
    kind: str  # the first plot's type: bar, column, line, pie, doughnut, area, scatter, radar, bubble, bar3D…
    categories: list[str]
    series: list[SeriesFound]
    title: Para | None = None
    percent: bool = False  # the values are formatted as percentages (0.5 shows as 50%)
    unit: str = ""  # a unit the number format writes after each value
    grouping: str = ""  # clustered, stacked, percentStacked, standard
    labelled: bool = False  # the values are written on the chart
    axes: list[Para] = field(default_factory=list)  # the axis titles


@dataclass(eq=False)
class TableShape:
    """A table: one list of cells (each a list of paragraphs) per row, and whether cells are merged."""

    name: str
    box: Box
    rows: list[list[list[Para]]]
    merged: bool = False
    header: bool = False  # the table marks its first row as the header

    @property
    def paras(self) -> list[Para]:
        return [p for row in self.rows for cell in row for p in cell]


@dataclass(eq=False)
class Oddity:
    """Something deckbuilder cannot represent (SmartArt, video, an embedded object…), with any text it holds."""

    kind: str
    name: str
    detail: str = ""
    paras: list[Para] = field(default_factory=list)


@dataclass(eq=False)
class SlideFound:
    """One slide as read."""

    number: int  # from 1
    layout: str  # the name of the slide layout it uses
    texts: list[TextShape] = field(default_factory=list)
    pictures: list[PictureShape] = field(default_factory=list)
    charts: list[ChartShape] = field(default_factory=list)
    tables: list[TableShape] = field(default_factory=list)
    oddities: list[Oddity] = field(default_factory=list)
    plain_shapes: list[str] = field(default_factory=list)  # shapes with no text: their kinds
    notes: str = ""
    hidden: bool = False
    animations: int = 0
    cover: bool = False  # laid out as a title slide (a centred title or subtitle placeholder, a title-slide layout)

    def all_paras(self) -> list[Para]:
        """Every paragraph of slide text: text frames, tables, chart titles and oddities."""
        paras = [p for t in self.texts for p in t.paras]
        paras += [p for t in self.tables for p in t.paras]
        paras += [c.title for c in self.charts if c.title] + [p for c in self.charts for p in c.axes]
        paras += [p for o in self.oddities for p in o.paras]
        return [p for p in paras if p.text]


@dataclass(eq=False)
class DeckFound:
    """A deck as read: its slides, size, document properties and deck-wide facts."""

    name: str
    width: int
    height: int
    slides: list[SlideFound]
    title: str = ""
    subject: str = ""
    author: str = ""
    transitions: int = 0
    removed: str = ""  # what opening the deck removed outside its slides (macros, linked files…), or ''

    @property
    def area(self) -> int:
        return self.width * self.height
