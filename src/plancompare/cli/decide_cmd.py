"""`plancompare decide ID VERDICT`: record an analyst's verdict for one proposal."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import typer

from plancompare.cli.app import app, err_console, handles_errors
from plancompare.cli.diff_cmd import default_decisions_file, progress_bar, resolve_inputs
from plancompare.corpus import load_side
from plancompare.errors import EXIT_CODES_HELP, UsageError
from plancompare.judge.decisions import (
    FILE_NAME,
    VERDICTS,
    RecordedDecision,
    RecordedMeasure,
    fingerprint,
    record_decision,
)


def _as_printed(name: str) -> str:
    """« 07 » → « 7 », « 12BIS » → « 12 bis »: a measure's number as the reports print it."""
    name = " ".join(name.split()).lower()
    if name.isdigit():
        return str(int(name))
    return re.sub(r"^(\d+)\s?(bis|ter|quater)$", r"\1 \2", name)


@app.command(epilog=EXIT_CODES_HELP)
@handles_errors
def decide(
    proposal_id: str = typer.Argument(..., metavar="ID", help="Proposal id, e.g. M05-P02 or G03."),
    verdict: str = typer.Argument(..., metavar="VERDICT", help=f"One of: {', '.join(VERDICTS)}."),
    measure: list[str] | None = typer.Option(
        None,
        "--measure",
        "-m",
        help="Next-plan measure that answers it, as printed (« 12 », « 1.2 »); repeat for several.",
    ),
    comment: str | None = typer.Option(None, "--comment", help="Why: shown in the reports."),
    author: str | None = typer.Option(None, "--author", help="Who decided."),
    date: str | None = typer.Option(None, "--date", help="When, as YYYY-MM-DD (never filled in for you)."),
    base: Path | None = typer.Option(None, "--base", help="Base corpus (default: corpora/2014-2016)."),
    next_: Path | None = typer.Option(None, "--next", help="Next plan (default: corpora/next)."),
    file: Path | None = typer.Option(
        None, "--file", help=f"Decisions file (default: {FILE_NAME} of NEXT's corpus, else BASE's)."
    ),
) -> None:
    """Record that proposal ID is adopted, changed or dropped in the next plan (with its measures).

    Keeps the proposal's fingerprint and the measures' titles: stale (not applied) once they change."""
    if verdict not in VERDICTS:
        raise UsageError(f"unknown verdict {verdict!r}", f"choose one of: {', '.join(VERDICTS)}")
    given = list(dict.fromkeys(_as_printed(m) for m in measure or []))
    if verdict == "dropped" and given:
        raise UsageError("a dropped proposal has no next-plan measure", "leave out --measure")
    if verdict != "dropped" and not given:
        raise UsageError(f"an {verdict} proposal needs its next-plan measure(s)", "add --measure N")
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(f"--date {date!r} is not a date", "write it as YYYY-MM-DD") from None
    base_path, next_path = resolve_inputs(base, next_)
    with progress_bar() as progress:
        base_side = load_side(base_path, progress=progress)
        next_side = load_side(next_path, progress=progress)
    proposals = {p.id: p for review in base_side.reviews for p in review.proposals}
    if proposal_id not in proposals:
        raise UsageError(
            f"no proposal {proposal_id} in {base_path}", "see the ids in `plancompare diff --all`"
        )
    titles = {m.number: m.title for m in next_side.plan.measures}
    # As the reports show them: the printed number (« 1.2 ») of a plan numbered within its axes.
    by_name = {m.name: m.number for m in next_side.plan.measures}
    missing = [name for name in given if name not in by_name]
    if missing:
        raise UsageError(
            f"the next plan has no measure {', '.join(missing)}",
            "give its number as the reports show it (`plancompare diff --format md`)",
        )
    numbers = list(dict.fromkeys(by_name[name] for name in given))
    target = file or default_decisions_file(base_side, next_side)
    if target is None:
        raise UsageError(
            "neither BASE nor NEXT is a corpus folder", "say where to keep decisions with --file"
        )
    decision = RecordedDecision(
        id=proposal_id,
        fingerprint=fingerprint(proposals[proposal_id].text),
        verdict=verdict,
        measures=[RecordedMeasure(n, " ".join(titles[n].split())) for n in numbers],
        comment=comment,
        author=author,
        date=date,
    )
    record_decision(target, decision)
    where = f" → {', '.join(given)}" if given else ""
    err_console.print(f"recorded {proposal_id}: {verdict}{where} in {target}", highlight=False)
