"""Field kinds for single values: each checks a value where it stands, says what was expected, and hints at the fix."""
from __future__ import annotations

import datetime as dt

import pytest

from deckbuilder.errors import Diagnostics, Loc
from deckbuilder.model.scalars import Choice, Color, Date, Flag, Number, Text, Url
from deckbuilder.model.schema import INVALID, Field, Record
from deckbuilder.source import parse_yaml
from tests.model.kinds import check, check_yaml

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
