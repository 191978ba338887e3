"""Rebuild when a file the build read changes, found by polling modification times and sizes."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .api import Result

INTERVAL = 0.5  # seconds between looks; a change is built once the files have been still for one interval

Stamp = tuple[int, int] | None  # (mtime in ns, size), or None for a missing file


def _stamp(path: Path) -> Stamp:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class Watcher:
    """The files a build read (outlines, theme, register, images) and the outlines of the watched paths."""

    def __init__(self, roots: Iterable[Path], interval: float = INTERVAL):
        self.roots = list(roots)
        self.interval = interval
        self.files: set[Path] = set()
        self.seen = self._look()

    def paths(self) -> set[Path]:
        """Every watched file: the last build's inputs, and the outlines in the watched folders (new ones too)."""
        found = set(self.files)
        for root in self.roots:
            found.update(p.resolve() for p in (root.glob("*.y*ml") if root.is_dir() else [root]))
        return found

    def _look(self) -> dict[Path, Stamp]:
        return {path: _stamp(path) for path in self.paths()}

    def changed(self) -> bool:
        """Whether a watched file was changed, added or removed since the last look."""
        now = self._look()
        if now == self.seen:
            return False
        self.seen = now
        return True

    def follow(self, results: list[Result], before: dict[Path, Stamp]) -> None:
        """Watch what these builds read; files changed since `before` (taken as they started) count as changed.

        A failed build may have stopped before reading everything, so it adds to the files watched."""
        inputs = {path.resolve() for result in results for path in result.inputs}
        self.files = inputs if all(r.ok for r in results) else self.files | inputs
        self.seen = {path: before.get(path, _stamp(path)) for path in self.paths()}

    def run(self, build: Callable[[], list[Result]], stop: Callable[[], bool],
            on_result: Callable[[list[Result]], None]) -> None:
        """Build now and after every change, passing the results to on_result, until stop() is true."""
        while True:
            before = self._look()
            results = build()
            self.follow(results, before)
            on_result(results)
            if not self._settled_change(stop):
                return

    def _settled_change(self, stop: Callable[[], bool]) -> bool:
        """Wait for a change followed by one still interval (True), or for stop() (False)."""
        changing = False
        while not stop():
            time.sleep(self.interval)
            if self.changed():
                changing = True
            elif changing:
                return True
        return False
