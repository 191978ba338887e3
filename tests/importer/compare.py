"""What the import tests compare: the words of each original slide against the rebuilt slides made from it,
pictures by their bytes, and a register whose TODOs are filled in as a user would."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from deckbuilder.api import Options, Result, build
from deckbuilder.importer import ImportReport

CHROME_PLACEHOLDERS = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE}
CHROME_NAMES = {"Footer", "Slide number"}
FILLED = {"alt": "A picture brought in by the importer", "author": "A test author",
          "source": "https://example.org/picture", "licence": "CC-BY-4.0", "granted_by": "A test",
          "evidence": "A test e-mail"}


def words(text: str) -> Counter:
    """Words as a reader sees them: case, punctuation and how a date writes its day ('23rd', '09') aside."""
    text = text.replace("’", "'").replace("‘", "'").casefold()
    found = (re.sub(r"^0*(\d+)(st|nd|rd|th)?$", r"\1", w) for w in re.findall(r"[\w%£$€@#']+", text))
    return Counter(w.strip("'") for w in found if w.strip("'"))


def _texts(shapes, footers: set[str]) -> list[str]:
    out = []
    for shape in shapes:
        if shape.shape_type is not None and shape.shape_type == 6:  # a group
            out += _texts(shape.shapes, footers)
            continue
        if shape.is_placeholder and shape.placeholder_format.type in CHROME_PLACEHOLDERS:
            continue
        if shape.name in CHROME_NAMES:
            continue
        if shape.has_text_frame and " ".join(shape.text_frame.text.split()) not in footers:
            out.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def slide_words(slide, footers: set[str] = frozenset(), notes: bool = False) -> Counter:
    """The words on a slide (footers and slide numbers aside), and in its notes if asked."""
    found = Counter()
    for text in _texts(slide.shapes, footers):
        found += words(text)
    if notes and slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        found += words(slide.notes_slide.notes_text_frame.text)
    return found


def chars(counter: Counter) -> int:
    return sum(len(w) * n for w, n in counter.items())


@dataclass
class Survival:
    """Characters of each original slide's words found again in the slides rebuilt from it."""

    per_slide: dict[int, tuple[int, int]]  # slide number -> (characters found again, characters)
    missing: dict[int, Counter]

    @property
    def percent(self) -> float:
        kept = sum(k for k, _ in self.per_slide.values())
        total = sum(t for _, t in self.per_slide.values())
        return 100.0 * kept / total if total else 100.0

    def slide_percent(self, number: int) -> float:
        kept, total = self.per_slide[number]
        return 100.0 * kept / total if total else 100.0


def rebuilt_by_id(result: Result) -> dict[str, list]:
    """The rebuilt deck's slides by the outline id they were planned from (continuations included)."""
    slides = list(Presentation(str(result.output)).slides)
    by_id: dict[str, list] = {}
    for plan, slide in zip(result.plan.slides, slides):
        by_id.setdefault(plan.id, []).append(slide)
    return by_id


def survival(source: Path, report: ImportReport, result: Result, with_notes: bool = True) -> Survival:
    """Compare every original slide that became outline slides with what the rebuilt deck shows for them."""
    original = list(Presentation(str(source)).slides)
    by_id = rebuilt_by_id(result)
    footers = {" ".join(f.split()) for f in report.footers}
    per_slide, missing = {}, {}
    for record in report.slides:
        if not record.ids:
            continue
        before = slide_words(original[record.number - 1], footers)
        after = Counter()
        for slide_id in record.ids:
            for slide in by_id.get(slide_id, []):
                after += slide_words(slide, notes=with_notes)
        lost = before - after
        per_slide[record.number] = (chars(before) - chars(lost), chars(before))
        if lost:
            missing[record.number] = lost
    return Survival(per_slide, missing)


def fill_todos(register: Path) -> None:
    """Fill every TODO the import left, as the user is asked to."""
    data = yaml.safe_load(register.read_text(encoding="utf-8"))

    def fill(entry: dict) -> None:
        for name, value in list(entry.items()):
            if isinstance(value, dict):
                fill(value)
            elif isinstance(value, str) and re.match(r"TODO(:|$)", value):
                entry[name] = FILLED[name]

    for entry in data.values():
        fill(entry)
    register.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def rebuild(story: Path, out: Path) -> Result:
    (result,) = build([story], Options(out=out))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result


def picture_hashes(path: Path) -> list[set[str]]:
    """Per slide, the content hashes of its pictures (groups included)."""
    out = []
    for slide in Presentation(str(path)).slides:
        out.append({hashlib.sha256(s.image.blob).hexdigest() for s in _pictures(slide.shapes)})
    return out


def _pictures(shapes):
    for shape in shapes:
        if shape.shape_type == 6:
            yield from _pictures(shape.shapes)
        elif shape.shape_type == 13 and shape.name != "Logo":
            yield shape


def rebuilt_pictures(result: Result, ids: tuple[str, ...]) -> list:
    return [p for slide_id in ids for slide in rebuilt_by_id(result).get(slide_id, []) for p in _pictures(slide.shapes)]


def register_hashes(register: Path) -> dict[str, str]:
    """The content hash of each file the register names -> its key."""
    data = yaml.safe_load(register.read_text(encoding="utf-8")) or {}
    return {hashlib.sha256((register.parent / e["file"]).read_bytes()).hexdigest(): k for k, e in data.items()}
