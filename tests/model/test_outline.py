"""Slides and deck facts as written: every layout's fields, clear errors, and generated ids."""
from __future__ import annotations

import datetime as dt

import pytest

from deckbuilder.errors import Diagnostics, Loc
from deckbuilder.model.layouts import LAYOUTS
from deckbuilder.model.outline import Slide, check_deck, check_slide, name_slides, slug
from deckbuilder.source import parse_yaml


def slide_of(text: str):
    """(Slide or None, diagnostics) for one slide written as YAML (a mapping at the top of t.yaml)."""
    raw = parse_yaml(text, "t.yaml")
    diags = Diagnostics()
    return check_slide(raw, raw.loc, "slides", diags), list(diags)


def deck_of(text: str):
    raw = parse_yaml(text, "t.yaml")
    diags = Diagnostics()
    return check_deck(raw, raw.loc, "deck", diags), list(diags)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_layouts_example_is_a_valid_slide(name):
    example = LAYOUTS[name].example
    slides = parse_yaml(example, f"{name}.yaml")
    assert len(slides) == 1
    diags = Diagnostics()
    slide = check_slide(slides[0], slides.at(0), "slides", diags)
    assert list(diags) == [] and slide is not None
    assert slide.layout == name


def test_a_valid_slide_keeps_values_and_locations():
    slide, diags = slide_of("id: s\nlayout: stat\ntitle: The numbers\nstats:\n  - {value: 10%, label: at risk}\n")
    assert diags == []
    assert (slide.id, slide.layout, slide.generated) == ("s", "stat", False)
    assert slide["stats"][0] == {"value": "10%", "label": "at risk"}
    assert slide.at("stats") == Loc("t.yaml", 5, 3)


def test_layout_defaults_to_bullets():
    slide, diags = slide_of("title: T\nbullets: [a]\n")
    assert diags == [] and slide.layout == "bullets" and slide.id == "" and slide.generated


# --- unknown layouts and fields ------------------------------------------------------------------


def test_a_misspelt_layout_suggests_the_right_one(one):
    slide, diags = slide_of("id: a\nlayout: bulets\ntitle: T\nbullets: [a]\n")
    diag = one(diags)
    assert slide is None
    assert (diag.code, diag.where, diag.path) == ("bad-choice", Loc("t.yaml", 2, 9), "slides.layout")
    assert diag.message == "'bulets' is not allowed here" and diag.hint == "did you mean 'bullets'?"


def test_an_unknown_layout_lists_the_layouts(one):
    diag = one(slide_of("layout: carousel\ntitle: T\n")[1], "bad-choice")
    assert diag.hint.startswith("expected one of: ")
    assert all(name in diag.hint for name in LAYOUTS)


def test_a_typo_in_a_field_is_one_error_with_did_you_mean(one):
    slide, diags = slide_of("id: a\nlayout: bullets\ntitle: T\nbulets: [a, b]\n")
    diag = one(diags)  # no second error saying 'bullets' is missing
    assert slide is None
    assert (diag.code, diag.where, diag.path) == ("unknown-field", Loc("t.yaml", 4, 1), "slides.bulets")
    assert diag.hint == "did you mean 'bullets'?"


def test_a_field_of_another_layout_names_the_layouts_that_have_it(one):
    diag = one(slide_of("layout: statement\ntext: We need 400\nbullets: [a]\n")[1], "unknown-field")
    assert diag.where == Loc("t.yaml", 3, 1)
    assert diag.hint == "'bullets' is a field of bullets, image-text slides; this one is a statement slide"


@pytest.mark.parametrize("text, hint", [
    ("text: We need 400 not 40!\n", "add 'layout:' with one of: statement, quote, image, image-text, post, closing"),
    ("text: Words\nby: Ben Yeo\n", "add 'layout: quote'"),
    ("title: Numbers\nstats: [{value: 1, label: one}]\n", "add 'layout: stat'"),
])
def test_a_forgotten_layout_is_one_error_naming_the_layout_to_add(one, text, hint):
    diag = one(slide_of("id: a\n" + text)[1])
    assert (diag.code, diag.where.line) == ("missing-layout", 1)
    assert "no 'layout:'" in diag.message and diag.hint == hint


def test_a_slide_that_is_not_a_mapping(one):
    raw = parse_yaml("- just text\n", "t.yaml")
    diags = Diagnostics()
    assert check_slide(raw[0], raw.at(0), "slides[0]", diags) is None
    diag = one(list(diags), "wrong-type")
    assert diag.where == Loc("t.yaml", 1, 3) and "layout:" in diag.hint


# --- wrong types everywhere: each reported where it stands, all in one run --------------------------


def test_wrong_types_everywhere_are_all_reported():
    text = (
        "id: a\n"
        "layout: bullets\n"
        "title: [a, list]\n"          # a list where text is expected
        "bullets: 7\n"                # a number where a list is expected
        "numbered: yes\n"             # YAML 1.1 boolean
        "notes: {a: 1}\n"             # a mapping where text is expected
        "hidden: 1\n"
    )
    slide, diags = slide_of(text)
    assert slide is None
    assert [(d.code, d.where.line, d.path) for d in diags] == [
        ("wrong-type", 3, "slides.title"),
        ("wrong-type", 4, "slides.bullets"),
        ("wrong-type", 5, "slides.numbered"),
        ("wrong-type", 6, "slides.notes"),
        ("wrong-type", 7, "slides.hidden"),
    ]
    assert diags[0].message == "expected text, got a list"
    assert diags[1].message == "expected a list (each item: text or a mapping), got a number"
    assert "'- '" in diags[1].hint
    assert "yes, no, on and off are read as text" in diags[2].hint


def test_sub_bullets_nest_one_level_only(one):
    text = "title: T\nbullets:\n  - text: a\n    bullets:\n      - text: b\n        bullets: [c]\n"
    diag = one(slide_of(text)[1], "unknown-field")
    assert (diag.where.line, diag.path) == (6, "slides.bullets[0].bullets[0].bullets")


def test_stats_take_one_to_four(one):
    stats = "".join(f"  - {{value: '{i}', label: n}}\n" for i in range(5))
    diag = one(slide_of("layout: stat\ntitle: T\nstats:\n" + stats)[1], "too-many-items")
    assert diag.where == Loc("t.yaml", 4, 3) and diag.path == "slides.stats"
    diag = one(slide_of("layout: stat\ntitle: T\nstats: []\n")[1], "too-few-items")
    assert diag.message == "needs at least 1 item(s), has 0"


def test_a_stat_written_as_text_shows_the_shape_it_needs(one):
    diag = one(slide_of("layout: stat\ntitle: T\nstats: [10% of babies]\n")[1], "wrong-type")
    assert diag.path == "slides.stats[0]" and diag.hint == "write it as {value: ..., label: ...}"


def test_stat_values_keep_their_spelling():
    slide, diags = slide_of("layout: stat\ntitle: T\nstats: [{value: 60000, label: a}, {value: 1.50, label: b}]\n")
    assert diags == [] and [s["value"] for s in slide["stats"]] == ["60000", "1.50"]


def test_a_chart_with_bad_data(one):
    text = ("layout: chart\ntitle: T\nchart:\n  type: pi\n  categories: [a, b]\n"
            "  series: [{name: s, values: [50%, 50]}]\n")
    slide, diags = slide_of(text)
    assert [(d.code, d.where.line, d.path) for d in diags] == [
        ("bad-choice", 4, "slides.chart.type"), ("wrong-type", 6, "slides.chart.series[0].values[0]")]
    assert diags[0].hint == "did you mean 'pie'?"
    assert "digits only" in diags[1].hint


@pytest.mark.parametrize("value", ["No", "on", "yes", "Off"])
def test_words_yaml_1_1_read_as_booleans_stay_text(value):
    slide, diags = slide_of(f"layout: statement\ntext: {value}\nsubtitle: {value}\n")
    assert diags == [] and slide["text"] == value and slide["subtitle"] == value


def test_the_id_must_be_a_name(one):
    diag = one(slide_of("id: my slide\ntitle: T\nbullets: [a]\n")[1], "bad-format")
    assert diag.where == Loc("t.yaml", 1, 5) and "letters, digits" in diag.hint


# --- deck facts -------------------------------------------------------------------------------------


def test_deck_facts():
    deck, diags = deck_of("title: T\ndate: 2023-11-23\npresenter: Keith Reed\nuse: fundraising\n")
    assert diags == []
    assert deck["date"] == dt.date(2023, 11, 23)
    assert deck["presenter"] == {"name": "Keith Reed"}
    assert (deck["theme"], deck["use"], deck["language"]) == ("default", "fundraising", "en-GB")


def test_every_mistake_in_the_deck_facts_is_reported():
    text = "title: T\ndate: 23/11/2023\npresenter: {name: K, rol: CEO}\nuse: charity\nlanguage: English\n"
    deck, diags = deck_of(text)
    assert deck is None
    assert [(d.code, d.where.line, d.hint) for d in diags] == [
        ("wrong-type", 2, "write the date as YYYY-MM-DD"),
        ("unknown-field", 3, "did you mean 'role'?"),
        ("bad-choice", 4, "expected one of: commercial, fundraising, internal, public"),
        ("bad-format", 5, "e.g. en-GB"),
    ]


# --- ids for slides without one ---------------------------------------------------------------------


def slides(*specs: tuple[str, str, dict]) -> list[Slide]:
    from deckbuilder.source import YMap
    return [Slide(sid, layout, YMap(data)) for sid, layout, data in specs]


def test_ids_are_made_from_titles_and_kept_unique():
    named = name_slides(slides(
        ("", "bullets", {"title": "Babies are suffering now and need help today, really"}),
        ("", "statement", {"text": "We need 400 not 40!"}),
        ("", "section", {"title": "Today"}),
        ("today", "section", {"title": "Today"}),
        ("", "section", {"title": "Today"}),
        ("", "title", {}),
    ))
    assert [s.id for s in named] == ["babies-are-suffering-now-and-need", "we-need-400-not-40", "today-2",
                                     "today", "today-3", "title"]
    assert [s.generated for s in named] == [True, True, True, False, True, True]


@pytest.mark.parametrize("title, expected", [
    ("Über uns — Café", "uber-uns-cafe"),
    ("10% of babies", "10-of-babies"),
    ("!!!", "slide"),
    ("日本語", "slide"),
    ("A" * 300, "a" * 40),
    ("Supercalifragilistic expialidocious antidisestablishment", "supercalifragilistic-expialidocious"),
])
def test_slug(title, expected):
    assert slug(title) == expected
