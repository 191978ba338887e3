"""Field kinds for lists, records and maps: each checks a value where it stands and hints at the fix; JSON Schema."""
from __future__ import annotations

import json

from deckbuilder.errors import Loc
from deckbuilder.model.scalars import Choice, Color, Date, Flag, Number, Text
from deckbuilder.model.schema import INVALID, Field, ListOf, MapOf, Record
from tests.model.kinds import check, check_yaml

# --- ListOf ---------------------------------------------------------------------------------------


def test_a_list_keeps_item_locations():
    value, diags = check_yaml(ListOf(Text()), "v:\n  - a\n  - 5\n")
    assert value == ["a", "5"] and diags == []
    assert value.at(1) == Loc("t.yaml", 3, 5)


def test_a_number_where_a_list_is_expected(one):
    diag = one(check_yaml(ListOf(Text()), "v: 7\n")[1], "wrong-type")
    assert diag.message == "expected a list (each item: text), got a number"
    assert diag.where == Loc("t.yaml", 1, 4) and "'- '" in diag.hint


def test_each_bad_item_is_reported_at_its_own_line():
    value, diags = check_yaml(ListOf(Number()), "v:\n  - 1\n  - x\n  - [2]\n")
    assert value is INVALID
    assert [(d.code, d.where.line, d.path) for d in diags] == [
        ("wrong-type", 3, "v[1]"), ("wrong-type", 4, "v[2]")]


def test_list_length(one):
    assert one(check(ListOf(Text(), 2, 3), ["a"])[1], "too-few-items").message == \
        "needs at least 2 item(s), has 1"
    diag = one(check(ListOf(Text(), 2, 3), list("abcd"))[1], "too-many-items")
    assert diag.message == "takes at most 3 items, has 4" and "two slides" in diag.hint


def test_a_single_value_may_stand_for_a_list(one):
    value, diags = check_yaml(ListOf(Text(), single_ok=True), "v: funders\n")
    assert value == ["funders"] and diags == []
    diag = one(check_yaml(ListOf(Text(), single_ok=True), "v: {a: 1}\n")[1], "wrong-type")
    assert diag.path == "v"  # not v[0]: the user wrote no list
    assert diag.message == "expected text, got a mapping"


# --- Record ---------------------------------------------------------------------------------------

POINT = Record((
    Field("text", Text(), "the point", required=True),
    Field("numbered", Flag(), "number it"),
    Field("colour", Color(), "its colour", default="000000"),
), shorthand="text")


def test_a_shorthand_value_stands_for_its_field():
    value, diags = check_yaml(POINT, "v: Babies can't wait\n")
    assert diags == [] and value == {"text": "Babies can't wait", "colour": "000000"}


def test_a_typo_gets_a_did_you_mean_and_no_second_error_for_the_field_it_meant(one):
    value, diags = check_yaml(POINT, "v:\n  txt: Hello\n")
    diag = one(diags)
    assert value is INVALID
    assert (diag.code, diag.where, diag.path) == ("unknown-field", Loc("t.yaml", 2, 3), "v.txt")
    assert diag.message == "unknown field 'txt'" and diag.hint == "did you mean 'text'?"


def test_an_unknown_field_far_from_any_lists_them_all(one):
    diag = one(check_yaml(POINT, "v: {text: a, zzzz: 1}\n")[1], "unknown-field")
    assert diag.hint == "expected one of: colour, numbered, text"


def test_a_missing_required_field(one):
    diag = one(check_yaml(POINT, "v: {numbered: true}\n")[1], "missing-field")
    assert diag.message == "the field 'text' is required"
    assert diag.where == Loc("t.yaml", 1, 4) and diag.hint == "add 'text:' (the point)"


def test_a_required_field_left_empty_is_one_error_at_its_line(one):
    diag = one(check_yaml(POINT, "v:\n  numbered: true\n  text:\n")[1])
    assert (diag.code, diag.where.line, diag.path) == ("missing-field", 3, "v.text")
    assert diag.message == "the field 'text' is empty"


def test_an_empty_list_item_is_one_error(one):
    value, diags = check_yaml(ListOf(POINT), "v:\n  - a\n  -\n  - b\n")
    diag = one(diags)
    assert (diag.code, diag.where.line, diag.path) == ("wrong-type", 3, "v[1]")
    assert diag.message == "expected text or a mapping, got nothing (null)"
    assert "remove its line" in diag.hint


def test_a_list_where_a_record_is_expected_shows_its_shape(one):
    stat = Record((Field("value", Text(), "v", required=True), Field("label", Text(), "l", required=True)))
    diag = one(check_yaml(stat, "v: [10%, at risk]\n")[1], "wrong-type")
    assert diag.message == "expected a mapping, got a list"
    assert diag.hint == "write it as {value: ..., label: ...}"


def test_every_mistake_in_a_record_is_reported_in_one_run():
    text = "v:\n  txt: a\n  numbered: yes\n  colour: '#12'\n"
    value, diags = check_yaml(POINT, text)
    assert value is INVALID
    assert [(d.code, d.where.line) for d in diags] == [("unknown-field", 2), ("wrong-type", 3), ("bad-colour", 4)]


def test_optional_fields_left_empty_are_dropped_and_defaults_filled():
    value, diags = check_yaml(POINT, "v: {text: a, numbered: null}\n")
    assert diags == [] and value == {"text": "a", "colour": "000000"}


# --- MapOf ----------------------------------------------------------------------------------------


def test_map_of_checks_names_and_values():
    value, diags = check_yaml(MapOf(Number()), "v:\n  good-name: 1\n  bad name: 2\n  other: x\n")
    assert value == {"good-name": 1.0}
    assert [(d.code, d.where.line, d.path) for d in diags] == [("bad-name", 3, "v.bad name"),
                                                              ("wrong-type", 4, "v.other")]


def test_map_of_the_wrong_type(one):
    assert one(check(MapOf(Number()), [1])[1], "wrong-type").message == "expected a mapping of names, got a list"


# --- JSON Schema export -----------------------------------------------------------------------------


def test_kinds_export_valid_json_schema_fragments():
    schema = Record((
        Field("t", Text(10, r"[a-z]+"), "t", required=True), Field("n", Number(0, 1), "n"),
        Field("c", Choice("a", "b"), "c"), Field("l", ListOf(Text(), 1, 2), "l"),
        Field("s", ListOf(Text(), single_ok=True), "s"), Field("k", Color(), "k"), Field("d", Date(), "d"),
        Field("m", MapOf(Flag()), "m"),
    ), doc="a record").json()
    json.dumps(schema)
    assert schema["required"] == ["t"] and schema["additionalProperties"] is False
    assert schema["properties"]["l"]["maxItems"] == 2
    assert schema["properties"]["c"]["enum"] == ["a", "b"]
    assert schema["properties"]["s"]["anyOf"][0]["type"] == "string"
    assert POINT.json()["anyOf"][0]["type"] == "string"
