"""The real-deck corpus through import and rebuild: no crash, no refusal, and the issue's figures met."""
from __future__ import annotations

import pytest

from tests.importer.corpus import CORPUS, TARGETS, measure, summary

DECKS = sorted(CORPUS.glob("*.pptx")) if CORPUS.is_dir() else []
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not DECKS, reason=f"the real-deck corpus is not at {CORPUS}")]


@pytest.fixture(scope="module")
def measures(tmp_path_factory) -> list:
    work = tmp_path_factory.mktemp("corpus")
    return [measure(deck, work) for deck in DECKS]


def test_every_deck_imports_and_builds_as_imported_and_once_its_credits_are_filled(measures):
    assert [(m.name, m.problem) for m in measures if m.problem] == []
    assert [m.name for m in measures if not m.draft_ok] == []
    assert [m.name for m in measures if not m.filled_ok] == []


def test_the_corpus_keeps_the_words_pictures_and_slide_count_the_issue_asks_for(measures):
    figures = summary(measures)
    assert figures["median words"] >= TARGETS["median words"], figures
    assert figures["minimum words"] >= TARGETS["minimum words"], figures
    assert figures["median on slides"] >= TARGETS["median on slides"], figures
    assert figures["pictures"] >= TARGETS["pictures"], figures
    assert figures["slides ratio"] <= TARGETS["slides ratio"], figures
