"""`plancompare decide ID VERDICT`: record an analyst's verdict for one proposal, or for what became
of one base measure."""

from __future__ import annotations

from pathlib import Path

import typer

from plancompare.cli.app import command
from plancompare.cli.console import handles_errors, progress_bar, say
from plancompare.config import DECISIONS_FILE, DEFAULT_BASE, DEFAULT_NEXT
from plancompare.errors import EXIT_CODES_HELP


@command(epilog=EXIT_CODES_HELP)
@handles_errors
def decide(
    proposal_id: str = typer.Argument(
        ..., metavar="ID", help="Proposal id, e.g. M05-P02 or G03; or a base measure's, e.g. M05."
    ),
    verdict: str = typer.Argument(
        ...,
        metavar="VERDICT",
        help="adopted, changed, dropped, or n-a (not an ask: praise, a statement); for a base measure: "
        "kept, revised, merged, split or dropped.",
    ),
    measure: list[str] | None = typer.Option(
        None,
        "--measure",
        "-m",
        help="Next-plan measure that answers it (or that the base measure became), as printed (« 12 », "
        "« 1.2 »); repeat for several.",
    ),
    comment: str | None = typer.Option(None, "--comment", help="Why: shown in the reports."),
    author: str | None = typer.Option(None, "--author", help="Who decided."),
    date: str | None = typer.Option(None, "--date", help="When, as YYYY-MM-DD (never filled in for you)."),
    base: Path | None = typer.Option(None, "--base", help=f"Base corpus (default: {DEFAULT_BASE})."),
    next_: Path | None = typer.Option(None, "--next", help=f"Next plan (default: {DEFAULT_NEXT})."),
    file: Path | None = typer.Option(
        None, "--file", help=f"Decisions file (default: {DECISIONS_FILE} of NEXT's corpus, else BASE's)."
    ),
) -> None:
    """Record that proposal ID is adopted, changed or dropped in the next plan (with its measures), or
    n-a: it asks nothing (praise, a statement of fact), and counts in no adoption rate; or what became
    of base measure ID (« M05 »): kept, revised or merged into one next measure, split into several,
    or dropped.

    Keeps the proposal's fingerprint (a base measure's: its title's) and the measures' titles: stale
    (not applied) once they change."""
    from plancompare.workflow import decide as record

    with progress_bar() as progress:
        done = record(
            proposal_id,
            verdict,
            measure,
            comment=comment,
            author=author,
            date=date,
            base=base,
            next_=next_,
            file=file,
            progress=progress,
        )
    where = f" → {', '.join(done.measures)}" if done.measures else ""
    say(f"recorded {proposal_id}: {verdict}{where} in {done.file}")
