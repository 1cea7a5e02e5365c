"""Each ask's own score scale: the scores the engine gave it in the labelled drafts that took it up,
and in those that dropped it.

The thresholds are the same for every ask, but the asks are not: on the nine development drafts, the
bundled review's M16-P01 was dropped by all nine at a mean score of 19.1, above `match` (16), and
M03-P04 taken up by all nine at 6.8, under it. Every labelled draft answers the same review, so for an
ask they labelled, the model knows both scales: this plan's score well above what the drafts that
dropped the ask gave it says more than the score alone. It reads the SCALE inputs (confidence.py):
how far the score is above the ask's mean score where it was taken up, and above its mean where it
was dropped (0 where no draft did either). Like HISTORY, a draft's rows read the other drafts' scales
only, and the general regression for asks never labelled goes without them.
"""

from __future__ import annotations

from collections import defaultdict

# fingerprint of an ask → (mean score where taken up, how many drafts; mean score where dropped, how many)
Scales = dict[str, tuple[float, int, float, int]]

TAKEN = ("adopted", "changed")
# The inputs are in tenths of the score's scale (as `above_match` is, confidence.py).
UNIT = 10.0


def fit_scales(drafts: list[list[tuple[str, str, float]]]) -> Scales:
    """The scales of the asks of `drafts` (each: the fingerprint, gold verdict and engine's score of its
    labelled asks); an ask labelled « n-a » counts in neither."""
    taken: dict[str, list[float]] = defaultdict(list)
    dropped: dict[str, list[float]] = defaultdict(list)
    for draft in drafts:
        for fp, gold, score in draft:
            if gold in TAKEN:
                taken[fp].append(score)
            elif gold == "dropped":
                dropped[fp].append(score)
    out: Scales = {}
    for fp in sorted(set(taken) | set(dropped)):
        t, d = taken.get(fp, []), dropped.get(fp, [])
        out[fp] = (_mean(t), len(t), _mean(d), len(d))
    return out


def _mean(scores: list[float]) -> float:
    return round(sum(scores) / len(scores), 3) if scores else 0.0


def scale_inputs(scales: Scales, fp: str, score: float) -> tuple[float, float]:
    """SCALE for an ask (by fingerprint) scoring `score`: how far above its mean score where the drafts
    took it up, and where they dropped it, in tenths; 0 where none did."""
    taken, n_taken, dropped, n_dropped = scales.get(fp, (0.0, 0, 0.0, 0))
    return (
        (score - taken) / UNIT if n_taken else 0.0,
        (score - dropped) / UNIT if n_dropped else 0.0,
    )
