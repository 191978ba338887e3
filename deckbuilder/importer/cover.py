"""The title slide's lines read as deck facts: title, subtitle, event, date and presenter (name, role, handle)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .found import DeckFound, SlideFound, chars

MONTHS = {m: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                         "september", "october", "november", "december"), start=1)
          for m in (name, name[:3], name[:4])}
MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?" \
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})/(?P<mon>\d{1,2})/(?P<year>\d{4})\b"),
)
HANDLE = re.compile(r"@[A-Za-z0-9_][A-Za-z0-9_.]{0,40}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
WEB = re.compile(r"https?://\S+")
NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
NAME_ROLE = re.compile(rf"(?P<name>{NAME}(?:\s+(?:&|and)\s+{NAME})*),\s*(?P<role>.{{1,80}})")  # 'Ann Lee & Bo Li, CEOs'

SEPARATORS = re.compile(r"\s+[·|•]\s+")
MAX_COVER_LINES = 8


@dataclass
class Cover:
    """The deck facts read from the title slide, and the lines that are none of them."""

    facts: dict = field(default_factory=dict)
    leftover: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how things were read, for the report


def is_cover(slide: SlideFound) -> bool:
    """Whether the first slide is a title slide: laid out as one, or a few short lines that are not a list,
    with no chart or table (pictures beyond the one it shows follow it)."""
    if slide.number != 1 or slide.charts or slide.tables:
        return False
    body = [p for t in slide.texts if t.role != "title" for p in t.live]
    lines = [line for p in body for line in p.lines]
    if len(lines) > MAX_COVER_LINES or sum(chars(x) for x in lines) > 400:
        return False
    return slide.cover or (bool(lines) and not any(p.listed for p in body))


def read_cover(slide: SlideFound, deck: DeckFound) -> Cover:
    """Deck facts from the title slide (its text is marked as carried to the deck block)."""
    cover = Cover()
    title = next((t for t in slide.texts if t.role == "title" and t.live), None)
    if title is not None:
        cover.facts["title"] = " ".join(p.take("deck") for p in title.live)
    subtitle = next((t for t in slide.texts if t.role == "subtitle" and t.live), None)
    shapes = sorted((t for t in slide.texts if t.role != "title" and t.live), key=lambda t: (t is not subtitle,
                                                                                              t.box.y, t.box.x))
    segments = [(p, [seg for line in p.lines for seg in SEPARATORS.split(line)]) for t in shapes for p in t.live]
    if "title" not in cover.facts:  # no title placeholder: the first line shown, else the document's title
        first = next(((p, segs) for p, segs in segments if segs), None)
        cover.facts["title"] = first[1].pop(0) if first else deck.title or deck.name.rsplit(".", 1)[0]
        if first and not first[1]:
            first[0].take("deck")
    for para, parts in segments:
        kept = [_segment(part, cover, deck.author) for part in parts]
        para.take("deck" if any(kept) or not parts else "notes")
    _finish(cover)
    return cover


def _segment(text: str, cover: Cover, author: str) -> bool:
    """Read one piece of a title-slide line as a deck fact; False when it is none (it is kept as leftover)."""
    facts = cover.facts
    presenter = facts.setdefault("presenter", {})
    text = text.strip(" ,;–-")
    if not text or _date(text, cover) or _person(text, presenter, author):
        return True
    if HANDLE.fullmatch(text) and "handle" not in presenter:
        presenter["handle"] = text
    elif EMAIL.fullmatch(text) and "email" not in presenter:
        presenter["email"] = text
    elif WEB.fullmatch(text) and "url" not in facts:
        facts["url"] = text
    elif "subtitle" not in facts:
        facts["subtitle"] = text
    elif "event" not in facts and len(text) <= 120:
        facts["event"] = text
    else:
        cover.leftover.append(text)
        return False
    return True


def _finish(cover: Cover) -> None:
    """A presenter needs a name: without one, a handle or e-mail address becomes the deck's contact line."""
    presenter = cover.facts.pop("presenter", {})
    if presenter.get("name"):
        cover.facts["presenter"] = presenter
    elif presenter:
        cover.facts["contact"] = " · ".join(presenter[k] for k in ("handle", "email") if k in presenter)


def _date(text: str, cover: Cover) -> bool:
    """Take a date from the text (and what is left of it as another fact); False when it has none."""
    if "date" in cover.facts:
        return False
    for pattern in DATES:
        match = pattern.search(text)
        if not match:
            continue
        found = _as_date(match)
        if found is None:
            continue
        cover.facts["date"] = found
        if pattern is DATES[3]:
            cover.notes.append(f"the date '{match.group()}' was read day first, as {found.isoformat()}")
        rest = (text[:match.start()] + " " + text[match.end():]).strip(" ,;·|–-")
        if rest:
            _segment(rest, cover, "")
        return True
    return False


def _as_date(match: re.Match) -> dt.date | None:
    parts = match.groupdict()
    month = int(parts["mon"]) if parts.get("mon") else MONTHS.get(parts["month"].lower().rstrip("."))
    if month is None:
        return None
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def _person(text: str, presenter: dict, author: str) -> bool:
    """'Keith Reed, CEO' (or the document's author's name alone) as the presenter."""
    if "name" in presenter:
        return False
    if author and text.lower().startswith(author.lower()):
        rest = text[len(author):].strip(" ,–-")
        if re.match(r"(&|and\b|\+)", rest):  # 'Name & Name': two presenters, not a name and a role
            presenter["name"] = text
            return True
        presenter["name"] = author
        if rest:
            presenter["role"] = rest
        return True
    match = NAME_ROLE.fullmatch(text)
    if match and len(match["role"].split()) <= 8:
        presenter.update(name=match["name"], role=match["role"].strip())
        return True
    return False
