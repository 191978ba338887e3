"""DeckPlan invariants on the sample decks: boxes inside the slide and margins, no stray overlaps, text that fits."""
from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.api import Options, build
from tests.layout import invariants

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plans() -> dict:
    results = build([ROOT / "decks" / "story-of-hope", ROOT / "decks" / "gallery.yaml"], Options(write=False))
    assert all(r.ok for r in results), [str(d) for r in results for d in r.diagnostics]
    return {r.name: r.plan for r in results}


@pytest.mark.parametrize("check", ["every_box_is_inside_the_slide", "text_stays_inside_the_side_margins",
                                   "text_stays_above_the_footer", "text_boxes_do_not_overlap_each_other_or_pictures",
                                   "every_text_fits_its_frame_by_measurement",
                                   "every_run_has_an_explicit_size_within_the_floors", "every_slide_has_one_title",
                                   "slides_share_one_grid"])
def test_the_sample_decks_keep_the_invariant(plans, check):
    getattr(invariants, check)(plans)
