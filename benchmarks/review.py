"""Benchmark of the analyst's loop: how many decisions an exact table costs, draft by draft.

    python benchmarks/review.py [--orders confidence,document,random] [--seed 0] [--plot DIR]

For each labelled draft (corpora/next, fiches, objectifs, engagements, orientations, and the held-out
corpora/heldout), the confidence model is refit with that draft left out (heldout is never fit on: its
model is the one fit on all the others), then an analyst answering from the draft's labels is
replayed through the review session (`plancompare simulate`), in each order. Printed: the table's
accuracy at each 10 % of the proposals decided, the decisions needed to reach 90, 95 and 100 %, and
the confidence's calibration on the draft before any decision (Brier score, reliability bins).
Refitting the model's trees needs scikit-learn: `pip install -e '.[fit]'` (the `test` extra has it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from plancompare.corpus import load_side
from plancompare.judge.confidence import confidence_of
from plancompare.judge.labels import load_labels
from plancompare.review.plot import svg
from plancompare.review.simulate import Curve, simulate
from plancompare.review.training import (
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", default="confidence,document,random")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--drafts", default=",".join([*FIT_ON, *MEASURED, HELDOUT]))
    ap.add_argument("--plot", type=Path, help="write one SVG of the curves per draft in this folder")
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
            summary.append((name, c.order, c.at(0.4).accuracy, c.at(0.5).accuracy))
        if args.plot:
            args.plot.mkdir(parents=True, exist_ok=True)
            (args.plot / f"review-{name}.svg").write_text(svg(curves, f"corpora/{name}"), encoding="utf-8")
        draft.adapter.given_model = None
    print("accuracy of the table after 40 % / 50 % of the proposals decided")
    for name, order, forty, fifty in summary:
        print(f"  {name:<10} {order:<11} {100 * forty:5.1f} / {100 * fifty:5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
