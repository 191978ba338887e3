"""Slides, shapes and paragraphs of an edited deck are paired with the built deck's: by the names the build gave
them where they are kept, else by their words and places."""
from __future__ import annotations

from deckbuilder.layout.ir import Box
from deckbuilder.pull.deck import DeckSlide, Paragraph, Shape
from deckbuilder.pull.match import moved, pair_paragraphs, pair_shapes, pair_slides, similarity

WIDTH = 12_192_000


def slide(number: int, name: str, *texts: str) -> DeckSlide:
    return DeckSlide(number, name, [Shape("text", "Body", None, Box(0, 0, 100, 100), [Paragraph(t) for t in texts])],
                     [])


def test_slides_are_paired_by_their_names_even_when_every_word_changed():
    built = [slide(1, "a", "Babies are suffering now"), slide(2, "b", "Parents need help")]
    edited = [slide(1, "b", "Something else entirely"), slide(2, "a", "Another thing")]
    assert pair_slides(built, edited) == {0: 1, 1: 0}


def test_without_names_slides_are_paired_by_their_words_and_the_rest_are_new_or_gone():
    built = [slide(1, "a", "Babies are suffering now and need help"), slide(2, "b", "Parents need help today"),
             slide(3, "c", "We need 400 teams not 40")]
    edited = [slide(1, "", "We need 400 teams, not 40"), slide(2, "", "Babies are suffering now and need our help"),
              slide(3, "", "A slide of my own")]
    assert pair_slides(built, edited) == {0: 2, 1: 0}


def test_a_slide_duplicated_in_powerpoint_pairs_once_with_the_more_alike():
    built = [slide(1, "a", "Babies are suffering now")]
    edited = [slide(1, "a", "Babies are suffering now and always"), slide(2, "a", "Babies are suffering now")]
    assert pair_slides(built, edited) == {1: 0}


def test_shapes_pair_by_placeholder_then_name_then_words_and_place():
    built = [Shape("text", "Title", "title", Box(0, 0, 10, 10), [Paragraph("Hello")]),
             Shape("text", "Stat value", None, Box(0, 100, 10, 10), [Paragraph("10%")]),
             Shape("text", "Stat value", None, Box(5000, 100, 10, 10), [Paragraph("60,000")])]
    edited = [Shape("text", "PlaceHolder 1", "title", Box(0, 0, 10, 10), [Paragraph("Goodbye")]),
              Shape("text", "Stat value", None, Box(5000, 100, 10, 10), [Paragraph("70,000")]),
              Shape("text", "Stat value", None, Box(0, 100, 10, 10), [Paragraph("12%")])]
    assert pair_shapes(built, edited, WIDTH) == {0: 0, 1: 2, 2: 1}


def test_paragraphs_pair_in_order_with_those_taken_out_and_added():
    built = ["One", "Two", "", "Three", "Four"]
    edited = ["One", "Two, edited", "Four", "Five"]
    assert pair_paragraphs(built, edited) == [(0, 0), (1, 1), (3, None), (4, 2), (None, 3)]


def test_a_box_moved_by_less_than_a_point_was_not_moved():
    assert not moved(Box(685800, 721868, 10820400, 609600), Box(685800, 721800, 10820160, 609120))
    assert moved(Box(0, 0, 100, 100), Box(0, 12_800, 100, 100))
    assert similarity("a b c", "a b c") == 1.0 and similarity("", "") == 1.0
