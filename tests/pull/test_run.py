"""The round trip: build, edit in PowerPoint (python-pptx here) or LibreOffice, pull, build again: the new deck carries
every edit, only the outline written to changed, and the person's YAML (comments, order, quoting) is kept."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.api import Options, build
from deckbuilder.errors import BuildError
from deckbuilder.pull.changes import Changes, compare
from deckbuilder.pull.deck import read_bytes, read_file
from deckbuilder.pull.run import pull
from tests.pull.edits import (
    STORY,
    built,
    delete_slide,
    edited,
    move_slide,
    paragraph_with,
    retext,
    saved_by_libreoffice,
    shape_with,
    slide_named,
)

POLITICIANS = STORY / "politicians.yaml"


def six_edits(prs) -> None:
    """A title, a point, notes, a stat value; a slide deleted and two swapped."""
    retext(slide_named(prs, "babies-suffering").shapes.title.text_frame.paragraphs[0],
           "Babies suffer now and need our help")
    retext(paragraph_with(slide_named(prs, "brains"), "unique time"), "It is a unique time of brain development")
    slide_named(prs, "parents-need-help").notes_slide.notes_text_frame.text = "New notes.\nA second line."
    retext(shape_with(slide_named(prs, "babies-numbers"), "10%").text_frame.paragraphs[0], "12%")
    names = [s.name for s in prs.slides]
    delete_slide(prs, names.index("teams-can-help"))
    names.remove("teams-can-help")
    move_slide(prs, names.index("urgent-important"), names.index("teams-chart"))


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "decks").rglob("*")) +
            sorted((root / "assets").rglob("*")) if p.is_file()}


def rebuilt(outline: Path):
    (result,) = build([outline], Options(write=False))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result


def carries(result, deck: Path) -> tuple[bool, Changes]:
    """Whether the deck the outline builds now shows what the edited deck shows (nothing left to pull)."""
    changes = compare(result.deck, result.plan, read_bytes(result.data, "rebuilt"), read_file(deck))
    return not (changes.edits or changes.removed or changes.order), changes


SAVES = [pytest.param(lambda deck: deck, id="python-pptx"),
         pytest.param(saved_by_libreoffice, id="libreoffice", marks=pytest.mark.soffice)]


@pytest.mark.parametrize("save", SAVES)
def test_the_edits_come_back_into_the_audience_outline_and_nothing_else_changes(project, save):
    deck = save(edited(built(POLITICIANS), six_edits))
    before = files_of(project)
    pulled = pull(deck)
    after = files_of(project)
    assert {name for name in after if after[name] != before[name]} == {str(POLITICIANS)}
    assert not [d for d in pulled.diagnostics], [str(d) for d in pulled.diagnostics]
    old, new = before[str(POLITICIANS)].decode(), after[str(POLITICIANS)].decode()
    assert [line for line in old.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in new.splitlines() if line.lstrip().startswith("#")]
    result = rebuilt(POLITICIANS)
    same, changes = carries(result, deck)
    assert same, changes
    texts = {p.id: p for p in result.plan.slides}
    assert texts["babies-suffering"].title == "Babies suffer now and need our help"
    assert texts["parents-need-help"].notes == "New notes.\nA second line."
    assert "teams-can-help" not in texts
    order = [p.id for p in result.plan.slides]
    assert order.index("urgent-important") < order.index("teams-chart")
    stat = next(s for s in result.deck.slides if s.id == "babies-numbers")
    assert stat.data["stats"][0]["value"] == "12%"


def test_a_dry_run_shows_the_diff_and_writes_nothing(project):
    deck = edited(built(POLITICIANS), six_edits)
    before = files_of(project)
    pulled = pull(deck, dry_run=True)
    assert files_of(project) == before and pulled.written == []
    assert "+    title: Babies suffer now and need our help\n" in pulled.diff
    assert "-  - teams-can-help\n" in pulled.diff


def test_to_story_writes_into_the_story_for_every_audience(project):
    def change(prs):
        retext(shape_with(slide_named(prs, "babies-numbers"), "10%").text_frame.paragraphs[0], "12%")
        retext(slide_named(prs, "need-400").shapes.title.text_frame.paragraphs[0], "We need 400 teams now")

    deck = edited(built(POLITICIANS), change)
    before = files_of(project)
    pulled = pull(deck, to="story")
    after = files_of(project)
    assert {n for n in after if after[n] != before[n]} == {str(STORY / "story.yaml"), str(POLITICIANS)}
    assert "      - {value: 12%, label: of babies are at risk" in after[str(STORY / "story.yaml")].decode()
    assert "    text: We need 400 teams now\n" in after[str(POLITICIANS)].decode()  # the audience's own text
    assert "slide 7: text 'We need 400 teams, not 40' → 'We need 400 teams now' (decks/story-of-hope/politicians." \
           "yaml: the audience's own text)" in pulled.said
    funders = rebuilt(STORY / "funders.yaml")
    assert next(s for s in funders.deck.slides if s.id == "babies-numbers").data["stats"][0]["value"] == "12%"


def test_a_deck_not_built_by_deckbuilder_is_refused(project):
    foreign = project / "foreign.pptx"
    Presentation().save(str(foreign))
    with pytest.raises(BuildError) as caught:
        pull(foreign)
    (diag,) = caught.value.diagnostics
    assert diag.code == "pull-foreign-deck" and "foreign.pptx was not built by deckbuilder" in diag.message
    assert "deckbuilder import" in diag.hint


def test_a_stale_outline_is_refused_saying_what_changed_and_merge_takes_the_rest(project):
    deck = edited(built(POLITICIANS), six_edits)
    story = project / STORY / "story.yaml"
    story.write_text(story.read_text().replace("title: Babies are suffering now and need help",
                                               "title: Babies are suffering"))
    with pytest.raises(BuildError) as caught:
        pull(deck)
    (diag,) = caught.value.diagnostics
    assert diag.code == "pull-stale-outline" and "slide 'babies-suffering' (title)" in diag.message
    assert "--merge" in diag.hint and diag.where.file == str(STORY / "story.yaml")
    pulled = pull(deck, merge=True)
    conflicts = [str(d) for d in pulled.diagnostics if d.code == "pull-unmapped"]
    assert len(conflicts) == 1 and "title was edited" in conflicts[0] and "now 'Babies are suffering'" in \
        conflicts[0]
    text = (project / POLITICIANS).read_text()
    assert "12%" in text and "It is a unique time of brain development" in text and "teams-can-help" not in text
    assert "Babies suffer now" not in text


@pytest.mark.parametrize("save", SAVES)
def test_a_deck_on_an_organisation_template_comes_back_too(project, save):
    template = project / "assets" / "brand" / "office.pptx"
    Presentation().save(str(template))
    (project / "assets" / "brand" / "office.yaml").write_text("template: office.pptx\n")
    story = project / STORY / "story.yaml"
    story.write_text(story.read_text().replace("theme: ../../assets/brand/theme.yaml",
                                               "theme: ../../assets/brand/office.yaml"))
    original = built(POLITICIANS)
    brains = slide_named(Presentation(str(original)), "brains")
    assert any("unique time" in ph.text_frame.text for ph in brains.placeholders)  # the points are the template's
    deck = save(edited(original, six_edits))
    pulled = pull(deck)
    assert not list(pulled.diagnostics), [str(d) for d in pulled.diagnostics]
    same, changes = carries(rebuilt(POLITICIANS), deck)
    assert same, changes


def test_what_an_outline_cannot_hold_is_listed_with_its_slide_number(project):
    def change(prs):
        slide = slide_named(prs, "brains")
        slide.shapes.add_textbox(0, 0, 914400, 914400).text_frame.text = "A note of my own"
        shape_with(slide, "unique time").left += 914400
        slide.shapes.title.text_frame.paragraphs[0].runs[0].font.italic = True
        retext(paragraph_with(slide_named(prs, "title"), "Keith Reed"), "Keith Reed, chief executive")

    deck = edited(built(POLITICIANS), change)
    before = files_of(project)
    pulled = pull(deck)
    said = sorted(str(d) for d in pulled.diagnostics)
    assert files_of(project) == before and not pulled.diff
    assert len(said) == 4 and all(d.code == "pull-unmapped" for d in pulled.diagnostics)
    assert any("slide 4: a new text box 'A note of my own'" in s for s in said)
    assert any("slide 4: the box 'Bullets' was moved or resized" in s for s in said)
    assert any("slide 4: the formatting of" in s for s in said)
    assert any("slide 1: 'Keith Reed, CEO · @CampaignsKeith' was changed" in s for s in said)


def test_a_new_slide_is_offered_as_an_outline_slide(project):
    def change(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = "What we ask of you"
        box = slide.shapes.add_textbox(914400, 1828800, 7315200, 2743200).text_frame
        box.text = "Fund ten new teams"
        box.add_paragraph().text = "Tell your colleagues"
        box.add_paragraph().text = "Visit a team"

    deck = edited(built(POLITICIANS), change)
    pulled = pull(deck, dry_run=True)
    assert [d.code for d in pulled.diagnostics] == ["pull-new-slide"]
    assert "slide 17 is new" in pulled.diagnostics.items[0].message
    assert "  - id: what-we-ask-of-you\n    layout: bullets\n    title: What we ask of you\n" in pulled.offered
    assert "      - Fund ten new teams\n" in pulled.offered and not pulled.diff


def test_an_outline_saved_on_windows_keeps_its_line_ends_and_byte_order_mark(project):
    outline = project / POLITICIANS
    outline.write_bytes(b"\xef\xbb\xbf" + outline.read_bytes().replace(b"\n", b"\r\n"))
    deck = edited(built(POLITICIANS), six_edits)
    pull(deck)
    data = outline.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert b"    title: Babies suffer now and need our help\r\n" in data
    same, changes = carries(rebuilt(POLITICIANS), deck)
    assert same, changes


def test_a_deck_naming_an_outline_outside_its_project_is_refused(project, tmp_path):
    (tmp_path / "elsewhere.yaml").write_text("deck: {title: Not yours}\nslides: [{id: a, layout: section, title: A}]\n")
    deck = edited(built(POLITICIANS), lambda prs: None)
    with zipfile.ZipFile(deck) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(b"decks/story-of-hope/politicians.yaml<",
                                                                        b"../elsewhere.yaml<")
    with zipfile.ZipFile(deck, "w") as package:
        for name, blob in parts.items():
            package.writestr(name, blob)
    with pytest.raises(BuildError) as caught:
        pull(deck)
    assert caught.value.diagnostics[0].code == "pull-outline-missing"
    assert "was built from ../elsewhere.yaml, which is not in this project" in caught.value.diagnostics[0].message


@pytest.mark.parametrize("merge", [False, True])
def test_pulling_the_same_deck_again_finds_nothing_left(project, merge):
    """The outline changed since the build, but only by the deck's own edits: nothing meets, nothing is refused."""
    deck = edited(built(POLITICIANS), six_edits)
    pull(deck)
    again = pull(deck, merge=merge, dry_run=True)
    assert not again.diff and not list(again.diagnostics), [str(d) for d in again.diagnostics]


def test_an_outline_changed_where_the_deck_was_not_edited_takes_the_edits_without_merge(project):
    deck = edited(built(POLITICIANS), six_edits)
    story = project / STORY / "story.yaml"
    story.write_text(story.read_text().replace("title: Parents need help", "title: Parents need our help"))
    pulled = pull(deck)
    assert not list(pulled.diagnostics), [str(d) for d in pulled.diagnostics]
    text = (project / POLITICIANS).read_text()
    assert "Babies suffer now" in text and "12%" in text
    assert "Parents need our help" in story.read_text()


def test_a_change_deep_in_a_long_point_is_said_where_it_is(project):
    def one_word(prs) -> None:
        point = paragraph_with(slide_named(prs, "parents-need-help"), "drug and alcohol")
        retext(point, point.text.replace("drug and alcohol", "drug or alcohol"))

    pulled = pull(edited(built(POLITICIANS), one_word), dry_run=True)
    (line,) = [s for s in pulled.said if "bullets.1.text" in s]
    assert "drug and alcohol" in line and "drug or alcohol" in line, line


def test_a_macro_added_to_the_deck_is_removed_with_a_warning_and_the_edits_still_come_back(project):
    deck = edited(built(POLITICIANS), six_edits)
    with zipfile.ZipFile(deck) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 pretend VBA"
    parts["ppt/_rels/presentation.xml.rels"] = parts["ppt/_rels/presentation.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        b'vbaProject" Target="vbaProject.bin"/></Relationships>')
    with zipfile.ZipFile(deck, "w") as package:
        for name, blob in parts.items():
            package.writestr(name, blob)
    pulled = pull(deck, dry_run=True)
    (removed,) = [d for d in pulled.diagnostics if d.code == "content-removed"]
    assert "macros ('ppt/vbaProject.bin')" in removed.message
    assert "Babies suffer now" in pulled.diff and not pulled.diagnostics.errors
