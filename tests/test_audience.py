"""Audience resolution: extends chains, picking and overriding slides, only/except, deck facts, errors."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckbuilder.audience import MAX_CHAIN, known_audiences, resolve
from deckbuilder.errors import BuildError, Diagnostics, Loc
from deckbuilder.model.layouts import LAYOUTS
from deckbuilder.model.outline import slide_fields
from deckbuilder.model.theme import load_theme


def ids(deck) -> list[str]:
    return [s.id for s in deck.slides]


def bullets(slide) -> list[str]:
    return [b["text"] for b in slide["bullets"]]


def slide(deck, slide_id: str):
    return next(s for s in deck.slides if s.id == slide_id)


# --- the story on its own ---------------------------------------------------------------------------


def test_a_story_builds_every_slide_in_order(story, resolved, tmp_path):
    deck = resolved(story)
    assert ids(deck) == ["title", "today", "babies-suffering", "need-400", "thanks"]
    assert (deck.story, deck.audience, deck.name) == (tmp_path.name, None, tmp_path.name)
    assert deck.deck["date"] == dt.date(2023, 11, 23)


def test_a_story_named_otherwise_is_named_by_its_file(write, resolved):
    deck = resolved(write("hope.yaml", "deck: {title: T}\nslides: [{layout: section, title: Today}]\n"))
    assert deck.name == "hope"


def test_in_the_story_itself_only_items_are_left_out_and_except_items_kept(story, resolved):
    babies = slide(resolved(story), "babies-suffering")
    assert len(babies["bullets"]) == 3
    assert [b["text"] for b in babies["bullets"][2]["bullets"]] == ["Prevention is better than late intervention"]


def test_ids_are_generated_for_slides_without_one(write, resolved):
    path = write("talk.yaml", """\
        deck: {title: T}
        slides:
          - {layout: section, title: Today}
          - {layout: statement, text: We need 400 not 40!}
          - {layout: section, title: Today}
          - {id: today, layout: section, title: Today again}
        """)
    deck = resolved(path)
    assert ids(deck) == ["today-2", "we-need-400-not-40", "today-3", "today"]
    assert [s.generated for s in deck.slides] == [True, True, True, False]


# --- audience outlines --------------------------------------------------------------------------------


def test_an_audience_picks_orders_and_overrides_slides(story, write, resolved, tmp_path):
    path = write("politicians.yaml", """\
        extends: story.yaml
        audience: politicians
        slides:
          - title
          - use: need-400
            text: We need 400 teams, not 40
          - babies-suffering
          - id: urgent
            layout: bullets
            title: Urgent and important
            bullets: [Child protection, Levelling up]
        """)
    deck = resolved(path)
    assert ids(deck) == ["title", "need-400", "babies-suffering", "urgent"]
    assert (deck.audience, deck.name) == ("politicians", f"{tmp_path.name}-politicians")
    need = slide(deck, "need-400")
    assert need["text"] == "We need 400 teams, not 40"
    assert need.at("text") == Loc("politicians.yaml", 6, 11)  # the override is where it was written
    assert need.at("layout") == Loc("story.yaml", 26, 13)      # the rest is where the story has it
    assert deck.files == [path, story]


def test_the_audience_name_defaults_to_the_file_name(story, write, resolved):
    deck = resolved(write("funders.yaml", "extends: story.yaml\n"))
    assert deck.audience == "funders"


def test_an_audience_without_slides_takes_the_storys_filtered(story, write, resolved):
    deck = resolved(write("funders.yaml", "extends: story.yaml\n"))
    assert ids(deck) == ["title", "today", "babies-suffering", "need-400", "thanks"]
    assert bullets(slide(deck, "babies-suffering")) == [
        "10% of babies at risk of disorganised attachment",
        "It's urgent we intervene with new mental health teams"]


def test_use_with_a_new_id_makes_a_copy(story, write, resolved):
    path = write("funders.yaml", """\
        extends: story.yaml
        slides:
          - today
          - need-400
          - {use: today, id: today-again, title: To finish}
        """)
    deck = resolved(path)
    assert ids(deck) == ["today", "need-400", "today-again"]
    assert slide(deck, "today")["title"] == "Today"
    assert slide(deck, "today-again")["title"] == "To finish"


def test_an_override_is_checked_against_the_slides_layout(story, write, diags_of, one):
    path = write("funders.yaml", "extends: story.yaml\nslides:\n  - use: need-400\n    bulets: [a]\n")
    diag = one(diags_of(path))
    assert (diag.code, diag.where) == ("unknown-field", Loc("funders.yaml", 4, 5))
    assert diag.path == "slides.need-400.bulets"


# --- only / except ------------------------------------------------------------------------------------


def test_only_and_except_on_slides(write, resolved):
    write("story.yaml", """\
        deck: {title: T}
        slides:
          - {id: all, layout: section, title: Everyone}
          - {id: f-only, layout: section, title: Funders, only: [funders]}
          - {id: not-f, layout: section, title: Not funders, except: funders}
          - {id: p-or-c, layout: section, title: Some, only: [politicians, commissioners]}
        """)
    for name in ("funders", "politicians", "commissioners"):
        write(f"{name}.yaml", "extends: story.yaml\n")
    assert ids(resolved(Path("funders.yaml"))) == ["all", "f-only", "p-or-c"][:2]
    assert ids(resolved(Path("politicians.yaml"))) == ["all", "not-f", "p-or-c"]
    assert ids(resolved(Path("commissioners.yaml"))) == ["all", "not-f", "p-or-c"]
    assert ids(resolved(Path("story.yaml"))) == ["all", "not-f"]


def test_only_and_except_on_list_items_at_every_level(write, resolved):
    write("story.yaml", """\
        deck: {title: T}
        slides:
          - id: points
            title: Points
            bullets:
              - Everyone
              - {text: Funders only, only: [funders]}
              - text: Nested
                bullets:
                  - Sub for all
                  - {text: Sub not for funders, except: [funders]}
                  - {text: Sub for politicians, only: politicians}
          - id: numbers
            layout: stat
            title: Numbers
            stats:
              - {value: 10%, label: all}
              - {value: "60,000", label: not funders, except: [funders]}
          - id: cols
            layout: columns
            title: Columns
            columns:
              - {heading: A, bullets: [a1, {text: a2, only: [funders]}]}
              - {heading: B, bullets: [b1]}
              - {heading: C, bullets: [c1], except: [funders]}
          - id: done
            layout: checklist
            title: Done
            items: [one, {text: two, only: [politicians]}]
        """)
    write("funders.yaml", "extends: story.yaml\n")
    write("politicians.yaml", "extends: story.yaml\n")
    funders, politicians = resolved(Path("funders.yaml")), resolved(Path("politicians.yaml"))
    assert bullets(slide(funders, "points")) == ["Everyone", "Funders only", "Nested"]
    assert [b["text"] for b in slide(funders, "points")["bullets"][2]["bullets"]] == ["Sub for all"]
    assert [b["text"] for b in slide(politicians, "points")["bullets"][1]["bullets"]] == [
        "Sub for all", "Sub not for funders", "Sub for politicians"]
    assert [s["label"] for s in slide(funders, "numbers")["stats"]] == ["all"]
    assert [s["label"] for s in slide(politicians, "numbers")["stats"]] == ["all", "not funders"]
    assert [c["heading"] for c in slide(funders, "cols")["columns"]] == ["A", "B"]
    assert [b["text"] for b in slide(funders, "cols")["columns"][0]["bullets"]] == ["a1", "a2"]
    assert [c["heading"] for c in slide(politicians, "cols")["columns"]] == ["A", "B", "C"]
    assert [i["text"] for i in slide(funders, "done")["items"]] == ["one"]
    assert [i["text"] for i in slide(politicians, "done")["items"]] == ["one", "two"]


def test_item_counts_are_checked_on_what_each_audience_sees(write, resolved, diags_of, one):
    stats = "".join(f"      - {{value: '{i}', label: n{i}, except: [a{i}]}}\n" for i in range(1, 6))
    write("story.yaml", "deck: {title: T}\nslides:\n  - id: s\n    layout: stat\n    title: T\n    stats:\n"
          + stats)
    for i in range(1, 6):
        write(f"a{i}.yaml", "extends: story.yaml\n")
    assert len(slide(resolved(Path("a1.yaml")), "s")["stats"]) == 4
    write("everyone.yaml", "extends: story.yaml\n")
    diag = one(diags_of(Path("everyone.yaml")), "too-many-items")
    assert diag.where == Loc("story.yaml", 7, 7)


def test_a_list_emptied_by_only_says_so(write, diags_of, one):
    write("story.yaml", "deck: {title: T}\nslides:\n  - id: s\n    title: T\n    bullets:\n"
          "      - {text: a, only: [funders]}\n")
    write("funders.yaml", "extends: story.yaml\n")
    write("politicians.yaml", "extends: story.yaml\n")
    diag = one(diags_of(Path("politicians.yaml")), "too-few-items")
    assert diag.where == Loc("story.yaml", 6, 7)
    assert "1 left out by only/except" in diag.message


def test_ancestors_audience_names_count(story, write, resolved):
    write("story.yaml", "deck: {title: T}\nslides:\n"
          "  - {id: a, layout: section, title: A, only: [politicians]}\n"
          "  - {id: b, layout: section, title: B, only: [politicians-scotland]}\n"
          "  - {id: c, layout: section, title: C, except: [politicians]}\n")
    write("politicians.yaml", "extends: story.yaml\n")
    write("politicians-scotland.yaml", "extends: politicians.yaml\n")
    assert ids(resolved(Path("politicians.yaml"))) == ["a"]
    assert ids(resolved(Path("politicians-scotland.yaml"))) == ["a", "b"]


def test_an_unknown_audience_is_named_with_a_suggestion(story, write, diags_of):
    write("politicians.yaml", "extends: story.yaml\n")
    write("funders.yaml", """\
        extends: story.yaml
        slides:
          - use: today
            only: [polticians, funders]
          - id: extra
            title: Extra
            bullets: [{text: x, except: [comissioners]}]
        """)
    diags = diags_of(Path("funders.yaml"))
    assert [(d.code, d.where, d.path) for d in diags] == [
        ("unknown-audience", Loc("funders.yaml", 4, 11), "only"),
        ("unknown-audience", Loc("funders.yaml", 7, 33), "except"),
    ]
    assert diags[0].message == "no outline declares the audience 'polticians'"
    assert diags[0].hint == "did you mean 'politicians'?"
    assert diags[1].hint == "did you mean 'commissioners'?"


def test_an_audience_no_outline_declares_is_reported_in_the_story(story, write, diags_of, one, tmp_path):
    (tmp_path / "commissioners.yaml").unlink()
    diag = one(diags_of(Path("funders.yaml")), "unknown-audience")
    assert diag.where == Loc("story.yaml", 24, 63)
    assert diag.message == "no outline declares the audience 'commissioners'"


def test_audience_names_are_not_checked_without_audience_outlines(write, resolved):
    write("story.yaml", "deck: {title: T}\nslides:\n  - {layout: section, title: A, only: [anyone]}\n"
          "  - {layout: section, title: B}\n")
    assert ids(resolved(Path("story.yaml"))) == ["b"]


def test_a_broken_audience_outline_still_declares_its_audience(story, write):
    write("funders.yaml", "extends: story.yaml\nslides: [\n")
    write("politicians.yaml", "extends: story.yaml\n")
    assert set(known_audiences(story)) == {"funders", "politicians", "commissioners"}


# --- unknown and duplicate ids ---------------------------------------------------------------------


def test_unknown_slide_ids_and_use_of_a_missing_id(story, write, diags_of):
    path = write("funders.yaml", """\
        extends: story.yaml
        slides:
          - title
          - babies-sufering
          - use: need-40
            text: x
          - nothing-like-any-id-here
        """)
    diags = diags_of(path)
    assert [(d.code, d.where) for d in diags] == [
        ("unknown-slide", Loc("funders.yaml", 4, 5)),
        ("unknown-slide", Loc("funders.yaml", 5, 10)),
        ("unknown-slide", Loc("funders.yaml", 7, 5)),
    ]
    assert diags[0].message == "no slide has the id 'babies-sufering'"
    assert diags[0].hint == "did you mean 'babies-suffering'?"
    assert diags[1].hint == "did you mean 'need-400'?"
    assert diags[2].hint == "expected one of: babies-suffering, need-400, thanks, title, today"


def test_a_story_cannot_pick_slides_by_id(write, diags_of, one):
    path = write("story.yaml", "deck: {title: T}\nslides:\n  - {id: a, layout: section, title: A}\n  - a\n")
    diag = one(diags_of(path), "unknown-slide")
    assert diag.where == Loc("story.yaml", 4, 5) and "layout:" in diag.hint


def test_duplicate_ids_in_a_story(write, diags_of, one):
    path = write("story.yaml", "deck: {title: T}\nslides:\n  - {id: a, layout: section, title: A}\n"
                 "  - {id: a, layout: section, title: B}\n")
    diag = one(diags_of(path), "duplicate-id")
    assert diag.where == Loc("story.yaml", 4, 10)
    assert "story.yaml:3:10" in diag.message and "use: <id>" in diag.hint


def test_an_audience_may_not_redefine_a_story_id(story, write, diags_of, one):
    path = write("funders.yaml", "extends: story.yaml\nslides:\n  - {id: today, layout: section, title: X}\n")
    diag = one(diags_of(path), "duplicate-id")
    assert diag.where == Loc("funders.yaml", 3, 10) and "story.yaml:10:9" in diag.message


def test_picking_a_slide_twice_is_an_error_with_the_way_to_repeat_it(story, write, diags_of, one):
    path = write("funders.yaml", "extends: story.yaml\nslides:\n  - today\n  - thanks\n  - use: today\n")
    diag = one(diags_of(path), "duplicate-id")
    assert diag.where == Loc("funders.yaml", 5, 5)
    assert diag.message == "the slide 'today' is listed twice (first at line 3)"
    assert "'- use: today' with 'id: today-again'" in diag.hint


def test_numeric_ids_work_as_written(write, resolved):
    write("story.yaml", "deck: {title: T}\nslides:\n  - {id: 2024, layout: section, title: A}\n"
          "  - {id: 007, layout: section, title: B}\n")
    write("funders.yaml", "extends: story.yaml\nslides: [007, {use: 2024, title: C}]\n")
    deck = resolved(Path("funders.yaml"))
    assert ids(deck) == ["007", "2024"] and slide(deck, "2024")["title"] == "C"


# --- extends ----------------------------------------------------------------------------------------


def test_a_cycle_is_named_file_by_file(write, diags_of, one):
    write("a.yaml", "extends: b.yaml\n")
    write("b.yaml", "audience: b\nextends: c.yaml\n")
    write("c.yaml", "extends: a.yaml\n")
    diag = one(diags_of(Path("a.yaml")), "extends-cycle")
    assert diag.where == Loc("c.yaml", 1, 10)
    assert diag.message == "extends goes round in a circle: a.yaml → b.yaml → c.yaml → a.yaml"
    assert "extends nothing" in diag.hint


def test_an_outline_extending_itself(write, diags_of, one):
    write("a.yaml", "extends: ./a.yaml\n")
    assert one(diags_of(Path("a.yaml")), "extends-cycle").where == Loc("a.yaml", 1, 10)


def test_a_chain_within_the_limit_resolves(story, write, resolved):
    previous = "story.yaml"
    for i in range(1, MAX_CHAIN):
        write(f"level{i}.yaml", f"extends: {previous}\ndeck: {{subtitle: Level {i}}}\n")
        previous = f"level{i}.yaml"
    deck = resolved(Path(previous))
    assert deck.deck["subtitle"] == f"Level {MAX_CHAIN - 1}" and len(deck.files) == MAX_CHAIN
    assert ids(deck) == ["title", "today", "babies-suffering", "need-400", "thanks"]


def test_a_chain_of_20_is_refused_with_a_clear_error(story, write, diags_of, one):
    previous = "story.yaml"
    for i in range(1, 21):
        write(f"level{i:02}.yaml", f"extends: {previous}\n")
        previous = f"level{i:02}.yaml"
    diag = one(diags_of(Path(previous)), "extends-too-deep")
    assert diag.where == Loc(f"level{20 - MAX_CHAIN + 1:02}.yaml", 1, 10)
    assert str(MAX_CHAIN) in diag.message and "extend the story" in diag.hint


def test_an_extends_target_that_does_not_exist(write, diags_of, one):
    write("funders.yaml", "audience: funders\nextends: stroy.yaml\n")
    diag = one(diags_of(Path("funders.yaml")), "file-not-found")
    assert diag.where == Loc("funders.yaml", 2, 10) and "stroy.yaml" in diag.message
    assert "relative to the outline" in diag.hint


def test_an_extends_target_that_is_a_folder_or_not_text(write, tmp_path, diags_of, one):
    (tmp_path / "decks").mkdir()
    write("a.yaml", "extends: decks\n")
    write("b.yaml", "extends: [story.yaml]\n")
    assert one(diags_of(Path("a.yaml")), "not-a-file").where == Loc("a.yaml", 1, 10)
    assert one(diags_of(Path("b.yaml")), "wrong-type").where == Loc("b.yaml", 1, 10)


def test_errors_in_the_story_are_reported_with_the_storys_lines(write, diags_of):
    write("story.yaml", "deck: {title: T, date: 2023-13-01}\nslides:\n  - {id: a, layout: sectoin, title: A}\n")
    path = write("funders.yaml", "extends: story.yaml\n")
    diags = diags_of(path)
    assert [(d.code, d.where.file, d.where.line) for d in diags] == [
        ("bad-date", "story.yaml", 1), ("bad-choice", "story.yaml", 3)]


def test_the_extends_target_with_broken_yaml(write, diags_of, one):
    write("story.yaml", "deck:\n  title: T\n   bad: x\n")
    diag = one(diags_of(write("funders.yaml", "extends: story.yaml\n")), "yaml-syntax")
    assert (diag.where.file, diag.where.line) == ("story.yaml", 3)


# --- deck facts merge -------------------------------------------------------------------------------


def test_deck_fields_merge_deeply(story, write, resolved):
    deck = resolved(write("politicians.yaml", """\
        extends: story.yaml
        deck:
          subtitle: Babies can't wait
          presenter: {role: Chief Executive}
        """)).deck
    assert deck["title"] == "Specialised Parent-Infant Relationship Teams"
    assert deck["subtitle"] == "Babies can't wait"
    assert deck["presenter"] == {"name": "Keith Reed", "role": "Chief Executive", "handle": "@CampaignsKeith"}
    assert deck.at("subtitle") == Loc("politicians.yaml", 3, 13)
    assert deck.at("title") == Loc("story.yaml", 2, 10)


def test_a_presenter_shorthand_merges_with_a_mapping(write, resolved):
    write("story.yaml", "deck: {title: T, presenter: Keith Reed}\nslides: [{layout: section, title: A}]\n")
    deck = resolved(write("funders.yaml", "extends: story.yaml\ndeck: {presenter: {role: CEO}}\n")).deck
    assert deck["presenter"] == {"name": "Keith Reed", "role": "CEO"}


def test_an_audience_deck_is_not_a_complete_deck(story, write, diags_of):
    # neither 'title' nor presenter 'name' is required of an audience outline's deck
    path = write("funders.yaml", "extends: story.yaml\ndeck: {presenter: {handle: '@x'}}\n")
    assert diags_of(path) == []


def test_a_bad_deck_fact_in_an_audience_is_reported_there(story, write, diags_of):
    path = write("funders.yaml", "extends: story.yaml\ndeck:\n  date: 2023-02-30\n  use: charity\n"
                 "  presentr: {role: CEO}\n")
    diags = diags_of(path)
    assert [(d.code, d.where) for d in diags] == [
        ("bad-date", Loc("funders.yaml", 3, 9)),
        ("bad-choice", Loc("funders.yaml", 4, 8)),
        ("unknown-field", Loc("funders.yaml", 5, 3)),
    ]
    assert diags[2].hint == "did you mean 'presenter'?"


def test_a_deck_that_is_not_a_mapping_is_one_error(write, diags_of, one):
    diag = one(diags_of(write("story.yaml", "deck: My talk\nslides: [{layout: section, title: A}]\n")))
    assert (diag.code, diag.where) == ("wrong-type", Loc("story.yaml", 1, 7))


def test_a_story_without_a_title(write, diags_of, one):
    diag = one(diags_of(write("story.yaml", "slides: [{layout: section, title: A}]\n")))
    assert (diag.code, diag.where.file, diag.path) == ("missing-field", "story.yaml", "deck.title")


def test_theme_paths_are_relative_to_the_file_that_names_them(write, tmp_path, monkeypatch):
    write("assets/brand/theme.yaml", "name: Brand\ncolors: {primary: '#0F5C63'}\n")
    write("decks/hope/other.yaml", "name: Other\ncolors: {primary: '#7A2E5C'}\n")
    write("decks/hope/story.yaml", "deck: {title: T, theme: ../../assets/brand/theme.yaml}\n"
          "slides: [{layout: section, title: A}]\n")
    write("decks/hope/funders.yaml", "extends: story.yaml\n")
    write("decks/hope/local/politicians.yaml", "extends: ../story.yaml\ndeck: {theme: ../other.yaml}\n")
    for cwd in (tmp_path, tmp_path / "decks"):
        monkeypatch.chdir(cwd)
        funders = _resolve(tmp_path / "decks/hope/funders.yaml")
        politicians = _resolve(tmp_path / "decks/hope/local/politicians.yaml")
        assert load_theme(funders.deck["theme"], funders.deck.at("theme"), Diagnostics()).name == "Brand"
        assert load_theme(politicians.deck["theme"], None, Diagnostics()).name == "Other"
    assert funders.deck.at("theme").file == "hope/story.yaml"


def _resolve(path: Path):
    diags = Diagnostics()
    deck = resolve(path, diags)
    assert not diags.has_errors, [str(d) for d in diags]
    return deck


def test_the_image_register_path_is_relative_to_the_outline_too(write, resolved):
    write("decks/hope/story.yaml", "deck: {title: T, images: ../../assets/images.yaml}\n"
          "slides: [{layout: section, title: A}]\n")
    assert resolved(Path("decks/hope/story.yaml")).deck["images"] == "assets/images.yaml"


def test_builtin_theme_names_are_not_paths(story, write, resolved):
    write("story.yaml", "deck: {title: T, theme: hope}\nslides: [{layout: section, title: A}]\n")
    assert resolved(write("funders.yaml", "extends: story.yaml\n")).deck["theme"] == "hope"


# --- hidden -------------------------------------------------------------------------------------------


def test_hidden_slides_are_left_out_but_still_checked(write, resolved, diags_of, one):
    write("story.yaml", "deck: {title: T}\nslides:\n  - {id: a, layout: section, title: A}\n"
          "  - {id: b, layout: section, title: B, hidden: true}\n")
    assert ids(resolved(Path("story.yaml"))) == ["a"]
    write("broken.yaml", "deck: {title: T}\nslides:\n  - {id: a, layout: section, title: A}\n"
          "  - {id: b, layout: section, titel: B, hidden: true}\n")
    assert one(diags_of(Path("broken.yaml"))).code == "unknown-field"


def test_an_audience_can_show_a_hidden_slide_or_hide_one(write, resolved):
    write("story.yaml", "deck: {title: T}\nslides:\n  - {id: a, layout: section, title: A}\n"
          "  - {id: b, layout: section, title: B, hidden: true}\n")
    deck = resolved(write("funders.yaml", "extends: story.yaml\nslides:\n  - {use: a, hidden: true}\n"
                          "  - {use: b, hidden: false}\n"))
    assert ids(deck) == ["b"]


def test_hidden_yes_is_not_hidden(write, diags_of, one):
    path = write("story.yaml", "deck: {title: T}\nslides:\n  - {id: a, layout: section, title: A, hidden: yes}\n")
    diag = one(diags_of(path), "wrong-type")
    assert diag.where == Loc("story.yaml", 3, 48) and "true or false" in diag.hint


@pytest.mark.parametrize("slides, words", [
    ("[]", "the deck has no slides"),
    ("[{layout: section, title: A, hidden: true}]", "every slide is hidden or left out"),
    ("[{layout: section, title: A, only: [x]}]", "every slide is hidden or left out"),
])
def test_a_deck_with_no_slides(write, diags_of, one, slides, words):
    diag = one(diags_of(write("story.yaml", f"deck: {{title: T}}\nslides: {slides}\n")), "no-slides")
    assert diag.where == Loc("story.yaml", 2, 9) and words in diag.message and diag.hint


def test_a_deck_without_a_slides_key(write, diags_of, one):
    diag = one(diags_of(write("story.yaml", "deck: {title: T}\n")), "no-slides")
    assert diag.where.file == "story.yaml" and "slides:" in diag.hint


# --- the top level and all errors in one run -----------------------------------------------------------


def test_a_misspelt_top_level_key(write, diags_of):
    path = write("story.yaml", "deck: {title: T}\nslide:\n  - {layout: section, title: A}\n")
    diags = diags_of(path)
    assert (diags[0].code, diags[0].where, diags[0].hint) == (
        "unknown-field", Loc("story.yaml", 2, 1), "did you mean 'slides'?")


def test_an_outline_that_is_a_list(write, diags_of, one):
    diag = one(diags_of(write("story.yaml", "- title\n- today\n")))
    assert (diag.code, diag.where) == ("wrong-type", Loc("story.yaml", 1, 1))


def test_three_mistakes_give_three_diagnostics(story, write, diags_of):
    path = write("funders.yaml", """\
        extends: story.yaml
        slides:
          - title
          - babies-sufering
          - use: today
            only: [funderz]
          - id: extra
            layout: statement
            txt: Hello
        """)
    diags = sorted(diags_of(path), key=lambda d: d.where)
    assert [(d.code, d.where.line) for d in diags] == [
        ("unknown-slide", 4), ("unknown-audience", 6), ("unknown-field", 9)]
    assert all(d.where.file == "funders.yaml" and d.hint for d in diags)


# --- any outline at all: a deck or diagnostics with a place and a hint, never another exception ---------------

KEYS = sorted({f for name in LAYOUTS for f in slide_fields(name)} | {"value", "label", "heading", "done", "use"})
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(), st.sampled_from(
    ["a", "funders", "", "bullets", "#123456", "2023-01-01", *LAYOUTS]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)), max_leaves=8)
SLIDES = st.lists(st.one_of(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5), SCALARS), max_size=3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(story_slides=SLIDES, audience_slides=SLIDES, deck=st.dictionaries(
    st.sampled_from(["presenter", "date", "use", "credits", "x"]), VALUES, max_size=3))
def test_any_outline_resolves_or_gives_located_diagnostics(tmp_path, story_slides, audience_slides, deck):
    (tmp_path / "story.yaml").write_text(yaml.safe_dump({"deck": {"title": "T", **deck}, "slides": story_slides}))
    (tmp_path / "funders.yaml").write_text(yaml.safe_dump({"extends": "story.yaml", "slides": audience_slides}))
    for name in ("story.yaml", "funders.yaml"):
        diags = Diagnostics()
        try:
            resolve(tmp_path / name, diags)
        except BuildError as exc:
            diags.extend(exc.diagnostics)
        for diag in diags:
            assert diag.where and diag.where.line >= 1 and diag.hint, str(diag)
