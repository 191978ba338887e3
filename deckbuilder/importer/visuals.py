"""Slides built around a chart or a table, with the original's data and type."""
from __future__ import annotations

from .found import ChartShape, TableShape
from .story import Row
from .text import LIMITS, fits, needed_title, pieces
from .work import Work

# The chart types python-pptx reads (and the 3-D ones it does not) -> the chart layout's type, and what the
# rebuilt chart does not keep, for the report.
CHART_TYPES = {"bar": ("bar", ""), "column": ("column", ""), "line": ("line", ""), "pie": ("pie", ""),
               "doughnut": ("doughnut", ""), "area": ("area", ""), "scatter": ("scatter", ""), "radar": ("radar", ""),
               "bar3D": ("bar", "its 3-D effect"), "column3D": ("column", "its 3-D effect"),
               "line3D": ("line", "its 3-D effect"), "pie3D": ("pie", "its 3-D effect"),
               "area3D": ("area", "its 3-D effect"), "ofPie": ("pie", "the second pie or bar it breaks out"),
               "bubble": ("scatter", "its bubble sizes (they are in the notes)")}
STACKS = ("bar", "column", "area")
MAX_CATEGORIES, MAX_SERIES, MAX_COLUMNS = 24, 6, 12


def chart_slide(work: Work, chart: ChartShape, title: str | None = None) -> dict:
    """A native chart with its categories, series and values, of the original's type; a chart of a type the
    chart layout has not (surface, stock) becomes a table of its data. `title`: for a chart after the slide's
    first (its own title wins)."""
    title = _chart_title(work, chart, title)
    data = chart_data(chart, work)
    if chart.axes:
        work.to_notes.append("Axis titles of the chart: " + "; ".join(p.take("notes") for p in chart.axes))
        work.note("the chart's axis titles are in the notes: deckbuilder charts have none")
    if data is None:
        work.note(f"a {chart.kind} chart cannot be drawn by deckbuilder: its data became a table")
        return {"layout": "table", "title": title, **_data_table(chart)}
    return {"layout": "chart", "title": title, "chart": data}


def _chart_title(work: Work, chart: ChartShape, given: str | None) -> str:
    own = chart.title.text if chart.title else ""
    if given:
        return chart.title.take() if chart.title and fits(own, "title") else given
    if work.title:
        if chart.title and own == work.title:
            chart.title.take()
        return needed_title(work, "chart")
    if chart.title and fits(own, "title"):
        return chart.title.take()
    return needed_title(work, "chart")


def chart_data(chart: ChartShape, work: Work) -> dict | None:
    """The chart layout's data for a chart (None for a type it has not), saying what is not kept."""
    kind, lost = CHART_TYPES.get(chart.kind, (None, ""))
    if kind is None:
        return None
    if lost:
        work.note(f"the {chart.kind} chart is a {kind} chart here: {lost} is not kept")
    mixed = sorted({s.kind for s in chart.series} - {chart.kind})
    if mixed:
        work.note(f"the chart combines a {chart.kind} plot with {', '.join(mixed)}: every series is drawn as {kind}")
    data = {"type": kind, **(_xy(chart, work) if kind == "scatter" else _by_category(chart, work))}
    if chart.grouping in ("stacked", "percentStacked") and kind in STACKS:
        data["stacked"] = True
        if chart.grouping == "percentStacked":
            work.note("the chart stacks its series to 100 %: here they are stacked by value")
    unit = "%" if chart.percent else chart.unit
    if unit and len(unit) <= 12:
        data["unit"] = unit
    if not chart.labelled:
        data["labels"] = False
    return _capped_chart(data, work)


def _by_category(chart: ChartShape, work: Work) -> dict:
    length = max([len(chart.categories)] + [len(s.values) for s in chart.series])
    categories = [c or "—" for c in chart.categories] or [str(i) for i in range(1, length + 1)]
    if not chart.categories:
        work.note("the chart has no category labels: they were numbered 1, 2, 3…")
    series, blanks = [], 0
    for i, found in enumerate(chart.series, start=1):
        numbers = found.values[:len(categories)] + [None] * (len(categories) - len(found.values))
        blanks += sum(v is None for v in numbers)
        series.append({"name": _short(found.name or f"Series {i}", "series", work),
                       "values": [_number(v, chart.percent) for v in numbers]})
    if blanks:
        work.note(f"{blanks} empty chart value(s) were written as 0")
    return {"categories": [_short(c, "category", work) for c in categories], "series": series}


def _xy(chart: ChartShape, work: Work) -> dict:
    """Scatter series: the points with both an x and a y value (bubble sizes go to the notes)."""
    series, dropped = [], 0
    for i, found in enumerate(chart.series, start=1):
        xs = found.x or [float(n) for n in range(1, len(found.values) + 1)]
        pairs = [(x, y) for x, y in zip(xs, found.values) if x is not None and y is not None]
        dropped += len(found.values) - len(pairs)
        name = _short(found.name or f"Series {i}", "series", work)
        if pairs:
            series.append({"name": name, "x": [_number(x, False) for x, _ in pairs],
                           "values": [_number(y, chart.percent) for _, y in pairs]})
        if found.sizes:
            sizes = ", ".join(f"{v:g}" for v in found.sizes if v is not None)
            work.to_notes.append(f"Bubble sizes of '{name}': {sizes}")
    if dropped:
        work.note(f"{dropped} chart point(s) without an x or y value were left out")
    return {"series": series or [{"name": "Series 1", "x": [0], "values": [0]}]}


def _data_table(chart: ChartShape) -> dict:
    """A chart's data as a table: the categories down, a column per series."""
    rows = [Row([c or "—"] + [_value(s.values, i) for s in chart.series]) for i, c in enumerate(chart.categories)]
    return {"header": Row(["", *[s.name or f"Series {i}" for i, s in enumerate(chart.series, 1)]]),
            "rows": rows or [Row([""] * (len(chart.series) + 1))]}


def _value(values: list, i: int) -> str:
    return f"{values[i]:g}" if i < len(values) and values[i] is not None else ""


def _number(value, percent: bool) -> float | int:
    value = 0 if value is None else value * 100 if percent else value
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def _short(text: str, field: str, work: Work) -> str:
    if len(text) <= LIMITS[field]:
        return text
    work.note(f"the chart label '{text[:40]}…' is longer than {LIMITS[field]} characters: it was shortened "
              "(the whole label is in the notes)")
    work.to_notes.append(f"Chart label in full: {text}")
    return pieces(text, LIMITS[field] - 1)[0] + "…"


def _capped_chart(data: dict, work: Work) -> dict:
    if len(data.get("categories", ())) <= MAX_CATEGORIES and len(data["series"]) <= MAX_SERIES:
        return data
    names = [s["name"] for s in data["series"]]
    labels = data.get("categories") or [f"x {x:g}" for x in data["series"][0]["x"]]
    rows = [", ".join(["category", *names])]
    rows += [", ".join([c] + [str(s["values"][i]) if i < len(s["values"]) else "" for s in data["series"]])
             for i, c in enumerate(labels)]
    work.to_notes.append("The chart's full data:\n" + "\n".join(rows))
    work.note(f"the chart has {len(labels)} categories and {len(names)} series; deckbuilder charts hold "
              f"{MAX_CATEGORIES} and {MAX_SERIES}: the first are shown, all the data is in the notes")
    if "categories" in data:
        data["categories"] = data["categories"][:MAX_CATEGORIES]
        data["series"] = [dict(s, values=s["values"][:MAX_CATEGORIES]) for s in data["series"][:MAX_SERIES]]
    else:
        data["series"] = data["series"][:MAX_SERIES]
    return data


def table_slide(work: Work, table: TableShape, title: str | None = None) -> dict:
    """A native table: the header row when the table marks one, then the rows, cell by cell. `title`: for a
    table after the slide's first chart or table."""
    rows = [[_cell(cell, work) for cell in row] for row in table.rows]
    width = max(len(r) for r in rows)
    if width > MAX_COLUMNS:
        work.to_notes.extend(" · ".join(r[MAX_COLUMNS:]) for r in rows if any(r[MAX_COLUMNS:]))
        work.note(f"the table has {width} columns; deckbuilder tables hold {MAX_COLUMNS}: the others are in the notes")
    rows = [(r + [""] * width)[:min(width, MAX_COLUMNS)] for r in rows]
    title = title or needed_title(work, "table")
    if table.merged:
        work.note("the table has merged cells: each merged cell's text is in its first cell, the others are empty")
    header = table.header and len(rows) > 1
    rows = [Row(r) for r in rows]
    return {"layout": "table", "title": title, **({"header": rows[0]} if header else {}),
            "rows": rows[1:] if header else rows}


def _cell(paras: list, work: Work) -> str:
    text = "\n".join(p.take() for p in paras if p.text)
    if len(text) <= LIMITS["cell"]:
        return text
    work.to_notes.append(f"Table cell in full: {text}")
    work.note(f"a table cell has {len(text)} characters (cells hold {LIMITS['cell']}): it was shortened, and the "
              "whole text put in the notes")
    return pieces(text, LIMITS["cell"] - 1)[0] + "…"
