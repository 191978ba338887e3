"""Timing helpers: repeat a call, run a command with its own peak memory, summarise the samples."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEASURE = Path(__file__).with_name("measure.py")


@dataclass
class Row:
    """One line of the table: what was timed, its samples in seconds, and what it produced."""

    key: str
    label: str
    times: list[float] = field(default_factory=list)
    inner: list[float] = field(default_factory=list)  # the build's own time, from its summary line
    slides: int | None = None
    peak_mb: float | None = None
    size: int | None = None  # bytes written
    ratio: str = ""
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def inner_median(self) -> float | None:
        return statistics.median(self.inner) if self.inner else None

    @property
    def minimum(self) -> float | None:
        return min(self.times) if self.times else None

    def add_peak(self, mb: float | None) -> None:
        if mb is not None:
            self.peak_mb = max(self.peak_mb or 0.0, mb)


@dataclass
class Proc:
    """A finished command: wall time, its own peak resident memory (MB), exit code and output."""

    seconds: float
    peak_mb: float
    code: int
    stdout: str
    stderr: str


def timed(call: Callable[[], object]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def run(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> Proc:
    """Run a command through measure.py: its wall time and its own peak memory, not this process's."""
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        result = Path(tmp) / "result.json"
        out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            subprocess.run([sys.executable, str(MEASURE), str(result), "--", *cmd], cwd=cwd, stdout=stdout,
                           stderr=stderr, stdin=subprocess.DEVNULL, env=env)
        measured = json.loads(result.read_text(encoding="utf-8"))
        return Proc(measured["seconds"], measured["peak_mb"], measured["code"], _read(out), _read(err))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def checked(proc: Proc, what: str) -> Proc:
    """The finished command, or an error with its output if it failed."""
    if proc.code != 0:
        raise RuntimeError(f"{what} failed (exit {proc.code}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def bytecode_env(folder: Path) -> dict:
    """The environment with compiled bytecode kept in `folder` (PYTHONPYCACHEPREFIX), as an installed package
    has it, even where PYTHONDONTWRITEBYTECODE is set; nothing is written next to the sources."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    return env


def seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if value < 10 else f"{value:.2f}"


def megabytes(size: int | None) -> str:
    if size is None:
        return "–"
    return f"{size / 1e6:.2f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"
