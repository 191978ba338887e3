"""Layouts at their limits and the stress deck: everything fits, shrinks or continues; nothing overflows."""
from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.api import Options, build
from deckbuilder.checks.render import check_rendered
from tests.layout.invariants import check_invariants
from tests.words import missing

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("limits")
    results = build([HERE / "limits.yaml", HERE / "stress.yaml"], Options(out=out))
    for result in results:
        assert result.ok, [str(d) for d in result.diagnostics]
    return {r.name: r for r in results}


def slides_of(result, slide_id: str) -> list:
    return [s for s in result.plan.slides if s.id == slide_id]


def test_the_plans_keep_every_invariant(decks):
    check_invariants({name: r.plan for name, r in decks.items()})


def test_every_word_written_is_in_the_decks(decks):
    for name, result in decks.items():
        assert missing(result.deck.slides, result.output) == [], name


def test_twenty_five_bullets_continue_on_balanced_slides_at_one_size(decks):
    pages = slides_of(decks["stress"], "twenty-five")
    assert len(pages) >= 3
    counts = [sum(1 for p in body.paras if p.bullet) for body in (_body(s) for s in pages)]
    assert sum(counts) == 25 and max(counts) - min(counts) <= 1
    sizes = {p.size for s in pages for p in _body(s).paras}
    assert len(sizes) == 1 and sizes.pop() >= 20
    assert [s.title for s in pages][:2] == ["Twenty-five points", "Twenty-five points (cont.)"]
    texts = [p.text for s in pages for p in _body(s).paras]
    assert texts[0] == "Point one about babies" and texts[-1] == "Point twenty-five about hope"


def test_numbering_and_notes_continue_correctly(decks):
    pages = slides_of(decks["stress"], "twenty-five")
    assert pages[0].notes == "" and all(s.parts == len(pages) for s in pages)


def test_a_long_paragraph_keeps_every_word(decks):
    pages = slides_of(decks["stress"], "paragraph")
    words = " ".join(p.text for s in pages for p in _body(s).paras).split()
    assert len(words) == 150
    assert all(p.size >= 18 for s in pages for p in _body(s).paras)


def test_a_ninety_character_word_is_kept_whole_in_the_text(decks):
    (slide,) = slides_of(decks["stress"], "long-word")
    assert any(len(p.text) == 90 for p in _body(slide).paras)


def test_a_twenty_word_title_wraps_within_its_limits(decks):
    (slide,) = slides_of(decks["stress"], "long-title")
    title = next(s for s in slide.shapes if getattr(s, "role", "") == "title")
    assert title.paras[0].size >= 28 and len(title.paras[0].text.split()) == 20


def test_four_stats_share_one_size(decks):
    (slide,) = slides_of(decks["limits"], "four-stats")
    values = [s for s in slide.shapes if s.name == "Stat value"]
    assert len(values) == 4 and len({v.paras[0].size for v in values}) == 1


def test_six_steps_take_two_rows(decks):
    (slide,) = slides_of(decks["limits"], "six-steps")
    rows = {s.box.y for s in slide.shapes if s.name == "Step dot"}
    assert len(rows) == 2


def test_sixteen_logos_make_a_four_by_four_grid(decks):
    (slide,) = slides_of(decks["limits"], "sixteen-logos")
    tiles = [s for s in slide.shapes if s.name == "Tile"]
    assert len(tiles) == 16 and len({t.box.x for t in tiles}) == 4 and len({t.box.y for t in tiles}) == 4


def test_nine_authors_are_all_named_or_shortened_with_a_note(decks):
    (slide,) = slides_of(decks["limits"], "nine-authors")
    citation = next(s for s in slide.shapes if s.name == "Citation").paras[0].text
    assert "Author Nine" in citation or citation.endswith("et al.")


def test_twelve_categories_make_a_native_chart(decks):
    (slide,) = slides_of(decks["limits"], "twelve-categories")
    chart = next(s for s in slide.shapes if s.name == "Chart")
    assert len(chart.categories) == 12 and chart.size >= 12


@pytest.mark.soffice
@pytest.mark.parametrize("name", ["limits", "stress"])
def test_libreoffice_shows_no_overflow(decks, name, tmp_path):
    assert [str(d) for d in check_rendered(decks[name].output, tmp_path)] == []


def _body(slide):
    return next(s for s in slide.shapes if s.name in ("Bullets", "Text"))
