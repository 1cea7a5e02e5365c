"""`plancompare calibrate LABELS [BASE] [NEXT]`: cross-validated figures of the matcher on labels."""

from __future__ import annotations

from pathlib import Path

import typer

from plancompare.cli.app import command
from plancompare.cli.console import handles_errors, say
from plancompare.config import DEFAULT_BASE, DEFAULT_NEXT
from plancompare.errors import EXIT_CODES_HELP


@command(epilog=EXIT_CODES_HELP)
@handles_errors
def calibrate(
    labels: Path = typer.Argument(..., metavar="LABELS", help="labels.yaml: the expected verdicts."),
    base: Path = typer.Argument(DEFAULT_BASE, metavar="BASE", help="Base corpus folder, PDF, JSON or YAML."),
    next_: Path = typer.Argument(DEFAULT_NEXT, metavar="NEXT", help="Next plan: folder, PDF, JSON or YAML."),
    folds: int = typer.Option(5, "--folds", min=2, help="Number of cross-validation folds."),
    write_config: Path | None = typer.Option(
        None, "--write-config", help="Write thresholds fit on all labels to this plancompare.toml."
    ),
) -> None:
    """Measure how well the matcher finds the labelled verdicts (k-fold cross-validation: thresholds
    fit on the other folds), and optionally write thresholds fit on all labels."""
    from plancompare.report.calibration import calibration_table
    from plancompare.workflow import run_calibration

    done = run_calibration(labels, base, next_, folds=folds, write_config=write_config)
    typer.echo(calibration_table(done.scores, done.observed, folds))
    if write_config is not None:
        say(f"wrote {write_config}")
