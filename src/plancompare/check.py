"""The CI gate: compare a fresh diff with a reviewed baseline (a saved `diff --format json`).

Findings, by kind (the names `--fail-on` takes):

- `regressed`: a proposal the baseline had adopted is now changed or dropped, or changed → dropped;
- `dropped`: a base measure the baseline had kept, revised, merged or split is now dropped;
- `new-drops`: a proposal absent from the baseline is dropped;
- `stale`: an analyst's decision no longer applies (the proposal's text or a measure it names changed),
  so the engine's verdict stands until someone decides again.

An analyst's correction (a proposal the analysts decided, whose verdict differs from the baseline's) is
a `decision`, listed apart: it is the analysts' word, not the engine regressing or improving. So is a
base measure now dropped when the analysts decided one of its proposals otherwise than the baseline:
what became of a base measure is read from its proposals as decided (« Learning from decisions » in
README), so deciding its one adopted ask « dropped » drops it.
Improvements (dropped → changed → adopted), decisions and proposals gone from the review are listed for
information and never fail the check.

An item that asks nothing (`n-a`: praise, a statement of fact) has no rank among adopted, changed and
dropped: a change to or from `n-a` (the engine or an analyst now reads it as praise, or as an ask) is
neither a regression nor an improvement; it is listed for information (`n-a`) and never fails the
check, and a new item that is `n-a` is no new drop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from plancompare.errors import UsageError

if TYPE_CHECKING:  # the command line imports this module before any model is needed
    from plancompare.models import DiffResult

KINDS = ("regressed", "dropped", "new-drops", "stale")
DEFAULT_FAIL_ON = ("regressed", "dropped")
_RANK = {"adopted": 2, "changed": 1, "dropped": 0}  # n-a has none: see the module's docstring


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS, or "decision" / "improved" / "n-a" / "gone" (information only)
    id: str  # proposal id; a base measure's printed number (« 5 »), or its id (« M05 ») for a decision
    before: str | None
    after: str | None
    text: str


def parse_fail_on(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise UsageError(
            f"--fail-on: unknown kind {', '.join(unknown) or '(empty)'}",
            f"use a comma-separated list of: {', '.join(KINDS)}",
        )
    return kinds


def compare_with_baseline(current: DiffResult, baseline: DiffResult) -> list[Finding]:
    """Every difference that matters between a reviewed baseline and the current result."""
    from plancompare.models import NOT_AN_ASK, measure_id

    findings: list[Finding] = []
    before = {p.id: p for p in baseline.proposals}
    for proposal in current.proposals:
        old = before.get(proposal.id)
        if old is None:
            if proposal.verdict == "dropped":
                findings.append(Finding("new-drops", proposal.id, None, proposal.verdict, proposal.text))
            continue
        if proposal.decided_by == "analyst" and proposal.verdict != old.verdict:
            findings.append(Finding("decision", proposal.id, old.verdict, proposal.verdict, proposal.text))
        elif NOT_AN_ASK in (proposal.verdict, old.verdict):
            if proposal.verdict != old.verdict:
                findings.append(Finding("n-a", proposal.id, old.verdict, proposal.verdict, proposal.text))
        elif _RANK[proposal.verdict] < _RANK[old.verdict]:
            findings.append(Finding("regressed", proposal.id, old.verdict, proposal.verdict, proposal.text))
        elif _RANK[proposal.verdict] > _RANK[old.verdict]:
            findings.append(Finding("improved", proposal.id, old.verdict, proposal.verdict, proposal.text))
    now_ids = {p.id for p in current.proposals}
    for old in baseline.proposals:
        if old.id not in now_ids:
            findings.append(Finding("gone", old.id, old.verdict, None, old.text))
    # The base measures whose proposals the analysts moved away from the baseline's verdicts.
    corrected = {f.id for f in findings if f.kind == "decision"}
    moved_by_decisions = {p.measure for p in current.proposals if p.id in corrected}
    measures_before = {m.number: m for m in baseline.measures}
    for measure in current.measures:
        old_measure = measures_before.get(measure.number)
        if old_measure and measure.decided and measure.verdict != old_measure.verdict:
            # An analyst's decision on the base measure: a correction, listed apart.
            key = measure_id(measure.name)
            findings.append(Finding("decision", key, old_measure.verdict, measure.verdict, measure.title))
        elif old_measure and old_measure.verdict != "dropped" and measure.verdict == "dropped":
            kind = "decision" if measure.number in moved_by_decisions else "dropped"
            key = measure_id(measure.name) if kind == "decision" else measure.name
            findings.append(Finding(kind, key, old_measure.verdict, measure.verdict, measure.title))
    return findings


def stale_decisions(current: DiffResult) -> list[Finding]:
    """The decisions of `current` not applied, baseline or not (`text` says why: the proposal's text
    or a measure changed); a `stale` finding each."""
    recorded = current.recorded()
    found = []
    for pid in current.stale_decisions:
        if pid not in recorded:  # no such proposal or base measure any more
            found.append(Finding("stale", pid, None, None, ""))
            continue
        decision, standing = recorded[pid]
        found.append(Finding("stale", pid, decision.verdict, standing, decision.stale_reason or ""))
    return found


def failures(findings: list[Finding], fail_on: tuple[str, ...]) -> list[Finding]:
    return [f for f in findings if f.kind in fail_on]
