"""`plancompare diff [BASE] [NEXT]`: compare a base corpus with a next plan and print the report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from plancompare.cli.app import app, err_console, handles_errors
from plancompare.config import load_config
from plancompare.corpus import corpus_config, load_side
from plancompare.errors import EXIT_CODES_HELP, UsageError
from plancompare.files import write_atomic
from plancompare.judge.decisions import FILE_NAME, apply_decisions, load_decisions
from plancompare.judge.diff import compare
from plancompare.models import DiffResult, Plan, Review, Side
from plancompare.report import FORMATS, LANGUAGES, render
from plancompare.report.terminal import renderables

DEFAULT_BASE = Path("corpora/2014-2016")
DEFAULT_NEXT = Path("corpora/next")

Progressor = Callable[[str, int, int], None]


@contextmanager
def progress_bar() -> Iterator[Progressor]:
    """A progress bar on stderr while PDFs are parsed (silent when stderr is not a terminal)."""
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


def resolve_inputs(base: Path | None, next_: Path | None) -> tuple[Path, Path]:
    if base is None or next_ is None:
        chosen_base = base or DEFAULT_BASE
        chosen_next = next_ or DEFAULT_NEXT
        missing = [
            p for p in (chosen_base, chosen_next) if p in (DEFAULT_BASE, DEFAULT_NEXT) and not p.exists()
        ]
        if missing:
            given = "no BASE and NEXT given" if base is None else "no NEXT given"
            raise UsageError(
                f"{given} and {' or '.join(f'{p}/' for p in missing)} is not in the current folder",
                "pass BASE and NEXT (corpus folders, PDFs or JSON files from `plancompare extract`)",
            )
        if not chosen_base.exists():
            raise UsageError(
                f"{chosen_base} does not exist", "pass an existing corpus folder, PDF or JSON file"
            )
        return chosen_base, chosen_next
    for path in (base, next_):
        if not path.exists():
            raise UsageError(f"{path} does not exist", "pass an existing corpus folder, PDF or JSON file")
    return base, next_


def default_decisions_file(base_side: Side, next_side: Side) -> Path | None:
    """`decisions.yaml` of NEXT's corpus folder, else of BASE's; None when neither is a corpus."""
    for side in (next_side, base_side):
        if side.decisions_path is not None:
            return Path(side.decisions_path)
        if side.root is not None:
            return Path(side.root) / FILE_NAME
    return None


@dataclass
class Run:
    """Everything a command needs after the diff: the result, its inputs, the report language."""

    result: DiffResult
    inputs: list[Path]
    lang: str
    base_side: Side
    next_side: Side


def run_diff(
    base: Path | None,
    next_: Path | None,
    *,
    lang: str | None,
    config: Path | None,
    decisions: Path | None,
) -> Run:
    """Load both sides (with a progress bar), compare them and apply the analyst decisions."""
    if lang is not None and lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}", f"choose one of: {', '.join(LANGUAGES)}")
    for given, option in ((config, "--config"), (decisions, "--decisions")):
        if given is not None and not given.is_file():
            raise UsageError(f"{option} {given}: no such file", "check the path")
    base_path, next_path = resolve_inputs(base, next_)
    # A config given by hand is read first: a mistake in it shows before any PDF is extracted.
    given_config = load_config(config) if config is not None else None

    with progress_bar() as progress:
        base_side = load_side(base_path, progress=progress)
        next_side = load_side(next_path, progress=progress)
    # What extraction had to guess (an inferred heading, renumbered measures) bears on the result.
    for side in (base_side, next_side):
        documents: list[Plan | Review] = [side.plan, *side.reviews]
        for document in documents:
            name = document.source.file if document.source else "?"
            for warning in document.warnings:
                err_console.print(f"[yellow]warning:[/] {name}: {warning}", soft_wrap=True)
    if next_side.reviews:
        # The proposals followed are BASE's: a review given as NEXT is most often a swap.
        hint = (
            "its proposals are not followed (BASE's are); to follow them, give it first: "
            f"plancompare diff {next_path} {base_path}"
            if not base_side.reviews
            else "its proposals are not followed (BASE's are)"
        )
        err_console.print(f"[yellow]warning:[/] NEXT {next_path} holds a review: {hint}", soft_wrap=True)
    config_path = config or corpus_config(next_side, base_side)
    cfg = given_config if given_config is not None else load_config(config_path)
    result = compare(base_side, next_side, cfg)
    language = lang or ("fr" if (base_side.language or "").lower().startswith("fr") else "en")
    decisions_path = decisions or default_decisions_file(base_side, next_side)
    if decisions_path is not None and decisions_path.is_file():
        result = apply_decisions(result, load_decisions(decisions_path), lang=language)
    inputs = [*base_side.sources, *next_side.sources, base_path, next_path]
    inputs += [p for p in (config_path, decisions_path) if p is not None]
    return Run(result, inputs, language, base_side, next_side)


@app.command(epilog=EXIT_CODES_HELP)
@handles_errors
def diff(
    base: Path | None = typer.Argument(
        None,
        metavar="BASE",
        help=f"Base corpus folder, PDF or JSON (default: {DEFAULT_BASE}).",
        show_default=False,
    ),
    next_: Path | None = typer.Argument(
        None,
        metavar="NEXT",
        help=f"Next plan: corpus folder, PDF or JSON (default: {DEFAULT_NEXT}).",
        show_default=False,
    ),
    fmt: str = typer.Option("term", "--format", "-f", help=f"Report format: {', '.join(FORMATS)}."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to FILE (atomically)."),
    lang: str | None = typer.Option(
        None, "--lang", help="Report language, fr or en (default: fr when the base corpus is French)."
    ),
    decisions: Path | None = typer.Option(
        None,
        "--decisions",
        help=f"Analyst decisions file (default: {FILE_NAME} of NEXT's corpus, else BASE's).",
    ),
    config: Path | None = typer.Option(
        None, "--config", help="Matching thresholds file (default: the corpus config, if any)."
    ),
    show_all: bool = typer.Option(False, "--all", help="Terminal format: list every proposal."),
) -> None:
    """Say which proposals of BASE's reviews NEXT adopted, changed or dropped, and what became of each
    base measure, with the evidence."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")
    run = run_diff(base, next_, lang=lang, config=config, decisions=decisions)
    if output is not None:
        write_atomic(output, render(run.result, fmt, run.lang, show_all=show_all), inputs=run.inputs)
        err_console.print(f"wrote {output}", highlight=False)
        return
    if fmt == "term" and sys.stdout.isatty():
        console = Console(highlight=False)
        for item in renderables(run.result, run.lang, show_all=show_all):
            console.print(item)
        return
    typer.echo(render(run.result, fmt, run.lang, show_all=show_all), nl=False)
