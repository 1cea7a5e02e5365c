"""The confidence model's trees: read out of scikit-learn, shipped as JSON, evaluated with numpy."""

from __future__ import annotations

import json

import pytest

from plancompare.judge.forest import LEAF, Forest, fit_forest, forest_from, forest_json
from plancompare.judge.numeric import np


def _stump() -> Forest:
    # One tree per class of two: feature 1 at 0.5 splits; a row exactly on the threshold goes left.
    return Forest(
        baseline=np.array([0.0, 0.0]),
        tree_class=np.array([0, 1]),
        roots=np.array([0, 3]),
        feature=np.array([1, LEAF, LEAF, 1, LEAF, LEAF]),
        threshold=np.array([0.5, 0.0, 0.0, 0.5, 0.0, 0.0]),
        left=np.array([1, 0, 0, 4, 0, 0]),
        right=np.array([2, 0, 0, 5, 0, 0]),
        value=np.array([0.0, 2.0, -1.0, 0.0, 0.0, 1.0]),
    )


def test_a_row_goes_left_up_to_the_threshold_and_right_above_it() -> None:
    x = np.array([[9.0, 0.5], [9.0, 0.50001], [-3.0, -7.0]])
    assert np.allclose(_stump().raw(x), [[2.0, 0.0], [-1.0, 1.0], [2.0, 0.0]])
    p = _stump().probabilities(x)
    assert np.allclose(p.sum(axis=1), 1.0) and p[0, 0] > 0.8 and p[1, 1] > 0.8


def test_the_shipped_form_reads_back_to_the_same_trees_and_bytes() -> None:
    text = forest_json(_stump())
    back = forest_from(json.loads(text))
    assert forest_json(back) == text
    x = np.array([[0.0, 0.2], [0.0, 0.9]])
    assert np.array_equal(back.raw(x), _stump().raw(x))


def test_fit_forest_gives_scikit_learn_s_probabilities_and_the_same_trees_twice() -> None:
    pytest.importorskip("sklearn")
    rng = np.random.default_rng(7)
    x = rng.normal(size=(240, 4))
    # Class 2 when the first two signals agree and are high: an interaction a regression misses.
    y = np.where((x[:, 0] > 0) & (x[:, 1] > 0), 2, np.where(x[:, 2] > 0.3, 1, 0))
    settings = {"iterations": 30, "learning_rate": 0.1, "depth": 3, "leaf": 5, "l2": 1.0}
    forest = fit_forest(x, y, classes=3, settings=settings)
    again = fit_forest(x, y, classes=3, settings=settings)
    assert forest_json(forest) == forest_json(again)
    from sklearn.ensemble import HistGradientBoostingClassifier

    reference = HistGradientBoostingClassifier(
        max_iter=30,
        learning_rate=0.1,
        max_depth=3,
        min_samples_leaf=5,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
    ).fit(x, y)
    assert np.allclose(forest.probabilities(x), reference.predict_proba(x), atol=1e-6)
    right = (forest.probabilities(x).argmax(axis=1) == y).mean()
    assert right > 0.9


def test_fit_forest_refuses_rows_missing_a_class() -> None:
    pytest.importorskip("sklearn")
    x = np.arange(40, dtype=float).reshape(20, 2)
    y = np.array([0, 1] * 10)
    with pytest.raises(ValueError, match="every class"):
        fit_forest(
            x,
            y,
            classes=3,
            settings={"iterations": 3, "learning_rate": 0.1, "depth": 2, "leaf": 2, "l2": 0.0},
        )


def test_the_shipped_model_is_read_and_used_without_scikit_learn() -> None:
    # `diff` and `review` need numpy alone (scikit-learn is the `fit` extra): run in a fresh
    # interpreter, since this one may have imported it for the tests above.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from plancompare.judge.model import shipped\n"
        "from plancompare.judge.numeric import np\n"
        "m = shipped()\n"
        "p = m.probabilities(np.zeros((3, len(m.features))))\n"
        "assert m.forest is not None and np.allclose(p.sum(axis=1), 1.0)\n"
        "assert 'sklearn' not in sys.modules, 'scikit-learn was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
