"""pull: the edited deck compared with its outline rebuilt, and the differences written back and checked."""
from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..api import Options, build_one, remembering
from ..assets.resolve import inside, project_root
from ..audience import ResolvedDeck, resolve
from ..errors import BuildError, Diagnostics, Loc, fail
from ..layout.ir import DeckPlan
from ..provenance import Provenance, field_value, read_marks
from ..render.package import write_atomic
from ..source import display_path, scalar_text
from .changes import Changes, compare
from .deck import Deck, read_bytes, read_file
from .offer import offered
from .stale import drift, merged
from .write import Writer, Written

TARGETS = ("audience", "story")


@dataclass
class Pulled:
    """What a pull did: the outline it wrote to, the diff, where each change went, and everything it could not do."""

    deck: str
    outline: Path
    diff: str = ""
    said: list[str] = field(default_factory=list)
    offered: str = ""
    written: list[Path] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)


def pull(path: Path, to: str = "audience", dry_run: bool = False, merge: bool = False,
         cache: Path | None = None) -> Pulled:
    """Bring the edits made to the deck at `path` back into the outline it was built from (`to`: 'audience', or
    'story' for every audience). Raises BuildError when the deck or its outline cannot be pulled."""
    shown = display_path(path)
    if not path.is_file():
        raise fail("file-not-found", f"{shown} does not exist", Loc(shown), hint="give the edited deck's .pptx file")
    edited = read_file(path)
    built = read_marks(edited.properties)
    if built is None:
        foreign = fail("pull-foreign-deck", f"{shown} was not built by deckbuilder: it has none of the marks a "
                       "build leaves in a deck", Loc(shown), hint="to make an outline from a deck made elsewhere, use "
                       "`deckbuilder import`; a deck built before deckbuilder pull existed: build it again")
        raise BuildError([*filter(None, [edited.removed]), *foreign.diagnostics])
    outline, root = _outline(built, path, shown)
    result = _rebuilt(outline, cache)
    changes = _changes(built, result, edited, root, merge, shown)
    try:
        written = Writer(result.deck, to).write(changes)
    except (BuildError, ValueError) as exc:  # an edit made the text unreadable, or two edits met: a bug
        raise _not_written(shown, str(exc).split("; ")[0]) from None
    _check(written, result, shown)
    pulled = Pulled(shown, outline, "".join(_diff(f, old, new) for f, (old, new) in written.texts.items()),
                    written.said)
    if edited.removed:
        pulled.diagnostics.add(edited.removed)
    for item in sorted([*changes.unmapped, *written.refused], key=lambda u: u.number or 0):
        pulled.diagnostics.warn("pull-unmapped", str(item), Loc(shown))
    if changes.new:
        _offer(pulled, path, changes.new, {s.id for s in result.deck.slides})
    if not dry_run and written.texts:
        for file, (_, new) in written.texts.items():
            _save(file, new)
            pulled.written.append(file)
        _after(outline, cache, pulled)
    return pulled


def _changes(built: Provenance, result: Rebuilt, edited: Deck, root: Path, merge: bool, shown: str) -> Changes:
    """What the edited deck changed. When the outline changed since the build, the edits that touch none of what
    changed; where the two meet (an edit to a field the outline changed too), refused, unless `merge` takes the
    rest. A deck pulled before, whose edits the outline now has, meets nothing: nothing is left to pull."""
    changes = compare(result.deck, result.plan, read_bytes(result.data, shown), edited)
    found = drift(built, result.deck, result.plan, root)
    if not found.any:
        return changes
    kept = merged(changes, built, found, changes.kept)
    if not merge and len(kept.unmapped) > len(changes.unmapped):
        raise fail("pull-stale-outline", f"the outline changed since {shown} was built: {found}",
                   Loc(display_path(root / found.files[0])), hint="build the deck again (deckbuilder build "
                   f"{display_path(result.deck.outline)}) and make the edits in it, or pull with --merge to take the "
                   "edits that touch none of this")
    return kept


def _offer(pulled: Pulled, path: Path, numbers: list[int], taken: set[str]) -> None:
    pulled.offered = offered(path, numbers, taken)
    for number in numbers:
        pulled.diagnostics.warn("pull-new-slide", f"slide {number} is new: it is offered below as an outline slide",
                                Loc(pulled.deck), hint=f"paste it into {display_path(pulled.outline)} where it "
                                "belongs, or leave it out")


def _outline(built: Provenance, deck: Path, shown: str) -> tuple[Path, Path]:
    """The outline the deck names, and its project: the current folder's project, else the deck's."""
    roots = [project_root(Path.cwd() / "deck.pptx"), project_root(deck), Path.cwd()]
    for root in roots:
        outline = root / built.outline
        if outline.suffix in (".yaml", ".yml") and inside(outline, [root]) and outline.is_file():
            return outline, root
    raise fail("pull-outline-missing", f"{shown} was built from {built.outline}, which is not in this project",
               Loc(shown), hint="run pull in the folder of the project the deck was built in")


@dataclass(frozen=True)
class Rebuilt:
    """The deck the outline builds now: resolved, planned, and written (in memory)."""

    deck: ResolvedDeck
    plan: DeckPlan
    data: bytes


def _rebuilt(outline: Path, cache: Path | None) -> Rebuilt:
    """The deck the outline builds now, in memory (a draft, so pictures whose credits are still TODO are shown)."""
    options = Options(write=False, draft=True, cache=cache).with_cache(outline)
    result = build_one(outline, options, remembering(options))
    if not result.ok or result.deck is None or result.plan is None or result.data is None:
        raise BuildError(result.diagnostics.errors)
    return Rebuilt(result.deck, result.plan, result.data)


def _check(written: Written, result: Rebuilt, shown: str) -> None:
    """Resolve the new outline texts (in a copy of their folders): every change must read back as it was made."""
    if not written.texts:
        return
    files = [f.resolve() for f in result.deck.files]
    base = Path(os.path.commonpath([f.parent for f in files]))
    diags = Diagnostics()
    with tempfile.TemporaryDirectory(prefix="deckbuilder-pull-") as scratch:
        for sibling in {s for f in files for s in f.parent.glob("*.y*ml")}:
            copy = Path(scratch) / sibling.relative_to(base)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(sibling, copy)
        for file, (_, new) in written.texts.items():
            (Path(scratch) / file.relative_to(base)).write_bytes(new.encode("utf-8"))
        try:
            deck = resolve(Path(scratch) / files[0].relative_to(base), diags)
        except BuildError as exc:
            diags.extend(exc.diagnostics)
            deck = None
    wrong = [str(d) for d in diags.errors] or _mismatches(deck, written.done)
    if wrong:
        raise _not_written(shown, wrong[0])


def _not_written(shown: str, why: str) -> BuildError:
    return fail("pull-not-written", f"the edits to {shown} were not written: the outline would not read them back as "
                f"made ({why})", Loc(shown), hint="nothing was changed; please report this with the deck and its "
                "outline")


def _mismatches(deck, done: Changes) -> list[str]:
    """The changes the resolved outline does not show as made."""
    slides = {s.id: s for s in deck.slides}
    wrong = [f"{c.slide}: {'.'.join(map(str, c.path))}" for c in done.edits if c.new is not None and (
        field_value(deck, slides.get(c.slide), c.path) is None or
        scalar_text(field_value(deck, slides.get(c.slide), c.path)).split() != c.new.split())]
    wrong += [f"the slide '{i}' is still shown" for i in done.removed if i in slides]
    if done.order and [s.id for s in deck.slides if s.id in done.order] != [i for i in done.order if i in slides]:
        wrong.append("the slides' order")
    return wrong


def _diff(file: Path, old: str, new: str) -> str:
    name = display_path(file)
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}"))


def _save(file: Path, text: str) -> None:
    """Atomically, in the file's own encoding (UTF-8, with its byte order mark if it had one)."""
    bom = file.read_bytes().startswith(b"\xef\xbb\xbf")
    write_atomic(file, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def _after(outline: Path, cache: Path | None, pulled: Pulled) -> None:
    """What the next build will say of the outline as written (a pulled title too long to fit, say)."""
    options = Options(write=False, draft=True, cache=cache).with_cache(outline)
    result = build_one(outline, options, remembering(options))
    for diag in result.diagnostics.errors:
        pulled.diagnostics.warn(diag.code, f"the next build refuses an edit: {diag.message}", diag.where, diag.path,
                                diag.hint)
