"""Line-break agreement: the text model against LibreOffice, box by box, over a corpus of fonts, sizes and scripts."""
from __future__ import annotations

import pytest

from deckbuilder.layout.ir import Box, inches
from deckbuilder.layout.text import Measurer
from tests.checks.linebreaks import FONTS, SLIDE_H, SLIDE_W, TEXTS, Result, agreement, corpus, corpus_plan, report


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> Result:
    return agreement(tmp_path_factory.mktemp("linebreaks"))


def test_corpus_is_broad() -> None:
    cases = corpus(Measurer())
    assert len(cases) >= 120
    assert {c.font for c in cases} == set(FONTS)
    assert min(c.size for c in cases) <= 14 and max(c.size for c in cases) >= 60
    assert min(c.width for c in cases) <= inches(1.5) and max(c.width for c in cases) >= inches(12)
    assert {label for label, _ in TEXTS} <= {c.label for c in cases}


def test_corpus_fits_its_slides() -> None:
    measurer = Measurer()
    slide = Box(0, 0, SLIDE_W, SLIDE_H)
    for plan in corpus_plan(corpus(measurer), measurer).slides:
        boxes = [s.box for s in plan.shapes]
        assert all(b.inside(slide) for b in boxes)
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


@pytest.mark.soffice
def test_model_without_slack_agrees_with_libreoffice(result: Result) -> None:
    print("\n" + report(result))
    same = sum(r.model == r.rendered for r in result.rows)
    assert same / len(result.rows) >= 0.98, report(result)


@pytest.mark.soffice
def test_model_with_slack_never_needs_fewer_lines(result: Result) -> None:
    assert not [r for r in result.rows if r.model_slack < r.rendered], report(result)


@pytest.mark.soffice
def test_corpus_deck_passes_the_render_check(result: Result) -> None:
    assert all(r.rendered >= 1 for r in result.rows)
    assert result.findings == [], report(result)
