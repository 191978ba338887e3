"""Diagnostics: the one type every stage uses to report errors, warnings and notes."""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a source file; line and column count from 1."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding: severity, a stable code, the message, where it is and how to fix it; `excerpt` may show the
    source lines (a caret, the line fixed) under the one-line message."""

    severity: Severity
    code: str
    message: str
    where: Loc | None = None
    path: str = ""
    hint: str = ""
    excerpt: str = ""

    def __str__(self) -> str:
        """One line: file:line:col: severity[code]: path: message (hint: …)."""
        where = f"{self.where}: " if self.where else ""
        path = f"{self.path}: " if self.path else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return _one_line(f"{where}{self.severity}[{self.code}]: {path}{self.message}{hint}")

    def to_json(self) -> dict:
        where = self.where
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "file": where.file if where else None,
            "line": where.line if where else None,
            "col": where.col if where else None,
            "path": self.path,
            "hint": self.hint,
            "excerpt": self.excerpt,
        }


@dataclass
class Diagnostics:
    """A sink that stages report into; keeps order and drops exact repeats."""

    items: list[Diagnostic] = field(default_factory=list)
    _seen: set[Diagnostic] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._seen.update(self.items)

    def add(self, diag: Diagnostic) -> None:
        if diag not in self._seen:  # a set: a file with thousands of errors must not take minutes
            self._seen.add(diag)
            self.items.append(diag)

    def error(self, code: str, message: str, where: Loc | None = None, path: str = "", hint: str = "") -> None:
        self.add(Diagnostic("error", code, message, where, path, hint))

    def warn(self, code: str, message: str, where: Loc | None = None, path: str = "", hint: str = "") -> None:
        self.add(Diagnostic("warning", code, message, where, path, hint))

    def info(self, code: str, message: str, where: Loc | None = None, path: str = "", hint: str = "") -> None:
        self.add(Diagnostic("info", code, message, where, path, hint))

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        for diag in diags:
            self.add(diag)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class BuildError(Exception):
    """Raised when a stage cannot go on; carries the diagnostics that say why."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("; ".join(str(d) for d in self.diagnostics))


def fail(code: str, message: str, where: Loc | None = None, path: str = "", hint: str = "") -> BuildError:
    """A BuildError holding one error diagnostic (raise the result)."""
    return BuildError([Diagnostic("error", code, message, where, path, hint)])


def _one_line(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "⏎")


def quoted(value: object, limit: int = 60) -> str:
    """A value as messages show it: in quotes, on one line, shortened when long."""
    text = _one_line(str(value))
    return f"'{text[: limit - 1]}…'" if len(text) > limit else f"'{text}'"


def closest(word: object, choices: Iterable[str]) -> str | None:
    """The choice most like `word` (a likely typo of it), or None."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or listing them all when none is close."""
    choices = sorted(set(choices))
    close = closest(word, choices)
    if close:
        return f"did you mean '{close}'?"
    return "expected one of: " + ", ".join(choices) if choices else ""


class Problem(Exception):
    """Something outside the outline stops the work (LibreOffice missing, an unreadable image): the
    message says what it is and what to do."""
