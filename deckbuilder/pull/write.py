"""Changes written into the outline files: where the text is written, else as overrides; slides out, reordered."""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, ScalarNode

from ..audience import ResolvedDeck, known_audiences
from ..errors import BuildError, Loc
from ..source import YList, YMap, display_path, load_yaml, parse_yaml, scalar_text
from ..yaml_edit import Document, Edit, Raw, Unwritable, apply
from .changes import Change, Changes, Unmapped


@dataclass
class Written:
    """The new text of each outline file that changes, what went where (one line each), what could not go, and
    what did (to check it)."""

    texts: dict[Path, tuple[str, str]] = field(default_factory=dict)  # file -> (old text, new text)
    said: list[str] = field(default_factory=list)
    refused: list[Unmapped] = field(default_factory=list)
    done: Changes = field(default_factory=Changes)


class Writer:
    """Writes one deck's changes into the files of its outline chain (deck.files: the outline first, the story last);
    `to` is 'audience' (the outline the deck was built from) or 'story'. A field is changed where it is written when
    that is the file written to (or an outline tailoring it), else given there: `use:` with the field, a deck fact
    under `deck:`. Slides are taken out of, and reordered in, the list that decides the deck's order."""

    def __init__(self, deck: ResolvedDeck, to: str):
        self.deck, self.files = deck, [f.resolve() for f in deck.files]
        self.target = self.files[-1] if to == "story" else self.files[0]
        self.to = to
        self.old = {f: f.read_bytes().decode("utf-8-sig") for f in self.files}  # line ends as they are
        self.docs = {f: Document(text, display_path(f)) for f, text in self.old.items()}
        self.slides = {s.id: s for s in deck.slides}
        self.out = Written()
        self.said: list[tuple[int | None, str]] = []

    # --- the whole ---------------------------------------------------------------------------------------------

    def write(self, changes: Changes) -> Written:
        if self._lists_needed(changes) and not self._guarded(changes.edits, self._list_slides):
            self.out.refused.append(Unmapped(None, "slides taken out or reordered were not written: the outline "
                                                   "could not list its slides"))
            changes = Changes(edits=[c for c in changes.edits if c.path[0] == "deck"])
        adds: dict[tuple[Path, tuple], list] = defaultdict(list)
        edits: dict[Path, list[Edit]] = defaultdict(list)
        facts = [c for c in changes.edits if c.path[0] == "deck" and not self._in_place(c)]
        for group in _grouped([c for c in changes.edits if c not in facts]):
            if self._guarded(group, partial(self._group, group, adds, edits)):
                self.out.done.edits += group
        if self._guarded(facts, partial(self._deck_facts, facts, adds)):
            self.out.done.edits += facts
        removed = [slide_id for slide_id in changes.removed if self._taken_out(slide_id, adds, edits)]
        self._apply(edits, adds)
        self._remove(removed)
        self.out.done.removed = removed
        if changes.order:
            self._reorder(changes.order)
            self.out.done.order = changes.order
        self.out.texts = {f: (self.old[f], self.docs[f].text) for f in self.files if self.docs[f].text != self.old[f]}
        self.out.said = [f"slide {n}: {text}" if n else text for n, text in
                         sorted(self.said, key=lambda said: said[0] if said[0] is not None else 1 << 30)]
        return self.out

    def _say(self, number: int | None, text: str) -> None:
        """Where a change went (by the edited deck's slide number; 0 first, None last)."""
        self.said.append((number, text))

    def _guarded(self, changes: list[Change], action) -> bool:
        """Run `action`; when it cannot be written, say so for each of `changes` and return False."""
        try:
            action()
            return True
        except Unwritable as exc:
            self.out.refused += [Unmapped(c.number, f"{self._what(c)} could not be written: {exc}") for c in changes]
            return False

    def _apply(self, edits: dict[Path, list[Edit]], adds: dict[tuple[Path, tuple], list]) -> None:
        for (file, path), entries in adds.items():
            edits[file].append(self._entries_edit(file, path, entries))
        for file, found in edits.items():
            self.docs[file] = Document(apply(self.docs[file].text, found), self.docs[file].shown)

    def _entries_edit(self, file: Path, path: tuple, entries: list) -> Edit:
        """Entries for the mapping at `path`, or for a plain list item (an id) made an override."""
        doc = self.docs[file]
        node = doc.find(path)
        if isinstance(node, ScalarNode):
            return doc.replace_item(path[:-1], path[-1], [("use", node.value), *entries])
        return doc.add(path, entries)

    # --- fields --------------------------------------------------------------------------------------------------

    def _group(self, group: list[Change], adds: dict, edits: dict) -> None:
        """The changes to one top-level field of one slide: where it is written, else as an override of it."""
        if self._in_place(group[0]):
            file = self._located(group[0])[0]
            edits[file] += self._edits(self.docs[file], group)
            own = ": the audience's own text" if file != self.target else ""
            for change in group:
                self._say(change.number, f"{self._what(change)} ({display_path(file)}{own})")
            return
        first = group[0]
        value = first.new if len(first.path) == 1 and first.new is not None else self._copied(group, first.path[0])
        entry = self._entry(first.slide)
        if entry is None:
            raise Unwritable(f"the slide '{first.slide}' is not in {display_path(self.target)}'s slides")
        adds[(self.target, entry)].append((first.path[0], value))
        how = "a field added" if self._definition(first.slide)[0] == self.target else f"use: {first.slide}"
        for change in group:
            self._say(change.number, f"{self._what(change)} ({display_path(self.target)}, {how})")

    def _in_place(self, change: Change) -> bool:
        """Whether the change's value is written in the file written to, or in an outline tailoring it."""
        where = self._loc(change)
        return where is not None and self._downstream(where[0])

    def _edits(self, doc: Document, group: list[Change]) -> list[Edit]:
        """The group's changes in the file they are written in: values set, list items taken out (list by list)."""
        located = [(self._located(change)[1], change) for change in group]
        gone: dict[tuple, list[int]] = defaultdict(list)
        for path, change in located:
            if change.new is None:
                gone[path[:-1]].append(path[-1])
        return [doc.put(path, c.new) for path, c in located if c.new is not None] + \
            [edit for items, indices in gone.items() for edit in doc.remove(items, indices)]

    def _copied(self, group: list[Change], top: str) -> Raw:
        """The slide's field `top` as written where it comes from, with the group's changes made in it."""
        where = self._value_loc(self.slides[group[0].slide].data, (top,))
        if where is None:
            raise Unwritable(f"'{top}' is not written where pull can find it")
        doc = self.docs[where[0]]
        return Document(apply(doc.text, self._edits(doc, group)), doc.shown).copy(where[1])

    def _deck_facts(self, changes: list[Change], adds: dict) -> None:
        """Deck facts given in the outline written to, under its `deck:` (made when it has none)."""
        doc = self.docs[self.target]
        missing: dict[tuple, dict] = defaultdict(dict)  # the deepest mapping there is → what goes in it
        for change in changes:
            path = ("deck", *change.path[1:])
            depth = 0
            while depth < len(path) - 1 and isinstance(doc.find(path[:depth + 1]), MappingNode):
                depth += 1
            nested = missing[path[:depth]]
            for key in path[depth:-1]:
                nested = nested.setdefault(key, {})
            nested[path[-1]] = change.new
            self._say(change.number, f"{self._what(change)} ({display_path(self.target)}, deck:)")
        for mapping, entries in missing.items():
            adds[(self.target, mapping)] += [(key, self._nested(doc, value)) for key, value in entries.items()]

    def _nested(self, doc: Document, value: str | dict) -> str | Raw:
        if isinstance(value, str):
            return value
        return Raw("".join(doc.entry(k, self._nested(doc, v), 0) for k, v in value.items()).rstrip("\r\n"), True)

    # --- slides --------------------------------------------------------------------------------------------------

    def _lists_needed(self, changes: Changes) -> bool:
        """Whether the outline written to must list its slides (it shows the story's, and slides change)."""
        if self.target == self.files[-1] or isinstance(self._raw(self.target).get("slides"), YList):
            return False
        overrides = [c for c in changes.edits if c.path[0] != "deck" and not self._in_place(c)]
        return bool(overrides or changes.removed or changes.order)

    def _list_slides(self) -> None:
        """Give the outline written to a slides list: the ids of the slides it shows, in order."""
        ids = [s.id for s in self.deck.slides]
        unnamed = [s for s in self.deck.slides if s.generated]
        if unnamed:
            raise Unwritable(f"the story's slide '{unnamed[0].id}' has no id, so "
                             f"{display_path(self.target)} cannot list it: give it an id in the story")
        doc = self.docs[self.target]
        edit = doc.add((), [("slides", Raw("\n".join(f"- {i}" for i in ids), True))])
        self.docs[self.target] = Document(apply(doc.text, [edit]), doc.shown)
        self._say(0, f"{display_path(self.target)} now lists its slides (it showed the story's in the "
                             "story's order): a slide added to the story later must be added to it too")

    def _taken_out(self, slide_id: str, adds: dict, edits: dict) -> bool:
        """A slide taken out whose entry says more than its id gets `hidden: true`, so that nothing written is lost
        (the others leave the list: _remove); False, and said, when it has no entry to change."""
        file, entry = self._definition(slide_id) if self.to == "story" else (self.target, self._entry(slide_id))
        if entry is None:
            self.out.refused.append(Unmapped(None, f"the slide '{slide_id}' was deleted, but it has no entry in "
                                                   f"{display_path(file)} to take out: take it out by hand"))
            return False
        node = self.docs[file].find(entry)
        if isinstance(node, MappingNode) and len(node.value) > 1 or self.to == "story":
            if self.docs[file].find((*entry, "hidden")) is not None:
                edits[file].append(self.docs[file].put((*entry, "hidden"), Raw("true", False)))
            else:
                adds[(file, entry)].append(("hidden", Raw("true", False)))
            also = self._listed_elsewhere(slide_id) if file == self.files[-1] else []
            self._say(None, f"slide '{slide_id}' taken out: hidden: true ({display_path(file)})" + (
                f"; {', '.join(also)} list it too: their builds will say it is hidden" if also else ""))
        return True

    def _listed_elsewhere(self, slide_id: str) -> list[str]:
        """The other audience outlines of the story that list the slide."""
        found = []
        for path in known_audiences(self.files[-1]).values():
            if path.resolve() not in self.files:
                try:
                    raw = load_yaml(path)
                except BuildError:
                    continue
                if slide_id in _listed(raw):
                    found.append(display_path(path))
        return found

    def _remove(self, removed: list[str]) -> None:
        """Slides taken out whose entry is only their id (or `use:` and nothing else) leave the list."""
        doc = self.docs[self.files[0]]
        entries = _slide_entries(doc)
        gone = [i for i, (slide_id, bare) in enumerate(entries) if slide_id in removed and bare]
        if gone:
            self.docs[self.files[0]] = Document(apply(doc.text, doc.remove(("slides",), gone)), doc.shown)
            for i in gone:
                self._say(None, f"slide '{entries[i][0]}' taken out ({display_path(self.files[0])})")

    def _reorder(self, order: list[str]) -> None:
        """The slides in the edited deck's order, in the list that decides it: the first in the chain that lists
        slides (the outline's own, else the story's)."""
        file = next(f for f in self.files if isinstance(self._raw(f).get("slides"), YList))
        doc = self.docs[file]
        entries = [slide_id for slide_id, _ in _slide_entries(doc)]
        places = [i for i, slide_id in enumerate(entries) if slide_id in order]
        by_id = {entries[i]: i for i in places}
        new = list(range(len(entries)))
        for place, slide_id in zip(places, [s for s in order if s in by_id]):
            new[place] = by_id[slide_id]
        if new != list(range(len(entries))):
            self.docs[file] = Document(apply(doc.text, doc.reorder(("slides",), new)), doc.shown)
            self._say(None, f"slides reordered ({display_path(file)})")

    # --- where things are ----------------------------------------------------------------------------------------

    def _loc(self, change: Change) -> tuple[Path, tuple] | None:
        """The file and path where the change's value is written, or None when it is not written anywhere."""
        if change.path[0] == "deck":
            return self._value_loc(self.deck.deck, change.path[1:])
        slide = self.slides.get(change.slide)
        return self._value_loc(slide.data, change.path) if slide else None

    def _located(self, change: Change) -> tuple[Path, tuple]:
        where = self._loc(change)
        if where is None:
            raise Unwritable(f"{'.'.join(map(str, change.path))} is not written where pull can find it")
        return where

    def _value_loc(self, data: Any, path: tuple) -> tuple[Path, tuple] | None:
        container = data
        for step in path[:-1]:
            try:
                container = container[step]
            except (KeyError, IndexError, TypeError):
                return None
        last = path[-1]
        if isinstance(container, YMap) and last in container.locs:
            where = container.at(last)
        elif isinstance(container, YList) and isinstance(last, int) and last < len(container.locs):
            where = container.at(last)
        else:
            return None
        return self._path_of(where)

    def _path_of(self, where: Loc) -> tuple[Path, tuple] | None:
        file = Path(where.file).resolve()
        if file not in self.docs:
            return None
        path = self.docs[file].path_at(where.line, where.col)
        return (file, path) if path is not None else None

    def _downstream(self, file: Path) -> bool:
        """Whether a file is the one written to, or an outline that tailors it (so an edit in it is an edit of it)."""
        return file in self.files and self.files.index(file) <= self.files.index(self.target)

    def _entry(self, slide_id: str) -> tuple | None:
        """The path of the slide's entry in the list of the outline written to."""
        doc = self.docs[self.target]
        for i, (found, _) in enumerate(_slide_entries(doc)):
            if found == slide_id:
                return ("slides", i)
        return None

    def _definition(self, slide_id: str) -> tuple[Path, tuple | None]:
        """Where the slide is defined (`id: …`), the outline first."""
        for file in self.files:
            for i, item in enumerate(self._raw(file).get("slides") or []):
                if isinstance(item, YMap) and "id" in item and _id_of(item) == slide_id:
                    return file, ("slides", i)
        return self.target, self._entry(slide_id)

    def _raw(self, file: Path) -> YMap:
        found = parse_yaml(self.docs[file].text, self.docs[file].shown)
        return found if isinstance(found, YMap) else YMap()

    def _what(self, change: Change) -> str:
        field_name = ".".join(str(s) for s in change.path)
        if change.new is None:
            return f"{field_name} '{_short(change.old)}' taken out"
        old, new = _apart(change.old, change.new)
        return f"{field_name} '{old}' → '{new}'"


def _slide_entries(doc: Document) -> list[tuple[str, bool]]:
    """Each entry of the file's slides list: the slide id it names, and whether that is all it says."""
    node = doc.find(("slides",))
    entries = []
    for item in getattr(node, "value", []) or []:
        if isinstance(item, ScalarNode):
            entries.append((item.value, True))
        elif isinstance(item, MappingNode):
            keys = {k.value: v for k, v in item.value if isinstance(k, ScalarNode)}
            named = keys.get("use") or keys.get("id")
            entries.append((named.value if isinstance(named, ScalarNode) else "", set(keys) == {"use"}))
        else:
            entries.append(("", False))
    return entries


def _listed(raw: Any) -> list[str]:
    """The ids an outline's slides list names."""
    entries = raw.get("slides") if isinstance(raw, YMap) else None
    return [_id_of(entry) for entry in entries] if isinstance(entries, YList) else []


def _id_of(entry: Any) -> str:
    """The slide id a slides-list entry names: itself, its `use:` or its `id:`."""
    return scalar_text(entry.get("use", entry.get("id", ""))) if isinstance(entry, YMap) else scalar_text(entry)


def _grouped(changes: list[Change]) -> list[list[Change]]:
    """Changes grouped by slide and top-level field (a deck fact by its own path)."""
    groups: dict[tuple, list[Change]] = defaultdict(list)
    for change in changes:
        groups[change.path if change.path[0] == "deck" else (change.slide, change.path[0])].append(change)
    return list(groups.values())


def _short(text: str, most: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most - 1] + "…"


def _apart(old: str, new: str, most: int = 40) -> tuple[str, str]:
    """Two texts shortened around where they differ: the words they share before it left out ('…drug or
    alcohol abuse…'), so that a change deep in a long point can be seen."""
    old, new = " ".join(old.split()), " ".join(new.split())
    if len(old) <= most and len(new) <= most:
        return old, new
    same = len(os.path.commonprefix([old, new]))
    start = old.rfind(" ", 0, max(0, same - 10)) + 1  # a few words of what they share, from a word's start
    lead = "…" if start else ""
    return _short(lead + old[start:], most), _short(lead + new[start:], most)
