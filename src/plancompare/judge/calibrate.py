"""Fit the matching thresholds on labelled outcomes and measure them by k-fold cross-validation.

The aligner runs once; thresholds only decide verdicts from its scores, so each fold refits them on
the training proposals and judges the held-out ones. Folds are assigned by hashing proposal ids
(deterministic, independent of file order).

`n-a` (an item that asks nothing: praise, a statement of fact) is a class of its own: thresholds do
not decide it, the engine's reading of the text does. Macro-F1, taken-up F1 and the scores of
adopted, changed and dropped are measured on the items labelled as asks (an ask the engine calls
`n-a` is a miss of its class); `n-a`'s precision, recall and F1 are measured on all labelled items
and reported apart, outside macro-F1.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, replace

from plancompare.config import MatchConfig
from plancompare.judge.diff import Alignment, effective, judge_base_measures, judge_proposal, judge_proposals
from plancompare.judge.labels import GoldLabels
from plancompare.judge.reasons import change_reasons
from plancompare.models import ASK_VERDICTS, NOT_AN_ASK, PROPOSAL_VERDICTS


@dataclass(frozen=True)
class Observation:
    """What the verdict of one labelled proposal is decided from."""

    id: str
    gold: str
    gold_measures: tuple[int, ...]
    score: float
    measure: int | None  # the best candidate's measure
    changes: bool  # a change reason (figure, modality, actor, scope) between the ask and that passage
    not_an_ask: bool = False  # the engine reads the text as asking nothing (verdict n-a, whatever the score)


@dataclass(frozen=True)
class Scores:
    per_verdict: dict[str, tuple[float, float, float]]  # precision, recall, F1 (n-a's apart: see above)
    macro_f1: float  # over adopted, changed and dropped only
    confusion: dict[str, dict[str, int]]  # gold → predicted → count, n-a included
    taken_up_f1: float
    first_measure: float  # share of taken-up proposals whose best match is a right measure
    n: int  # labelled items, n-a included
    not_asks: int = 0  # of which labelled n-a


def fold_of(key: str, k: int) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big") % k


def observe(al: Alignment, labels: GoldLabels, cfg: MatchConfig | None = None) -> list[Observation]:
    """What each labelled proposal of `al` (`diff.align_sides`: every proposal is aligned, not only
    the labelled ones, for they compete for passages) has its verdict decided from (`cfg`: only
    `claimed` is read; the thresholds that `fit` chooses are not). Whether the engine reads an item
    as asking nothing is its own verdict (`judge_proposal` with `cfg`) being `n-a`."""
    cfg = cfg or MatchConfig()
    gold_of = labels.resolve(al.proposals)
    out = []
    for p, (query, cands), missed in zip(al.proposals, al.aligned, al.missed, strict=True):
        if p.id not in gold_of:
            continue
        claim = al.claims.get(p.id)
        best = effective(cands[0] if cands else None, claim, cfg)
        measure = al.next_by_number.get(best.measure) if best else None
        changes = missed is not None or bool(best and change_reasons(query.whole.text, best.passage, measure))
        verdict = judge_proposal(query, cands, al.next_by_number, cfg, claim)[0]
        gold, gold_measures = gold_of[p.id]
        out.append(
            Observation(
                p.id,
                gold,
                gold_measures,
                best.score if best else 0.0,
                best.measure if best else None,
                changes,
                verdict == NOT_AN_ASK,
            )
        )
    return out


def predict(o: Observation, match: float, adopt: float, use_changes: bool = True) -> str:
    if o.not_an_ask:
        return NOT_AN_ASK
    if o.score < match:
        return "dropped"
    if (use_changes and o.changes) or o.score < adopt:
        return "changed"
    return "adopted"


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    prec = tp / predicted if predicted else 0.0
    rec = tp / gold if gold else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def score(obs: list[Observation], predicted: list[str]) -> Scores:
    """Scores of `predicted` against the labels: adopted, changed, dropped, macro-F1 and taken-up F1
    on the items labelled as asks; n-a on all (see the module's docstring)."""
    confusion: dict[str, dict[str, int]] = {g: dict.fromkeys(PROPOSAL_VERDICTS, 0) for g in PROPOSAL_VERDICTS}
    for o, p in zip(obs, predicted, strict=True):
        confusion[o.gold][p] += 1
    per: dict[str, tuple[float, float, float]] = {}
    for v in ASK_VERDICTS:
        pred = sum(confusion[g][v] for g in ASK_VERDICTS)
        per[v] = _prf(confusion[v][v], pred, sum(confusion[v].values()))
    na = NOT_AN_ASK
    per[na] = _prf(
        confusion[na][na], sum(confusion[g][na] for g in PROPOSAL_VERDICTS), sum(confusion[na].values())
    )
    asks = [(o, p) for o, p in zip(obs, predicted, strict=True) if o.gold != na]
    tu_gold = [o.gold in ("adopted", "changed") for o, _ in asks]
    tu_pred = [p in ("adopted", "changed") for _, p in asks]
    tp = sum(g and p for g, p in zip(tu_gold, tu_pred, strict=True))
    _, _, taken_up = _prf(tp, sum(tu_pred), sum(tu_gold))
    taken = [o for o, _ in asks if o.gold != "dropped"]
    first = sum(o.measure in o.gold_measures for o in taken) / len(taken) if taken else 0.0
    return Scores(
        per_verdict=per,
        macro_f1=sum(per[v][2] for v in ASK_VERDICTS) / len(ASK_VERDICTS),
        confusion=confusion,
        taken_up_f1=taken_up,
        first_measure=first,
        n=len(obs),
        not_asks=sum(o.gold == na for o in obs),
    )


def _cuts(values: list[float]) -> list[float]:
    """Candidate thresholds: midpoints between distinct observed scores (and the ends)."""
    distinct = sorted(set(values))
    cuts = [distinct[0] - 1.0] if distinct else [0.0]
    cuts += [round((a + b) / 2, 2) for a, b in itertools.pairwise(distinct)]
    return [*cuts, (distinct[-1] + 1.0) if distinct else 100.0]


def fit(obs: list[Observation], use_changes: bool = True) -> tuple[float, float]:
    """(match, adopt) maximising macro-F1 on `obs` (ties: the lowest thresholds)."""
    cuts = _cuts([o.score for o in obs])
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    for i, match in enumerate(cuts):
        for adopt in cuts[i:]:
            f1 = score(obs, [predict(o, match, adopt, use_changes) for o in obs]).macro_f1
            if f1 > best[0] + 1e-12:
                best = (f1, match, adopt)
    return best[1], best[2]


def cross_validate(obs: list[Observation], k: int = 5, use_changes: bool = True) -> Scores:
    predicted: dict[str, str] = {}
    for fold in range(k):
        train = [o for o in obs if fold_of(o.id, k) != fold]
        test = [o for o in obs if fold_of(o.id, k) == fold]
        if not test:
            continue
        match, adopt = fit(train, use_changes)
        for o in test:
            predicted[o.id] = predict(o, match, adopt, use_changes)
    return score(obs, [predicted[o.id] for o in obs])


# --- base measures -------------------------------------------------------------------------------


def fit_measures(al: Alignment, labels: GoldLabels, cfg: MatchConfig) -> tuple[MatchConfig, float]:
    """`successor` and `kept` maximising the share of base measures given their labelled verdict
    (`cfg`'s proposal thresholds decide where proposals went: see `diff.judge_base_measures`)."""
    if not labels.measures:
        return cfg, 0.0
    judged = judge_proposals(al, cfg)
    best = (-1.0, cfg)
    for successor in range(10, 72, 2):
        for kept in range(successor, 92, 2):
            trial = replace(cfg, successor=float(successor), kept=float(kept))
            results, _ = judge_base_measures(al, judged, trial)
            right = sum(labels.measures.get(r.number, ("", ()))[0] == r.verdict for r in results)
            share = right / len(labels.measures)
            if share > best[0] + 1e-12:
                best = (share, trial)
    return best[1], best[0]


def confusion_rows(s: Scores) -> list[list[str]]:
    rows = [["gold \\ engine", *PROPOSAL_VERDICTS]]
    rows += [[g, *(str(s.confusion[g][p]) for p in PROPOSAL_VERDICTS)] for g in PROPOSAL_VERDICTS]
    return rows
