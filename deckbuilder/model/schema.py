"""Field kinds: what every kind does, and lists, records and maps; values checked where they stand, JSON Schema."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import quoting
from ..errors import Diagnostics, Loc, closest, did_you_mean, quoted
from ..source import YList, YMap

INVALID = object()


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return type(value).__name__


class Kind:
    """The type of a field: checks and normalises a value, describes itself."""

    label = "value"
    fix = ""  # the hint for a value of the wrong type

    def check(self, value: Any, where: Loc, path: str, diags: Diagnostics) -> Any:
        raise NotImplementedError

    def json(self) -> dict:
        raise NotImplementedError

    def wrong_type(self, value: Any, where: Loc, path: str, diags: Diagnostics, hint: str = "") -> Any:
        diags.error("wrong-type", f"expected {self.label}, got {_type_name(value)}", where, path, hint or self.fix)
        return INVALID

    def refuses_empty(self, where: Loc, path: str, diags: Diagnostics) -> bool:
        """Whether a field of this kind written with no value is an error of its own (reported here)."""
        return False


class ListOf(Kind):
    """A list of items of one kind, with optional length bounds."""

    def __init__(self, item: Kind, min_items: int = 0, max_items: int | None = None, single_ok: bool = False):
        self.item, self.min_items, self.max_items, self.single_ok = item, min_items, max_items, single_ok
        self.label = f"{item.label} or a list of them" if single_ok else f"a list (each item: {item.label})"

    def check(self, value, where, path, diags):
        if self.single_ok and not isinstance(value, list):
            return self._single(value, where, path, diags)
        if not isinstance(value, list):
            return self.wrong_type(value, where, path, diags, "start each item on its own line with '- '")
        out = YList(loc=getattr(value, "loc", where))
        ok = True
        for i, item in enumerate(value):
            item_loc = value.at(i) if isinstance(value, YList) else where
            checked = self.item.check(item, item_loc, f"{path}[{i}]", diags)
            if checked is INVALID:
                ok = False
                continue
            out.append(checked)
            out.locs.append(item_loc)
        self.check_length(len(value), where, path, diags, getattr(value, "left_out", 0))
        return out if ok else INVALID

    def _single(self, value, where, path, diags):
        checked = self.item.check(value, where, path, diags)
        if checked is INVALID:
            return INVALID
        out = YList([checked], loc=where)
        out.locs = [where]
        return out

    def check_length(self, count: int, where: Loc, path: str, diags: Diagnostics, left_out: int = 0) -> None:
        if count < self.min_items:
            why = f" ({left_out} left out by only/except for this audience)" if left_out else ""
            diags.error("too-few-items", f"needs at least {self.min_items} item(s), has {count}{why}", where,
                        path, "add items, or show them to this audience" if left_out else "add items on lines "
                        "starting with '- '")
        if self.max_items is not None and count > self.max_items:
            diags.error("too-many-items", f"takes at most {self.max_items} items, has {count}", where, path,
                        "split them over two slides")

    def json(self):
        out: dict = {"type": "array", "items": self.item.json()}
        if self.single_ok:
            return {"anyOf": [self.item.json(), out]}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.max_items is not None:
            out["maxItems"] = self.max_items
        return out


@dataclass(frozen=True)
class Field:
    """One named field: its kind, what it means, whether it must be given, its default."""

    name: str
    kind: Kind
    doc: str
    required: bool = False
    default: Any = None


def _split_item(value, fields: dict, path: str, diags: Diagnostics) -> bool:
    """Report `- Update: the sessions start in March`, which YAML reads as {Update: …}: text that needs quotes."""
    if not isinstance(value, YMap) or len(value) != 1:
        return False
    [(key, item)] = value.items()
    if key in fields or closest(key, fields) or not isinstance(item, str):  # a misspelt field is not text
        return False
    split = quoting.item_as_text(key, value.key_locs.get(key, value.loc), path)
    if split:
        diags.add(split)
    return split is not None


def _split_after_comma(value, key: str, path: str, diags: Diagnostics) -> bool:
    """Report `{label: donated by Asda, alongside the site}`: the text after the comma became a field."""
    keys = list(value)
    before = keys[keys.index(key) - 1] if isinstance(value, YMap) and keys.index(key) > 0 else None
    if before is None or not isinstance(value[before], str):
        return False
    split = quoting.after_comma(key, before, value.at(before), value.key_locs.get(key, value.loc), path)
    if split:
        diags.add(split)
    return split is not None


class Record(Kind):
    """A mapping with known fields; a plain value may stand for its `shorthand` field."""

    label = "a mapping"

    def __init__(self, fields: list[Field] | tuple[Field, ...], shorthand: str | None = None, doc: str = ""):
        self.fields = {f.name: f for f in fields}
        self.shorthand = shorthand
        self.doc = doc
        if shorthand:
            self.label = f"{self.fields[shorthand].kind.label} or a mapping"

    def check(self, value, where, path, diags):
        if value is None:
            return self.wrong_type(value, where, path, diags, "write the item, or remove its line")
        if self.shorthand and not isinstance(value, (dict, list)):
            value = _expand(value, self.shorthand, where)
        if self.shorthand and _split_item(value, self.fields, path, diags):
            return INVALID
        if not isinstance(value, dict):
            return self.wrong_type(value, where, path, diags, self.shape())
        return self.check_fields(value, self.fields, where, path, diags)

    def shape(self) -> str:
        """How to write one of these, e.g. 'write it as {value: ..., label: ...}'."""
        names = [n for n, f in self.fields.items() if f.required] or list(self.fields)[:2]
        return "write it as {" + ", ".join(f"{n}: ..." for n in names) + "}"

    @staticmethod
    def check_fields(value: dict, fields: dict[str, Field], where: Loc, path: str, diags: Diagnostics,
                     unknown_hint: Callable[[str], str] | None = None) -> Any:
        """Check each field where it stands; `unknown_hint(key)` may explain an unknown key better than a
        did-you-mean (e.g. a field of another layout)."""
        out = YMap(loc=getattr(value, "loc", where))
        ok = True
        misspelt = set()
        for key, item in value.items():
            key_loc = value.key_locs.get(key, where) if isinstance(value, YMap) else where
            item_loc = value.at(key) if isinstance(value, YMap) else where
            sub = f"{path}.{key}" if path else key
            field = fields.get(key)
            if field is None and item is None and _split_after_comma(value, key, path, diags):
                ok = False
                continue
            if field is None:
                hint = unknown_hint(key) if unknown_hint else ""
                diags.error("unknown-field", f"unknown field {quoted(key)}", key_loc, sub,
                            hint or did_you_mean(key, fields))
                misspelt.add(None if hint else closest(key, fields))
                ok = False
                continue
            if item is None:
                if field.kind.refuses_empty(item_loc, sub, diags):
                    ok = False
                elif field.required:
                    diags.error("missing-field", f"the field '{key}' is empty", item_loc, sub,
                                f"it is required: {field.doc}")
                    ok = False
                continue
            checked = field.kind.check(item, item_loc, sub, diags)
            if checked is INVALID:
                ok = False
                continue
            out[key] = checked
            out.locs[key] = item_loc
            out.key_locs[key] = key_loc
        for name, field in fields.items():
            if name in out or name in value or name in misspelt:
                continue
            if field.required:
                diags.error("missing-field", f"the field '{name}' is required", where, path,
                            f"add '{name}:' ({field.doc})")
                ok = False
            elif field.default is not None:
                out[name] = field.default
        return out if ok else INVALID

    def json(self):
        obj = {
            "type": "object",
            "properties": {n: {**f.kind.json(), "description": f.doc} for n, f in self.fields.items()},
            "required": [n for n, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }
        if self.doc:
            obj["description"] = self.doc
        if self.shorthand:
            short = self.fields[self.shorthand].kind.json()
            return {"anyOf": [short, obj]}
        return obj


class MapOf(Kind):
    """A mapping from names (keys) to values of one kind, like the image register."""

    label = "a mapping of names"
    fix = "write one 'name: value' per line, indented under it"

    def __init__(self, value: Kind, key_pattern: str = r"[A-Za-z0-9][A-Za-z0-9_.-]*"):
        self.value = value
        self.key_pattern = re.compile(key_pattern)

    def check(self, value, where, path, diags):
        if not isinstance(value, dict):
            return self.wrong_type(value, where, path, diags)
        out = YMap(loc=getattr(value, "loc", where))
        for key, item in value.items():
            key_loc = value.key_locs.get(key, where) if isinstance(value, YMap) else where
            sub = f"{path}.{key}" if path else key
            if not self.key_pattern.fullmatch(key):
                diags.error("bad-name", f"{quoted(key)} is not a valid name", key_loc, sub,
                            "use letters, digits, '-', '_' and '.', starting with a letter or digit")
                continue
            item_loc = value.at(key) if isinstance(value, YMap) else where
            checked = self.value.check(item, item_loc, sub, diags)
            if checked is not INVALID:
                out[key] = checked
                out.locs[key] = item_loc
                out.key_locs[key] = key_loc
        return out

    def json(self):
        return {"type": "object", "additionalProperties": self.value.json()}


def _expand(value: Any, name: str, where: Loc) -> YMap:
    out = YMap({name: value}, loc=where)
    out.locs[name] = where
    out.key_locs[name] = where
    return out
