"""`plancompare diff [BASE] [NEXT]`: compare a base corpus with a next plan and print the report."""

from __future__ import annotations

import sys

import typer

from plancompare.cli import options
from plancompare.cli.app import command
from plancompare.cli.console import handles_errors, progress_bar, say, warn
from plancompare.errors import EXIT_CODES_HELP, UsageError
from plancompare.report import FORMATS


@command(epilog=EXIT_CODES_HELP)
@handles_errors
def diff(
    base: options.Base = None,
    next_: options.Next = None,
    fmt: str = typer.Option("term", "--format", "-f", help=f"Report format: {', '.join(FORMATS)}."),
    output: options.Output = None,
    lang: options.Lang = None,
    decisions: options.Decisions = None,
    config: options.Config = None,
    history: options.History = None,
    own_history: options.OwnHistory = False,
    show_all: bool = typer.Option(False, "--all", help="Terminal format: list every proposal."),
) -> None:
    """Say which proposals of BASE's reviews NEXT adopted, changed or dropped, and what became of each
    base measure, with the evidence."""
    from plancompare.files import check_output, write_atomic
    from plancompare.judge.history import EarlierReviews
    from plancompare.report import render
    from plancompare.workflow import run_diff

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")
    if output is not None:
        check_output(output)  # a missing folder is said before the PDFs are read, not after
    with progress_bar() as progress:
        earlier = EarlierReviews.of(history, own_history)
        run = run_diff(
            base, next_, lang=lang, config=config, decisions=decisions, earlier=earlier, progress=progress
        )
    warn(run.warnings)
    if output is not None:
        write_atomic(output, render(run.result, fmt, run.lang, show_all=show_all), inputs=run.inputs)
        say(f"wrote {output}")
        return
    if fmt == "term" and sys.stdout.isatty():
        from rich.console import Console

        from plancompare.report.terminal import renderables

        console = Console(highlight=False)
        for item in renderables(run.result, run.lang, show_all=show_all):
            console.print(item)
        return
    typer.echo(render(run.result, fmt, run.lang, show_all=show_all), nl=False)
