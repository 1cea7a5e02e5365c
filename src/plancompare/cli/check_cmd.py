"""`plancompare check BASE NEXT --baseline FILE`: fail CI when a new draft loses ground."""

from __future__ import annotations

from pathlib import Path

import typer

from plancompare.check import (
    DEFAULT_FAIL_ON,
    KINDS,
    compare_with_baseline,
    failures,
    parse_fail_on,
    summary_markdown,
    summary_text,
)
from plancompare.cli.app import app, err_console, handles_errors
from plancompare.cli.diff_cmd import run_diff
from plancompare.errors import EXIT_CHECK_FAILED, EXIT_CODES_HELP, UsageError
from plancompare.files import write_atomic
from plancompare.models import DiffResult
from plancompare.serialise import load_model


@app.command(epilog=EXIT_CODES_HELP)
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
    lang: str | None = typer.Option(
        None, "--lang", help="fr or en (default: fr when the base corpus is French)."
    ),
    decisions: Path | None = typer.Option(None, "--decisions", help="Analyst decisions file (as for diff)."),
    config: Path | None = typer.Option(None, "--config", help="Matching thresholds file (as for diff)."),
) -> None:
    """Compare BASE with NEXT and with a reviewed baseline; exit 1 when a proposal regressed, a base
    measure is newly dropped, or (with --fail-on new-drops) a new proposal is dropped."""
    kinds = parse_fail_on(fail_on)
    if fmt not in ("term", "md"):
        raise UsageError(f"unknown format {fmt!r}", "choose term or md")
    if not baseline.is_file():
        raise UsageError(
            f"--baseline {baseline}: no such file", "save one with `plancompare diff --format json -o`"
        )
    reviewed = load_model(baseline, DiffResult, "diff result (baseline)")
    run = run_diff(base, next_, lang=lang, config=config, decisions=decisions)
    findings = compare_with_baseline(run.result, reviewed)
    markdown = summary_markdown(findings, kinds, run.result, reviewed, run.lang)
    if summary is not None:
        write_atomic(summary, markdown, inputs=[*run.inputs, baseline])
    if fmt == "md":
        typer.echo(markdown, nl=False)
    else:
        typer.echo(summary_text(findings, kinds, run.result, reviewed, run.lang), nl=False)
    if failures(findings, kinds):
        err_console.print(f"check failed: {len(failures(findings, kinds))} finding(s) ({', '.join(kinds)})")
        raise typer.Exit(EXIT_CHECK_FAILED)
