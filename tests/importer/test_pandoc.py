"""Decks pandoc writes from Markdown: imported, rebuilt, and every word and picture found again."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from deckbuilder.api import Options, build
from deckbuilder.importer import import_deck
from tests.importer.compare import fill_todos, picture_hashes, rebuild, rebuilt_pictures, register_hashes, survival

ROOT = Path(__file__).resolve().parents[2]
PHOTO = ROOT / "assets" / "photos" / "held-hands.jpg"
TALK = """\
---
title: Parent-infant relationship teams
subtitle: A story of hope
author: Keith Reed
date: 23 November 2023
---

# Today

## Why babies matter

- The baby blindspot is still there
- New research and learning
    - Interviews with commissioners
    - A study of stakeholder views
- A window of opportunity

::: notes
The baby blindspot is still there, but we have new research and new team members.
:::

## Three parts

1. Feedback from stakeholders and the research in England
2. An urgent, new story of hope and possibility
3. The impact so far

## Held hands

![A baby's small hand resting in a parent's open hand](held-hands.jpg)

::: notes
Why doesn't everyone want to support babies?
:::

## Teams in England

| Teams | Count |
|-------|-------|
| In England today | 39 |
| Needed | 400 |

## What they found and suggested

:::::::::::::: {.columns}
::: {.column width="50%"}
What they found

- Reluctance to engage
- It's not urgent
:::
::: {.column width="50%"}
What they suggested

- Child protection
- Levelling up
:::
::::::::::::::

## We need 400 not 40!
"""

pytestmark = pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict:
    """pandoc's deck, imported into a project; the build refused before the TODOs are filled, then rebuilt."""
    work = tmp_path_factory.mktemp("pandoc")
    (work / "talk.md").write_text(TALK, encoding="utf-8")
    shutil.copy(PHOTO, work / "held-hands.jpg")
    subprocess.run(["pandoc", "-o", "talk.pptx", "talk.md"], cwd=work, check=True, capture_output=True)
    project = work / "project"
    (project / "decks").mkdir(parents=True)
    report = import_deck(work / "talk.pptx", project / "decks" / "talk")
    story = project / "decks" / "talk" / "story.yaml"
    refused = build([story], Options(out=work / "refused"))[0]
    fill_todos(project / "assets" / "images.yaml")
    result = rebuild(story, work / "build")
    return {"deck": work / "talk.pptx", "report": report, "story": yaml.safe_load(story.read_text()),
            "refused": refused, "result": result, "register": project / "assets" / "images.yaml",
            "text": story.read_text()}


def test_the_outline_keeps_the_list_structure_notes_and_layouts(imported):
    story = imported["story"]
    assert story["deck"] == {"title": "Parent-infant relationship teams", "subtitle": "A story of hope",
                             "date": __import__("datetime").date(2023, 11, 23), "presenter": {"name": "Keith Reed"}}
    slides = {s["id"]: s for s in story["slides"]}
    assert [s["layout"] for s in story["slides"]] == ["title", "section", "bullets", "bullets", "image", "table",
                                                      "columns", "statement"]
    assert slides["why-babies-matter"]["bullets"] == [
        "The baby blindspot is still there",
        {"text": "New research and learning",
         "bullets": ["Interviews with commissioners", "A study of stakeholder views"]},
        "A window of opportunity"]
    assert slides["why-babies-matter"]["notes"].startswith("The baby blindspot is still there, but")
    assert slides["three-parts"]["numbered"] is True and len(slides["three-parts"]["bullets"]) == 3
    assert slides["held-hands"]["caption"] == "A baby’s small hand resting in a parent’s open hand"
    assert slides["teams-in-england"]["header"] == ["Teams", "Count"]
    assert slides["teams-in-england"]["rows"] == [["In England today", "39"], ["Needed", "400"]]
    assert slides["what-they-found-and-suggested"]["columns"][1] == {
        "heading": "What they suggested", "bullets": ["Child protection", "Levelling up"]}
    assert slides["we-need-400-not-40"] == {"id": "we-need-400-not-40", "layout": "statement",
                                            "text": "We need 400 not 40!"}


def test_the_picture_is_extracted_once_and_its_unknowns_are_todo(imported):
    report = imported["report"]
    assert report.entries == ["held-hands"] and len(report.pictures) == 1
    assert hashlib.sha256(report.pictures[0].read_bytes()).hexdigest() == \
        hashlib.sha256(PHOTO.read_bytes()).hexdigest()
    assert set(report.todo["held-hands"]) == {"alt", "author", "source", "licence"}  # pandoc's alt is a file name
    todo = {d.path for d in imported["refused"].diagnostics if d.code == "todo"}
    assert todo == {"held-hands.alt", "held-hands.author", "held-hands.source", "held-hands.licence"}
    assert imported["refused"].output is None


def test_every_word_of_every_slide_comes_back_after_the_rebuild(imported):
    found = survival(imported["deck"], imported["report"], imported["result"])
    assert found.missing == {}
    assert found.percent == 100.0
    assert imported["report"].percent == 100.0


def test_the_picture_is_on_the_rebuilt_slide(imported):
    report, result = imported["report"], imported["result"]
    hashes = picture_hashes(imported["deck"])
    stored = register_hashes(imported["register"])
    for record in report.slides:
        for digest in hashes[record.number - 1]:
            assert digest in stored
        assert len(rebuilt_pictures(result, record.ids)) >= len(hashes[record.number - 1])


def test_the_summary_puts_what_needs_attention_first(imported):
    text = imported["report"].summary()
    assert text.startswith("What needs attention")
    assert "slide 5 \"Held hands\": picture 'held-hands': alt, author, source, licence still TODO" in text
    assert "Compared with a draft build of the outline: 100.0 % of the original's words (slides and notes) are in " \
           "it, 100.0 % of the slides' words still on slides; 1 of 1 picture(s) shown." in text
    assert text.index("What needs attention") < text.index("Imported talk.pptx")
