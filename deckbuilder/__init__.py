"""deckbuilder: compile YAML outlines into branded, editable PowerPoint decks, one per audience."""
from __future__ import annotations

__all__ = ["build", "Options", "Result", "Diagnostic", "BuildError", "__version__"]


def __getattr__(name: str):
    """Import the library lazily, so that `deckbuilder --help` starts at once; the version is the installed one."""
    if name == "__version__":
        from importlib.metadata import version

        return version("deckbuilder")
    if name in ("build", "Options", "Result"):
        from . import api

        return getattr(api, name)
    if name in ("Diagnostic", "BuildError"):
        from . import errors

        return getattr(errors, name)
    raise AttributeError(name)
