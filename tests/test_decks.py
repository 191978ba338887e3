"""End to end: the real decks build, read back as their outlines say, validate, render cleanly, and repeat."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from deckbuilder.api import Options, build
from deckbuilder.checks.render import check_rendered
from tests.ooxml import validate_pptx
from tests.words import missing

ROOT = Path(__file__).resolve().parents[1]
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
DECKS = ["story-of-hope-commissioners", "story-of-hope-funders", "story-of-hope-politicians", "gallery",
         "story-of-hope"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("decks")
    results = build([ROOT / "decks" / "story-of-hope", ROOT / "decks" / "gallery.yaml",
                     ROOT / "decks" / "story-of-hope" / "story.yaml"], Options(out=out))
    return {r.name: r for r in results}


def titles(path: Path) -> list[str]:
    return [s.shapes.title.text_frame.text.replace("\v", " ") for s in Presentation(str(path)).slides]


def text_of(path: Path) -> str:
    return "\n".join(shape.text_frame.text for slide in Presentation(str(path)).slides for shape in slide.shapes
                     if shape.has_text_frame)


def test_every_deck_builds_cleanly(built):
    assert sorted(built) == sorted(DECKS)
    for result in built.values():
        assert result.ok and result.output.is_file(), [str(d) for d in result.diagnostics]
        assert not result.diagnostics.warnings, [str(d) for d in result.diagnostics]


def test_the_whole_story_builds_as_it_was_given(built):
    """The story itself (every slide of the talk, for no audience in particular) is a deck too."""
    story = built["story-of-hope"]
    assert len(story.deck.slides) == 38 and not [s for s in story.plan.slides if s.part > 1]


def test_every_word_written_is_in_the_decks(built):
    for name, result in built.items():
        assert missing(result.deck.slides, result.output) == [], name


def test_politicians_deck_is_urgent_and_asks_for_400(built):
    assert titles(built["story-of-hope-politicians"].output) == [
        "Specialised Parent-Infant Relationship Teams", "Babies are suffering now",
        "Babies are suffering now and need help",
        "The parent-infant relationship affects how their brains develop and their future", "Parents need help",
        "There are new mental health teams who can help", "We need 400 teams, not 40",
        "England has 39 specialist parent-infant relationship teams", "Babies are urgent and important",
        "The Family Hubs and Start for Life programme", "National policy: the major conditions strategy",
        "Party conferences", "Party conferences: Keith Reed", "Party conferences: tamora langley",
        "Babies can't wait. Thank you", "Image credits"]
    text = text_of(built["story-of-hope-politicians"].output)
    assert "Babies can't wait" in text  # the audience's subtitle merged over the story's
    assert "60,000" in text and "Child protection" in text


def test_commissioners_deck_leads_with_evidence(built):
    found = titles(built["story-of-hope-commissioners"].output)
    assert found[:5] == [
        "Specialised Parent-Infant Relationship Teams",
        "The commissioning of infant mental health services in the United Kingdom: a study of stakeholder views",
        "What moves commissioners", "Nine health commissioners interviewed said", "Part A: Foundational information"]
    assert "What these teams do, and how they upskill the workforce" in found  # a `use:` override
    assert "Long-term savings" in text_of(built["story-of-hope-commissioners"].output)


def test_funders_deck_shows_impact_and_filters_items(built):
    path = built["story-of-hope-funders"].output
    found = titles(path)
    assert "Party conferences" in found and "Partners" in found and found[-2] == "Thank you for your support"
    text = text_of(path)
    assert "60,000" not in text  # `except: [funders]` on a stat and on a bullet
    assert "10%" in text


def test_the_three_audience_decks_genuinely_differ(built):
    sets = {name: set(titles(built[name].output)) for name in DECKS[:3]}
    for a in sets:
        for b in sets:
            if a < b:
                shared = sets[a] & sets[b]
                assert len(shared) <= len(sets[a]) // 2, (a, b, shared)


def test_notes_go_into_the_notes_pages(built):
    slides = list(Presentation(str(built["story-of-hope-politicians"].output)).slides)
    assert slides[0].notes_slide.notes_text_frame.text.startswith("Thank you for having me.")
    assert "child protection" in slides[8].notes_slide.notes_text_frame.text  # overridden notes


def test_document_properties_come_from_the_deck(built):
    props = Presentation(str(built["story-of-hope-funders"].output)).core_properties
    assert props.title == "Specialised Parent-Infant Relationship Teams"
    assert props.author == "Keith Reed"
    assert props.subject == "The impact so far, and what your support achieves"
    assert props.created.year == 2023


def test_slides_are_16_by_9(built):
    prs = Presentation(str(built["gallery"].output))
    assert (prs.slide_width, prs.slide_height) == (Emu(12_192_000), Emu(6_858_000))


def test_charts_are_native_with_their_data(built):
    prs = Presentation(str(built["gallery"].output))
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) == 2
    doughnut = charts[0]
    assert list(doughnut.plots[0].categories) == ["Securely attached", "Insecurely attached",
                                                  "Disorganised attachment"]
    assert list(doughnut.plots[0].series[0].values) == [50, 40, 10]


def test_every_picture_has_alt_text_not_a_file_name(built):
    for name in DECKS:
        for slide in Presentation(str(built[name].output)).slides:
            for shape in slide.shapes:
                if shape.shape_type == 13:  # picture
                    alt = shape._element.nvPicPr.cNvPr.get("descr", "")
                    assert alt and not alt.lower().endswith((".jpg", ".png")), (name, shape.name)


def test_every_xml_part_validates(built):
    for name in DECKS:
        assert validate_pptx(built[name].output) == [], name


def brand_references(path: Path) -> tuple[int, int, int, int]:
    """(scheme colours, all colours) on the slides and in the charts, and (theme fonts, all fonts) of the runs."""
    colors = fonts = scheme = theme_fonts = 0
    with zipfile.ZipFile(path) as deck:
        for name in deck.namelist():
            if re.fullmatch(r"ppt/(slides|charts)/[^/]+\.xml", name):
                root = etree.fromstring(deck.read(name))
                scheme += len(root.findall(".//a:schemeClr", NS))
                colors += len(root.findall(".//a:schemeClr", NS)) + len(root.findall(".//a:srgbClr", NS))
                typefaces = [f.get("typeface") for f in root.findall(".//a:rPr/a:latin", NS)]
                fonts += len(typefaces)
                theme_fonts += sum(1 for t in typefaces if t in ("+mj-lt", "+mn-lt"))
    return scheme, colors, theme_fonts, fonts


def test_the_brand_is_named_through_the_theme(built):
    """Slides and charts name the theme's colours and fonts (so a change of theme restyles them), except where a
    colour must not change with the theme: white text and its scrim over a photo, labels on a slice."""
    for name in DECKS:
        scheme, colors, theme_fonts, fonts = brand_references(built[name].output)
        assert scheme / colors >= 0.9 and theme_fonts / fonts >= 0.9, (name, scheme, colors, theme_fonts, fonts)


def test_builds_are_byte_identical(built, tmp_path):
    again = {r.name: r for r in build([ROOT / "decks" / "story-of-hope", ROOT / "decks" / "gallery.yaml",
                                       ROOT / "decks" / "story-of-hope" / "story.yaml"], Options(out=tmp_path))}
    for name in DECKS:
        assert again[name].output.read_bytes() == built[name].output.read_bytes(), name


@pytest.mark.soffice
@pytest.mark.parametrize("name", DECKS)
def test_libreoffice_renders_every_deck_without_overflow(built, name, tmp_path):
    assert [str(d) for d in check_rendered(built[name].output, tmp_path)] == []
