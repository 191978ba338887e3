"""Native PowerPoint charts with editable data, in the planned colours and text sizes."""
from __future__ import annotations

import re

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION,
                            XL_MARKER_STYLE, XL_TICK_LABEL_POSITION, XL_TICK_MARK)
from pptx.util import Pt

from ..colors import readable_on
from ..layout.ir import Chart
from .package import stable_zip
from .shapes import describe

TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED, "pie": XL_CHART_TYPE.PIE,
         "doughnut": XL_CHART_TYPE.DOUGHNUT, "line": XL_CHART_TYPE.LINE_MARKERS, "area": XL_CHART_TYPE.AREA,
         "scatter": XL_CHART_TYPE.XY_SCATTER, "radar": XL_CHART_TYPE.RADAR_MARKERS}
STACKED = {"bar": XL_CHART_TYPE.BAR_STACKED, "column": XL_CHART_TYPE.COLUMN_STACKED, "area": XL_CHART_TYPE.AREA_STACKED}
LINES = ("line", "radar", "scatter")  # series drawn as lines and markers, not filled
ROUND = ("pie", "doughnut")
FIXED_DATE = "2000-01-01T00:00:00Z"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def number_format(chart: Chart) -> str:
    whole = all(float(v).is_integer() for s in chart.series for v in s.values)
    base = "#,##0" if whole else "#,##0.0"
    return f'{base}"{chart.unit}"' if chart.unit else base


def add_chart(slide, spec: Chart):
    fmt = number_format(spec)
    b = spec.box
    kind = STACKED.get(spec.kind, TYPES[spec.kind]) if spec.stacked else TYPES[spec.kind]
    frame = slide.shapes.add_chart(kind, b.x, b.y, b.w, b.h, _data(spec, fmt))
    frame.name = spec.name
    describe(frame, spec.alt, False)
    chart = frame.chart
    _unsigned_axis_ids(chart)
    chart.has_title = False
    chart.font.size = Pt(spec.size)
    chart.font.name = spec.font
    chart.font.color.rgb = RGBColor.from_string(spec.text_color)
    _legend(chart, spec)
    _colours(chart, spec)
    if _labelled(spec):
        _labels(chart, spec, fmt)
    if spec.kind not in ROUND:
        _axes(chart, spec, fmt)
    _schema_valid(chart)
    return frame


def _data(spec: Chart, fmt: str):
    """The chart's data: categories and values, or (scatter) x and y values per series."""
    if spec.kind == "scatter":
        data = XyChartData(number_format=fmt)
        for series in spec.series:
            points = data.add_series(series.name)
            for x, y in zip(series.x, series.values):
                points.add_data_point(x, y)
        return data
    data = CategoryChartData(number_format=fmt)
    data.categories = spec.categories
    for series in spec.series:
        data.add_series(series.name, series.values)
    return data


def _schema_valid(chart) -> None:
    """python-pptx's radar chart writes what the schema does not allow there: its style as alternate content
    (the fallback style is kept) and smoothing on its series (taken out)."""
    space = chart._chartSpace
    for block in space.findall(f"{{{MC}}}AlternateContent"):
        fallback = block.find(f"{{{MC}}}Fallback")
        for child in list(fallback if fallback is not None else ()):
            block.addprevious(child)
        block.getparent().remove(block)
    for smooth in space.xpath(".//c:radarChart/c:ser/c:smooth"):
        smooth.getparent().remove(smooth)


def _labelled(spec: Chart) -> bool:
    """Whether values are written on the chart (a scatter chart's points are read off its axes instead)."""
    return spec.labels and spec.kind != "scatter"


def _unsigned_axis_ids(chart) -> None:
    """python-pptx writes negative axis ids, which the schema (an unsignedInt) rejects; renumber them
    1, 2, … (LibreOffice reads ids above 2^31 as other axes and drops the category labels)."""
    elements = chart._chartSpace.xpath(".//c:axId | .//c:crossAx")
    numbers: dict[str, str] = {}
    for element in elements:
        element.set("val", numbers.setdefault(element.get("val"), str(len(numbers) + 1)))


def _legend(chart, spec: Chart) -> None:
    chart.has_legend = spec.kind in ROUND or len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.RIGHT if spec.kind in ROUND else XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(spec.size)


def _colours(chart, spec: Chart) -> None:
    plot = chart.plots[0]
    if spec.kind in ROUND:
        for point, color in zip(plot.series[0].points, spec.colors):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = RGBColor.from_string(color)
        return
    if spec.kind in ("bar", "column"):
        plot.gap_width = 60
    for series, color in zip(plot.series, spec.colors):
        if spec.kind in LINES:
            series.format.line.color.rgb = RGBColor.from_string(color)
            series.format.line.width = Pt(3.5)
            if spec.kind == "scatter":
                series.format.line.fill.background()
                series.marker.style, series.marker.size = XL_MARKER_STYLE.CIRCLE, 11
                series.marker.format.fill.solid()
                series.marker.format.fill.fore_color.rgb = RGBColor.from_string(color)
            series.smooth = False
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(color)


def _labels(chart, spec: Chart, fmt: str) -> None:
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = fmt
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(spec.size)
    labels.font.bold = True
    if spec.kind in ("bar", "column"):
        labels.position = XL_LABEL_POSITION.CENTER if spec.stacked else XL_LABEL_POSITION.OUTSIDE_END
    elif spec.kind in ROUND:
        for point, color in zip(plot.series[0].points, spec.colors):
            font = point.data_label.font
            font.size, font.bold = Pt(spec.size), True
            font.color.rgb = RGBColor.from_string(readable_on(color, "FFFFFF", spec.text_color))


def _axes(chart, spec: Chart, fmt: str) -> None:
    """Category labels at the chart's text size; value labels and gridlines only when the values are not
    written on the bars (the axis stays, without labels or line: LibreOffice drops the categories of a
    chart whose value axis is deleted)."""
    value, category = chart.value_axis, chart.category_axis
    value.has_major_gridlines = not _labelled(spec)
    value.major_tick_mark = XL_TICK_MARK.NONE
    if _labelled(spec):
        value.tick_label_position = XL_TICK_LABEL_POSITION.NONE
        value.format.line.fill.background()
    else:
        value.major_gridlines.format.line.color.rgb = RGBColor.from_string("D9D9D9")
        value.tick_labels.number_format = fmt
        value.tick_labels.number_format_is_linked = False
        value.tick_labels.font.size = Pt(spec.size)
    category.tick_labels.font.size = Pt(spec.size)
    category.major_tick_mark = XL_TICK_MARK.NONE
    category.format.line.color.rgb = RGBColor.from_string("BFBFBF")
    if spec.kind == "bar":
        category.reverse_order = True  # the first category on top, as it is read
        category.crosses = XL_AXIS_CROSSES.MAXIMUM


def stable_workbook(blob: bytes) -> bytes:
    """An embedded chart workbook without the time it was made, so builds are byte-identical."""
    def fix(name: str, data: bytes) -> bytes:
        if name == "docProps/core.xml":
            return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_DATE.encode(), data)
        return data

    return stable_zip(blob, fix)
