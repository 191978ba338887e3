"""The table slide: measured columns, one size, continuation with the header, rows that do not line up refused."""
from __future__ import annotations

from pathlib import Path

from deckbuilder.api import Options, build
from deckbuilder.layout.ir import Table


def planned(tmp_path: Path, rows: str, header: str = "header: [Region, Teams, Babies seen]"):
    (tmp_path / "pyproject.toml").write_text("")
    path = tmp_path / "deck.yaml"
    path.write_text(f"deck: {{title: Tables}}\nslides:\n  - id: t\n    layout: table\n    title: Teams\n"
                    f"    {header}\n    rows:\n{rows}")
    (result,) = build([path], Options(out=tmp_path / "out", write=False))
    return result


def tables(result) -> list[Table]:
    return [s for slide in result.plan.slides for s in slide.shapes if isinstance(s, Table)]


def test_a_short_table_is_one_table_filling_the_width_with_numbers_right_aligned(tmp_path):
    result = planned(tmp_path, '      - [North East, 3, 420]\n      - [London, 9, "1,200"]\n'
                               '      - [South West, 2, ""]\n')
    assert result.ok, [str(d) for d in result.diagnostics]
    (table,) = tables(result)
    assert sum(table.widths) == table.box.w and table.box.h == sum(table.heights) and len(table.rows) == 4
    assert table.widths[0] > table.widths[1]  # the names need more room than the numbers
    assert [row[1].paras[0].align for row in table.rows] == ["r"] * 4  # a column of numbers, heading too
    assert table.rows[3][2].paras[0].text == ""  # an empty cell stays empty
    sizes = {run.size for row in table.rows for cell in row for p in cell.paras for run in p.runs}
    assert len(sizes) == 1  # one size for every cell


def test_a_long_table_continues_with_its_header_on_each_slide(tmp_path):
    rows = "".join(f"      - [Region {i}, {i}, {i * 10}]\n" for i in range(1, 41))
    result = planned(tmp_path, rows)
    assert result.ok
    found = tables(result)
    assert len(found) > 1 and [s.title for s in result.plan.slides][1] == "Teams (cont.)"
    assert all(t.rows[0][0].paras[0].text == "Region" and t.header for t in found)
    shown = [t.rows[i][0].paras[0].text for t in found for i in range(1, len(t.rows))]
    assert shown == [f"Region {i}" for i in range(1, 41)]  # every row once, in order
    for table in found:
        assert table.box.bottom <= result.plan.height


def test_a_row_with_a_cell_too_many_is_refused_where_it_is(tmp_path):
    result = planned(tmp_path, "      - [North East, 3, 420]\n      - [London, 9, 1200, extra]\n")
    assert [(d.code, d.path, d.where.line) for d in result.diagnostics.errors] == [
        ("table-data", "slides.t.rows[1]", 9)]
    assert "row 2 has 4 cells where the header has 3" in result.diagnostics.errors[0].message


def test_a_table_without_a_header_uses_every_row_as_data(tmp_path):
    result = planned(tmp_path, "      - [a, b]\n      - [c, d]\n", header="")
    (table,) = tables(result)
    assert not table.header and table.rows[0][0].paras[0].runs[0].bold is False
