"""Checking a kind against a value given directly or written in YAML, for the tests of field kinds."""
from __future__ import annotations

from deckbuilder.errors import Diagnostics, Loc
from deckbuilder.source import parse_yaml

HERE = Loc("t.yaml", 1, 1)


def check(kind, value):
    """(checked value, diagnostics) for a value given directly."""
    diags = Diagnostics()
    return kind.check(value, HERE, "f", diags), list(diags)


def check_yaml(kind, text: str):
    """(checked value, diagnostics) for the value of `v:` in YAML text, with real locations."""
    data = parse_yaml(text, "t.yaml")
    diags = Diagnostics()
    return kind.check(data["v"], data.at("v"), "v", diags), list(diags)
