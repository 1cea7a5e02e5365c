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
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from plancompare.config import MatchConfig
from plancompare.corpus import load_side
from plancompare.judge.calibrate import Observation, cross_validate, fit, fold_of, observe, predict, score
from plancompare.judge.diff import Alignment, Judged, align_sides, base_proposals, judge_proposals, result_of
from plancompare.judge.labels import GoldLabels, load_labels
from plancompare.judge.model import Model
from plancompare.match.aligner import Aligner, align_many
from plancompare.models import ASK_VERDICTS, NOT_AN_ASK, Measure, Side
from plancompare.review.training import ASK_FOLDS, FIT_ON, MEASURED, Draft, fit_model, load_draft
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


# --- the engine's own verdicts on every labelled draft -------------------------------------------

TAKEN = ("adopted", "changed")
# Thresholds may be fit on these (the drafts the confidence model is fit on); never on heldout.
DEV_DRAFTS = FIT_ON


def printed_numbers(corpus: Path) -> list[str]:
    """The measures' numbers as the draft's source prints them, in document order (labels name
    measures by their place in the document): « 12 », « 1.2 »."""
    data = yaml.safe_load((corpus / "src" / "plan.yaml").read_text(encoding="utf-8"))
    out = []
    groups = (
        data.get("axes")
        or data.get("objectives")
        or data.get("parts")
        or data.get("engagements")
        or data.get("ambitions")
        or data.get("titles")
    )
    for group in groups or [{"measures": data.get("measures", [])}]:
        items = group.get("measures") or group.get("decisions") or group.get("articles")
        for item in items or group.get("fiches") or group.get("actions") or []:
            out.append(str(item["number"]))
    return out


@dataclass(frozen=True)
class Figures:
    macro_f1: float
    taken_up_f1: float
    adopted_precision: float
    taken_precision: float
    taken_recall: float
    first_measure: float
    n: int
    confusion: tuple[tuple[str, str, int], ...] = ()
    # The labelled base measures: verdicts right, successors right (the labels' next measures, no
    # more, no fewer), how many; (0, 0, 0) where not measured.
    measures: tuple[int, int, int] = (0, 0, 0)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(predicted: dict[str, tuple[str, str | None]], gold: dict[str, tuple[str, tuple[int, ...]]],
            printed: list[str]) -> Figures:  # fmt: skip
    """`predicted`: id → (verdict, printed number of the first matched measure)."""
    pairs = [(gold[i][0], predicted[i][0]) for i in gold if i in predicted]
    per = []
    for v in ("adopted", "changed", "dropped"):
        tp = sum(1 for g, p in pairs if g == v and p == v)
        said = sum(1 for _, p in pairs if p == v)
        real = sum(1 for g, _ in pairs if g == v)
        per.append(_f1(tp / said if said else 0.0, tp / real if real else 0.0))
    tp = sum(1 for g, p in pairs if g in TAKEN and p in TAKEN)
    said = sum(1 for _, p in pairs if p in TAKEN)
    real = sum(1 for g, _ in pairs if g in TAKEN)
    adopted_tp = sum(1 for g, p in pairs if g == p == "adopted")
    adopted_said = sum(1 for _, p in pairs if p == "adopted")
    first = [
        predicted[i][1] in {printed[n - 1] for n in gold[i][1] if 0 < n <= len(printed)}
        for i in gold
        if i in predicted and gold[i][0] in TAKEN and predicted[i][0] in TAKEN
    ]
    precision, recall = (tp / said if said else 0.0), (tp / real if real else 0.0)
    return Figures(
        sum(per) / 3,
        _f1(precision, recall),
        adopted_tp / adopted_said if adopted_said else 0.0,
        precision,
        recall,
        sum(first) / len(first) if first else 0.0,
        len(pairs),
        tuple((g, p, k) for (g, p), k in sorted(Counter(pairs).items())),
    )


def verdicts_of(
    al: Alignment, judged: Judged, ids: set[str] | None = None
) -> dict[str, tuple[str, str | None]]:
    """Each proposal's verdict in `judged`, with the printed number of its first matched measure."""
    out: dict[str, tuple[str, str | None]] = {}
    for p, (verdict, _, kept, _) in zip(al.proposals, judged, strict=True):
        if ids is None or p.id in ids:
            out[p.id] = (verdict, al.next_by_number[kept[0].measure].name if kept else None)
    return out


def engine_verdicts(
    al: Alignment, cfg: MatchConfig, ids: set[str] | None = None
) -> dict[str, tuple[str, str | None]]:
    """The engine's verdicts under `cfg` (claims, « n-a » and change reasons included)."""
    return verdicts_of(al, judge_proposals(al, cfg), ids)


def weighed(draft: Draft, model: Model) -> Judged:
    """What `plancompare diff` shows: the engine's verdicts under the corpus's thresholds, weighed by
    the confidence model `model` (judge/weigh.py)."""
    ad = draft.adapter
    return ad.weigh(ad.cfg, model=model)[0]


def measure_figures(draft: Draft, judged: Judged, gold: GoldLabels) -> tuple[int, int, int]:
    """What became of the base measures, judged from the proposals' verdicts `judged` as `diff`
    judges them: verdicts right, successors right, labelled base measures."""
    ad = draft.adapter
    result = result_of(ad.base, ad.next_side, ad.al, judged, ad.cfg)
    labelled = [m for m in result.measures if m.number in gold.measures]
    verdicts = sum(m.verdict == gold.measures[m.number][0] for m in labelled)
    successors = sum(set(m.next) == set(gold.measures[m.number][1]) for m in labelled)
    return verdicts, successors, len(labelled)


def new_ask_verdicts(draft: Draft, fit_on: list[Draft]) -> dict[str, tuple[str, str | None]]:
    """What `diff` would show if the review's asks were new: fold by fold of the base measures
    (ASK_FOLDS), the draft weighed by the model fit on `fit_on` without that fold's asks, which its
    general regression then reads (judge/model.py)."""
    out: dict[str, tuple[str, str | None]] = {}
    for part in range(ASK_FOLDS):
        shown = verdicts_of(draft.adapter.al, weighed(draft, fit_model(fit_on, without=part)))
        out |= {p.id: shown[p.id] for p in draft.adapter.al.proposals if (p.measure or 0) % ASK_FOLDS == part}
    return out


def draft_figures(base: Side, root: Path, folds: int) -> list[tuple[str, str, Figures]]:
    """Every labelled draft three times: the engine alone with the default thresholds (round values,
    never fit on any draft), then with thresholds fit on other labels (`next` by k-fold
    cross-validation, the other development drafts on the others, heldout on all of them); then what
    `plancompare diff` shows, the default thresholds' verdicts weighed by the confidence model fit on
    the other development drafts (heldout: on all of them, which is the shipped fit)."""
    names = [d for d in (*DEV_DRAFTS, *MEASURED, "heldout") if (root / d / "src" / "labels.yaml").exists()]
    drafts = {d: load_draft(root.parent, d, base) for d in names}
    aligned = {d: drafts[d].adapter.al for d in names}
    gold = {d: load_labels(root / d / "src" / "labels.yaml") for d in names}
    obs = {d: [replace(o, id=f"{d}:{o.id}") for o in observe(aligned[d], gold[d])] for d in names}
    rows = []
    for d in names:
        resolved = gold[d].resolve(aligned[d].proposals)
        printed = printed_numbers(root / d)
        plain = judge_proposals(aligned[d], MatchConfig())
        measured = measure_figures(drafts[d], plain, gold[d])
        f = figures(verdicts_of(aligned[d], plain), resolved, printed)
        rows.append((d, "engine, default", replace(f, measures=measured)))
        if d == "next":
            predicted: dict[str, tuple[str, str | None]] = {}
            for fold in range(folds):
                train = [o for o in obs[d] if fold_of(o.id.split(":", 1)[1], folds) != fold]
                match, adopt = fit(train)
                test = {o.id.split(":", 1)[1] for o in obs[d]} - {o.id.split(":", 1)[1] for o in train}
                predicted |= engine_verdicts(aligned[d], MatchConfig(match=match, adopt=adopt), test)
            how = f"engine, {folds}-fold CV"
        else:
            others = [k for k in DEV_DRAFTS if k != d and k in obs]
            match, adopt = fit([o for k in others for o in obs[k]])
            predicted = engine_verdicts(aligned[d], MatchConfig(match=match, adopt=adopt))
            how = "engine, fit on the others" if d in DEV_DRAFTS else f"engine, fit on all {len(others)}"
        rows.append((d, how, figures(predicted, resolved, printed)))
        others = [k for k in DEV_DRAFTS if k != d and k in drafts]
        model = fit_model([drafts[k] for k in others])
        on = "the others" if d in DEV_DRAFTS else f"all {len(others)}"
        weighed_how = f"default, weighed by the model fit on {on}"
        shown = weighed(drafts[d], model)
        f = figures(verdicts_of(aligned[d], shown), resolved, printed)
        rows.append((d, weighed_how, replace(f, measures=measure_figures(drafts[d], shown, gold[d]))))
        new = new_ask_verdicts(drafts[d], [drafts[k] for k in others])
        rows.append((d, "default, weighed, the asks read as new ones", figures(new, resolved, printed)))
    return rows


def confusion_table(name: str, f: Figures) -> str:
    """Counts by label and verdict: which mistakes the figures above are made of."""
    order = (*ASK_VERDICTS, NOT_AN_ASK)
    cells = {(g, p): k for g, p, k in f.confusion}
    lines = [f"{name:12} " + " ".join(f"{v:>8}" for v in order)]
    for g in order:
        lines.append(f"  {g:8} " + " ".join(f"{cells.get((g, p), 0):8}" for p in order))
    return "\n".join(lines) + "\n"


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

    print("Verdicts on every labelled draft, nothing fit on the draft measured: the engine alone with")
    print("the default thresholds, then with thresholds fit on other drafts; then the default thresholds'")
    print("verdicts weighed by the confidence model fit on the other development drafts (what `diff` shows),")
    print("and the same with the review's asks read as new ones (each fifth of the base measures left out")
    print("of the fit in turn: what `diff` shows for another review's asks)")
    print(f"{'draft':12} {'verdicts':46} {'macro-F1':>8} {'taken-up F1':>11} {'P(adopted)':>10} "
          f"{'P(ad|ch)':>9} {'R(ad|ch)':>9} {'1st measure':>11} {'n':>4}")  # fmt: skip
    drafts = draft_figures(base, args.base.parent, args.folds)
    for d, how, f in drafts:
        print(f"{d:12} {how:46} {100 * f.macro_f1:8.1f} {100 * f.taken_up_f1:11.1f} "
              f"{100 * f.adopted_precision:10.1f} {100 * f.taken_precision:9.1f} {100 * f.taken_recall:9.1f} "
              f"{100 * f.first_measure:11.1f} {f.n:4}")  # fmt: skip
    print("(1st measure: the first matched measure is a labelled one, by the number the plan prints)\n")
    print("Base measures: what became of each labelled measure of the base plan (kept, revised, merged,")
    print("split, dropped), judged as `diff` judges it from the proposals' verdicts: the verdict, and the")
    print("successors (the labels' next measures, no more, no fewer), right of n; the engine alone, then")
    print("the proposals weighed as above")
    print(f"{'draft':12} {'verdicts right':>16} {'successors right':>18} {'n':>4}")
    by_draft: dict[str, list[tuple[int, int, int]]] = {}
    for d, _, f in drafts:
        if f.measures[2]:
            by_draft.setdefault(d, []).append(f.measures)
    for d, (plain_m, shown_m) in by_draft.items():
        verdicts, successors = f"{plain_m[0]} / {shown_m[0]}", f"{plain_m[1]} / {shown_m[1]}"
        print(f"{d:12} {verdicts:>16} {successors:>18} {shown_m[2]:4}")
    print()
    print("Where the verdicts go, as `plancompare diff` shows them (rows: the label; columns: the verdict)")
    for d, how, f in drafts:
        if how.startswith("default, weighed by"):
            print(confusion_table(d, f))
    sys.stdout.flush()

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
