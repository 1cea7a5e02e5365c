"""Gradient-boosted trees: the part of the confidence model that reads signals together.

The logistic regression (softmax.py) weighs each signal on its own; a verdict's reliability often
depends on two at once (a high score is worth less when the passage is a field line, a margin means
more for a dropped ask than an adopted one). A small forest of shallow trees, fit by scikit-learn's
`HistGradientBoostingClassifier`, reads those: on the development drafts, each left out of the fit,
it ranks the wrong verdicts before the right ones better than the regression alone (benchmarks).

Only the fit needs scikit-learn (`pip install -e '.[fit]'`). The fitted trees are shipped as data
(`forest.json`, one tree per line) and evaluated here with numpy, so `diff` and `review` run without
it, and the same features always give the same probabilities.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from plancompare.judge.numeric import np
from plancompare.judge.softmax import softmax

LEAF = -1  # the feature index of a leaf


@dataclass(frozen=True)
class Forest:
    """Trees of one boosted model: `raw` adds, per class, the leaf each row reaches in each tree of
    that class to the class's baseline; the probabilities are the softmax of those sums."""

    baseline: np.ndarray  # (classes,)
    tree_class: np.ndarray  # (trees,) the class each tree adds to
    roots: np.ndarray  # (trees,) the index of each tree's root in the node table
    feature: np.ndarray  # (nodes,) LEAF for a leaf
    threshold: np.ndarray  # (nodes,) a row goes left when its feature is <= this
    left: np.ndarray  # (nodes,) node table indices
    right: np.ndarray
    value: np.ndarray  # (nodes,) what a leaf adds

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Each row's sum per class (rows × classes)."""
        node = np.broadcast_to(self.roots, (x.shape[0], self.roots.size)).copy()
        rows = np.arange(x.shape[0])[:, None]
        while True:
            inner = self.feature[node] != LEAF
            if not inner.any():
                break
            go_left = x[rows, np.where(inner, self.feature[node], 0)] <= self.threshold[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        out = np.tile(self.baseline, (x.shape[0], 1))
        for c in range(self.baseline.size):
            out[:, c] += self.value[node[:, self.tree_class == c]].sum(axis=1)
        return out

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return softmax(self.raw(x))


def forest_json(forest: Forest) -> str:
    """The shipped form: the baseline, then one tree per line as [class, [[feature, threshold, left,
    right, value], ...]] with node indices local to the tree. Values are rounded; thresholds are
    not: scikit-learn may set one on a training row's own value, and rounding would send it the
    other way."""
    lines = [json.dumps({"baseline": [round(float(v), 9) + 0.0 for v in forest.baseline]})]
    bounds = [*forest.roots.tolist(), forest.feature.size]
    for t, (start, stop) in enumerate(itertools.pairwise(bounds)):
        nodes = [
            [
                int(forest.feature[i]),
                float(forest.threshold[i]) + 0.0,
                int(forest.left[i]) - start,
                int(forest.right[i]) - start,
                round(float(forest.value[i]), 9) + 0.0,
            ]
            for i in range(start, stop)
        ]
        lines.append(json.dumps([int(forest.tree_class[t]), nodes], separators=(",", ":")))
    return "[\n" + ",\n".join(lines) + "\n]\n"


def forest_from(data: list[Any]) -> Forest:
    head, *trees = data
    roots: list[int] = []
    tree_class: list[int] = []
    table: list[tuple[int, float, int, int, float]] = []
    for cls, nodes in trees:
        start = len(table)
        roots.append(start)
        tree_class.append(cls)
        table += [(f, thr, left + start, right + start, v) for f, thr, left, right, v in nodes]
    columns = list(zip(*table, strict=True)) if table else [(), (), (), (), ()]
    return Forest(
        baseline=np.array(head["baseline"], dtype=float),
        tree_class=np.array(tree_class, dtype=int),
        roots=np.array(roots, dtype=int),
        feature=np.array(columns[0], dtype=int),
        threshold=np.array(columns[1], dtype=float),
        left=np.array(columns[2], dtype=int),
        right=np.array(columns[3], dtype=int),
        value=np.array(columns[4], dtype=float),
    )


def fit_forest(x: np.ndarray, y: np.ndarray, *, classes: int, settings: dict[str, float]) -> Forest:
    """Boosted trees fit on rows `x` with classes `y` (0 … classes-1, each present), read out of
    scikit-learn into a Forest and checked against its own probabilities."""
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError as exc:  # only the fit needs it
        raise RuntimeError("fitting the model needs scikit-learn: pip install -e '.[fit]'") from exc
    model = HistGradientBoostingClassifier(
        max_iter=int(settings["iterations"]),
        learning_rate=settings["learning_rate"],
        max_depth=int(settings["depth"]),
        min_samples_leaf=int(settings["leaf"]),
        l2_regularization=settings["l2"],
        early_stopping=False,
        random_state=0,
    ).fit(x, y)
    if list(model.classes_) != list(range(classes)):
        raise ValueError(f"every class must be present to fit the trees; got {list(model.classes_)}")
    # Through the shipped form, rounding and all: what `diff` will compute.
    forest = forest_from(json.loads(forest_json(_read_out(model))))
    if not np.allclose(forest.probabilities(x), model.predict_proba(x), atol=1e-6):
        raise RuntimeError("the trees read out of scikit-learn do not give its probabilities")
    return forest


def _read_out(model: Any) -> Forest:
    """The trees of a fitted HistGradientBoostingClassifier (its predictors, one per class and round)."""
    roots: list[int] = []
    tree_class: list[int] = []
    table: list[tuple[int, float, int, int, float]] = []
    for per_class in model._predictors:
        for cls, tree in enumerate(per_class):
            start = len(table)
            roots.append(start)
            tree_class.append(cls)
            for n in tree.nodes:
                leaf = bool(n["is_leaf"])
                table.append(
                    (
                        LEAF if leaf else int(n["feature_idx"]),
                        0.0 if leaf else float(n["num_threshold"]),
                        0 if leaf else int(n["left"]) + start,
                        0 if leaf else int(n["right"]) + start,
                        float(n["value"]) if leaf else 0.0,
                    )
                )
    feature, threshold, left, right, value = zip(*table, strict=True)
    return Forest(
        baseline=np.asarray(model._baseline_prediction, dtype=float).reshape(-1),
        tree_class=np.array(tree_class, dtype=int),
        roots=np.array(roots, dtype=int),
        feature=np.array(feature, dtype=int),
        threshold=np.array(threshold, dtype=float),
        left=np.array(left, dtype=int),
        right=np.array(right, dtype=int),
        value=np.array(value, dtype=float),
    )
