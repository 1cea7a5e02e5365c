"""`plancompare extract FILE.pdf`: a plan or review PDF to JSON (see README, « JSON contracts »)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from plancompare.cli.app import command
from plancompare.cli.console import err_console, handles_errors

# Documents longer than this get a progress bar on stderr.
PROGRESS_MIN_PAGES = 20


class LayoutChoice(StrEnum):
    auto = "auto"
    plan = "plan"
    review = "review"


class _PageProgress:
    """A rich progress bar, shown only once the document turns out to be long."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_MIN_PAGES:
            return
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("reading pages"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
                # Not on a pipe or a file: rich would leave an empty line there when it stops.
                disable=not err_console.is_interactive,
            )
            self.bar.start()
            self.task = self.bar.add_task("pages", total=total)
        if self.task is not None:
            self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@command()
@handles_errors
def extract(
    file: Path = typer.Argument(..., help="The plan or review PDF."),
    layout: LayoutChoice = typer.Option(
        LayoutChoice.auto, "--layout", help="auto: tell a review table from a plan; or force plan / review."
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the JSON here (default: stdout)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse the PDF again, ignoring cached results."),
) -> None:
    """Extract the measures (and a review's observations and proposals) of a PDF as JSON."""
    from plancompare.extract.document import extract as extract_document
    from plancompare.files import refuse_overwriting_inputs, write_atomic
    from plancompare.report.extraction import extraction_summary
    from plancompare.serialise import to_json

    if output is not None:
        refuse_overwriting_inputs(output, [file])
    progress = _PageProgress()
    try:
        document = extract_document(file, layout.value, use_cache=not no_cache, progress=progress)
    finally:
        progress.stop()
    data = to_json(document)
    if output is not None:
        write_atomic(output, data, inputs=[file])
    else:
        typer.echo(data, nl=False)
    for line in extraction_summary(document):
        err_console.print(line, soft_wrap=True)
