"""A build that fails at any stage, or is interrupted, leaves no new file and the older deck as it was."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from deckbuilder.api import Options, build
from deckbuilder.render.package import write_atomic

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "decks", tmp_path / "decks")
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    (tmp_path / "pyproject.toml").write_text("")
    return tmp_path


def story(project: Path) -> Path:
    return project / "decks" / "story-of-hope" / "story.yaml"


def breaks(project: Path, stage: str) -> None:
    """Break the outline (or its world) so that the build fails at `stage`."""
    path = story(project)
    text = path.read_text()
    if stage == "loading":
        path.write_text(text.replace("slides:\n", "slides: [\n", 1))
    elif stage == "audience":
        (project / "decks" / "story-of-hope" / "funders.yaml").write_text(
            (project / "decks" / "story-of-hope" / "funders.yaml").read_text().replace("- partners", "- partnerz"))
    elif stage == "assets":
        (project / "assets" / "photos" / "balloons.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    elif stage == "layout":
        path.write_text(text.replace("text: Thank you\n", "text: " + "Thank you very much indeed " * 12 + "\n"))
    elif stage == "checks":  # a NonCommercial picture in a fundraising deck
        funders = project / "decks" / "story-of-hope" / "funders.yaml"
        funders.write_text(funders.read_text().replace("  - partners\n", "  - partners\n  - why-not-babies\n"))


@pytest.mark.parametrize("stage", ["loading", "audience", "assets", "layout", "checks"])
def test_a_build_failing_at_any_stage_changes_nothing(project, stage):
    out = project / "out"
    (good,) = build([project / "decks" / "story-of-hope" / "funders.yaml"], Options(out=out))
    assert good.ok
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    breaks(project, stage)
    (bad,) = build([project / "decks" / "story-of-hope" / "funders.yaml"], Options(out=out))
    assert not bad.ok and bad.output is None, stage
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_an_unwritable_output_is_a_diagnostic_not_a_crash(project):
    blocker = project / "out"
    blocker.write_text("a file where the output folder should be")
    (result,) = build([project / "decks" / "story-of-hope" / "funders.yaml"], Options(out=blocker))
    assert [d.code for d in result.diagnostics.errors] == ["write-failed"] and result.output is None


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the old deck")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"the new deck")
    assert target.read_bytes() == b"the old deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]
