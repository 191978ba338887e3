"""A copy of the project to build, edit and pull in (the current folder), and its files as they were."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "decks", root / "decks")
    shutil.copytree(ROOT / "assets", root / "assets")
    (root / "pyproject.toml").write_text("")
    monkeypatch.chdir(root)
    return root
