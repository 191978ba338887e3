"""What an edited deck changed, field by field: the text a layout adds around a field is left out, a point deleted
takes its item out, a field over continued slides is joined again; what an outline cannot hold is said."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.util import Inches

from deckbuilder.api import Options, build
from deckbuilder.pull.changes import Change, compare
from deckbuilder.pull.deck import read_bytes
from tests.pull.edits import delete_slide, paragraph_with, retext, shape_with, slide_named

ROOT = Path(__file__).resolve().parents[2]


def built(outline: Path):
    (result,) = build([outline], Options(write=False))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result


@pytest.fixture(scope="module")
def gallery():
    return built(ROOT / "decks" / "gallery.yaml")


def changed(result, change):
    """compare() of the deck as built with the deck as `change(prs)` leaves it."""
    prs = Presentation(io.BytesIO(result.data))
    change(prs)
    out = io.BytesIO()
    prs.save(out)
    return compare(result.deck, result.plan, read_bytes(result.data, "built"), read_bytes(out.getvalue(), "edited"))


def test_nothing_changed_is_nothing_to_pull(gallery):
    found = changed(gallery, lambda prs: None)
    assert not (found.edits or found.removed or found.order or found.unmapped or found.new)
    assert found.kept[:2] == ["title", "section"]


def test_what_a_layout_adds_around_a_field_is_left_out(gallery):
    def change(prs):
        retext(paragraph_with(slide_named(prs, "quote"), "— Ben Yeo"), "— Dr Ben Yeo")
        retext(paragraph_with(slide_named(prs, "chart"), "Source:"), "Source: HM Government, 2023")

    assert changed(gallery, change).edits == [Change("quote", ("by",), "Ben Yeo", "Dr Ben Yeo", 7),
                                              Change("chart", ("source",), gallery.deck.slides[14].data["source"],
                                                     "HM Government, 2023", 15)]


def test_a_point_or_sub_point_deleted_takes_its_item_out(gallery):
    def change(prs):
        for text in ("It's not urgent", "They work with babies"):
            para = paragraph_with(slide_named(prs, "image-text" if "urgent" in text else "bullets"), text)._p
            para.getparent().remove(para)

    edits = changed(gallery, change).edits
    assert [(e.slide, e.path, e.new) for e in edits] == [("bullets", ("bullets", 2, "bullets", 0), None),
                                                         ("image-text", ("bullets", 1), None)]


def test_composed_text_formatting_new_boxes_and_pictures_are_said_with_their_slide(gallery):
    def change(prs):
        retext(paragraph_with(slide_named(prs, "title"), "Keith Reed"), "Keith Reed, founder")
        retext(paragraph_with(slide_named(prs, "checklist"), "A story of hope ·"), "Our footer")
        slide = slide_named(prs, "stat")
        shape_with(slide, "10%").text_frame.paragraphs[0].runs[0].font.size = 914400 // 2
        slide.shapes.add_textbox(0, 0, Inches(2), Inches(1)).text_frame.text = "My aside"
        logo = next(s for s in slide_named(prs, "bullets").shapes if s.name == "Logo")
        logo._element.getparent().remove(logo._element)
        shape_with(slide_named(prs, "statement"), "We need 400").top += Inches(1)

    found = changed(gallery, change)
    said = [str(u) for u in found.unmapped]
    assert not (found.edits or found.removed or found.order) and len(said) == 6
    assert "slide 1: 'Keith Reed, CEO · @CampaignsKeith' was changed to 'Keith Reed, founder', but it is made " \
           "from several fields of the outline: change it there" in said
    assert any(s.startswith("slide 13: 'A story of hope · National Network Day' was changed") and "theme's footer"
               in s for s in said)
    assert any(s.startswith("slide 6: the formatting of '10%' was changed") for s in said)
    assert any(s.startswith("slide 6: a new text box 'My aside'") for s in said)
    assert any(s.startswith("slide 3: the picture 'Logo' was deleted") for s in said)
    assert any(s.startswith("slide 5: the box 'Title' was moved or resized") for s in said)


def test_a_chart_whose_data_changed_is_said(gallery):
    def change(prs):
        chart = next(s for s in slide_named(prs, "chart").shapes if s.has_chart).chart
        data = CategoryChartData()
        data.categories = ["Securely attached", "Insecurely attached", "Disorganised attachment"]
        data.add_series("Babies", (55, 35, 10))
        chart.replace_data(data)

    assert [str(u) for u in changed(gallery, change).unmapped] == [
        "slide 15: the data of the chart 'Chart' was changed: change the chart's series in the outline"]


def test_slides_deleted_hidden_or_moved(gallery):
    def change(prs):
        slide_named(prs, "steps")._element.set("show", "0")
        delete_slide(prs, [s.name for s in prs.slides].index("post"))
        delete_slide(prs, [s.name for s in prs.slides].index("credits"))
        ids = prs.slides._sldIdLst
        ids.insert(0, list(ids)[3])

    found = changed(gallery, change)
    assert found.removed == ["post", "steps"] and found.order[:4] == ["bullets-image", "title", "section", "bullets"]
    assert [str(u) for u in found.unmapped] == ["the slide 'Image credits' was deleted, but the build makes it: to "
                                                "leave the credits slide out, set deck.credits.slide: false"]


def test_a_field_over_continued_slides_is_joined_again_and_the_notes_are_the_first_parts(write):
    points = "\n".join(f"      - Point {n}, {'words that take room ' * 6}end" for n in range(1, 13))
    outline = write("story.yaml", f"deck: {{title: Long}}\nslides:\n  - id: long\n    layout: bullets\n"
                                  f"    title: A long list\n    notes: Say it.\n    bullets:\n{points}\n")
    result = built(outline)
    assert result.plan.slides[0].parts > 1

    def change(prs):
        retext(paragraph_with(prs.slides[1], "Point 12"), "Point 12, edited")
        prs.slides[0].notes_slide.notes_text_frame.text = "Say it slowly."
        prs.slides[1].notes_slide.notes_text_frame.text = "A note on the second part."

    found = changed(result, change)
    assert found.edits == [Change("long", ("notes",), "Say it.", "Say it slowly.", 1),
                           Change("long", ("bullets", 11, "text"), result.deck.slides[0].data["bullets"][11]["text"],
                                  "Point 12, edited", 2)]
    assert [str(u) for u in found.unmapped] == ["slide 2: the speaker notes of a continued slide (or of the credits "
                                                "slide) were changed: put them in the notes of its first part"]


def test_the_author_list_the_build_adds_to_a_papers_notes_stays_out(write):
    names = ", ".join(f"Author Number{n} Quite-Long-Surname" for n in range(40))
    outline = write("story.yaml", f"deck: {{title: Papers}}\nslides:\n  - id: study\n    layout: paper\n"
                                  f"    title: A study\n    authors: [{names}]\n    journal: A journal\n"
                                  f"    notes: Read it.\n    points: [One finding]\n")
    result = built(outline)
    assert "Authors:" in result.plan.slides[0].notes

    def change(prs):
        frame = prs.slides[0].notes_slide.notes_text_frame
        frame.paragraphs[0].runs[0].text = "Read it twice."

    assert changed(result, change).edits == [Change("study", ("notes",), "Read it.", "Read it twice.", 1)]


def test_a_line_added_to_a_title_is_a_line_break_in_it_and_an_emptied_field_is_said(gallery):
    def change(prs):
        title = slide_named(prs, "section").shapes.title.text_frame
        title.add_paragraph().text = "and local ones"
        frame = shape_with(slide_named(prs, "section"), "Where we are").text_frame
        frame.paragraphs[0].runs[0].text = ""

    found = changed(gallery, change)
    assert found.edits == [Change("section", ("title",), "National policies", "National policies\nand local ones", 2)]
    assert [str(u) for u in found.unmapped] == ["slide 2: 'Where we are being asked for advice' was deleted: take its "
                                                "field out of the outline to drop it"]


def test_a_point_deleted_but_for_its_sub_points_is_said_not_taken_out(gallery):
    def change(prs):
        para = paragraph_with(slide_named(prs, "bullets"), "It's urgent we intervene")._p
        para.getparent().remove(para)

    found = changed(gallery, change)
    assert not found.edits and [str(u) for u in found.unmapped] == [
        "slide 3: 'It's urgent we intervene with new mental health teams' was deleted: take its field out of the "
        "outline to drop it"]
