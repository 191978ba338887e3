"""YAML text edited in place: values replaced, keys added, items removed or reordered; every other character kept."""
from __future__ import annotations

import json
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import BuildError
from .source import compose, parse_yaml, scalar_text

BLOCK = ("|", ">")


@dataclass(frozen=True)
class Edit:
    """Put `text` in place of the characters from `start` to `end`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Raw:
    """YAML text written as it is (a value copied from another file); `block`: it goes on the lines under its key."""

    text: str
    block: bool


class Unwritable(Exception):
    """An edit that cannot be made in this text (a multi-line value inside a [flow] list, say)."""


def apply(text: str, edits: list[Edit]) -> str:
    """The text with every edit made (edits may not overlap)."""
    out, end = [], len(text)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > end:
            raise ValueError(f"overlapping edits at {edit.start}")
        out.append(text[edit.end:end])
        out.append(edit.text)
        end = edit.start
    out.append(text[:end])
    return "".join(reversed(out))


class Document:
    """YAML text with its node tree: paths are keys and list indices from the root."""

    def __init__(self, text: str, shown: str):
        self.text, self.shown = text, shown
        self.root = compose(text, shown)
        self.nl = "\r\n" if "\r\n" in text else "\n"

    # --- finding nodes -------------------------------------------------------------------------------------------

    def locate(self, path: tuple) -> tuple[Node | None, Node | None, Node | None]:
        """The node at `path`, its parent and (in a mapping) its key node; (None, …) when there is none."""
        node, parent, key = self.root, None, None
        for step in path:
            parent, key = node, None
            if isinstance(node, MappingNode):
                found = next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == step), None)
                key, node = found if found else (None, None)
            elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                node = None
            if node is None:
                return None, parent, None
        return node, parent, key

    def find(self, path: tuple) -> Node | None:
        return self.locate(path)[0]

    def _sequence(self, path: tuple) -> SequenceNode:
        found = self.find(path)
        if not isinstance(found, SequenceNode) or not found.value:
            raise Unwritable(f"{self.shown}: {'.'.join(map(str, path)) or 'the file'} is not a list")
        return found

    def _node(self, path: tuple) -> Node:
        found = self.find(path)
        if found is None:
            raise Unwritable(f"{self.shown}: there is no {'.'.join(map(str, path))}")
        return found

    def path_at(self, line: int, col: int) -> tuple | None:
        """The path of the value written at line:col (counted from 1, as Loc counts)."""
        todo: list[tuple[Node, tuple]] = [(self.root, ())]
        while todo:
            node, path = todo.pop(0)
            if node.start_mark.line == line - 1 and node.start_mark.column == col - 1:
                return path
            if isinstance(node, MappingNode):
                todo += [(v, (*path, k.value)) for k, v in node.value if isinstance(k, ScalarNode)]
            elif isinstance(node, SequenceNode):
                todo += [(v, (*path, i)) for i, v in enumerate(node.value)]
        return None

    # --- values --------------------------------------------------------------------------------------------------

    def put(self, path: tuple, value: str | Raw) -> Edit:
        """Replace the scalar at `path` with `value`, in its own quoting style when that reads back as `value`
        (a Raw value as it is: `true`, say)."""
        node, parent, key = self.locate(path)
        if not isinstance(node, ScalarNode):
            raise Unwritable(f"{self.shown}: {'.'.join(map(str, path))} is not a single value")
        if isinstance(value, Raw):
            return Edit(node.start_mark.index, node.end_mark.index, value.text)
        flow = bool(parent is not None and getattr(parent, "flow_style", False))
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in BLOCK:
            header, _, body = self.text[start:end].partition("\n")
            tail = body[len(body.rstrip()):].partition("\n")[2] if body.strip() else ""
            text = self._scalar(value, node.style, False, self._content_indent(node), header.rstrip("\r"))
            return Edit(start, end, text + self.nl + tail)
        line_end = self._line_end(end, newline=False)
        rest = self.text[end:line_end].strip()
        header = "|" + (f"  {rest}" if rest.startswith("#") else "")
        text = self._scalar(value, node.style or "", flow, self._new_indent(node, parent, key), header)
        return Edit(start, line_end if text.startswith(BLOCK) else end, text)

    def _scalar(self, value: str, style: str, flow: bool, indent: int, header: str) -> str:
        """`value` as YAML in the first style that reads back as it: the node's own style first."""
        for candidate in _styles(value, style, flow):
            if candidate in BLOCK:
                head = header if header[:1] in BLOCK else candidate
                if "\n" in value and head.startswith(">"):
                    head = "|" + head[1:]
                text = head + self.nl + self.nl.join(" " * indent + line if line else "" for line in
                                                     value.strip("\n").split("\n"))
            else:
                text = _inline(value, candidate)
            if _reads_as(text.replace(self.nl, "\n"), flow, value):
                return text
        raise Unwritable(f"{self.shown}: cannot write {value!r} as YAML")

    def _content_indent(self, node: ScalarNode) -> int:
        """The indentation of a block scalar's lines."""
        body = self.text[node.start_mark.index:node.end_mark.index].partition("\n")[2]
        lines = [line for line in body.split("\n") if line.strip()]
        return len(lines[0]) - len(lines[0].lstrip(" ")) if lines else node.start_mark.column + 2

    @staticmethod
    def _new_indent(node: Node, parent: Node | None, key: Node | None) -> int:
        """The indentation a value's lines take when it becomes a block: two more than its key, or its item's."""
        if key is not None:
            return key.start_mark.column + 2
        return node.start_mark.column if isinstance(parent, SequenceNode) else 2

    # --- keys ----------------------------------------------------------------------------------------------------

    def add(self, path: tuple, entries: list[tuple[str, str | Raw]]) -> Edit:
        """Add keys with their values at the end of the mapping at `path` (the document itself for ())."""
        node = self.find(path)
        if not isinstance(node, MappingNode):
            raise Unwritable(f"{self.shown}: {'.'.join(map(str, path)) or 'the file'} is not a mapping")
        if node.flow_style:
            close = node.end_mark.index - 1
            text = ", ".join(f"{k}: {self._inline_value(v)}" for k, v in entries)
            return Edit(close, close, (", " if node.value else "") + text)
        indent = node.value[0][0].start_mark.column if node.value else 0
        at = self._line_end(self._content_end(node)) if node.value else self._line_end(node.start_mark.index)
        lead = self.nl if at == len(self.text) and not self.text.endswith("\n") else ""
        return Edit(at, at, lead + "".join(self.entry(k, v, indent) for k, v in entries))

    def entry(self, key: str, value: str | Raw, indent: int) -> str:
        """`key: value` at `indent`, with its line end; a block value on the lines under it."""
        pad = " " * indent
        if isinstance(value, Raw):
            text = reindent(value.text, indent + 2, self.nl)
            return f"{pad}{key}:{self.nl}{' ' * (indent + 2)}{text}{self.nl}" if value.block else \
                f"{pad}{key}: {text}{self.nl}"
        return f"{pad}{key}: {self._scalar(value, '', False, indent + 2, '|')}{self.nl}"

    def _inline_value(self, value: str | Raw) -> str:
        if isinstance(value, Raw):
            if value.block or "\n" in value.text:
                raise Unwritable(f"{self.shown}: a block value cannot go into a {{flow}} mapping")
            return value.text
        return self._scalar(value, "", True, 0, "|")

    def copy(self, path: tuple) -> Raw:
        """The value at `path` as written, comments and all, with its first line's indentation as the base."""
        node = self._node(path)
        block = isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style
        end = self._line_end(self._content_end(node), newline=False) if block else self._content_end(node)
        return Raw(reindent(self.text[node.start_mark.index:end], 0, "\n", node.start_mark.column), block)

    # --- list items ----------------------------------------------------------------------------------------------

    def replace_item(self, path: tuple, index: int, entries: list[tuple[str, str | Raw]]) -> Edit:
        """Replace a plain item (a slide's id) with a mapping of these entries, in the item's place; a comment
        after the item stays on its first line."""
        items = self._sequence(path)
        node = items.value[index]
        start, end = node.start_mark.index, node.end_mark.index
        if items.flow_style:
            return Edit(start, end, "{" + ", ".join(f"{k}: {self._inline_value(v)}" for k, v in entries) + "}")
        indent = node.start_mark.column
        first, _, others = "".join(self.entry(k, v, indent) for k, v in entries)[indent:].partition(self.nl)
        line_end = self._line_end(end, newline=False)
        return Edit(start, line_end, first + self.text[end:line_end] + self.nl + others.rstrip("\r\n"))

    def remove(self, path: tuple, indices: list[int]) -> list[Edit]:
        """Take items out of the list at `path`; their comments stay (an end-of-line comment on a line of its
        own, where the item was)."""
        items = self._sequence(path)
        if items.flow_style:
            return [self._remove_flow(items, set(indices))]
        edits = []
        for index in indices:
            node = items.value[index]
            start = self._line_start(self._dash(node))
            end = self._lead_start(items.value[index + 1]) if index + 1 < len(items.value) else \
                self._line_end(self._content_end(node))
            edits.append(Edit(start, end, "".join(self._comments(node, start, end,
                                                                 " " * (self._dash(node) - start)))))
        return edits

    def reorder(self, path: tuple, order: list[int]) -> list[Edit]:
        """Put the items of the list at `path` in `order` (the old index of each item, in the new order)."""
        node = self._sequence(path)
        items = node.value
        if node.flow_style:
            return [Edit(items[new].start_mark.index, items[new].end_mark.index,
                         self.text[items[old].start_mark.index:items[old].end_mark.index])
                    for new, old in enumerate(order) if new != old]
        starts = [self._lead_start(item) for item in items]
        ends = starts[1:] + [self._line_end(self._content_end(items[-1]))]
        blocks = [self.text[s:e] for s, e in zip(starts, ends)]
        cuts = [_gap(block) for block in blocks]  # each block: its lines, then its line break and blank lines
        text = "".join(blocks[old][:cuts[old]] + blocks[new][cuts[new]:] for new, old in enumerate(order))
        return [Edit(starts[0], ends[-1], text)]

    def _remove_flow(self, items: SequenceNode, gone: set[int]) -> Edit:
        """A [flow] list without some of its items: the others as written, one ', ' apart."""
        kept = [self.text[n.start_mark.index:n.end_mark.index] for i, n in enumerate(items.value) if i not in gone]
        return Edit(items.value[0].start_mark.index, items.value[-1].end_mark.index, ", ".join(kept))

    def _comments(self, node: Node, start: int, end: int, pad: str) -> list[str]:
        """The comments written from `start` to `end`, each as a line: whole comment lines as they are, the end
        of a line after its values indented by `pad` (the lines of block text are text, not comments)."""
        scalars = [n for n in _descendants(node) if isinstance(n, ScalarNode)]
        blocks = [(n.start_mark.index, n.end_mark.index) for n in scalars if n.style in BLOCK]
        found, at = [], start
        while at < end:
            stop = self._line_end(at, newline=False)
            line = self.text[at:stop]
            if line.strip().startswith("#") and not any(s < at < e for s, e in blocks):
                found.append(line + self.nl)
            else:
                last = max((n.end_mark.index for n in scalars if at < n.end_mark.index <= stop), default=stop)
                rest = self.text[last:stop]
                if "#" in rest and not any(s < at < e for s, e in blocks):
                    found.append(pad + rest[rest.index("#"):].rstrip() + self.nl)
            at = self._line_end(at)
        return found

    # --- positions -----------------------------------------------------------------------------------------------

    def _content_end(self, node: Node) -> int:
        """Where a value's own text ends (before the blank lines and comments a block value runs on into)."""
        if isinstance(node, ScalarNode):
            if node.style in BLOCK:
                return len(self.text[:node.end_mark.index].rstrip())
            return node.end_mark.index
        if getattr(node, "flow_style", False) or not node.value:
            return node.end_mark.index
        last = node.value[-1]
        return self._content_end(last[1] if isinstance(node, MappingNode) else last)

    def _dash(self, node: Node) -> int:
        """Where the '-' of a block list's item is."""
        at = node.start_mark.index - 1
        while at > 0 and self.text[at] != "-":
            at -= 1
        return at

    def _lead_start(self, node: Node) -> int:
        """The start of an item's lines, with the comment lines right above it."""
        start = self._line_start(self._dash(node))
        while start > 0:
            above = self._line_start(start - 1)
            if not self.text[above:start].strip().startswith("#"):
                break
            start = above
        return start

    def _line_start(self, at: int) -> int:
        return self.text.rfind("\n", 0, at) + 1

    def _line_end(self, at: int, newline: bool = True) -> int:
        """The end of the line `at` is on: after its line break (or before it), or the end of the text."""
        found = self.text.find("\n", at)
        if found < 0:
            return len(self.text)
        return found + 1 if newline else (found - 1 if self.text[found - 1:found] == "\r" else found)


def reindent(text: str, indent: int, nl: str, base: int = 0) -> str:
    """Text whose first line starts at column `base`, its other lines moved so that `base` becomes `indent`."""
    lines = text.replace("\r\n", "\n").split("\n")
    moved = [lines[0]]
    for line in lines[1:]:
        spaces = len(line) - len(line.lstrip(" "))
        moved.append(" " * indent + line[min(spaces, base):] if line.strip() else "")
    return nl.join(moved)


def _gap(block: str) -> int:
    """Where a block's trailing blank lines begin: at the line break that ends its last line of text."""
    lines = block.splitlines(keepends=True)
    while lines and not lines[-1].strip():
        lines.pop()
    return len("".join(lines).rstrip("\r\n"))


def _styles(value: str, style: str, flow: bool) -> list[str]:
    if "\n" in value.strip("\n"):
        return ['"'] if flow else ["|", '"']
    if style in BLOCK:
        return [style, '"']
    return {"'": ["'", '"'], '"': ['"']}.get(style, ["", "'", '"'])


def _inline(value: str, style: str) -> str:
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"':
        return json.dumps(value, ensure_ascii=False)
    return value


def _reads_as(text: str, flow: bool, value: str) -> bool:
    """Whether YAML `text` in a block mapping (or a [flow] list) reads back as `value`."""
    try:
        loaded = parse_yaml(f"[{text}]" if flow else f"k: {text}", "edit")
    except BuildError:
        return False
    found = loaded[0] if flow and isinstance(loaded, list) and len(loaded) == 1 else \
        loaded.get("k") if isinstance(loaded, dict) else None
    if found is None or isinstance(found, (bool, list, dict)):
        return False
    return scalar_text(found).strip("\n") == value.strip("\n")


def _descendants(node: Node):
    yield node
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield from _descendants(value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _descendants(item)
