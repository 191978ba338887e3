"""The commands that explain: diagnostic codes, layouts and their fields, the files' JSON Schemas."""
from __future__ import annotations

import json

import typer

from ..codes import EXIT_INPUT, EXIT_OK
from .common import app


@app.command()
def explain(code: str | None = typer.Argument(None, help="A diagnostic code, e.g. noncommercial (the word in "
                                                 "brackets after error or warning).")) -> None:
    """Explain a diagnostic code: what it means, a wrong and a right example, and how to fix it; with no code,
    list every code.

    \b
    Example:
      deckbuilder explain noncommercial
    """
    from ..codes import catalogue, codes, unknown
    from ..codes import explain as text

    if code is None:
        typer.echo(catalogue())
    elif code in codes():
        typer.echo(text(code))
    else:
        typer.echo(unknown(code), err=True)
        raise typer.Exit(EXIT_INPUT)


@app.command()
def layouts(name: str | None = typer.Argument(None, help="Show only this layout.")) -> None:
    """List every slide layout with its fields and a short YAML example.

    \b
    Example:
      deckbuilder layouts chart
    """
    from ..model.layouts import LAYOUTS
    from ..report import layouts_text

    typer.echo(layouts_text(name), err=name is not None and name not in LAYOUTS)
    raise typer.Exit(EXIT_INPUT if name is not None and name not in LAYOUTS else EXIT_OK)


@app.command()
def schema(kind: str = typer.Argument("outline", help="outline, theme or register.")) -> None:
    """Print the JSON Schema of outline, theme or image register files (for editor completion).

    \b
    Example:
      deckbuilder schema outline > outline.schema.json
    """
    from ..model.jsonschema import SCHEMAS

    if kind not in SCHEMAS:
        typer.echo(f"error: no schema '{kind}'; choose one of: {', '.join(SCHEMAS)}", err=True)
        raise typer.Exit(EXIT_INPUT)
    typer.echo(json.dumps(SCHEMAS[kind](), indent=2))
