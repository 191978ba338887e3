"""A hand-made deck like the seed talk (python-pptx, PowerPoint's ways): credit boxes become register entries,
charts stay charts, and everything deckbuilder cannot show is reported, never dropped."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest
import yaml
from pptx import Presentation

from deckbuilder.api import Options, build
from deckbuilder.importer import import_deck
from tests.importer.compare import picture_hashes, rebuild, rebuilt_by_id, rebuilt_pictures, survival
from tests.importer.handmade import ALT, DEED, PHOTO, SOURCE_PAGE, write_seed_deck

VIDEO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("handmade")
    deck = write_seed_deck(work / "story-of-hope-talk.pptx", VIDEO)
    project = work / "project"
    (project / "decks").mkdir(parents=True)
    report = import_deck(deck, project / "decks" / "hope")
    story = project / "decks" / "hope" / "story.yaml"
    result = rebuild(story, work / "build")  # nothing is TODO: the credit box said it all
    return {"deck": deck, "report": report, "story": yaml.safe_load(story.read_text()), "text": story.read_text(),
            "result": result, "register": yaml.safe_load((project / "assets" / "images.yaml").read_text()),
            "project": project}


def slides(imported) -> dict:
    return {s["id"]: s for s in imported["story"]["slides"]}


def test_the_title_slide_becomes_the_deck_facts(imported):
    assert imported["story"]["deck"] == {
        "title": "Specialised Parent-Infant Relationship Teams", "subtitle": "A story of hope",
        "event": "National Network Day", "date": dt.date(2023, 11, 23),
        "presenter": {"name": "Keith Reed", "role": "CEO", "handle": "@CampaignsKeith"}}
    assert slides(imported)["title"] == {"id": "title", "layout": "title", "notes": "Thank you for having me. "
                                         "Today I want to share the story we now tell."}


def test_each_slide_gets_the_layout_that_fits_it(imported):
    assert [(s["id"], s["layout"]) for s in imported["story"]["slides"]] == [
        ("title", "title"), ("we-ve-updated-the-story-we", "bullets"), ("today", "bullets"),
        ("why-doesn-t-everyone-want-to", "image-text"), ("half-of-babies-are-securely-attached", "chart"),
        ("understanding-in-the-centre-of", "table"), ("i-welcome-this-major-new-report", "quote"),
        ("babies-are-suffering-now", "stat"), ("party-conferences", "checklist"),
        ("what-the-research-tells-us-about", "columns"), ("we-need-400-not-40", "statement"),
        ("creating-a-new-simple-story", "steps"), ("partners", "bullets"), ("thank-you", "closing")]


def test_lists_numbers_quotes_stats_and_ticks_are_read(imported):
    found = slides(imported)
    assert found["we-ve-updated-the-story-we"]["bullets"][1] == {
        "text": "New research and learning",
        "bullets": ["Interviews with commissioners in 14 areas", "Half commissioned specialised teams"]}
    assert found["we-ve-updated-the-story-we"]["notes"] == ("We have changed how we talk about these teams.\n"
                                                            "The baby blindspot is still there.")
    assert found["today"]["numbered"] is True
    assert found["i-welcome-this-major-new-report"] == {
        "id": "i-welcome-this-major-new-report", "layout": "quote",
        "text": "I welcome this major new report from the Royal College of Psychiatrists into the mental health "
                "needs of babies and young children.", "by": "Ben Yeo", "role": "on the report, October 2023"}
    assert found["babies-are-suffering-now"]["stats"] == [
        {"value": "10%", "label": "of babies are at risk of disorganised attachment"},
        {"value": "60,000", "label": "babies leave hospital each year and live in fear, or terror"}]
    assert found["party-conferences"]["items"][0] == "Attended the three party conferences"
    assert found["what-the-research-tells-us-about"]["columns"][1] == {
        "heading": "What's not highlighted:",
        "bullets": ["Demonstrating the immediate need and potential short-term impact"]}
    assert found["creating-a-new-simple-story"]["steps"] == [  # from the SmartArt, in its order
        "Babies are suffering now", {"title": "Parents need help", "text": "Most parents want to be good parents"},
        "There are new teams who can help"]


def test_the_chart_keeps_its_type_categories_series_values_and_source(imported):
    chart = slides(imported)["half-of-babies-are-securely-attached"]
    assert chart["chart"] == {"type": "doughnut",
                              "categories": ["Securely attached", "Insecurely attached", "Disorganised attachment"],
                              "series": [{"name": "Babies", "values": [50, 40, 10]}], "unit": "%",
                              "labels": False}  # the original writes no values on it
    assert chart["source"] == "Family Hubs and Start for Life programme guide, August 2022"
    rebuilt = rebuilt_by_id(imported["result"])["half-of-babies-are-securely-attached"][0]
    frame = next(s for s in rebuilt.shapes if s.has_chart)
    assert list(frame.chart.plots[0].categories) == chart["chart"]["categories"]
    assert list(frame.chart.series[0].values) == [50, 40, 10]


def test_the_credit_box_becomes_the_register_entry_and_leaves_the_slide(imported):
    register = imported["register"]
    assert list(register) == ["a-baby-s-small-hand-resting"]  # the same photo on two slides: one file, one entry
    entry = register["a-baby-s-small-hand-resting"]
    assert entry == {"file": "photos/a-baby-s-small-hand-resting.jpg", "alt": ALT, "author": "Unknown Author",
                     "source": SOURCE_PAGE, "licence": "CC-BY-NC-3.0", "focus": [0.5, 0.5]}
    stored = imported["project"] / "assets" / entry["file"]
    assert hashlib.sha256(stored.read_bytes()).digest() == hashlib.sha256(PHOTO.read_bytes()).digest()
    assert "This Photo" not in imported["text"]  # the credit is the register's now, not slide text
    text = (imported["project"] / "assets" / "images.yaml").read_text()
    assert f"(linked to {DEED}) read as CC-BY-NC-3.0" in text  # the register says how the licence was read


def test_what_cannot_be_represented_is_reported_per_slide(imported):
    report = imported["report"]
    said = {(a.slide, a.message) for a in report.attention}
    assert (13, "a video 'clip.mp4' (embedded in the deck) cannot be imported; link to it from the notes, or show "
                "it from another file") in said
    assert (13, "1 animation effect(s) were not kept: deckbuilder slides are static") in said
    assert any(s == 12 and "SmartArt graphic 'Diagram 3'" in m for s, m in said)
    assert any(s is None and "1 shape(s) without text (rect) on slide(s) 13" in m for s, m in said)
    assert any(s == 4 and "written by PowerPoint's automatic description" in m for s, m in said)
    assert any(s == 4 and "'Unknown Author'" in m for s, m in said)
    assert any(s == 2 and "nested more than one level deep" in m for s, m in said)
    assert "# check: a video 'clip.mp4'" in imported["text"]  # and in the story, above the slide


def test_all_text_and_pictures_survive_the_rebuild(imported):
    report, result = imported["report"], imported["result"]
    assert report.percent == 100.0 and report.chars_in_notes == 0
    found = survival(imported["deck"], report, result)
    assert found.missing == {} and found.percent == 100.0
    assert survival(imported["deck"], report, result, with_notes=False).percent == 100.0
    hashes = picture_hashes(imported["deck"])
    for record in report.slides:
        pictures = rebuilt_pictures(result, record.ids)
        assert len(pictures) >= len(hashes[record.number - 1])
        for picture in pictures:
            assert picture._element.find(".//{*}cNvPr").get("descr") == ALT


def test_the_rebuilt_credit_names_the_author_and_the_exact_licence(imported):
    rebuilt = rebuilt_by_id(imported["result"])["why-doesn-t-everyone-want-to"][0]
    texts = [s.text_frame.text for s in rebuilt.shapes if s.has_text_frame]
    assert "This photo by Unknown Author, cropped, is licensed under CC BY-NC 3.0" in texts


def test_importing_again_reuses_the_pictures_already_in_the_register(imported, tmp_path):
    project = imported["project"]
    report = import_deck(imported["deck"], project / "decks" / "hope-again")
    assert report.entries == [] and report.pictures == [] and report.reused == ["a-baby-s-small-hand-resting"]
    assert len(list((project / "assets" / "photos").iterdir())) == 1
    story = yaml.safe_load((project / "decks" / "hope-again" / "story.yaml").read_text())
    assert story["slides"][3]["image"] == "a-baby-s-small-hand-resting"
    (result,) = build([project / "decks" / "hope-again" / "story.yaml"], Options(out=tmp_path))
    assert result.ok, [str(d) for d in result.diagnostics]


def test_the_original_deck_is_read_not_changed(imported):
    assert len(Presentation(str(imported["deck"])).slides) == 14
