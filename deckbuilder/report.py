"""Text reports for people: the layouts catalogue and credits tables (table, Markdown, CSV, JSON)."""
from __future__ import annotations

import csv
import io
import json

from .model.layouts import COMMON, LAYOUTS
from .model.outline import slide_fields


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


def credits_table(credits, fmt: str = "table") -> str:
    """The credits of a deck's images in the format the comms team asked for."""
    rows = [{"image": c.key, "credit": c.text, "links": " ".join(link for _, link in c.segments if link),
             "notes": "; ".join(c.notes)} for c in credits]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["image", "credit", "links", "notes"])
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "markdown":
        lines = ["| image | credit | notes |", "|---|---|---|"]
        lines += [f"| {r['image']} | {_markdown(c)} | {r['notes']} |" for r, c in zip(rows, credits)]
        return "\n".join(lines)
    width = max([len(r["image"]) for r in rows] + [5])
    lines = [f"{'image':<{width}}  credit"] + [f"{r['image']:<{width}}  {r['credit']}" +
                                                (f"  ({r['notes']})" if r["notes"] else "") for r in rows]
    return "\n".join(lines) if rows else "this deck uses no images"


def _markdown(credit) -> str:
    return "".join(f"[{text}]({link})" if link else text for text, link in credit.segments).replace("|", "\\|")
