"""The DeckPlan: positioned boxes in integer EMU that the renderer writes exactly as given."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700


def inches(value: float) -> int:
    return round(value * EMU_PER_INCH)


def points(value: float) -> int:
    return round(value * EMU_PER_PT)


@dataclass(frozen=True)
class Box:
    """A rectangle in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def inside(self, other: Box) -> bool:
        return self.x >= other.x and self.y >= other.y and self.right <= other.right and self.bottom <= other.bottom

    def overlaps(self, other: Box) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def with_h(self, h: int) -> Box:
        return replace(self, h=h)


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style; size in points."""

    text: str
    font: str
    size: float
    bold: bool = False
    italic: bool = False
    color: str = "000000"
    link: str | None = None
    field: str | None = None  # e.g. "slidenum": a field PowerPoint keeps up to date
    caps: bool = False  # shown in capitals, kept as written (screen readers read the words)


@dataclass(frozen=True)
class Para:
    """A paragraph: runs, alignment, list level and bullet, spacing (points) and line spacing."""

    runs: tuple[Run, ...]
    align: str = "l"  # l, ctr, r
    bullet: str | None = None  # None, a character such as "•", or "num" for 1. 2. 3.
    bullet_color: str | None = None
    indent: int = 0  # EMU from the frame's left edge to the text
    hang: int | None = None  # EMU the bullet hangs left of the text (default: all of the indent)
    space_before: float = 0.0
    line_spacing: float = 1.0
    number: int = 1  # the first number of a numbered list
    source: tuple = ()  # the outline field it shows: a path in the slide's fields, e.g. ("bullets", 2, "text"),
    #   or in the deck's facts, ("deck", "title"); () for words the deck makes up (pull maps edits back by it)
    form: str = "{}"  # how the field's text is shown in it, e.g. "— {}" or "Source: {}"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def size(self) -> float:
        return max((r.size for r in self.runs), default=0.0)


@dataclass(frozen=True)
class TextBox:
    """A text frame: explicit sizes, no autofit; role says what it is (title, body, footer…)."""

    box: Box
    paras: tuple[Para, ...]
    role: str = "body"
    anchor: str = "t"  # t, ctr, b
    fill: str | None = None
    name: str = "Text"
    inset: int = 0  # EMU on every side
    placeholder: str | None = None  # "body" or "subtitle": written into the template layout's placeholder
    backdrop: str | None = None  # the colour known to be behind it (a template's decoration), for checks


@dataclass(frozen=True)
class Picture:
    """A picture: where it goes, what part of the file it shows, its alt text (or decorative)."""

    box: Box
    image: str  # the source file; the build replaces it with the processed one
    crop: tuple[float, float, float, float] | None = None  # fractions cut from left, top, right, bottom
    alt: str = ""
    decorative: bool = False
    name: str = "Picture"
    link: str | None = None
    key: str = ""  # the register key, for the credits
    overlaid: bool = False  # text is set over it (its credit says so)
    footer: tuple[Run, ...] = ()  # its credit, when the credit goes in the slide's footer


@dataclass(frozen=True)
class Rect:
    """A plain shape: a card, a rule, a scrim or a tile; always decorative."""

    box: Box
    fill: str | None = None
    line: str | None = None
    alpha: float = 1.0
    rounded: bool = False
    ellipse: bool = False
    name: str = "Shape"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    x: tuple[float, ...] = ()  # a scatter chart's x values


@dataclass(frozen=True)
class Chart:
    """A native chart with its data, colours and text sizes."""

    box: Box
    kind: str  # bar, column, pie, doughnut, line, area, scatter, radar
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    colors: tuple[str, ...]
    font: str
    size: float
    text_color: str
    unit: str = ""
    labels: bool = True
    alt: str = ""
    name: str = "Chart"
    stacked: bool = False


@dataclass(frozen=True)
class TableCell:
    """One cell of a table: its paragraphs and fill."""

    paras: tuple[Para, ...]
    fill: str | None = None


@dataclass(frozen=True)
class Table:
    """A native table: column widths and row heights in EMU (as measured), rows of cells, cell margins."""

    box: Box
    widths: tuple[int, ...]
    heights: tuple[int, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    header: bool = True  # the first row is the header (repeated on continuation slides)
    margin: int = 45_720  # EMU inside each cell, left and right (top and bottom: half of it)
    name: str = "Table"


Shape = TextBox | Picture | Rect | Chart | Table


@dataclass(frozen=True)
class SlidePlan:
    """One slide: its title (for the outline and screen readers), shapes in reading order, notes."""

    id: str
    layout: str
    title: str
    shapes: tuple[Shape, ...]
    notes: str = ""
    background: str = "FFFFFF"
    part: int = 1  # continuation slides count up from 1
    parts: int = 1
    chrome: str = "content"  # content: footer, number and logo are added; none: they are not
    template_layout: str | None = None  # with an organisation's template: the layout the slide uses
    paint: bool = True  # paint the background (False: the template's background shows)
    arranged: str = ""  # how the slide was arranged when its first arrangement did not fit ("" when it did)

    @property
    def name(self) -> str:
        """The slide's name in the deck, which `pull` finds it by: its id, and its part when it is continued."""
        return f"{self.id} ({self.part}/{self.parts})" if self.parts > 1 else self.id


@dataclass(frozen=True)
class TemplateLayout:
    """What the planner needs of one layout of an organisation's template: placeholder boxes and colours."""

    name: str
    part: str = ""  # its part in the template's package, e.g. ppt/slideLayouts/slideLayout2.xml
    title: Box | None = None
    body: Box | None = None
    subtitle: Box | None = None
    background: str | None = None  # RRGGBB behind the body text (a picture background: its average colour)
    title_background: str | None = None
    title_color: str | None = None
    body_color: str | None = None


@dataclass(frozen=True)
class Template:
    """An organisation's .pptx as the planner sees it: its size, layouts, colours and fonts."""

    path: str
    width: int
    height: int
    layouts: dict  # name -> TemplateLayout (the first master's)
    colors: dict  # scheme colours (colors.ThemeColor): dk1, lt1, dk2, lt2, accent1…accent6, and tx1, bg1, tx2, bg2
    fonts: tuple[str, str]  # heading (major) and body (minor) typefaces
    footer_top: int | None = None  # content stays above the master's footer placeholders
    sizes: dict = field(default_factory=dict)  # the master's title and body text sizes, in points


@dataclass(frozen=True)
class DocProps:
    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    company: str = ""
    language: str = "en-GB"
    created: dt.datetime = dt.datetime(2000, 1, 1)


@dataclass(frozen=True)
class DeckPlan:
    """Everything the renderer needs: slide size, theme fonts and colours, and the slides."""

    width: int
    height: int
    props: DocProps
    fonts: tuple[str, str]  # heading, body
    colors: dict = field(default_factory=dict)
    slides: tuple[SlidePlan, ...] = ()
    credits: tuple = ()  # assets.credits.Credit of every image used, in order of first use
    template: Template | None = None
    theme_name: str = ""  # written into the deck's theme ("": a template's theme keeps its own)
    custom: tuple[tuple[str, str], ...] = ()  # custom document properties: where the deck came from (provenance)
