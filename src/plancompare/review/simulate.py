"""`simulate`: an analyst who answers from a labels file, replayed through a review `Session`.

After each decision, the table (the analyst's verdicts where decided, the adapted engine's
elsewhere) is scored against the labels: accuracy and macro-F1 over the labelled proposals (« n-a »
included: an analyst decides those too), and, when the labels say what became of the base measures,
the share of those the table gets right (verdict and next measures: they are read from the proposals
as decided). The same labels, order and seed give the same curve.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from plancompare.judge.adapt import Adapter
from plancompare.judge.labels import GoldLabels
from plancompare.models import NOT_AN_ASK, PROPOSAL_VERDICTS
from plancompare.review.session import MemoryStore, Session

SIMULATION_ORDERS = ("confidence", "document", "random")
TARGETS = (0.90, 0.95, 1.00)


@dataclass(frozen=True)
class Step:
    decided: int
    accuracy: float
    macro_f1: float
    measures: float | None = None  # share of the labelled base measures right; None if none is


@dataclass(frozen=True)
class Curve:
    order: str
    total: int
    steps: list[Step]  # after 0, 1, ..., total decisions
    measures: int = 0  # labelled base measures

    def measures_left(self) -> int | None:
        """The base-measure decisions an exact table still needs once every proposal is decided."""
        last = self.steps[-1].measures
        return None if last is None else round(self.measures * (1 - last))

    def decisions_to(self, target: float) -> int:
        """Decisions made when the table first reaches `target` accuracy."""
        return next(s.decided for s in self.steps if s.accuracy >= target - 1e-12)

    def at(self, share: float) -> Step:
        """The table after `share` of the proposals are decided (rounded up)."""
        return self.steps[min(self.total, math.ceil(share * self.total - 1e-9))]


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Mean F1 over the verdicts the labels hold."""
    classes = [v for v in PROPOSAL_VERDICTS if v in gold]
    f1s = []
    for v in classes:
        tp = sum(g == v and p == v for g, p in zip(gold, predicted, strict=True))
        pred = sum(p == v for p in predicted)
        real = sum(g == v for g in gold)
        precision = tp / pred if pred else 0.0
        recall = tp / real if real else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(f1s) / len(f1s) if f1s else 1.0


def _measures_right(session: Session, labels: GoldLabels) -> float | None:
    """The share of the labelled base measures whose verdict and next measures the table gets right."""
    if not labels.measures:
        return None
    right = sum(
        (m.verdict, tuple(sorted(m.next)))
        == (labels.measures[m.number][0], tuple(sorted(labels.measures[m.number][1])))
        for m in session.result.measures
        if m.number in labels.measures
    )
    return right / len(labels.measures)


def _table(session: Session, answers: dict[str, tuple[str, tuple[int, ...]]], labels: GoldLabels) -> Step:
    gold, predicted = [], []
    for p in session.walked():
        expected = answers[p.id][0]
        gold.append(expected)
        if session.is_decided(p.id):
            decision = session.decisions[p.id]
            predicted.append(decision.verdict)
        else:
            predicted.append(p.verdict)
    right = sum(g == v for g, v in zip(gold, predicted, strict=True))
    decided = sum(session.is_decided(p.id) for p in session.walked())
    accuracy = right / len(gold) if gold else 1.0
    return Step(decided, accuracy, macro_f1(gold, predicted), _measures_right(session, labels))


def simulate(adapter: Adapter, labels: GoldLabels, order: str = "confidence", seed: int = 0) -> Curve:
    """Decide every labelled proposal as the labels say, in `order`, scoring the table each time."""
    answers = labels.resolve(adapter.al.proposals)
    session = Session(adapter, MemoryStore(), order=order, lang="en", seed=seed, only=frozenset(answers))
    steps = [_table(session, answers, labels)]
    while (current := session.current()) is not None:
        verdict, measures = answers[current.id]
        known = [n for n in measures if n in session.next_measures]
        if verdict not in ("dropped", NOT_AN_ASK) and not known:
            known = []  # the engine's first candidate stands in
        session.decide(current.id, verdict, known)
        steps.append(_table(session, answers, labels))
    return Curve(order, len(answers), steps, len(labels.measures))
