"""What the commands print: diagnostics (each once, with its excerpt, or as JSON), summaries, progress, and the
last line of defence that turns any failure into one line and an exit code."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from contextlib import contextmanager

import typer

from .codes import EXIT_INPUT
from .errors import BuildError, Diagnostic, Problem

EXIT_INTERRUPTED, EXIT_BUG = 130, 3


def echo_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    """Each diagnostic once (an error in a story shared by several audiences is one error), with its excerpt."""
    shown: set[Diagnostic] = set()
    for diag in diagnostics:
        if diag not in shown:
            shown.add(diag)
            typer.echo(str(diag), err=True)
            if diag.excerpt:
                typer.echo(diag.excerpt, err=True)


def print_results(results, fmt: str) -> None:
    """The diagnostics of built decks: as lines on stderr, or (fmt json) one JSON report per deck on stdout."""
    if fmt == "json":
        out = [{"outline": str(r.outline), "deck": r.name, "output": str(r.output) if r.output else None,
                "diagnostics": [d.to_json() for d in r.diagnostics]} for r in results]
        typer.echo(json.dumps(out, indent=2))
    else:
        echo_diagnostics(d for r in results for d in r.diagnostics)


def print_summary(result) -> None:
    """A deck's summary: built (with the slides continued or rearranged) on stdout, failed on stderr."""
    from .report import build_summary

    for line in build_summary(result):
        typer.echo(line, err=not result.output)


@contextmanager
def progress_bar():
    """A progress callback drawing a bar on an interactive terminal; None elsewhere (the summary lines say it)."""
    if not sys.stdout.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("building decks")
        yield lambda done, total: bar.update(task, completed=done, total=total)


def guarded(action, debug: bool):
    """Run `action`; a problem it raises becomes one line and an exit code, never a traceback (unless debug)."""
    try:
        return action()
    except KeyboardInterrupt:
        typer.echo("interrupted: no deck was written", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Problem as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except BuildError as exc:
        echo_diagnostics(exc.diagnostics)
        raise typer.Exit(EXIT_INPUT) from None
    except Exception as exc:  # the last line of defence
        if debug:
            raise
        typer.echo(f"internal error: {type(exc).__name__}: {exc}. This is a bug in deckbuilder: please report "
                   "it with the outline that caused it (run again with --debug for the details).", err=True)
        raise typer.Exit(EXIT_BUG) from None
