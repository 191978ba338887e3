"""Slides built around a chart, a table or a picture; a second chart, table or picture gets a slide of its own."""
from __future__ import annotations

from .found import ChartShape, PictureShape, TableShape
from .layouts import closing, quote
from .text import LIMITS, bullets, fits, joined, needed_title, optional_title, pieces
from .work import Work

CHART_TYPES = (("DOUGHNUT", "doughnut"), ("PIE", "pie"), ("BAR", "bar"), ("COLUMN", "column"), ("LINE", "line"))
MAX_CATEGORIES, MAX_SERIES = 24, 6


def chart_slide(work: Work, chart: ChartShape, extra: int = 0) -> dict:
    """A native chart with its categories, series and values; the slide's citation line as its source."""
    title = _chart_title(work, chart, extra)
    data = chart_data(chart, work)
    return {"layout": "chart", "title": title, "chart": data}


def _chart_title(work: Work, chart: ChartShape, extra: int) -> str:
    own = chart.title.text if chart.title else ""
    if extra:
        if chart.title:
            return chart.title.take()
        work.note(f"chart {extra + 1} of the slide has a slide of its own, titled '{work.title} ({extra + 1})'")
        return f"{work.title or f'Slide {work.number}'} ({extra + 1})"
    if work.title:
        if chart.title and own == work.title:
            chart.title.take()
        return needed_title(work, "chart")
    if chart.title and fits(own, "title"):
        return chart.title.take()
    return needed_title(work, "chart")


def chart_data(chart: ChartShape, work: Work) -> dict:
    kind = next((name for key, name in CHART_TYPES if key in chart.kind), None)
    if kind is None:
        kind = "column"
        work.note(f"a {chart.kind.replace('_', ' ').lower()} chart has no deckbuilder equivalent: it became a "
                  "column chart")
    elif "STACKED" in chart.kind or "THREE_D" in chart.kind:
        work.note(f"the {chart.kind.replace('_', ' ').lower()} chart became a plain {kind} chart")
    length = max([len(chart.categories)] + [len(v) for _, v in chart.series])
    categories = [c or "—" for c in chart.categories] or [str(i) for i in range(1, length + 1)]
    if not chart.categories:
        work.note("the chart has no category labels: they were numbered 1, 2, 3…")
    series = []
    blanks = 0
    for i, (name, values) in enumerate(chart.series, start=1):
        numbers = [v for v in values][:len(categories)] + [None] * (len(categories) - len(values))
        blanks += sum(v is None for v in numbers)
        series.append({"name": _short(name or f"Series {i}", "series", work), "values":
                       [_number(v, chart.percent) for v in numbers]})
    if blanks:
        work.note(f"{blanks} empty chart value(s) were written as 0")
    data = {"type": kind, "categories": [_short(c, "category", work) for c in categories], "series": series}
    unit = "%" if chart.percent else chart.unit
    if unit and len(unit) <= 12:
        data["unit"] = unit
    return _capped_chart(data, work)


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
    if len(data["categories"]) <= MAX_CATEGORIES and len(data["series"]) <= MAX_SERIES:
        return data
    rows = [", ".join(["category"] + [s["name"] for s in data["series"]])]
    rows += [", ".join([c] + [str(s["values"][i]) for s in data["series"]]) for i, c in enumerate(data["categories"])]
    work.to_notes.append("The chart's full data:\n" + "\n".join(rows))
    work.note(f"the chart has {len(data['categories'])} categories and {len(data['series'])} series; deckbuilder "
              f"charts hold {MAX_CATEGORIES} and {MAX_SERIES}: the first are shown, all the data is in the notes")
    data["categories"] = data["categories"][:MAX_CATEGORIES]
    data["series"] = [dict(s, values=s["values"][:MAX_CATEGORIES]) for s in data["series"][:MAX_SERIES]]
    return data


def table_slide(work: Work, table: TableShape, extra: int = 0) -> dict:
    """A small table with headings as columns; any other table as points, one per row."""
    rows = [[" ".join(p.text for p in cell) for cell in row] for row in table.rows]
    width = max((len(r) for r in rows), default=0)
    title = needed_title(work, "columns") if not extra else f"{work.title or f'Slide {work.number}'} ({extra + 1})"
    if not extra and not work.paras and _as_columns(rows, table):
        joined(table.paras)
        work.note("a table became columns, one per table column: check that it reads as the table did")
        return {"layout": "columns", "title": title, "columns": [
            {"heading": rows[0][c], "bullets": [r[c] for r in rows[1:] if r[c]]} for c in range(width)]}
    items, numbered = bullets(work.paras, work) if not extra else ([], False)
    for row, cells in zip(rows, table.rows):
        for cell in cells:
            joined(cell)
        line = " · ".join(c for c in row if c)
        items.extend(pieces(line, LIMITS["bullet"]) if line else [])
    merged = ", with merged cells" if table.merged else ""
    work.note(f"a table ({len(rows)} rows × {width} columns{merged}) became points, one per row, its cells "
              "joined by ' · '")
    return {"layout": "bullets", "title": title, "bullets": items or ["(empty table)"],
            **({"numbered": True} if numbered else {})}


def _as_columns(rows: list[list[str]], table: TableShape) -> bool:
    width = len(rows[0]) if rows else 0
    if table.merged or not 2 <= width <= 3 or not 2 <= len(rows) <= 12 or any(len(r) != width for r in rows):
        return False
    heads_ok = all(fits(h, "heading") for h in rows[0])
    cells_ok = all(not c or fits(c, "bullet") for r in rows[1:] for c in r)
    return heads_ok and cells_ok and all(any(r[c] for r in rows[1:]) for c in range(width))


def picture_slide(work: Work, pic: PictureShape, key: str) -> dict:
    """A quote or closing with its picture, a full picture (with a caption or words over it), or a picture
    beside the slide's text."""
    for match in (quote, closing):
        fields = match(work)
        if fields:
            return {**fields, "image": key}
    paras = work.paras
    title_shape = work.title_shape
    if not paras and title_shape and work.covers(pic.box) and _inside(title_shape.box, pic.box) and \
            fits(work.title, "overlay") and work.overlay_ok(pic):
        return {"layout": "image", "image": key, "text": work.take_title()}
    if not paras:
        return _image(work, key)
    only = paras[0]
    if len(paras) == 1 and not only.listed and fits(only.text, "caption") and _below(work, only, pic):
        return {**_image(work, key), "caption": only.take()}
    if len(paras) == 1 and fits(only.text, "overlay") and work.covers(pic.box) and work.overlay_ok(pic) and \
            _inside(work.shape_of(only).box, pic.box):
        return {**_image(work, key), "text": only.take()}
    return _image_text(work, pic, key)


def _image(work: Work, key: str) -> dict:
    title = optional_title(work)
    return {"layout": "image", **({"title": title} if title else {}), "image": key}


def _inside(inner, outer) -> bool:
    return inner.x >= outer.x and inner.y >= outer.y and inner.right <= outer.right and inner.bottom <= outer.bottom


def _below(work: Work, para, pic: PictureShape) -> bool:
    box = work.shape_of(para).box
    return box.y >= pic.box.y + pic.box.h * 0.75 and box.x < pic.box.right and pic.box.x < box.right


def _image_text(work: Work, pic: PictureShape, key: str) -> dict:
    title = needed_title(work, "image-text")
    paras = work.paras
    side = "left" if pic.box.x + pic.box.w / 2 < work.deck.width / 2 else "right"
    fields = {"layout": "image-text", "image": key, "title": title}
    if len(paras) == 1 and not paras[0].listed and fits(paras[0].text, "paragraph"):
        fields["text"] = paras[0].take()
    elif paras:
        items, _ = bullets(paras, work)
        fields["bullets"] = items
    fields["side"] = side
    return fields


def picture_only_slide(key: str) -> dict:
    """A further picture of a slide, on a slide of its own."""
    return {"layout": "image", "image": key}
