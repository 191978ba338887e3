"""The commands on a project's own files: the image register and the cache."""
from __future__ import annotations

from pathlib import Path

import typer

from ..console import guarded
from .common import CACHE, DEBUG, app

assets_app = typer.Typer(help="Work with the image register (assets/images.yaml).\n\n"
                         "Example: deckbuilder assets add assets/photos/harbour.jpg", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(assets_app, name="assets")


@assets_app.command("add")
def assets_add(file: Path = typer.Argument(..., help="The image file, e.g. assets/photos/harbour.jpg."),
               key: str | None = typer.Option(None, "--key", help="Its key in the register (default: from "
                                                 "the file name)."),
               register: Path | None = typer.Option(None, "--register", help="The register to add it to "
                                                       "(default: the nearest assets/images.yaml)."),
               debug: bool = DEBUG) -> None:
    """Start a register entry from what the image file carries (EXIF, IPTC, XMP); you complete the TODOs.

    \b
    Example:
      deckbuilder assets add assets/photos/harbour.jpg --key harbour-dawn
    """
    from ..assets.metadata import add_to_register, default_key, entry_from_file, register_for, summary

    def action() -> str:
        target = register or register_for(file)
        name = key or default_key(file)
        entry = entry_from_file(file, target.parent)
        add_to_register(target, name, entry)
        return summary(name, entry, target)

    typer.echo(guarded(action, debug))


cache_app = typer.Typer(help="Show or clear the cache of measured widths and prepared images (it lives in the "
                        "user's cache folder, one folder per project; --cache or DECKBUILDER_CACHE move it).\n\n"
                        "Example: deckbuilder cache clear", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")
PROJECT = typer.Argument(Path("."), help="A folder (or file) of the project (default: the current folder).")


@cache_app.command("path")
def cache_path(project: Path = PROJECT, cache: Path | None = CACHE) -> None:
    """Print the folder where this project's cache lives.

    \b
    Examples:
      deckbuilder cache path
      deckbuilder cache path ~/talks/hope --cache /tmp/deckbuilder-cache
    """
    from ..cache import folder_for

    typer.echo(folder_for(project, cache))


@cache_app.command("clear")
def cache_clear(project: Path = PROJECT, cache: Path | None = CACHE) -> None:
    """Delete this project's cache (it is rebuilt by the next build, which is slower once).

    \b
    Examples:
      deckbuilder cache clear
      deckbuilder cache clear ~/talks/hope
    """
    from ..cache import clear, folder_for

    folder = folder_for(project, cache)
    removed = clear(folder)
    typer.echo(f"cleared {folder}: {removed} file(s) removed" if removed else f"the cache {folder} is already empty")
