"""Where the labelled drafts took each ask up, in words, and which measure of a new plan is like it.

When the confidence model turns a « dropped » into « adopted » or « changed » (judge/weigh.py), it is
the ask's history that speaks: the engine found no passage that answers, so its nearest passage, shown
as the evidence, is often in another measure (a housing sentence for an ask about a training module).
The labelled drafts say more than how often an ask was taken up: which of their measures took it up.
`fit_places` keeps, for each ask, the words of those measures (`Places`); `Placer` then finds, among an
ask's first candidates in a new plan, the one in the measure most like them.

Of the verdicts the model moves from dropped to taken up and the labels take up, the first measure
shown was a labelled one for 81 % on the development drafts (each with the places of the others only)
and, measured after, 72 % on the four drafts written blind; chosen by places, 93 % and 83 %. The
engine's own adoptions and changes keep the passages it judged: re-ordering them gained little (92 →
92 %, 90 → 90 %) and would show evidence the engine did not read.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from plancompare.match.scoring import Candidate
from plancompare.models import Measure
from plancompare.text.normalise import tokens
from plancompare.text.patterns import PREFIX

# fingerprint of an ask → stem → weight: the words of the measures that took it up in the labelled drafts.
Places = dict[str, dict[str, float]]

# Words kept per ask (those with the most weight times their rarity over the drafts' measures): on the
# development drafts, 40 chose as well as all of them (20 a little worse).
PLACE_WORDS = 40
# Among an ask's first PLACE_CANDIDATES candidates (by rank), the one with the highest rank (as a share
# of the first's) plus PLACE_WEIGHT times its measure's likeness to the ask's places. Chosen on the
# development drafts: weight 0.5 → 87 % right first measure, 1 → 90 %, 2 → 93 %, 4 → 92 %; 3, 5 or 10
# candidates gave 90, 93 and 92 %.
PLACE_WEIGHT = 2.0
PLACE_CANDIDATES = 5


def measure_words(measure: Measure) -> Counter[str]:
    """The stems of a measure's title and text (figures aside), counted."""
    words = tokens(f"{measure.title}. {measure.text}", content_only=True)
    return Counter(w[:PREFIX] for w in words if not w.isdigit())


def _unit(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}


def _rarity(measures: Iterable[Counter[str]]) -> dict[str, float]:
    """Each stem's inverse document frequency over `measures`."""
    counted = list(measures)
    frequency = Counter(w for words in counted for w in words)
    return {w: math.log((len(counted) + 1) / (n + 0.5)) for w, n in frequency.items()}


def fit_places(drafts: list[tuple[list[Measure], list[tuple[str, list[Measure]]]]]) -> Places:
    """Each ask's places over `drafts`: for each draft, its measures and, for each ask it took up, the
    ask's fingerprint and the measures that took it up. A draft's measures for one ask weigh as one
    (their words' shares averaged), whatever their number."""
    summed: dict[str, dict[str, float]] = {}
    for _, taken in drafts:
        for fp, measures in taken:
            if not measures:
                continue
            place = summed.setdefault(fp, {})
            for m in measures:
                for w, v in _unit(measure_words(m)).items():
                    place[w] = place.get(w, 0.0) + v / len(measures)
    rarity = _rarity(measure_words(m) for measures, _ in drafts for m in measures)
    out: Places = {}
    for fp in sorted(summed):
        ranked = sorted(summed[fp].items(), key=lambda kv: (-kv[1] * rarity.get(kv[0], 0.0), kv[0]))
        out[fp] = {w: round(v, 4) for w, v in sorted(ranked[:PLACE_WORDS])}
    return out


class Placer:
    """A next plan's measures as weighted words, to say which is most like an ask's places."""

    def __init__(self, measures: Iterable[Measure]) -> None:
        counted = {m.number: measure_words(m) for m in measures}
        self.rarity = _rarity(counted.values())
        self.vectors = {
            n: _unit({w: c * self.rarity[w] for w, c in words.items()}) for n, words in counted.items()
        }

    def likeness(self, place: Mapping[str, float]) -> dict[int, float]:
        """measure number → the cosine of its words with `place`'s (weighted by rarity in this plan)."""
        wanted = _unit({w: v * self.rarity.get(w, 0.0) for w, v in place.items()})
        return {n: sum(wanted.get(w, 0.0) * v for w, v in vec.items()) for n, vec in self.vectors.items()}

    def placed(self, cands: list[Candidate], place: Mapping[str, float] | None) -> list[Candidate]:
        """`cands` with first the one of the first PLACE_CANDIDATES most in the ask's `place` (by rank
        and likeness), the rest in their order; as they are when the ask has no place."""
        if not place or len(cands) < 2:
            return cands
        like = self.likeness(place)
        # A candidate sharing no word with the ask (score 0) shows a passage that cannot be evidence.
        top = [c for i, c in enumerate(cands[:PLACE_CANDIDATES]) if i == 0 or c.score > 0]
        first = top[0].rank if top[0].rank > 0 else 1.0

        def worth(i: int) -> tuple[float, int]:
            return top[i].rank / first + PLACE_WEIGHT * like.get(top[i].measure, 0.0), -i

        best = top[max(range(len(top)), key=worth)]
        return [best, *(c for c in cands if c is not best)]
