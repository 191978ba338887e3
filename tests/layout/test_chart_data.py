"""Bad chart data is an error naming the field; good data becomes a native chart with that data."""
from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.api import Options, build

CHART = """\
deck: {{title: Charts}}
slides:
  - id: c
    layout: chart
    title: Attachment
    chart:
      type: {kind}
      categories: [Secure, Insecure, Disorganised]
      series:
{series}
"""


def built(tmp_path: Path, kind: str, series: str):
    (tmp_path / "pyproject.toml").write_text("")
    path = tmp_path / "deck.yaml"
    path.write_text(CHART.format(kind=kind, series=series))
    (result,) = build([path], Options(out=tmp_path / "out", write=False))
    return result


def errors(result) -> list[tuple[str, str, int]]:
    return [(d.code, d.path, d.where.line) for d in result.diagnostics.errors]


def test_values_and_categories_of_different_lengths(tmp_path):
    result = built(tmp_path, "column", "        - {name: Babies, values: [50, 40]}")
    assert errors(result) == [("chart-data", "slides.c.chart.series[0].values", 10)]
    assert "2 values for 3 categories" in result.diagnostics.errors[0].message


def test_a_value_that_is_not_a_number(tmp_path):
    result = built(tmp_path, "bar", "        - {name: Babies, values: [50, forty, 10]}")
    assert [(d.code, d.path) for d in result.diagnostics.errors] == [("wrong-type",
                                                                      "slides.c.chart.series[0].values[1]")]


@pytest.mark.parametrize("kind", ["pie", "doughnut"])
def test_a_negative_value_in_a_round_chart(tmp_path, kind):
    result = built(tmp_path, kind, "        - {name: Babies, values: [50, -40, 10]}")
    assert errors(result) == [("chart-data", "slides.c.chart.series[0].values", 10)]


def test_a_round_chart_shows_one_series(tmp_path):
    result = built(tmp_path, "pie", "        - {name: A, values: [1, 2, 3]}\n        - {name: B, values: [3, 2, 1]}")
    assert [d.code for d in result.diagnostics.errors] == ["chart-data"]


@pytest.mark.parametrize("kind", ["bar", "column", "pie", "doughnut", "line", "area", "radar"])
def test_good_data_becomes_a_native_chart_with_it(tmp_path, kind):
    import io

    from pptx import Presentation

    result = built(tmp_path, kind, "        - {name: Babies, values: [50, 40, 10]}")
    assert result.ok, [str(d) for d in result.diagnostics]
    (chart,) = [s.chart for slide in Presentation(io.BytesIO(result.data)).slides for s in slide.shapes
                if s.has_chart]
    assert list(chart.plots[0].categories) == ["Secure", "Insecure", "Disorganised"]
    assert list(chart.plots[0].series[0].values) == [50, 40, 10]


SCATTER = """\
deck: {title: Charts}
slides:
  - id: c
    layout: chart
    title: Cost and reach
    chart:
      type: scatter
      series:
        - {name: Teams, x: [1.5, 2, 3.2], values: [120, 180%s]}
"""


def test_a_scatter_chart_plots_each_series_x_against_its_values(tmp_path):
    import io

    from pptx import Presentation
    from pptx.enum.chart import XL_CHART_TYPE

    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "deck.yaml").write_text(SCATTER % ", 260")
    (result,) = build([tmp_path / "deck.yaml"], Options(out=tmp_path / "out", write=False))
    assert result.ok, [str(d) for d in result.diagnostics]
    (chart,) = [s.chart for slide in Presentation(io.BytesIO(result.data)).slides for s in slide.shapes
                if s.has_chart]
    assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
    assert list(chart.plots[0].series[0].values) == [120, 180, 260]


def test_a_scatter_series_needs_an_x_for_each_value_and_other_charts_categories(tmp_path):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "deck.yaml").write_text(SCATTER % "")
    (result,) = build([tmp_path / "deck.yaml"], Options(out=tmp_path / "out", write=False))
    assert errors(result) == [("chart-data", "slides.c.chart.series[0].values", 9)]
    assert "2 values for 3 x values" in result.diagnostics.errors[0].message
    (tmp_path / "deck.yaml").write_text((SCATTER % ", 260").replace("scatter", "line"))
    (result,) = build([tmp_path / "deck.yaml"], Options(out=tmp_path / "out", write=False))
    assert [(d.code, d.path) for d in result.diagnostics.errors] == [("chart-data", "slides.c.chart.categories")]
