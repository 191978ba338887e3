"""Changes are written where their text is written when that is the outline written to (or one tailoring it), else
as overrides in it; slides are taken out (their words kept as hidden: true) and reordered in the list that decides."""
from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.audience import resolve
from deckbuilder.errors import Diagnostics
from deckbuilder.provenance import field_value
from deckbuilder.pull.changes import Change, Changes
from deckbuilder.pull.write import Writer, Written

STORY = """\
# the story
deck:
  title: Our year
  presenter: {name: Keith Reed, role: CEO}
slides:
  - id: title
    layout: title
  - id: points   # the main points
    layout: bullets
    title: What we did
    bullets:
      - One  # first
      - text: Two
        except: [funders]
      - Three
  - id: ask
    layout: statement
    text: We need 400
  - id: thanks
    layout: closing
    text: Thank you
"""
AUDIENCE = """\
# for politicians
extends: story.yaml
deck:
  subtitle: Babies can't wait
slides:
  - title
  - points   # keep
  - use: ask
    text: We need 400 now
  - id: own
    layout: statement
    text: Our own slide
  - thanks
"""


@pytest.fixture
def outlines(write) -> tuple[Path, Path]:
    write("funders.yaml", "extends: story.yaml\nslides: [title, points, ask]\n")
    return write("story.yaml", STORY), write("politicians.yaml", AUDIENCE)


def written(outline: Path, to: str = "audience", **changes) -> tuple[dict, Written]:
    deck = resolve(outline, Diagnostics())
    out = Writer(deck, to).write(Changes(**changes))
    texts = {path.name: new for path, (_, new) in out.texts.items()}
    for path, (_, new) in out.texts.items():
        path.write_text(new)
    return texts, out


def shown(outline: Path, slide_id: str, path: tuple):
    deck = resolve(outline, Diagnostics())
    return field_value(deck, next((s for s in deck.slides if s.id == slide_id), None), path)


def test_a_field_the_audience_overrides_is_edited_there(outlines):
    _, audience = outlines
    texts, out = written(audience, edits=[Change("ask", ("text",), "We need 400 now", "We need 400 today", 3)])
    assert set(texts) == {"politicians.yaml"}
    assert texts["politicians.yaml"] == AUDIENCE.replace("text: We need 400 now", "text: We need 400 today")
    assert out.said == ["slide 3: text 'We need 400 now' → 'We need 400 today' (politicians.yaml)"]


def test_a_story_field_becomes_an_override_in_place_of_the_id_keeping_its_comment(outlines):
    _, audience = outlines
    texts, _ = written(audience, edits=[Change("points", ("title",), "What we did", "What we did: a lot", 2),
                                        Change("points", ("bullets", 0, "text"), "One", "Uno", 2)])
    assert "  - use: points   # keep\n    title: 'What we did: a lot'\n    bullets:\n      - Uno  # first\n" \
           "      - text: Two\n        except: [funders]\n      - Three\n  - use: ask\n" in texts["politicians.yaml"]
    assert shown(audience, "points", ("bullets", 0, "text")) == "Uno"


def test_a_point_taken_out_leaves_the_others(outlines):
    story, audience = outlines
    written(story, "story", edits=[Change("points", ("bullets", 2), "Three", None, 2)])
    assert [b["text"] for b in shown(story, "points", ("bullets",))] == ["One", "Two"]
    assert "# first" in story.read_text()


def test_a_missing_field_is_added_to_the_override_or_to_the_slide(outlines):
    story, audience = outlines
    written(audience, edits=[Change("ask", ("notes",), "", "Say it slowly.", 3),
                             Change("own", ("notes",), "", "Ours.", 4)])
    text = audience.read_text()
    assert "  - use: ask\n    text: We need 400 now\n    notes: Say it slowly.\n" in text
    assert "    text: Our own slide\n    notes: Ours.\n" in text
    written(story, "story", edits=[Change("points", ("notes",), "", "Three points.", 2)])
    assert "      - Three\n    notes: Three points.\n  - id: ask" in story.read_text()


def test_deck_facts_go_under_deck_as_deep_as_needed(outlines):
    _, audience = outlines
    written(audience, edits=[Change("title", ("deck", "title"), "Our year", "Our best year", 1),
                             Change("title", ("deck", "presenter", "role"), "CEO", "Chief executive", 1),
                             Change("title", ("deck", "subtitle"), "Babies can't wait", "Babies first", 1)])
    text = audience.read_text()
    assert "deck:\n  subtitle: Babies first\n  title: Our best year\n  presenter:\n    role: Chief executive\n" in text
    deck = resolve(audience, Diagnostics()).deck
    assert deck["presenter"] == {"name": "Keith Reed", "role": "Chief executive"} and deck["title"] == "Our best year"


def test_an_audience_without_a_list_gets_one_to_take_a_slide_out(write, outlines):
    bare = write("commissioners.yaml", "# for commissioners\nextends: story.yaml\n")
    texts, out = written(bare, removed=["ask"])
    assert texts["commissioners.yaml"] == "# for commissioners\nextends: story.yaml\nslides:\n  - title\n" \
                                          "  - points\n  - thanks\n"
    assert "now lists its slides" in out.said[0]


def test_slides_taken_out_leave_the_list_or_keep_their_words_hidden(outlines):
    _, audience = outlines
    written(audience, removed=["points", "ask", "own"])
    text = audience.read_text()
    assert "  - points" not in text and "# keep" in text  # the comment stays
    assert "    text: We need 400 now\n    hidden: true\n" in text
    assert "    text: Our own slide\n    hidden: true\n" in text
    assert [s.id for s in resolve(audience, Diagnostics()).slides] == ["title", "thanks"]


def test_to_story_hides_a_story_slide_for_every_audience_and_names_who_still_lists_it(outlines):
    story, audience = outlines
    _, out = written(audience, "story", removed=["points"])
    assert "  - id: points   # the main points\n    layout: bullets\n" in story.read_text()
    assert "      - Three\n    hidden: true\n" in story.read_text() and "  - points" not in audience.read_text()
    assert any("funders.yaml list it too" in line for line in out.said)


def test_slides_are_reordered_in_the_list_that_decides_leaving_the_others_in_place(outlines, write):
    story, audience = outlines
    written(audience, order=["title", "thanks", "own", "points", "ask"])
    assert [s.id for s in resolve(audience, Diagnostics()).slides] == ["title", "thanks", "own", "points", "ask"]
    bare = write("commissioners.yaml", "extends: story.yaml\n")
    written(bare, "story", order=["title", "ask", "points", "thanks"])
    assert [s.id for s in resolve(story, Diagnostics()).slides] == ["title", "ask", "points", "thanks"]
    assert "# the main points" in story.read_text()


def test_a_change_that_cannot_be_written_is_said_and_the_rest_written(write):
    write("story.yaml", "deck: {title: T}\nslides:\n  - layout: statement\n    text: No id here\n")
    audience = write("press.yaml", "extends: story.yaml\n")
    texts, out = written(audience, edits=[Change("title", ("deck", "title"), "T", "New", 1),
                                          Change("no-id-here", ("text",), "No id here", "Now", 1)], removed=["x"])
    assert "no id, so press.yaml cannot list it" in out.refused[0].message
    assert texts["press.yaml"] == "extends: story.yaml\ndeck:\n  title: New\n"


def test_points_taken_out_of_a_flow_list_leave_the_others_as_written(write):
    story = write("story.yaml", "deck: {title: T}\nslides:\n  - id: s\n    layout: bullets\n    title: Points\n"
                                "    bullets: [One, \"Two, too\", Three, Four]  # four\n")
    texts, _ = written(story, "story", edits=[Change("s", ("bullets", 1), "Two, too", None, 1),
                                              Change("s", ("bullets", 3), "Four", None, 1)])
    assert texts["story.yaml"].endswith("    bullets: [One, Three]  # four\n")


def test_windows_line_ends_and_a_byte_order_mark_are_kept(outlines):
    _, audience = outlines
    audience.write_bytes(b"\xef\xbb\xbf" + AUDIENCE.replace("\n", "\r\n").encode())
    deck = resolve(audience, Diagnostics())
    out = Writer(deck, "audience").write(Changes(edits=[Change("ask", ("text",), "We need 400 now",
                                                                           "We need 400 today", 3)]))
    (old, new), = out.texts.values()
    assert new == old.replace("We need 400 now", "We need 400 today") and new.count("\r\n") == AUDIENCE.count("\n")
