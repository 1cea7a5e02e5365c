"""What scoring works on: a candidate measure with its best passage (`Candidate`), a next measure's
passages and which of them are commitments (`MeasurePassages`), one measure while a query is scored
(`Scored`), and the TF-IDF vectors that rank whole measures."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from plancompare.match.index import Idf
from plancompare.match.units import Stems, Unit


@dataclass(frozen=True)
class Candidate:
    measure: int
    score: float  # 0-100: how well the passage answers the ask
    rank: float  # score plus context prior and whole-measure cosine: what candidates are ordered by
    passage: str
    base_passage: str
    coverage: float  # share of the ask's weight found in the passage, 0-1
    missing: tuple[str, ...]  # the ask's heaviest stems absent from the passage
    # What the pronoun or demonstrative the passage opens with points back to (text/commitment.py,
    # `Sentence.before`): shown before it, never read for the verdict.
    before: str = ""


@dataclass
class MeasurePassages:
    number: int
    passages: list[Unit]
    evidence: list[bool] = field(default_factory=list)  # which passages are commitments
    before: list[str] = field(default_factory=list)  # Candidate.before of each passage
    masses: list[float] = field(default_factory=list)  # IDF mass of each passage
    vector: dict[str, float] = field(default_factory=dict)  # whole measure, TF-IDF, unit length


def unit_vector(counts: Counter[str], idf: Idf) -> dict[str, float]:
    weights = {t: n * idf(t) for t, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def stem_counts(texts: Iterable[str], stems: Stems) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(stems(text))
    return counts


@dataclass
class Scored:
    """One candidate measure while a query is scored."""

    owner: int
    tops: list[int] = field(default_factory=list)  # best passage of each query unit
    best_contribution: float = -1.0
    best_unit: int = 0
    per_sentence: float = 0.0
    whole: float = 0.0
    whole_p: int = 0

    @property
    def score(self) -> float:
        return max(self.per_sentence, self.whole)

    def weigh(self, unit_scores: list[float], weights: list[float]) -> None:
        """`per_sentence` (the weighted mean of each query unit's best F2) and the unit that
        contributes most to it."""
        weighted = 0.0
        self.best_contribution = -1.0
        for ui, (top, w) in enumerate(zip(unit_scores, weights, strict=True)):
            weighted += w * top
            if w * top > self.best_contribution:
                self.best_contribution, self.best_unit = w * top, ui
        total_weight = sum(weights)
        self.per_sentence = weighted / total_weight if total_weight else 0.0
