"""The chart slide: a native, editable chart in the theme's colours, with readable labels and its source."""
from __future__ import annotations

from ...colors import mix
from ...model.outline import Slide
from ..blocks import content_frame, source_box
from ..context import Ctx
from ..grid import SMALL_GAP
from ..ir import Chart, Series, SlidePlan

ROUND = ("pie", "doughnut")


def _valid(ctx: Ctx, slide: Slide) -> bool:
    chart, ok = slide["chart"], True
    path = f"slides.{slide.id}.chart"
    if chart["type"] != "scatter" and not chart.get("categories"):
        ctx.diags.error("chart-data", f"slide '{slide.id}': a {chart['type']} chart needs categories", chart.loc,
                        f"{path}.categories", "add categories: [...], one label per value")
        return False
    for i, series in enumerate(chart["series"]):
        wanted, what = (series.get("x") or (), "x values") if chart["type"] == "scatter" else \
            (chart["categories"], "categories")
        if len(series["values"]) != len(wanted):
            ctx.diags.error("chart-data", f"slide '{slide.id}': series '{series['name']}' has "
                            f"{len(series['values'])} values for {len(wanted)} {what}",
                            chart["series"].at(i), f"{path}.series[{i}].values",
                            f"give one value per {what[:-1]}, in the same order")
            ok = False
        if chart["type"] in ROUND and any(v < 0 for v in series["values"]):
            ctx.diags.error("chart-data", f"slide '{slide.id}': a {chart['type']} chart cannot show negative values",
                            chart["series"].at(i), f"{path}.series[{i}].values", "use a bar or column chart")
            ok = False
    if chart["type"] in ROUND and len(chart["series"]) > 1:
        ctx.diags.error("chart-data", f"slide '{slide.id}': a {chart['type']} chart shows one series, not "
                        f"{len(chart['series'])}", chart.at("series"), f"{path}.series",
                        "keep one series, or use a bar or column chart")
        ok = False
    return ok


def palette(ctx: Ctx, count: int) -> tuple[str, ...]:
    """Distinct theme colours for series or slices: the brand roles first, then their tints."""
    c = ctx.colors
    base = [c["primary"], c["accent"], c["secondary"], c["muted"]]
    tints = [mix(color, "FFFFFF", 0.45) for color in base]
    return tuple((base + tints) * 2)[:count]


def _label_size(count: int) -> float:
    """Chart text: large for a few categories, smaller for many (never below 12 pt)."""
    return 24.0 if count <= 3 else 18.0 if count <= 6 else 14.0 if count <= 12 else 12.0


def plan_chart(slide: Slide, ctx: Ctx) -> list[SlidePlan]:
    if not _valid(ctx, slide):
        return []
    chart = slide["chart"]
    frame = content_frame(ctx, slide)
    if frame is None:
        return []
    top, bottom = frame.body.y, frame.body.bottom
    kind, categories = chart["type"], tuple(chart.get("categories") or ())
    span = (1, 10) if kind in ROUND else (0, 12)
    box = ctx.grid.cols(*span, top, bottom - top - SMALL_GAP)
    count = len(categories) if kind in ROUND else len(chart["series"])
    series = tuple(Series(s["name"], tuple(s["values"]), tuple(s.get("x") or ())) for s in chart["series"])
    shape = Chart(box, kind, categories, series, palette(ctx, count), ctx.theme.fonts["body"],
                  _label_size(len(categories)), ctx.colors["text"], chart.get("unit", ""), chart.get("labels", True),
                  alt=_summary(slide), name="Chart", stacked=bool(chart.get("stacked")))
    return [SlidePlan(slide.id, slide.layout, slide["title"], (*frame.head.shapes, shape, *source_box(ctx, slide)),
                      slide.get("notes", ""))]


def _summary(slide: Slide) -> str:
    """Alt text for the chart: its type and every value, so the data is there for everyone."""
    chart = slide["chart"]
    unit = chart.get("unit", "")
    parts = []
    for series in chart["series"]:
        labels = [f"x {x:g}:" for x in series["x"]] if series.get("x") else chart["categories"]
        values = ", ".join(f"{c} {v:g}{unit}" for c, v in zip(labels, series["values"]))
        parts.append(f"{series['name']}: {values}")
    return f"{chart['type'].capitalize()} chart. " + "; ".join(parts)
