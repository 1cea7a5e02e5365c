"""The typer application and the one place where errors become exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from plancompare import __version__
from plancompare.errors import EXIT_CODES_HELP, PlanCompareError

P = ParamSpec("P")
R = TypeVar("R")

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

err_console = Console(stderr=True, highlight=False)


def fail(error: PlanCompareError) -> typer.Exit:
    """Print one line for the user and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {error.one_line()}", soft_wrap=True)
    return typer.Exit(error.exit_code)


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a library error into its one-line message and exit code (no traceback)."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except PlanCompareError as error:
            raise fail(error) from None

    return wrapper


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


# Each command lives in its own module; importing registers it on `app`.
from plancompare.cli import commands  # noqa: E402,F401


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
