"""The one orchestrator: load → resolve audience → resolve assets → plan → check → render → write."""
from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

from .assets.images import ImageCache, ImageProblem, pixels_for
from .assets.register import find_register
from .assets.resolve import Use, image_uses, resolve_assets
from .audience import ResolvedDeck, chain_of, known_audiences, read_outline, resolve
from .cache import folder_for as cache_folder
from .checks.accessibility import check_plan
from .checks.brand import check_brand
from .errors import BuildError, Diagnostics, Loc, did_you_mean, fail
from .layout.fonts import DEFAULT_FAMILY, twin
from .layout.ir import DeckPlan, Picture
from .layout.plan import plan_deck
from .layout.text import Measurer
from .model.theme import Theme, load_theme, on_template
from .provenance import marks
from .render.deck import write_package
from .render.package import write_atomic
from .source import YMap, display_path

WORDS_PER_MINUTE = 130
WORKERS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
_worker_measurer: Measurer | None = None  # one per worker process, made when it starts


@dataclass
class Options:
    """How to build: where to write, which audience, which folders images may come from."""

    out: Path = Path("build")
    audience: str | None = None
    allow: tuple[Path, ...] = ()
    cache: Path | None = None  # measured widths and prepared images; None: the project's folder in the user cache
    write: bool = True
    draft: bool = False  # pictures whose register entry is still TODO are shown, marked "credit needed"

    def with_cache(self, path: Path) -> Options:
        """These options with the cache folder of the project `path` belongs to, unless one is given."""
        return self if self.cache else replace(self, cache=cache_folder(path))

    @property
    def cache_root(self) -> Path:
        """The cache folder: the one given, else the current folder's project's."""
        return self.cache or cache_folder(Path.cwd())

    @property
    def measure_file(self) -> Path:
        return self.cache_root / "measured-widths.json"

    @property
    def cache_dir(self) -> Path:
        return self.cache_root / "images"


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
    inputs: list[Path] = field(default_factory=list)  # the files the build read: outlines, theme, register, images

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
    """The outlines a path stands for: a file is itself; a folder gives its audience outlines, else its stories,
    then those of each folder in it (so decks/ gives every deck of the project)."""
    if not path.exists():
        raise fail("file-not-found", f"{display_path(path)} does not exist", Loc(display_path(path)),
                   hint="give an outline .yaml or a folder of outlines")
    if path.is_file():
        if audience:
            return [_audience_file(path, audience)]
        return [path]
    folders = [path, *sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))]
    groups = [group for group in map(_outlines_of, folders) if group]
    if audience:
        return _audience_files(groups or [[path / "story.yaml"]], audience)
    if not groups:
        raise fail("no-outlines", f"{display_path(path)} holds no outlines", Loc(display_path(path)),
                   hint="an outline is a .yaml file with 'deck:' and 'slides:' (or 'extends:')")
    return [outline for group in groups for outline in group]


def _outlines_of(folder: Path) -> list[Path]:
    """The audience outlines in one folder, else its stories."""
    keys = {p: _top_keys(p) for p in sorted(folder.glob("*.y*ml")) if p.is_file()}
    audiences = [p for p, k in keys.items() if k is None or "extends" in k]
    return audiences or [p for p, k in keys.items() if k is None or k & {"deck", "slides"}]


def _audience_files(groups: list[list[Path]], audience: str) -> list[Path]:
    """The audience's outline in each group that has one (an error when none has)."""
    picked: list[Path] = []
    errors: list[BuildError] = []
    for group in groups:
        try:
            picked.append(_audience_file(group[0], audience))
        except BuildError as exc:
            errors.append(exc)
    if errors and not picked:
        raise errors[0]
    return picked


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


def build(paths: list[Path], options: Options, measurer: Measurer | None = None,
          progress: Callable[[int, int], None] | None = None) -> list[Result]:
    """Build every outline the paths stand for; one Result each, in order (errors included, never raised).

    Several outlines are built in parallel processes, each with its own Measurer; given a measurer, they are
    built one after the other with it. `progress(done, total)` is called as each deck is finished."""
    options = options.with_cache(paths[0] if paths else Path.cwd())
    jobs: list[Path | Result] = []
    for path in paths:
        try:
            jobs.extend(outlines_in(path, options.audience))
        except BuildError as exc:
            jobs.append(Result(path, diagnostics=Diagnostics(list(exc.diagnostics))))
    outlines = [job for job in jobs if isinstance(job, Path)]
    if progress:
        progress(0, len(outlines))
    if measurer or len(outlines) < 2 or WORKERS < 2:
        built = iter(_in_turn(outlines, options, measurer or remembering(options), progress))
    else:
        built = iter(_in_parallel(outlines, options, progress))
    return [next(built) if isinstance(job, Path) else job for job in jobs]


def _in_turn(outlines: list[Path], options: Options, measurer: Measurer, progress) -> list[Result]:
    results = []
    for done, outline in enumerate(outlines, 1):
        results.append(build_one(outline, options, measurer))
        if progress:
            progress(done, len(outlines))
    return results


def _in_parallel(outlines: list[Path], options: Options, progress) -> list[Result]:
    """Layout is CPU-bound: one process per core. fork (where there is one) starts them in milliseconds."""
    import multiprocessing  # (a single deck, the usual command, needs neither)
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(min(WORKERS, len(outlines)), context, initializer=_start_worker,
                             initargs=(options,)) as pool:
        futures = [pool.submit(_build_in_worker, outline, options) for outline in outlines]
        for done, _ in enumerate(as_completed(futures), 1):
            if progress:
                progress(done, len(outlines))
        return [future.result() for future in futures]


def _start_worker(options: Options) -> None:
    """Ctrl-C is the parent's to handle; each worker measures with its own Measurer."""
    global _worker_measurer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_measurer = remembering(options)


def remembering(options: Options) -> Measurer:
    """A measurer that knows the widths earlier builds measured (kept with the image cache; safe to delete)."""
    measurer = Measurer()
    try:
        measurer.learn(json.loads(options.measure_file.read_text(encoding="utf-8")))
    except (OSError, ValueError, AttributeError):
        pass
    return measurer


def _remember(measurer: Measurer, options: Options, before: int) -> None:
    if measurer.size > before:
        try:
            write_atomic(options.measure_file, json.dumps(measurer.known()).encode())
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower


def _build_in_worker(outline: Path, options: Options) -> Result:
    measurer = _worker_measurer or remembering(options)  # made when the worker started
    return build_one(outline, options, measurer)


def build_one(outline: Path, options: Options, measurer: Measurer) -> Result:
    """Build one outline; nothing is written unless every stage succeeds."""
    started = time.perf_counter()
    options = options.with_cache(outline)
    result = Result(outline)
    diags = result.diagnostics
    known = measurer.size
    try:
        plan, deck = _plan(outline, options, measurer, diags, result.inputs)
        result.plan, result.deck = plan, deck
        if plan and deck and not diags.has_errors:
            result.name = deck.name
            result.data = _render(plan, ImageCache(options.cache_dir))
            if options.write:
                write_atomic(options.out / f"{deck.name}.pptx", result.data)
                result.output = options.out / f"{deck.name}.pptx"
    except BuildError as exc:
        diags.extend(exc.diagnostics)
    except ImageProblem as exc:  # a picture that probed well but could not be processed
        diags.error("bad-image", str(exc), Loc(display_path(outline)), hint="replace the image file")
    except OSError as exc:  # the image cache or the output cannot be written
        diags.error("write-failed", f"cannot write {exc.filename or 'the output'}: {exc.strerror or exc}",
                    Loc(display_path(outline)), hint="--out must be a folder you can write to, with space left")
    if result.data and result.ok:  # a failed build writes nothing, not even to the cache
        _remember(measurer, options, known)
    result.seconds = time.perf_counter() - started
    return result


def _plan(outline: Path, options: Options, measurer: Measurer, diags: Diagnostics,
          inputs: list[Path]) -> tuple[DeckPlan | None, ResolvedDeck | None]:
    deck = resolve(outline, diags)
    inputs.extend(deck.files)
    theme = _theme(deck, diags)
    inputs.extend(p for p in (theme.path, theme.template) if p)
    uses = image_uses(deck.slides)
    if theme.logo:
        uses.append(Use("theme", "logo", _logo_spec(theme.logo), Loc(display_path(theme.path or outline))))
    images = resolve_assets(uses, outline, deck.deck.get("images"), deck.deck.get("use", "public"), diags,
                            options.allow, options.draft)
    register = find_register(outline, deck.deck.get("images")) if uses else None
    inputs.extend([register] if register else [])
    inputs.extend(info.entry.path for info in images.values())
    if diags.has_errors:
        return None, deck
    template = _template(theme.template, diags) if theme.template else None
    if template:
        theme = on_template(theme, template, diags)
        _warn_fonts(theme, deck, diags)
        if diags.has_errors:
            return None, deck
    plan = plan_deck(deck, theme, images, measurer, diags, template)
    if options.draft:
        plan = replace(plan, props=replace(plan.props, title=f"DRAFT: {plan.props.title}",
                                           keywords=", ".join(k for k in ("DRAFT", plan.props.keywords) if k)))
    if not diags.has_errors:  # a slide that did not fit is reported already; checking what is left adds noise
        check_plan(plan, deck.name, diags)
        check_brand(plan, theme, diags)
    return replace(plan, custom=marks(deck, plan)), deck


def _theme(deck: ResolvedDeck, diags: Diagnostics) -> Theme:
    theme = load_theme(deck.deck.get("theme", "default"), deck.deck.at("theme"), diags)
    if not theme.template:  # with one, once the template has given what the file leaves out
        _warn_fonts(theme, deck, diags)
    return theme


def _warn_fonts(theme: Theme, deck: ResolvedDeck, diags: Diagnostics) -> None:
    for role, name in theme.fonts.items():
        if twin(name) is None:
            diags.warn("font-not-measured", f"the {role} font '{name}' has no bundled metric-compatible file; "
                       f"text is measured with {DEFAULT_FAMILY}", deck.deck.at("theme"), f"theme.fonts.{role}",
                       "use Calibri, Arial, Cambria or Times New Roman (or their open twins) for exact fitting")


def _logo_spec(key: str) -> YMap:
    return YMap({"asset": key, "fit": "contain", "credit": "credits-only"})


def _template(path: Path, diags: Diagnostics):
    from .render.inspect import inspect_template  # only decks on an organisation's template need it

    return inspect_template(path, diags)


def _render(plan: DeckPlan, cache: ImageCache) -> bytes:
    """The deck's bytes; its pictures are made (side by side: Pillow decodes and resizes without holding the
    GIL) while its slides are written, and read when the package is saved."""
    with ThreadPoolExecutor(max(1, os.cpu_count() or 1)) as pool:
        plan, pending = prepare_pictures(plan, cache, pool)
        package = write_package(plan)
        for made in pending:
            made.result()  # an ImageProblem or OSError is raised here
    return package.to_bytes()


def prepare_pictures(plan: DeckPlan, cache: ImageCache, pool: ThreadPoolExecutor) -> tuple[DeckPlan, list[Future]]:
    """The plan with each picture's source replaced by a file cropped and downsampled for its place (cached),
    and the making of those not in the cache yet, started in `pool` (the largest first: the pool ends sooner)."""
    jobs = sorted({_job(s) for slide in plan.slides for s in slide.shapes if isinstance(s, Picture)},
                  key=lambda job: -Path(job[0]).stat().st_size)
    made = {job: cache.target(Path(job[0]), job[1], job[2]) for job in jobs}
    pending = [pool.submit(cache.prepared, Path(job[0]), job[1], job[2]) for job in jobs if not made[job].is_file()]
    slides = [replace(slide, shapes=tuple(replace(s, image=str(made[_job(s)]), crop=None)
                                          if isinstance(s, Picture) else s for s in slide.shapes))
              for slide in plan.slides]
    return replace(plan, slides=tuple(slides)), pending


def _job(picture: Picture) -> tuple:
    return picture.image, picture.crop, pixels_for(picture.box.w, picture.box.h)
