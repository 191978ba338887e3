"""python-pptx's private attributes that deckbuilder reads (templates in render/inspect.py, decks to import in
importer/read.py) still exist and give what they gave: a new python-pptx that changes one fails here, by name."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches

PACKAGE = Path(__file__).resolve().parents[2] / "deckbuilder"
PRIVATE = re.compile(r"(?<!self)\.(_[a-z][A-Za-z]*)\b")


def sample():
    """A presentation with a title, a chart and a table, as python-pptx makes them."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "A title"
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.PIE, 0, 0, Inches(4), Inches(3), data).chart
    table = slide.shapes.add_table(2, 2, Inches(4), 0, Inches(4), Inches(2)).table
    return prs, slide, chart, table


INTERNALS = {  # the private attribute → (where it is read, what it must give: an element of this tag)
    "_element": (lambda prs, slide, chart, table: [slide._element, slide.shapes.title._element,
                                                   slide.slide_layout._element, prs.slide_masters[0]._element],
                 ["p:sld", "p:sp", "p:sldLayout", "p:sldMaster"]),
    "_spTree": (lambda prs, slide, chart, table: [slide.shapes._spTree], ["p:spTree"]),
    "_chartSpace": (lambda prs, slide, chart, table: [chart._chartSpace], ["c:chartSpace"]),
    "_txBody": (lambda prs, slide, chart, table: [slide.shapes.title.text_frame._txBody], ["p:txBody"]),
    "_tc": (lambda prs, slide, chart, table: [table.cell(0, 0)._tc], ["a:tc"]),
}


def users() -> dict[str, set[str]]:
    """Each private attribute read in a module that imports python-pptx → the modules reading it."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(from pptx|import pptx)", text, re.MULTILINE):
            for name in PRIVATE.findall(text):
                found.setdefault(name, set()).add(str(path.relative_to(PACKAGE.parent)))
    return found


def test_every_private_attribute_read_is_checked_here_and_few_modules_read_them():
    found = users()
    assert set(found) <= set(INTERNALS), f"check these here too: {sorted(set(found) - set(INTERNALS))}"
    assert len({m for modules in found.values() for m in modules}) <= 2, found


@pytest.mark.parametrize("name", sorted(INTERNALS))
def test_python_pptx_still_has(name):
    reach, tags = INTERNALS[name]
    try:
        elements = reach(*sample())
    except AttributeError as exc:
        pytest.fail(f"python-pptx has no {name} any more ({exc}): adapt {sorted(users().get(name, ()))}")
    got = [el.tag for el in elements]
    assert got == [qn(tag) for tag in tags], f"python-pptx's {name} gives {got}, not {tags}"


def imported_by(code: str) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running `code`."""
    script = f"import sys\n{code}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PACKAGE.parent,
                          check=True)
    return set(done.stdout.split())


def test_a_build_without_a_template_does_not_import_python_pptx(tmp_path):
    code = ("from pathlib import Path\nfrom deckbuilder.api import Options, build\n"
            f"(r,) = build([Path('decks/story-of-hope/politicians.yaml')], Options(out=Path({str(tmp_path)!r}), "
            f"cache=Path({str(tmp_path / 'cache')!r})))\nassert r.ok")
    assert "pptx" not in imported_by(code)
