"""Twins: a review that says the same thing twice about one measure.

The coalition's table repeats itself (M03-P04 and M03-P07 are one sentence, « Ces campagnes doivent
permettre de sensibiliser le public… », written under two paragraphs of the plan's measure 3). An
analyst decides them alike, so a decision on one settles the other: the undecided twin takes its
verdict and passages, says whose decision it follows, and is shown last in `review` (its confidence is
that of twins decided alike on the labelled drafts). Only proposals about the same base measure are
twins: « La MIPROF doit être impliquée » under measure 8 and under measure 9 ask for different things.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from plancompare.models import DiffResult, ProposalResult, Reason
from plancompare.text.normalise import fold

# Texts this alike (rapidfuzz token_sort_ratio, 0-100) are one ask written twice; the review's two
# pairs score 90 and 98, its next most alike proposals of one measure under 70.
SAME_TEXT = 88.0
MIN_WORDS = 6  # short asks (« Prévoir des modules de formation. ») repeat without being twins
# How often twins are right when one of them is decided: on the nine development drafts the two
# pairs of twins carry the same label every time (18 of 18); (18 + 1) / (18 + 2), Laplace's rule.
TWIN_CONFIDENCE = 0.95
_FOLLOWS = "the same ask as this one, decided by the analyst"


def twins(proposals: list[ProposalResult]) -> dict[str, list[str]]:
    """Proposal id → the ids of its twins (same base measure, near-identical text)."""
    texts = {p.id: " ".join(fold(p.text).split()) for p in proposals}
    out: dict[str, list[str]] = {}
    for i, a in enumerate(proposals):
        if len(texts[a.id].split()) < MIN_WORDS:
            continue
        for b in proposals[i + 1 :]:
            if b.measure != a.measure or len(texts[b.id].split()) < MIN_WORDS:
                continue
            if fuzz.token_sort_ratio(texts[a.id], texts[b.id]) >= SAME_TEXT:
                out.setdefault(a.id, []).append(b.id)
                out.setdefault(b.id, []).append(a.id)
    return out


def follow_twins(result: DiffResult) -> DiffResult:
    """`result` with each proposal the engine judged taking the verdict an analyst gave its twin."""
    by_id = {p.id: p for p in result.proposals}
    pairs = twins(result.proposals)
    proposals = []
    for p in result.proposals:
        decided = [by_id[t] for t in pairs.get(p.id, []) if by_id[t].decided_by == "analyst"]
        if p.decided_by == "analyst" or not decided:
            proposals.append(p)
            continue
        twin = decided[0]
        proposals.append(
            p.model_copy(
                update={
                    "verdict": twin.verdict,
                    "matches": twin.matches,
                    "score": twin.score,
                    "reasons": [Reason(code="twin", base=twin.id, detail=_FOLLOWS)],
                    "confidence": TWIN_CONFIDENCE,
                }
            )
        )
    return result.model_copy(update={"proposals": proposals})
