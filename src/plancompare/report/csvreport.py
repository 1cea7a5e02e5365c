"""One row per proposal, for spreadsheets: UTF-8 with a BOM so that Excel reads the accents right.

Verdicts and `decided_by` are the codes of the JSON contract (adopted/changed/dropped/n-a, engine/analyst),
stable for filters and formulas; reasons are written in the report language. Two plans without a
review have no proposals: their CSV has one row per base measure and one per new measure instead.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from plancompare.models import DiffResult
from plancompare.report.grouping import base_name, clean, measure_list, priority_of, proposal_measures
from plancompare.report.i18n import labels

Writer = Any  # csv's writer type is private (_csv.Writer)

COLUMNS = (
    "id",
    "measure",
    "priority",
    "verdict",
    "decided_by",
    "next_measures",
    "score",
    "confidence",
    "passage",
    "reasons",
    "text",
)
# Two plans, no review: what became of each base measure, then the next plan's new measures.
MEASURE_COLUMNS = ("measure", "title", "priority", "verdict", "next_measures", "score", "passage")
NEW = "new"  # the verdict column of a new measure (base measure verdicts are the JSON codes)
BOM = "\ufeff"


def render_csv(result: DiffResult, lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if not result.proposals and result.measures:
        _measure_rows(result, writer)
        return BOM + buffer.getvalue()
    words = labels(lang)
    writer.writerow(COLUMNS)
    for proposal in result.proposals:
        best = proposal.matches[0] if proposal.matches else None
        writer.writerow(
            [
                proposal.id,
                "" if proposal.measure is None else base_name(result, proposal.measure),
                priority_of(result, proposal) or "",
                proposal.verdict,
                proposal.decided_by,
                measure_list(result, proposal_measures(proposal), ";"),
                f"{proposal.score:.1f}",
                f"{proposal.confidence:.3f}",
                clean(best.shown) if best else "",
                words.sep.join(words.reasons(proposal.reasons)),
                clean(proposal.text),
            ]
        )
    return BOM + buffer.getvalue()


def _measure_rows(result: DiffResult, writer: Writer) -> None:
    writer.writerow(MEASURE_COLUMNS)
    for measure in result.measures:
        best = measure.matches[0] if measure.matches else None
        writer.writerow(
            [
                measure.name,
                clean(measure.title),
                measure.priority or "",
                measure.verdict,
                measure_list(result, measure.next, ";"),
                f"{measure.score:.1f}" if measure.next else "",
                clean(best.shown) if best and measure.next else "",
            ]
        )
    for found in result.next_measures:
        if found.number in result.new_measures:
            writer.writerow(["", clean(found.title), found.priority or "", NEW, found.name, "", ""])
