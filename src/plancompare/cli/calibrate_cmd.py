"""`plancompare calibrate LABELS [BASE] [NEXT]`: cross-validated figures of the matcher on labels."""

from __future__ import annotations

from pathlib import Path

import typer

from plancompare.cli.app import app, err_console, handles_errors
from plancompare.errors import EXIT_CODES_HELP, UsageError

DEFAULT_BASE = Path("corpora/2014-2016")
DEFAULT_NEXT = Path("corpora/next")


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


@app.command(epilog=EXIT_CODES_HELP)
@handles_errors
def calibrate(
    labels: Path = typer.Argument(..., metavar="LABELS", help="labels.yaml: the expected verdicts."),
    base: Path = typer.Argument(DEFAULT_BASE, metavar="BASE", help="Base corpus folder, PDF, JSON or YAML."),
    next_: Path = typer.Argument(DEFAULT_NEXT, metavar="NEXT", help="Next plan: folder, PDF, JSON or YAML."),
    folds: int = typer.Option(5, "--folds", min=2, help="Number of cross-validation folds."),
    write_config: Path | None = typer.Option(
        None, "--write-config", help="Write thresholds fit on all labels to this plancompare.toml."
    ),
) -> None:
    """Measure how well the matcher finds the labelled verdicts (k-fold cross-validation: thresholds
    fit on the other folds), and optionally write thresholds fit on all labels."""
    for path in (labels, base, next_):
        if not path.exists():
            raise UsageError(
                f"{path} does not exist", "pass LABELS, and BASE and NEXT if not in the repo root"
            )
    from dataclasses import replace

    from plancompare.config import load_config
    from plancompare.config import write_config as write
    from plancompare.corpus import corpus_config, load_side
    from plancompare.judge.calibrate import confusion_rows, cross_validate, fit, fit_measures, observe
    from plancompare.judge.diff import align_sides
    from plancompare.judge.labels import load_labels
    from plancompare.models import PROPOSAL_VERDICTS

    gold = load_labels(labels)
    base_side = load_side(base)
    next_side = load_side(next_)
    # The corpus config's glossary is read (matching then reads as `diff` does); its thresholds are
    # what is being fit, and are not.
    current = load_config(corpus_config(next_side, base_side))
    alignment = align_sides(base_side, next_side, current)  # once: `observe` and `fit_measures` read it
    obs = observe(alignment, gold, current)
    if len(obs) < folds:
        raise UsageError(f"only {len(obs)} labelled proposals found in BASE", "check that LABELS fits BASE")
    s = cross_validate(obs, folds)
    out = [f"{len(obs)} labelled proposals, {folds}-fold cross-validation", ""]
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
    typer.echo("\n".join(out))
    if write_config is not None:
        match, adopt = fit(obs)
        cfg, share = fit_measures(
            alignment, gold, replace(current, match=match, adopt=adopt, topic=round(0.6 * match, 2))
        )
        note = (
            f"Fit on all {len(obs)} labels of {labels.name} by `plancompare calibrate`; "
            f"cross-validated macro-F1 {s.macro_f1:.3f}, base measures right {share:.3f} "
            "(not cross-validated)."
        )
        write(write_config, cfg, note)
        err_console.print(f"wrote {write_config}", highlight=False)
