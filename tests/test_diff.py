"""Diffing two audience decks: slides in one only, order, overridden fields, filtered items, deck facts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from deckbuilder.diff import Change, Items, Move, brief, diff_decks, format_text, load
from deckbuilder.errors import BuildError
from tests.samples import STORY


@pytest.fixture
def story(write) -> Path:
    """The shared test story, in a folder named hope/ so that its decks are hope-<audience>."""
    return write("hope/story.yaml", STORY)


def decks(write, a: str, b: str):
    """Deck A for commissioners and deck B for funders, each an outline extending the story."""
    write("hope/commissioners.yaml", a)
    write("hope/funders.yaml", b)
    return load(Path("hope/commissioners.yaml")), load(Path("hope/funders.yaml"))


def test_slides_in_one_deck_only_and_a_slide_moved(story, write):
    a, b = decks(write, "extends: story.yaml\nslides: [title, today, need-400, thanks]\n",
                 "extends: story.yaml\nslides: [thanks, title, need-400, babies-suffering]\n")
    found = diff_decks(a, b)
    assert (found.a, found.b) == ("hope-commissioners", "hope-funders")
    assert found.only_a == ("today",)
    assert found.only_b == ("babies-suffering",)
    assert found.moved == (Move("thanks", 4, 1),)
    assert not (found.fields or found.items or found.facts)


def test_overridden_fields_and_items_filtered_for_one_audience(story, write):
    a, b = decks(write, "extends: story.yaml\n",
                 "extends: story.yaml\nslides:\n  - babies-suffering\n  - use: need-400\n    text: We need 400 teams\n")
    found = diff_decks(a, b)
    assert found.only_a == ("title", "today", "thanks") and not found.moved
    assert found.fields == (Change("need-400", "text", "We need 400 not 40!", "We need 400 teams"),)
    assert found.items == (
        Items("babies-suffering", "bullets", ("60,000 babies leave hospital each year and live in fear, or terror",),
              ()),
        Items("babies-suffering", "bullets[3].bullets", ("Teams work with the wider workforce",), ()),
    )


def test_deck_facts_that_differ_including_nested_ones(story, write):
    a, b = decks(write, "extends: story.yaml\n",
                 "extends: story.yaml\ndeck:\n  subtitle: What your support achieves\n  use: fundraising\n"
                 "  presenter: {role: Chief executive}\n")
    found = diff_decks(a, b)
    assert found.facts == (Change("deck", "subtitle", "A story of hope", "What your support achieves"),
                           Change("deck", "presenter.role", "CEO", "Chief executive"),
                           Change("deck", "use", "public", "fundraising"))
    assert not (found.only_a or found.only_b or found.moved or found.fields)


def test_a_field_set_in_one_deck_only_and_a_change_inside_a_chart(write):
    write("hope/story.yaml", """\
        deck: {title: Hope}
        slides:
          - id: teams
            layout: chart
            title: Teams
            chart: {type: bar, categories: [Today, Needed], series: [{name: Teams, values: [39, 400]}]}
        """)
    a, b = decks(write, "extends: story.yaml\n", "extends: story.yaml\nslides:\n  - use: teams\n    chart: "
                 "{type: bar, categories: [Today, Needed], series: [{name: Teams, values: [40, 400]}]}\n"
                 "    source: NHS England\n")
    found = diff_decks(a, b)
    assert found.fields == (Change("teams", "chart.series[1].values", [39, 400], [40, 400]),
                            Change("teams", "source", None, "NHS England"))
    assert not found.items  # numbers are not items an audience filter removes: the list changed as a whole


def test_the_same_deck_has_no_differences(story, write):
    _, deck = decks(write, "extends: story.yaml\n", "extends: story.yaml\n")
    found = diff_decks(deck, deck)
    assert found.same
    assert format_text(found) == "A: hope-funders\nB: hope-funders\nno differences"


def test_the_text_groups_by_kind_and_keeps_values_short(story, write):
    long = "A very long line that goes on and on about the many reasons babies cannot wait any longer"
    a, b = decks(write, "extends: story.yaml\nslides: [title, today, need-400]\n",
                 f"extends: story.yaml\ndeck: {{subtitle: Now}}\nslides:\n  - need-400\n  - use: title\n"
                 f"    notes: {long}\n  - babies-suffering\n")
    assert format_text(diff_decks(a, b)).splitlines() == [
        "A: hope-commissioners",
        "B: hope-funders",
        "",
        "deck facts that differ (1):",
        "  subtitle: “A story of hope” → “Now”",
        "",
        "slides only in A (1):",
        "  today",
        "",
        "slides only in B (1):",
        "  babies-suffering",
        "",
        "slides in a different order (1):",
        "  need-400: slide 3 in A, 1 in B",
        "",
        "fields overridden (1):",
        f"  title: notes: (not set) → “{long[:59]}…”",
    ]


def test_json_has_every_kind_and_whether_they_are_the_same(story, write):
    a, b = decks(write, "extends: story.yaml\nslides: [title, today]\n", "extends: story.yaml\nslides: [today]\n")
    data = json.loads(json.dumps(diff_decks(a, b).to_json()))
    assert data == {"a": "hope-commissioners", "b": "hope-funders", "only_a": ["title"], "only_b": [],
                    "moved": [], "facts": [], "fields": [], "items": [], "same": False}


def test_brief_values():
    assert brief(None) == "(not set)"
    assert brief("two\n  lines") == "“two lines”"
    assert brief([39, 400]) == "[39, 400]"
    assert brief("x" * 100) == "“" + "x" * 59 + "…”"


def test_an_outline_with_errors_is_raised_with_its_diagnostics(story, write):
    write("hope/funders.yaml", "extends: story.yaml\nslides: [titel]\n")
    with pytest.raises(BuildError) as caught:
        load(Path("hope/funders.yaml"))
    assert [d.code for d in caught.value.diagnostics] == ["unknown-slide"]
