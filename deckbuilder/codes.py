"""The registry of diagnostic codes (codes.yaml): each code's class, which sets the exit code, and its explanation."""
from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import Diagnostic, closest

EXIT_OK, EXIT_CHECK, EXIT_INPUT = 0, 1, 2
EXIT_OF_CLASS = {"check": EXIT_CHECK, "input": EXIT_INPUT}
REGISTRY = Path(__file__).resolve().parent / "codes.yaml"


@dataclass(frozen=True)
class Code:
    """One diagnostic code: its class (input: exit 2, check: exit 1), what it means, a wrong and a right
    example, and how to fix it."""

    name: str
    kind: str
    means: str
    wrong: str
    right: str
    fix: str


@lru_cache(maxsize=1)
def codes() -> dict[str, Code]:
    """Every registered code, by name."""
    import yaml

    raw = yaml.load(REGISTRY.read_text(encoding="utf-8"), getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {name: Code(name, entry["class"], entry["means"], entry["wrong"], entry["right"], entry["fix"])
            for name, entry in raw.items()}


def exit_code(diagnostics: Iterable[Diagnostic], strict: bool = False) -> int:
    """2 when an error is an input error, 1 when an error is a failed check (or, with strict, for a warning).

    A code missing from the registry counts as an input error (tests/test_codes.py keeps the registry whole)."""
    found = list(diagnostics)
    errors = [EXIT_OF_CLASS.get(_class(d.code), EXIT_INPUT) for d in found if d.severity == "error"]
    if errors:
        return max(errors)
    return EXIT_CHECK if strict and any(d.severity == "warning" for d in found) else EXIT_OK


def _class(name: str) -> str:
    code = codes().get(name)
    return code.kind if code else "input"


def explain(name: str) -> str:
    """What `deckbuilder explain CODE` prints: what the code means, a wrong and a right example, the fix."""
    code = codes()[name]
    kind = "an input error (exit code 2)" if code.kind == "input" else "a failed check (exit code 1; a " \
        "warning only with --strict)"
    return "\n".join([f"{code.name}: {kind}", "", *_wrapped(code.means), "", "Wrong:", _indented(code.wrong),
                      "Right:", _indented(code.right), "How to fix it:", *_wrapped(code.fix, "  ")])


def unknown(name: str) -> str:
    """The one-line error for a code that does not exist, with the likeliest one."""
    close = closest(name, codes())
    hint = f"did you mean '{close}'? " if close else ""
    return f"error: no diagnostic code '{name}' (hint: {hint}`deckbuilder explain` lists every code)"


def catalogue() -> str:
    """Every code with its class and the first sentence of what it means."""
    width = max(map(len, codes()))
    return "\n".join(f"{c.name:<{width}}  {c.kind:<5}  {c.means.split('. ')[0].rstrip('.')}"
                     for c in codes().values())


def _wrapped(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, 100, initial_indent=indent, subsequent_indent=indent)


def _indented(text: str) -> str:
    return textwrap.indent(text.rstrip("\n"), "    ") + "\n"
