"""The slide kinds users can ask for: each one's fields, a description and a short YAML example."""
from __future__ import annotations

from dataclasses import dataclass

from .scalars import Cell, Choice, Flag, Number, Text, Url
from .schema import Field, Kind, ListOf, Record

AUDIENCES = ListOf(Text(max_len=60), single_ok=True)
FILTERS = (
    Field("only", AUDIENCES, "show this only to these audiences"),
    Field("except", AUDIENCES, "show this to every audience but these"),
)


def filterable(*fields: Field, shorthand: str | None = None, doc: str = "") -> Record:
    """A list item's record, which may also carry only/except."""
    return Record((*fields, *FILTERS), shorthand=shorthand, doc=doc)


IMAGE = Record(
    (
        Field("asset", Text(max_len=200), "the image's key in the image register", required=True),
        Field("fit", Choice("cover", "contain"),
              "cover fills the frame, cropping around the focus point; contain shows the whole image"),
        Field("credit", Choice("below", "footer", "credits-only"),
              "where the credit line goes (default: the deck's credits.placement)"),
        Field("focus", ListOf(Number(0, 1), 2, 2), "override the register's focus point [x, y], 0–1"),
    ),
    shorthand="asset",
    doc="an image from the register: its key, or {asset, fit, credit, focus}",
)

SUB_BULLET = filterable(Field("text", Text(500), "the sub-point", required=True), shorthand="text",
                        doc="a sub-point: text, or {text, only, except}")
BULLET = filterable(
    Field("text", Text(500), "the point", required=True),
    Field("bullets", ListOf(SUB_BULLET), "sub-points, one level deep"),
    shorthand="text",
    doc="a point: text, or {text, bullets, only, except}",
)
BULLETS = ListOf(BULLET, min_items=1)

STAT = filterable(
    Field("value", Text(24), "the number as it should read, e.g. 60,000 or 10%", required=True),
    Field("label", Text(160), "one short line saying what the number counts", required=True),
)
COLUMN = filterable(
    Field("heading", Text(120), "the column's heading", required=True),
    Field("bullets", BULLETS, "the column's points", required=True),
    Field("numbered", Flag(), "number the points"),
)
CHECK_ITEM = filterable(
    Field("text", Text(300), "what was done or is to do", required=True),
    Field("done", Flag(), "ticked (true) or open (false)", default=True),
    shorthand="text",
)
LOGO = filterable(
    Field("name", Text(120), "the organisation's name (shown as a tile when there is no image)", required=True),
    Field("image", IMAGE, "its logo from the image register"),
    shorthand="name",
)
STEP = filterable(
    Field("title", Text(160), "the step in a few words", required=True),
    Field("text", Text(300), "one or two lines of detail"),
    shorthand="title",
)
ROW = ListOf(Cell(1000), min_items=1, max_items=12)
PICTURE = Record(
    (Field("image", IMAGE, "the picture", required=True), Field("caption", Text(200), "a caption under it")),
    shorthand="image",
    doc="a picture: its image key, or {image, caption}",
)
SERIES = Record((
    Field("name", Text(80), "the series' name, shown in the legend", required=True),
    Field("values", ListOf(Number(), min_items=1), "one number per category (scatter: the y of each point)",
          required=True),
    Field("x", ListOf(Number(), min_items=1), "scatter charts only: the x of each point"),
))
CHART_TYPES = ("bar", "column", "pie", "doughnut", "line", "area", "scatter", "radar")
CHART = Record((
    Field("type", Choice(*CHART_TYPES), "the kind of chart", required=True),
    Field("categories", ListOf(Text(80), min_items=1, max_items=24),
          "the category labels (every type but scatter, whose series give x values)"),
    Field("series", ListOf(SERIES, min_items=1, max_items=6), "the data series", required=True),
    Field("stacked", Flag(), "bar, column and area charts: stack the series instead of setting them side by side"),
    Field("unit", Text(12), "a unit written after each value label, e.g. % or teams"),
    Field("labels", Flag(), "show the values on the chart (a scatter chart's are read off its axes)", default=True),
))


@dataclass(frozen=True)
class Layout:
    """One slide kind: its own fields, what it is for, and an example."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    example: str


def _f(name: str, kind: Kind, doc: str, required: bool = False, default=None) -> Field:
    return Field(name, kind, doc, required, default)


TITLE = Text(300)
LAYOUTS: dict[str, Layout] = {}


def _layout(name: str, doc: str, example: str, *fields: Field) -> None:
    LAYOUTS[name] = Layout(name, doc, fields, example.strip("\n"))


_layout("title", "The opening slide, from the deck's facts (title, subtitle, event, date, presenter).", """
- id: title
  layout: title
  image: hope-sunrise      # optional picture on the right
""", _f("title", TITLE, "override the deck title"), _f("subtitle", Text(300), "override the deck subtitle"),
    _f("image", IMAGE, "an optional picture beside the title"))
_layout("section", "A divider between parts of the talk.", """
- id: today
  layout: section
  title: Today
  subtitle: Feedback, a new story, and the impact so far
""", _f("title", TITLE, "the section's name", True), _f("subtitle", Text(300), "a line under it"))
_layout("bullets", "A title and points (one level of sub-points), optionally numbered, optionally a picture "
        "beside them. Long lists continue on a new slide.", """
- id: babies-suffering
  layout: bullets
  title: Babies are suffering now and need help
  bullets:
    - 10% of babies at risk of disorganised attachment
    - text: 60,000 babies leave hospital each year and live in fear, or terror
      except: [funders]
""", _f("title", TITLE, "the slide's title", True), _f("bullets", BULLETS, "the points", True),
    _f("numbered", Flag(), "number the points 1, 2, 3"), _f("image", IMAGE, "a picture beside the points"))
_layout("statement", "One sentence, very large: the line the audience should remember.", """
- id: need-400
  layout: statement
  text: We need 400 not 40!
  highlight: "400"
""", _f("text", Text(300), "the statement", True), _f("subtitle", Text(300), "a smaller line under it"),
    _f("highlight", Text(100), "a word or phrase of the text to show in the accent colour"))
_layout("stat", "One to four big numbers, each with a short label.", """
- id: the-numbers
  layout: stat
  title: Babies are suffering now
  stats:
    - {value: 10%, label: of babies are at risk of disorganised attachment}
    - {value: "60,000", label: babies a year leave hospital to live in fear}
""", _f("title", TITLE, "the slide's title", True),
    _f("stats", ListOf(STAT, 1, 4), "the numbers: {value, label}", True))
_layout("quote", "A quotation with its speaker.", """
- id: ben-yeo
  layout: quote
  text: I welcome this major new report from the Royal College of Psychiatrists.
  by: Ben Yeo
  role: on the RCPsych report, October 2023
""", _f("text", Text(800), "the words quoted, without quotation marks", True),
    _f("by", Text(120), "who said or wrote it", True), _f("role", Text(200), "their role or where it was said"),
    _f("image", IMAGE, "an optional picture (e.g. the report's cover)"))
_layout("image", "A photograph filling the slide, with an optional caption or overlay text.", """
- id: thank-you
  layout: image
  image: {asset: child-joy, fit: contain}
  text: Thank you
""", _f("image", IMAGE, "the picture", True), _f("caption", Text(200), "a caption under the picture"),
    _f("text", Text(120), "short text shown over the picture (not allowed on NoDerivatives images)"))
_layout("image-text", "A picture on one half, a title and points or text on the other.", """
- id: why-babies
  layout: image-text
  image: hope-sunrise
  title: Why doesn't everyone want to support babies?
  text: Uncomfortable, hopeless, not urgent? We can change that story.
  side: left
""", _f("image", IMAGE, "the picture", True), _f("title", TITLE, "the slide's title", True),
    _f("bullets", BULLETS, "points beside the picture"), _f("text", Text(1200), "or a paragraph beside it"),
    _f("side", Choice("left", "right"), "which side the picture is on", default="left"))
_layout("columns", "Two or three columns, each a heading and its points.", """
- id: research
  layout: columns
  title: What the research found
  columns:
    - {heading: What they found, bullets: [Reluctance to engage, It's not urgent]}
    - {heading: What they suggested, bullets: [Child protection, Levelling up]}
""", _f("title", TITLE, "the slide's title", True),
    _f("columns", ListOf(COLUMN, 2, 3), "the columns: {heading, bullets}", True))
_layout("paper", "A research paper as a citation card: title, authors, journal, then its key points.", """
- id: study
  layout: paper
  title: The commissioning of infant mental health services in the UK
  authors: [Olha Homonchuk, Jane Barlow]
  affiliation: University of Oxford
  journal: Child Care Health and Development
  date: March 2022
  points: [14 in-depth interviews with commissioners in 14 areas of England]
""", _f("title", TITLE, "the paper's title", True),
    _f("authors", ListOf(Text(120), 1, 40, single_ok=True), "the authors, in order", True),
    _f("affiliation", Text(300), "where the authors work"), _f("journal", Text(200), "journal or publisher"),
    _f("date", Text(40), "when it was published, as it should read"),
    _f("points", BULLETS, "the key points"), _f("abstract", Text(1500), "or a short abstract"),
    _f("url", Url(), "a link to the paper"), _f("heading", Text(120), "a kicker above the card"))
_layout("post", "A social-media post: name, handle, date and text (no platform logos).", """
- id: cpc23
  layout: post
  author: Keith Reed
  handle: "@CampaignsKeith"
  date: 2 Oct 2023
  text: Great to be at #CPC23 listening to @timloughton flying the flag for babies.
""", _f("author", Text(120), "the author's name", True), _f("handle", Text(60), "their handle, e.g. @name"),
    _f("date", Text(40), "when it was posted, as it should read"), _f("text", Text(600), "the post", True),
    _f("image", IMAGE, "a picture attached to the post"), _f("heading", Text(120), "a kicker above the post"))
_layout("checklist", "Things done (ticked) or to do (open).", """
- id: conferences
  layout: checklist
  title: Party conferences
  items:
    - Asked for words to include in manifestos
    - {text: Round table meeting, done: false}
""", _f("title", TITLE, "the slide's title", True),
    _f("items", ListOf(CHECK_ITEM, min_items=1), "the items: text, or {text, done}", True))
_layout("logos", "A tidy grid of partner or funder logos; a name alone becomes a text tile.", """
- id: partners
  layout: logos
  title: Partners
  logos:
    - Royal College of Psychiatrists
    - {name: NCT, image: nct-logo}
""", _f("title", TITLE, "the slide's title", True),
    _f("logos", ListOf(LOGO, 1, 24), "the organisations: name, or {name, image}", True))
_layout("chart", "A native, editable PowerPoint chart (bar, column, pie, doughnut, line, area, scatter, radar).", """
- id: attachment
  layout: chart
  title: Half of babies are securely attached
  chart:
    type: doughnut
    categories: [Secure, Insecure, Disorganised]
    series: [{name: Babies, values: [50, 40, 10]}]
    unit: "%"
  source: Family Hubs and Start for Life programme guide, August 2022
""", _f("title", TITLE, "the slide's title", True), _f("chart", CHART, "the chart's type and data", True))
_layout("table", "A native PowerPoint table: an optional header row over rows of cells, each column as wide as "
        "its words need. A long table continues on a new slide, its header repeated.", """
- id: teams
  layout: table
  title: Specialised teams in England
  header: [Region, Teams, Babies seen]
  rows:
    - [North East, 3, 420]
    - [London, 9, "1,200"]
    - [South West, 2, ""]          # "" is an empty cell
""", _f("title", TITLE, "the slide's title", True),
    _f("header", ROW, "the header row: one heading per column"),
    _f("rows", ListOf(ROW, min_items=1), "the rows, each a list of cells (text or numbers; \"\" for an empty cell)",
       True))
_layout("pictures", "Two to six pictures in a grid, each with its caption and its credit under it.", """
- id: team-photos
  layout: pictures
  title: The teams at work
  pictures:
    - {image: held-hands, caption: A first visit}
    - {image: together, caption: Six months on}
""", _f("title", TITLE, "the slide's title", True),
    _f("pictures", ListOf(PICTURE, 2, 6), "the pictures: image, or {image, caption}", True))
_layout("steps", "A sequence of two to six steps, in order.", """
- id: simple-story
  layout: steps
  title: Creating a new simple story
  steps:
    - Babies are suffering now
    - {title: Parents need help, text: Most parents want to be good parents}
""", _f("title", TITLE, "the slide's title", True),
    _f("steps", ListOf(STEP, 2, 6), "the steps: title, or {title, text}", True))
_layout("closing", "The last word: short text, an optional picture and a contact line.", """
- id: thanks
  layout: closing
  text: Thank you
  contact: keith@example.org · @CampaignsKeith
""", _f("text", Text(200), "the closing words", True), _f("image", IMAGE, "an optional picture"),
    _f("contact", Text(200), "how to reach you"))
_layout("credits", "The image credits of every picture the deck uses (added at the end automatically).", """
- id: credits
  layout: credits
""", _f("title", TITLE, "the slide's title", default="Image credits"))

COMMON = (
    Field("id", Text(80, r"[A-Za-z0-9][A-Za-z0-9_-]*", "use letters, digits, '-' and '_'"),
          "a unique name for the slide; audience outlines refer to it"),
    Field("layout", Choice(*LAYOUTS), "the kind of slide (default: bullets)", default="bullets"),
    Field("notes", Text(20000), "speaker notes, any length; they go into the notes page"),
    Field("source", Text(300), "a citation line shown small at the foot of the slide"),
    Field("hidden", Flag(), "keep the slide in the outline but leave it out of the build"),
    *FILTERS,
)
