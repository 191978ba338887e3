"""The real-deck corpus through import and rebuild, one row per deck: `python -m tests.importer.corpus_report`."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.importer.corpus import CORPUS, TARGETS, Measure, measure, summary


def row(m: Measure) -> str:
    if m.problem and not m.filled_ok:
        return f"| {m.name} | {m.slides_in} | | | | | {'✓' if m.draft_ok else '✗'} | ✗ | {m.problem[:120]} |"
    hidden = "; ".join(([f"hidden: {', '.join(map(str, m.hidden))}"] if m.hidden else []) +
                       ([f"{m.logos} logo(s) set aside"] if m.logos else []))
    return (f"| {m.name} | {m.slides_in} | {m.slides_out} | {Measure.share(m.words):.1f} % | "
            f"{Measure.share(m.on_slides):.1f} % | {m.pictures[0]}/{m.pictures[1]} | "
            f"{'✓' if m.draft_ok else '✗'} | {'✓' if m.filled_ok else '✗'} | {hidden} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the folder of .pptx files")
    parser.add_argument("--keep", type=Path, help="keep the imported projects and builds in this folder")
    parser.add_argument("--lost", action="store_true", help="list the words not found again, per slide")
    args = parser.parse_args()
    decks = sorted(args.corpus.glob("*.pp[st][xm]"))
    if not decks:
        raise SystemExit(f"no decks in {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        measures = [measure(deck, work) for deck in decks]
    print("| deck | slides | rebuilt | words kept (slides + notes) | on slides | pictures | builds --draft | "
          "builds filled | |")
    print("|---|---:|---:|---:|---:|---:|:-:|:-:|---|")
    for m in measures:
        print(row(m))
        if args.lost:
            for number, lost in sorted(m.lost.items()):
                print(f"|   slide {number} lost: {' '.join(sorted(lost.elements()))[:200]} |")
    figures = summary(measures)
    print()
    for name, value in figures.items():
        target = TARGETS[name]
        met = value <= target if name == "slides ratio" else value >= target
        unit = " ×" if name == "slides ratio" else " %"
        print(f"{name}: {value:.2f}{unit} (target {'≤' if name == 'slides ratio' else '≥'} {target}{unit}) "
              f"{'✓' if met else '✗'}")
    failed = [m.name for m in measures if m.problem or not m.draft_ok]
    print(f"decks that crashed, were refused or did not build: {', '.join(failed) or 'none'}")


if __name__ == "__main__":
    main()
