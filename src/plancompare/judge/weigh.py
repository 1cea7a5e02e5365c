"""The engine's verdict weighed against what the confidence model finds most probable.

The thresholds decide a verdict from one score; the confidence model (confidence.py) reads every
signal of the proposal and gives the probability of each gold verdict, learnt on labelled drafts.
Where the two disagree, the model is right more often (on each development draft left out of its
fit, and on the held-out one: benchmarks/diff.py), mostly where it weakens a verdict; it strengthens
one to an adoption only when it is all but sure. So:

- a changed or dropped proposal takes whichever of the two the model finds more probable;
- an adopted one stays adopted only while the model finds « adopted » the most probable verdict by
  `ADOPTION_MARGIN` at least and, for an ask it has seen labelled, at least `ADOPTION_FLOOR` probable;
  else it becomes the more probable of changed and dropped;
- the model makes an adoption only where it finds « adopted » more probable than every other verdict
  by `MODEL_ADOPTION_LEAD`, and « n-a » (no ask: a rule on the text) is left alone;
- an ask the model was never fit on (judge/model.py) is weighed only where it is adopted: it stays
  adopted on the same terms, else it is changed. Without having seen the ask labelled, the model
  tells changed from dropped hardly better than the thresholds: on asks left out of its fit, moving
  those verdicts cost 3 to 6 points of recall of « adopted or changed » for 1 to 3 of precision, and
  ordered the verdicts for review no better.

Each verdict the model moves says so in its reason, with the probabilities, and keeps the passage
the engine found as its evidence; except where the engine found no passage that answers: an ask it
dropped shows, taken up by the model or still dropped, its candidate in the measure most like those
that took it up in the labelled drafts (places.py).
"""

from __future__ import annotations

import math
from typing import cast

from plancompare.config import MatchConfig
from plancompare.judge.classify import partial, topic_only
from plancompare.judge.confidence import CLASSES
from plancompare.judge.diff import Judged
from plancompare.judge.numeric import np
from plancompare.match.scoring import Candidate
from plancompare.models import ProposalVerdict, Reason

# A false « Adoptée » is the worst error a published table can make (it says the government did what
# it did not), so an adoption must be the model's most probable verdict by this much. Chosen on the
# development drafts, each left out of the model's fit: at 0.2-0.3 the precision of « adopted » rose
# by 1.8-2.5 points with macro-F1 unchanged; at 0.4 and above, macro-F1 fell (on seven drafts; on nine,
# 0.25 gives +1.1 and macro-F1 −0.3).
ADOPTION_MARGIN = 0.25
# The model adopts a changed or dropped verdict only when « adopted » leads every other verdict by
# this much (p ≥ 0.9 or so). It could not before it knew how the labelled drafts treated the ask
# (HISTORY in confidence.py): adopting at a lead of 0.25 then lowered the precision of « adopted ».
# Chosen on the development drafts, each left out of the fit, as the lead with the best precision of
# « adopted » among 0.4 to 0.9 (benchmarks/diff.py: 89.4 on average against 87.1 when the model never
# adopts, macro-F1 66.6 → 73.0): 0.8 then. Chosen again once the model read each ask's score scale
# (SCALE), as the lead of 0.8 to 0.95 with the best precision of « adopted » for under a point of
# macro-F1 (the criterion of ADOPTION_FLOOR): 0.85 (94.1 → 94.7, macro-F1 −0.5; 0.9 gave 94.8 for −1.3).
MODEL_ADOPTION_LEAD = 0.85
# For an ask the model has seen labelled, the engine's adoption stays only where the model finds it
# at least this probable. Below it, on the development drafts each left out of the fit, fewer than
# two in three such adoptions were right. Chosen there as the floor of 0.6 to 0.9 with the best
# precision of « adopted » for under a point of macro-F1 (0.8: 89.1 → 94.3, macro-F1 73.3 → 72.4;
# 0.75: 92.2; 0.85: 94.3 and 71.0; 0.9: 95.2 and 69.1). Not for a new ask: the general regression's
# probabilities are flatter, and the same floor took macro-F1 from 54.9 to 43.0 there.
ADOPTION_FLOOR = 0.8


def weighed_verdict(engine: str, probabilities: np.ndarray, *, adoptions_only: bool = False) -> str:
    """The verdict shown for an engine verdict and the model's probabilities (in CLASSES order);
    `adoptions_only`: an ask the model was never fit on (only an adoption is weighed)."""
    if engine not in ("adopted", "changed", "dropped") or (adoptions_only and engine != "adopted"):
        return engine
    p = dict(zip(CLASSES, (float(v) for v in probabilities), strict=True))
    lead = p["adopted"] - max(p[v] for v in CLASSES if v != "adopted")
    if engine != "adopted" and lead >= MODEL_ADOPTION_LEAD:
        return "adopted"
    keeps = engine == "adopted" and (adoptions_only or p["adopted"] >= ADOPTION_FLOOR)
    allowed = ("adopted", "changed", "dropped") if keeps else ("changed", "dropped")

    def weight(v: str) -> float:
        return p[v] - (ADOPTION_MARGIN if v == "adopted" else 0.0)

    # Ties go to the engine's verdict, then to the first of `allowed` (deterministic).
    shown = max(allowed, key=lambda v: (weight(v), v == engine, -allowed.index(v)))
    return "changed" if adoptions_only and shown == "dropped" else shown


def _odds(probabilities: np.ndarray, verdict: str, engine: str, known: bool = True) -> str:
    p = {v: float(probabilities[CLASSES.index(v)]) for v in (verdict, engine)}
    if engine == "adopted" and known and p[engine] < ADOPTION_FLOOR:
        below = f"{p[engine]:.2f}"
        if float(below) >= ADOPTION_FLOOR:  # 0.7996 is not « 0.80, less than 0.8 »: one more digit, cut
            below = f"{math.floor(p[engine] * 1000) / 1000:.3f}"
        return (
            f"on the labelled drafts, « {engine} » (p = {below}) is less probable than the "
            f"{ADOPTION_FLOOR:g} an adoption needs; « {verdict} » (p = {p[verdict]:.2f})"
        )
    if p[verdict] <= p[engine]:  # an adoption that does not lead by the margin
        return (
            f"on the labelled drafts, « {engine} » (p = {p[engine]:.2f}) does not lead « {verdict} » "
            f"(p = {p[verdict]:.2f}) by the {ADOPTION_MARGIN:g} an adoption needs"
        )
    return (
        f"on the labelled drafts, verdicts with these signals were more often « {verdict} » "
        f"(p = {p[verdict]:.2f}) than « {engine} » (p = {p[engine]:.2f})"
    )


def weighed(
    judged: Judged,
    probabilities: np.ndarray,
    aligned: list[list[Candidate]],
    known: np.ndarray | None = None,
    history: list[tuple[int, ...]] | None = None,
    placed: list[list[Candidate]] | None = None,
    cfg: MatchConfig | None = None,
) -> Judged:
    """`judged` with each verdict the model moves moved (`aligned`: each proposal's candidates;
    `known`: which asks the model was fit on, None for all; `history`: how many times the labelled
    drafts gave each ask each class, in the reason's `labelled` so that a reader sees what the model
    knew; `placed`: each proposal's candidates with first the one where the labelled drafts took the
    ask up, see places.py; `cfg`: the thresholds the engine judged with, to say why the placed passage
    of a proposal still dropped does not answer it)."""
    out: Judged = []
    seen = np.ones(len(judged), dtype=bool) if known is None else known
    told = history or [()] * len(judged)
    for (verdict, score, kept, reasons), row, cands, fit_on, counts, where in zip(
        judged, probabilities, aligned, seen, told, placed or aligned, strict=True
    ):
        new = weighed_verdict(verdict, row, adoptions_only=not fit_on)
        if new == verdict or not cands:
            # Still dropped: shown beside the placed candidate, unless that one scores as an answer.
            placed_first = where[0] if verdict == "dropped" and where and where[0] is not cands[0] else None
            if placed_first is not None and cfg is not None and placed_first.score < cfg.match:
                out.append(_placed_drop(placed_first, reasons, cfg))
            else:
                out.append((verdict, score, kept, reasons))
            continue
        best, placed_note = cands[0], ""
        if verdict == "dropped" and new in ("adopted", "changed") and where and where[0] is not best:
            # No passage answered: the evidence is the ask's first candidate in the measure most like
            # those that took it up in the labelled drafts, not the nearest passage anywhere.
            best, kept, score = where[0], [], where[0].score  # the score of the passage shown
            placed_note = f"; the passage is in measure {best.measure}, most like where they took the ask up"
        # A new ask's adoption gives way to changed whichever of changed and dropped is the more probable.
        rival = new if fit_on else max(("changed", "dropped"), key=lambda v: float(row[CLASSES.index(v)]))
        why = _odds(row, rival, verdict, bool(fit_on))
        labelled = {v: n for v, n in zip(CLASSES, counts, strict=True) if n} if fit_on and counts else {}
        # The passage the engine found stays the evidence, whichever way the verdict moved; an adoption
        # the model makes needs no reason of what is missing.
        if new == "dropped":
            moved, evidence = [topic_only(best, "not the ask (weighed)")], [best]
        elif new == "adopted":
            moved, evidence = [], kept or [best]
        else:
            moved, evidence = [partial(best, "only part of the ask is found (weighed)")], kept or [best]
        weighing = Reason(
            code="weighed", base=verdict, next=new, detail=why + placed_note, labelled=labelled or None
        )
        kept_reasons = [r for r in reasons if r.code == "no-ask"]
        out.append((cast(ProposalVerdict, new), score, evidence, [*moved, weighing, *kept_reasons]))
    return out


def _placed_drop(
    shown: Candidate, reasons: list[Reason], cfg: MatchConfig
) -> tuple[ProposalVerdict, float, list[Candidate], list[Reason]]:
    """A proposal the engine dropped, shown beside the candidate places.py put first (scoring under
    `cfg.match`): why it does not answer, in the engine's terms, and the engine's other reasons."""
    if shown.score >= cfg.topic:
        why = topic_only(shown, f"not the ask (threshold {cfg.match:g})")
    else:
        detail = f"no passage answers it (shown: measure {shown.measure}, score {shown.score:g})"
        why = Reason(code="no-match", detail=detail)
    others = [r for r in reasons if r.code not in ("topic-only", "no-match")]
    return "dropped", shown.score, [shown], [why, *others]
