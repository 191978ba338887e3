"""Editing YAML text in place: only the value, key or item changed moves; comments, quoting, order and blank lines
stay; every value written reads back as it was meant."""
from __future__ import annotations

import textwrap

import pytest

from deckbuilder.source import parse_yaml
from deckbuilder.yaml_edit import Document, Raw, Unwritable, apply

OUTLINE = textwrap.dedent("""\
    # the story  (a comment that must stay)
    deck:
      title: Our year   # the deck's title
      presenter: {name: Keith Reed, role: CEO}
    slides:
      - id: first
        title: 'It''s here'
        bullets:
          - One  # first point
          - text: "Two"
            only: [funders]  # not for them
        notes: |
          Line one
          line two

      # above second
      - id: second
        text: We need 400
      - third
    """)


def edited(text: str, *edits) -> str:
    return apply(text, list(edits))


def value_at(text: str, path: tuple):
    """The value at `path` of YAML text, as loaded."""
    value = parse_yaml(text, "edited")
    for step in path:
        value = value[step]
    return value


def test_a_plain_value_stays_plain_and_the_rest_of_the_file_is_untouched():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, doc.put(("deck", "title"), "Our best year"))
    assert new == OUTLINE.replace("title: Our year ", "title: Our best year ")


@pytest.mark.parametrize("value, written", [
    ("Note: this", "'Note: this'"), ("true", "'true'"), ("#1 in the UK", "'#1 in the UK'"), ("400", "400"),
    ("It's a 'quote'", "It's a 'quote'"), (" padded", "' padded'"), ("- a dash", "'- a dash'"),
])
def test_a_plain_value_is_quoted_only_when_yaml_needs_it(value, written):
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, doc.put(("slides", 1, "text"), value))
    assert f"    text: {written}\n" in new and value_at(new, ("slides", 1, "text")) in (value, 400)


def test_quoted_values_keep_their_quotes():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, doc.put(("slides", 0, "title"), "It's new"), doc.put(("slides", 0, "bullets", 1, "text"),
                                                                              'Say "two"'))
    assert "title: 'It''s new'" in new and 'text: "Say \\"two\\""' in new
    assert value_at(new, ("slides", 0, "bullets", 1, "text")) == 'Say "two"'


def test_a_block_keeps_its_style_indentation_and_the_blank_line_after_it():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, doc.put(("slides", 0, "notes"), "New line\nand another"))
    assert "    notes: |\n      New line\n      and another\n\n  # above second\n" in new
    assert value_at(new, ("slides", 0, "notes")) == "New line\nand another\n"


def test_a_value_of_several_lines_becomes_a_block_keeping_its_comment():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, doc.put(("slides", 0, "bullets", 0), "One\nand a half"))
    assert "      - |  # first point\n        One\n        and a half\n" in new
    assert value_at(new, ("slides", 0, "bullets", 0)) == "One\nand a half\n"


def test_in_a_flow_mapping_text_with_commas_is_quoted():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, doc.put(("deck", "presenter", "role"), "CEO, founder"))
    assert "presenter: {name: Keith Reed, role: 'CEO, founder'}" in new


def test_keys_are_added_after_the_last_value_of_a_mapping():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, doc.add(("slides", 0), [("source", "ONS, 2023")]),
                 doc.add(("deck", "presenter"), [("handle", "@keith")]))
    assert "      line two\n    source: ONS, 2023\n\n  # above second" in new
    assert "{name: Keith Reed, role: CEO, handle: '@keith'}" in new
    assert value_at(new, ("slides", 0, "notes")) == "Line one\nline two\n"


def test_an_id_becomes_a_mapping_in_its_place_keeping_its_comment():
    text = "slides:\n  - first  # the opener\n  - second\n"
    doc = Document(text, "politicians.yaml")
    new = edited(text, doc.replace_item(("slides",), 0, [("use", "first"), ("title", "New: title")]))
    assert new == "slides:\n  - use: first  # the opener\n    title: 'New: title'\n  - second\n"


def test_a_removed_item_leaves_its_comments():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, *doc.remove(("slides",), [0]))
    assert new.count("#") == OUTLINE.count("#")
    assert "slides:\n  # first point\n  # not for them\n  # above second\n  - id: second" in new
    assert [s if isinstance(s, str) else s["id"] for s in value_at(new, ("slides",))] == ["second", "third"]


def test_reordered_items_take_their_comments_and_leave_the_blank_lines_in_place():
    doc = Document(OUTLINE, "story.yaml")
    new = edited(OUTLINE, *doc.reorder(("slides",), [2, 1, 0]))
    assert [s if isinstance(s, str) else s["id"] for s in value_at(new, ("slides",))] == ["third", "second", "first"]
    assert new.startswith(OUTLINE[:OUTLINE.index("  - id: first")] + "  - third\n\n  # above second\n  - id: second")
    assert sorted(new.splitlines()) == sorted(OUTLINE.splitlines())


def test_a_flow_list_is_reordered_and_shortened_in_place():
    text = "slides: [a, b, c]  # order\n"
    doc = Document(text, "x.yaml")
    assert edited(text, *doc.reorder(("slides",), [1, 0, 2])) == "slides: [b, a, c]  # order\n"
    assert edited(text, *doc.remove(("slides",), [2])) == "slides: [a, b]  # order\n"
    assert edited(text, *doc.remove(("slides",), [1, 2])) == "slides: [a]  # order\n"


def test_a_copied_value_keeps_its_comments_and_moves_to_its_new_indentation():
    doc = Document(OUTLINE, "story.yaml")
    copied = doc.copy(("slides", 0, "bullets"))
    assert copied == Raw('- One  # first point\n- text: "Two"\n  only: [funders]  # not for them', True)
    target = Document("slides:\n  - use: first\n", "politicians.yaml")
    new = edited(target.text, target.add(("slides", 0), [("bullets", copied)]))
    assert new == 'slides:\n  - use: first\n    bullets:\n      - One  # first point\n      - text: "Two"\n' \
                  '        only: [funders]  # not for them\n'


def test_windows_line_ends_are_kept():
    text = OUTLINE.replace("\n", "\r\n")
    doc = Document(text, "story.yaml")
    new = edited(text, doc.put(("slides", 0, "notes"), "A\nB"), doc.add(("slides", 1), [("title", "T")]))
    assert "\n" not in new.replace("\r\n", "")
    assert value_at(new, ("slides", 0, "notes")) == "A\nB\n" and value_at(new, ("slides", 1, "title")) == "T"


def test_the_path_of_a_value_is_found_from_where_the_loader_says_it_is():
    doc = Document(OUTLINE, "story.yaml")
    assert doc.path_at(9, 9) == ("slides", 0, "bullets", 0)
    assert doc.path_at(3, 10) == ("deck", "title")
    assert doc.path_at(99, 1) is None


def test_a_multi_line_value_cannot_go_into_a_flow_list_as_a_block():
    doc = Document("slides: [a, b]\n", "x.yaml")
    with pytest.raises(Unwritable):
        doc.replace_item(("slides",), 0, [("use", "a"), ("bullets", Raw("- x\n- y", True))])
