"""Learning from decisions: the analyst's verdicts on a plan adapt the engine for its other proposals.

The next plan is aligned once (`diff.align_sides`); each set of decisions then
1. refits the thresholds (`match`, `adopt`, and `topic` in proportion) on the decided proposals,
   with the corpus's thresholds as the prior: a threshold moves only as far as the decisions it gets
   right are worth its distance from the prior (`adapt.threshold_cost` decisions per point);
2. re-judges every proposal with those thresholds (`diff.judge_proposals`, cached per thresholds);
3. refits the confidence model's regressions (judge/model.py: the one for asks it was fit on, and the
   general one for the others) on the decisions, with the shipped coefficients as the prior (a
   penalty `adapt.penalty` × ‖W − W_shipped‖² / 2), and gives each verdict its probability (the
   shipped trees, blended in, stay as they are: they need scikit-learn to refit);
4. applies the decisions themselves over the result (`decisions.apply_decisions`), then reads the
   base measures again from the proposals as decided (`diff.measures_as_decided`), and applies the
   decisions on base measures last (`decided_measures.apply_measure_decisions`).

With no decision, the result is the engine's (`diff.compare`) with the shipped model's confidences,
and the same decisions always give the same result, to the byte: nothing here is random.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import cached_property

from plancompare.config import MatchConfig
from plancompare.judge.confidence import CLASSES, FEATURES, HISTORY, Signals, features, signals
from plancompare.judge.decided_measures import apply_measure_decisions
from plancompare.judge.decisions import RecordedDecision, apply_decisions, fingerprint
from plancompare.judge.diff import (
    Alignment,
    Judged,
    align_sides,
    judge_proposals,
    measures_as_decided,
    result_of,
)
from plancompare.judge.model import Model, confidence_of, measure_confidences, shipped
from plancompare.judge.numeric import np
from plancompare.judge.places import Placer, Places
from plancompare.judge.scales import Scales, scale_inputs
from plancompare.judge.softmax import fit_softmax
from plancompare.judge.twins import follow_twins
from plancompare.judge.weigh import weighed
from plancompare.match.scoring import Candidate
from plancompare.models import DiffResult, Side, is_measure_id


def fit_thresholds(
    decided: list[tuple[Signals, str]], prior: MatchConfig, cost: float, reach: float = 15.0
) -> MatchConfig:
    """`match` and `adopt` that get the most decisions right, less `cost` per point away from the
    prior's (a decision of « n-a » is not counted); `topic` keeps its ratio to `match`. Ties keep
    the prior, then the lowest thresholds. Candidates: the prior's values and the midpoints between
    decided scores (and just past the lowest and highest) within `reach` points of them."""
    kept = [(s, gold) for s, gold in decided if gold in ("adopted", "changed", "dropped")]
    if not kept:
        return prior
    scores = np.array([s.score for s, _ in kept])
    changes = np.array([bool(s.changes) for s, _ in kept])
    gold = np.array([("adopted", "changed", "dropped").index(g) for _, g in kept])
    distinct = sorted(set(scores.tolist()))
    cuts = {prior.match, prior.adopt}
    cuts |= {round((a + b) / 2, 2) for a, b in itertools.pairwise(distinct)}
    cuts |= {round(v + step, 2) for v in (distinct[0], distinct[-1]) for step in (-0.05, 0.05)}
    lo, hi = min(prior.match, prior.adopt) - reach, max(prior.match, prior.adopt) + reach
    grid = np.array(sorted(c for c in cuts if lo <= c <= hi))
    # predicted class for every (match, adopt) pair: dropped under match; changed with a change
    # reason or under adopt; else adopted (calibrate.predict, vectorised).
    m = grid[:, None, None]
    a = grid[None, :, None]
    s = scores[None, None, :]
    predicted = np.where(s < m, 2, np.where(changes[None, None, :] | (s < a), 1, 0))
    right = (predicted == gold[None, None, :]).sum(axis=2).astype(float)
    moved = np.abs(grid[:, None] - prior.match) + np.abs(grid[None, :] - prior.adopt)
    objective = right - cost * moved
    objective[grid[:, None] > grid[None, :]] = -np.inf  # adopt is never under match
    best = float(objective.max())
    # Ties: the smallest move from the prior, then the lowest thresholds (deterministic).
    ties = sorted(
        (float(moved[i, j]), float(grid[i]), float(grid[j]))
        for i, j in zip(*np.nonzero(objective >= best - 1e-9), strict=True)
    )
    _, match, adopt = ties[0]
    if match == prior.match and adopt == prior.adopt:
        return prior
    ratio = prior.topic / prior.match if prior.match else 0.6
    return replace(prior, match=match, adopt=adopt, topic=round(ratio * match, 2))


@dataclass
class Adapter:
    """One pair of sides aligned once; `result(decisions)` judges it with what the decisions teach."""

    base: Side
    next_side: Side
    cfg: MatchConfig
    al: Alignment
    signals: list[Signals]
    given_model: Model | None = None  # None: the shipped coefficients
    _judged: dict[tuple[float, ...], Judged] = field(default_factory=dict)
    # id of a model's places → those places (kept, so that the id stays theirs) and `placed`'s answer
    _placed: dict[int, tuple[Places, list[list[Candidate]]]] = field(default_factory=dict)

    @classmethod
    def build(cls, base: Side, next_side: Side, cfg: MatchConfig, model: Model | None = None) -> Adapter:
        al = align_sides(base, next_side, cfg)
        return cls(base, next_side, cfg, al, signals(al, cfg), model)

    @cached_property
    def placer(self) -> Placer:
        return Placer(self.al.next_by_number.values())

    @property
    def model(self) -> Model:
        return self.given_model or shipped()

    def judged(self, cfg: MatchConfig) -> Judged:
        key = tuple(cfg.thresholds().values())
        if key not in self._judged:
            self._judged[key] = judge_proposals(self.al, cfg)
        return self._judged[key]

    def weigh(self, cfg: MatchConfig, model: Model | None = None) -> tuple[Judged, np.ndarray]:
        """The engine's verdicts under `cfg` weighed by `model` (the adapter's own when None), and
        the model's probabilities."""
        judged = self.judged(cfg)
        # A model being fit (scripts/fit_confidence.py) is passed in: the shipped one may be stale.
        used = model or self.model
        texts = [p.text for p in self.al.proposals]
        known = used.knows(texts)
        p = used.probabilities(self.matrix(judged, cfg, used), known)
        history = [used.history.get(fingerprint(t), ()) for t in texts]
        aligned = [cands for _, cands in self.al.aligned]
        return weighed(judged, p, aligned, known, history, self.placed(used), cfg), p

    def placed(self, model: Model | None = None) -> list[list[Candidate]]:
        """Each proposal's candidates, first the one in the measure most like where the labelled drafts
        of `model` (the adapter's own when None) took its ask up (places.py)."""
        places = (model or self.model).places
        key = id(places)
        if key not in self._placed:
            self._placed.clear()  # one model at a time: the shipped one, or one being fit
            self._placed[key] = (
                places,
                [
                    self.placer.placed(cands, places.get(fingerprint(p.text)))
                    for p, (_, cands) in zip(self.al.proposals, self.al.aligned, strict=True)
                ],
            )
        return self._placed[key][1]

    def matrix(self, judged: Judged, cfg: MatchConfig, model: Model | None) -> np.ndarray:
        """The model's inputs for every proposal, the asks' history read from `model` (None: no
        history, what scripts/fit_confidence.py starts from before it gives each draft its own)."""
        texts = [p.text for p in self.al.proposals]
        history = model.history_rates(texts) if model is not None else np.zeros((len(texts), len(HISTORY)))
        place = self.likeness(judged, model.places) if model is not None else [0.0] * len(texts)
        scale = self.scaled(model.scales) if model is not None else [(0.0, 0.0)] * len(texts)
        rows = [
            features(s, verdict, cfg, tuple(h), w, c)
            for s, (verdict, *_), h, w, c in zip(self.signals, judged, history, place, scale, strict=True)
        ]
        return np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))

    def likeness(self, judged: Judged, places: Places) -> list[float]:
        """PLACE for every proposal: how like the measure of its verdict's passage (its nearest for a
        dropped one) is to where `places` puts its ask; 0 where they put it nowhere."""
        out = []
        for p, (_, _, kept, _) in zip(self.al.proposals, judged, strict=True):
            place = places.get(fingerprint(p.text))
            out.append(self.placer.likeness(place).get(kept[0].measure, 0.0) if place and kept else 0.0)
        return out

    def scaled(self, scales: Scales) -> list[tuple[float, float]]:
        """SCALE for every proposal: its score against its own scale in `scales` (scales.py)."""
        return [
            scale_inputs(scales, fingerprint(p.text), s.score)
            for p, s in zip(self.al.proposals, self.signals, strict=True)
        ]

    def learned(self, decisions: dict[str, RecordedDecision], result: DiffResult) -> dict[int, str]:
        """proposal index → the analyst's verdict, for the decisions that apply (not stale)."""
        index = {p.id: i for i, p in enumerate(self.al.proposals)}
        fresh = {p.id for p in result.proposals if p.decided_by == "analyst"}
        out: dict[int, str] = {}
        for pid, decision in sorted(decisions.items()):
            if pid in index and (pid in fresh or (decision.verdict == "n-a" and _fresh(decision, result))):
                out[index[pid]] = decision.verdict
        return out

    def penalties(self) -> np.ndarray:
        """The adaptation's pull toward the shipped coefficients, per feature: the intercept and the
        verdict's own terms (this plan's base rates) move more freely than the rest."""
        adapt = self.model.adapt
        free = {"bias", *(f for f in FEATURES if f.startswith("verdict_"))}
        return np.array(
            [adapt.get("bias_penalty", adapt["penalty"]) if f in free else adapt["penalty"] for f in FEATURES]
        )

    def refit(self, learned: dict[int, str], cfg: MatchConfig) -> Model:
        """The model with its regressions refit on the decisions `learned` (proposal index → verdict),
        the shipped coefficients as the prior; the trees stay as shipped."""
        x = self.matrix(self.judged(cfg), cfg, self.model)
        rows = sorted(learned)
        gold = np.array([CLASSES.index(learned[i]) for i in rows])

        def fit(prior: np.ndarray) -> np.ndarray:
            return fit_softmax(
                x[rows],
                gold,
                classes=len(CLASSES),
                penalty=self.penalties(),
                prior=prior,
                iterations=int(self.model.adapt["iterations"]),
            )

        general = None if self.model.general is None else fit(self.model.general)
        return replace(self.model, weights=fit(self.model.weights), general=general)

    def result(self, decisions: dict[str, RecordedDecision] | None = None, *, lang: str = "en") -> DiffResult:
        decisions = decisions or {}
        judged = self.judged(self.cfg)
        # Decisions on base measures are applied last, over what the proposals make of them.
        applicable = {pid: d for pid, d in decisions.items() if not is_measure_id(pid)}
        learned: dict[int, str] = {}
        if applicable:
            engine = result_of(self.base, self.next_side, self.al, judged, self.cfg)
            learned = self.learned(decisions, apply_decisions(engine, applicable, lang=lang))
        cfg, model = self.cfg, self.model
        if learned:
            cfg = fit_thresholds(
                [(self.signals[i], v) for i, v in sorted(learned.items())],
                self.cfg,
                self.model.adapt["threshold_cost"],
            )
            model = self.refit(learned, cfg)
        # The verdicts the model finds less probable than a weaker one are weakened (weigh.py), and
        # the base measures are judged from those.
        judged, probabilities = self.weigh(cfg, model)
        engine = result_of(self.base, self.next_side, self.al, judged, cfg)
        confidence = confidence_of(probabilities, [v for v, *_ in judged])
        engine = engine.model_copy(
            update={
                "proposals": [
                    p.model_copy(update={"confidence": c})
                    for p, c in zip(engine.proposals, confidence, strict=True)
                ],
                "settings": engine.settings.model_copy(
                    update={
                        "adapted_on": len(learned),
                        "history_from": self.model.added,
                        "own_history": self.model.own,
                    }
                ),
            }
        )
        if not applicable:
            return apply_measure_decisions(self.measure_confidence(engine, cfg), decisions, lang=lang)
        result = apply_decisions(engine, applicable, lang=lang)
        result = result.model_copy(
            update={
                "proposals": [
                    p.model_copy(update={"confidence": 1.0}) if p.decided_by == "analyst" else p
                    for p in result.proposals
                ]
            }
        )
        # A decision also settles the review's repetition of the same ask (judge/twins.py); the base
        # measures are then read from the proposals as decided.
        result = measures_as_decided(follow_twins(result), self.al, cfg)
        return apply_measure_decisions(self.measure_confidence(result, cfg), decisions, lang=lang)

    def measure_confidence(self, result: DiffResult, cfg: MatchConfig) -> DiffResult:
        """`result` with each base measure's confidence (the shipped model's: decisions do not refit it)."""
        confidence = measure_confidences(result, cfg, self.model)
        measures = [
            m.model_copy(update={"confidence": c}) for m, c in zip(result.measures, confidence, strict=True)
        ]
        return result.model_copy(update={"measures": measures})


def _fresh(decision: RecordedDecision, result: DiffResult) -> bool:
    """An « n-a » decision (not an ask) applies while the proposal's text is the one decided."""
    text = {p.id: p.text for p in result.proposals}.get(decision.id)
    return text is not None and fingerprint(text) == decision.fingerprint


def adapted_result(
    base: Side,
    next_side: Side,
    cfg: MatchConfig,
    decisions: dict[str, RecordedDecision] | None = None,
    *,
    lang: str = "en",
    model: Model | None = None,
) -> DiffResult:
    """What `diff` shows: the engine's verdicts adapted to the decisions, the decisions applied,
    and every verdict's confidence (`model`: the shipped one when None, else one with earlier
    reviews' decisions in its history, judge/history.py)."""
    return Adapter.build(base, next_side, cfg, model).result(decisions, lang=lang)


def compare(base: Side, next_side: Side, config: MatchConfig | None = None) -> DiffResult:
    """What `plancompare diff` gives with no decision: the engine's verdicts (`diff.compare`) weighed
    by the shipped confidence model, each with its confidence (`config`: the thresholds; default
    values when not given)."""
    return Adapter.build(base, next_side, config or MatchConfig()).result()
