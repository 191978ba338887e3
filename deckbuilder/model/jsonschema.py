"""JSON Schema of the outline, theme and image register files, for editors' completion and validation."""
from __future__ import annotations

from .layouts import LAYOUTS
from .outline import DECK, NAME, OUTLINE_FIELDS, slide_fields
from .register import REGISTER
from .theme import THEME

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _slide(layout: str) -> dict:
    fields = slide_fields(layout)
    props = {name: {**f.kind.json(), "description": f.doc} for name, f in fields.items()}
    props["layout"] = {"const": layout, "description": LAYOUTS[layout].doc}
    required = [n for n, f in fields.items() if f.required]
    if layout != "bullets":
        required.append("layout")
    return {"type": "object", "title": f"{layout} slide", "properties": props, "required": required,
            "additionalProperties": False}


def outline_schema() -> dict:
    use = {"type": "object", "title": "a story slide with fields overridden",
           "properties": {"use": {"type": "string", "description": "the id of the story slide"}},
           "required": ["use"], "additionalProperties": True}
    slide = {"anyOf": [{"type": "string", "description": "the id of a story slide"}, use,
                       *(_slide(name) for name in LAYOUTS)]}
    return {
        "$schema": DRAFT, "title": "deckbuilder outline", "type": "object", "additionalProperties": False,
        "properties": {
            "extends": {"type": "string", "description": OUTLINE_FIELDS["extends"]},
            "audience": {**NAME.json(), "description": OUTLINE_FIELDS["audience"]},
            "deck": {**DECK.json(), "required": [], "description": OUTLINE_FIELDS["deck"]},  # title may come
            # from the story an audience outline extends
            "slides": {"type": "array", "items": slide, "description": OUTLINE_FIELDS["slides"]},
        },
    }


def theme_schema() -> dict:
    return {"$schema": DRAFT, "title": "deckbuilder theme", **THEME.json()}


def register_schema() -> dict:
    return {"$schema": DRAFT, "title": "deckbuilder image register", **REGISTER.json()}


SCHEMAS = {"outline": outline_schema, "theme": theme_schema, "register": register_schema}
