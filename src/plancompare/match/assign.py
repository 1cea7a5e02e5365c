"""Assignment: proposals that compete for the same passage of the next plan.

A plan's sentence is mostly written to answer one ask. When several proposals find their best
evidence in the same passage, the one it answers best keeps it; the others are « claimed »: their
score counts for `MatchConfig.claimed` of itself, since their own ask is less likely to be what the
passage answers. On the labelled sample drafts, about half the claimed proposals were dropped,
against a quarter of the others. Near-identical proposals (a review repeats some) do not compete.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from plancompare.match.scoring import Candidate
from plancompare.models import Proposal

SAME_TEXT = 90.0  # rapidfuzz ratio above which two proposals are the same ask repeated


@dataclass(frozen=True)
class Claim:
    """The proposal that the shared passage answers better, and its score."""

    by: str
    score: float


def claims(proposals: list[Proposal], candidates: list[list[Candidate]]) -> dict[str, Claim]:
    """proposal id → the claim on its best passage, for proposals whose best passage answers
    another proposal better (higher score; ties to the lower id). Order-free."""
    holders: dict[tuple[int, str], list[tuple[float, str, str]]] = defaultdict(list)
    for p, cands in zip(proposals, candidates, strict=True):
        if cands:
            best = cands[0]
            holders[(best.measure, best.passage)].append((best.score, p.id, p.text))
    out: dict[str, Claim] = {}
    for competing in holders.values():
        competing.sort(key=lambda item: (-item[0], item[1]))
        top_score, top_id, top_text = competing[0]
        for _, pid, text in competing[1:]:
            if fuzz.ratio(text, top_text) < SAME_TEXT:
                out[pid] = Claim(top_id, top_score)
    return out
