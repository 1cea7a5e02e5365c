"""One row per proposal, for spreadsheets: UTF-8 with a BOM so that Excel reads the accents right.

Verdicts and `decided_by` are the codes of the JSON contract (adopted/changed/dropped, engine/analyst),
stable for filters and formulas; reasons are written in the report language.
"""

from __future__ import annotations

import csv
import io

from ..models import DiffResult
from .grouping import base_name, clean, measure_list, priority_of, proposal_measures
from .i18n import labels

COLUMNS = (
    "id",
    "measure",
    "priority",
    "verdict",
    "decided_by",
    "next_measures",
    "score",
    "passage",
    "reasons",
    "text",
)
BOM = "\ufeff"


def render_csv(result: DiffResult, lang: str) -> str:
    words = labels(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
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
                clean(best.passage) if best else "",
                words.sep.join(words.reason(r) for r in proposal.reasons),
                clean(proposal.text),
            ]
        )
    return BOM + buffer.getvalue()
