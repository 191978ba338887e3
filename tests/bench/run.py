"""Benchmark deckbuilder against bare python-pptx and pandoc, and at scale: `python -m tests.bench.run --help`."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from deckbuilder.api import Options, build
from deckbuilder.layout.ir import DeckPlan, Picture

from .baseline import write_deck
from .export import baseline_spec, markdown
from .generate import write_outline
from .timing import ROOT, Proc, Row, bytecode_env, checked, megabytes, run, seconds, timed

STORY = ROOT / "decks" / "story-of-hope"
POLITICIANS = STORY / "politicians.yaml"
BASELINE_SCRIPT = Path(__file__).with_name("baseline.py")
PARTS = ("story", "baseline", "pandoc", "scale", "size", "help")  # the default run
EXTRA_PARTS = ("floor",)  # only when asked for (slow): --parts floor, or --parts all
SUMMARY = re.compile(r"^built .*: (\d+) slides, .*, ([\d.]+) s$", re.MULTILINE)


@dataclass
class Bench:
    """The run's settings, its scratch folder, the politicians plan (made once) and the rows so far."""

    repeat: int
    scale_repeat: int
    help_repeat: int
    sizes: tuple[int, ...]
    work: Path
    env: dict | None = None  # the subprocesses' environment
    rows: dict[str, Row] = field(default_factory=dict)
    load: list[float] = field(default_factory=list)  # 1-minute load average at the start and at the end
    _plan: DeckPlan | None = None
    _count: int = 0

    def run(self, cmd: list[str], what: str) -> Proc:
        """Run a command in the benchmark's environment; an error if it fails."""
        return checked(run(cmd, self.env), what)

    def row(self, key: str, label: str, **kw) -> Row:
        self.rows[key] = Row(key, label, **kw)
        return self.rows[key]

    def fresh(self, stem: str) -> Path:
        """A path in the scratch folder that does not exist yet (also when --keep reuses a folder)."""
        self._count += 1
        while (self.work / f"{stem}-{self._count}").exists() or list(self.work.glob(f"{stem}-{self._count}.*")):
            self._count += 1
        return self.work / f"{stem}-{self._count}"

    @property
    def plan(self) -> DeckPlan:
        """deckbuilder's own plan of the politicians deck (not written), computed once, outside any timing."""
        if self._plan is None:
            self._plan = _built(build([POLITICIANS], Options(write=False, cache=self.fresh("plan-cache"))))[0].plan
        return self._plan


def _built(results):
    bad = [r for r in results if not r.ok]
    if bad:
        raise RuntimeError("\n".join(str(d) for r in bad for d in r.diagnostics))
    return results


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- 1. the story-of-hope decks -------------------------------------------------------------------------


def in_process(bench: Bench, key: str, label: str, path: Path, warm: bool) -> Row:
    """Build `path` with deckbuilder.api.build: a fresh image cache each time (cold) or one reused (warm)."""
    row = bench.row(key, label)
    warm_cache = bench.fresh("warm-cache") if warm else None
    if warm:
        _built(build([path], Options(out=bench.fresh("out"), cache=warm_cache)))  # fills the cache, untimed
    for _ in range(bench.repeat):
        out = bench.fresh("out")
        results = []
        use = warm_cache if warm else bench.fresh("cold-cache")
        row.times.append(timed(lambda out=out, use=use, results=results: results.extend(
            _built(build([path], Options(out=out, cache=use))))))
    row.slides = sum(r.slides for r in results)
    row.size = sum(r.output.stat().st_size for r in results)
    return row


def as_process(bench: Bench, key: str, label: str, path: Path, warm: bool) -> Row:
    """`python -m deckbuilder build PATH --cache DIR`: start-up included; a new cache folder each run (cold: no
    prepared images, no measured widths) or one filled by an untimed build (warm)."""
    row = bench.row(key, label)
    warm_cache = bench.fresh("warm-cache")
    if warm:
        bench.run(_build_cmd(path, bench.fresh("out"), warm_cache), label)  # fills the cache, untimed
    for _ in range(bench.repeat):
        out = bench.fresh("out")
        proc = bench.run(_build_cmd(path, out, warm_cache if warm else bench.fresh("cold-cache")), label)
        row.times.append(proc.seconds)
        row.add_peak(proc.peak_mb)
    decks = sorted(out.glob("*.pptx"))
    row.slides = sum(int(m.group(1)) for m in SUMMARY.finditer(proc.stdout))
    row.size = sum(p.stat().st_size for p in decks)
    return row


def _build_cmd(path: Path, out: Path, cache: Path) -> list[str]:
    """The build as a user types it, with the cache in the benchmark's scratch folder (never the user's)."""
    return [sys.executable, "-m", "deckbuilder", "build", str(path), "--out", str(out), "--cache", str(cache)]


def part_story(bench: Bench) -> None:
    """The politicians deck, then the whole folder (three audiences), cold and warm, in-process and as a process."""
    for name, path in (("one", POLITICIANS), ("three", STORY)):
        what = "politicians deck" if name == "one" else "three audience decks"
        for warm in (False, True):
            state = "warm" if warm else "cold"
            _say(f"story: {what}, {state}")
            in_process(bench, f"{name}-{state}-in", f"deckbuilder, {what}, {state} cache, in-process", path, warm)
            as_process(bench, f"{name}-{state}-proc", f"deckbuilder, {what}, {state} cache, subprocess", path, warm)


# --- 2. the bare python-pptx baseline --------------------------------------------------------------------


def part_baseline(bench: Bench) -> None:
    """The same boxes written with plain python-pptx calls and the original photos, in-process and as a process."""
    _say("baseline: bare python-pptx")
    spec = baseline_spec(bench.plan)
    spec_file = bench.fresh("spec").with_suffix(".json")
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    row = bench.row("base-in", "bare python-pptx, same boxes, original photos, in-process",
                    slides=len(spec["slides"]))
    for _ in range(bench.repeat):
        out = bench.fresh("baseline").with_suffix(".pptx")
        row.times.append(timed(lambda out=out: write_deck(spec, str(out))))
    row.size = out.stat().st_size
    proc_row = bench.row("base-proc", "bare python-pptx, same boxes, original photos, subprocess",
                         slides=len(spec["slides"]))
    for _ in range(bench.repeat):
        out = bench.fresh("baseline").with_suffix(".pptx")
        proc = bench.run([sys.executable, str(BASELINE_SCRIPT), str(spec_file), str(out)], "baseline")
        proc_row.times.append(proc.seconds)
        proc_row.add_peak(proc.peak_mb)
    proc_row.size = out.stat().st_size


# --- 3. pandoc ---------------------------------------------------------------------------------------------


def pandoc_version() -> str | None:
    if not shutil.which("pandoc"):
        return None
    return subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]


def part_pandoc(bench: Bench) -> None:
    """pandoc on Markdown generated from the same plan (titles, points, original photos, chart tables, notes)."""
    row = bench.row("pandoc", "pandoc, politicians deck as Markdown, subprocess", slides=len(bench.plan.slides))
    if not pandoc_version():
        row.note = "skipped: pandoc is not on PATH"
        return
    _say("pandoc: one deck")
    source = bench.fresh("deck").with_suffix(".md")
    source.write_text(markdown(bench.plan), encoding="utf-8")
    for _ in range(bench.repeat):
        out = bench.fresh("pandoc").with_suffix(".pptx")
        proc = bench.run(["pandoc", "-f", "markdown", "-t", "pptx", "--slide-level=1", "-o", str(out), str(source)],
                         "pandoc")
        row.times.append(proc.seconds)
        row.add_peak(proc.peak_mb)
    row.size = out.stat().st_size


# --- 4. generated decks at scale ---------------------------------------------------------------------------


def part_scale(bench: Bench) -> None:
    """Generated outlines of each size, built as a subprocess: wall time, time per slide, peak memory."""
    folder = bench.fresh("generated")
    for size in bench.sizes:
        _say(f"scale: {size} slides")
        outline = write_outline(folder, size)
        row = bench.row(f"scale-{size}", f"deckbuilder, generated deck of {size:,} slides, subprocess")
        for _ in range(bench.scale_repeat):
            out = bench.fresh("out")
            proc = bench.run(_build_cmd(outline, out, bench.fresh("cold-cache")), f"the {size}-slide deck")
            row.times.append(proc.seconds)
            row.add_peak(proc.peak_mb)
            built = SUMMARY.search(proc.stdout)
            row.slides = int(built.group(1))
            row.inner.append(float(built.group(2)))
        row.size = next(out.glob("*.pptx")).stat().st_size
        per_slide = row.inner_median / row.slides * 1000
        row.note = f"the build alone (its summary line): {seconds(row.inner_median)} s, {per_slide:.1f} ms / slide"


def part_floor(bench: Bench) -> None:
    """The floor at scale: bare python-pptx writing the generated decks' own plans (made untimed), in-process."""
    folder = bench.fresh("generated")
    for size in bench.sizes:
        _say(f"floor: bare python-pptx, {size} slides")
        outline = write_outline(folder, size)
        (result,) = _built(build([outline], Options(write=False, cache=bench.fresh("cold-cache"))))
        spec = baseline_spec(result.plan)
        row = bench.row(f"floor-{size}", f"bare python-pptx, the same boxes as the {size:,}-slide deck, in-process",
                        slides=len(spec["slides"]))
        for _ in range(bench.scale_repeat):
            out = bench.fresh("floor").with_suffix(".pptx")
            row.times.append(timed(lambda spec=spec, out=out: write_deck(spec, str(out))))
        row.size = out.stat().st_size


# --- 5. output sizes ---------------------------------------------------------------------------------------


def part_size(bench: Bench) -> None:
    """The politicians deck as deckbuilder writes it vs the baseline that embeds the original photos."""
    _say("size: deckbuilder vs baseline")
    (result,) = _built(build([POLITICIANS], Options(out=bench.fresh("out"), cache=bench.fresh("cold-cache"))))
    bench.row("size-deck", "size: deckbuilder politicians deck", size=result.output.stat().st_size,
              slides=result.slides)
    base = bench.fresh("baseline").with_suffix(".pptx")
    write_deck(baseline_spec(bench.plan), str(base))
    bench.row("size-base", "size: bare python-pptx deck with the original photos", size=base.stat().st_size,
              slides=len(bench.plan.slides))
    photos = {s.image for p in bench.plan.slides for s in p.shapes if isinstance(s, Picture)}
    bench.rows["size-base"].note = f"{len(photos)} distinct image files, {megabytes(_total(photos))} on disk"


def _total(files) -> int:
    return sum(Path(f).stat().st_size for f in files)


# --- 6. start-up ---------------------------------------------------------------------------------------------


def part_help(bench: Bench) -> None:
    """`deckbuilder --help` (the console script), `python -m deckbuilder --help`, and the bare interpreter."""
    _say("help: start-up")
    script = Path(sys.executable).with_name("deckbuilder")
    script = str(script) if script.exists() else shutil.which("deckbuilder")
    commands = [("help", "deckbuilder --help (console script), subprocess", [script, "--help"] if script else None),
                ("help-m", "python -m deckbuilder --help, subprocess", [sys.executable, "-m", "deckbuilder", "--help"]),
                ("python", "python -c pass (the interpreter alone), subprocess", [sys.executable, "-c", "pass"])]
    for key, label, cmd in commands:
        row = bench.row(key, label)
        if cmd is None:
            row.note = "skipped: no deckbuilder script found"
            continue
        for _ in range(bench.help_repeat):
            proc = bench.run(cmd, label)
            row.times.append(proc.seconds)
            row.add_peak(proc.peak_mb)


def warm_up(bench: Bench) -> None:
    """Untimed: make the politicians plan (this process's imports) and run each Python command once (bytecode)."""
    _say("warm-up")
    spec = bench.fresh("spec").with_suffix(".json")
    spec.write_text(json.dumps(baseline_spec(bench.plan)), encoding="utf-8")
    bench.run(_build_cmd(POLITICIANS, bench.fresh("out"), bench.fresh("cold-cache")), "warm-up build")
    bench.run([sys.executable, str(BASELINE_SCRIPT), str(spec), str(bench.fresh("baseline"))], "warm-up baseline")
    bench.run([sys.executable, "-m", "deckbuilder", "--help"], "warm-up --help")


PART_RUNNERS = {"story": part_story, "baseline": part_baseline, "pandoc": part_pandoc, "scale": part_scale,
                "size": part_size, "help": part_help, "floor": part_floor}


# --- ratios, targets and the table ---------------------------------------------------------------------------


def _ratio(rows: dict[str, Row], top: str, bottom: str, inner: bool = False) -> float | None:
    """top / bottom: median times (the builds' own times with `inner`), or sizes for rows without times."""
    a, b = rows.get(top), rows.get(bottom)
    if not a or not b:
        return None
    x, y = (a.inner_median, b.inner_median) if inner else (a.median, b.median) if a.times else (a.size, b.size)
    return x / y if x and y else None


RATIOS = [  # (row, compared with, name of the other)
    ("one-cold-in", "base-in", "baseline"), ("one-warm-in", "base-in", "baseline"),
    ("one-cold-proc", "base-proc", "baseline"), ("one-warm-proc", "base-proc", "baseline"),
    ("three-cold-in", "pandoc", "pandoc one deck"), ("three-warm-in", "pandoc", "pandoc one deck"),
    ("three-cold-proc", "pandoc", "pandoc one deck"), ("three-warm-proc", "pandoc", "pandoc one deck"),
    ("size-deck", "size-base", "baseline"),
]


def fill_ratios(bench: Bench) -> None:
    for key, other, name in RATIOS:
        value = _ratio(bench.rows, key, other)
        if value is not None:
            bench.rows[key].ratio = f"{value:.2f} × {name}"
    for size in bench.sizes:
        scale, floor = bench.rows.get(f"scale-{size}"), bench.rows.get(f"floor-{size}")
        if scale and floor and scale.inner and floor.times:
            scale.note += f"; {scale.inner_median / floor.median:.2f} × bare python-pptx (floor)"
    small = f"scale-{min(bench.sizes)}" if bench.sizes else ""
    for size in bench.sizes:
        wall, alone = _ratio(bench.rows, f"scale-{size}", small), _ratio(bench.rows, f"scale-{size}", small, True)
        if wall is not None and alone is not None and size != min(bench.sizes):
            bench.rows[f"scale-{size}"].ratio = (f"{wall:.1f} × the {min(bench.sizes)}-slide deck "
                                                 f"(build alone {alone:.1f} ×)")


TARGETS = [  # (what, how to measure it from the rows, goal as text, test)
    ("one deck cold ≤ 1.5 × baseline (in-process)", lambda r: _ratio(r, "one-cold-in", "base-in"), "≤ 1.5 ×",
     lambda v: v <= 1.5),
    ("one deck cold ≤ baseline (subprocess)", lambda r: _ratio(r, "one-cold-proc", "base-proc"), "≤ 1 ×",
     lambda v: v <= 1),
    ("one deck warm ≤ baseline (in-process)", lambda r: _ratio(r, "one-warm-in", "base-in"), "≤ 1 ×",
     lambda v: v <= 1),
    ("one deck warm ≤ baseline (subprocess)", lambda r: _ratio(r, "one-warm-proc", "base-proc"), "≤ 1 ×",
     lambda v: v <= 1),
    ("three decks cold (subprocess) < pandoc one deck", lambda r: _ratio(r, "three-cold-proc", "pandoc"), "< 1 ×",
     lambda v: v < 1),
    ("three decks warm (subprocess) < pandoc one deck", lambda r: _ratio(r, "three-warm-proc", "pandoc"), "< 1 ×",
     lambda v: v < 1),
    ("1,000 slides (subprocess, wall)", lambda r: r["scale-1000"].median if "scale-1000" in r else None, "< 10 s",
     lambda v: v < 10),
    ("1,000 slides (the build alone)", lambda r: r["scale-1000"].inner_median if "scale-1000" in r else None,
     "< 10 s", lambda v: v < 10),
    ("1,000-slide time / 50-slide time (subprocess, wall)", lambda r: _ratio(r, "scale-1000", "scale-50"), "< 25 ×",
     lambda v: v < 25),
    ("1,000-slide time / 50-slide time (the build alone)", lambda r: _ratio(r, "scale-1000", "scale-50", True),
     "< 25 ×", lambda v: v < 25),
    ("peak memory, 1,000 slides", lambda r: r["scale-1000"].peak_mb if "scale-1000" in r else None, "< 400 MB",
     lambda v: v < 400),
    ("deck size / baseline size (3000×2000 photos)", lambda r: _ratio(r, "size-deck", "size-base"), "≤ 0.25 ×",
     lambda v: v <= 0.25),
    ("deckbuilder --help", lambda r: r["help"].median if r.get("help") and r["help"].times else None, "< 0.15 s",
     lambda v: v < 0.15),
]


def _measured(what: str, value: float) -> str:
    if "memory" in what:
        return f"{value:.0f} MB"
    if what.startswith(("1,000 slides ", "deckbuilder --help")):
        return f"{value:.2f} s"
    return f"{value:.2f} ×"


def targets_table(bench: Bench) -> list[str]:
    lines = ["| target | measured | goal | met |", "|---|---:|---|---|"]
    for what, measure, goal, test in TARGETS:
        value = measure(bench.rows)
        if value is None:
            lines.append(f"| {what} | not run | {goal} | – |")
        else:
            lines.append(f"| {what} | {_measured(what, value)} | {goal} | {'yes' if test(value) else '**no**'} |")
    return lines


def _per_slide(row: Row) -> str:
    if not row.slides or row.median is None:
        return "–"
    return f"{row.median / row.slides * 1000:.1f}"


def rows_table(bench: Bench) -> list[str]:
    lines = ["| what | runs | median s | min s | slides | ms / slide | peak MB | output | ratio | notes |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for row in bench.rows.values():
        peak = f"{row.peak_mb:.0f}" if row.peak_mb else "–"
        lines.append(f"| {row.label} | {len(row.times) or '–'} | {seconds(row.median)} | {seconds(row.minimum)} | "
                     f"{row.slides or '–'} | {_per_slide(row)} | {peak} | {megabytes(row.size)} | {row.ratio} | "
                     f"{row.note} |")
    return lines


def environment(bench: Bench, parts: list[str]) -> str:
    return (f"{dt.datetime.now():%Y-%m-%d %H:%M}, Python {platform.python_version()} on {platform.platform()}, "
            f"{platform.machine()}, {_cpus()} CPUs, load average {' → '.join(f'{x:.2f}' for x in bench.load)}; "
            f"{pandoc_version() or 'no pandoc'}; parts: {', '.join(parts)}; {bench.repeat} runs each "
            f"({bench.scale_repeat} at scale, {bench.help_repeat} for start-up); subprocess bytecode: "
            f"{'as the environment has it' if bench.env is None else 'cached (PYTHONPYCACHEPREFIX)'}")


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def report(bench: Bench, parts: list[str]) -> str:
    lines = ["## deckbuilder benchmark", "", environment(bench, parts), "", *rows_table(bench), "",
             "### Targets", "", *targets_table(bench), "",
             "In-process rows time `deckbuilder.api.build` after this process has imported the package; subprocess "
             "rows include interpreter start-up and imports. Cold: an empty image cache each run; warm: the same "
             "cache, filled by one untimed build. Peak MB is the command's own maximum resident set "
             "(tests/bench/measure.py; with parallel builds, the largest process). The three decks are compared "
             "with pandoc building one deck."]
    return "\n".join(lines) + "\n"


# --- the command ---------------------------------------------------------------------------------------------


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(sorted(int(s) for s in text.split(",") if s.strip()))


def _parts(text: str) -> list[str]:
    known = PARTS + EXTRA_PARTS
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    chosen = list(known) if chosen == ["all"] else chosen
    unknown = [p for p in chosen if p not in known]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    return [p for p in known if p in chosen]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m tests.bench.run", description=__doc__,
        epilog="Parts: story (the story-of-hope decks, cold and warm, in-process and as a subprocess), baseline "
               "(bare python-pptx writing the same boxes), pandoc (the same deck as Markdown), scale (generated "
               "decks, time per slide and peak memory), size (deck size vs the baseline's), help (start-up); "
               "floor, not run by default (slow): bare python-pptx writing the generated decks' boxes. "
               "Example: python -m tests.bench.run --repeat 3 --parts story,baseline --markdown bench.md")
    p.add_argument("-n", "--repeat", type=int, default=5, help="runs of each measurement; the table gives their "
                   "median and minimum (default 5)")
    p.add_argument("--scale-repeat", type=int, help="runs of each generated deck (default: --repeat)")
    p.add_argument("--help-repeat", type=int, default=10, help="runs of each start-up command (default 10)")
    p.add_argument("--parts", type=_parts, default=list(PARTS), help=f"comma-separated parts to run (default "
                   f"{','.join(PARTS)}; also {','.join(EXTRA_PARTS)}; 'all' for every part)")
    p.add_argument("--sizes", type=_sizes, default=(50, 200, 1000), help="slide counts of the generated decks "
                   "(default 50,200,1000)")
    p.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table to FILE")
    p.add_argument("--env-bytecode", action="store_true", help="run subprocesses in the environment as it is "
                   "(default: give them a bytecode cache in the scratch folder, as an installed package has, even "
                   "if PYTHONDONTWRITEBYTECODE is set)")
    p.add_argument("--keep", type=Path, metavar="DIR", help="keep every deck, outline and cache in DIR "
                   "(default: a temporary folder, removed afterwards)")
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="deckbuilder-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    bench = Bench(args.repeat, args.scale_repeat or args.repeat, args.help_repeat, args.sizes, work.resolve())
    bench.env = None if args.env_bytecode else bytecode_env(bench.work / "pycache")
    bench.load = [os.getloadavg()[0]]
    try:
        warm_up(bench)
        for part in args.parts:
            PART_RUNNERS[part](bench)
        bench.load.append(os.getloadavg()[0])
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    fill_ratios(bench)
    text = report(bench, args.parts)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
