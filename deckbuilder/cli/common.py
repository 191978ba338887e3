"""The command's typer app, the options several commands share, and how a command starts and ends."""
from __future__ import annotations

from pathlib import Path

import typer

from ..codes import EXIT_INPUT, exit_code

app = typer.Typer(
    help="Compile YAML outlines into branded, editable PowerPoint decks, one per audience.\n\n"
         "Example: start with `deckbuilder new my-talk`, then `deckbuilder build decks/my-talk`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import version

        typer.echo(f"deckbuilder {version('deckbuilder')}")
        raise typer.Exit()


@app.callback()
def _root(_: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print deckbuilder's version and exit.")) -> None:
    """Compile YAML outlines into branded, editable PowerPoint decks, one per audience."""


PATHS = typer.Argument(..., help="Outline files (.yaml) or folders of outlines.", show_default=False)
PATHS_OR_DECKS = typer.Argument(None, help="Outline files (.yaml) or folders of outlines (default: decks/).",
                                show_default=False)
OUT = typer.Option(Path("build"), "--out", "-o", help="Folder for the decks.")
AUDIENCE = typer.Option(None, "--audience", "-a", help="Build only this audience's outline.")
ALLOW = typer.Option(None, "--allow", help="A folder outside the project that images may come from "
                     "(repeatable).")
FORMAT = typer.Option("text", "--format", help="text, or json for CI.")
DEBUG = typer.Option(False, "--debug", help="Show the full traceback of an internal error.")
CACHE = typer.Option(None, "--cache", envvar="DECKBUILDER_CACHE", show_default=False,
                     help="Keep the cache (measured widths, prepared images) under this folder instead of the "
                     "user's cache folder; `deckbuilder cache path` shows where it is.")


def options_for(paths: list[Path], cache: Path | None, **kw):
    """Build options with the cache folder of the project the first path belongs to."""
    from ..api import Options
    from ..cache import folder_for

    return Options(cache=folder_for(paths[0] if paths else Path("."), cache), **kw)


def paths_or_decks(paths: list[Path] | None, doing: str) -> list[Path]:
    """The paths given, else decks/ in the current folder (saying so), else a usage error."""
    if paths:
        return list(paths)
    if not Path("decks").is_dir():
        typer.echo("error: no path given, and there is no decks/ folder here (hint: give an outline or a folder "
                   "of outlines, e.g. decks/my-talk, or run this in the project folder that holds decks/)", err=True)
        raise typer.Exit(EXIT_INPUT)
    typer.echo(f"no path given: {doing} every deck in decks/", err=True)
    return [Path("decks")]


def exit_code_of(results, strict: bool = False) -> int:
    return exit_code((d for r in results for d in r.diagnostics), strict)



def main() -> None:
    app(prog_name="deckbuilder")
