"""The confidence model: its coefficients and trees, the asks it was fit on, and how it is shipped.

The model (confidence.py reads its inputs) gives each proposal the probability of each gold verdict.
Its labelled drafts all answer the same review, so for an ask it has seen labelled, it knows how the
drafts treated that very ask: the model ships how many times each verdict was its label (`history`,
read as the HISTORY inputs by `history_rates`). On the development drafts, each left out in turn,
that is most of its gain over ordering by the score's distance to the thresholds
(benchmarks/review.py, « new asks »). It also ships the words of the measures where the drafts put
each ask (`places`, places.py), read as the PLACE input, and the ask's mean score where they took it
up and where they dropped it (`scales`, scales.py), read as the SCALE inputs. An ask it has never
seen (another review, or an ask reworded) gets a second regression instead, `general`: fit without
the inputs that tell one ask from another (its length, how it is written, its history, its places,
its scale), and calibrated on asks left out of its fit, so that its confidence does not borrow the
certainty the first one has on asks it knows.

Both are fit by `scripts/fit_confidence.py` and shipped as `confidence.json` and `forest.json`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from plancompare.config import MatchConfig
from plancompare.judge.confidence import (
    CLASSES,
    DIGITS,
    FEATURES,
    HISTORY,
    MEASURE_FEATURES,
    MEASURE_VERDICTS,
    measure_features,
)
from plancompare.judge.decisions import fingerprint
from plancompare.judge.forest import Forest, forest_from
from plancompare.judge.numeric import np
from plancompare.judge.places import Places
from plancompare.judge.scales import Scales
from plancompare.judge.softmax import probabilities
from plancompare.models import DiffResult


@dataclass(frozen=True)
class Model:
    """Shipped coefficients: proposals (classes × features), base measures (one row), and the
    adaptation's settings; with boosted trees (forest.py), the proposals' probabilities are `blend`
    times the regression's plus the rest times the trees'. `history`: for each ask it was fit on (by
    fingerprint), how many times each class was its label, which also says which asks it knows;
    `general`: the regression for any other ask (None: this model for every ask)."""

    features: tuple[str, ...]
    classes: tuple[str, ...]
    weights: np.ndarray
    measure_features: tuple[str, ...]
    measure_weights: np.ndarray
    adapt: dict[str, float]
    forest: Forest | None = None
    blend: float = 1.0
    general: np.ndarray | None = None
    temperature: float = 1.0  # what `general` was divided by to calibrate it (for the record)
    # fingerprint of an ask → how many times the labelled drafts of the fit gave it each of CLASSES
    history: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # fingerprint of a base measure's title → how many times they gave it each of MEASURE_VERDICTS
    measure_history: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # fingerprint of an ask → the words of the measures that took it up in those drafts (places.py)
    places: Places = field(default_factory=dict)
    # fingerprint of an ask → its mean score where those drafts took it up and where they dropped it
    # (scales.py)
    scales: Scales = field(default_factory=dict)
    # decisions of earlier reviews counted in both histories (judge/history.py, `--history`), and
    # whether they are all of it (`--own-history`)
    added: int = 0
    own: bool = False

    def history_rates(self, texts: list[str]) -> np.ndarray:
        """The HISTORY inputs of the asks `texts` (one row each): see `history_rates`."""
        return history_rates(self.history, [fingerprint(t) for t in texts])

    def knows(self, texts: list[str]) -> np.ndarray:
        """Which of the asks `texts` the model was fit on (all of them when it has no `general`)."""
        if self.general is None:
            return np.ones(len(texts), dtype=bool)
        return np.array([fingerprint(t) in self.history for t in texts], dtype=bool)

    def probabilities(self, x: np.ndarray, known: np.ndarray | None = None) -> np.ndarray:
        """Each row's probability of each class; rows of asks not `known` (a mask; None: all known)
        are read by the `general` regression."""
        p = probabilities(x, self.weights)
        if self.forest is not None:
            p = self.blend * p + (1.0 - self.blend) * self.forest.probabilities(x)
        if self.general is None or known is None or bool(known.all()):
            return p
        out: np.ndarray = np.where(known[:, None], p, probabilities(x, self.general))
        return out


# How far an ask's history is drawn toward the verdicts' shares over all asks: as if the ask had been
# labelled HISTORY_PRIOR more times, in those shares. An ask labelled in no draft gets the shares alone.
HISTORY_PRIOR = 1.0


def history_rates(counts: dict[str, tuple[int, ...]], fingerprints: list[str]) -> np.ndarray:
    """For each ask (by fingerprint), the share of each of CLASSES in `counts` (its labels in the
    drafts of a fit), drawn toward the shares over all asks by HISTORY_PRIOR."""
    table = np.array(list(counts.values()), dtype=float).reshape(-1, len(HISTORY))
    total = table.sum()
    shares = table.sum(axis=0) / total if total else np.full(len(HISTORY), 1.0 / len(HISTORY))
    rows = []
    for fp in fingerprints:
        seen = np.array(counts.get(fp, (0,) * len(HISTORY)), dtype=float)
        rows.append((seen + HISTORY_PRIOR * shares) / (seen.sum() + HISTORY_PRIOR))
    return np.array(rows, dtype=float).reshape(len(fingerprints), len(HISTORY))


def measure_share(counts: dict[str, tuple[int, ...]], title: str, verdict: str) -> float:
    """The share of the labelled drafts in `counts` (by the fingerprint of a base measure's title)
    that gave the base measure `title` the verdict `verdict`, drawn toward one half by one draft."""
    seen = counts.get(fingerprint(title), (0,) * len(MEASURE_VERDICTS))
    hits = seen[MEASURE_VERDICTS.index(verdict)] if verdict in MEASURE_VERDICTS else 0
    return (hits + 0.5) / (sum(seen) + 1.0)


DATA = "confidence.json"
FOREST_DATA = "forest.json"


@cache
def shipped() -> Model:
    """The model shipped with the package (`scripts/fit_confidence.py` writes it)."""
    folder = resources.files("plancompare.judge")
    data = json.loads(folder.joinpath(DATA).read_text(encoding="utf-8"))
    forest = None
    if "forest" in data:
        forest = forest_from(json.loads(folder.joinpath(data["forest"]["file"]).read_text(encoding="utf-8")))
    return model_from(data, forest)


def model_from(data: dict[str, Any], forest: Forest | None = None) -> Model:
    proposals = data["proposals"]
    measures = data["measures"]
    if tuple(proposals["features"]) != FEATURES or tuple(measures["features"]) != MEASURE_FEATURES:
        raise ValueError(f"{DATA} was fit on other features: run scripts/fit_confidence.py")
    general = data.get("general")
    return Model(
        features=tuple(proposals["features"]),
        classes=tuple(proposals["classes"]),
        weights=np.array(proposals["weights"], dtype=float),
        measure_features=tuple(measures["features"]),
        measure_weights=np.array(measures["weights"], dtype=float),
        adapt={k: float(v) for k, v in data["adapt"].items()},
        forest=forest,
        blend=float(data["forest"]["blend"]) if forest is not None else 1.0,
        general=np.array(general["weights"], dtype=float) if general else None,
        temperature=float(general["temperature"]) if general else 1.0,
        history={fp: tuple(int(c) for c in row) for fp, row in data.get("history", {}).items()},
        measure_history={fp: tuple(int(c) for c in row) for fp, row in measures.get("history", {}).items()},
        places={fp: {w: float(v) for w, v in words.items()} for fp, words in data.get("places", {}).items()},
        scales={
            fp: (float(row[0]), int(row[1]), float(row[2]), int(row[3]))
            for fp, row in data.get("scales", {}).items()
        },
    )


def model_json(model: Model, note: dict[str, Any]) -> str:
    """The JSON `shipped` reads, byte-deterministic (coefficients rounded to 6 decimals); the trees
    go to FOREST_DATA (`forest.forest_json`)."""

    def rows(w: np.ndarray) -> list[Any]:
        return [[round(float(v), 6) + 0.0 for v in row] for row in np.atleast_2d(w)]

    data: dict[str, Any] = {
        "note": note,
        "proposals": {
            "classes": list(model.classes),
            "features": list(model.features),
            "weights": rows(model.weights),
        },
        "measures": {
            "features": list(model.measure_features),
            "weights": rows(model.measure_weights),
            "history": {fp: list(model.measure_history[fp]) for fp in sorted(model.measure_history)},
        },
        "adapt": model.adapt,
    }
    if model.forest is not None:
        data["forest"] = {"file": FOREST_DATA, "blend": model.blend}
    if model.general is not None:
        data["general"] = {
            "temperature": model.temperature,
            "weights": rows(model.general),
        }
    if model.history:
        data["history"] = {fp: list(model.history[fp]) for fp in sorted(model.history)}
    if model.places:
        data["places"] = {fp: dict(sorted(model.places[fp].items())) for fp in sorted(model.places)}
    if model.scales:
        data["scales"] = {fp: list(model.scales[fp]) for fp in sorted(model.scales)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def confidence_of(probabilities: np.ndarray, verdicts: list[str]) -> list[float]:
    """The probability of each row's verdict, rounded."""
    return [
        round(float(row[CLASSES.index(v)]), DIGITS) if v in CLASSES else 0.0
        for row, v in zip(probabilities, verdicts, strict=True)
    ]


def measure_confidences(result: DiffResult, cfg: MatchConfig, model: Model) -> list[float]:
    """P(right) of each base measure's verdict (a logistic regression on labelled measures)."""
    if not result.measures:
        return []
    shares = [measure_share(model.measure_history, m.title, m.verdict) for m in result.measures]
    x = np.array([measure_features(m, cfg, h) for m, h in zip(result.measures, shares, strict=True)])
    logits = x @ model.measure_weights.reshape(-1)
    return [round(float(1.0 / (1.0 + math.exp(-v))), DIGITS) for v in logits]
