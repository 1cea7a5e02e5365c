"""`plancompare simulate LABELS [BASE] [NEXT]`: how many decisions an exact table costs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from plancompare.cli import options
from plancompare.cli.app import command
from plancompare.cli.console import err_console, handles_errors
from plancompare.errors import EXIT_CODES_HELP, UsageError

if TYPE_CHECKING:
    from plancompare.review.simulate import Curve

FORMATS = ("table", "json", "csv")


@command(epilog=EXIT_CODES_HELP)
@handles_errors
def simulate(
    labels: Path = typer.Argument(
        ..., metavar="LABELS", help="Gold labels (YAML), e.g. corpora/next/src/labels.yaml."
    ),
    base: options.Base = None,
    next_: options.Next = None,
    order: list[str] | None = typer.Option(
        None, "--order", help="confidence, document or random; repeat for several (default: all three)."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the random order."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    plot: Path | None = typer.Option(None, "--plot", help="Write the curves to FILE.svg."),
    config: options.Config = None,
    history: options.History = None,
    own_history: options.OwnHistory = False,
) -> None:
    """Replay an analyst who answers from LABELS through the review session: the table's accuracy
    and macro-F1 after each decision, and the decisions needed to reach 90, 95 and 100 %."""
    from plancompare.files import write_atomic
    from plancompare.judge.history import EarlierReviews
    from plancompare.review.plot import svg
    from plancompare.review.run import run_simulation
    from plancompare.review.simulate import SIMULATION_ORDERS

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")
    orders = list(dict.fromkeys(order or SIMULATION_ORDERS))
    earlier = EarlierReviews.of(history, own_history)
    curves = run_simulation(labels, base, next_, orders=orders, seed=seed, config=config, earlier=earlier)
    if plot is not None:
        write_atomic(plot, svg(curves, labels.as_posix()))
        err_console.print(f"wrote {plot}", highlight=False)
    typer.echo(render(curves, fmt), nl=False)


TARGETS = (0.90, 0.95, 1.00)


def render(curves: list[Curve], fmt: str) -> str:
    if fmt == "json":
        data = [
            {
                "order": c.order,
                "total": c.total,
                "decisions_to": {f"{t:.2f}": c.decisions_to(t) for t in TARGETS},
                **({} if c.measures_left() is None else {"measures_left": c.measures_left()}),
                "steps": [
                    {
                        "decided": s.decided,
                        "accuracy": round(s.accuracy, 4),
                        "macro_f1": round(s.macro_f1, 4),
                        **({} if s.measures is None else {"measures": round(s.measures, 4)}),
                    }
                    for s in c.steps
                ],
            }
            for c in curves
        ]
        return json.dumps({"curves": data}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        lines = ["order,decided,accuracy,macro_f1,measures"]
        for c in curves:
            for s in c.steps:
                measures = "" if s.measures is None else f"{s.measures:.4f}"
                lines.append(f"{c.order},{s.decided},{s.accuracy:.4f},{s.macro_f1:.4f},{measures}")
        return "\n".join(lines) + "\n"
    header = "order       " + " ".join(f"{10 * k:>4}%" for k in range(11)) + "   to 90%  95%  100%"
    lines = [f"accuracy of the table after each share of the proposals decided ({curves[0].total} proposals)"]
    lines.append(header)
    for c in curves:
        row = " ".join(f"{100 * c.at(k / 10).accuracy:>5.1f}" for k in range(11))
        to = " ".join(f"{c.decisions_to(t):>4}" for t in TARGETS)
        lines.append(f"{c.order:<11} {row}   {to}")
    lines.append("macro-F1")
    for c in curves:
        row = " ".join(f"{100 * c.at(k / 10).macro_f1:>5.1f}" for k in range(11))
        lines.append(f"{c.order:<11} {row}")
    if curves[0].steps[0].measures is not None:
        lines.append("base measures right (verdict and next measures), read from the proposals as decided")
        for c in curves:
            row = " ".join(f"{100 * (c.at(k / 10).measures or 0.0):>5.1f}" for k in range(11))
            lines.append(f"{c.order:<11} {row}")
        left, total = curves[0].measures_left(), curves[0].measures
        lines.append(f"then {left} of the {total} base measures to decide (`m` in review) for an exact table")
    return "\n".join(lines) + "\n"
