"""What every command shows on stderr: one-line errors with their exit code, warnings, progress."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from plancompare.errors import InputError, OutputError, PlanCompareError, printable

P = ParamSpec("P")
R = TypeVar("R")

err_console = Console(stderr=True, highlight=False)

Progressor = Callable[[str, int, int], None]


def say(text: str) -> None:
    """One line on stderr (no markup read in it: file names may hold [brackets])."""
    err_console.print(printable(text), soft_wrap=True, markup=False, highlight=False)


def fail(error: PlanCompareError) -> typer.Exit:
    """Print one line for the user and return the Exit to raise."""
    err_console.print("[bold red]error:[/] ", end="", soft_wrap=True)
    say(error.one_line())
    return typer.Exit(error.exit_code)


def _unexpected(error: OSError | UnicodeError) -> PlanCompareError:
    """A system error no check foresaw, as a one-line error: the output not written (4) when it is
    the output that failed, else an input that could not be read (3)."""
    if isinstance(error, BrokenPipeError):
        # The reader of stdout went away (`plancompare diff | head`): nothing more can be shown there.
        with suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OutputError("the output was closed before the whole report was written")
    if isinstance(error, UnicodeEncodeError):
        encoding = error.encoding
        return OutputError(
            f"cannot print {error.object[error.start : error.end]!r} in the output's encoding ({encoding})",
            "write the report with -o FILE, or set PYTHONIOENCODING=utf-8",
        )
    if isinstance(error, UnicodeError):
        return InputError(f"an input is not UTF-8 text ({error})", "convert it to UTF-8")
    name = printable(error.filename) if error.filename is not None else "a file"
    return InputError(f"cannot read {name}: {error.strerror or error}", "check the path and permissions")


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a library error into its one-line message and exit code (no traceback); a system error
    no check caught (a file that cannot be read, a name that cannot be printed) too."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except PlanCompareError as error:
            raise fail(error) from None
        except (OSError, UnicodeError) as error:
            raise fail(_unexpected(error)) from None

    return wrapper


def warn(lines: Iterable[str]) -> None:
    for line in lines:
        err_console.print("[yellow]warning:[/] ", end="", soft_wrap=True)
        say(line)


@contextmanager
def progress_bar() -> Iterator[Progressor]:
    """A progress bar on stderr while PDFs are parsed (silent when stderr is not a terminal: rich
    would print an empty line there when it stops, before any error or warning)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    with Progress(
        TextColumn("{task.description}", markup=False),  # file names may hold [brackets]
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_interactive,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(printable(stage), total=total or None)
            bar.update(tasks[stage], completed=done, total=total or None)

        yield report
