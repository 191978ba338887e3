"""Text that YAML split at ': ' or ', ' and that needs quotes: the line written out fixed, a caret where it split."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import Diagnostic, Loc, quoted

FIELD_NAME = re.compile(r"[a-z_]+")


def in_block(line: str, col: int, where: Loc) -> Diagnostic | None:
    """`title: Note: this matters`: YAML refuses the ': ' at `col` (0-based) inside a value; None when the line
    is not like that (the ': ' is a key's own, e.g. a line indented wrongly)."""
    item = re.match(r"\s*-\s+", line)
    key = re.match(r"\s*(?:-\s+)?([^:#]+?):\s", line)
    if not key or key.end(1) >= col:
        return None
    start = item.end() if item and not FIELD_NAME.fullmatch(key.group(1)) else key.end()
    return _needs_quotes("this text holds ': ', where YAML starts a new field", where, start, _plain_end(line, start),
                         col, line)


def in_flow(line: str, col: int, where: Loc) -> Diagnostic | None:
    """`{label: Note: this}`: YAML refuses the ':' at `col` inside a value written between braces."""
    found = [line.rfind(mark, 0, col) + len(mark) for mark in (": ", ",", "{") if line.rfind(mark, 0, col) != -1]
    if not found:  # the value began on an earlier line: a bracket not closed, not text
        return None
    start = max(found)
    while start < col and line[start] == " ":
        start += 1
    if start >= col:
        return None
    ends = [i for i in (line.find(c, col) for c in ",}]") if i != -1]
    end = min(ends) if ends else len(line)
    return _needs_quotes("this text holds ': ', where YAML starts a new field", where, start,
                         len(line[:end].rstrip()), col, line)


def item_as_text(key: str, where: Loc, path: str) -> Diagnostic | None:
    """`- Update: the sessions start in March` was read as a mapping {Update: …}: it is a point that needs quotes.
    `where` is where the key is written."""
    line = source_line(where)
    start = where.col - 1
    if line is None or line[start:start + len(key)] != key or not line[:start].rstrip().endswith("-"):
        return None
    message = f"this was read as a field {quoted(key)}, because YAML splits unquoted text at ': '"
    return _needs_quotes(message, where, start, _plain_end(line, start), start + len(key), line, path)


def after_comma(key: str, before: str, value_at: Loc, where: Loc, path: str) -> Diagnostic | None:
    """`{label: donated by Asda, alongside the site}`: the text after the comma was read as a field `key` with
    no value; the value of `before` (written at `value_at`) and it are one text that needs quotes."""
    line = source_line(where)
    start, end = value_at.col - 1, where.col - 1 + len(key)
    if line is None or value_at.line != where.line or line[where.col - 1:end] != key or not 0 <= start < end:
        return None
    comma = line.rfind(",", start, where.col - 1)
    if comma == -1:
        return None
    message = f"the text after the comma was read as a field {quoted(key)}, because YAML splits unquoted text at " \
              f"', ' between braces (it belongs to '{before}')"
    return _needs_quotes(message, where, start, end, comma, line, path)


def split_number(parts: list[str], where: Loc, end: int, comma: int) -> Diagnostic | None:
    """`[£180,000 a year]`: the items `parts` (the first written at `where`, the last ending at column `end`,
    0-based, the first comma at `comma`) are one text whose number's commas YAML took for separators."""
    line = source_line(where)
    start = where.col - 1
    if line is None or line[start:end] != ",".join(parts):
        return None
    count = {2: "two", 3: "three", 4: "four"}.get(len(parts), str(len(parts)))
    message = f"{' and '.join(quoted(p) for p in parts)} were read as {count} items, because YAML splits a " \
              f"[list] at every comma, even inside a number"
    return _needs_quotes(message, where, start, end, comma, line)


def source_line(where: Loc) -> str | None:
    """The line of the file a location points at, as written (None when it cannot be read)."""
    try:
        return Path(where.file).read_text(encoding="utf-8-sig").splitlines()[where.line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return None


def _plain_end(line: str, start: int) -> int:
    """Where unquoted text that starts at `start` ends: before a ' #' comment and trailing spaces."""
    comment = line.find(" #", start)
    return len((line if comment == -1 else line[:comment]).rstrip())


def _needs_quotes(message: str, where: Loc, start: int, end: int, split: int, line: str,
                  path: str = "") -> Diagnostic:
    text = line[start:end].replace("\\", "\\\\").replace('"', '\\"')
    fixed = f'{line[:start]}"{text}"{line[end:]}'
    label = max(len(str(where.line)), 3)
    shown = [f"{where.line:>{label}} | {line}", f"{'':>{label}} | {' ' * split}^ YAML split the text here",
             f"{'fix':>{label}} | {fixed}"]
    return Diagnostic("error", "needs-quotes", message, Loc(where.file, where.line, start + 1), path,
                      f"put the text in quotes: {fixed.strip()}", "\n".join(shown))
