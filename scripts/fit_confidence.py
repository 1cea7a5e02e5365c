"""Fit the confidence model and write src/plancompare/judge/confidence.json and forest.json
(byte-deterministic).

    python scripts/fit_confidence.py [--check]

Needs scikit-learn for the trees: `pip install -e '.[fit]'` (the `test` extra has it). Fits on the
labelled drafts of `review.training.FIT_ON` (never corpora/heldout), each judged with its corpus's
thresholds as `plancompare diff` judges it; prints the calibration of each draft left out of the fit
in turn (Brier score, reliability bins), of the drafts measured but not fit on, and of the held-out
draft (measured, never fit on). Re-run it whenever the engine's scores or verdicts change. `--check`
fails when a shipped file differs from what the fit gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plancompare.corpus import load_side
from plancompare.judge.forest import forest_json
from plancompare.judge.model import DATA, FOREST_DATA, confidence_of, model_json
from plancompare.review.training import (
    BASE,
    BLEND,
    FIT_ON,
    FOREST,
    HELDOUT,
    MEASURED,
    PENALTY,
    auc,
    brier,
    fit_model,
    load_draft,
    reliability,
)

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "plancompare" / "judge" / DATA


def _calibration(name: str, model, draft) -> str:
    x, y, verdicts = draft.rows(model)
    conf = confidence_of(model.probabilities(x), verdicts)
    right = [model.classes[g] == v for g, v in zip(y, verdicts, strict=True)]
    bins = " ".join(
        f"[{b.low:.1f},{b.high:.1f}) n={b.count} conf={b.mean_confidence:.2f} right={b.accuracy:.2f}"
        for b in reliability(conf, right)
    )
    share = sum(right) / len(right)
    return f"{name}: n={len(right)} engine right {share:.3f} Brier {brier(conf, right):.3f}\n  {bins}"


def _measures(name: str, model, draft) -> str:  # type: ignore[no-untyped-def]
    import math

    x, right = draft.measure_rows(model)
    conf = [round(1 / (1 + math.exp(-float(v))), 3) for v in x @ model.measure_weights.reshape(-1)]
    flags = [bool(r) for r in right]
    return (
        f"  base measures: n={len(flags)} right {sum(flags) / len(flags):.3f} Brier {brier(conf, flags):.3f}"
        f" AUC {auc(conf, flags):.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--check", action="store_true", help="fail when the shipped file is not what the fit gives"
    )
    args = ap.parse_args(argv)
    base = load_side(ROOT / "corpora" / BASE)
    drafts = [load_draft(ROOT, name, base) for name in FIT_ON]
    model = fit_model(drafts)
    for left in drafts:
        others = fit_model([d for d in drafts if d is not left])
        print(_calibration(f"{left.name} (left out)", others, left))
        print(_measures(left.name, others, left))
    for name in MEASURED:
        measured = load_draft(ROOT, name, base)
        print(_calibration(f"{name} (not fit on)", model, measured))
        print(_measures(name, model, measured))
    heldout = load_draft(ROOT, HELDOUT, base)
    print(_calibration(f"{HELDOUT} (never fit on)", model, heldout))
    print(_measures(HELDOUT, model, heldout))
    note = {
        "fit_on": [f"corpora/{name}" for name in FIT_ON],
        "base": f"corpora/{BASE}",
        "proposals": sum(len(d.answers) for d in drafts),
        "measures": sum(len(d.measures) for d in drafts),
        "penalty": PENALTY,
        "trees": FOREST,
        "blend": BLEND,
        "written_by": "scripts/fit_confidence.py",
    }
    assert model.forest is not None
    files = {TARGET: model_json(model, note), TARGET.with_name(FOREST_DATA): forest_json(model.forest)}
    if args.check:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is not what the fit gives: run scripts/fit_confidence.py")
        if not stale:
            print("the shipped model is up to date")
        return 1 if stale else 0
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
