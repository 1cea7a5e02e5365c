"""`plancompare extract FILE.pdf`: a plan or review PDF to JSON (see README, « JSON contracts »)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from plancompare.cli.app import app, err_console, handles_errors
from plancompare.extract.document import extract as extract_document
from plancompare.files import refuse_overwriting_inputs, write_atomic
from plancompare.models import Plan, Review
from plancompare.serialise import to_json

# Documents longer than this get a progress bar on stderr.
PROGRESS_MIN_PAGES = 20


class LayoutChoice(StrEnum):
    auto = "auto"
    plan = "plan"
    review = "review"


class _PageProgress:
    """A rich progress bar, shown only once the document turns out to be long."""

    def __init__(self) -> None:
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_MIN_PAGES:
            return
        if self.bar is None:
            self.bar = Progress(
                TextColumn("reading pages"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("pages", total=total)
        if self.task is not None:
            self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
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
    _summary(document)


def _count(n: int | None, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shortened(items: list[str]) -> str:
    """« 1, 2, 3, ..., 9 »: the ellipsis only where it stands for something."""
    return ", ".join(items if len(items) <= 4 else [*items[:3], "...", items[-1]])


def _summary(document: Plan | Review) -> None:
    pages = document.source.pages if document.source else None
    shown = _shortened([m.name for m in document.measures])
    if isinstance(document, Review) and not document.measures:
        # A report's numbered recommendations (recommendations.py): proposals without measures.
        ids = [p.id for p in document.proposals]
        listed = _shortened(ids)
        err_console.print(
            f"[bold]recommendations[/]: {_count(pages, 'page')}, {len(ids)} ({listed})", soft_wrap=True
        )
    else:
        measures = _count(len(document.measures), "measure")
        err_console.print(
            f"[bold]{document.kind}[/]: {_count(pages, 'page')}, {measures} ({shown})",
            soft_wrap=True,
        )
    if isinstance(document, Review) and document.measures:
        general = sum(1 for p in document.proposals if p.measure is None)
        per_measure: dict[int, int] = {}
        for p in document.proposals:
            if p.measure is not None:
                per_measure[p.measure] = per_measure.get(p.measure, 0) + 1
        counts = " ".join(f"{m.name}:{per_measure.get(m.number, 0)}" for m in document.measures)
        in_measures = len(document.proposals) - general
        err_console.print(
            f"proposals: {in_measures} in measures ({counts}); {general} general demands", soft_wrap=True
        )
    for warning in document.warnings:
        err_console.print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
