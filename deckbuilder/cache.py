"""Where builds keep measured widths and prepared images: the user's cache folder, one subfolder per project."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

ENV = "DECKBUILDER_CACHE"  # moves the cache (every project's) somewhere else
PROJECT_MARKERS = ("decks", "assets")  # a folder holding one of these is a project's root


def root(base: Path | None = None) -> Path:
    """The folder holding every project's cache: `base` if given, else $DECKBUILDER_CACHE, else the platform's
    user cache folder."""
    if base:
        return base.expanduser()
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    import platformdirs  # the right place on Linux, macOS and Windows, honouring XDG_CACHE_HOME

    return Path(platformdirs.user_cache_dir("deckbuilder", appauthor=False))


def project_of(path: Path) -> Path:
    """The project a path belongs to: the nearest folder above it holding decks/ or assets/, else its folder."""
    start = path.resolve()
    start = start if start.is_dir() else start.parent
    for folder in (start, *start.parents):
        if any((folder / marker).is_dir() for marker in PROJECT_MARKERS):
            return folder
    return start


def folder_for(path: Path, base: Path | None = None) -> Path:
    """The cache folder of the project `path` belongs to: <root>/<project name>-<hash of its path>."""
    project = project_of(path)
    key = hashlib.sha256(str(project).encode("utf-8")).hexdigest()[:12]
    return root(base) / f"{project.name or 'root'}-{key}"


def clear(folder: Path) -> int:
    """Delete a cache folder; the number of files it held."""
    if not folder.is_dir():
        return 0
    count = sum(1 for p in folder.rglob("*") if p.is_file())
    shutil.rmtree(folder)
    return count
