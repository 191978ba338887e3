"""Text reports for people: the layouts catalogue, credits tables (table, Markdown, CSV, JSON), build summaries."""
from __future__ import annotations

import csv
import io
import json

from .model.layouts import COMMON, LAYOUTS
from .model.outline import slide_fields
from .source import display_path


def layouts_text(only: str | None = None) -> str:
    """Every layout (or one) with its fields and an example, as `deckbuilder layouts` prints it."""
    names = [only] if only else list(LAYOUTS)
    out = []
    for name in names:
        if name not in LAYOUTS:
            return f"no layout '{name}'; layouts: {', '.join(LAYOUTS)}"
        layout = LAYOUTS[name]
        out.append(f"{name}\n  {layout.doc}\n  fields:")
        common = {f.name for f in COMMON}
        for field in slide_fields(name).values():
            if field.name in common:
                continue
            need = "required" if field.required else "optional"
            out.append(f"    {field.name:<12} {need:<8} {field.kind.label}: {field.doc}")
        out.append("  example:\n" + "\n".join("    " + line for line in layout.example.splitlines()))
        out.append("")
    if not only:
        out.append("every slide may also carry: " + ", ".join(f.name for f in COMMON) + " and title")
    return "\n".join(out)


CREDIT_FORMATS = ("table", "markdown", "csv", "json")


def credits_table(decks, fmt: str = "table") -> str:
    """The credits of the images each deck uses, as one table with a deck column, in the format the comms team
    asked for; `decks` holds (deck name, its credits) pairs."""
    pairs = [(deck, credit) for deck, credits in decks for credit in credits]
    rows = [{"deck": deck, "image": c.key, "credit": c.text, "links": " ".join(link for _, link in c.segments if link),
             "notes": "; ".join(c.notes)} for deck, c in pairs]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["deck", "image", "credit", "links", "notes"])
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "markdown":
        lines = ["| deck | image | credit | notes |", "|---|---|---|---|"]
        lines += [f"| {r['deck']} | {r['image']} | {_markdown(c)} | {r['notes']} |" for r, (_, c) in zip(rows, pairs)]
        return "\n".join(lines)
    if not rows:
        return "these decks use no images"
    deck_width, image_width = (max(len(r[key]) for r in [*rows, {"deck": "deck", "image": "image"}])
                               for key in ("deck", "image"))
    lines = [f"{'deck':<{deck_width}}  {'image':<{image_width}}  credit"]
    lines += [f"{r['deck']:<{deck_width}}  {r['image']:<{image_width}}  {r['credit']}" +
              (f"  ({r['notes']})" if r["notes"] else "") for r in rows]
    return "\n".join(lines)


def build_summary(result) -> list[str]:
    """What `deckbuilder build` prints for a deck: the summary line, then the slides that were continued on
    more slides or arranged otherwise than first planned (so nothing changes without a word)."""
    if not result.output:
        return [f"failed {display_path(result.outline)}: {len(result.diagnostics.errors)} error(s), no deck written"]
    minutes = result.talk_minutes
    talk = f"{minutes:.0f} min" if minutes >= 1 else "under a minute"
    lines = [f"built {result.output}: {result.slides} slides, {result.images} images, "
             f"{len(result.diagnostics.warnings)} warning(s), talk ≈ {talk} from the notes, {result.seconds:.2f} s"]
    slides = result.plan.slides if result.plan else ()
    continued = {s.id: s.parts for s in slides if s.parts > 1}
    rearranged = {s.id: s.arranged for s in slides if s.arranged}
    if continued:
        lines.append("  continued: " + ", ".join(f"{i} on {n} slides" for i, n in continued.items()))
    if rearranged:
        lines.append("  rearranged: " + ", ".join(f"{i} ({how})" for i, how in rearranged.items()))
    return lines


def _markdown(credit) -> str:
    return "".join(f"[{text}]({link})" if link else text for text, link in credit.segments).replace("|", "\\|")


def _fields_table(fields, shared: tuple = ()) -> list[str]:
    """A Markdown table of fields, then a table for each nested mapping (except the shared ones)."""
    rows, nested = ["| field | type | |", "|---|---|---|"], []
    for field in fields:
        need = "**required**" if field.required else (f"default `{field.default}`" if field.default not in
                                                      (None, [0.5, 0.5]) else "optional")
        rows.append(f"| `{field.name}` | {field.kind.label} | {need}: {field.doc} |")
        record = _record(field.kind)
        if record is not None and record not in shared:
            nested += ["", f"`{field.name}` takes:", "", *_fields_table(record.fields.values(), shared)]
    return rows + nested


def _record(kind):
    from .model.schema import ListOf, Record

    kind = kind.item if isinstance(kind, ListOf) else kind
    return kind if isinstance(kind, Record) else None


def reference_markdown() -> str:
    """The README's reference: every field of every file, generated from the schemas."""
    from .model.layouts import BULLET, IMAGE
    from .model.outline import DECK
    from .model.register import ENTRY
    from .model.theme import THEME

    shared = (IMAGE, BULLET)
    out = ["### Deck facts (`deck:`)", "", *_fields_table(DECK.fields.values()), "",
           "### Fields every slide may carry", "", *_fields_table(COMMON), "",
           "`title` is allowed on every slide: where the layout does not show a title, it is the slide's title "
           "for the outline view and screen readers.", "",
           "### Points (`bullets:` items)", "", BULLET.doc, "", *_fields_table(BULLET.fields.values()), "",
           "### Images on slides (`image:`)", "", IMAGE.doc, "", *_fields_table(IMAGE.fields.values()), ""]
    common = {f.name for f in COMMON}
    for name, layout in LAYOUTS.items():
        fields = [f for f in slide_fields(name).values() if f.name not in common]
        out += [f"### `{name}`", "", layout.doc, "", *_fields_table(fields, shared), "", "```yaml", layout.example,
                "```", ""]
    out += ["### Theme files", "", *_fields_table(THEME.fields.values()), "",
            "### Image register entries (`assets/images.yaml`)", "", *_fields_table(ENTRY.fields.values())]
    return "\n".join(out).rstrip() + "\n"


START, END = "<!-- reference:start (generated by `python -m deckbuilder.report README.md`) -->", \
    "<!-- reference:end -->"


def update_readme(path) -> bool:
    """Rewrite the generated reference in the README; True if it changed."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{START}\n{reference_markdown()}{END}{tail}"
    path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    import sys
    from pathlib import Path

    print("updated" if update_readme(Path(sys.argv[1])) else "already up to date")
