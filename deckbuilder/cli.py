"""The `deckbuilder` command: thin typer commands over the library, printing diagnostics, setting exit codes."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

EXIT_OK, EXIT_CHECK, EXIT_INPUT = 0, 1, 2

app = typer.Typer(
    help="Compile YAML outlines into branded, editable PowerPoint decks, one per audience.\n\n"
         "Start with `deckbuilder new my-talk`, then `deckbuilder build decks/my-talk`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)



@app.callback()
def _root() -> None:
    """Compile YAML outlines into branded, editable PowerPoint decks, one per audience."""


PATHS = typer.Argument(..., help="Outline files (.yaml) or folders of outlines.", show_default=False)
OUT = typer.Option(Path("build"), "--out", "-o", help="Folder for the decks.")
AUDIENCE = typer.Option(None, "--audience", "-a", help="Build only this audience's outline.")
ALLOW = typer.Option(None, "--allow", help="A folder outside the project that images may come from "
                     "(repeatable).")
FORMAT = typer.Option("text", "--format", help="text, or json for CI.")
DEBUG = typer.Option(False, "--debug", help="Show the full traceback of an internal error.")


def _print_diagnostics(results, fmt: str) -> None:
    if fmt == "json":
        out = [{"outline": str(r.outline), "deck": r.name, "output": str(r.output) if r.output else None,
                "diagnostics": [d.to_json() for d in r.diagnostics]} for r in results]
        typer.echo(json.dumps(out, indent=2))
        return
    for result in results:
        for diag in result.diagnostics:
            typer.echo(str(diag), err=True)


def _exit_code(results, strict: bool = False) -> int:
    diags = [d for r in results for d in r.diagnostics]
    if any(d.severity == "error" and d.code not in CHECK_CODES for d in diags):
        return EXIT_INPUT
    if any(d.severity == "error" for d in diags) or (strict and any(d.severity == "warning" for d in diags)):
        return EXIT_CHECK
    return EXIT_OK


CHECK_CODES = {"overflow", "render-overflow", "render-missing", "contrast", "noncommercial", "no-derivatives",
               "permission-expired", "missing-alt", "bad-alt"}


@app.command()
def build(paths: List[Path] = PATHS, out: Path = OUT, audience: Optional[str] = AUDIENCE,
          allow: Optional[List[Path]] = ALLOW, fmt: str = FORMAT, debug: bool = DEBUG) -> None:
    """Build decks: a folder builds every audience outline in it, a file builds that outline.

    Decks are written to OUT as <story>-<audience>.pptx, atomically: a failed build leaves no new
    file and an older deck of the same name untouched.

    Example: deckbuilder build decks/story-of-hope --audience funders
    """
    from .api import Options, build as run

    results = _guarded(lambda: run(list(paths), Options(out=out, audience=audience, allow=tuple(allow or ()))),
                       debug)
    _print_diagnostics(results, fmt)
    if fmt == "text":
        for r in results:
            _summary(r)
    raise typer.Exit(_exit_code(results))


def _summary(result) -> None:
    warnings = len(result.diagnostics.warnings)
    if result.output:
        typer.echo(f"built {result.output}: {result.slides} slides, {result.images} images, {warnings} "
                   f"warning(s), talk ≈ {result.talk_minutes:.0f} min, {result.seconds:.2f} s")
    else:
        typer.echo(f"failed {result.outline}: {len(result.diagnostics.errors)} error(s), no deck written",
                   err=True)


def _guarded(action, debug: bool):
    try:
        return action()
    except KeyboardInterrupt:
        typer.echo("interrupted: no deck was written", err=True)
        raise typer.Exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        typer.echo(f"internal error: {type(exc).__name__}: {exc}. This is a bug in deckbuilder: please report "
                   "it with the outline that caused it (run again with --debug for the details).", err=True)
        raise typer.Exit(3)


def main() -> None:
    app(prog_name="deckbuilder")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
