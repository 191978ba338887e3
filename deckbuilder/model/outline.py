"""The outline files: deck facts, slides, and the checks that turn raw YAML into typed slides."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..errors import Diagnostics, Loc
from ..source import YMap
from .layouts import COMMON, LAYOUTS, TITLE
from .scalars import Choice, Date, Flag, Text, Url
from .schema import INVALID, Field, Record

PRESENTER = Record((
    Field("name", Text(120), "the speaker's name", required=True),
    Field("role", Text(120), "their role, e.g. CEO"),
    Field("handle", Text(60), "a social-media handle, e.g. @CampaignsKeith"),
    Field("email", Text(200), "an e-mail address for the closing slide"),
), shorthand="name", doc="who gives the talk: a name, or {name, role, handle, email}")

CREDITS = Record((
    Field("slide", Flag(), "add a credits slide at the end listing every image used", default=True),
    Field("placement", Choice("below", "footer", "credits-only"),
          "where each image's credit line goes unless the slide says otherwise", default="below"),
))

DECK = Record((
    Field("title", Text(300), "the talk's title: the title slide and the document's title", required=True),
    Field("subtitle", Text(300), "a line under the title; also the document's subject"),
    Field("event", Text(200), "where the talk is given"),
    Field("date", Date(), "when it is given (YYYY-MM-DD); also the document's date"),
    Field("presenter", PRESENTER, "who gives the talk"),
    Field("organisation", Text(200), "the organisation behind the deck (document property)"),
    Field("theme", Text(500), "a built-in theme's name or the path of a theme file", default="default"),
    Field("use", Choice("internal", "public", "fundraising", "commercial"),
          "what the deck is for; drives the licence checks (NonCommercial images are refused in "
          "fundraising and commercial decks)", default="public"),
    Field("images", Text(500), "the image register's path (default: the nearest assets/images.yaml above)"),
    Field("language", Text(20, r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", "e.g. en-GB"),
          "the language of the text, for spelling and screen readers", default="en-GB"),
    Field("credits", CREDITS, "how image credits are shown"),
    Field("contact", Text(200), "a contact line for the closing slide"),
    Field("url", Url(), "a web address for the talk or the organisation"),
), doc="the deck's facts")

NAME = Text(60, r"[A-Za-z0-9][A-Za-z0-9_-]*", "use letters, digits, '-' and '_'")
OUTLINE_FIELDS = {
    "extends": "the story (or audience outline) this outline tailors, relative to this file",
    "audience": "the audience's name (default: the file name); used by only/except and the output name",
    "deck": "the deck's facts; in an audience outline, fields merge over the story's",
    "slides": "the slides in order: definitions, ids of the story's slides, or {use: id, ...overrides}",
}


@dataclass(frozen=True)
class Slide:
    """One checked slide: its id, its layout and its normalised fields (with their locations)."""

    id: str
    layout: str
    data: YMap
    generated: bool = False

    @property
    def loc(self) -> Loc:
        return self.data.loc

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def at(self, key: str) -> Loc:
        return self.data.at(key)


def slide_fields(layout: str) -> dict[str, Field]:
    """Every field a slide of this layout may carry."""
    fields = {f.name: f for f in COMMON}
    fields.update({f.name: f for f in LAYOUTS[layout].fields})
    fields.setdefault("title", Field("title", TITLE, "the slide's title for the outline view and screen "
                                     "readers (default: taken from the slide's text)"))
    return fields


def check_slide(raw: Any, where: Loc, path: str, diags: Diagnostics) -> Slide | None:
    """Check one slide as written; None when it has errors (they are reported)."""
    if not isinstance(raw, YMap):
        diags.error("wrong-type", "a slide must be a mapping of fields", where, path,
                    "start with '- id: ...' and give 'layout:' and its fields")
        return None
    if _missing_layout(raw, where, path, diags):
        return None
    layout = Choice(*LAYOUTS).check(raw.get("layout", "bullets"), raw.at("layout"), f"{path}.layout", diags)
    if layout is INVALID:
        return None
    data = Record.check_fields(raw, slide_fields(layout), where, path, diags,
                               lambda key: _other_layouts_hint(key, layout))
    if data is INVALID:
        return None
    slide_id = data.get("id")
    return Slide(slide_id or "", layout, data, generated=not slide_id)


def _owners(key: str) -> list[str]:
    return [name for name, kind in LAYOUTS.items() if any(f.name == key for f in kind.fields)]


def _other_layouts_hint(key: str, layout: str) -> str:
    """For a field of another layout ('bullets' on a statement slide): which layouts have it."""
    owners = _owners(key)
    return f"'{key}' is a field of {', '.join(owners)} slides; this one is a {layout} slide" if owners else ""


def _missing_layout(raw: YMap, where: Loc, path: str, diags: Diagnostics) -> bool:
    """A slide without 'layout:' whose fields belong to other layouts: one error saying which layout to add."""
    fields = slide_fields("bullets")
    foreign = [key for key in raw if key not in fields]
    if "layout" in raw or not foreign or not all(_owners(key) for key in foreign):
        return False
    own = set(raw) - {f.name for f in COMMON}
    fits = [name for name in LAYOUTS if own <= set(slide_fields(name))]
    hint = f"add 'layout: {fits[0]}'" if len(fits) == 1 else \
        "add 'layout:' with one of: " + ", ".join(fits or LAYOUTS)
    diags.error("missing-layout", f"this slide has no 'layout:', so it would be a bullets slide, which has no "
                f"{', '.join(repr(k) for k in foreign)}", where, path, hint)
    return True


def check_deck(raw: Any, where: Loc, path: str, diags: Diagnostics) -> YMap | None:
    """Check the deck's facts; None when they have errors."""
    data = DECK.check(raw, where, path, diags)
    return None if data is INVALID else data


def slug(text: str) -> str:
    """An id made from a title: lower-case words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:6]
    while len(words) > 1 and len("-".join(words)) > 40:
        words.pop()
    return "-".join(words)[:40] or "slide"


def name_slides(slides: list[Slide]) -> list[Slide]:
    """Give slides without an id one made from their title or text, unique in the list."""
    taken = {s.id for s in slides if s.id}
    out = []
    for slide in slides:
        if not slide.id:
            base = slug(str(slide.get("title") or slide.get("text") or slide.layout))
            new_id, n = base, 2
            while new_id in taken:
                new_id, n = f"{base}-{n}", n + 1
            taken.add(new_id)
            slide = Slide(new_id, slide.layout, slide.data, generated=True)
        out.append(slide)
    return out
