"""The `deckbuilder` command: thin typer commands over the library, printing diagnostics, setting exit codes."""
from __future__ import annotations

from .loading import loading

with loading():
    from ..codes import EXIT_CHECK, EXIT_INPUT, EXIT_OK
    from . import decks, project, reference  # noqa: F401  (each module adds its commands to the app, in this order)
    from .common import app, main

__all__ = ["app", "main", "EXIT_OK", "EXIT_CHECK", "EXIT_INPUT"]
