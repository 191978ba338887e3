"""Time the pipeline's stages and profile the slow paths with cProfile: `python -m tests.bench.hotspots --help`."""
from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import tempfile
import time
from pathlib import Path

from deckbuilder.api import Options, build

from .generate import write_outline
from .timing import ROOT, timed

POLITICIANS = ROOT / "decks" / "story-of-hope" / "politicians.yaml"


STAGES = {  # module → what the pipeline calls through it (functions, or Class.method), timed without a profiler
    "deckbuilder.api": ("resolve", "_theme", "resolve_assets", "inspect_template", "plan_deck", "check_plan",
                        "prepare_pictures", "write_package", "write_atomic"),
    "deckbuilder.assets.images": ("ImageCache.prepared",),
    "deckbuilder.audience": ("load_yaml",),
    "deckbuilder.assets.resolve": ("probe",),
    "deckbuilder.render.deck": ("start_package", "brand_theme", "write_slide", "write_properties"),
    "deckbuilder.render.slide": ("chart_frame", "picture_shape", "text_shape"),
    "deckbuilder.render.package": ("Package.to_bytes",),
}


class Stages:
    """Wall time per pipeline stage: the callables in STAGES wrapped for the length of a `with` block."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._saved: list[tuple[object, str, object]] = []

    def _wrap(self, label: str, func):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started
                self.calls[label] = self.calls.get(label, 0) + 1
        return wrapper

    def __enter__(self) -> Stages:
        for module_name, names in STAGES.items():
            module = importlib.import_module(module_name)
            for dotted in names:
                *owner_path, name = dotted.split(".")
                owner = module
                for part in owner_path:
                    owner = getattr(owner, part, None)
                if owner is None or name not in vars(owner):  # the pipeline changes; time what is there
                    continue
                func = vars(owner)[name]
                self._saved.append((owner, name, func))
                setattr(owner, name, self._wrap(f"{module_name.split('.')[-1]}.{dotted}", func))
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, func in reversed(self._saved):
            setattr(owner, name, func)


def stage_table(name: str, call) -> str:
    """One run of `call` with its stages timed (nested stages are counted inside their callers too)."""
    with Stages() as stages:
        total = timed(call)
    rows = [f"| `{label}` | {stages.calls[label]} | {sec:.3f} | {sec / total:.0%} |"
            for label, sec in sorted(stages.seconds.items(), key=lambda item: -item[1])]
    return "\n".join([f"### {name}: {total:.2f} s without a profiler", "", "| stage | calls | s | share |",
                      "|---|---:|---:|---:|", *rows, ""])


def profile(name: str, call, folder: Path) -> pstats.Stats:
    """Run `call` under cProfile; keep the raw profile as NAME.prof (for snakeviz or pstats)."""
    profiler = cProfile.Profile()
    profiler.runcall(call)
    path = folder / f"{name}.prof"
    profiler.dump_stats(path)
    return pstats.Stats(str(path))


def _where(func: tuple) -> str:
    file, line, name = func
    short = file.replace(str(ROOT) + "/", "")
    for marker in ("site-packages/", "lib/python3"):
        if marker in short:
            short = short.split(marker, 1)[1]
    return f"{short}:{line} {name}" if line else name


def hot_spots(stats: pstats.Stats, top: int, key: int) -> list[str]:
    """The `top` functions by cumulative (key 3) or own (key 2) time, as Markdown table rows."""
    rows = sorted(stats.stats.items(), key=lambda item: item[1][key], reverse=True)[:top]
    return [f"| {cum:.3f} | {own:.3f} | {calls} | `{_where(func)}` |" for func, (_, calls, own, cum, _) in rows]


def report(name: str, stats: pstats.Stats, top: int) -> str:
    head = ["| cumulative s | own s | calls | function |", "|---:|---:|---:|---|"]
    return "\n".join([f"### {name}: {stats.total_tt:.2f} s under the profiler", "", "By cumulative time:", "",
                      *head, *hot_spots(stats, top, 3), "", "By own time:", "", *head, *hot_spots(stats, top, 2), ""])


def scenarios(folder: Path, slides: int) -> dict:
    """The builds to profile: the politicians deck cold and warm, and a generated deck of `slides` slides."""
    warm = folder / "warm-cache"
    big = write_outline(folder / "generated", slides)
    build([POLITICIANS], Options(out=folder / "out", cache=warm))  # imports, and fills the warm cache
    return {
        "politicians-cold": lambda: build([POLITICIANS], Options(out=folder / "out", cache=folder / "cold-cache")),
        "politicians-warm": lambda: build([POLITICIANS], Options(out=folder / "out", cache=warm)),
        f"generated-{slides}": lambda: build([big], Options(out=folder / "out", cache=folder / "cold-cache")),
    }


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m tests.bench.hotspots", description=__doc__)
    p.add_argument("--slides", type=int, default=1000, help="size of the generated deck (default 1000)")
    p.add_argument("--top", type=int, default=20, help="functions listed per table (default 20)")
    p.add_argument("--only", help="profile only the scenario whose name contains this text")
    p.add_argument("--stages-only", action="store_true", help="time the pipeline's stages only, no cProfile")
    p.add_argument("--out", type=Path, help="keep the .prof files here (default: a temporary folder)")
    args = p.parse_args(argv)
    folder = args.out or Path(tempfile.mkdtemp(prefix="deckbuilder-profile-"))
    folder.mkdir(parents=True, exist_ok=True)
    chosen = {n: c for n, c in scenarios(folder, args.slides).items() if not args.only or args.only in n}
    for name, call in chosen.items():
        print(stage_table(name, call))
    if args.stages_only:
        return
    for name, call in chosen.items():
        print(report(name, profile(name, call, folder), args.top))
    print(f"profiles in {folder}")


if __name__ == "__main__":
    main()
