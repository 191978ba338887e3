"""The one orchestrator: load → resolve audience → resolve assets → plan → check → render → write."""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .assets.images import ImageCache, pixels_for
from .assets.resolve import Use, image_uses, resolve_assets
from .checks.accessibility import check_plan
from .audience import ResolvedDeck, chain_of, known_audiences, read_outline, resolve
from .errors import BuildError, Diagnostics, Loc, did_you_mean, fail
from .layout.fonts import DEFAULT_FAMILY, twin
from .layout.ir import DeckPlan, Picture
from .layout.plan import plan_deck
from .layout.text import Measurer
from .model.theme import Theme, load_theme
from .render.deck import render_pptx
from .render.package import write_atomic
from .source import YMap, display_path

WORDS_PER_MINUTE = 130


@dataclass
class Options:
    """How to build: where to write, which audience, which folders images may come from."""

    out: Path = Path("build")
    audience: str | None = None
    allow: tuple[Path, ...] = ()
    cache: Path | None = None
    write: bool = True

    @property
    def cache_dir(self) -> Path:
        return self.cache or self.out / ".cache" / "images"


@dataclass
class Result:
    """What building one outline gave: the deck written (if any) and everything reported."""

    outline: Path
    name: str = ""
    output: Path | None = None
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    plan: DeckPlan | None = None
    deck: ResolvedDeck | None = None
    data: bytes | None = None  # the .pptx, also when it is not written
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors

    @property
    def slides(self) -> int:
        return len(self.plan.slides) if self.plan else 0

    @property
    def images(self) -> int:
        if not self.plan:
            return 0
        return len({s.image for p in self.plan.slides for s in p.shapes if isinstance(s, Picture)})

    @property
    def talk_minutes(self) -> float:
        if not self.plan:
            return 0.0
        return sum(len(p.notes.split()) for p in self.plan.slides) / WORDS_PER_MINUTE


def outlines_in(path: Path, audience: str | None = None) -> list[Path]:
    """The outlines a path stands for: a file is itself; a folder gives its audience outlines, else its stories."""
    if not path.exists():
        raise fail("file-not-found", f"{display_path(path)} does not exist", Loc(display_path(path)),
                   hint="give an outline .yaml or a folder of outlines")
    if path.is_file():
        if audience:
            return [_audience_file(path, audience)]
        return [path]
    keys = {p: _top_keys(p) for p in sorted(path.glob("*.y*ml")) if p.is_file()}
    audiences = [p for p, k in keys.items() if k is None or "extends" in k]
    chosen = audiences or [p for p, k in keys.items() if k is None or k & {"deck", "slides"}]
    if audience:
        chosen = [_audience_file(chosen[0] if chosen else path / "story.yaml", audience)]
    if not chosen:
        raise fail("no-outlines", f"{display_path(path)} holds no outlines", Loc(display_path(path)),
                   hint="an outline is a .yaml file with 'deck:' and 'slides:' (or 'extends:')")
    return chosen


def _top_keys(path: Path) -> set[str] | None:
    """The top-level keys of a YAML file; None if it cannot be read (building it will say why)."""
    try:
        return set(read_outline(path, Diagnostics()).raw)
    except BuildError:
        return None


def _audience_file(outline: Path, audience: str) -> Path:
    chain_root = outline
    try:
        chain_root = chain_of(outline, Diagnostics())[-1].path
    except BuildError:
        pass
    known = known_audiences(chain_root)
    if audience not in known:
        raise fail("unknown-audience", f"no outline for the audience '{audience}' next to "
                   f"{display_path(chain_root)}", Loc(display_path(chain_root)), "--audience",
                   did_you_mean(audience, known) if known else "this story has no audience outlines")
    return known[audience]


def build(paths: list[Path], options: Options, measurer: Measurer | None = None) -> list[Result]:
    """Build every outline the paths stand for; one Result each (errors included, never raised)."""
    measurer = measurer or Measurer()
    results: list[Result] = []
    for path in paths:
        try:
            outlines = outlines_in(path, options.audience)
        except BuildError as exc:
            results.append(Result(path, diagnostics=Diagnostics(list(exc.diagnostics))))
            continue
        results.extend(build_one(outline, options, measurer) for outline in outlines)
    return results


def build_one(outline: Path, options: Options, measurer: Measurer) -> Result:
    """Build one outline; nothing is written unless every stage succeeds."""
    started = time.perf_counter()
    result = Result(outline)
    diags = result.diagnostics
    try:
        result.plan, result.deck = _plan(outline, options, measurer, diags)
        if result.plan and not diags.has_errors:
            result.name = result.deck.name
            result.data = render_pptx(prepare_pictures(result.plan, ImageCache(options.cache_dir)))
            if options.write:
                result.output = options.out / f"{result.deck.name}.pptx"
                write_atomic(result.output, result.data)
    except BuildError as exc:
        diags.extend(exc.diagnostics)
    result.seconds = time.perf_counter() - started
    return result


def _plan(outline: Path, options: Options, measurer: Measurer,
          diags: Diagnostics) -> tuple[DeckPlan | None, ResolvedDeck | None]:
    deck = resolve(outline, diags)
    theme = _theme(deck, diags)
    uses = image_uses(deck.slides)
    if theme.logo:
        uses.append(Use("theme", "logo", _logo_spec(theme.logo), Loc(display_path(theme.path or outline))))
    images = resolve_assets(uses, outline, deck.deck.get("images"), deck.deck.get("use", "public"), diags,
                            options.allow)
    if diags.has_errors:
        return None, deck
    plan = plan_deck(deck, theme, images, measurer, diags)
    if not diags.has_errors:  # a slide that did not fit is reported already; checking what is left adds noise
        check_plan(plan, deck.name, diags)
    return plan, deck


def _theme(deck: ResolvedDeck, diags: Diagnostics) -> Theme:
    theme = load_theme(deck.deck.get("theme", "default"), deck.deck.at("theme"), diags)
    for role, name in theme.fonts.items():
        if twin(name) is None:
            diags.warn("font-not-measured", f"the {role} font '{name}' has no bundled metric-compatible file; "
                       f"text is measured with {DEFAULT_FAMILY}", deck.deck.at("theme"), f"theme.fonts.{role}",
                       "use Calibri, Arial, Cambria or Times New Roman (or their open twins) for exact fitting")
    return theme


def _logo_spec(key: str) -> YMap:
    spec = YMap({"asset": key, "fit": "contain", "credit": "credits-only"})
    return spec


def prepare_pictures(plan: DeckPlan, cache: ImageCache) -> DeckPlan:
    """Replace each picture's source with a file cropped and downsampled for its place (cached)."""
    slides = []
    for slide in plan.slides:
        shapes = tuple(
            replace(s, image=str(cache.prepared(Path(s.image), s.crop, pixels_for(s.box.w, s.box.h))), crop=None)
            if isinstance(s, Picture) else s
            for s in slide.shapes
        )
        slides.append(replace(slide, shapes=shapes))
    return replace(plan, slides=tuple(slides))
