"""Multinomial logistic regression: the confidence model's linear part, and its adaptation.

Fit by Newton's method with a quadratic penalty toward a prior (zeros for the shipped fit, the shipped
coefficients when an analyst's decisions refit it): a few hundred rows by forty columns, exact and
deterministic, with no library beyond numpy.
"""

from __future__ import annotations

from plancompare.judge.numeric import np


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


def fit_softmax(
    x: np.ndarray,
    y: np.ndarray,
    *,
    classes: int,
    penalty: float | np.ndarray,
    prior: np.ndarray | None = None,
    weights: np.ndarray | None = None,
    iterations: int = 50,
) -> np.ndarray:
    """Coefficients (classes × features) of a multinomial logistic regression, by Newton's method,
    with a penalty `penalty`/2 × ‖W − prior‖² (the prior: zeros, or the shipped coefficients; one
    penalty, or one per feature)."""
    n, f = x.shape
    anchor = np.zeros((classes, f)) if prior is None else prior
    w = anchor.copy()
    sample = np.ones(n) if weights is None else weights
    target = np.zeros((n, classes))
    target[np.arange(n), y] = 1.0
    size = classes * f
    per_feature = np.broadcast_to(np.asarray(penalty, dtype=float), (f,))
    for _ in range(iterations):
        p = softmax(x @ w.T)
        grad = ((p - target) * sample[:, None]).T @ x + per_feature * (w - anchor)
        hess = np.empty((size, size))
        for a in range(classes):
            for b in range(classes):
                c = p[:, a] * ((1.0 if a == b else 0.0) - p[:, b]) * sample
                hess[a * f : (a + 1) * f, b * f : (b + 1) * f] = (x * c[:, None]).T @ x
        hess += np.diag(np.tile(per_feature, classes))
        step = np.linalg.solve(hess, grad.reshape(-1)).reshape(classes, f)
        w = w - step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w


def probabilities(x: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each row's probability of each class under the coefficients `weights`."""
    return softmax(x @ weights.T)
