"""Safe YAML loading: locations for every node, YAML 1.2 scalars, and a clear error for every bad file."""
from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckbuilder import source
from deckbuilder.errors import BuildError, Diagnostics, Loc
from deckbuilder.source import MAX_BYTES, MAX_ERRORS, MAX_NODES, YFloat, YInt, YList, YMap, load_yaml, parse_yaml


def parse(text: str):
    return parse_yaml(text, "t.yaml")


# --- what a good file gives -------------------------------------------------------------------


def test_mappings_and_lists_know_where_they_and_their_parts_are():
    data = parse("deck:\n  title: Hope\nslides:\n  - id: a\n  - b\n")
    assert isinstance(data, YMap) and isinstance(data["slides"], YList)
    assert data.loc == Loc("t.yaml", 1, 1)
    assert data.key_locs["slides"] == Loc("t.yaml", 3, 1)
    assert data["deck"].at("title") == Loc("t.yaml", 2, 10)
    assert data["slides"].at(1) == Loc("t.yaml", 5, 5)
    assert data["slides"][0].loc == Loc("t.yaml", 4, 5)
    assert data["deck"].at("missing") == data["deck"].loc  # falls back to the mapping


def test_numbers_remember_how_they_were_written():
    data = parse("a: 007\nb: 1.50\nc: 60000\n")
    assert isinstance(data["a"], YInt) and data["a"] == 7 and data["a"].src == "007"
    assert isinstance(data["b"], YFloat) and data["b"] == 1.5 and data["b"].src == "1.50"
    assert data["c"].src == "60000"


@pytest.mark.parametrize("written", ["No", "no", "on", "Off", "yes", "Y", "n", "NO"])
def test_yaml_1_1_booleans_stay_text(written):
    assert parse(f"a: {written}\n")["a"] == written


@pytest.mark.parametrize("written, value", [("true", True), ("False", False), ("TRUE", True)])
def test_only_true_and_false_are_booleans(written, value):
    assert parse(f"a: {written}\n")["a"] is value


@pytest.mark.parametrize("written, value", [
    ("017", 17),          # YAML 1.2: decimal, not octal
    ("0o17", 15),
    ("0x1F", 31),
    ("-3", -3),
    ("1e3", 1000.0),      # YAML 1.1 read this as text
    (".5", 0.5),
    ("1_000", "1_000"),   # not a number in YAML 1.2
    ("12:30", "12:30"),   # not sexagesimal 750
    ("~", None),
    ("2023-11-23", dt.date(2023, 11, 23)),
    ("2023-02-30", "2023-02-30"),  # not a day: kept as text for the field to report
    ("=", "="),
    ("<<", "<<"),
])
def test_yaml_1_2_scalars(written, value):
    assert parse(f"a: {written}\n")["a"] == value


def test_keys_are_kept_as_written():
    data = parse("5: a\ntrue: b\nNo: c\n~: d\n017: e\n")
    assert list(data) == ["5", "true", "No", "~", "017"]


def test_aliases_that_expand_modestly_are_fine():
    data = parse("a: &x [1, 2]\nb: *x\n")
    assert data["a"] == data["b"] == [1, 2]


def test_a_utf8_byte_order_mark_is_accepted(write):
    path = write("bom.yaml", "\ufeffdeck: {title: Café}\n".encode("utf-8"))
    assert load_yaml(path)["deck"]["title"] == "Café"


# --- malformed YAML: code, file, line, column and a hint that says what to do ----------------------


@pytest.mark.parametrize("text, line, col, words, hint", [
    ('deck:\n  title: "unclosed\nslides: []\n', 2, 10, "never closed", "closing quote"),
    ("deck: [a, b\nslides: []\n", 2, 7, "not closed properly", "brackets"),
    ("deck:\n  title: x\n bad: 1\n", 3, 2, "not indented like", "same number of spaces"),
    ("deck:\n  title: x\n\tsub: 1\n", 3, 1, "tab", "spaces, not tabs"),
    ("deck: {title: @x}\n", 1, 15, "'@'", "in quotes"),
    ("deck:\n  title: *b\n", 2, 10, "undefined alias 'b'", "in quotes"),
    ("deck: {title: 'it's'}\n", 1, 19, "not closed properly", "double quotes"),
])
def test_malformed_yaml(raised, one, text, line, col, words, hint):
    diag = one(raised(lambda: parse(text)), "yaml-syntax")
    assert diag.where == Loc("t.yaml", line, col)
    assert words in diag.message
    assert hint in diag.hint


def test_text_with_a_colon_that_needs_quotes_is_named_with_the_fix(raised, one):
    diag = one(raised(lambda: parse("deck:\n  title: a: b\n")), "needs-quotes")
    assert diag.where == Loc("t.yaml", 2, 10)
    assert diag.hint == 'put the text in quotes: title: "a: b"'
    assert diag.excerpt.splitlines()[:2] == ["  2 |   title: a: b", "    |           ^ YAML split the text here"]


def test_a_tab_in_the_middle_of_indentation_is_named(write, raised, one):
    path = write("tabs.yaml", "deck:\n  title: x\nslides:\n\t- id: a\n")
    diag = one(raised(lambda: load_yaml(path)), "yaml-syntax")
    assert (diag.where.file, diag.where.line) == ("tabs.yaml", 4)
    assert diag.hint == "indent with spaces, not tabs"


def test_a_tab_inside_unquoted_text_is_not_called_indentation(raised, one):
    diag = one(raised(lambda: parse("deck:\n  title: a\tb\n")), "yaml-syntax")
    assert diag.where == Loc("t.yaml", 2, 11)
    assert diag.message == "a tab character inside unquoted text" and "quotes" in diag.hint
    assert parse('deck:\n  title: "a\tb"\n')["deck"]["title"] == "a\tb"


def test_an_invisible_control_character_is_found(raised, one):
    diag = one(raised(lambda: parse("deck:\n  title: a\x01b\n")), "yaml-syntax")
    assert diag.where == Loc("t.yaml", 2, 11)
    assert "U+0001" in diag.message and "delete it" in diag.hint


# --- duplicate keys --------------------------------------------------------------------------------


def test_duplicate_key_names_both_lines(raised, one):
    diag = one(raised(lambda: parse("deck:\n  title: A\n  subtitle: B\n  title: C\n")), "duplicate-key")
    assert diag.where == Loc("t.yaml", 4, 3)
    assert "'title'" in diag.message and "line 2" in diag.message
    assert diag.hint == "keep one of them"


def test_every_duplicate_key_in_a_file_is_reported_at_once(raised):
    text = "deck:\n  title: A\n  title: B\nslides:\n  - id: a\n    id: b\nslides: []\n"
    diags = raised(lambda: parse(text))
    assert [(d.code, d.where.line) for d in diags] == [
        ("duplicate-key", 3), ("duplicate-key", 6), ("duplicate-key", 7)]


def test_thousands_of_errors_are_cut_short(raised):
    diags = raised(lambda: parse("a: 1\n" * 3000))
    assert len(diags) == MAX_ERRORS + 1
    assert diags[-1].code == "too-many-errors" and diags[-1].message.startswith("2,899 more errors")
    collected = Diagnostics()
    collected.extend(diags * 2)  # repeats are dropped
    assert list(collected) == diags


def test_keys_that_read_alike_as_booleans_are_distinct():
    assert list(parse("on: 1\nOn: 2\n")) == ["on", "On"]


# --- tags: nothing but plain data is ever constructed ---------------------------------------------


@pytest.mark.parametrize("text, tag", [
    ("deck: !!python/object:os.system {title: x}\n", "!!python/object:os.system"),
    ("deck: !!python/object/apply:os.system [echo]\n", "!!python/object/apply:os.system"),
    ("deck: !!python/name:os.system ''\n", "!!python/name:os.system"),
    ("deck: !foo bar\n", "!foo"),
    ("deck: !!binary aGVsbG8=\n", "!!binary"),
    ("deck: !!set {a, b}\n", "!!set"),
    ("deck: !!omap [a: 1]\n", "!!omap"),
    ("deck: !<tag:example.com,2024:x> y\n", "tag:example.com,2024:x"),
])
def test_tags_are_refused(raised, one, text, tag):
    diag = one(raised(lambda: parse(text)), "yaml-tag")
    assert diag.where == Loc("t.yaml", 1, 7)
    assert f"'{tag}'" in diag.message
    assert "remove the tag" in diag.hint


def test_a_python_tag_never_runs_anything(tmp_path, raised):
    marker = tmp_path / "pwned"
    raised(lambda: parse(f'x: !!python/object/apply:os.system ["touch {marker}"]\n'))
    assert not marker.exists()


def test_every_tag_in_a_file_is_reported_and_tags_on_keys_too(raised):
    diags = raised(lambda: parse("a: !foo 1\n!bar b: 2\nc: [!!binary x]\n"))
    assert [(d.code, d.where.line, d.where.col) for d in diags] == [
        ("yaml-tag", 1, 4), ("yaml-tag", 2, 1), ("yaml-tag", 3, 5)]


def test_standard_tags_are_allowed():
    assert parse("a: !!str 5\nb: !!int '7'\n") == {"a": "5", "b": 7}


def test_merge_keys_are_refused(raised, one):
    diag = one(raised(lambda: parse("base: &b {layout: bullets}\nslide:\n  <<: *b\n  title: x\n")),
               "yaml-merge-key")
    assert diag.where == Loc("t.yaml", 3, 3)
    assert "use:" in diag.hint


def test_a_mapping_as_a_key_is_refused(raised, one):
    diag = one(raised(lambda: parse("? [a, b]\n: c\n")), "yaml-key")
    assert diag.where == Loc("t.yaml", 1, 3)


# --- documents that would hang or exhaust memory -----------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 9) + "]")
    lines.append(f"deck: {{title: *lol{levels}}}")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_it_expands(raised, one):
    diag = one(raised(lambda: parse(billion_laughs())), "yaml-too-complex")
    # 9**6 = 531,441 values is the first level over the limit: lol5, on line 6
    assert 9 ** 5 < MAX_NODES < 9 ** 6
    assert diag.where == Loc("t.yaml", 6, 7)
    assert f"{MAX_NODES:,}" in diag.message and "aliases" in diag.message
    assert "alias" in diag.hint


def test_a_bigger_alias_bomb_ends_as_quickly(raised, one):
    # 9**30 values: anything that expands, counts or builds them one by one would never finish.
    one(raised(lambda: parse(billion_laughs(30))), "yaml-too-complex")


@pytest.mark.parametrize("text, line, col", [
    ("deck: &d {title: x, self: *d}\n", 1, 7),
    ("a: &x [1, [2, *x]]\n", 1, 4),
])
def test_a_recursive_alias_is_refused(raised, one, text, line, col):
    diag = one(raised(lambda: parse(text)), "yaml-recursive")
    assert diag.where == Loc("t.yaml", line, col)
    assert "alias" in diag.hint


@pytest.mark.parametrize("text, line", [
    ("a: " + "[" * 1200 + "]" * 1200 + "\n", 1),  # past Python's recursion limit
    ("".join("  " * i + "k:\n" for i in range(60)), 40),
], ids=["flow", "block"])
def test_deep_nesting_is_refused_not_a_crash(raised, one, text, line):
    diag = one(raised(lambda: parse(text)), "yaml-too-complex")
    assert diag.where.line == line
    assert "levels deep" in diag.message


def test_aliases_that_nest_too_deep_are_refused_not_a_crash(raised, one):
    # each anchor nests the one before 35 levels deeper: 30 of them would overflow Python's stack
    lines = [f"a{i}: &a{i} " + "[" * 35 + (f"*a{i - 1}" if i else "x") + "]" * 35 for i in range(30)]
    diag = one(raised(lambda: parse("\n".join(lines) + "\n")), "yaml-too-complex")
    assert diag.where == Loc("t.yaml", 1, 5)
    assert "aliases make the values nest more than" in diag.message


def test_too_many_values_stop_the_parser_early(raised, one, monkeypatch):
    # composing 200,000 values takes PyYAML seconds, so the limit is lowered to see where it stops
    monkeypatch.setattr(source, "MAX_NODES", 1000)
    diag = one(raised(lambda: parse("a:\n" + "  - x\n" * 2000)), "yaml-too-complex")
    assert diag.where == Loc("t.yaml", 999, 5)  # the 1,001st value: root, key, list, 998 items
    assert diag.message == "the file holds more than 1,000 values" and "split the outline" in diag.hint


def test_a_50_mb_outline_is_refused_without_being_read(write, raised, one):
    path = write("huge.yaml")
    with path.open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no time spent writing it
    diag = one(raised(lambda: load_yaml(path)), "file-too-large")
    assert diag.where == Loc("huge.yaml")
    assert "52.4 MB" in diag.message and f"{MAX_BYTES / 1e6:.0f} MB" in diag.message
    assert "split" in diag.hint


# --- empty, several documents, encodings, paths -----------------------------------------------------


@pytest.mark.parametrize("text, words", [
    ("", "is empty"),
    ("\n  \n", "is empty"),
    ("# only\n# comments\n", "holds only comments"),
    ("---\n", "holds only comments"),
])
def test_empty_files(write, raised, one, text, words):
    path = write("empty.yaml", text)
    diag = one(raised(lambda: load_yaml(path)), "empty-file")
    assert diag.where == Loc("empty.yaml", 1, 1)
    assert diag.message == f"empty.yaml {words}"
    assert "deckbuilder new" in diag.hint


@pytest.mark.parametrize("text, line", [
    ("deck: {title: x}\n---\nslides: []\n", 2),
    ("---\ndeck: {title: x}\n---\n", 3),
    ("deck: {title: x}\n...\n---\na: 1\n", 3),
])
def test_a_second_document_is_refused(raised, one, text, line):
    diag = one(raised(lambda: parse(text)), "yaml-multiple-documents")
    assert diag.where == Loc("t.yaml", line, 1)
    assert "'---'" in diag.hint


def test_non_utf8_bytes_name_their_line_and_column(write, raised, one):
    path = write("latin1.yaml", "deck:\n  title: Hope\n  subtitle: Caf\xe9 society\n".encode("latin-1"))
    diag = one(raised(lambda: load_yaml(path)), "not-utf8")
    assert diag.where == Loc("latin1.yaml", 3, 16)
    assert "0xE9" in diag.message
    assert "UTF-8" in diag.hint


def test_utf16_is_not_utf8(write, raised, one):
    path = write("utf16.yaml", "deck: {title: x}\n".encode("utf-16"))
    diag = one(raised(lambda: load_yaml(path)), "not-utf8")
    assert diag.where.line == 1


def test_a_missing_file(tmp_path, write, raised, one):
    diag = one(raised(lambda: load_yaml(tmp_path / "nope.yaml")), "file-not-found")
    assert diag.where == Loc("nope.yaml")
    assert "relative" in diag.hint


def test_a_folder_is_not_a_file(write, raised, one, tmp_path):
    (tmp_path / "folder.yaml").mkdir()
    diag = one(raised(lambda: load_yaml(tmp_path / "folder.yaml")), "not-a-file")
    assert diag.where == Loc("folder.yaml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_read(write, raised, one, tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")  # reading it would block forever
    one(raised(lambda: load_yaml(tmp_path / "pipe.yaml")), "not-a-file")


def test_a_diagnostic_prints_on_one_line_even_for_a_multiline_key(raised, one):
    diag = one(raised(lambda: parse('"a\\nb": 1\n"a\\nb": 2\n')), "duplicate-key")
    assert "\n" not in str(diag)
    assert str(diag).startswith("t.yaml:2:1: error[duplicate-key]: the key 'a⏎b' appears twice")


# --- any text at all: a value or diagnostics with a place, never another exception ---------------------------

YAMLISH = st.text(alphabet=list(":-[]{}&*!|>'\"#\n\t ,?%@`~<=.0123abTNy\\\x01é"), max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.one_of(YAMLISH, st.text(max_size=40)))
def test_any_text_parses_or_gives_located_diagnostics(text):
    try:
        parse(text)
    except BuildError as exc:
        assert exc.diagnostics
        for diag in exc.diagnostics:
            assert diag.where and diag.where.file == "t.yaml" and diag.hint, str(diag)
            assert "\n" not in str(diag)
