"""Outline text from paragraphs: points with one level of sub-points, numbered lists, and the length limits
of the outline's fields (long text is split at sentences, never cut)."""
from __future__ import annotations

import re

from .found import Para
from .work import Work

LIMITS = {"title": 300, "bullet": 500, "statement": 300, "subtitle": 300, "quote": 800, "by": 120, "role": 200,
          "caption": 200, "overlay": 120, "paragraph": 1200, "heading": 120, "value": 24, "label": 160,
          "item": 300, "closing": 200, "contact": 200, "source": 300, "step": 160, "step-text": 300,
          "category": 80, "series": 80, "cell": 1000}
SENTENCE = re.compile(r"(?<=[.!?…])\s+")
BREAKS = (SENTENCE, re.compile(r"(?<=[:;])\s+|\s+[–—-]\s+|\s+·\s+"), re.compile(r"(?<=,)\s+"), re.compile(r"\s+"))
TITLE_WORDS = 80  # a title cut short keeps at most this many characters


def pieces(text: str, limit: int) -> list[str]:
    """The text in pieces of at most `limit` characters, split between sentences (or words, if must be)."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    for sentence in SENTENCE.split(text):
        for part in _words(sentence, limit):
            if out and len(out[-1]) + 1 + len(part) <= limit:
                out[-1] += " " + part
            else:
                out.append(part)
    return out


def _words(sentence: str, limit: int) -> list[str]:
    out: list[str] = []
    for word in sentence.split():
        while len(word) > limit:
            out.append(word[:limit])
            word = word[limit:]
        if out and len(out[-1]) + 1 + len(word) <= limit:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def fits(text: str, field: str) -> bool:
    return 0 < len(text) <= LIMITS[field]


def bullets(paras: list[Para], work: Work, where: str = "slide") -> tuple[list, bool]:
    """The paragraphs as outline points (sub-points one level deep) and whether the list is numbered; every
    paragraph is taken. Deeper levels become sub-points and long points are split, each said in the report."""
    items: list = []
    deep = split = 0
    for para in paras:
        text = para.take(where)
        parts = pieces(text, LIMITS["bullet"])
        split += len(parts) > 1
        if para.level >= 1 and items:
            deep += para.level > 1
            _sub(items, parts)
        else:
            items.extend(parts)
    numbered = _numbered(paras, work)
    if deep:
        work.note(f"{deep} point(s) nested more than one level deep became sub-points (outlines have one level)")
    if split:
        work.note(f"{split} point(s) longer than {LIMITS['bullet']} characters were split at sentences")
    return items, numbered


def _sub(items: list, parts: list[str]) -> None:
    last = items[-1]
    if isinstance(last, str):
        last = items[-1] = {"text": last, "bullets": []}
    last["bullets"].extend(parts)


def _numbered(paras: list[Para], work: Work) -> bool:
    top = [p for p in paras if p.level == 0 and p.listed]
    numbers = [p for p in top if p.mark == "number"]
    if numbers and len(numbers) < len(top):
        work.note("a list mixes numbered and bulleted points: it was imported as bullets")
    return bool(top) and len(numbers) == len(top)


def joined(paras: list[Para], where: str = "slide", sep: str = " ") -> str:
    return sep.join(p.take(where) for p in paras)


def needed_title(work: Work, layout: str) -> str:
    """The slide's title; without one, a short first line that is not a point, else one made up and reported."""
    if work.title:
        return _capped(work.take_title(), work)
    head = title_para(work)
    if head is not None:
        return head.take()
    made = f"Slide {work.number}"
    work.note(f"the slide has no title; the {layout} layout needs one, so it is '{made}': write a better one")
    return made


def optional_title(work: Work) -> str:
    return _capped(work.take_title(), work) if work.title else ""


def _capped(title: str, work: Work) -> str:
    if len(title) <= LIMITS["title"]:
        return title
    head = pieces(title, LIMITS["title"] - 1)[0] + "…"
    work.to_notes.append(f"Full title: {title}")
    work.note(f"the title has {len(title)} characters (the limit is {LIMITS['title']}): it was shortened, and the "
              "whole title put in the notes")
    return head


def title_para(work: Work) -> Para | None:
    """Without a title, the short first line that needed_title would take as one (None when there is a title)."""
    if work.title:
        return None
    first = work.paras[:1]
    if first and not first[0].listed and len(first[0].text) <= 120 and len(work.paras) > 1:
        return first[0]
    return None


def body_paras(work: Work) -> list[Para]:
    """The slide's text other than its title (or the line that will be its title)."""
    head = title_para(work)
    return [p for p in work.paras if p is not head]


def split_title(text: str) -> tuple[str, str]:
    """A long title's head (at most TITLE_WORDS characters, cut at a sentence, a colon or dash, a comma, else a
    word) and the rest, as a lead line."""
    for pattern in BREAKS:
        cuts = [m for m in pattern.finditer(text) if 0 < m.start() <= TITLE_WORDS]
        if cuts:
            cut = cuts[-1]
            return text[:cut.start()].rstrip(" ,;:"), text[cut.end():]
    return text[:TITLE_WORDS], text[TITLE_WORDS:]
