"""Field kinds: validate YAML values where they stand, hint at typos, and export docs and JSON Schema."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..errors import Diagnostics, Loc, did_you_mean
from ..source import YList, YMap

INVALID = object()


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (YMap, YList)) else type(value).__name__
    return {"YMap": "a mapping", "YList": "a list"}.get(text, text)


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

    def check(self, value: Any, where: Loc, path: str, diags: Diagnostics) -> Any:
        raise NotImplementedError

    def json(self) -> dict:
        raise NotImplementedError

    def wrong_type(self, value: Any, where: Loc, path: str, diags: Diagnostics, hint: str = "") -> Any:
        diags.error("wrong-type", f"expected {self.label}, got {_type_name(value)}", where, path, hint)
        return INVALID


class Text(Kind):
    """Text; numbers written in YAML are taken as written ('400' stays '400')."""

    label = "text"

    def __init__(self, max_len: int = 5000, pattern: str | None = None, pattern_hint: str = ""):
        self.max_len = max_len
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_hint = pattern_hint

    def check(self, value, where, path, diags):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = getattr(value, "src", str(value))
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        if not isinstance(value, str):
            hint = "put the text in quotes" if isinstance(value, bool) else ""
            return self.wrong_type(value, where, path, diags, hint)
        text = value.strip("\n")
        if not text.strip():
            diags.error("empty-text", "this text is empty", where, path, "write the text or remove the field")
            return INVALID
        if len(text) > self.max_len:
            diags.error("text-too-long", f"this text has {len(text):,} characters; the limit is {self.max_len:,}",
                        where, path, "shorten it or move detail to the speaker notes")
            return INVALID
        if self.pattern and not self.pattern.fullmatch(text):
            diags.error("bad-format", f"'{text}' is not valid here", where, path, self.pattern_hint)
            return INVALID
        return text

    def json(self):
        out: dict = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        if self.pattern:
            out["pattern"] = self.pattern.pattern
        return out


class Number(Kind):
    """A number, optionally bounded."""

    label = "a number"

    def __init__(self, minimum: float | None = None, maximum: float | None = None, integer: bool = False):
        self.minimum, self.maximum, self.integer = minimum, maximum, integer
        if integer:
            self.label = "a whole number"

    def check(self, value, where, path, diags):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = "write digits only, e.g. 50 not '50%'" if isinstance(value, str) else ""
            return self.wrong_type(value, where, path, diags, hint)
        if self.integer and not float(value).is_integer():
            return self.wrong_type(value, where, path, diags)
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            diags.error("out-of-range", f"{value} is outside {self.minimum}…{self.maximum}", where, path)
            return INVALID
        return int(value) if self.integer else float(value)

    def json(self):
        out: dict = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


class Flag(Kind):
    """true or false."""

    label = "true or false"

    def check(self, value, where, path, diags):
        return value if isinstance(value, bool) else self.wrong_type(value, where, path, diags)

    def json(self):
        return {"type": "boolean"}


class Choice(Kind):
    """One of a fixed set of words."""

    def __init__(self, *values: str):
        self.values = values
        self.label = "one of " + ", ".join(values)

    def check(self, value, where, path, diags):
        if isinstance(value, str) and value in self.values:
            return value
        if not isinstance(value, str):
            return self.wrong_type(value, where, path, diags)
        diags.error("bad-choice", f"'{value}' is not allowed here", where, path, did_you_mean(value, self.values))
        return INVALID

    def json(self):
        return {"enum": list(self.values)}


class Color(Kind):
    """A colour as #RRGGBB; normalised to upper-case RRGGBB."""

    label = "a colour like \"#1B6B73\""

    def check(self, value, where, path, diags):
        if isinstance(value, str) and re.fullmatch(r"#?[0-9a-fA-F]{6}", value.strip()):
            return value.strip().lstrip("#").upper()
        if isinstance(value, str):
            diags.error("bad-colour", f"'{value}' is not a colour", where, path,
                        'write six hex digits in quotes, e.g. "#1B6B73"')
            return INVALID
        return self.wrong_type(value, where, path, diags, 'put the colour in quotes: "#1B6B73"')

    def json(self):
        return {"type": "string", "pattern": "^#?[0-9a-fA-F]{6}$"}


class Date(Kind):
    """A calendar date, written 2023-11-23."""

    label = "a date like 2023-11-23"

    def check(self, value, where, path, diags):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        return self.wrong_type(value, where, path, diags, "write the date as YYYY-MM-DD")

    def json(self):
        return {"type": "string", "format": "date"}


class Url(Text):
    """A web address (http, https or mailto)."""

    label = "a web address"

    def __init__(self):
        super().__init__(max_len=2000, pattern=r"(https?://|mailto:)\S+",
                         pattern_hint="write a full address starting with https://")


class ListOf(Kind):
    """A list of items of one kind, with optional length bounds."""

    def __init__(self, item: Kind, min_items: int = 0, max_items: int | None = None, single_ok: bool = False):
        self.item, self.min_items, self.max_items, self.single_ok = item, min_items, max_items, single_ok
        self.label = f"a list of {item.label}"

    def check(self, value, where, path, diags):
        if self.single_ok and not isinstance(value, list):
            value = YList([value], loc=where)
            value.locs = [where]
        if not isinstance(value, list):
            return self.wrong_type(value, where, path, diags, "start each item on its own line with '- '")
        out = YList(loc=getattr(value, "loc", where))
        for i, item in enumerate(value):
            item_loc = value.at(i) if isinstance(value, YList) else where
            checked = self.item.check(item, item_loc, f"{path}[{i}]", diags)
            if checked is not INVALID:
                out.append(checked)
                out.locs.append(item_loc)
        self.check_length(len(value), where, path, diags)
        return out

    def check_length(self, count: int, where: Loc, path: str, diags: Diagnostics) -> None:
        if count < self.min_items:
            diags.error("too-few-items", f"needs at least {self.min_items} item(s), has {count}", where, path)
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


class Record(Kind):
    """A mapping with known fields; a plain value may stand for its `shorthand` field."""

    label = "a mapping"

    def __init__(self, fields: list[Field] | tuple[Field, ...], shorthand: str | None = None, doc: str = ""):
        self.fields = {f.name: f for f in fields}
        self.shorthand = shorthand
        self.doc = doc

    def check(self, value, where, path, diags):
        if self.shorthand and not isinstance(value, dict):
            value = _expand(value, self.shorthand, where)
        if not isinstance(value, dict):
            return self.wrong_type(value, where, path, diags)
        return self.check_fields(value, self.fields, where, path, diags)

    @staticmethod
    def check_fields(value: dict, fields: dict[str, Field], where: Loc, path: str, diags: Diagnostics) -> Any:
        out = YMap(loc=getattr(value, "loc", where))
        ok = True
        for key, item in value.items():
            key_loc = value.key_locs.get(key, where) if isinstance(value, YMap) else where
            item_loc = value.at(key) if isinstance(value, YMap) else where
            sub = f"{path}.{key}" if path else key
            field = fields.get(key)
            if field is None:
                diags.error("unknown-field", f"unknown field '{key}'", key_loc, sub, did_you_mean(key, fields))
                ok = False
                continue
            if item is None and not field.required:
                continue
            checked = field.kind.check(item, item_loc, sub, diags)
            if checked is INVALID:
                ok = False
                continue
            out[key] = checked
            out.locs[key] = item_loc
            out.key_locs[key] = key_loc
        for name, field in fields.items():
            if name in out or name in value and value[name] is not None:
                continue
            if field.required:
                diags.error("missing-field", f"the field '{name}' is required", where, path, field.doc)
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
                diags.error("bad-name", f"'{key}' is not a valid name", key_loc, sub,
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
