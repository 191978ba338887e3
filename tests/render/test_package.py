"""The package writer: parts named from a running count, relationships, pruning, and a zip readers accept."""
from __future__ import annotations

import io
import zipfile

from deckbuilder.render.package import Package, rels_name
from deckbuilder.render.template import BASE, SLIDE_LAYOUT, _base_parts, presentation

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SLIDE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"


def base() -> Package:
    package = Package(_base_parts())
    package.relate("", "ppt/presentation.xml", RT + "officeDocument")
    return package


def members(package: Package) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package.to_bytes())) as saved:
        return {name: saved.read(name) for name in saved.namelist()}


def test_the_base_is_package_data_without_dot_files():
    assert not [p for p in BASE.rglob("*") if p.name.startswith(".")]  # wheels leave dot files out
    assert presentation(base()) == "ppt/presentation.xml"


def test_new_parts_count_on_whatever_their_extension_and_a_file_is_stored_once(tmp_path):
    package = base()
    for name, data in (("a.jpg", b"a"), ("b.png", b"b"), ("c.jpg", b"c")):
        (tmp_path / name).write_bytes(data)
    names = [package.add_file(f"ppt/media/image%d.{name[-3:]}", tmp_path / name)
             for name in ("a.jpg", "b.png", "a.jpg", "c.jpg")]
    assert names == ["ppt/media/image1.jpg", "ppt/media/image2.png", "ppt/media/image1.jpg", "ppt/media/image3.jpg"]


def test_a_file_is_read_when_the_package_is_saved(tmp_path):
    package = base()
    name = package.add_file("ppt/media/image%d.png", tmp_path / "later.png")  # not made yet
    (tmp_path / "later.png").write_bytes(b"made meanwhile")
    assert members(package)[name] == b"made meanwhile"


def test_relationships_point_relative_to_their_source():
    package = base()
    slide = package.add("ppt/slides/slide%d.xml", SLIDE_TYPE, b"<p:sld/>")
    rid = package.relate(slide, SLIDE_LAYOUT, RT + "slideLayout")
    assert rid == "rId1" and package.relations(slide) == [("rId1", SLIDE_LAYOUT)]
    assert b'Target="../slideLayouts/slideLayout4.xml"' in members(package)[rels_name(slide)]


def test_parts_nothing_refers_to_are_pruned_with_their_relationships():
    package = base()
    slide = package.add("ppt/slides/slide%d.xml", SLIDE_TYPE, b"<p:sld/>")
    package.relate(slide, SLIDE_LAYOUT, RT + "slideLayout")
    package.prune()
    assert slide not in package.blobs and rels_name(slide) not in package.blobs
    assert SLIDE_LAYOUT in package.blobs


def test_package_parts_use_their_default_namespace_and_saves_repeat_byte_for_byte():
    """LibreOffice reads [Content_Types].xml and .rels without namespace prefixes, or not at all."""
    found = members(base())
    assert found["[Content_Types].xml"].split(b"\n", 1)[1].startswith(b"<Types xmlns=")
    assert found["_rels/.rels"].split(b"\n", 1)[1].startswith(b"<Relationships xmlns=")
    assert list(found)[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert base().to_bytes() == base().to_bytes()
