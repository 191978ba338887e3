"""What changed in the outline since the deck was built (from the digests it records), and --merge."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..assets.resolve import inside
from ..audience import ResolvedDeck
from ..layout.ir import DeckPlan
from ..provenance import Provenance, SlideMark, digest, marks, path_text, read_marks
from .changes import Change, Changes, Unmapped


@dataclass
class Drift:
    """The outline's changes since the build: files (as the deck names them), slides added and taken out, each
    slide's changed fields (an empty set: it changed otherwise, its layout or a picture), the order."""

    files: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, set[tuple]] = field(default_factory=dict)
    order: bool = False

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.order)

    def __str__(self) -> str:
        said = [f"slide '{i}' ({', '.join(path_text(p) for p in sorted(f, key=str)) or 'not its text'})"
                for i, f in self.changed.items()]
        said += [f"slide '{i}' added" for i in self.added] + [f"slide '{i}' taken out" for i in self.removed]
        said += ["the slides' order"] * self.order
        return ", ".join(said[:6]) + (f" and {len(said) - 6} more" if len(said) > 6 else "")


def drift(built: Provenance, deck: ResolvedDeck, plan: DeckPlan, root: Path) -> Drift:
    """How the outline now differs from the one the deck was built from."""
    found = Drift(files=[name for name, old in built.files.items() if not inside(root / name, [root]) or
                         not (root / name).is_file() or digest((root / name).read_bytes()) != old])
    if not found.files:
        return found
    now = read_marks(dict(marks(deck, plan)))
    before, after = _first_parts(built), _first_parts(now)
    found.added = [i for i in after if i not in before]
    found.removed = [i for i in before if i not in after]
    for slide_id in before.keys() & after.keys():
        old, new = before[slide_id], after[slide_id]
        if old.digest != new.digest or old.values != new.values:
            found.changed[slide_id] = {p for p in old.values.keys() | new.values.keys()
                                       if old.values.get(p) != new.values.get(p)}
    common = [i for i in before if i in after]
    found.order = common != [i for i in after if i in before]
    return found


def merged(changes: Changes, built: Provenance, found: Drift, kept: list[str]) -> Changes:
    """The edits that touch nothing the outline changed since the build; those that do are said, not made.
    `kept`: the ids of the edited deck's slides, in its order."""
    before = _first_parts(built)
    out = replace(changes, edits=[], removed=[], order=[], unmapped=list(changes.unmapped))
    for change in changes.edits:
        recorded = before[change.slide].values.get(change.path) if change.slide in before else None
        if change.slide in found.added:
            continue
        if not _touches(change.path, found.changed.get(change.slide, set())):
            out.edits.append(change)
        elif change.new is None or digest(change.new) != recorded:  # (equal: the deck shows the text as built)
            out.unmapped.append(_conflict(change))
    for slide_id in changes.removed:
        if slide_id in found.changed:
            out.unmapped.append(Unmapped(None, f"the slide '{slide_id}' was deleted, but the outline changed it "
                                               "since the build: take it out of the outline by hand"))
        elif slide_id not in found.added:
            out.removed.append(slide_id)
    if changes.order and kept != [i for i in before if i in kept]:  # the deck reordered them, not as the outline now
        if found.order:
            out.unmapped.append(Unmapped(None, "the slides were reordered, and so was the outline since the build: "
                                               "put them in order in the outline by hand"))
        else:
            out.order = kept
    return out


def _touches(path: tuple, changed: set[tuple]) -> bool:
    """Whether a change at `path` (a field, or a list item taken out) touches a field the outline changed."""
    return any(other[:len(path)] == path or path[:len(other)] == other for other in changed)


def _conflict(change: Change) -> Unmapped:
    return Unmapped(change.number, f"{path_text(change.path)} was edited to '{change.new}', but the outline changed "
                                   f"it since the build (now '{change.old}'): make the edit in the outline")


def _first_parts(found: Provenance | None) -> dict[str, SlideMark]:
    return {s.id: s for s in (found.slides if found else ()) if s.part == 1}
