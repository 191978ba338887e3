"""Decks deckbuilder built, imported and rebuilt: the same slide titles, the same words on every slide and in its
notes, the same pictures and credits (the credits slide is written again from the register)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from deckbuilder.api import Options, build
from deckbuilder.importer import import_deck
from tests.importer.compare import rebuild, rebuilt_by_id, slide_words, survival

ROOT = Path(__file__).resolve().parents[2]
DECKS = {"politicians": ROOT / "decks" / "story-of-hope" / "politicians.yaml",
         "gallery": ROOT / "decks" / "gallery.yaml"}


@pytest.fixture(scope="module", params=sorted(DECKS))
def round_trip(request, tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp(request.param)
    (original,) = build([DECKS[request.param]], Options(out=work / "original"))
    assert original.ok
    project = work / "project"
    (project / "decks").mkdir(parents=True)
    report = import_deck(original.output, project / "decks" / "imported")
    result = rebuild(project / "decks" / "imported" / "story.yaml", work / "rebuilt")  # no TODO is left
    return {"original": original, "report": report, "result": result, "project": project}


def titles(result) -> list[str]:
    """Slide titles as the outline view lists them (credits and '(cont.)' pages aside)."""
    return [s.title for s in result.plan.slides if s.layout != "credits" and s.part == 1]


def test_the_slide_titles_come_back_in_order(round_trip):
    assert titles(round_trip["result"]) == titles(round_trip["original"])


def test_every_slide_has_the_same_words_and_notes(round_trip):
    original, report, result = round_trip["original"], round_trip["report"], round_trip["result"]
    found = survival(original.output, report, result)
    assert found.missing == {} and found.percent == 100.0
    assert report.percent == 100.0 and report.chars_in_notes == 0
    before = list(Presentation(str(original.output)).slides)
    after = rebuilt_by_id(result)
    footers = set(report.footers)
    for record in report.slides:
        if not record.ids:
            continue
        shown = sum((slide_words(s, notes=True) for i in record.ids for s in after[i]), Counter())
        was = slide_words(before[record.number - 1], footers, notes=True)
        assert was - shown == Counter(), record
        # The one word a rebuild may add: a picture the first build cropped is recorded as 'modifications:
        # cropped', and a second crop into a new frame says so again ("cropped, cropped").
        assert set(shown - was) <= {"cropped"}, record


def _works(result) -> dict[str, str]:
    """Each credited work's title -> how its credit ends (the licence part), changes aside."""
    works = {}
    for credit in result.plan.credits:
        title = re.match(r"“([^”]+)”", credit.text).group(1)
        works[title] = re.sub(r"^.*?(?= is | \()", "", credit.text)
    return works


def test_the_credits_slide_is_written_again_from_the_register(round_trip):
    report = round_trip["report"]
    assert report.slides[-1].ids == () and report.slides[-1].title == "Image credits"
    original, rebuilt = _works(round_trip["original"]), _works(round_trip["result"])
    # The rebuilt deck has no theme, so no logo in its corner: the logo is credited only where a slide shows it.
    assert set(original) - set(rebuilt) <= {"Story of hope logo"}
    assert rebuilt == {title: original[title] for title in rebuilt}


def test_the_register_gets_every_credit_fact_back(round_trip):
    register = yaml.safe_load((round_trip["project"] / "assets" / "images.yaml").read_text())
    samples = yaml.safe_load((ROOT / "assets" / "images.yaml").read_text())
    by_title = {e["title"]: e for e in samples.values()}
    for key, entry in register.items():
        sample = by_title[entry["title"]]
        for name in ("alt", "author", "source", "licence"):
            assert entry.get(name) == sample.get(name), (key, name)


def test_the_footer_and_logo_are_named_for_the_theme(round_trip):
    report = round_trip["report"]
    assert list(report.footers) == ["A story of hope · National Network Day"]
    assert report.footers["A story of hope · National Network Day"] >= 10
    assert any("looks like a logo" in a.message and "set `logo: story-of-hope-logo`" in a.message
               for a in report.attention)
