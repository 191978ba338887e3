"""A presentation written as LibreOffice's own flat ODP (.fodp) XML: title, nested points, notes, a picture with
its description, a table and two text columns, for soffice to convert to .pptx as a LibreOffice user would."""
from __future__ import annotations

import base64
from pathlib import Path
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
ALT = "Colourful balloons rising into a soft blue sky"


def _frame(cls: str, x: float, y: float, w: float, h: float, body: str) -> str:
    return (f'<draw:frame presentation:class="{cls}" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" '
            f'svg:height="{h}cm"><draw:text-box>{body}</draw:text-box></draw:frame>')


def _p(text: str) -> str:
    return f"<text:p>{escape(text)}</text:p>"


def _list(items: list) -> str:
    out = []
    for item in items:
        if isinstance(item, tuple):
            out.append(f"<text:list-item>{_p(item[0])}{_list(item[1])}</text:list-item>")
        else:
            out.append(f"<text:list-item>{_p(item)}</text:list-item>")
    return f"<text:list>{''.join(out)}</text:list>"


def _notes(text: str) -> str:
    return f'<presentation:notes>{_frame("notes", 2, 14, 17, 10, _p(text))}</presentation:notes>'


def _page(n: int, layout: str, body: str) -> str:
    return (f'<draw:page draw:name="page{n}" draw:master-page-name="Default" '
            f'presentation:presentation-page-layout-name="{layout}">{body}</draw:page>')


def write_fodp(path: Path, picture: Path) -> Path:
    image = base64.b64encode(picture.read_bytes()).decode()
    table_rows = [("Teams", "Count"), ("In England today", "39"), ("Needed", "400")]
    table = "".join("<table:table-row>" + "".join(f"<table:table-cell>{_p(c)}</table:table-cell>" for c in row) +
                    "</table:table-row>" for row in table_rows)
    pages = [
        _page(1, "AL1T0", _frame("title", 2, 4, 24, 3, _p("Parent-infant relationship teams")) +
              _frame("subTitle", 2, 8, 24, 3, _p("A story of hope") + _p("Keith Reed, CEO")) +
              _notes("Welcome, and thank you for coming.")),
        _page(2, "AL2T1", _frame("title", 2, 1, 24, 2.5, _p("Why babies matter")) +
              _frame("outline", 2, 4, 24, 10, _list(["The baby blindspot is still there",
                                                     ("New research and learning", ["Interviews with commissioners",
                                                                                    "A study of stakeholder views"]),
                                                     "A window of opportunity"])) +
              _notes("The blindspot is still there, but there is new research.")),
        _page(3, "AL3T19", _frame("title", 2, 1, 24, 2.5, _p("Held hands")) +
              f'<draw:frame svg:x="4cm" svg:y="4cm" svg:width="12cm" svg:height="9cm"><draw:image>'
              f'<office:binary-data>{image}</office:binary-data></draw:image><svg:title>Balloons</svg:title>'
              f'<svg:desc>{ALT}</svg:desc></draw:frame>' +
              _frame("outline", 17, 4, 9, 9, _list(["Most parents want to be good parents",
                                                    "Some face challenges"]))),
        _page(4, "AL4T19", _frame("title", 2, 1, 24, 2.5, _p("Numbers")) +
              f'<draw:frame svg:x="3cm" svg:y="4cm" svg:width="20cm" svg:height="5cm"><table:table>'
              f'<table:table-column table:number-columns-repeated="2"/>{table}</table:table></draw:frame>'),
        _page(5, "AL5T3", _frame("title", 2, 1, 24, 2.5, _p("What they found and suggested")) +
              _frame("outline", 2, 4, 11.5, 9, _p("What they found") + _list(["Reluctance to engage",
                                                                              "It's not urgent"])) +
              _frame("outline", 14.5, 4, 11.5, 9, _p("What they suggested") + _list(["Child protection",
                                                                                     "Levelling up"]))),
        _page(6, "AL6T19", _frame("title", 2, 5, 24, 3, _p("We need 400 not 40!"))),
    ]
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
           'office:mimetype="application/vnd.oasis.opendocument.presentation">'
           '<office:automatic-styles><style:page-layout style:name="PM1"><style:page-layout-properties '
           'fo:page-width="28cm" fo:page-height="15.75cm"/></style:page-layout></office:automatic-styles>'
           '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"/>'
           f'</office:master-styles><office:body><office:presentation>{"".join(pages)}'
           '</office:presentation></office:body></office:document>')
    path.write_text(xml, encoding="utf-8")
    return path
