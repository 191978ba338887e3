"""What changed in the outline since the build, from the digests the deck records, and a merge that takes only the
edits touching none of it."""
from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.api import Options, build
from deckbuilder.provenance import Provenance, SlideMark, read_marks
from deckbuilder.pull.changes import Change, Changes
from deckbuilder.pull.stale import Drift, drift, merged

STORY = """\
deck: {title: Our year}
slides:
  - id: one
    layout: statement
    text: First
    subtitle: Under it
  - id: two
    layout: statement
    text: Second
  - id: three
    layout: statement
    text: Third
"""


def state(outline: Path):
    (result,) = build([outline], Options(write=False))
    assert result.ok
    return result


@pytest.fixture
def before(write):
    outline = write("story.yaml", STORY)
    return outline, read_marks(dict(state(outline).plan.custom))


def test_an_unchanged_outline_has_not_drifted_nor_one_changed_only_in_its_comments(before):
    outline, built = before
    now = state(outline)
    assert not drift(built, now.deck, now.plan, outline.parent).any
    outline.write_text("# a comment\n" + STORY)
    found = drift(built, now.deck, now.plan, outline.parent)
    assert found.files == ["story.yaml"] and not found.any


def test_fields_slides_and_order_changed_since_the_build_are_named(before):
    outline, built = before
    outline.write_text(STORY.replace("text: First", "text: Firstly").replace(
        "  - id: two\n    layout: statement\n    text: Second\n", "").replace(
        "  - id: three", "  - id: four\n    layout: statement\n    text: Four\n  - id: three"))
    now = state(outline)
    found = drift(built, now.deck, now.plan, outline.parent)
    assert found.changed == {"one": {("text",)}} and found.added == ["four"] and found.removed == ["two"]
    assert str(found) == "slide 'one' (text), slide 'four' added, slide 'two' taken out"


def test_merge_takes_the_edits_that_touch_nothing_changed_and_says_the_others(before):
    outline, built = before
    outline.write_text(STORY.replace("text: First", "text: Firstly"))
    now = state(outline)
    found = drift(built, now.deck, now.plan, outline.parent)
    changes = Changes(edits=[Change("one", ("text",), "Firstly", "First!", 1),  # both changed it
                             Change("one", ("text",), "Firstly", "First", 1),  # only the outline changed it
                             Change("one", ("subtitle",), "Under it", "Below it", 1),
                             Change("two", ("text",), "Second", "2nd", 2)],
                      removed=["three"], order=["two", "one"], kept=["two", "one"])
    out = merged(changes, built, found, changes.kept)
    assert [(c.slide, c.path, c.new) for c in out.edits] == [("one", ("subtitle",), "Below it"),
                                                              ("two", ("text",), "2nd")]
    assert out.removed == ["three"] and out.order == ["two", "one"]
    assert [str(u) for u in out.unmapped] == ["slide 1: text was edited to 'First!', but the outline changed it "
                                              "since the build (now 'Firstly'): make the edit in the outline"]


def test_a_point_taken_out_that_the_outline_changed_is_a_conflict():
    built = Provenance("story.yaml", "", {}, (SlideMark("s", 1, 1, "d", (), {("bullets", 1, "text"): "x"}),))
    found = Drift(files=["story.yaml"], changed={"s": {("bullets", 1, "text")}})
    changes = Changes(edits=[Change("s", ("bullets", 1), "Two", None, 1), Change("s", ("bullets", 2), "3", None, 1)])
    out = merged(changes, built, found, [])
    assert [c.path for c in out.edits] == [("bullets", 2)] and len(out.unmapped) == 1
