"""A chart part's data as written, for every chart type (3-D ones too): type, series, categories, titles, format."""
from __future__ import annotations

import re

from lxml import etree

from .found import ChartShape, Para, Run, SeriesFound, clean
from .paragraphs import paragraphs

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"c": C, "a": A}
FORMATS = etree.XPath(".//c:dLbls/c:numFmt/@formatCode | .//c:val//c:formatCode/text() | "
                      ".//c:yVal//c:formatCode/text()", namespaces=NS)


def read_chart(space, name: str, box) -> ChartShape:
    """The chart of a c:chartSpace element. Raises ValueError when it has no plot."""
    plots = [p for p in space.iterfind("c:chart/c:plotArea/*", NS) if p.tag.endswith("Chart")]
    if not plots:
        raise ValueError("the chart has no plot")
    series = [_series(ser, _kind(plot)) for plot in plots for ser in plot.iterfind("c:ser", NS)]
    first = series[0] if series else None
    categories = _points(plots[0].find("c:ser/c:cat", NS), text=True) if first is not None else []
    codes = FORMATS(space)
    percent, unit = _number_format(codes[0] if codes else "")
    grouping = plots[0].find("c:grouping", NS)
    labelled = any(v.get("val") in ("1", "true") for v in space.iterfind(".//c:dLbls/c:showVal", NS))
    axes = [p for title in space.iterfind("c:chart/c:plotArea/*/c:title/c:tx/c:rich", NS)
            for p in paragraphs(title, lambda rid: None) if p.text]
    return ChartShape(name, box, _kind(plots[0]), categories, series, _title(space),
                      percent, unit, grouping.get("val", "") if grouping is not None else "", labelled, axes)


def _kind(plot) -> str:
    """The plot's type: 'bar' or 'column' for bars by their direction, else its element's name ('pie3D', …)."""
    kind = plot.tag.split("}")[1].removesuffix("Chart")
    direction = plot.find("c:barDir", NS)
    if kind.startswith("bar") and direction is not None and direction.get("val") == "col":
        return "column" + kind[3:]
    return kind


def _series(ser, kind: str) -> SeriesFound:
    name = " ".join(clean(v.text or "") for v in ser.iterfind("c:tx//c:v", NS))
    values = _points(ser.find("c:val", NS)) or _points(ser.find("c:yVal", NS))
    x = _points(ser.find("c:xVal", NS))
    sizes = _points(ser.find("c:bubbleSize", NS))
    return SeriesFound(name, values, x, kind, sizes)


def _points(holder, text: bool = False) -> list:
    """The cached points of a c:cat, c:val, c:xVal… (by index, None where one is missing); categories as text,
    the levels of a multi-level category joined outer / inner."""
    if holder is None:
        return []
    levels = holder.findall(".//c:lvl", NS) or [holder]
    found: list[list] = []
    for level in levels:
        count = level.find(".//c:ptCount", NS)
        points = {int(pt.get("idx", "0")): pt.findtext("c:v", "", NS) for pt in level.iterfind(".//c:pt", NS)}
        size = max(int(count.get("val", "0")) if count is not None else 0, max(points, default=-1) + 1)
        found.append([points.get(i) for i in range(size)])
    if text:
        return _labels(found)
    return [_number(v) for v in found[0]]


def _labels(levels: list[list]) -> list[str]:
    """Category labels; with several levels, each inner label after the outer one it falls under."""
    inner, outer = levels[0], levels[1:]
    out = []
    for i, label in enumerate(inner):
        heads = [next((lvl[j] for j in range(i, -1, -1) if j < len(lvl) and lvl[j]), "") for lvl in reversed(outer)]
        out.append(" / ".join(clean(str(part)) for part in [*heads, label or ""] if part))
    return out


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _title(space) -> Para | None:
    title = space.find("c:chart/c:title/c:tx/c:rich", NS)
    found = [p for p in paragraphs(title, lambda rid: None) if p.text] if title is not None else []
    if not found:
        return None
    for extra in found[1:]:  # a title over several lines is one title
        found[0].runs += [Run(" "), *extra.runs]
    return found[0]


def _number_format(code: str) -> tuple[bool, str]:
    """Whether values show as percentages (0.5 as 50%), and a unit written after them ('#,##0"teams"')."""
    quoted = re.findall(r'"([^"]*)"', code)
    bare = re.sub(r'"[^"]*"', "", code)
    return "%" in bare, (quoted[-1].strip() if quoted and code.rstrip().endswith('"') else "")
