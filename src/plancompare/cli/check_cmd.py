"""`plancompare check BASE NEXT --baseline FILE`: fail CI when a new draft loses ground."""

from __future__ import annotations

from pathlib import Path

import typer

from plancompare.check import DEFAULT_FAIL_ON, KINDS
from plancompare.cli import options
from plancompare.cli.app import command
from plancompare.cli.console import err_console, handles_errors, progress_bar, warn
from plancompare.errors import EXIT_CHECK_FAILED, EXIT_CODES_HELP


@command(epilog=EXIT_CODES_HELP)
@handles_errors
def check(
    base: Path = typer.Argument(..., help="Base corpus folder, PDF or JSON."),
    next_: Path = typer.Argument(..., metavar="NEXT", help="Next plan: corpus folder, PDF or JSON."),
    baseline: Path = typer.Option(..., "--baseline", help="Reviewed result: a saved `diff --format json`."),
    fail_on: str = typer.Option(
        ",".join(DEFAULT_FAIL_ON), "--fail-on", help=f"Comma-separated kinds that fail: {', '.join(KINDS)}."
    ),
    summary: Path | None = typer.Option(
        None, "--summary", help="Also write the markdown summary to FILE (e.g. for $GITHUB_STEP_SUMMARY)."
    ),
    fmt: str = typer.Option("term", "--format", "-f", help="Summary printed on stdout: term or md."),
    lang: options.Lang = None,
    decisions: options.Decisions = None,
    config: options.Config = None,
    history: options.History = None,
    own_history: options.OwnHistory = False,
) -> None:
    """Compare BASE with NEXT and with a reviewed baseline; exit 1 when a proposal regressed, a base
    measure is newly dropped, or (with --fail-on new-drops) a new proposal is dropped, or (with
    --fail-on stale) an analyst's decision no longer applies. Analysts' corrections are listed apart."""
    from plancompare.judge.history import EarlierReviews
    from plancompare.workflow import run_check

    with progress_bar() as progress:
        gate = run_check(
            base,
            next_,
            baseline,
            fail_on=fail_on,
            fmt=fmt,
            summary=summary,
            lang=lang,
            config=config,
            decisions=decisions,
            earlier=EarlierReviews.of(history, own_history),
            progress=progress,
        )
    warn(gate.warnings)
    typer.echo(gate.text, nl=False)
    if gate.failing:
        err_console.print(f"check failed: {gate.failing} finding(s) ({', '.join(gate.fail_on)})")
        raise typer.Exit(EXIT_CHECK_FAILED)
