"""The typer application: its name, help, `--version`, and the one place errors become exit codes.

Commands register themselves from their own modules (imported by `plancompare.cli`); each imports
the heavy parts of the library only when it runs, so `plancompare --version` stays instant.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from plancompare import __version__
from plancompare.cli.console import err_console
from plancompare.errors import EXIT_CODES_HELP

app = typer.Typer(
    name="plancompare",
    help=(
        "Compare successive national action plans, measure by measure: which proposals of a review "
        "the next plan adopted, changed or dropped, with evidence.\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


F = TypeVar("F", bound=Callable[..., Any])


def command(**options: Any) -> Callable[[F], F]:
    """`app.command`, with the docstring's first paragraph on one line as the command's short help:
    typer's rich mode keeps the docstring's line breaks in the list of commands."""

    def register(function: F) -> F:
        first = inspect.cleandoc(function.__doc__ or "").split("\n\n")[0]
        app.command(short_help=" ".join(first.split()), **options)(function)
        return function

    return register


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"plancompare {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Compare successive national action plans."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
