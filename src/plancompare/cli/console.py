"""What every command shows on stderr: one-line errors with their exit code, warnings, progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from plancompare.errors import PlanCompareError

P = ParamSpec("P")
R = TypeVar("R")

err_console = Console(stderr=True, highlight=False)

Progressor = Callable[[str, int, int], None]


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


def warn(lines: Iterable[str]) -> None:
    for line in lines:
        err_console.print(f"[yellow]warning:[/] {line}", soft_wrap=True)


@contextmanager
def progress_bar() -> Iterator[Progressor]:
    """A progress bar on stderr while PDFs are parsed (silent when stderr is not a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    with Progress(
        TextColumn("{task.description}", markup=False),  # file names may hold [brackets]
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total or None)
            bar.update(tasks[stage], completed=done, total=total or None)

        yield report
