"""The workbook embedded in a chart: its data as a sheet, so PowerPoint's Edit Data opens and changes it."""
from __future__ import annotations

from ..layout.ir import Chart
from .package import zip_parts

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET = "Sheet1"


def column(index: int) -> str:
    """A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def workbook(chart: Chart) -> bytes:
    """An .xlsx with the categories in column A and one column per series, names in the first row (a scatter
    chart: two columns per series, its x and its y values)."""
    rows: list[list[str | float]]
    if chart.kind == "scatter":
        rows = [[head for s in chart.series for head in ("x", s.name)]]
        longest = max(len(s.values) for s in chart.series)
        rows += [[value for s in chart.series for value in ((s.x[i], s.values[i]) if i < len(s.values) else ("", ""))]
                 for i in range(longest)]
    else:
        rows = [["", *(s.name for s in chart.series)]]
        rows += [[category, *(s.values[i] for s in chart.series)] for i, category in enumerate(chart.categories)]
    return zip_parts({
        "[Content_Types].xml": (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                                'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                                'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
                                'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                                'worksheet+xml"/></Types>').encode(),
        "_rels/.rels": _rels("officeDocument", "xl/workbook.xml"),
        "xl/workbook.xml": (HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{OD}"><sheets><sheet name="{SHEET}" '
                            'sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": _rels("worksheet", "worksheets/sheet1.xml"),
        "xl/worksheets/sheet1.xml": (HEAD + f'<worksheet xmlns="{MAIN}"><sheetData>'
                                     + "".join(_row(n, row) for n, row in enumerate(rows, 1))
                                     + "</sheetData></worksheet>").encode(),
    })


def _rels(kind: str, target: str) -> bytes:
    return (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{OD}/{kind}" Target="{target}"/></Relationships>').encode()


def _row(number: int, values: list) -> str:
    cells = "".join(_cell(f"{column(i)}{number}", value) for i, value in enumerate(values) if value != "")
    return f'<row r="{number}">{cells}</row>'


def _cell(ref: str, value) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{_escaped(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def _escaped(text: str) -> str:
    """Text as XML character data (xml.sax.saxutils would import urllib's network code to do this)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
