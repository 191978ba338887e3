"""The commands that build, check, preview and compare decks, and carry them to and from PowerPoint."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import typer

from ..codes import EXIT_INPUT, EXIT_OK
from ..console import guarded, print_results, print_summary, progress_bar
from ..errors import Problem
from .common import (
    ALLOW,
    AUDIENCE,
    CACHE,
    DEBUG,
    FORMAT,
    OUT,
    PATHS,
    PATHS_OR_DECKS,
    app,
    exit_code_of,
    options_for,
    paths_or_decks,
)
from .loading import loading


@app.command()
def build(paths: list[Path] | None = PATHS_OR_DECKS, out: Path = OUT, audience: str | None = AUDIENCE,
          pdf: bool = typer.Option(False, "--pdf", help="Also export each deck as a PDF (needs LibreOffice)."),
          draft: bool = typer.Option(False, "--draft", help="Build even with image register entries still TODO (an "
                                     "imported deck, say): those pictures are marked 'credit needed', each with a "
                                     "warning, and the deck's properties say DRAFT."),
          allow: list[Path] | None = ALLOW, cache: Path | None = CACHE, fmt: str = FORMAT,
          debug: bool = DEBUG) -> None:
    """Build decks: a folder builds every audience outline in it (in parallel), a file builds that outline;
    with no path, every deck in decks/.

    Decks are written to OUT as <story>-<audience>.pptx, atomically: a failed build leaves no new
    file and an older deck of the same name untouched. Nothing else is written to OUT.

    \b
    Examples:
      deckbuilder build
      deckbuilder build decks/story-of-hope --audience funders --pdf
      deckbuilder build decks/old-talk --draft
    """
    with loading():
        from ..api import build as run

    paths = paths_or_decks(paths, "building")
    options = options_for(paths, cache, out=out, audience=audience, allow=tuple(allow or ()), draft=draft)

    def action():
        with progress_bar() as progress:
            return run(paths, options, progress=progress)

    results = guarded(action, debug)
    print_results(results, fmt)
    if fmt == "text":
        for r in results:
            print_summary(r)
    if pdf:
        guarded(lambda: _pdfs(results, out), debug)
    raise typer.Exit(exit_code_of(results))


def _pdfs(results, out: Path) -> None:
    from ..checks.render import render_pdf

    for result in results:
        if result.output:
            typer.echo(f"exported {render_pdf(result.output, out)}")


@app.command()
def preview(paths: list[Path] = PATHS, out: Path = typer.Option(Path("build/preview"), "--out", "-o",
                                                               help="Folder for the PDF and pictures."),
            audience: str | None = AUDIENCE, cache: Path | None = CACHE, debug: bool = DEBUG) -> None:
    """Build, render with LibreOffice, and write a PDF, one PNG per slide and a contact sheet.

    Each deck's pictures go to OUT/<story>-<audience>/.

    \b
    Example:
      deckbuilder preview decks/story-of-hope --audience politicians
    """
    with loading():
        from ..api import build as run
    from ..checks.render import soffice

    guarded(soffice, debug)  # before building: without LibreOffice, say how to install it
    results = guarded(lambda: run(list(paths), options_for(paths, cache, out=out, audience=audience)), debug)
    print_results(results, "text")
    for result in results:
        if result.output:
            guarded(functools.partial(_preview, result, out), debug)
        else:
            print_summary(result)
    raise typer.Exit(exit_code_of(results))


def _preview(result, out: Path) -> None:
    from ..preview import preview as render

    shown = render(result.output, out / result.name)
    typer.echo(f"previewed {result.name}: {len(shown.slides)} slide PNGs in {shown.sheet.parent}/, contact sheet "
               f"{shown.sheet}, PDF {shown.pdf}")


@app.command()
def new(name: str = typer.Argument(..., help="The story's name, e.g. my-talk."),
        audiences: str = typer.Option("", "--audiences", help="Comma-separated audience names, e.g. "
                                      "politicians,funders."),
        into: Path | None = typer.Option(None, "--into", help="Folder to create it in (default: decks/ if "
                                            "it exists, else the current folder).")) -> None:
    """Start a story and one outline per audience, with comments explaining each field.

    \b
    Example:
      deckbuilder new my-talk --audiences politicians,commissioners,funders
    """
    from ..scaffold import scaffold

    root = into or (Path("decks") if Path("decks").is_dir() else Path("."))
    names = [a.strip() for a in audiences.split(",") if a.strip()]
    files = guarded(lambda: scaffold(name, names, root), debug=False)
    for path in files:
        typer.echo(f"created {path}")
    typer.echo(f"next: deckbuilder build {files[0].parent}")


@app.command()
def check(paths: list[Path] | None = PATHS_OR_DECKS, audience: str | None = AUDIENCE,
          render: bool = typer.Option(False, "--render", help="Also render with LibreOffice and report text that "
                                      "leaves its box or the slide."),
          strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
          allow: list[Path] | None = ALLOW, cache: Path | None = CACHE, fmt: str = FORMAT,
          debug: bool = DEBUG) -> None:
    """Run every check (outline, references, licences, accessibility, contrast, fit) without writing a deck;
    with no path, on every deck in decks/.

    Exit codes: 0 all good, 1 a check failed (or a warning with --strict), 2 the input has errors.

    \b
    Example:
      deckbuilder check decks/story-of-hope --render
    """
    with loading():
        from ..api import build as run
    from ..checks.render import render_check

    paths = paths_or_decks(paths, "checking")
    options = options_for(paths, cache, audience=audience, allow=tuple(allow or ()), write=False)

    def action():
        results = run(paths, options)
        if render:
            for result in results:
                if result.ok and result.data:
                    result.diagnostics.extend(render_check(result.data, result.name))
        return results

    results = guarded(action, debug)
    print_results(results, fmt)
    if fmt == "text":
        for r in results:
            status = "ok" if r.ok else "failed"
            typer.echo(f"{status} {r.name or r.outline}: {r.slides} slides, {len(r.diagnostics.errors)} error(s), "
                       f"{len(r.diagnostics.warnings)} warning(s)")
    raise typer.Exit(exit_code_of(results, strict))


@app.command()
def credits(path: Path = typer.Argument(..., help="An outline, or a folder: every audience's deck."),
            audience: str | None = AUDIENCE,
            fmt: str = typer.Option("table", "--format", help="table, markdown, csv or json."),
            cache: Path | None = CACHE, debug: bool = DEBUG) -> None:
    """Print one table of the image credits of a deck (or of every audience's deck of a folder), with a deck
    column: each image as its deck's credits slide credits it, for the comms team's records.

    \b
    Examples:
      deckbuilder credits decks/story-of-hope --format csv > credits.csv
      deckbuilder credits decks/story-of-hope/funders.yaml --format markdown
    """
    with loading():
        from ..api import build as run
    from ..report import CREDIT_FORMATS, credits_table

    if fmt not in CREDIT_FORMATS:
        typer.echo(f"error: no format '{fmt}' (hint: choose one of: {', '.join(CREDIT_FORMATS)})", err=True)
        raise typer.Exit(EXIT_INPUT)
    results = guarded(lambda: run([path], options_for([path], cache, audience=audience, write=False)), debug)
    print_results(results, "text")
    typer.echo(credits_table([(r.name, r.plan.credits) for r in results if r.plan], fmt))
    raise typer.Exit(exit_code_of(results))


@app.command()
def diff(a: Path = typer.Argument(..., help="An audience outline, e.g. decks/story-of-hope/politicians.yaml."),
         b: Path = typer.Argument(..., help="Another, e.g. decks/story-of-hope/funders.yaml."),
         fmt: str = FORMAT, debug: bool = DEBUG) -> None:
    """Show how two audience decks differ: slides in one only, order, overridden fields, filtered items, facts.

    Differences are not errors (exit 0); an outline with errors exits 2.

    \b
    Example:
      deckbuilder diff decks/story-of-hope/politicians.yaml decks/story-of-hope/funders.yaml
    """
    from ..diff import diff_decks, format_text, load

    found = guarded(lambda: diff_decks(load(a), load(b)), debug)
    typer.echo(json.dumps(found.to_json(), indent=2, ensure_ascii=False) if fmt == "json" else format_text(found))


@app.command()
def watch(path: Path = typer.Argument(..., help="An outline (.yaml) or a folder of outlines."), out: Path = OUT,
          audience: str | None = AUDIENCE,
          preview: bool = typer.Option(False, "--preview", help="After each good build, render a PDF, PNGs and a "
                                       "contact sheet into OUT/preview (needs LibreOffice)."),
          allow: list[Path] | None = ALLOW, cache: Path | None = CACHE, debug: bool = DEBUG) -> None:
    """Build, then rebuild whenever an outline, the image register, an image or the theme changes.

    Errors are reported and watching goes on; Ctrl-C stops.

    \b
    Example:
      deckbuilder watch decks/story-of-hope --audience funders --preview
    """
    with loading():
        from ..api import build as run
    from ..checks.render import soffice
    from ..watch import Watcher

    if preview:
        guarded(soffice, debug)
    options = options_for([path], cache, out=out, audience=audience, allow=tuple(allow or ()))
    watcher = Watcher([path])

    def report(results) -> None:
        print_results(results, "text")
        for result in results:
            print_summary(result)
            if preview and result.output:
                _preview_or_say(result, out / "preview")
        typer.echo(f"watching {len(watcher.paths())} files (Ctrl-C to stop)")

    def action() -> None:
        try:
            watcher.run(lambda: run([path], options), lambda: False, report)
        except KeyboardInterrupt:
            typer.echo("stopped watching")

    guarded(action, debug)


def _preview_or_say(result, out: Path) -> None:
    try:
        _preview(result, out)
    except Problem as exc:
        typer.echo(f"error: {exc}", err=True)


@app.command("import")
def import_deck(deck: Path = typer.Argument(..., help="The PowerPoint deck (.pptx) to import."),
                out: Path = typer.Option(..., "--out", "-o", help="The folder for story.yaml, e.g. decks/hope/."),
                assets: Path | None = typer.Option(None, "--assets", help="Where the pictures and their register "
                                                      "go (default: the project's assets/, else OUT/assets)."),
                debug: bool = DEBUG) -> None:
    """Turn an existing PowerPoint deck into an outline: story.yaml, its pictures and their register entries.

    Credit lines such as "This Photo by X is licensed under CC BY-NC" become register entries; anything
    that cannot be represented is listed, never dropped silently.

    \b
    Example:
      deckbuilder import old-talk.pptx --out decks/old-talk/
    """
    with loading():
        from ..importer import import_deck as run

    typer.echo(guarded(lambda: run(deck, out, assets).summary(), debug))


@app.command()
def pull(deck: Path = typer.Argument(..., help="A deck built by deckbuilder and edited since, e.g. "
                                     "build/my-talk-funders.pptx."),
         to: str = typer.Option("audience", "--to", help="audience: write into the outline the deck was built "
                                "from (the story and the other audiences stay as they are); story: into the "
                                "story, for every audience."),
         dry_run: bool = typer.Option(False, "--dry-run", help="Show the changes as a diff; write nothing."),
         merge: bool = typer.Option(False, "--merge", help="When the outline changed since the deck was built, "
                                    "take the edits that touch none of what changed."),
         cache: Path | None = CACHE, debug: bool = DEBUG) -> None:
    """Bring edits made in PowerPoint (or LibreOffice) back into the outline: changed text, deleted slides and a
    new order. What an outline cannot hold (a new picture, a moved box, formatting) is listed with its slide
    number; new slides are offered as outline slides to paste in.

    \b
    Examples:
      deckbuilder pull build/story-of-hope-politicians.pptx --dry-run
      deckbuilder pull build/story-of-hope-politicians.pptx --to story
    """
    from ..console import echo_diagnostics
    with loading():
        from ..pull.run import TARGETS
        from ..pull.run import pull as run

    if to not in TARGETS:
        typer.echo(f"error: --to {to}: choose audience or story (hint: audience writes into the outline the deck "
                   "was built from, story into the story for every audience)", err=True)
        raise typer.Exit(EXIT_INPUT)
    pulled = guarded(lambda: run(deck, to, dry_run, merge, cache), debug)
    echo_diagnostics(pulled.diagnostics)
    if pulled.diff:
        typer.echo(pulled.diff, nl=False)
    for line in pulled.said:
        typer.echo(line)
    if pulled.offered:
        typer.echo(f"# New slides, as outline slides (paste them into {pulled.outline.name} where they belong):")
        typer.echo(pulled.offered, nl=False)
    if not pulled.diff:
        typer.echo(f"nothing to pull: {pulled.deck} shows what its outline says" if not pulled.diagnostics else
                   f"nothing written: what {pulled.deck} changed cannot go into the outline (see above)")
    elif dry_run:
        typer.echo("dry run: nothing written")
    else:
        typer.echo(f"wrote {', '.join(str(p) for p in map(_shown, pulled.written))}; build again to see the deck")
    raise typer.Exit(EXIT_OK)


def _shown(path: Path) -> str:
    from ..source import display_path

    return display_path(path)
