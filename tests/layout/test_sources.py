"""Every paragraph that shows an outline field says which (Para.source): the text it shows is that field's, so
edits made in PowerPoint can be mapped back to the outline."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from deckbuilder.api import Options, build
from deckbuilder.layout.ir import Table, TextBox

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def results() -> list:
    found = build([ROOT / "decks" / "story-of-hope", ROOT / "decks" / "gallery.yaml", HERE / "awkward.yaml",
                   HERE / "stress.yaml", HERE / "limits.yaml"], Options(write=False))
    assert all(r.ok for r in found), [str(d) for r in found for d in r.diagnostics.errors]
    return found


def field_at(deck, slide, path: tuple):
    value = deck.deck if path[0] == "deck" else slide.data
    for step in path[1:] if path[0] == "deck" else path:
        value = value[step]
    return value


def shown_fields(result) -> dict:
    """(slide id, source) -> (form, the texts of every paragraph showing it, in order)."""
    shown: dict = defaultdict(lambda: ["", []])
    for plan in result.plan.slides:
        for shape in plan.shapes:
            cells = [cell.paras for row in shape.rows for cell in row] if isinstance(shape, Table) else []
            for para in [*(shape.paras if isinstance(shape, TextBox) else ()), *(p for c in cells for p in c)]:
                if para.source:
                    shown[(plan.id, para.source)][0] = para.form
                    shown[(plan.id, para.source)][1].append(para.text)
    return shown


def test_each_paragraph_shows_the_field_it_names(results):
    for result in results:
        slides = {s.id: s for s in result.deck.slides}
        for (slide_id, source), (form, texts) in shown_fields(result).items():
            want = " ".join(form.format(field_at(result.deck, slides[slide_id], source)).split())
            joined = " ".join(" ".join(t for t in texts if t).split())
            assert joined == want or all(t == want for t in texts), (result.name, slide_id, source, texts, want)


def test_the_words_people_write_are_mapped_to_their_fields(results):
    """Titles, points, values, labels, quotes and notes-worthy text: everything but what the deck composes from
    several fields (authors, a post's handle and date, the presenter line) says where it comes from."""
    composed = {"authors", "handle", "date", "journal", "url", "presenter", "event"}
    for result in results:
        shown = {(slide_id, source) for slide_id, source in shown_fields(result)}
        for slide in result.deck.slides:
            for path in _text_fields(slide.data):
                post_kicker = slide.layout == "post" and path == ("heading",)  # "heading: author"
                pictured = path[0] == "logos" and slide.data["logos"][path[1]].get("image")  # shown by its logo
                if not composed & set(path) and path[0] not in ("chart", "notes") and not post_kicker and not pictured:
                    assert (slide.id, path) in shown, (result.name, slide.id, path)


def _text_fields(data, path: tuple = ()):
    skip = {"id", "layout", "only", "except", "hidden", "numbered", "done", "side", "highlight", "image"}
    if isinstance(data, str):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                yield from _text_fields(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _text_fields(value, (*path, i))
