"""The original's words and pictures compared, slide by slide, with a draft build of the imported story."""
from __future__ import annotations

import re
from collections import Counter

from ..layout.ir import Chart, DeckPlan, Picture, Table, TextBox
from .found import DeckFound, Para, SlideFound
from .report import ImportReport, SlideAudit

WORD = re.compile(r"[\w%£$€@#']+")
DAY = re.compile(r"^0*(\d+)(?:st|nd|rd|th)?$")


def words(text: str) -> Counter:
    """Words as a reader compares them: case, punctuation, quotes and how a date writes its day ('23rd', '09')
    aside."""
    text = text.replace("’", "'").replace("‘", "'").casefold()
    found = (DAY.sub(r"\1", w.strip("'")) for w in WORD.findall(text))
    return Counter(w for w in found if w)


def audit(deck: DeckFound, plan: DeckPlan | None, keys: dict[int, list[tuple[str, str]]], report: ImportReport) -> None:
    """Compare each shown slide of the original with its rebuilt slides; `keys`: per slide, (register key or '',
    the picture's name) for each of its content pictures. Fills report.audit and the text figures."""
    if plan is None:
        report.note(None, "the draft build of the story failed (see above), so it could not be compared with the "
                    "original")
        return
    report.compared = True
    by_id: dict[str, list] = {}
    for slide in plan.slides:
        by_id.setdefault(slide.id, []).append(slide)
    everywhere = sum((_shown(s) + words(s.notes) for s in plan.slides), Counter())
    for record in report.slides:
        found = deck.slides[record.number - 1]
        if not record.ids or found.hidden:
            continue
        rebuilt = [s for i in record.ids for s in by_id.get(i, [])]
        report.audit.append(_slide(found, rebuilt, everywhere, keys.get(record.number, [])))
    report.chars_total = sum(a.chars for a in report.audit)
    report.chars_carried = sum(a.kept for a in report.audit)
    report.chars_in_notes = sum(a.in_notes for a in report.audit)


def _slide(found: SlideFound, rebuilt: list, everywhere: Counter, pictures: list[tuple[str, str]]) -> SlideAudit:
    shown = sum((_shown(s) for s in rebuilt), Counter())
    notes = sum((words(s.notes) for s in rebuilt), Counter())
    result = SlideAudit(found.number)
    paras = [p for p in found.all_paras() if p.placed != "chrome"]
    was = sum((words(p.text) for p in paras), Counter())
    was_all = was + words(found.notes)
    result.chars, result.kept = _chars(was_all), _chars(was_all) - _chars(was_all - (shown + notes))
    result.shown, result.on_slides = _chars(was), _chars(was) - _chars(was - shown)
    result.in_notes = _chars((was - shown) & notes)
    for para in paras:
        where = _where(para, shown, notes, everywhere)
        if where:
            result.moved.append((where, para.text))
    placed = {s.key for slide in rebuilt for s in slide.shapes if isinstance(s, Picture)}
    distinct = dict(pictures)
    result.pictures = len(distinct)
    result.pictures_shown = sum(1 for key in distinct if key and key in placed)
    result.pictures_left = [key or name for key, name in distinct.items() if not key or key not in placed]
    return result


def _where(para: Para, shown: Counter, notes: Counter, everywhere: Counter) -> str:
    """'' when the paragraph's words are on its rebuilt slides, else where they went."""
    mine = words(para.text)
    if not mine - shown:
        return ""
    if para.placed in ("register", "deck"):
        return para.placed
    if not mine - (shown + notes):
        return "notes"
    return "elsewhere" if not mine - everywhere else "dropped"


def _shown(slide) -> Counter:
    """The words a planned slide shows: text boxes, table cells, chart labels."""
    found: Counter[str] = Counter()
    for shape in slide.shapes:
        if isinstance(shape, TextBox):
            found += words(" ".join(p.text for p in shape.paras))
        elif isinstance(shape, Table):
            found += words(" ".join(p.text for row in shape.rows for cell in row for p in cell.paras))
        elif isinstance(shape, Chart):
            found += words(" ".join([*shape.categories, *(s.name for s in shape.series)]))
    return found


def _chars(counter: Counter) -> int:
    return sum(len(w) * n for w, n in counter.items())
