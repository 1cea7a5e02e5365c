"""Benchmark of the diff engine: quality against two baselines, and throughput.

    .venv/bin/python benchmarks/diff.py [--labels L] [--base B] [--next N] [--folds 5] [--sizes 200,2000,5000]

Quality: macro-F1 over adopted/changed/dropped (on the items labelled as asks; `n-a` items, which ask
nothing, are scored apart: their F1 is printed after the three), taken-up F1 and first-measure accuracy of
(a) TF-IDF cosine between the proposal and each whole next measure, (b) rapidfuzz token_set_ratio
on the raw texts, (c) plancompare; all three with thresholds fit by the same k-fold
cross-validation (plancompare.calibrate), so the figures are on held-out proposals.

Throughput: synthetic French-like inputs (sentences of the corpora recombined deterministically),
N proposals × N measures: seconds for plancompare's matching (index + alignment of every proposal)
and for rapidfuzz.process.cdist on the same strings (every pair), in the same run.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz, process

from plancompare.corpus import load_side
from plancompare.judge.calibrate import Observation, cross_validate, fit, observe, predict, score
from plancompare.judge.diff import align_sides, base_proposals
from plancompare.judge.labels import GoldLabels, load_labels
from plancompare.match.aligner import Aligner, align_many
from plancompare.models import ASK_VERDICTS, NOT_AN_ASK, Measure, Side
from plancompare.text.normalise import fold, sentences

ROOT = Path(__file__).resolve().parents[1]


def _counted(obs: list[Observation]) -> str:
    not_asks = sum(o.gold == NOT_AN_ASK for o in obs)
    return f"{len(obs) - not_asks} labelled asks, and {not_asks} n-a scored apart"


# --- baselines -----------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def tfidf_observations(base: Side, nxt: Side, labels: GoldLabels) -> list[Observation]:
    docs = [f"{m.title}\n{m.text}" for m in nxt.plan.measures]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(_words(d)))
    n = len(docs)

    def vec(text: str) -> dict[str, float]:
        tf = Counter(_words(text))
        v = {w: c * math.log((n + 1) / (df.get(w, 0) + 1)) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    vecs = [vec(d) for d in docs]
    out = []
    gold_of = labels.resolve(base_proposals(base))
    for p in base_proposals(base):
        if p.id not in gold_of:
            continue
        q = vec(p.text)
        sims = [sum(q.get(w, 0.0) * x for w, x in v.items()) for v in vecs]
        i = max(range(n), key=lambda j: (sims[j], -j))
        gold, gold_measures = gold_of[p.id]
        out.append(Observation(p.id, gold, gold_measures, 100 * sims[i], nxt.plan.measures[i].number, False))
    return out


def rapidfuzz_observations(base: Side, nxt: Side, labels: GoldLabels) -> list[Observation]:
    docs = [f"{m.title}\n{m.text}" for m in nxt.plan.measures]
    out = []
    gold_of = labels.resolve(base_proposals(base))
    for p in base_proposals(base):
        if p.id not in gold_of:
            continue
        best = process.extractOne(p.text, docs, scorer=fuzz.token_set_ratio, processor=str.lower)
        assert best is not None
        gold, gold_measures = gold_of[p.id]
        out.append(Observation(p.id, gold, gold_measures, best[1], nxt.plan.measures[best[2]].number, False))
    return out


# --- synthetic inputs ----------------------------------------------------------------------------


def synthetic(base: Side, nxt: Side, n: int, seed: int = 7) -> tuple[list[str], list[Measure]]:
    """n proposals and n measures made of the corpora's sentences, with words swapped between them
    so that texts are new but French-like."""
    rng = random.Random(seed)
    pool = [s for m in [*base.plan.measures, *nxt.plan.measures] for s in sentences(m.text)]
    pool += [s for p in base_proposals(base) for s in sentences(p.text)]
    vocab = sorted({w for s in pool for w in s.split() if len(w) > 6 and fold(w).isalpha()})

    def sentence() -> str:
        words = rng.choice(pool).split()
        for _ in range(max(1, len(words) // 5)):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        return " ".join(words)

    proposals = [" ".join(sentence() for _ in range(rng.randint(1, 3))) for _ in range(n)]
    measures = [
        Measure(
            number=i + 1,
            title=sentence()[:90],
            text="\n\n".join(sentence() for _ in range(rng.randint(4, 9))),
        )
        for i in range(n)
    ]
    return proposals, measures


def time_matching(proposals: list[str], measures: list[Measure]) -> float:
    start = time.perf_counter()
    aligner = Aligner(measures, proposals)
    align_many(aligner, [(aligner.query(text), None) for text in proposals])
    return time.perf_counter() - start


def time_cdist(proposals: list[str], measures: list[Measure]) -> float:
    """Every pair scored by rapidfuzz on all cores (cdist needs numpy: `pip install numpy`; without
    it, one process.extract per proposal, still every pair in C++)."""
    docs = [f"{m.title}\n{m.text}" for m in measures]
    start = time.perf_counter()
    try:
        process.cdist(proposals, docs, scorer=fuzz.token_set_ratio, workers=-1)
    except ModuleNotFoundError:
        for text in proposals:
            process.extract(text, docs, scorer=fuzz.token_set_ratio, limit=None)
    return time.perf_counter() - start


# --- report --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, default=ROOT / "corpora/next/src/labels.yaml")
    ap.add_argument("--base", type=Path, default=ROOT / "corpora/2014-2016")
    ap.add_argument("--next", dest="nxt", type=Path, default=ROOT / "corpora/next")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--heldout", type=Path, default=ROOT / "corpora/heldout")
    ap.add_argument("--heldout-labels", type=Path, default=ROOT / "corpora/heldout/src/labels.yaml")
    ap.add_argument("--sizes", default="200,2000,5000")
    ap.add_argument(
        "--cdist-max", type=int, default=2000, help="run cdist up to this N; above, extrapolate by pairs"
    )
    args = ap.parse_args(argv)

    base, nxt = load_side(args.base), load_side(args.nxt)
    labels = load_labels(args.labels)
    print(f"Quality: {args.labels.relative_to(ROOT) if args.labels.is_relative_to(ROOT) else args.labels}, "
          f"{args.folds}-fold cross-validation")  # fmt: skip
    print(
        f"{'method':28} {'macro-F1':>8} {'taken-up F1':>11} {'1st measure':>11}"
        "  (adopted/changed/dropped F1; n-a F1)"
    )
    rows = [
        ("TF-IDF cosine", tfidf_observations(base, nxt, labels), False),
        ("rapidfuzz token_set_ratio", rapidfuzz_observations(base, nxt, labels), False),
        ("plancompare", observe(align_sides(base, nxt), labels), True),
    ]
    for name, obs, use_changes in rows:
        s = cross_validate(obs, args.folds, use_changes)
        per = "/".join(f"{100 * s.per_verdict[v][2]:.0f}" for v in ASK_VERDICTS)
        per += f"; {100 * s.per_verdict[NOT_AN_ASK][2]:.0f}"
        figures = f"{100 * s.macro_f1:8.1f} {100 * s.taken_up_f1:11.1f} {100 * s.first_measure:11.1f}"
        print(f"{name:28} {figures}  ({per})")
    print(f"({_counted(rows[-1][1])})\n")

    if args.heldout.exists() and args.heldout_labels.exists():
        # Generalisation: thresholds fit on all of LABELS, figures on another draft never tuned on.
        held = load_side(args.heldout)
        held_labels = load_labels(args.heldout_labels)
        print(f"Held-out draft {args.heldout.name}: thresholds fit on all of the labels above")
        held_rows = [
            tfidf_observations(base, held, held_labels),
            rapidfuzz_observations(base, held, held_labels),
            observe(align_sides(base, held), held_labels),
        ]
        for (name, obs, use_changes), held_obs in zip(rows, held_rows, strict=True):
            match, adopt = fit(obs, use_changes)
            s = score(held_obs, [predict(o, match, adopt, use_changes) for o in held_obs])
            per = "/".join(f"{100 * s.per_verdict[v][2]:.0f}" for v in ASK_VERDICTS)
            per += f"; {100 * s.per_verdict[NOT_AN_ASK][2]:.0f}"
            figures = f"{100 * s.macro_f1:8.1f} {100 * s.taken_up_f1:11.1f} {100 * s.first_measure:11.1f}"
            print(f"{name:28} {figures}  ({per})")
        print(f"({_counted(held_rows[-1])})\n")

    print("Throughput: N synthetic proposals × N synthetic measures (seconds)")
    print(f"{'N':>6} {'pairs':>12} {'plancompare':>12} {'rapidfuzz cdist':>16}")
    per_pair: float | None = None
    for n in (int(x) for x in args.sizes.split(",")):
        proposals, measures = synthetic(base, nxt, n)
        ours = time_matching(proposals, measures)
        if n <= args.cdist_max:
            theirs = time_cdist(proposals, measures)
            per_pair = theirs / (n * n)
            shown = f"{theirs:16.2f}"
        else:
            shown = f"{'~' + format(per_pair * n * n, '.0f') if per_pair else 'n/a':>16}"
        print(f"{n:6} {n * n:12,} {ours:12.2f} {shown}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
