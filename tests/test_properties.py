"""Property-based: any outline, valid or not, ends in a deck or in diagnostics, never in an exception."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckbuilder.api import Options, build_one
from deckbuilder.codes import codes
from deckbuilder.layout.text import Measurer
from deckbuilder.model.layouts import LAYOUTS

pytestmark = pytest.mark.slow

MEASURER = Measurer()
WORDS = st.text(alphabet=st.sampled_from(list("abcdefghij klmnop ŵąłéü 0123456789%£,.!?-'\"")), min_size=0,
                max_size=60)
ANY = st.one_of(WORDS, st.integers(-5, 10_000), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                st.none(), st.lists(WORDS, max_size=4))


def items(kind):
    return st.lists(kind, min_size=0, max_size=8)


FIELDS = {
    "title": WORDS, "text": WORDS, "subtitle": WORDS, "by": WORDS, "role": WORDS, "caption": WORDS,
    "bullets": items(st.one_of(WORDS, st.fixed_dictionaries({"text": WORDS}, optional={"bullets": items(WORDS)}))),
    "numbered": st.booleans(), "highlight": WORDS, "notes": WORDS, "source": WORDS,
    "stats": items(st.fixed_dictionaries({"value": WORDS, "label": WORDS})),
    "columns": items(st.fixed_dictionaries({"heading": WORDS, "bullets": items(WORDS)})),
    "steps": items(st.one_of(WORDS, st.fixed_dictionaries({"title": WORDS}, optional={"text": WORDS}))),
    "items": items(st.one_of(WORDS, st.fixed_dictionaries({"text": WORDS, "done": st.booleans()}))),
    "logos": items(WORDS), "authors": items(WORDS), "journal": WORDS, "date": WORDS, "author": WORDS,
    "handle": WORDS, "points": items(WORDS), "contact": WORDS,
    "chart": st.fixed_dictionaries({
        "type": st.sampled_from(["bar", "column", "pie", "doughnut", "line", "radar"]),
        "categories": items(WORDS),
        "series": items(st.fixed_dictionaries({"name": WORDS, "values": items(st.one_of(
            st.integers(-50, 500), st.floats(-10, 1e6, allow_nan=False), WORDS))})),
    }),
}


TEXT = st.text(alphabet=st.sampled_from(list("abcdefghij klmnop ŵąłéü 0123456789%£,.!?-'")), min_size=1,
               max_size=70).filter(lambda t: any(c.isalnum() for c in t))


def some(kind, low: int, high: int):
    return st.lists(kind, min_size=low, max_size=high)


@st.composite
def chart(draw):
    categories = draw(some(TEXT, 1, 12))
    kind = draw(st.sampled_from(["bar", "column", "pie", "doughnut", "line"]))
    count = 1 if kind in ("pie", "doughnut") else draw(st.integers(1, 3))
    series = [{"name": draw(TEXT), "values": draw(some(st.integers(0, 1000), len(categories), len(categories)))}
              for _ in range(count)]
    return {"type": kind, "categories": categories, "series": series}


@st.composite
def table(draw):
    width = draw(st.integers(1, 6))
    return draw(some(some(st.one_of(TEXT, st.integers(0, 10**6)), width, width), 1, 14))


VALID = {  # what each layout's required fields take, valid
    "title": TEXT, "text": TEXT, "by": TEXT, "author": TEXT, "bullets": some(TEXT, 1, 9),
    "stats": some(st.fixed_dictionaries({"value": st.from_regex(r"[0-9]{1,5}%?", fullmatch=True),
                                         "label": TEXT}), 1, 4),
    "columns": some(st.fixed_dictionaries({"heading": TEXT, "bullets": some(TEXT, 1, 4)}), 2, 3),
    "steps": some(TEXT, 2, 6), "items": some(TEXT, 1, 8), "logos": some(TEXT, 1, 16),
    "authors": some(TEXT, 1, 9), "chart": chart(), "rows": table(),
}


PICTURELESS = [name for name in LAYOUTS if name not in ("credits", "image", "image-text", "pictures")]  # no register


@st.composite
def slides(draw):
    """A slide of any layout with its required fields, sometimes with optional ones, sometimes broken."""
    layout = draw(st.sampled_from(PICTURELESS))
    slide = {"layout": layout}
    for field in LAYOUTS[layout].fields:
        if field.required or (field.name in VALID and draw(st.booleans())):
            slide[field.name] = draw(VALID.get(field.name, TEXT))
    if draw(st.integers(0, 7)) == 0:  # now and then, something wrong: a typo, a wrong type, an empty text
        slide[draw(st.sampled_from([*sorted(FIELDS), "layout", "bulets"]))] = draw(ANY)
    return slide


@st.composite
def outlines(draw):
    deck = {"title": draw(TEXT)}
    if draw(st.booleans()):
        deck["theme"] = draw(st.sampled_from(["default", "hope", "hope", "nope"]))
    if draw(st.booleans()):
        deck["date"] = draw(st.sampled_from(["2023-11-23", "2024-01-15", "2023-02-30"]))
    found = draw(st.lists(slides(), min_size=1, max_size=6))
    return {"deck": deck, "slides": [{"id": f"s{i}", **slide} for i, slide in enumerate(found)]}


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(outline=outlines())
def test_every_outline_ends_in_a_deck_or_in_diagnostics(outline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("outline")
    (folder / "pyproject.toml").write_text("")
    path = folder / "deck.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    result = build_one(path, Options(out=folder / "out", write=False), MEASURER)
    if result.ok:
        with zipfile.ZipFile(io.BytesIO(result.data)) as package:
            slides_written = [n for n in package.namelist() if n.startswith("ppt/slides/slide")]
        assert len(slides_written) == len(result.plan.slides) > 0
    else:
        assert result.diagnostics.errors and all(d.code and d.message for d in result.diagnostics)
        assert result.data is None


def _mutations(text: str) -> st.SearchStrategy:
    return st.tuples(st.integers(0, len(text)), st.sampled_from(["\t", ":", "- ", "{", "]", "'", "\n  ", "#", "&a",
                                                                 "*a", "!!str ", "\x00", "---\n"]))


STORY = (Path(__file__).resolve().parents[1] / "decks" / "story-of-hope" / "story.yaml").read_text(encoding="utf-8")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(_mutations(STORY), min_size=1, max_size=3))
def test_a_damaged_story_is_reported_never_raised(edits, tmp_path_factory):
    text = STORY
    for at, insert in sorted(edits, reverse=True):
        text = text[:at] + insert + text[at:]
    folder = tmp_path_factory.mktemp("damaged")
    (folder / "pyproject.toml").write_text("")
    path = folder / "story.yaml"
    path.write_text(text.replace("theme: ../../assets/brand/theme.yaml", "theme: hope"), encoding="utf-8")
    result = build_one(path, Options(out=folder / "out", write=False), MEASURER)  # the property: it returns
    lines = text.count("\n") + 1
    assert (result.data is not None) == result.ok
    for diag in result.diagnostics:  # every problem is one a person can look up, at a place in the file
        assert diag.code in codes() and diag.message, diag
        if diag.where and diag.where.file.endswith("story.yaml"):
            assert 0 <= diag.where.line <= lines, diag


@st.composite
def valid_outlines(draw):
    """Outlines whose every field is valid: words people write, lists as long as the layouts take."""
    found = []
    for i in range(draw(st.integers(1, 5))):
        layout = draw(st.sampled_from(PICTURELESS))
        slide = {"id": f"s{i}", "layout": layout}
        for field in LAYOUTS[layout].fields:
            if field.required or (field.name in VALID and draw(st.booleans())):
                slide[field.name] = draw(VALID.get(field.name, TEXT))
        found.append(slide)
    return {"deck": {"title": draw(TEXT), "theme": draw(st.sampled_from(["default", "hope"]))}, "slides": found}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(outline=valid_outlines())
def test_a_valid_outline_is_laid_out_never_refused(outline, tmp_path_factory):
    """Adaptive layout: whatever the words, a valid outline is arranged, shrunk or continued, never refused."""
    folder = tmp_path_factory.mktemp("valid")
    (folder / "pyproject.toml").write_text("")
    path = folder / "deck.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    result = build_one(path, Options(out=folder / "out", write=False), MEASURER)
    assert result.ok, [str(d) for d in result.diagnostics.errors]
