"""Every built deck records where it came from: its outline files, audience, and each slide's id, part and fields,
in custom document properties short enough for Office, and its slides are named after their outline slides."""
from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.api import Options, build
from deckbuilder.provenance import MOST, digest, marks, read_marks
from deckbuilder.pull.deck import read_bytes
from tests.ooxml import validate_pptx

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def politicians():
    (result,) = build([ROOT / "decks" / "story-of-hope" / "politicians.yaml"], Options(write=False))
    assert result.ok
    return result


def test_the_deck_names_its_outline_audience_and_files(politicians):
    found = read_marks(read_bytes(politicians.data, "deck").properties)
    assert found.outline == "decks/story-of-hope/politicians.yaml" and found.audience == "politicians"
    story = ROOT / "decks" / "story-of-hope" / "story.yaml"
    assert found.files == {"decks/story-of-hope/politicians.yaml": digest(story.with_name("politicians.yaml")
                                                                          .read_bytes()),
                           "decks/story-of-hope/story.yaml": digest(story.read_bytes())}


def test_each_slide_says_its_id_part_and_the_fields_of_its_text_shapes(politicians):
    found = read_marks(read_bytes(politicians.data, "deck").properties)
    assert [(s.id, s.part, s.parts) for s in found.slides] == \
        [(p.id, p.part, p.parts) for p in politicians.plan.slides]
    stat = next(s for s in found.slides if s.id == "babies-numbers")
    assert [sources for _, sources in stat.shapes] == [(("title",),), (("stats", 0, "value"),),
                                                       (("stats", 0, "label"),), (("stats", 1, "value"),),
                                                       (("stats", 1, "label"),)]
    slide = next(s for s in politicians.deck.slides if s.id == "babies-numbers")
    assert stat.values[("stats", 0, "value")] == digest(slide.data["stats"][0]["value"])
    assert stat.values[("notes",)] == digest(slide.data["notes"])


def test_slides_are_named_after_their_outline_slides_and_parts(politicians):
    prs = Presentation(io.BytesIO(politicians.data))
    assert [s.name for s in prs.slides] == [p.name for p in politicians.plan.slides]
    assert politicians.plan.slides[1].name == "babies-numbers"


def test_every_property_fits_office_and_long_values_come_back_whole(politicians):
    plan = politicians.plan
    long = replace(plan.slides[2], id="x" * 200)  # a long name and five fields: more than one property holds
    props = marks(politicians.deck, replace(plan, slides=(long, *plan.slides)))
    assert all(len(value) <= MOST for _, value in props)
    assert "deckbuilder slide 001 (2)" in dict(props)
    first = read_marks(dict(props)).slides[0]
    assert first.id == "x" * 200 and len(first.values) == 5 and first.shapes[1][1][-1] == ("bullets", 3, "text")


def test_the_marks_are_valid_and_builds_stay_byte_identical(politicians, tmp_path):
    again = build([ROOT / "decks" / "story-of-hope" / "politicians.yaml"], Options(out=tmp_path))[0]
    assert again.data == politicians.data
    assert validate_pptx(again.output) == []
    with zipfile.ZipFile(again.output) as package:
        assert "docProps/custom.xml" in package.namelist()


def test_a_deck_without_marks_has_no_provenance():
    assert read_marks({}) is None
    assert read_marks({"deckbuilder version": "99", "deckbuilder outline": "x.yaml"}) is None


def test_a_templates_own_custom_properties_are_kept_beside_the_marks(tmp_path):
    for folder in ("decks", "assets"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "pyproject.toml").write_text("")
    template = tmp_path / "assets" / "brand" / "ours.pptx"
    Presentation().save(str(template))
    _with_custom_property(template, "Classification", "Internal")
    (tmp_path / "assets" / "brand" / "ours.yaml").write_text("template: ours.pptx\n")
    story = tmp_path / "decks" / "story-of-hope" / "story.yaml"
    story.write_text(story.read_text().replace("brand/theme.yaml", "brand/ours.yaml"))
    (result,) = build([story.with_name("politicians.yaml")], Options(out=tmp_path / "out"))
    props = read_bytes(result.data, "deck").properties
    assert props["Classification"] == "Internal" and read_marks(props).audience == "politicians"
    assert validate_pptx(result.output) == []


def _with_custom_property(path: Path, name: str, value: str) -> None:
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{name}">'
        f'<vt:lpwstr>{value}</vt:lpwstr></property></Properties>').encode()
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://'
                                                        b'schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                                        b'custom-properties" Target="docProps/custom.xml"/>'
                                                        b"</Relationships>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.custom-properties+xml"/></Types>')
    with zipfile.ZipFile(path, "w") as package:
        for n, blob in parts.items():
            package.writestr(n, blob)
