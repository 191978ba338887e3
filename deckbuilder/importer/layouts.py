"""Choosing a text slide's layout from what it holds (closing, checklist, quote, steps, stat, columns, a diagram,
section, statement, else bullets), and filling that layout's fields."""
from __future__ import annotations

import re

from ..layout.ir import Box
from .figures import clusters, diagram
from .found import Para, TextShape
from .text import LIMITS, body_paras, bullets, fits, joined, needed_title, optional_title
from .work import Work

TICKS = "\u2713\u2714\u2611\u2705\U0001F5F8"
OPEN = "\u2610\u25a1\u25cb\u25ef\u274d\u2717\u2718\u2612"
THANKS = re.compile(r"\b(thank(s| you)|questions\??|q\s*&\s*a|get in touch|contact us|diolch|merci|danke|gracias)\b",
                    re.IGNORECASE)
QUOTE_OPEN, QUOTE_CLOSE = "“\"‘«„'", "”\"’»“'"
DASH = re.compile(r"[—–―~-]\s*(?P<who>\S.*)")
VALUE = re.compile(r"[~≈<>+]?\s?[£$€¥]?\d[\d,.]*\s?(%|k|m|bn|x|×|million|billion|thousand)?\+?", re.IGNORECASE)
SECTION_WORDS = 6


def text_slide(work: Work) -> dict | None:
    """The fields of a slide without charts, tables or pictures (None when it holds no text at all)."""
    if not work.title and not work.paras:
        return None
    for match in (closing, checklist, quote, steps, stat, columns, diagram, short):
        fields = match(work)
        if fields:
            return fields
    return bullets_slide(work)


def bullets_slide(work: Work) -> dict:
    title = needed_title(work, "bullets")
    items, numbered = bullets(work.paras, work)
    fields: dict[str, object] = {"layout": "bullets", "title": title, "bullets": items}
    if numbered:
        fields["numbered"] = True
    return fields


def closing(work: Work) -> dict | None:
    """The last slide's 'Thank you' (or 'Questions?') with at most a contact line."""
    if not work.last:
        return None
    paras = work.paras
    text, rest = (work.title, paras) if work.title else (paras[0].text if paras else "", paras[1:])
    if not THANKS.search(text) or not fits(text, "closing") or len(rest) > 1 or \
            (rest and not fits(rest[0].text, "contact")):
        return None
    fields = {"layout": "closing", "text": work.take_title() if work.title else paras[0].take()}
    if rest:
        fields["contact"] = rest[0].take()
    return fields


def _tick(para: Para) -> bool | None:
    """True for a ticked line, False for an open one, None for a line that is neither."""
    text = para.text
    if (para.char and para.char in TICKS) or (text[:1] and text[:1] in TICKS):
        return True
    if (para.char and para.char in OPEN) or (text[:1] and text[:1] in OPEN):
        return False
    return None


def checklist(work: Work) -> dict | None:
    """Lines that start with a tick (done) or an open box (to do)."""
    paras = body_paras(work)
    marks = [_tick(p) for p in paras]
    if not paras or any(m is None for m in marks):
        return None
    texts = [p.text.lstrip(TICKS + OPEN).strip() for p in paras]
    if not all(fits(t, "item") for t in texts):
        return None
    title = needed_title(work, "checklist")
    joined(paras)
    return {"layout": "checklist", "title": title,
            "items": [t if done else {"text": t, "done": False} for t, done in zip(texts, marks)]}


def _quoted(text: str) -> bool:
    text = text.rstrip(" .,;")
    return len(text) > 2 and text[0] in QUOTE_OPEN and text[-1] in QUOTE_CLOSE


def _marks_only(para: Para) -> bool:
    return all(c in QUOTE_OPEN + QUOTE_CLOSE for c in para.text.replace(" ", ""))


def _byline(words: list[Para]) -> tuple[int, str] | None:
    """Where the line naming who said the words is (after the first line), and the name it gives."""
    for at, para in enumerate(words[1:], start=1):
        match = DASH.fullmatch(para.text)
        if match:
            return at, match["who"]
    return None


def quote(work: Work) -> dict | None:
    """Words in quotation marks (or beside a big quotation mark) and a line naming who said them."""
    paras = work.paras
    marks = [p for p in paras if _marks_only(p)]
    words = [p for p in paras if not _marks_only(p)]
    byline = _byline(words)
    if byline is not None:
        at, who = byline
        said, role = words[:at], words[at + 1:]
        if not (marks or _quoted(" ".join(p.text for p in said))):
            return None
    elif len(words) == 2 and _quoted(words[0].text) and fits(words[1].text, "by"):
        said, who, role = words[:1], words[1].text, []
    else:
        return None
    text = "\n".join(p.text for p in said).strip().strip(QUOTE_OPEN + QUOTE_CLOSE).strip()
    by, _, first_role = who.partition(", ")
    role_text = ", ".join([first_role] * bool(first_role) + [p.text for p in role])
    if not fits(text, "quote") or not fits(by, "by") or (role_text and not fits(role_text, "role")):
        return None
    for para in paras:
        para.take()
    fields = {"layout": "quote"}
    title = optional_title(work)
    if title and title != f"Quote from {by}":
        fields["title"] = title
    fields.update(text=text, by=by)
    if role_text:
        fields["role"] = role_text
    return fields


def _centre(box: Box) -> tuple[float, float]:
    return box.x + box.w / 2, box.y + box.h / 2


def _units(work: Work, is_value) -> tuple[list[list[Para]], list[TextShape]] | None:
    """Values and the lines that label them: [value, label...] per value, in reading order, and the shapes
    holding only labels (to be paired by position). None when some text is before any value in its shape."""
    units: list[list[Para]] = []
    orphans: list[TextShape] = []
    for shape in work.bodies:
        live = shape.live
        if not is_value(live[0]):
            if any(is_value(p) for p in live):
                return None
            orphans.append(shape)
            continue
        for para in live:
            if is_value(para):
                units.append([para])
            else:
                units[-1].append(para)
    return units, orphans


def _paired(work: Work, is_value, low: int, high: int) -> list[list[Para]] | None:
    """Each value with its label: the lines after it in its shape, else the nearest text below or beside it."""
    if work.title_shape is None:
        return None
    found = _units(work, is_value)
    if found is None:
        return None
    units, orphans = found
    if not low <= len(units) <= high:
        return None
    for unit in units:
        if len(unit) > 1:
            continue
        shape = work.shape_of(unit[0])
        near = sorted(orphans, key=lambda o: _distance(shape.box, o.box))
        if not near or _distance(shape.box, near[0].box) == float("inf"):
            return None
        unit.extend(near[0].live)
        orphans.remove(near[0])
    return units if not orphans else None


def _distance(value: Box, label: Box) -> float:
    """How far a label is from its value: below it or to its right, overlapping it; else infinitely far."""
    below = label.y >= value.y + value.h * 0.5 and label.x < value.right and value.x < label.right
    beside = label.x >= value.x + value.w * 0.5 and label.y < value.bottom and value.y < label.bottom
    if not (below or beside):
        return float("inf")
    (vx, vy), (lx, ly) = _centre(value), _centre(label)
    return ((vx - lx) ** 2 + (vy - ly) ** 2) ** 0.5


def _is_value(para: Para) -> bool:
    return len(para.text) <= LIMITS["value"] and bool(VALUE.fullmatch(para.text))


def steps(work: Work) -> dict | None:
    """Numbered boxes 1, 2, 3… each with its words: a sequence of steps."""
    units = _paired(work, lambda p: p.text.isdigit() and len(p.text) <= 2, 2, 6)
    if not units or [int(u[0].text) for u in units] != list(range(1, len(units) + 1)):
        return None
    items = []
    for unit in units:
        head, rest = unit[1].text, " ".join(p.text for p in unit[2:])
        if not fits(head, "step") or (rest and not fits(rest, "step-text")):
            return None
        items.append({"title": head, "text": rest} if rest else head)
    title = needed_title(work, "steps")
    for unit in units:
        joined(unit)
    return {"layout": "steps", "title": title, "steps": items}


def stat(work: Work) -> dict | None:
    """One to four big numbers, each with a short label."""
    units = _paired(work, _is_value, 1, 4)
    if not units:
        return None
    stats = [{"value": u[0].text, "label": " ".join(p.text for p in u[1:])} for u in units]
    if not all(fits(s["label"], "label") for s in stats):
        return None
    title = needed_title(work, "stat")
    for unit in units:
        joined(unit)
    return {"layout": "stat", "title": title, "stats": stats}


def columns(work: Work) -> dict | None:
    """Two or three text columns side by side, each a heading and its points."""
    shapes = work.bodies
    if not work.title or len(shapes) < 2:
        return None
    groups = clusters(shapes)
    if not 2 <= len(groups) <= 3:
        return None
    tops = [min(s.box.y for s in g) for g in groups]
    if max(tops) - min(tops) > work.deck.height * 0.25:
        return None
    paras = [[p for s in sorted(g, key=lambda s: s.box.y) for p in s.live] for g in groups]
    if any(len(p) < 2 or not fits(p[0].text, "heading") for p in paras):
        return None
    title = needed_title(work, "columns")
    cols = []
    for column in paras:
        heading = column[0].take()
        items, numbered = bullets(column[1:], work)
        cols.append({"heading": heading, "bullets": items, **({"numbered": True} if numbered else {})})
    if all(column[0].listed for column in paras):
        work.note("the first line of each column became its heading: check the headings")
    return {"layout": "columns", "title": title, "columns": cols}


def _section_like(title: str) -> bool:
    return len(title.split()) <= SECTION_WORDS and not title.rstrip().endswith((".", "!", "?"))


def short(work: Work) -> dict | None:
    """A title alone, or a title and one line: a section divider or a statement."""
    paras, title = work.paras, work.title
    plain = all(not p.listed for p in paras)
    if title and not paras:
        if _section_like(title):
            return {"layout": "section", "title": work.take_title()}
        return {"layout": "statement", "text": work.take_title()} if fits(title, "statement") else None
    if len(paras) == 1 and plain and fits(paras[0].text, "subtitle"):
        if not title:
            return {"layout": "statement", "text": paras[0].take()} if fits(paras[0].text, "statement") else None
        if _section_like(title):
            return {"layout": "section", "title": work.take_title(), "subtitle": paras[0].take()}
        if fits(title, "statement"):
            return {"layout": "statement", "text": work.take_title(), "subtitle": paras[0].take()}
    if len(paras) == 2 and plain and not title and all(fits(p.text, "statement") for p in paras):
        return {"layout": "statement", "text": paras[0].take(), "subtitle": paras[1].take()}
    return None
