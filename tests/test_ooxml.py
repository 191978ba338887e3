"""validate_pptx: a built deck passes the ECMA-376 schemas and the package checks; injected faults are caught."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from deckbuilder.api import Options, build_one
from deckbuilder.layout.text import Measurer

try:
    from tests.ooxml import audit_errors, covered_namespaces, schema, validate_pptx
except ModuleNotFoundError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from ooxml import audit_errors, covered_namespaces, schema, validate_pptx

OUTLINE = (Path(__file__).parent / "every_layout.yaml").read_text(encoding="utf-8")


COLUMNS = """\
deck: {title: Charts, theme: hope}
slides:
  - id: teams
    layout: chart
    title: Teams by region
    chart:
      type: column
      categories: [North, Midlands, South]
      series: [{name: Teams, values: [12, 9, 17]}]
"""


def build_deck(folder: Path, outline: str = OUTLINE) -> Path:
    """Build an outline with deckbuilder; the .pptx written."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(outline, encoding="utf-8")
    result = build_one(folder / "story.yaml", Options(out=folder / "out"), Measurer())
    assert result.ok and result.output, [str(d) for d in result.diagnostics]
    return result.output


def edited(deck: Path, dest: Path, edits: dict, extra: dict | None = None) -> Path:
    """A copy of `deck` with some parts changed (`edits`: part name -> function of its bytes) or added."""
    with zipfile.ZipFile(deck) as src, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            blob = src.read(name)
            out.writestr(name, edits[name](blob) if name in edits else blob)
        for name, blob in (extra or {}).items():
            out.writestr(name, blob)
    return dest


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    return build_deck(tmp_path_factory.mktemp("ooxml"))


def test_wrapper_schema_compiles_and_covers_the_pptx_namespaces() -> None:
    assert isinstance(schema(), etree.XMLSchema)
    wanted = {"presentationml/2006/main", "drawingml/2006/main", "drawingml/2006/chart",
              "officeDocument/2006/extended-properties"}
    assert all(any(ns.endswith(w) for ns in covered_namespaces()) for w in wanted)


def test_built_deck_is_valid(deck: Path) -> None:
    assert validate_pptx(deck) == []


def test_column_chart_is_valid(tmp_path: Path) -> None:
    assert validate_pptx(build_deck(tmp_path, COLUMNS)) == []


def test_every_xml_part_with_a_schema_is_validated(deck: Path) -> None:
    with zipfile.ZipFile(deck) as package:
        roots = {n: etree.fromstring(package.read(n)) for n in package.namelist() if n.endswith(".xml")}
    checked = {n for n, root in roots.items() if etree.QName(root).namespace in covered_namespaces()}
    assert {"ppt/presentation.xml", "ppt/slides/slide1.xml", "ppt/slideMasters/slideMaster1.xml",
            "ppt/theme/theme1.xml", "docProps/app.xml"} <= checked
    assert any(n.startswith("ppt/slideLayouts/") for n in checked)
    assert any(n.startswith("ppt/notesSlides/") for n in checked)
    assert any(n.startswith("ppt/charts/") for n in checked)


def test_out_of_range_font_size_is_reported(deck: Path, tmp_path: Path) -> None:
    tiny = {"ppt/slides/slide3.xml": lambda b: re.sub(rb'sz="\d+"', b'sz="50"', b, count=1)}
    bad = edited(deck, tmp_path / "sz.pptx", tiny)
    errors = validate_pptx(bad, audit=False)
    assert len(errors) == 1
    assert errors[0].startswith("ppt/slides/slide3.xml: ") and "'50'" in errors[0] and "sz" in errors[0]
    assert any("sz" in e for e in audit_errors(bad))  # the second, independent check finds it too


def test_a_missing_view_properties_part_is_found_by_the_audit(deck: Path, tmp_path: Path) -> None:
    """PowerPoint offers to repair a deck without ppt/viewProps.xml; the schemas allow it, the audit does not."""
    unrelated = {"ppt/_rels/presentation.xml.rels": lambda b: re.sub(rb'<Relationship [^>]*/viewProps"[^>]*/>', b"", b)}
    bad = edited(deck, tmp_path / "noview.pptx", unrelated)
    assert any("viewProps" in e for e in audit_errors(bad))


def test_misplaced_element_is_reported(deck: Path, tmp_path: Path) -> None:
    bad = edited(deck, tmp_path / "order.pptx",
                 {"ppt/slides/slide3.xml": lambda b: b.replace(b"<a:noAutofit/>", b"<a:noAutofit/><a:lstStyle/>", 1)})
    assert any("lstStyle" in e and "not expected" in e for e in validate_pptx(bad, audit=False))


def test_dangling_relationship_is_reported(deck: Path, tmp_path: Path) -> None:
    rel = (b'<Relationship Id="rId99" Target="../media/missing.png" '
           b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/></Relationships>')
    bad = edited(deck, tmp_path / "rel.pptx",
                 {"ppt/slides/_rels/slide2.xml.rels": lambda b: b.replace(b"</Relationships>", rel)})
    assert validate_pptx(bad, audit=False) == [
        "ppt/slides/_rels/slide2.xml.rels: rId99 points to ppt/media/missing.png, which is not in the package"]


def test_duplicate_relationship_id_is_reported(deck: Path, tmp_path: Path) -> None:
    def twice(blob: bytes) -> bytes:
        first = re.search(rb"<Relationship [^>]*/>", blob).group(0)
        return blob.replace(b"</Relationships>", first + b"</Relationships>")
    bad = edited(deck, tmp_path / "dup.pptx", {"ppt/slides/_rels/slide2.xml.rels": twice})
    errors = validate_pptx(bad, audit=False)
    assert any(e.startswith("ppt/slides/_rels/slide2.xml.rels: duplicate relationship id") for e in errors)


def test_reference_to_unknown_relationship_is_reported(deck: Path, tmp_path: Path) -> None:
    link = b'<a:hlinkClick xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId77"/>'
    cs = b'<a:cs typeface="DejaVu Sans"/>'
    bad = edited(deck, tmp_path / "rid.pptx", {"ppt/slides/slide3.xml": lambda b: b.replace(cs, cs + link, 1)})
    errors = validate_pptx(bad, audit=False)
    assert len(errors) == 1 and errors[0].startswith("ppt/slides/slide3.xml:")
    assert 'r:id="rId77" names no relationship' in errors[0]


def test_part_without_content_type_is_reported(deck: Path, tmp_path: Path) -> None:
    bad = edited(deck, tmp_path / "ct.pptx", {}, {"ppt/media/notes.xyz": b"x"})
    assert validate_pptx(bad, audit=False) == [
        "ppt/media/notes.xyz: no content type (no Default for '.xyz', no Override)"]


def test_duplicate_shape_id_is_reported(deck: Path, tmp_path: Path) -> None:
    def clash(blob: bytes) -> bytes:
        ids = re.findall(rb'<p:cNvPr id="(\d+)"', blob)
        return blob.replace(b'<p:cNvPr id="%s"' % ids[-1], b'<p:cNvPr id="%s"' % ids[-2], 1)
    bad = edited(deck, tmp_path / "ids.pptx", {"ppt/slides/slide3.xml": clash})
    assert any(e.startswith("ppt/slides/slide3.xml: shape id") for e in validate_pptx(bad, audit=False))


def test_malformed_xml_is_reported(deck: Path, tmp_path: Path) -> None:
    bad = edited(deck, tmp_path / "xml.pptx", {"ppt/slides/slide1.xml": lambda b: b[:-20]})
    assert any(e.startswith("ppt/slides/slide1.xml: not well-formed XML") for e in validate_pptx(bad, audit=False))
