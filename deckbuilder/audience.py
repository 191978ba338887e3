"""Audience resolution: follow `extends`, pick and override slides by id, filter with only/except."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BuildError, Diagnostics, Loc, did_you_mean, fail, quoted
from .model.outline import DECK, NAME, OUTLINE_FIELDS, Slide, check_deck, check_slide, name_slides
from .model.schema import INVALID, Record
from .source import YList, YMap, display_path, load_yaml

MAX_CHAIN = 16
PATH_FIELDS = ("theme", "images")


@dataclass
class Outline:
    """One outline file as written, checked at the top level."""

    path: Path
    raw: YMap
    audience: str | None = None

    @property
    def extends(self) -> Any:
        return self.raw.get("extends")

    @property
    def name(self) -> str:
        return self.audience or self.path.stem


@dataclass
class ResolvedDeck:
    """One audience's deck: merged facts and the slides it shows, in order."""

    story: str
    audience: str | None
    deck: YMap
    slides: list[Slide]
    outline: Path
    files: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.story}-{self.audience}" if self.audience else self.story


def read_outline(path: Path, diags: Diagnostics) -> Outline:
    """Load one outline file and check its top-level keys."""
    raw = load_yaml(path)
    shown = display_path(path)
    if not isinstance(raw, YMap):
        raise fail("wrong-type", "an outline must be a mapping with 'deck:' and 'slides:'", Loc(shown, 1, 1),
                   hint="see `deckbuilder new` for a starting outline")
    for key in raw:
        if key not in OUTLINE_FIELDS:
            diags.error("unknown-field", f"unknown top-level field {quoted(key)}", raw.key_locs[key], key,
                        did_you_mean(key, OUTLINE_FIELDS))
    audience = None
    if "audience" in raw:
        audience = NAME.check(raw["audience"], raw.at("audience"), "audience", diags)
        audience = None if audience is INVALID else audience
    return Outline(path, raw, audience)


def chain_of(path: Path, diags: Diagnostics) -> list[Outline]:
    """The outline and every outline it extends, leaf first; cycles and missing files are errors."""
    chain = [read_outline(path, diags)]
    while chain[-1].extends is not None:
        child = chain[-1]
        where = child.raw.at("extends")
        if not isinstance(child.extends, str):
            raise fail("wrong-type", "extends must be the path of an outline", where, "extends",
                       "write the story's file name, e.g. extends: story.yaml")
        target = (child.path.parent / child.extends).resolve()
        seen = [o.path.resolve() for o in chain]
        if target in seen:
            names = " → ".join(display_path(p) for p in [*seen, target])
            raise fail("extends-cycle", f"extends goes round in a circle: {names}", where, "extends",
                       "make the story the one outline that extends nothing")
        if len(chain) >= MAX_CHAIN:
            raise fail("extends-too-deep", f"more than {MAX_CHAIN} outlines extend each other", where, "extends",
                       "let audience outlines extend the story (or one audience outline) directly")
        if target.is_dir():
            raise fail("not-a-file", f"extends names the folder {display_path(target)}", where, "extends",
                       "name the story's .yaml file, e.g. extends: story.yaml")
        if not target.is_file():
            raise fail("file-not-found", f"extends names {display_path(target)}, which does not exist", where,
                       "extends", "paths are relative to the outline that names them")
        chain.append(read_outline(target, diags))
    return chain


def resolve(path: Path, diags: Diagnostics) -> ResolvedDeck:
    """Resolve one outline (a story or an audience outline) into the deck it builds."""
    chain = chain_of(path, diags)
    root, leaf = chain[-1], chain[0]
    audiences = [o.name for o in chain[:-1]]
    deck = _merge_decks(chain, diags)
    pool: dict[str, YMap] = {}
    order: list[YMap] = []
    for outline in reversed(chain):
        order = _entries(outline, order, pool, outline is root, audiences, diags)
    _check_audience_names(root, order, diags)
    slides = []
    for entry in order:
        raw = _filtered(entry, audiences)
        if raw is not None and raw.get("hidden") is True and len(chain) > 1:
            _listed_but_hidden(leaf, raw, diags)
        if raw is None or raw.get("hidden") is True:
            continue
        slide = check_slide(raw, raw.loc, _slide_path(raw), diags)
        if slide is not None:
            slides.append(slide)
    if not slides and not diags.has_errors:
        _no_slides(leaf, bool(order), diags)
    story = root.path.resolve().parent.name if root.path.stem == "story" else root.path.stem
    return ResolvedDeck(story, leaf.name if len(chain) > 1 else None, deck or YMap(), name_slides(slides),
                        leaf.path, [o.path for o in chain])


def _listed_but_hidden(leaf: Outline, raw: YMap, diags: Diagnostics) -> None:
    """Warn when an audience outline lists a slide that another outline hides: it would vanish without a word."""
    listed = leaf.raw.get("slides")
    hidden_at = raw.at("hidden")
    if not isinstance(listed, YList) or hidden_at.file == display_path(leaf.path):
        return
    slide_id = _id(raw.get("id"))
    for i, entry in enumerate(listed):
        if slide_id in (_id(entry), isinstance(entry, YMap) and (_id(entry.get("id")) or _id(entry.get("use")))):
            diags.warn("hidden-slide", f"the slide '{slide_id}' is listed here but is hidden: true (at {hidden_at}), "
                       "so it is left out of this deck", listed.at(i), "slides",
                       f"remove it from this list, or show it with '- use: {slide_id}' and 'hidden: false'")
            return


def _no_slides(leaf: Outline, had_some: bool, diags: Diagnostics) -> None:
    if had_some:
        diags.error("no-slides", "no slide is left to show: every slide is hidden or left out by only/except",
                    leaf.raw.at("slides"), "slides", "remove 'hidden: true' or widen 'only:' on some slides")
    else:
        diags.error("no-slides", "the deck has no slides", leaf.raw.at("slides"), "slides",
                    "add slides under 'slides:', each with an id and a layout")


def _slide_path(raw: YMap) -> str:
    slide_id = _id(raw.get("id"))
    return f"slides.{slide_id}" if slide_id else "slides"


def _id(value: Any) -> str | None:
    """A slide id as written: text, or digits (id: 2024 is the id '2024'); None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return getattr(value, "src", str(value))
    return None


def _merge_decks(chain: list[Outline], diags: Diagnostics) -> YMap | None:
    """The story's deck facts with each audience outline's merged over them, checked as a whole.

    Each value keeps the location where it was written, so errors name the file that wrote them."""
    merged = YMap()
    for outline in reversed(chain):
        raw = outline.raw.get("deck")
        if raw is None:
            continue
        if not isinstance(raw, YMap):
            diags.error("wrong-type", "deck must be a mapping of facts", outline.raw.at("deck"), "deck",
                        "write the facts indented under 'deck:', e.g. 'title: My talk'")
            return None
        merged = _deep_merge(merged, _anchor_paths(_expanded(raw), outline.path.parent))
    if "title" not in merged:
        where = chain[-1].raw.at("deck")
        diags.error("missing-field", "the deck has no title", where, "deck.title",
                    "add 'deck:' with 'title:' to the story")
        return None
    return check_deck(merged, merged.loc, "deck", diags)


def _expanded(raw: YMap) -> YMap:
    """Deck facts with shorthands written out (presenter: Keith → {name: Keith}), so they merge field by field."""
    out = raw.copy()
    for key, value in raw.items():
        kind = DECK.fields[key].kind if key in DECK.fields else None
        if isinstance(kind, Record) and kind.shorthand and value is not None and not isinstance(value, dict):
            out[key] = YMap({kind.shorthand: value}, loc=raw.at(key))
            out[key].locs[kind.shorthand] = raw.at(key)
            out[key].key_locs[kind.shorthand] = raw.key_locs.get(key, raw.loc)
    return out


def _anchor_paths(raw: YMap, folder: Path) -> YMap:
    """Make theme and register paths relative to the current folder, as written relative to their file."""
    out = raw.copy()
    for key in PATH_FIELDS:
        value = out.get(key)
        if isinstance(value, str) and ("/" in value or value.endswith((".yaml", ".yml", ".pptx"))):
            out[key] = display_path(folder / value)
    return out


def _deep_merge(base: YMap, over: YMap) -> YMap:
    out = base.copy()
    out.loc = over.loc
    for key, value in over.items():
        if isinstance(value, YMap) and isinstance(out.get(key), YMap):
            value = _deep_merge(out[key], value)
        out[key] = value
        out.locs[key] = over.at(key)
        out.key_locs[key] = over.key_locs.get(key, over.loc)
    return out


def _entries(outline: Outline, inherited: list[YMap], pool: dict[str, YMap], is_root: bool,
             audiences: list[str], diags: Diagnostics) -> list[YMap]:
    """This outline's slides in order, as raw mappings with overrides applied."""
    raw_slides = outline.raw.get("slides")
    if raw_slides is None:
        return inherited
    if not isinstance(raw_slides, YList):
        diags.error("wrong-type", "slides must be a list", outline.raw.at("slides"), "slides",
                    "start each slide with '- '")
        return inherited
    own: dict[str, Loc] = {}
    listed: dict[str, Loc] = {}
    out = []
    for i, entry in enumerate(raw_slides):
        where = raw_slides.at(i)
        slide = _entry(entry, where, i, pool, own, is_root, audiences, diags)
        if slide is not None and _listed_once(_id(slide.get("id")), where, listed, diags):
            out.append(slide)
    for slide in out:
        if slide_id := _id(slide.get("id")):
            pool[slide_id] = slide
    return out


def _listed_once(slide_id: str | None, where: Loc, listed: dict[str, Loc], diags: Diagnostics) -> bool:
    """Ids stay unique within a deck, so one outline may pick a story slide only once."""
    if slide_id in listed:
        diags.error("duplicate-id", f"the slide '{slide_id}' is listed twice (first at line {listed[slide_id].line})",
                    where, "slides", f"to show it again, add a copy with its own id: "
                    f"'- use: {slide_id}' with 'id: {slide_id}-again'")
        return False
    if slide_id:
        listed[slide_id] = where
    return True


def _entry(entry: Any, where: Loc, i: int, pool: dict[str, YMap], own: dict[str, Loc], is_root: bool,
           audiences: list[str], diags: Diagnostics) -> YMap | None:
    if slide_id := _id(entry):
        return _lookup(slide_id, where, pool, is_root, diags)
    if not isinstance(entry, YMap):
        diags.error("wrong-type", "a slide must be a mapping, or the id of a story slide", where, f"slides[{i}]",
                    "write '- id: ...' with 'layout:' and its fields, or '- <id>' to pick a story slide")
        return None
    if "use" in entry:
        return _override(entry, pool, is_root, diags)
    slide_id = _id(entry.get("id"))
    if slide_id:
        if slide_id in own or slide_id in pool:
            first = own.get(slide_id) or pool[slide_id].at("id")
            diags.error("duplicate-id", f"the slide id '{slide_id}' is already used (at {first})",
                        entry.at("id"), f"{_slide_path(entry)}.id",
                        "give the slide another id, or use `use: <id>` to change the existing slide")
            return None
        own[slide_id] = entry.at("id")
    shown = _filtered(entry, audiences)  # checked as this audience will see it
    if shown is not None:
        check_slide(shown, where, _slide_path(entry), diags)
    return entry


def _lookup(slide_id: str, where: Loc, pool: dict[str, YMap], is_root: bool, diags: Diagnostics) -> YMap | None:
    if slide_id in pool:
        return pool[slide_id]
    hint = "a story defines its slides as mappings with 'layout:'" if is_root else \
        did_you_mean(slide_id, pool) or "the story defines no slide with an id"
    diags.error("unknown-slide", f"no slide has the id {quoted(slide_id)}", where, "slides", hint)
    return None


def _override(entry: YMap, pool: dict[str, YMap], is_root: bool, diags: Diagnostics) -> YMap | None:
    base_id = _id(entry["use"])
    if not base_id:
        diags.error("wrong-type", "use must be the id of a story slide", entry.at("use"), "use",
                    "write 'use: <id>' with the id of a slide of the story")
        return None
    base = _lookup(base_id, entry.at("use"), pool, is_root, diags)
    if base is None:
        return None
    merged = base.copy()
    for key, value in entry.items():
        if key == "use":
            continue
        merged[key] = value
        merged.locs[key] = entry.at(key)
        merged.key_locs[key] = entry.key_locs.get(key, entry.loc)
    if "id" not in entry:
        merged["id"] = base_id
    return merged


def _wanted(item: YMap, audiences: list[str]) -> bool:
    only, exc = _names(item.get("only")), _names(item.get("except"))
    if only is not None and not set(only) & set(audiences):
        return False
    return not (exc and set(exc) & set(audiences))


def _names(value: Any) -> list[str] | None:
    """The audience names of an only/except value (one name or a list); None when there is none."""
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    return [name for v in values if (name := _id(v))]


def _filtered(raw: YMap, audiences: list[str]) -> YMap | None:
    """The slide without the parts this audience does not see (None: the slide is not shown)."""
    if not _wanted(raw, audiences):
        return None
    out = raw.copy()
    for key, value in raw.items():
        out[key] = _filter_value(value, audiences)
    return out


def _filter_value(value: Any, audiences: list[str]) -> Any:
    if isinstance(value, YList):
        kept = YList(loc=value.loc)
        for i, item in enumerate(value):
            if isinstance(item, YMap) and not _wanted(item, audiences):
                continue
            kept.append(_filter_value(item, audiences))
            kept.locs.append(value.at(i))
        kept.left_out = len(value) - len(kept)
        return kept
    if isinstance(value, YMap):
        out = value.copy()
        for key, item in value.items():
            out[key] = _filter_value(item, audiences)
        return out
    return value


def known_audiences(root: Path) -> dict[str, Path]:
    """The audiences declared by outlines next to the story that extend it.

    Once there is one, a broken outline next to the story counts too (by its file name): its own
    build reports its errors, and the others should not claim its audience is unknown."""
    found: dict[str, Path] = {}
    broken: dict[str, Path] = {}
    for path in sorted(root.parent.glob("*.y*ml")):
        if path.resolve() == root.resolve():
            continue
        try:
            chain = chain_of(path, Diagnostics())
        except BuildError:
            broken[path.stem] = path
            continue
        if chain[-1].path.resolve() == root.resolve():
            found[chain[0].name] = path
    return {**broken, **found} if found else found


def _check_audience_names(root: Outline, order: list[YMap], diags: Diagnostics) -> None:
    known = known_audiences(root.path)
    if not known:
        return
    for raw in order:
        for item, key in _filter_fields(raw):
            for name in _names(item.get(key)) or []:
                if name not in known:
                    diags.error("unknown-audience", f"no outline declares the audience {quoted(name)}", item.at(key),
                                key, did_you_mean(name, known))


def _filter_fields(value: Any):
    if isinstance(value, YMap):
        for key in ("only", "except"):
            if key in value:
                yield value, key
        for item in value.values():
            yield from _filter_fields(item)
    elif isinstance(value, YList):
        for item in value:
            yield from _filter_fields(item)
