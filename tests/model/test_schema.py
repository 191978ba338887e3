"""Field kinds: each checks a value where it stands, says what was expected, and hints at the fix."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from deckbuilder.errors import Diagnostics, Loc
from deckbuilder.model.schema import INVALID, Choice, Color, Date, Field, Flag, ListOf, MapOf, Number, Record, Text, Url
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


# --- Text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("written, text", [("400", "400"), ("007", "007"), ("1.50", "1.50"), ("1e3", "1e3"),
                                           ("2023-11-23", "2023-11-23"), ("No", "No"), ("on", "on")])
def test_text_takes_what_yaml_reads_as_other_types_as_written(written, text):
    assert check_yaml(Text(), f"v: {written}\n") == (text, [])


def test_text_trims_the_newline_of_a_block(one):
    assert check_yaml(Text(), "v: |\n  Line one\n  Line two\n") == ("Line one\nLine two", [])


def test_a_boolean_where_text_is_expected(one):
    value, diags = check_yaml(Text(), "v: true\n")
    diag = one(diags, "wrong-type")
    assert value is INVALID
    assert diag.message == "expected text, got true/false"
    assert diag.where == Loc("t.yaml", 1, 4) and diag.hint == "put the text in quotes"


@pytest.mark.parametrize("written, got", [("[a, b]", "a list"), ("{a: b}", "a mapping")])
def test_a_list_or_mapping_where_text_is_expected(one, written, got):
    diag = one(check_yaml(Text(), f"v: {written}\n")[1], "wrong-type")
    assert diag.message == f"expected text, got {got}"


def test_empty_text(one):
    diag = one(check(Text(), "  ")[1], "empty-text")
    assert "remove the field" in diag.hint


def test_text_too_long(one):
    diag = one(check(Text(max_len=10), "x" * 11)[1], "text-too-long")
    assert "11" in diag.message and "10" in diag.message and "speaker notes" in diag.hint


def test_text_pattern(one):
    diag = one(check(Text(pattern=r"[a-z]+", pattern_hint="lower-case letters"), "Abc")[1], "bad-format")
    assert diag.message == "'Abc' is not valid here" and diag.hint == "lower-case letters"


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\ud800", "\uffff"])
def test_text_an_office_file_cannot_hold_is_refused(one, char):
    value, diags = check(Text(), f"ab{char}cd")
    diag = one(diags, "bad-character")
    assert value is INVALID
    assert f"U+{ord(char):04X}" in diag.message and "position 3" in diag.message


def test_tabs_and_newlines_are_fine_in_text():
    assert check(Text(), "a\tb\nc") == ("a\tb\nc", [])


def test_a_yaml_escape_for_a_control_character_is_caught(one):
    diag = one(check_yaml(Text(), 'v: "bell\\a"\n')[1], "bad-character")
    assert diag.where == Loc("t.yaml", 1, 4)


# --- Number ---------------------------------------------------------------------------------------


def test_numbers():
    assert check(Number(), 5) == (5.0, [])
    assert check(Number(integer=True), 5.0) == (5, [])


@pytest.mark.parametrize("value, hint", [("50%", "digits only"), (True, ""), ([1], "")])
def test_not_a_number(one, value, hint):
    diag = one(check(Number(), value)[1], "wrong-type")
    assert diag.message.startswith("expected a number, got")
    assert hint in diag.hint


@pytest.mark.parametrize("written", [".inf", "-.inf", ".nan", "1e400"])
def test_infinity_and_nan_are_refused(one, written):
    value, diags = check_yaml(Number(), f"v: {written}\n")
    diag = one(diags, "bad-number")
    assert value is INVALID and diag.message.startswith(written)
    assert diag.hint


def test_out_of_range(one):
    diag = one(check(Number(0, 1), 2)[1], "out-of-range")
    assert diag.message == "2 is outside 0…1"


def test_a_whole_number_is_required(one):
    diag = one(check(Number(integer=True), 1.5)[1], "wrong-type")
    assert diag.message == "expected a whole number, got a number"


# --- Flag -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["yes", "no", "on", "Off", "y"])
def test_yaml_1_1_booleans_are_not_flags_and_the_hint_says_why(one, written):
    value, diags = check_yaml(Flag(), f"v: {written}\n")
    diag = one(diags, "wrong-type")
    assert value is INVALID
    assert diag.message == "expected true or false, got text"
    assert diag.hint.startswith("write true or false") and f"'{written}'" in diag.hint


def test_flags():
    assert check_yaml(Flag(), "v: true\n") == (True, [])
    assert check_yaml(Flag(), "v: false\n") == (False, [])


def test_a_number_is_not_a_flag(one):
    assert one(check(Flag(), 1)[1], "wrong-type").hint == "write true or false"


# --- Choice ---------------------------------------------------------------------------------------


def test_choice_suggests_the_closest():
    value, diags = check(Choice("cover", "contain"), "contian")
    assert value is INVALID
    assert [(d.code, d.message, d.hint) for d in diags] == [
        ("bad-choice", "'contian' is not allowed here", "did you mean 'contain'?")]


def test_choice_lists_all_when_none_is_close(one):
    diag = one(check(Choice("cover", "contain"), "zzz")[1], "bad-choice")
    assert diag.hint == "expected one of: contain, cover"


def test_choice_of_the_wrong_type(one):
    diag = one(check(Choice("a", "b"), 5)[1], "wrong-type")
    assert diag.message == "expected one of a, b, got a number"


# --- Color ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ['"#1b6b73"', '"1B6B73"', "'#1B6B73 '"])
def test_colours_are_normalised(written):
    assert check_yaml(Color(), f"v: {written}\n") == ("1B6B73", [])


@pytest.mark.parametrize("written", ['"#12345"', "teal", '"#GGGGGG"', '"rgb(1,2,3)"'])
def test_a_bad_colour(one, written):
    value, diags = check_yaml(Color(), f"v: {written}\n")
    diag = one(diags, "bad-colour")
    assert value is INVALID and diag.where == Loc("t.yaml", 1, 4)
    assert "six hex digits" in diag.hint


def test_an_unquoted_number_colour(one):
    diag = one(check_yaml(Color(), "v: 123456\n")[1], "wrong-type")
    assert 'in quotes' in diag.hint


def test_an_unquoted_hash_colour_is_a_comment_and_is_reported(one):
    record = Record((Field("accent", Color(), "emphasis", default="C2410C"),))
    data = parse_yaml("v:\n  accent: #1B6B73\n", "t.yaml")
    diags = Diagnostics()
    assert record.check(data["v"], data.at("v"), "v", diags) is INVALID
    diag = one(list(diags), "bad-colour")
    assert diag.where == Loc("t.yaml", 2, 10) and diag.path == "v.accent"
    assert "'#' starts a comment" in diag.message and 'quotes' in diag.hint


# --- Date and Url ---------------------------------------------------------------------------------


def test_dates():
    assert check_yaml(Date(), "v: 2023-11-23\n") == (dt.date(2023, 11, 23), [])
    assert check_yaml(Date(), "v: '2023-11-23'\n") == (dt.date(2023, 11, 23), [])
    assert check_yaml(Date(), "v: 2023-11-23T10:00:00Z\n")[0] == dt.date(2023, 11, 23)


def test_a_date_that_is_not_a_day(one):
    value, diags = check_yaml(Date(), "v: 2023-02-30\n")
    diag = one(diags, "bad-date")
    assert value is INVALID and diag.where == Loc("t.yaml", 1, 4)
    assert diag.message == "2023-02-30 is not a day of the calendar"


@pytest.mark.parametrize("written", ["23/11/2023", "November 2023", "5"])
def test_a_date_in_another_form(one, written):
    diag = one(check_yaml(Date(), f"v: {written}\n")[1], "wrong-type")
    assert diag.hint == "write the date as YYYY-MM-DD"


def test_urls(one):
    assert check(Url(), "https://example.org/a")[1] == []
    assert check(Url(), "mailto:keith@example.org")[1] == []
    diag = one(check(Url(), "www.example.org")[1], "bad-format")
    assert "https://" in diag.hint


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
