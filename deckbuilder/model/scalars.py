"""Field kinds for single values: text, numbers, flags, choices, colours, dates and web addresses."""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from ..errors import did_you_mean, quoted
from .schema import INVALID, Kind

# Characters an Office file cannot hold: C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/F.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}


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

    def nearest(self, value: float) -> float:
        """The value, or the bound it passes."""
        if self.minimum is not None:
            value = max(value, self.minimum)
        return value if self.maximum is None else min(value, self.maximum)

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

    def refuses_empty(self, where, path, diags):
        """`accent: #1B6B73` is a comment: the value is empty."""
        diags.error("bad-colour", "this colour is empty: an unquoted '#' starts a comment", where, path,
                    'put the colour in quotes: "#1B6B73"')
        return True

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
