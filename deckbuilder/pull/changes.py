"""What the edited deck changed of the outline rebuilt: field texts, points, slides, order, and what cannot go back."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..audience import ResolvedDeck
from ..errors import quoted
from ..layout.ir import DeckPlan, Para, SlidePlan, Table, TextBox
from ..provenance import field_value
from ..source import scalar_text
from .deck import Deck, DeckSlide, Shape
from .match import moved, pair_paragraphs, pair_shapes, pair_slides

COMPOSED = {"footer": "the footer comes from the theme's footer:", "credit": "credits come from the image register",
            "number": ""}  # composed text of these roles: why an edit cannot be taken back ('' : not worth saying)


@dataclass(frozen=True)
class Change:
    """A field of an outline slide (a path in its fields, or ("deck", …) for a deck fact) given a new text; `new`
    None: the list item at `path` was taken out. `number`: the slide in the edited deck."""

    slide: str
    path: tuple
    old: str
    new: str | None
    number: int


@dataclass(frozen=True)
class Unmapped:
    """Something in the edited deck an outline cannot hold, said with its slide number (None: the whole deck)."""

    number: int | None
    message: str

    def __str__(self) -> str:
        return f"slide {self.number}: {self.message}" if self.number else self.message


@dataclass
class Changes:
    edits: list[Change] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # ids of the outline slides taken out
    order: list[str] = field(default_factory=list)  # the ids of the slides kept, in their new order ([]: the same)
    kept: list[str] = field(default_factory=list)  # the ids of the slides kept, in the edited deck's order
    unmapped: list[Unmapped] = field(default_factory=list)
    new: list[int] = field(default_factory=list)  # the numbers of the slides the edited deck adds


@dataclass
class _Seen:
    """Every paragraph that shows one field, with its text in the edited deck (None: taken out)."""

    paras: list[Para] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    number: int = 0


def compare(deck: ResolvedDeck, plan: DeckPlan, rebuilt: Deck, edited: Deck) -> Changes:
    """What the edited deck changed of the deck the outline builds (`rebuilt`, planned as `plan`)."""
    found = Changes()
    pairs = {j: i for i, j in pair_slides(rebuilt.slides, edited.slides).items()}
    hidden = {j: pairs.pop(j) for j in list(pairs) if edited.slides[pairs[j]].hidden}  # hidden: as good as taken out
    seen: dict[tuple, _Seen] = {}
    slides = {s.id: s for s in deck.slides}
    for j, (planned, built) in enumerate(zip(plan.slides, rebuilt.slides)):
        if j in pairs:
            mine = edited.slides[pairs[j]]
            _slide(planned, built, mine, plan.width, seen, found)
            _notes(planned, mine, slides.get(planned.id), found)
    for (slide_id, source), fields in seen.items():
        _field(deck, slides.get(slide_id), source, fields, found, seen)
    _removed([p for j, p in enumerate(plan.slides) if j not in pairs], plan, slides, found)
    found.new = [s.number for i, s in enumerate(edited.slides) if i not in pairs.values() and i not in hidden.values()]
    found.kept = list(dict.fromkeys(plan.slides[j].id for _, j in sorted((i, j) for j, i in pairs.items())
                                    if plan.slides[j].id in slides))
    if found.kept != [s for s in dict.fromkeys(p.id for p in plan.slides) if s in found.kept]:
        found.order = found.kept
    return found


def _slide(planned: SlidePlan, built: DeckSlide, mine: DeckSlide, width: int, seen: dict, found: Changes) -> None:
    """The paragraphs of one slide's text shapes, each with its edited text; what else changed on it."""
    shapes = list(zip(built.shapes, planned.shapes))
    texts = [(s, p) for s, p in shapes if s.kind in ("text", "table")]
    # a text box emptied in LibreOffice reads as a drawn shape: it may still be the box it was (by its name)
    places = [i for i, s in enumerate(mine.shapes) if s.kind in ("text", "table") or s.kind == "shape" and s.paras]
    candidates = [replace(mine.shapes[i], kind="text") if mine.shapes[i].kind == "shape" else mine.shapes[i]
                  for i in places]
    pairs = pair_shapes([s for s, _ in texts], candidates, width)
    for k, j in pairs.items():
        _paragraphs(planned, texts[j], candidates[k], mine.number, seen, found)
    for j, (shape, plan_shape) in enumerate(texts):
        if j not in pairs.values() and any(p.source for p in _paras(plan_shape)):
            found.unmapped.append(Unmapped(mine.number, f"the box {quoted(shape.name)} was deleted: the outline "
                                                        "keeps its text (take it out of the outline to drop it)"))
    for k, shape in enumerate(candidates):
        if k not in pairs and shape.words:
            found.unmapped.append(Unmapped(mine.number, f"a new text box {quoted(shape.words)} cannot be taken into "
                                                        "the outline: add its text to a field of the slide"))
    used = {places[k] for k, shape in enumerate(candidates) if k in pairs or shape.words}
    rest = [s for i, s in enumerate(mine.shapes) if i not in used and s.kind not in ("text", "table")]
    _other_shapes([s for s, _ in shapes if s.kind not in ("text", "table")], rest, mine.number, width, found)


def _paragraphs(planned: SlidePlan, built: tuple, mine: Shape, number: int, seen: dict, found: Changes) -> None:
    shape, plan_shape = built
    paras = _paras(plan_shape)
    if len(paras) != len(shape.paras):
        return
    if moved(shape.box, mine.box) and getattr(plan_shape, "role", "") != "number":
        found.unmapped.append(Unmapped(number, f"the box {quoted(shape.name)} was moved or resized: the layout "
                                               "places every box, so the next build puts it back"))
    styled, last = False, None
    single = len({p.source for p in paras}) == 1 and paras[0].source  # the shape shows one field (a title, say)
    for i, j in pair_paragraphs([p.text for p in shape.paras], [p.text for p in mine.paras]):
        text, style = (None, ()) if j is None else (mine.paras[j].text, mine.paras[j].style)
        if i is None:
            if single and last and last[0].texts[last[1]] is not None:
                last[0].texts[last[1]] += "\n" + (text or "")  # a line added to the field: a line break in it
            else:
                found.unmapped.append(Unmapped(number, f"a new paragraph {quoted(text)} in {quoted(shape.name)}: "
                                                       "add it to the outline"))
            continue
        para = paras[i]
        if para.source:
            entry = seen.setdefault((planned.id, para.source), _Seen(number=number))
            entry.paras.append(para)
            entry.texts.append(text)
            last = (entry, len(entry.texts) - 1)
        elif text is not None and text.split() != shape.paras[i].words.split():
            _composed(plan_shape, para, text, number, found)
        if text is not None and not styled and _restyled(shape.paras[i].style, style):
            styled = True
            found.unmapped.append(Unmapped(number, f"the formatting of {quoted(text)} was changed: the theme "
                                                   "sets how text looks, so the next build sets it back"))


def _composed(plan_shape, para: Para, text: str, number: int, found: Changes) -> None:
    why = COMPOSED.get(getattr(plan_shape, "role", ""), "it is made from several fields of the outline")
    if why:
        found.unmapped.append(Unmapped(number, f"{quoted(para.text)} was changed to {quoted(text)}, but {why}: "
                                               "change it there"))


def _restyled(before: tuple, after: tuple) -> bool:
    """Whether runs were made bold or italic or given another size by more than half a point (LibreOffice rounds
    sizes); what one side does not say is not compared."""
    return bool(before) and bool(after) and len(before) == len(after) and any(
        a[:2] != b[:2] or (a[2] and b[2] and abs(a[2] - b[2]) > 50) for a, b in zip(before, after))


def _other_shapes(built: list[Shape], mine: list[Shape], number: int, width: int, found: Changes) -> None:
    """Pictures, charts and drawn shapes: added, taken out, moved, a chart's data changed."""
    pairs = pair_shapes(built, mine, width)
    for i, j in pairs.items():
        if moved(built[j].box, mine[i].box):
            found.unmapped.append(Unmapped(number, f"the {built[j].kind} {quoted(built[j].name)} was moved or "
                                                   "resized: the layout places it, so the next build puts it back"))
        if built[j].kind == "chart" and built[j].data != mine[i].data:
            found.unmapped.append(Unmapped(number, f"the data of the chart {quoted(built[j].name)} was changed: "
                                                   "change the chart's series in the outline"))
    for j, shape in enumerate(built):
        if j not in pairs.values():
            found.unmapped.append(Unmapped(number, f"the {shape.kind} {quoted(shape.name)} was deleted: the "
                                                   "outline still shows it (take it out there)"))
    for i, shape in enumerate(mine):
        if i not in pairs:
            found.unmapped.append(Unmapped(number, f"a new {shape.kind} {quoted(shape.name)} cannot be taken into "
                                                   "the outline: add it there (a picture: through the image register)"))


def _notes(planned: SlidePlan, mine: DeckSlide, slide, found: Changes) -> None:
    """Speaker notes: the first part's are the slide's notes field (a paper's author list after it is the build's)."""
    before, after = planned.notes, mine.notes_text
    if before.split() == after.split():
        return
    if slide is None or planned.part != 1:
        found.unmapped.append(Unmapped(mine.number, "the speaker notes of a continued slide (or of the credits "
                                                    "slide) were changed: put them in the notes of its first part"))
        return
    value = scalar_text(slide.get("notes", ""))
    extra = before[len(value):].strip()  # what the build adds after the notes (a paper's every author)
    if not after.rstrip().endswith(extra):
        found.unmapped.append(Unmapped(mine.number, f"{quoted(extra)}, which the build adds to the notes, was "
                                                    "changed: change the fields it comes from"))
        return
    new = after.rstrip()[:len(after.rstrip()) - len(extra)].rstrip()
    if not new.strip():
        found.unmapped.append(Unmapped(mine.number, "the speaker notes were deleted: take notes: out of the outline "
                                                    "to drop them"))
    elif new.split() != value.split():
        found.edits.append(Change(planned.id, ("notes",), value, new, mine.number))


def _field(deck: ResolvedDeck, slide, source: tuple, seen: _Seen, found: Changes, every: dict) -> None:
    """One field's new text from the paragraphs that show it, if they were edited (`every`: what each field of
    the deck shows, to tell a point deleted from a point deleted but for its sub-points)."""
    olds = [p.text for p in seen.paras]
    if all(new is not None and new.split() == old.split() for old, new in zip(olds, seen.texts)):
        return
    value = field_value(deck, slide, source)
    if value is None or slide is None:
        return
    current, form = scalar_text(value), seen.paras[0].form
    shown = form.format(current).split()
    if all(new is None for new in seen.texts):
        _taken_out(slide.id, source, current, seen.number, found, every)
        return
    if " ".join(olds).split() == shown:  # the field over one paragraph or several, in order
        texts = [t for t in seen.texts if t and t.strip()]
        new = texts[0].strip() if len(texts) == 1 else " ".join(" ".join(texts).split())
    elif all(old.split() == shown for old in olds):  # the field shown whole in each paragraph
        edited = {" ".join(n.split()) for o, n in zip(olds, seen.texts) if n is not None and n.split() != o.split()}
        if len(edited) != 1:
            found.unmapped.append(Unmapped(seen.number, f"{quoted(current)} is shown in several places, edited "
                                                        "differently: make one edit in the outline"))
            return
        new = edited.pop()
    else:
        found.unmapped.append(Unmapped(seen.number, f"{quoted(current)} was edited where it is shown in a way "
                                                    "pull cannot take back: edit it in the outline"))
        return
    new = _unformed(new, form)
    if not new:
        _taken_out(slide.id, source, current, seen.number, found, every)
    elif new.split() != current.split():
        found.edits.append(Change(slide.id, source, current, new, seen.number))


def _taken_out(slide_id: str, source: tuple, current: str, number: int, found: Changes, every: dict) -> None:
    """A field whose text was deleted: a point (or a plain list item) is taken out, when what it holds went with
    it; another field cannot be."""
    item = source[:-1] if source[-1] == "text" and len(source) >= 3 else source if isinstance(source[-1], int) else ()
    kept = [other for (where, other), seen in every.items() if where == slide_id and other != source and
            other[:len(item)] == item and any(t and t.strip() for t in seen.texts)]
    if item and not kept:
        found.edits.append(Change(slide_id, item, current, None, number))
    else:
        found.unmapped.append(Unmapped(number, f"{quoted(current)} was deleted: take its field out of the outline "
                                               "to drop it"))


def _unformed(text: str, form: str) -> str:
    """The field's text from the paragraph's: without what the layout adds around it ("— {}", "Source: {}")."""
    before, _, after = form.partition("{}")
    text = text.strip()
    if before.strip() and text.startswith(before.strip()):
        text = text[len(before.strip()):]
    if after.strip() and text.endswith(after.strip()):
        text = text[:-len(after.strip())]
    return text.strip()


def _removed(gone: list[SlidePlan], plan: DeckPlan, slides: dict, found: Changes) -> None:
    """Slides taken out: an outline slide all of whose parts went; a part alone, or the credits slide, is said."""
    for slide_id in dict.fromkeys(p.id for p in gone):
        parts = [p for p in plan.slides if p.id == slide_id]
        if slide_id not in slides:
            found.unmapped.append(Unmapped(None, f"the slide {quoted(parts[0].title)} was deleted, but the build "
                                                 "makes it: to leave the credits slide out, set deck.credits.slide: "
                                                 "false"))
        elif len([p for p in gone if p.id == slide_id]) == len(parts):
            found.removed.append(slide_id)
        else:
            found.unmapped.append(Unmapped(None, f"some of the continued slides of '{slide_id}' were deleted: take "
                                                 "the text they showed out of the outline"))


def _paras(shape) -> list[Para]:
    if isinstance(shape, TextBox):
        return list(shape.paras)
    if isinstance(shape, Table):
        return [p for row in shape.rows for cell in row for p in cell.paras]
    return []
