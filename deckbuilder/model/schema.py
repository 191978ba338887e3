"""Field kinds: validate YAML values where they stand, hint at typos, and export docs and JSON Schema."""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import quoting
from ..errors import Diagnostics, Loc, closest, did_you_mean, quoted
from ..source import YList, YMap

INVALID = object()
# Characters an Office file cannot hold: C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/F.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}


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
            return self.wrong_type(value, where, path, diags, _text_hint(value))
        text = value.strip("\n")
        bad = _UNSTORABLE.search(text)
        if bad:
            diags.error("bad-character", f"this text holds an invisible control character "
                        f"(U+{ord(bad.group()):04X}) at position {bad.start() + 1}", where, path,
                        "delete it; text pasted from other programs sometimes carries them")
            return INVALID
        if not text.strip():
            diags.error("empty-text", "this text is empty", where, path, "write the text or remove the field")
            return INVALID
        if len(text) > self.max_len:
            diags.error("text-too-long", f"this text has {len(text):,} characters; the limit is {self.max_len:,}",
                        where, path, "shorten it or move detail to the speaker notes")
            return INVALID
        if self.pattern and not self.pattern.fullmatch(text):
            diags.error("bad-format", f"{quoted(text)} is not valid here", where, path,
                        self.pattern_hint or f"it must match {self.pattern.pattern}")
            return INVALID
        return text

    def json(self):
        out: dict = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        if self.pattern:
            out["pattern"] = self.pattern.pattern
        return out


class Cell(Text):
    """A table cell: text or a number, taken as written; empty ("" or nothing) for an empty cell."""

    label = "text, a number or nothing"

    def check(self, value, where, path, diags):
        if value is None or value == "":
            return ""
        return super().check(value, where, path, diags)

    def json(self):
        return {"anyOf": [{"type": "string", "maxLength": self.max_len}, {"type": "number"}, {"type": "null"}]}


def _text_hint(value: Any) -> str:
    if isinstance(value, list):
        return "this field takes one text, not a list: write it on one line, or in a '|' block for several"
    if isinstance(value, dict):
        return "put text containing ': ', '{' or '}' in quotes"
    return "put the text in quotes"


class Number(Kind):
    """A number, optionally bounded."""

    label = "a number"
    fix = "write a number such as 40 or 12.5"

    def __init__(self, minimum: float | None = None, maximum: float | None = None, integer: bool = False):
        self.minimum, self.maximum, self.integer = minimum, maximum, integer
        if integer:
            self.label = "a whole number"

    def check(self, value, where, path, diags):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = "write digits only, e.g. 50 not '50%'" if isinstance(value, str) else ""
            return self.wrong_type(value, where, path, diags, hint)
        if not math.isfinite(value):
            diags.error("bad-number", f"{getattr(value, 'src', value)} is not a number a chart can show", where,
                        path, "write an ordinary number such as 40 or 12.5")
            return INVALID
        if self.integer and not float(value).is_integer():
            return self.wrong_type(value, where, path, diags)
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            diags.error("out-of-range", f"{value} is outside {self.minimum}…{self.maximum}", where, path,
                        f"write a number from {self.minimum} to {self.maximum}")
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
    fix = "write true or false"

    def check(self, value, where, path, diags):
        if isinstance(value, bool):
            return value
        hint = ""
        if isinstance(value, str) and value.strip().lower() in _YAML11_BOOLS:
            hint = f"write true or false; yes, no, on and off are read as text, so '{value}' is not a flag"
        return self.wrong_type(value, where, path, diags, hint)

    def json(self):
        return {"type": "boolean"}


class Choice(Kind):
    """One of a fixed set of words."""

    def __init__(self, *values: str):
        self.values = values
        self.label = "one of " + ", ".join(values)
        self.fix = "write just one of these words"

    def check(self, value, where, path, diags):
        if isinstance(value, str) and value in self.values:
            return value
        if not isinstance(value, str):
            return self.wrong_type(value, where, path, diags)
        diags.error("bad-choice", f"{quoted(value)} is not allowed here", where, path, did_you_mean(value, self.values))
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
            diags.error("bad-colour", f"{quoted(value)} is not a colour", where, path,
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
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                    diags.error("bad-date", f"{value.strip()} is not a day of the calendar", where, path,
                                "check the month (01–12) and the day of the month")
                    return INVALID
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
                if isinstance(field.kind, Color):  # `accent: #1B6B73` is a comment: the value is empty
                    diags.error("bad-colour", "this colour is empty: an unquoted '#' starts a comment", item_loc,
                                sub, 'put the colour in quotes: "#1B6B73"')
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
