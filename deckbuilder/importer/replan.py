"""The written story planned by a draft build before the import ends: what would not build is fixed or marked."""
from __future__ import annotations

import re
from pathlib import Path

from ..api import Options, Result, build
from ..errors import Diagnostic
from .finish import as_points
from .report import ImportReport
from .story import story_text, write_new
from .text import LIMITS, TITLE_WORDS, split_title

ROUNDS = 3  # plan, fix, plan again: a slide fixed once fits; a third round catches a fix that did not
SLIDE = re.compile(r"slide \d+ \('([^']+)'\)")


def replan(story: Path, header: list[str], facts: dict, slides: list[tuple[dict, list[str]]],
           report: ImportReport) -> Result:
    """Plan the story; fix and rewrite what does not build; the draft build of the story as finally written."""
    result = _draft(story)
    for _ in range(ROUNDS):
        failing = _failing(result)
        fixed = [_fix(fields, failing[fields["id"]], facts) for fields, _ in slides if fields["id"] in failing]
        if not any(fixed):
            break
        write_new(story, story_text(header, facts, slides))
        result = _draft(story)
    failing = _failing(result)
    numbers = {i: record.number for record in report.slides for i in record.ids}
    for fields, comments in slides:
        for diag in failing.get(fields["id"], []):
            comments.append(f"check: this slide does not build yet: {diag.message}")
            report.note(numbers.get(fields["id"]), f"the slide '{fields['id']}' does not build yet: {diag.message} "
                        f"(hint: {diag.hint})")
    for diag in failing.get("", []):
        report.note(None, f"the story does not build yet: {diag}")
    if any(failing.get(fields["id"]) for fields, _ in slides):
        write_new(story, story_text(header, facts, slides))
    return result


def _draft(story: Path) -> Result:
    (result,) = build([story], Options(write=False, draft=True))
    return result


def _failing(result: Result) -> dict[str, list[Diagnostic]]:
    """The errors of the draft build by the id of the slide they are about."""
    found: dict[str, list[Diagnostic]] = {}
    for diag in result.diagnostics:
        if diag.severity != "error":
            continue
        parts = diag.path.split(".")
        slide = parts[1] if parts[0] == "slides" and len(parts) > 1 else \
            next(iter(SLIDE.findall(diag.message)), "")
        found.setdefault(slide, []).append(diag)  # "": the deck's or the register's
    return found


def _fix(fields: dict, diags: list[Diagnostic], facts: dict) -> bool:
    """Change a slide so that it builds, keeping its words; False when there is nothing left to try."""
    if fields["layout"] == "title":
        return _shorter_deck_title(facts, fields)
    if any(d.path.endswith(".title") for d in diags) and len(fields.get("title", "")) > TITLE_WORDS:
        head, lead = split_title(fields["title"])
        points = fields if "bullets" in fields else as_points(fields)
        points = {**points, "layout": points["layout"] if "bullets" in fields else "bullets", "title": head,
                  "bullets": [lead, *points.get("bullets", [])]}
        fields.clear()
        fields.update(points)
        return True
    if fields["layout"] == "bullets":
        return False
    points = as_points(fields)
    fields.clear()
    fields.update(points)
    return True


def _shorter_deck_title(facts: dict, fields: dict) -> bool:
    """A deck title too long for the title slide: its head stays the title, the rest leads the subtitle."""
    title = str(facts.get("title", ""))
    if len(title) <= TITLE_WORDS:
        return False
    head, rest = split_title(title)
    subtitle = " · ".join(t for t in (rest, str(facts.get("subtitle", ""))) if t)
    facts["title"] = head
    if len(subtitle) <= LIMITS["subtitle"]:
        facts["subtitle"] = subtitle
    else:
        fields["notes"] = "\n\n".join(t for t in (f"Full title: {title}", fields.get("notes", "")) if t)
    return True
