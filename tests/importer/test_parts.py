"""The importer's parts on small decks: credit lines, title-slide facts, charts, alt text, where files go, what
is refused, and what is said about text that has no place."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from deckbuilder.api import Options, build
from deckbuilder.errors import BuildError
from deckbuilder.importer import import_deck
from deckbuilder.importer.convert import default_assets
from deckbuilder.importer.credits import licence_of, read_credit
from deckbuilder.importer.found import Para, Run
from deckbuilder.importer.text import pieces, split_title
from tests.importer.compare import fill_todos
from tests.importer.handmade import PHOTO

BLANK, TITLE_ONLY, CONTENT = 6, 5, 1


def deck(path: Path, build) -> Path:
    prs = Presentation()
    build(prs)
    prs.save(str(path))
    return path


def titled(prs, title: str, layout: int = TITLE_ONLY):
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    slide.shapes.title.text = title
    return slide


def textbox(slide, text: str, x=0.5, y=6.6, w=9, h=0.4):
    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    box.text_frame.text = text
    return box


def imported(tmp_path: Path, build, **kw):
    (tmp_path / "decks").mkdir(exist_ok=True)
    report = import_deck(deck(tmp_path / "in.pptx", build), tmp_path / "decks" / "talk", **kw)
    story = yaml.safe_load((tmp_path / "decks" / "talk" / "story.yaml").read_text())
    register = tmp_path / "assets" / "images.yaml"
    return report, story, (yaml.safe_load(register.read_text()) if register.exists() else {})


@pytest.mark.parametrize("runs, expected", [
    ([("This Photo", "https://example.org/p/1"), (" by Unknown Author is licensed under ", None),
      ("CC BY-SA", "https://creativecommons.org/licenses/by-sa/2.0/")],
     {"author": "Unknown Author", "source": "https://example.org/p/1", "licence": "CC-BY-SA-2.0"}),
    ([("This Photo by Unknown Author is licensed under CC BY-NC", None)],
     {"author": "Unknown Author", "licence": "CC-BY-NC-4.0"}),
    ([("“Held hands”", "https://example.org/held"), (" by Ann Lee, cropped, is licensed under ", None),
      ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")],
     {"title": "Held hands", "author": "Ann Lee", "changes": "cropped", "source": "https://example.org/held",
      "licence": "CC-BY-4.0"}),
    ([("Photo by Jane Doe on Unsplash", None)], {"author": "Jane Doe", "source_name": "Unsplash"}),
    ([("Photo: Jane Doe / Getty Images", None)], {"author": "Jane Doe", "source_name": "Getty Images"}),
    ([("Image by Max Mustermann via Flickr (CC BY 2.0)", None)],
     {"author": "Max Mustermann", "source_name": "Flickr", "licence": "CC-BY-2.0"}),
    ([("© 2021 Acme Ltd. All rights reserved.", None)],
     {"author": "Acme Ltd", "copyright": "© 2021 Acme Ltd. All rights reserved."}),
    ([("Source: https://example.org/picture", None)], {"source": "https://example.org/picture"}),
    ([("“Balloons” by Ann Lee is dedicated to the public domain (CC0 1.0)", None)],
     {"title": "Balloons", "author": "Ann Lee", "licence": "CC0-1.0"}),
    ([("Montyred, Wikimedia commons<http://commons.wikimedia.org/wiki/File:Lab.JPG> (CC BY-SA 3.0<http://creative"
       "commons.org/licenses/by-sa/3.0/deed.en>)", None)],
     {"author": "Montyred", "source": "http://commons.wikimedia.org/wiki/File:Lab.JPG", "licence": "CC-BY-SA-3.0"}),
    ([("Ann Lee, CC BY 4.0, via Wikimedia Commons", None)],
     {"author": "Ann Lee", "source_name": "Wikimedia Commons", "licence": "CC-BY-4.0"}),
    ([("Courtesy of the Royal College of Midwives", None)],
     {"author": "the Royal College of Midwives", "licence": "LicenseRef-Permission"}),
    ([("Image: NASA", None)], {"author": "NASA"}),
    ([("Source: World Bank (graphic modified)", None)], {"source_name": "World Bank", "changes": "graphic modified"}),
])
def test_credit_lines_of_the_usual_forms_are_read(runs, expected):
    credit = read_credit(Para([Run(text, link) for text, link in runs]))
    got = {k: getattr(credit, k) for k in expected if k != "licence"}
    if "licence" in expected:
        got["licence"] = licence_of(credit)[0]
    assert got == expected


@pytest.mark.parametrize("text", ["Picture this: a world where every baby is seen", "Photographs", "Sources of help",
                                  "We need 400 not 40!", "10% of babies at risk of disorganised attachment"])
def test_ordinary_lines_are_not_credits(text):
    assert read_credit(Para([Run(text)])) is None


def test_long_text_is_split_between_sentences_never_cut():
    text = "First sentence is here. " * 30
    parts = pieces(text.strip(), 100)
    assert all(len(p) <= 100 for p in parts) and " ".join(parts) == text.strip()
    assert all(p.endswith(".") for p in parts)


def test_the_title_slide_lines_become_deck_facts(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = "Parent-infant teams"
        slide.placeholders[1].text_frame.text = "A story of hope\nNational Network Day · 2023-11-23\n" \
                                                "Keith Reed, CEO · keith@example.org\nLeeds Town Hall\nRoom 4"
    report, story, _ = imported(tmp_path, build)
    assert story["deck"] == {"title": "Parent-infant teams", "subtitle": "A story of hope",
                             "event": "National Network Day", "date": dt.date(2023, 11, 23),
                             "presenter": {"name": "Keith Reed", "role": "CEO", "email": "keith@example.org"}}
    assert story["slides"][0]["notes"] == "From the original slide:\n- Leeds Town Hall\n- Room 4"
    assert report.chars_in_notes == len("LeedsTownHallRoom4")


def test_chart_number_formats_give_percentages_and_units(tmp_path):
    def build(prs):
        for title, fmt, values in (("Shares", "0%", (0.5, 0.4, 0.1)), ("Teams", '#,##0" teams"', (39, 400, 12))):
            data = CategoryChartData(number_format=fmt)
            data.categories = ["A", "B", "C"]
            data.add_series("Series 1", values)
            titled(prs, title).shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, Inches(1), Inches(1.5), Inches(8),
                                                Inches(5), data)
    report, story, _ = imported(tmp_path, build)
    shares, teams = (s["chart"] for s in story["slides"])
    assert shares == {"type": "bar", "categories": ["A", "B", "C"], "series": [{"name": "Series 1",
                                                                                 "values": [50, 40, 10]}],
                      "stacked": True, "unit": "%", "labels": False}  # stacked, no values written on it, as made
    assert teams["unit"] == "teams" and teams["series"][0]["values"] == [39, 400, 12]
    assert not any("chart" in a.message for a in report.attention)  # nothing of the charts was lost


def test_alt_text_that_is_a_file_name_is_todo_and_decorative_pictures_stay_decorative(tmp_path):
    def build(prs):
        slide = titled(prs, "A photo")
        pic = slide.shapes.add_picture(str(PHOTO), Inches(1), Inches(1.5), Inches(4), Inches(3))
        pic._element.find(".//" + qn("p:cNvPr")).set("descr", "IMG_2041.JPG")
        slide = titled(prs, "An ornament")
        pic = slide.shapes.add_picture(str(PHOTO.with_name("together.jpg")), Inches(1), Inches(1.5), Inches(4),
                                       Inches(3))
        c_nv_pr = pic._element.find(".//" + qn("p:cNvPr"))
        ext = etree.SubElement(etree.SubElement(c_nv_pr, qn("a:extLst")), qn("a:ext"),
                               uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
        etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative", val="1")
    report, story, register = imported(tmp_path, build)
    # A camera's file name is no key: the slide's title is; a file name that names the picture is one.
    assert register["a-photo"]["alt"] == "TODO" and "alt" in report.todo["a-photo"]
    assert register["together"]["decorative"] is True and "alt" not in register["together"]
    text = (tmp_path / "assets" / "images.yaml").read_text()
    assert "the deck's alt text, 'IMG_2041.JPG', is a file name, an address or a placeholder" in text


def test_other_credit_lines_fill_what_they_can_and_leave_todo_with_a_hint(tmp_path):
    def build(prs):
        for title, photo, credit in (("Unsplash", "held-hands.jpg", "Photo by Jane Doe on Unsplash"),
                                     ("Agency", "together.jpg", "© 2021 Acme Ltd")):
            slide = titled(prs, title)
            slide.shapes.add_picture(str(PHOTO.with_name(photo)), Inches(1), Inches(1.5), Inches(6), Inches(4.5))
            textbox(slide, credit, 1, 6.05, 6, 0.3)
    report, story, register = imported(tmp_path, build)
    assert register["held-hands"]["author"] == "Jane Doe" and register["held-hands"]["licence"] == "TODO"
    assert register["together"]["copyright"] == "© 2021 Acme Ltd" and register["together"]["author"] == "Acme Ltd"
    text = (tmp_path / "assets" / "images.yaml").read_text()
    assert "the credit line on slide 1 names 'Unsplash'" in text
    assert all(s["layout"] == "image" and "caption" not in s for s in story["slides"])  # credits left the slide
    assert report.audit[0].moved == [("register", "Photo by Jane Doe on Unsplash")]


def test_text_a_layout_cannot_hold_goes_to_the_notes_and_is_said(tmp_path):
    def build(prs):
        slide = titled(prs, "Teams")
        data = CategoryChartData()
        data.categories = ["Today", "Needed"]
        data.add_series("Teams", (39, 400))
        slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1.5), Inches(5), Inches(4), data)
        textbox(slide, "Most teams only see the most complex cases", 6.5, 2, 3, 2)
        slide.notes_slide.notes_text_frame.text = "We need 400."
    report, story, _ = imported(tmp_path, build)
    assert story["slides"][0]["notes"] == ("We need 400.\n\nFrom the original slide:\n"
                                           "- Most teams only see the most complex cases")
    assert report.percent == 100.0 and report.audit[0].moved == [("notes", "Most teams only see the most complex "
                                                                           "cases")]
    assert any(a.slide == 1 and "moved to the notes" in a.message for a in report.attention)


def test_links_hidden_slides_and_symbol_font_ticks(tmp_path):
    def build(prs):
        slide = titled(prs, "Read more", CONTENT)
        run = slide.placeholders[1].text_frame.paragraphs[0].add_run()
        run.text = "The report"
        run.hyperlink.address = "https://example.org/report"
        slide = titled(prs, "Done", CONTENT)
        slide._element.set("show", "0")
        frame = slide.placeholders[1].text_frame
        frame.text = "Asked for words"
        frame.add_paragraph().text = "Round table"
        for p, char in zip(frame.paragraphs, ("ü", "¨")):
            ppr = p._p.get_or_add_pPr()
            etree.SubElement(ppr, qn("a:buFont"), typeface="Wingdings")
            etree.SubElement(ppr, qn("a:buChar"), char=char)
    report, story, _ = imported(tmp_path, build)
    links, done = story["slides"]
    assert links["notes"] == "Links on the original slide:\n- The report: https://example.org/report"
    assert done["layout"] == "checklist" and done["hidden"] is True
    assert done["items"] == ["Asked for words", {"text": "Round table", "done": False}]


def test_the_notes_of_a_slide_with_nothing_to_show_are_kept(tmp_path):
    def build(prs):
        prs.slides.add_slide(prs.slide_layouts[BLANK]).notes_slide.notes_text_frame.text = "Pause for questions."
        titled(prs, "Today")
        prs.slides.add_slide(prs.slide_layouts[BLANK]).notes_slide.notes_text_frame.text = "Play the film."
    report, story, _ = imported(tmp_path, build)
    (today,) = story["slides"]
    assert today["notes"] == ("Notes of slide 1 of the original, left out:\nPause for questions.\n\n"
                              "Notes of slide 3 of the original, left out:\nPlay the film.")
    assert [a.slide for a in report.attention if "left out; its notes are kept" in a.message] == [1, 3]


def test_files_go_to_the_project_assets_or_next_to_the_story(tmp_path):
    assert default_assets(tmp_path / "decks" / "talk") == tmp_path / "assets"
    (tmp_path / "loose").mkdir()
    assert default_assets(tmp_path / "loose" / "talk") == tmp_path / "loose" / "talk" / "assets"


def test_an_assets_folder_elsewhere_is_named_in_the_deck(tmp_path):
    project = tmp_path / "project"
    (project / "decks").mkdir(parents=True)
    (project / "pyproject.toml").write_text("")  # the story's project; the shared assets are outside it
    source = deck(tmp_path / "in.pptx", lambda prs: titled(prs, "A photo").shapes.add_picture(
        str(PHOTO), Inches(1), Inches(1.5), Inches(4), Inches(3)))
    report = import_deck(source, project / "decks" / "talk", assets=tmp_path / "shared")
    story = yaml.safe_load((project / "decks" / "talk" / "story.yaml").read_text())
    assert story["deck"]["images"] == "../../../shared/images.yaml"
    assert (tmp_path / "shared" / "photos" / "held-hands.jpg").is_file() and report.entries == ["held-hands"]
    assert any("is outside the story's project: build with --allow" in a.message for a in report.attention)
    fill_todos(tmp_path / "shared" / "images.yaml")
    (result,) = build([project / "decks" / "talk" / "story.yaml"], Options(out=tmp_path / "out",
                                                                           allow=(tmp_path / "shared",)))
    assert result.ok, [str(d) for d in result.diagnostics]


def test_an_existing_story_is_never_overwritten(tmp_path):
    def build(prs):
        titled(prs, "Hello")
    imported(tmp_path, build)
    before = (tmp_path / "decks" / "talk" / "story.yaml").read_bytes()
    with pytest.raises(BuildError) as caught:
        import_deck(tmp_path / "in.pptx", tmp_path / "decks" / "talk")
    assert [d.code for d in caught.value.diagnostics] == ["story-exists"]
    assert (tmp_path / "decks" / "talk" / "story.yaml").read_bytes() == before


def test_files_that_are_not_decks_are_refused_and_nothing_is_written(tmp_path):
    (tmp_path / "notes.pptx").write_text("not a deck")
    for path, code in ((tmp_path / "missing.pptx", "file-not-found"), (tmp_path / "notes.pptx", "not-a-deck")):
        with pytest.raises(BuildError) as caught:
            import_deck(path, tmp_path / "out")
        assert [d.code for d in caught.value.diagnostics] == [code]
    assert not (tmp_path / "out").exists()


def test_the_summary_reads_attention_first_then_what_was_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths are shown as the user typed them, from where they stand

    def build(prs):
        slide = titled(prs, "Why babies?")
        slide.shapes.add_picture(str(PHOTO), Inches(1), Inches(1.5), Inches(4), Inches(3))
        box = textbox(slide, "This Photo by Unknown Author is licensed under CC BY-NC", 1, 4.55, 4, 0.3)
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(9)
    report, _, _ = imported(tmp_path, build)
    lines = report.summary().splitlines()
    assert lines[0] == f"What needs attention ({len(report.attention)}):"
    assert lines[1].startswith("  deck: the deck's design")
    assert "  slide 1 \"Why babies?\": picture 'held-hands': licence: 'CC BY-NC' read as CC-BY-NC-4.0 (no version " \
           "was given: 4.0 assumed; check the source and write the exact id)" in lines
    assert "  slide 1 \"Why babies?\": picture 'held-hands': alt, source still TODO in assets/images.yaml" in lines
    assert lines[-3] == ("Compared with a draft build of the outline: 100.0 % of the original's words (slides and "
                         "notes) are in it, 100.0 % of the slides' words still on slides; 1 of 1 picture(s) shown.")
    assert lines[-2] == ("Imported in.pptx into decks/talk/story.yaml: 1 slide(s) became 1 outline slide(s) "
                         "(image 1); 1 picture(s) written to assets/photos/; 1 entry added to "
                         "assets/images.yaml (1 with TODOs).")
    assert lines[-1].startswith("Next: fill in the TODOs in assets/images.yaml")


def test_a_wikimedia_credit_beside_a_photo_becomes_its_register_entry(tmp_path):
    def build(prs):
        slide = titled(prs, "In the lab")
        slide.shapes.add_picture(str(PHOTO), Inches(1), Inches(1.5), Inches(6), Inches(4.5))
        box = textbox(slide, "Montyred, Wikimedia commons (CC BY-SA 3.0)", 1, 6.05, 6, 0.3)
        box.text_frame.paragraphs[0].runs[0].hyperlink.address = "http://commons.wikimedia.org/wiki/File:Lab.JPG"
        slide = titled(prs, "By courtesy")
        slide.shapes.add_picture(str(PHOTO.with_name("together.jpg")), Inches(1), Inches(1.5), Inches(6), Inches(4))
        textbox(slide, "Courtesy of Ann Lee", 1, 5.6, 6, 0.3)
    report, story, register = imported(tmp_path, build)
    lab, courtesy = (register[s["image"]] for s in story["slides"])
    assert (lab["author"], lab["source"], lab["licence"]) == (
        "Montyred", "http://commons.wikimedia.org/wiki/File:Lab.JPG", "CC-BY-SA-3.0")
    assert courtesy["licence"] == "LicenseRef-Permission" and courtesy["permission"]["granted_by"] == "Ann Lee"
    assert "Montyred" not in (tmp_path / "decks" / "talk" / "story.yaml").read_text()  # off the slide
    assert [a.moved for a in report.audit] == [[("register", "Montyred, Wikimedia commons (CC BY-SA 3.0)")],
                                               [("register", "Courtesy of Ann Lee")]]


@pytest.mark.parametrize("alt", ["C:\\Documents and Settings\\keith\\My Pictures\\hands.png",
                                 "https://example.org/photos/hands.png", "IMG_2041"])
def test_alt_texts_the_build_would_refuse_are_todo_with_the_original_kept(tmp_path, alt):
    def build(prs):
        pic = titled(prs, "Hands").shapes.add_picture(str(PHOTO), Inches(1), Inches(1.5), Inches(4), Inches(3))
        pic._element.find(".//" + qn("p:cNvPr")).set("descr", alt)
    report, story, register = imported(tmp_path, build)
    (entry,) = register.values()
    assert entry["alt"] == "TODO"
    assert f"the deck's alt text, '{alt}'" in (tmp_path / "assets" / "images.yaml").read_text()


def test_an_alt_text_that_would_be_its_own_key_keeps_a_key_of_its_own(tmp_path):
    def build(prs):
        pic = titled(prs, "Partner").shapes.add_picture(str(PHOTO), Inches(1), Inches(1.5), Inches(4), Inches(3))
        pic._element.find(".//" + qn("p:cNvPr")).set("descr", "AutoMapper")
    _, _, register = imported(tmp_path, build)
    assert register == {"automapper-picture": register["automapper-picture"]}
    assert register["automapper-picture"]["alt"] == "AutoMapper"  # the build accepts it: it is not the key


def test_what_would_not_build_is_fixed_before_the_import_ends_every_word_kept(tmp_path):
    title = ("The Royal College of Psychiatrists and the Parent-Infant Foundation present an urgent and new story "
             "of hope and possibility about babies and their parents in every part of the country, and what the "
             "specialist teams have done so far")
    report, story, _ = imported(tmp_path, lambda prs: setattr(
        prs.slides.add_slide(prs.slide_layouts[0]).shapes.title, "text", title))
    assert story["deck"]["title"] == "The Royal College of Psychiatrists and the Parent-Infant Foundation present an"
    assert story["deck"]["subtitle"] == "urgent and new story of hope and possibility about babies and their " \
                                        "parents in every part of the country, and what the specialist teams " \
                                        "have done so far"
    assert report.percent == 100.0 and "does not build" not in report.summary()


def test_a_long_title_splits_at_a_sentence_a_colon_a_comma_else_a_word():
    assert split_title("Babies can't wait. " + "Every word of this sentence stays " * 3) == (
        "Babies can't wait.", "Every word of this sentence stays " * 3)
    assert split_title("A new story: " + "x " * 60)[0] == "A new story"
    head, rest = split_title("word " * 40)
    assert len(head) <= 80 and f"{head} {rest}".split() == ["word"] * 40
