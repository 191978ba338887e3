"""A deck as pull reads it: its custom properties, and each slide's name, shapes (text, tables, charts, pictures,
a group's shapes in its place), paragraphs with their line breaks and run styles, and notes."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from deckbuilder.api import Options, build
from deckbuilder.errors import BuildError
from deckbuilder.pull.deck import read_bytes, read_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gallery():
    (result,) = build([ROOT / "decks" / "gallery.yaml"], Options(write=False))
    return result, read_bytes(result.data, "gallery.pptx")


def test_slides_come_in_order_with_their_names_and_the_decks_properties(gallery):
    result, deck = gallery
    assert [s.name for s in deck.slides] == [p.name for p in result.plan.slides]
    assert deck.properties["deckbuilder outline"] == "decks/gallery.yaml"


def test_shapes_come_in_reading_order_with_kind_name_placeholder_and_paragraphs(gallery):
    result, deck = gallery
    stat = next(s for s in deck.slides if s.name == "stat")
    assert [(s.kind, s.name) for s in stat.shapes][:3] == [("shape", "Accent bar"), ("text", "Title"),
                                                           ("text", "Stat value")]
    assert stat.shapes[1].placeholder == "title" and stat.shapes[2].placeholder is None
    assert stat.shapes[2].paras[0].text == "10%"
    assert stat.shapes[2].paras[0].style == ((True, False, 9200),)  # bold, not italic, 92 pt
    planned = next(p for p in result.plan.slides if p.id == "stat")
    assert len(stat.shapes) == len(planned.shapes)


def test_tables_give_their_cells_paragraphs_and_charts_their_part(gallery):
    _, deck = gallery
    table = next(s for s in next(s for s in deck.slides if s.name == "table").shapes if s.kind == "table")
    assert [p.text for p in table.paras][:4] == ["Attachment", "Babies", "What it means", "Secure"]
    chart = next(s for s in next(s for s in deck.slides if s.name == "chart").shapes if s.kind == "chart")
    assert chart.data[:4] == ("Babies", "Securely attached", "Insecurely attached", "Disorganised attachment")
    assert chart.data[-3:] == (50.0, 40.0, 10.0)


def test_line_breaks_groups_notes_and_hidden_slides_are_read(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1)).text_frame
    box.text = "first line\vsecond line"
    slide.notes_slide.notes_text_frame.text = "Say this.\nThen that."
    slide._element.set("show", "0")
    prs.save(str(tmp_path / "deck.pptx"))
    (found,) = read_file(tmp_path / "deck.pptx").slides
    assert found.hidden and found.notes_text == "Say this.\nThen that."
    assert [(s.kind, s.paras[0].text) for s in found.shapes] == [("text", "first line\nsecond line")]
    assert found.shapes[0].words == "first line second line"


def test_a_file_that_is_not_a_deck_is_refused_by_the_guarded_reader(tmp_path):
    (tmp_path / "notes.pptx").write_bytes(b"not a zip at all")
    with pytest.raises(BuildError) as caught:
        read_file(tmp_path / "notes.pptx")
    assert caught.value.diagnostics[0].code == "not-a-deck"
    assert read_bytes(_empty(), "x").properties == {}


def _empty() -> bytes:
    out = io.BytesIO()
    Presentation().save(out)
    return out.getvalue()
