"""Benchmark of the analyst's loop: how many decisions an exact table costs, draft by draft.

    python benchmarks/review.py [--orders confidence,document,random] [--seed 0] [--plot DIR]

For each labelled draft (corpora/next, fiches, objectifs, engagements, orientations, and the held-out
corpora/heldout), the confidence model is refit with that draft left out (heldout is never fit on: its
model is the one fit on all the others), then an analyst answering from the draft's labels is
replayed through the review session (`plancompare simulate`), in each order. Printed: the table's
accuracy at each 10 % of the proposals decided, the decisions needed to reach 90, 95 and 100 %, and
the confidence's calibration on the draft before any decision (Brier score, reliability bins), and
the share of the base measures the table gets right (verdict and next measures, read from the
proposals as decided) after 0, 40, 50 and 100 % of the proposals decided.

Then « new asks »: every labelled draft's asks as if the model had never seen them labelled (another
review), fold by fold of the review's base measures (`new_asks`): the table's accuracy after 40 % /
50 % decided least certain first (without learning from the decisions), mean confidence against the
share right, and the Brier score; for the general regression `diff` uses on such asks, for the whole
model, and, for the order, the score's distance to the thresholds. `--no-new-asks` skips it.
Refitting the model's trees needs scikit-learn: `pip install -e '.[fit]'` (the `test` extra has it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from plancompare.corpus import load_side
from plancompare.judge.confidence import CLASSES, FEATURES
from plancompare.judge.labels import load_labels
from plancompare.judge.model import Model, confidence_of
from plancompare.judge.numeric import np
from plancompare.judge.weigh import weighed_verdict
from plancompare.models import Side
from plancompare.review.plot import svg
from plancompare.review.simulate import Curve, simulate
from plancompare.review.training import (
    ASK_FOLDS,
    BASE,
    FIT_ON,
    HELDOUT,
    MEASURED,
    Draft,
    brier,
    fit_model,
    load_draft,
    reliability,
)

ROOT = Path(__file__).resolve().parents[1]
TARGETS = (0.90, 0.95, 1.00)


def calibration(draft: Draft) -> str:
    model = draft.adapter.model
    x, y, verdicts = draft.rows(model)
    conf = confidence_of(model.probabilities(x), verdicts)
    right = [model.classes[g] == v for g, v in zip(y, verdicts, strict=True)]
    bins = "  ".join(
        f"{b.low:.1f}-{b.high:.1f}: n={b.count} conf {b.mean_confidence:.2f} right {b.accuracy:.2f}"
        for b in reliability(conf, right)
    )
    return (
        f"  engine right {sum(right) / len(right):.3f}, Brier {brier(conf, right):.3f}\n  reliability  {bins}"
    )


def curve_lines(curves: list[Curve]) -> list[str]:
    lines = ["  order       " + " ".join(f"{10 * k:>4}%" for k in range(11)) + "   to 90%  95% 100%"]
    for c in curves:
        row = " ".join(f"{100 * c.at(k / 10).accuracy:>5.1f}" for k in range(11))
        to = " ".join(f"{c.decisions_to(t):>4}" for t in TARGETS)
        lines.append(f"  {c.order:<11} {row}   {to}")
    return lines


def _static(shown: list[str], y: np.ndarray, order: np.ndarray) -> tuple[float, float, list[bool]]:
    """Accuracy of the table after 40 % / 50 % decided in `order` (no learning from the decisions),
    and which `shown` verdicts are right."""
    right = [CLASSES[g] == v for g, v in zip(y, shown, strict=True)]
    at = []
    for share in (0.4, 0.5):
        decided = set(order[: round(share * len(y))].tolist())
        at.append(sum(True if i in decided else r for i, r in enumerate(right)) / len(y))
    return at[0], at[1], right


def _figures(p: np.ndarray, y: np.ndarray, engine: list[str], new: bool) -> tuple[float, ...]:
    """40 % and 50 % accuracy least certain first, mean confidence, share right, Brier score, with
    the verdicts weighed as `diff` weighs them (`new`: as asks the model was never fit on)."""
    shown = [weighed_verdict(v, row, adoptions_only=new) for v, row in zip(engine, p, strict=True)]
    conf = np.array(confidence_of(p, shown))
    forty, fifty, right = _static(shown, y, np.lexsort((np.arange(len(y)), conf)))
    return forty, fifty, float(conf.mean()), float(np.mean(right)), brier(conf.tolist(), right)


def new_asks(fit_drafts: dict[str, Draft], names: list[str], base: Side) -> None:
    """Each draft's asks read as new ones: for each fold of the review's base measures (ASK_FOLDS),
    the model is fit on the other drafts without that fold's asks, then reads them, through its
    general regression, weighing adoptions only (what `diff` does for an ask it was not fit on), and
    through the whole model, weighing every verdict (what it did before it had one); against the
    engine's verdicts in the order of the score's distance to the thresholds."""
    models: dict[tuple[str | None, int], Model] = {}
    match, adopt = FEATURES.index("above_match"), FEATURES.index("above_adopt")
    print("new asks: each draft's asks as if the model had never seen them labelled (no learning)")
    print(
        "  draft          general: 40 % / 50 %  conf right Brier |"
        " whole model: 40 % / 50 %  conf right Brier | distance: 40 % / 50 %"
    )
    table: dict[str, tuple[float, ...]] = {}
    for name in names:
        draft = fit_drafts.get(name) or load_draft(ROOT, name, base)
        x, y, engine = draft.rows()
        folds = draft.ask_folds()
        general, whole = np.zeros((len(y), 4)), np.zeros((len(y), 4))
        for fold in range(ASK_FOLDS):
            key = (name if name in fit_drafts else None, fold)
            if key not in models:
                models[key] = fit_model([d for n, d in fit_drafts.items() if n != name], without=fold)
            rows = folds == fold
            # The fold's asks read the history of that model, which never saw them labelled.
            x_fold = draft.rows(models[key])[0][rows]
            general[rows] = models[key].probabilities(x_fold, np.zeros(int(rows.sum()), dtype=bool))
            whole[rows] = models[key].probabilities(x_fold, np.ones(int(rows.sum()), dtype=bool))
        distance = np.minimum(np.abs(x[:, match]), np.abs(x[:, adopt]))
        by_distance = _static(engine, y, np.lexsort((np.arange(len(y)), distance)))[:2]
        table[name] = (*_figures(general, y, engine, True), *_figures(whole, y, engine, False), *by_distance)
    groups = [
        ("mean, left out", [n for n in names if n in FIT_ON]),
        ("mean, not fit", [n for n in names if n in MEASURED]),
    ]
    rows_out = [(n, table[n]) for n in names]
    rows_out += [
        (label, tuple(np.mean([table[n] for n in group], axis=0))) for label, group in groups if group
    ]
    for label, f in rows_out:
        print(
            f"  {label:<14} {100 * f[0]:5.1f} / {100 * f[1]:5.1f}  {f[2]:.2f} {f[3]:.2f} {f[4]:.3f} |"
            f"   {100 * f[5]:5.1f} / {100 * f[6]:5.1f}  {f[7]:.2f} {f[8]:.2f} {f[9]:.3f} |"
            f"   {100 * f[10]:5.1f} / {100 * f[11]:5.1f}"
        )
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", default="confidence,document,random")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--drafts", default=",".join([*FIT_ON, *MEASURED, HELDOUT]))
    ap.add_argument("--plot", type=Path, help="write one SVG of the curves per draft in this folder")
    ap.add_argument("--no-new-asks", action="store_true", help="skip the measure on asks never seen (slow)")
    args = ap.parse_args(argv)
    orders = args.orders.split(",")
    base = load_side(ROOT / "corpora" / BASE)
    fit_drafts = {name: load_draft(ROOT, name, base) for name in FIT_ON}
    summary = []
    for name in args.drafts.split(","):
        started = time.perf_counter()
        # Left out of the fit: the model is fit on the other labelled drafts (heldout: on all of them).
        model = fit_model([d for n, d in fit_drafts.items() if n != name])
        draft = fit_drafts.get(name) or load_draft(ROOT, name, base)
        draft.adapter.given_model = model
        labels = load_labels(ROOT / "corpora" / name / "src" / "labels.yaml")
        curves = [simulate(draft.adapter, labels, order, args.seed) for order in orders]
        kind = (
            "held out, never fit on"
            if name == HELDOUT
            else "not fit on"
            if name in MEASURED
            else "left out of the fit"
        )
        print(f"{name} ({kind}; {curves[0].total} labelled proposals, {time.perf_counter() - started:.0f} s)")
        print(calibration(draft))
        print("\n".join(curve_lines(curves)))
        print()
        for c in curves:
            steps = (c.at(0.0), c.at(0.4), c.at(0.5), c.at(1.0))
            summary.append((name, c.order, steps[1].accuracy, steps[2].accuracy, [s.measures for s in steps]))
        if args.plot:
            args.plot.mkdir(parents=True, exist_ok=True)
            (args.plot / f"review-{name}.svg").write_text(svg(curves, f"corpora/{name}"), encoding="utf-8")
        draft.adapter.given_model = None
    print(
        "accuracy of the table after 40 % / 50 % of the proposals decided; base measures right (verdict and"
        " next measures) after 0 / 40 / 50 / 100 %"
    )
    for name, order, forty, fifty, measures in summary:
        right = " / ".join("-" if m is None else f"{100 * m:5.1f}" for m in measures)
        print(f"  {name:<12} {order:<11} {100 * forty:5.1f} / {100 * fifty:5.1f}   {right}")
    print()
    if not args.no_new_asks:
        new_asks(fit_drafts, args.drafts.split(","), base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
