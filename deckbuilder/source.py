"""Safe YAML loading that keeps file, line and column for every node."""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.reader import Reader

from . import quoting
from .errors import BuildError, Diagnostic, Loc, fail, quoted
from .yaml_errors import bad_character, mark_loc, syntax_error

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 40
MAX_ERRORS = 100  # YAML errors shown for one file
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


class YMap(dict):
    """A mapping from YAML that knows where it and each of its values and keys came from."""

    def __init__(self, *args, loc: Loc | None = None, **kw):
        super().__init__(*args, **kw)
        self.loc = loc or Loc("<generated>")
        self.locs: dict[str, Loc] = {}
        self.key_locs: dict[str, Loc] = {}

    def at(self, key: str) -> Loc:
        """Where the value of `key` is written (or the mapping itself when it is not)."""
        return self.locs.get(key, self.loc)

    def copy(self) -> YMap:
        new = YMap(self, loc=self.loc)
        new.locs = dict(self.locs)
        new.key_locs = dict(self.key_locs)
        return new


class YList(list):
    """A sequence from YAML that knows where it and each item came from."""

    def __init__(self, *args, loc: Loc | None = None):
        super().__init__(*args)
        self.loc = loc or Loc("<generated>")
        self.locs: list[Loc] = []
        self.left_out = 0  # items an audience's only/except removed (set by audience resolution)

    def at(self, index: int) -> Loc:
        return self.locs[index] if index < len(self.locs) else self.loc


class YInt(int):
    """An int that remembers how it was written (so '007' stays '007' as text)."""

    src: str


class YFloat(float):
    """A float that remembers how it was written (so '1.50' stays '1.50' as text)."""

    src: str


def scalar_text(value) -> str:
    """A scalar as text: numbers as written ('007' stays '007'), dates as YYYY-MM-DD, anything else as str()."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return getattr(value, "src", str(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


class _TooComplex(Exception):
    """Raised by the loader as soon as a document nests too deep or holds too many values."""

    def __init__(self, mark, message: str, hint: str):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


class _Limits(Composer):
    """Nesting and size are limited while composing, so a hostile file can neither overflow the stack nor
    keep the parser busy for long."""

    depth = 0
    count = 0
    peek_event: Callable[[], Any]  # the parser's, beside which the composer is mixed in

    def compose_node(self, parent, index):
        self.depth += 1
        self.count += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooComplex(self.peek_event().start_mark, f"the values nest more than {MAX_DEPTH} levels deep",
                                  "an outline needs only a few levels: check the brackets and the indentation")
            if self.count > MAX_NODES:
                raise _TooComplex(self.peek_event().start_mark, f"the file holds more than {MAX_NODES:,} values",
                                  "split the outline; a long talk needs a few thousand")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Limits, yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core scalars: only true/false are booleans (so 'No' and 'on' stay
    text), 017 is seventeen, 1e3 is a number. Its messages explain syntax errors."""


class _FastLoader(_Limits, yaml.CSafeLoader):
    """The same loader on libyaml's parser (Python's composer before libyaml's): ten times faster, the same
    nodes and positions; a file it refuses is parsed again by _Loader, whose messages are better."""

    def __init__(self, stream: str):
        yaml.CSafeLoader.__init__(self, stream)
        Composer.__init__(self)


_KEPT = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag in _KEPT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)


def _number(tag: str, text: str):
    """An int or float from its YAML 1.2 spelling (raises ValueError when it is not one)."""
    if tag.endswith(":int"):
        low = text.lower()
        if low.startswith(("0o", "0x")):
            return int(low[2:], 8 if low[1] == "o" else 16)
        return int(text, 10)
    return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))


def display_path(path: Path) -> str:
    """A path as users should see it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


_LOADED: dict[tuple, object] = {}  # (file, mtime, size, shown as) -> what it holds; treat it as read-only


def load_yaml(path: Path) -> YMap | YList | object:
    """Load one YAML file safely, raising BuildError with file:line on any problem. A file is parsed
    once while it is unchanged (a build reads the story several times)."""
    shown = display_path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, shown)
    except OSError:
        key = None
    if key in _LOADED:
        return _LOADED[key]
    value = _load(path, shown)
    if key:
        _LOADED[key] = value
    return value


def _load(path: Path, shown: str):
    if not path.exists():
        raise fail("file-not-found", f"file not found: {shown}", Loc(shown),
                   hint="check the path; paths are relative to the file that names them")
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise fail("not-a-file", f"{shown} is {what}, not a YAML file", Loc(shown),
                   hint="give the path of an outline .yaml file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_large(shown, size)
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # the file grew after stat(), or is not a regular file
        raise _too_large(shown, len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _not_utf8(shown, data, exc.start) from None
    return parse_yaml(text, shown)


def _too_large(shown: str, size: int) -> BuildError:
    return fail("file-too-large", f"{shown} is {size / 1e6:.1f} MB; outlines are limited to "
                f"{MAX_BYTES / 1e6:.0f} MB", Loc(shown), hint="split the outline or remove pasted data")


def _not_utf8(shown: str, data: bytes, start: int) -> BuildError:
    line = data[:start].count(b"\n") + 1
    col = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return fail("not-utf8", f"{shown} is not UTF-8 text (byte 0x{data[start]:02X})", Loc(shown, line, col),
                hint="save the file with the UTF-8 encoding (in most editors: Save As, then Encoding)")


def parse_yaml(text: str, shown: str):
    """Parse YAML text (named `shown` in messages) into YMap/YList/scalars."""
    root = _compose(text, shown)
    if root is None or isinstance(root, ScalarNode) and root.tag.endswith(":null") and not root.value:
        what = "is empty" if not text.strip() else "holds only comments"
        raise fail("empty-file", f"{shown} {what}", Loc(shown, 1, 1),
                   hint="run `deckbuilder new NAME` for a starting outline")
    _check_size(root, shown)
    return _Builder(shown).build_all(root)


def compose(text: str, shown: str):
    """The node tree of YAML text, each node with its start and end (for editing the text in place); errors are
    raised as parse_yaml raises them."""
    return _compose(text, shown)


def _compose(text: str, shown: str):
    """The first document's node tree (None when there is none); a second document is an error."""
    if "\t" not in text and not Reader.NON_PRINTABLE.search(text):  # libyaml takes both; _Loader explains them
        try:
            return _first_document(_FastLoader(text), shown)
        except (yaml.YAMLError, _TooComplex):
            pass  # parse it again below, for the better message
    try:
        return _first_document(_Loader(text), shown)
    except _TooComplex as exc:
        raise fail("yaml-too-complex", exc.message, mark_loc(exc.mark, shown), hint=exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, shown, text) from None
    except yaml.reader.ReaderError as exc:
        raise bad_character(exc, shown, text) from None


def _first_document(loader, shown: str):
    try:
        root = loader.get_node() if loader.check_node() else None
        if loader.check_node():
            raise fail("yaml-multiple-documents", "a file holds one YAML document; found a second '---'",
                       mark_loc(loader.peek_event().start_mark, shown),
                       hint="remove the extra '---' or split the file")
        return root
    finally:
        loader.dispose()


def _number_split(a, b) -> bool:
    """Two plain items of a [list] with only a comma between them, a digit before it and three after: one number."""
    plain = isinstance(a, ScalarNode) and isinstance(b, ScalarNode) and not a.style and not b.style
    return plain and a.end_mark.line == b.start_mark.line and b.start_mark.index == a.end_mark.index + 1 and \
        a.value[-1:].isdigit() and re.match(r"\d{3}(\D|$)", b.value) is not None


def _check_size(root, shown: str) -> None:
    """Refuse alias bombs, recursive aliases and aliases nested too deep before building anything.

    Aliases share nodes, so sizes are counted once per node: a billion laughs costs a few steps."""
    memo: dict[int, tuple[int, int]] = {}
    _measure(root, memo, set(), shown, 1)
    if memo[id(root)][0] <= MAX_NODES:
        return
    node = root
    while True:
        bigger = [child for child in _children(node) if memo[id(child)][0] > MAX_NODES]
        if not bigger:
            break
        node = bigger[0]
    raise fail("yaml-too-complex", f"this value expands to more than {MAX_NODES:,} values "
               "(anchors '&' and aliases '*' repeating each other?)", _loc(node, shown),
               hint="write the values out instead of nesting aliases")


def _children(node) -> list:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return list(node.value) if isinstance(node, SequenceNode) else []


def _measure(node, memo: dict[int, tuple[int, int]], active: set[int], shown: str,
             depth: int) -> tuple[int, int]:
    """(values, levels) that `node` stands for once aliases are expanded; values are capped above MAX_NODES."""
    if id(node) in active:
        raise fail("yaml-recursive", "an alias refers to the value that contains it", _loc(node, shown),
                   hint="remove the recursive alias")
    if id(node) not in memo:
        active.add(id(node))
        parts = [_measure(child, memo, active, shown, depth + 1) for child in _children(node)]
        active.discard(id(node))
        values = min(1 + sum(n for n, _ in parts), MAX_NODES + 1)
        memo[id(node)] = (values, 1 + max((levels for _, levels in parts), default=0))
    if depth + memo[id(node)][1] - 1 > MAX_DEPTH:
        raise fail("yaml-too-complex", f"aliases make the values nest more than {MAX_DEPTH} levels deep",
                   _loc(node, shown), hint="write the values out instead of nesting aliases")
    return memo[id(node)]


def _loc(node, shown: str) -> Loc:
    return Loc(shown, node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns composed YAML nodes into YMap/YList/scalars, refusing what is unsafe."""

    def __init__(self, shown: str):
        self.shown = shown
        self.scalars = SafeConstructor()
        self.errors: list[Diagnostic] = []

    def build_all(self, node):
        value = self.build(node)
        if len(self.errors) > MAX_ERRORS:
            more = len(self.errors) - MAX_ERRORS
            self.errors[MAX_ERRORS:] = [Diagnostic("error", "too-many-errors", f"{more:,} more errors like "
                                                   "these are not shown", Loc(self.shown), hint="fix these first")]
        if self.errors:
            raise BuildError(self.errors)
        return value

    def _error(self, code: str, message: str, node, hint: str = "") -> None:
        self.errors.append(Diagnostic("error", code, message, _loc(node, self.shown), hint=hint))

    def _tag_ok(self, node) -> bool:
        if node.tag in _STANDARD_TAGS:
            return True
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self._error("yaml-tag", f"the tag '{tag}' is not allowed", node,
                    hint="remove the tag: outlines hold only text, numbers, lists and mappings; "
                    "put text that starts with ! in quotes")
        return False

    def build(self, node):
        if not self._tag_ok(node):
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        return self._mapping(node) if isinstance(node, MappingNode) else self._sequence(node)

    def _scalar(self, node: ScalarNode):
        try:
            if node.tag.endswith((":int", ":float")):
                value = _number(node.tag, node.value)
                value = YInt(value) if isinstance(value, int) else YFloat(value)
                value.src = node.value
                return value
            return self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            if node.tag.endswith(":timestamp"):
                return node.value  # 2023-02-30 stays text; the field that wants a date says why
            return self._error("yaml-value", f"cannot read the value {quoted(node.value)}: {exc}", node,
                               hint="put the value in quotes to keep it as text")

    def _sequence(self, node: SequenceNode) -> YList:
        out = YList(loc=_loc(node, self.shown))
        for item in node.value:
            out.append(self.build(item))
            out.locs.append(_loc(item, self.shown))
        if node.flow_style:
            self._split_numbers(node.value)
        return out

    def _split_numbers(self, items: list) -> None:
        """`[£180,000 a year, …]`: YAML splits a [list] at every comma, so the number became two items; the run
        of items a number's commas split is one text that needs quotes."""
        i = 0
        while i < len(items) - 1:
            j = i
            while j < len(items) - 1 and _number_split(items[j], items[j + 1]):
                j += 1
            if j > i:
                where = _loc(items[i], self.shown)
                found = quoting.split_number([n.value for n in items[i:j + 1]], where,
                                             items[j].end_mark.column, items[i].end_mark.column)
                if found:
                    self.errors.append(found)
            i = j + 1

    def _mapping(self, node: MappingNode) -> YMap:
        out = YMap(loc=_loc(node, self.shown))
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            if key in out:
                self._error("duplicate-key", f"the key {quoted(key)} appears twice in one mapping "
                            f"(first at line {out.key_locs[key].line})", key_node, hint="keep one of them")
                continue
            out[key] = self.build(value_node)
            out.locs[key] = _loc(value_node, self.shown)
            out.key_locs[key] = _loc(key_node, self.shown)
        return out

    def _key(self, node) -> str | None:
        """A key as written ('5', 'true', 'No' all stay text); None when it cannot be a key."""
        if not isinstance(node, ScalarNode):
            self._error("yaml-key", "a key must be plain text, not a list or mapping", node,
                        hint="write 'name: value' with a word before the colon")
            return None
        if node.value == "<<" or node.tag == "tag:yaml.org,2002:merge":
            self._error("yaml-merge-key", "merge keys ('<<') are not supported", node,
                        hint="write the fields out, or reuse a slide with `use:`")
            return None
        return node.value if self._tag_ok(node) else None
