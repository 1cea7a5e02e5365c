"""The figures `plancompare calibrate` prints: precision, recall and F1 per verdict, the summary
scores and the confusion matrix of a cross-validation. `n-a` (items that ask nothing) is scored on
its own line, outside macro-F1."""

from __future__ import annotations

from plancompare.judge.calibrate import Scores, confusion_rows
from plancompare.models import ASK_VERDICTS, NOT_AN_ASK


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _line(s: Scores, verdict: str) -> str:
    p, r, f = s.per_verdict[verdict]
    return f"{verdict:10} {_pct(p):>9} {_pct(r):>7} {_pct(f):>6}"


def calibration_table(s: Scores, observed: int, folds: int) -> str:
    asks = observed - s.not_asks
    out = [
        f"{observed} labelled proposals ({asks} asks, {s.not_asks} n-a), {folds}-fold cross-validation",
        "",
    ]
    out.append(f"{'verdict':10} {'precision':>9} {'recall':>7} {'F1':>6}")
    out += [_line(s, v) for v in ASK_VERDICTS]
    out += [
        "",
        f"macro-F1              {_pct(s.macro_f1)}   (adopted, changed, dropped; on the {asks} asks)",
        f"taken-up F1           {_pct(s.taken_up_f1)}",
        f"first measure right   {_pct(s.first_measure)}",
        "",
        "not an ask, apart from macro-F1:",
        _line(s, NOT_AN_ASK),
        "",
    ]
    out += ["  ".join(f"{c:>13}" for c in row) for row in confusion_rows(s)]
    return "\n".join(out)
