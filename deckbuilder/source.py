"""Safe YAML loading that keeps file, line and column for every node."""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import BuildError, Diagnostic, Loc, fail

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
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

    def copy(self) -> "YMap":
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

    def at(self, index: int) -> Loc:
        return self.locs[index] if index < len(self.locs) else self.loc


class YInt(int):
    """An int that remembers how it was written (so '007' stays '007' as text)."""

    src: str


class YFloat(float):
    """A float that remembers how it was written (so '1.50' stays '1.50' as text)."""

    src: str


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false, so 'No' and 'on' stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def display_path(path: Path) -> str:
    """A path as users should see it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def load_yaml(path: Path) -> YMap | YList | object:
    """Load one YAML file safely, raising BuildError with file:line on any problem."""
    shown = display_path(path)
    if not path.exists():
        raise fail("file-not-found", f"file not found: {shown}", Loc(shown),
                   hint="check the path; paths are relative to the file that names them")
    if path.is_dir():
        raise fail("not-a-file", f"{shown} is a folder, not a YAML file", Loc(shown))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise fail("file-too-large", f"{shown} is {size / 1e6:.1f} MB; outlines are limited to "
                   f"{MAX_BYTES / 1e6:.0f} MB", Loc(shown), hint="split the outline or remove pasted data")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise fail("not-utf8", f"{shown} is not UTF-8 text", Loc(shown, line, 1),
                   hint="save the file as UTF-8") from None
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str):
    """Parse YAML text (named `shown` in messages) into YMap/YList/scalars."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, shown, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        raise fail("yaml-syntax", str(exc), Loc(shown)) from None
    if len(nodes) > 1:
        second = nodes[1]
        raise fail("yaml-multiple-documents", "a file holds one YAML document; found a second '---'",
                   _loc(second, shown) if second is not None else Loc(shown),
                   hint="remove the extra '---' or split the file")
    if not nodes or nodes[0] is None:
        raise fail("empty-file", f"{shown} is empty", Loc(shown, 1, 1),
                   hint="run `deckbuilder new NAME` for a starting outline")
    return _Builder(shown).build_all(nodes[0])


def _syntax_error(exc: yaml.MarkedYAMLError, shown: str, text: str) -> BuildError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    problem = exc.problem or "invalid YAML"
    hint = "check the indentation and that every 'key: value' has a space after the colon"
    src_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in problem or "\t" in src_line[: max(col, 1)]:
        problem = "a tab character is used for indentation"
        hint = "indent with spaces, not tabs"
    elif "cannot start any token" in problem:
        hint = "put text that starts with @, ` or % in quotes"
    elif "mapping values are not allowed" in problem:
        hint = "a text containing ': ' must be put in quotes"
    return fail("yaml-syntax", problem, Loc(shown, line, col), hint=hint)


def _loc(node, shown: str) -> Loc:
    return Loc(shown, node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns composed YAML nodes into YMap/YList/scalars, refusing what is unsafe."""

    def __init__(self, shown: str):
        self.shown = shown
        self.count = 0
        self.active: set[int] = set()
        self.scalars = SafeConstructor()
        self.errors: list[Diagnostic] = []

    def build_all(self, node):
        value = self.build(node)
        if self.errors:
            raise BuildError(self.errors)
        return value

    def _error(self, code: str, message: str, node, hint: str = "") -> None:
        self.errors.append(Diagnostic("error", code, message, _loc(node, self.shown), hint=hint))

    def build(self, node):
        self.count += 1
        if self.count > MAX_NODES:
            raise fail("yaml-too-complex", f"the document expands to more than {MAX_NODES:,} values "
                       "(aliases repeated too often?)", _loc(node, self.shown),
                       hint="remove the anchors (&) and aliases (*)")
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            return self._error("yaml-tag", f"the tag '{tag}' is not allowed", node,
                               hint="remove the '!' tag: outlines hold plain text, numbers, lists and mappings")
        if id(node) in self.active:
            raise fail("yaml-recursive", "an alias refers to itself", _loc(node, self.shown),
                       hint="remove the recursive alias")
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        self.active.add(id(node))
        try:
            return self._mapping(node) if isinstance(node, MappingNode) else self._sequence(node)
        finally:
            self.active.discard(id(node))

    def _scalar(self, node: ScalarNode):
        try:
            value = self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError) as exc:
            return self._error("yaml-value", f"cannot read the value '{node.value}': {exc}", node,
                               hint="put the value in quotes to keep it as text")
        if type(value) is int:
            value = YInt(value)
            value.src = node.value
        elif type(value) is float:
            value = YFloat(value)
            value.src = node.value
        return value

    def _sequence(self, node: SequenceNode) -> YList:
        out = YList(loc=_loc(node, self.shown))
        for item in node.value:
            out.append(self.build(item))
            out.locs.append(_loc(item, self.shown))
        return out

    def _mapping(self, node: MappingNode) -> YMap:
        out = YMap(loc=_loc(node, self.shown))
        for key_node, value_node in node.value:
            key_loc = _loc(key_node, self.shown)
            if not isinstance(key_node, ScalarNode):
                self._error("yaml-key", "a key must be plain text", key_node)
                continue
            if key_node.value == "<<" or key_node.tag == "tag:yaml.org,2002:merge":
                self._error("yaml-merge-key", "merge keys ('<<') are not supported", key_node,
                            hint="write the fields out, or reuse a slide with `use:`")
                continue
            key = self.build(key_node)
            key = getattr(key, "src", key)
            if not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in out:
                self._error("duplicate-key", f"the key '{key}' appears twice in one mapping "
                            f"(first at line {out.key_locs[key].line})", key_node, hint="keep one of them")
                continue
            out[key] = self.build(value_node)
            out.locs[key] = _loc(value_node, self.shown)
            out.key_locs[key] = key_loc
        return out
