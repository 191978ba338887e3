"""YAML's syntax errors said for the person who wrote the file: where, what went wrong, and how to fix it."""
from __future__ import annotations

import re

import yaml

from . import quoting
from .errors import BuildError, Loc, fail


def bad_character(exc, shown: str, text: str) -> BuildError:
    line = text.count("\n", 0, exc.position) + 1
    col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    return fail("yaml-syntax", f"the file holds an invisible control character (U+{exc.character:04X})",
                Loc(shown, line, col), hint="delete it; text pasted from other programs sometimes carries them")


def syntax_error(exc: yaml.MarkedYAMLError, shown: str, text: str) -> BuildError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    context = exc.context or ""
    hint = "check the indentation and that every 'key: value' has a space after the colon"
    line = mark.line + 1 if mark else 0
    src_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    indent = src_line[: len(src_line) - len(src_line.lstrip())]
    split = _split_text(exc, src_line, shown)
    if split:
        return BuildError([split])
    if "\t" in indent:
        problem, hint = "a tab character is used for indentation", "indent with spaces, not tabs"
    elif "\t" in problem or "'\\t'" in problem:  # PyYAML writes the tab as '\t'
        problem, hint = "a tab character inside unquoted text", "replace it with spaces, or put the text in quotes"
    elif "quoted scalar" in context and "end of stream" in problem:
        mark = exc.context_mark
        problem, hint = "a quoted text is never closed", "add the closing quote"
    elif "undefined alias" in problem:
        hint = "text that starts with * must be put in quotes"
    elif "cannot start any token" in problem:
        hint = "put text that starts with @, ` or % in quotes"
    elif "mapping values are not allowed" in problem:
        problem = "a ': ' where no new key can start"
        hint = "put text containing ': ' in quotes, or check the indentation of this line"
    elif "flow" in context:
        mark = exc.problem_mark
        problem = f"a [list] or {{mapping}} written on one line is not closed properly{_found(problem)}"
        hint = "check its commas and brackets; put text containing ',', ':', quotes or brackets in double quotes"
    elif "<block end>" in problem:
        problem = "this line is not indented like the lines above it"
        hint = "indent the items of one list or mapping by the same number of spaces"
    return fail("yaml-syntax", problem, mark_loc(mark, shown) if mark else Loc(shown), hint=hint)


def _split_text(exc: yaml.MarkedYAMLError, line: str, shown: str):
    """The needs-quotes error when YAML refused a ': ' inside text (`title: Note: this`), else None."""
    mark, problem, context = exc.problem_mark, exc.problem or "", exc.context or ""
    if mark is None:
        return None
    where = mark_loc(mark, shown)
    if "mapping values are not allowed" in problem:
        return quoting.in_block(line, mark.column, where)
    if "flow" in context and problem.endswith("':'"):
        return quoting.in_flow(line, mark.column, where)
    return None


_TOKENS = {"<stream end>": "the end of the file", "<scalar>": "more text", "<block end>": "a line indented less",
           "<block mapping start>": "a new 'key:'", "<block sequence start>": "a new '- ' item",
           "the node content": "a value"}


def _found(problem: str) -> str:
    """PyYAML's "expected X, but found Y" in words: ': found the end of the file where ']' was expected"."""
    match = re.match(r"expected (.+?), but (?:got|found) (.+)$", problem)
    if not match:
        return ""
    wanted, got = (_TOKENS.get(t.strip("' "), t) for t in match.groups())
    return f": found {got} where {wanted} was expected"


def mark_loc(mark, shown: str) -> Loc:
    return Loc(shown, mark.line + 1, mark.column + 1)
