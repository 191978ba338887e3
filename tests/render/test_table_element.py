"""A planned table written as a native table, widths, heights, fills and text as planned."""
from __future__ import annotations

from lxml import etree

from deckbuilder.layout.ir import Box, Para, Run, Table, TableCell
from deckbuilder.render.table import table_frame

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def cell(text: str, fill: str | None = None) -> TableCell:
    return TableCell((Para((Run(text, "Calibri", 18.0, bold=fill is not None),)),), fill)


class Slide:
    """What a shape writer uses of the slide it writes on (render.slide.SlidePart), for a table: ids and the
    language."""

    lang = "en-GB"

    def new_id(self) -> int:
        return 7


def test_the_table_is_written_as_planned():
    table = Table(Box(10, 20, 300, 90), (200, 100), (30, 60), ((cell("Region", "0F5C63"), cell("Teams", "0F5C63")),
                                                               (cell("London"), cell("9"))))
    frame = table_frame(table, Slide())
    assert frame.find(".//{*}cNvPr").get("id") == "7"
    assert [c.get("w") for c in frame.iter(A + "gridCol")] == ["200", "100"]
    assert [r.get("h") for r in frame.iter(A + "tr")] == ["30", "60"]
    assert frame.find(f".//{A}tblPr").get("firstRow") == "1"
    cells = ["".join(t.text for t in c.iter(A + "t")) for c in frame.iter(A + "tc")]
    assert cells == ["Region", "Teams", "London", "9"]
    head = next(frame.iter(A + "tcPr"))
    assert head.find(f"{A}solidFill/{A}srgbClr").get("val") == "0F5C63"
    assert next(frame.iter(A + "rPr")).get("sz") == "1800" and b'lang="en-GB"' in etree.tostring(frame)
