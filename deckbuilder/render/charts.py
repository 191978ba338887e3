"""Native PowerPoint charts with editable data, in the theme's colours and fonts at the planned text sizes."""
from __future__ import annotations

from lxml import etree

from ..colors import WHITE, mix, readable_on
from ..layout.ir import Chart
from .elements import NS, el, qn, root, solid
from .shapes import describe
from .workbook import SHEET, column, workbook

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
RT_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
ROUND = ("pie", "doughnut")
LINES = ("line", "radar", "scatter")  # series drawn as lines and markers, not filled
KINDS = {"bar": "barChart", "column": "barChart", "line": "lineChart", "pie": "pieChart", "doughnut": "doughnutChart",
         "area": "areaChart", "scatter": "scatterChart", "radar": "radarChart"}
MARKER_SIZE = 11  # a scatter chart's points
LINE_WIDTH = 44_450  # 3.5 pt
GAP_WIDTH = 60
GRID_TINT, AXIS_TINT = 0.85, 0.75  # gridlines and the category axis: the text colour, lightened (as Office's styles)


def number_format(chart: Chart) -> str:
    whole = all(float(v).is_integer() for s in chart.series for v in s.values)
    base = "#,##0" if whole else "#,##0.0"
    return f'{base}"{chart.unit}"' if chart.unit else base


def chart_frame(spec: Chart, slide):
    """The chart's frame on the slide; its chart part and embedded workbook are added to the package."""
    package = slide.package
    part = package.add("ppt/charts/chart%d.xml", CHART_TYPE, _chart_space(spec))
    package.default_type("xlsx", WORKBOOK_TYPE)
    book = package.add("ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx", None, workbook(spec))
    el("c:externalData", package.xml(part), r__id=package.relate(part, book, RT_PACKAGE))
    el("c:autoUpdate", package.xml(part).find("c:externalData", NS), val="0")
    frame = el("p:graphicFrame")
    nv = el("p:nvGraphicFramePr", frame)
    describe(el("p:cNvPr", nv, id=slide.new_id(), name=spec.name), spec.alt, False)
    el("a:graphicFrameLocks", el("p:cNvGraphicFramePr", nv), noGrp="1")
    el("p:nvPr", nv)
    xfrm = el("p:xfrm", frame)
    el("a:off", xfrm, x=spec.box.x, y=spec.box.y)
    el("a:ext", xfrm, cx=spec.box.w, cy=spec.box.h)
    data = el("a:graphicData", el("a:graphic", frame), uri=NS["c"])
    data.append(etree.Element(qn("c:chart"), {qn("r:id"): slide.relate(part, RT_CHART)}, nsmap={"c": NS["c"]}))
    return frame


def _chart_space(spec: Chart):
    space = root("c:chartSpace", "c", "a", "r")
    el("c:date1904", space, val="0")
    el("c:roundedCorners", space, val="0")
    chart = el("c:chart", space)
    el("c:autoTitleDeleted", chart, val="1")
    plot = el("c:plotArea", chart)
    el("c:layout", plot)
    _plot(el(f"c:{_kind(spec)}", plot), spec)
    if spec.kind not in ROUND:
        _axes(plot, spec)
    if spec.kind in ROUND or len(spec.series) > 1:
        legend = el("c:legend", chart)
        el("c:legendPos", legend, val="r" if spec.kind in ROUND else "b")
        el("c:overlay", legend, val="0")
        _text(legend, spec.size)
    el("c:plotVisOnly", chart, val="1")
    el("c:dispBlanksAs", chart, val="gap")
    _text(space, spec.size, color=spec.text_color, font=spec.font)
    return space


def _kind(spec: Chart) -> str:
    return KINDS[spec.kind]


def _labelled(spec: Chart) -> bool:
    """Whether values are written on the chart (a scatter chart's points are read off its axes instead)."""
    return spec.labels and spec.kind != "scatter"


def _plot(plot, spec: Chart) -> None:
    """The chart group: its direction and grouping, one series per data column, labels, gaps, axis ids."""
    if spec.kind in ("bar", "column"):
        el("c:barDir", plot, val="bar" if spec.kind == "bar" else "col")
        el("c:grouping", plot, val="stacked" if spec.stacked else "clustered")
    if spec.kind in ("line", "area"):
        el("c:grouping", plot, val="stacked" if spec.stacked and spec.kind == "area" else "standard")
    if spec.kind == "radar":
        el("c:radarStyle", plot, val="marker")
    if spec.kind == "scatter":
        el("c:scatterStyle", plot, val="lineMarker")
    el("c:varyColors", plot, val=int(spec.kind in ROUND))
    for index in range(len(spec.series)):
        _series(plot, spec, index)
    if _labelled(spec):
        _labels(el("c:dLbls", plot), spec)
    if spec.kind in ("bar", "column"):
        el("c:gapWidth", plot, val=GAP_WIDTH)
        if spec.stacked:
            el("c:overlap", plot, val="100")
    if spec.kind == "line":
        el("c:marker", plot, val="1")
    if spec.kind == "doughnut":
        el("c:firstSliceAng", plot, val="0")
        el("c:holeSize", plot, val="50")
    if spec.kind not in ROUND:
        el("c:axId", plot, val="1")
        el("c:axId", plot, val="2")


def _series(plot, spec: Chart, index: int) -> None:
    series, col = spec.series[index], column(index + 1)
    ser = el("c:ser", plot)
    el("c:idx", ser, val=index)
    el("c:order", ser, val=index)
    _strings(el("c:tx", ser), f"{SHEET}!${col}$1", [series.name])
    color = spec.colors[index % len(spec.colors)]
    if spec.kind == "scatter":
        el("a:noFill", el("a:ln", el("c:spPr", ser)))
        marker = el("c:marker", ser)
        el("c:symbol", marker, val="circle")
        el("c:size", marker, val=MARKER_SIZE)
        solid(el("c:spPr", marker), color)
        _numbers(el("c:xVal", ser), spec, column(2 * index), series.x, "General")
        _numbers(el("c:yVal", ser), spec, column(2 * index + 1), series.values)
        el("c:smooth", ser, val="0")
        return
    if spec.kind in LINES:
        solid(el("a:ln", el("c:spPr", ser), w=LINE_WIDTH), color)
    elif spec.kind not in ROUND:
        solid(el("c:spPr", ser), color)
    if spec.kind in ROUND:
        _slices(ser, spec)
    elif _labelled(spec) and (spec.kind == "area" or spec.stacked):  # values written on the fill: readable on it
        labels = el("c:dLbls", ser)
        el("c:numFmt", labels, formatCode=number_format(spec), sourceLinked="0")
        el("c:spPr", labels)
        _text(labels, spec.size, bold=True, color=readable_on(color, WHITE, spec.text_color))
        _shown(labels, value=True)
    last = len(spec.categories) + 1
    _strings(el("c:cat", ser), f"{SHEET}!$A$2:$A${last}", spec.categories)
    _numbers(el("c:val", ser), spec, col, series.values)
    if spec.kind == "line":
        el("c:smooth", ser, val="0")


def _numbers(parent, spec: Chart, col: str, values, fmt: str | None = None) -> None:
    """A series' numbers: their cells in the workbook and a cache of them."""
    ref = el("c:numRef", parent)
    el("c:f", ref).text = f"{SHEET}!${col}$2:${col}${len(values) + 1}"
    cache = el("c:numCache", ref)
    el("c:formatCode", cache).text = fmt or number_format(spec)
    _points(cache, [repr(float(v)) for v in values])


def _slices(ser, spec: Chart) -> None:
    """A pie's or doughnut's slices in the palette, each value written in a colour readable on its slice."""
    for i, color in enumerate(spec.colors[:len(spec.categories)]):
        point = el("c:dPt", ser)
        el("c:idx", point, val=i)
        solid(el("c:spPr", point), color)
    if not spec.labels:
        return
    labels = el("c:dLbls", ser)
    for i, color in enumerate(spec.colors[:len(spec.categories)]):
        label = el("c:dLbl", labels)
        el("c:idx", label, val=i)
        el("c:spPr", label)
        _text(label, spec.size, bold=True, color=readable_on(color, WHITE, spec.text_color))
        _shown(label, value=True)
    _shown(labels, value=False, leader_lines=True)


def _labels(labels, spec: Chart) -> None:
    """The values, bold, at the chart's text size, outside the end of bars and columns (inside when stacked)."""
    el("c:numFmt", labels, formatCode=number_format(spec), sourceLinked="0")
    _text(labels, spec.size, bold=True)
    if spec.kind in ("bar", "column"):
        el("c:dLblPos", labels, val="ctr" if spec.stacked else "outEnd")
    _shown(labels, value=True, leader_lines=True)


def _shown(labels, value: bool, leader_lines: bool = False) -> None:
    for name in ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize"):
        el(f"c:{name}", labels, val=int(value and name == "showVal"))
    if leader_lines:
        el("c:showLeaderLines", labels, val="1")


def _axes(plot, spec: Chart) -> None:
    """Category labels at the chart's text size; value labels and gridlines only when the values are not
    written on the bars (the axis stays, without labels or line: LibreOffice drops the categories of a
    chart whose value axis is deleted). Bars read from the top."""
    bar = spec.kind == "bar"
    if spec.kind == "scatter":
        _value_axis(plot, spec, 1, 2, "b")
        _value_axis(plot, spec, 2, 1, "l")
        return
    cat = el("c:catAx", plot)
    el("c:axId", cat, val="1")
    el("c:orientation", el("c:scaling", cat), val="maxMin" if bar else "minMax")
    el("c:delete", cat, val="0")
    el("c:axPos", cat, val="l" if bar else "b")
    _ticks(cat, "nextTo")
    solid(el("a:ln", el("c:spPr", cat)), mix(spec.text_color, WHITE, AXIS_TINT))
    _text(cat, spec.size)
    el("c:crossAx", cat, val="2")
    el("c:crosses", cat, val="autoZero")
    el("c:auto", cat, val="1")
    el("c:lblAlgn", cat, val="ctr")
    el("c:lblOffset", cat, val="100")
    el("c:noMultiLvlLbl", cat, val="0")
    val = el("c:valAx", plot)
    el("c:axId", val, val="2")
    el("c:orientation", el("c:scaling", val), val="minMax")
    el("c:delete", val, val="0")
    el("c:axPos", val, val="b" if bar else "l")
    if not _labelled(spec):
        solid(el("a:ln", el("c:spPr", el("c:majorGridlines", val))), mix(spec.text_color, WHITE, GRID_TINT))
        el("c:numFmt", val, formatCode=number_format(spec), sourceLinked="0")
    _ticks(val, "none" if _labelled(spec) else "nextTo")
    if _labelled(spec):
        el("a:noFill", el("a:ln", el("c:spPr", val)))
    else:
        _text(val, spec.size)
    el("c:crossAx", val, val="1")
    el("c:crosses", val, val="max" if bar else "autoZero")


def _value_axis(plot, spec: Chart, axis_id: int, crosses: int, side: str) -> None:
    """One of a scatter chart's two value axes, with its labels and gridlines (its points are not labelled)."""
    axis = el("c:valAx", plot)
    el("c:axId", axis, val=axis_id)
    el("c:orientation", el("c:scaling", axis), val="minMax")
    el("c:delete", axis, val="0")
    el("c:axPos", axis, val=side)
    solid(el("a:ln", el("c:spPr", el("c:majorGridlines", axis))), mix(spec.text_color, WHITE, GRID_TINT))
    el("c:numFmt", axis, formatCode=number_format(spec) if side == "l" else "General", sourceLinked="0")
    _ticks(axis, "nextTo")
    _text(axis, spec.size)
    el("c:crossAx", axis, val=crosses)
    el("c:crosses", axis, val="autoZero")


def _ticks(axis, labels: str) -> None:
    el("c:majorTickMark", axis, val="none")
    el("c:minorTickMark", axis, val="none")
    el("c:tickLblPos", axis, val=labels)


def _strings(parent, ref: str, values) -> None:
    found = el("c:strRef", parent)
    el("c:f", found).text = ref
    _points(el("c:strCache", found), list(values))


def _points(cache, values: list[str]) -> None:
    el("c:ptCount", cache, val=len(values))
    for i, value in enumerate(values):
        el("c:v", el("c:pt", cache, idx=i)).text = value


def _text(parent, size: float, bold: bool = False, color: str | None = None, font: str | None = None) -> None:
    """Text properties: size, weight, colour (a theme colour where it is one) and the theme font."""
    body = el("c:txPr", parent)
    el("a:bodyPr", body)
    el("a:lstStyle", body)
    p = el("a:p", body)
    props = el("a:defRPr", el("a:pPr", p), sz=round(size * 100), **({"b": "1"} if bold else {}))
    if color:
        solid(props, color)
    if font:
        el("a:latin", props, typeface=getattr(font, "ref", font))
    el("a:endParaRPr", p, lang="en-US")
