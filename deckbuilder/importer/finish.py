"""The last touches on each outline slide: its source line, the text and links it could not show (into the
notes, said in the report), what the slide held that cannot be represented, and a check against the schema."""
from __future__ import annotations

from .credits import SOURCE_FORM
from .story import slide_problems
from .text import LIMITS, TITLE_WORDS, pieces, split_title
from .work import Work

MAX_NOTES = 20_000
KEPT = ("id", "notes", "source", "hidden")  # what a slide carries besides its layout's fields


def source_line(work: Work) -> None:
    """A text frame that starts 'Source: …' becomes the slide's source (shown small at its foot), its lines
    joined, when it is short enough for one."""
    for shape in work.bodies:
        live = shape.live
        match = SOURCE_FORM.fullmatch(" ".join(p.text for p in live))
        if match and not work.source and len(match["rest"]) <= LIMITS["source"]:
            for para in live:
                para.take()
            work.source = match["rest"].strip()


def oddities(work: Work) -> None:
    """Say what the slide held that deckbuilder cannot show (SmartArt, video, embedded objects, animations);
    any text they hold goes to the notes."""
    for odd in work.slide.oddities:
        detail = f" ({odd.detail})" if odd.detail else ""
        if odd.kind == "SmartArt graphic":
            work.note(f"the SmartArt graphic '{odd.name}'{detail} was read as its text, in order: check that the "
                      "slide reads as the graphic did")
            continue
        text = [p.take("notes") for p in odd.paras if p.text and not p.placed]
        moved = "; its text is in the notes" if text else ""
        if odd.kind in ("video", "audio"):
            moved += "; link to it from the notes, or show it from another file"
        work.to_notes.extend(text)
        work.note(f"{_article(odd.kind)} {odd.kind} '{odd.name}'{detail} cannot be imported{moved}")
    if work.slide.animations:
        work.note(f"{work.slide.animations} animation effect(s) were not kept: deckbuilder slides are static")


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def checked(fields: dict, work: Work) -> dict:
    """The slide as the schema accepts it; a slide that would not load becomes points holding all its text."""
    problems = slide_problems({"id": "x", **fields})
    if not problems:
        return fields
    work.note(f"the slide could not be a {fields['layout']} slide ({problems[0]}): its text became points")
    return as_points(fields)


def as_points(fields: dict) -> dict:
    """A slide its layout cannot hold as points holding all its text, its picture beside them (the first text
    is the title when it has none); what it carries besides (id, notes, source, hidden) is kept."""
    kept = {k: fields[k] for k in KEPT if k in fields}
    texts = _strings({k: v for k, v in fields.items() if k not in (*KEPT, "layout", "title", "numbered")})
    title = fields.get("title") or (texts.pop(0) if texts else "")
    if not texts:  # a title alone: its head stays the title, the rest is the point
        title, lead = split_title(title) if len(title) > TITLE_WORDS else (title, "")
        texts = [lead] if lead else []
    head, *rest = pieces(title, LIMITS["title"])
    items = [piece for t in [*rest, *texts] for piece in pieces(t, LIMITS["bullet"])]
    image = {"image": fields["image"]} if isinstance(fields.get("image"), str) else {}
    if not items:
        return {**kept, "layout": "section", "title": head}
    return {**kept, "layout": "bullets", "title": head, "bullets": items, **image}


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("image", "type", "side") for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def finish(fields: dict, work: Work, first: bool = True) -> None:
    """Add the source line, the leftover text, the links and the original notes; keep a hidden slide hidden."""
    if work.source and fields["layout"] not in ("title", "section", "closing", "image") and "source" not in fields:
        fields["source"] = work.source
        work.source = ""
    leftover = [p for p in work.slide.all_paras() if not p.placed]
    if leftover:
        work.note(f"{len(leftover)} line(s) have no place in the {fields['layout']} layout and were moved to the "
                  f"notes, starting '{leftover[0].text[:40]}'")
        work.to_notes.extend(p.take("notes") for p in leftover)
    links = [(text, url) for p in work.slide.all_paras() if p.placed == "slide" for text, url in p.links]
    if links and first:
        work.note(f"{len(links)} link(s) are listed in the notes: outline text carries no links")
    notes = _notes(work.slide.notes if first else "", work.to_notes, links if first else [])
    work.to_notes = []
    if notes:
        fields["notes"] = notes if len(notes) <= MAX_NOTES else notes[:MAX_NOTES]
        if len(notes) > MAX_NOTES:
            work.note(f"the notes have {len(notes):,} characters; the first {MAX_NOTES:,} were kept")
    if work.slide.hidden:
        fields["hidden"] = True
        work.note("the slide was hidden in the original: it is kept with hidden: true")


def _notes(original: str, moved: list[str], links: list[tuple[str, str]]) -> str:
    parts = [original] if original else []
    if moved:
        parts.append("From the original slide:\n" + "\n".join(f"- {line}" for line in moved))
    if links:
        parts.append("Links on the original slide:\n" + "\n".join(f"- {t}: {u}" for t, u in links))
    return "\n\n".join(parts)
