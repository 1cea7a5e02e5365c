"""The figures `plancompare calibrate` prints: precision, recall and F1 per verdict, the summary
scores and the confusion matrix of a cross-validation."""

from __future__ import annotations

from plancompare.judge.calibrate import Scores, confusion_rows
from plancompare.models import PROPOSAL_VERDICTS


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def calibration_table(s: Scores, observed: int, folds: int) -> str:
    out = [f"{observed} labelled proposals, {folds}-fold cross-validation", ""]
    out.append(f"{'verdict':10} {'precision':>9} {'recall':>7} {'F1':>6}")
    for v in PROPOSAL_VERDICTS:
        p, r, f = s.per_verdict[v]
        out.append(f"{v:10} {_pct(p):>9} {_pct(r):>7} {_pct(f):>6}")
    out += [
        "",
        f"macro-F1              {_pct(s.macro_f1)}",
        f"taken-up F1           {_pct(s.taken_up_f1)}",
        f"first measure right   {_pct(s.first_measure)}",
        "",
    ]
    out += ["  ".join(f"{c:>13}" for c in row) for row in confusion_rows(s)]
    return "\n".join(out)
