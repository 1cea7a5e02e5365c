"""The summary `plancompare extract` prints on stderr: what was read, in a few lines."""

from __future__ import annotations

from plancompare.models import Plan, Review


def _count(n: int | None, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shortened(items: list[str]) -> str:
    """« 1, 2, 3, ..., 9 »: the ellipsis only where it stands for something."""
    return ", ".join(items if len(items) <= 4 else [*items[:3], "...", items[-1]])


def extraction_summary(document: Plan | Review) -> list[str]:
    """What `plancompare extract` says on stderr: pages, measures, proposals, warnings (rich markup)."""
    lines = []
    pages = document.source.pages if document.source else None
    shown = _shortened([m.name for m in document.measures])
    if isinstance(document, Review) and not document.measures:
        # A report's numbered recommendations (recommendations.py): proposals without measures.
        ids = [p.id for p in document.proposals]
        listed = _shortened(ids)
        lines.append(f"[bold]recommendations[/]: {_count(pages, 'page')}, {len(ids)} ({listed})")
    else:
        measures = _count(len(document.measures), "measure")
        lines.append(f"[bold]{document.kind}[/]: {_count(pages, 'page')}, {measures} ({shown})")
    if isinstance(document, Review) and document.measures:
        general = sum(1 for p in document.proposals if p.measure is None)
        per_measure: dict[int, int] = {}
        for p in document.proposals:
            if p.measure is not None:
                per_measure[p.measure] = per_measure.get(p.measure, 0) + 1
        counts = " ".join(f"{m.name}:{per_measure.get(m.number, 0)}" for m in document.measures)
        in_measures = len(document.proposals) - general
        lines.append(f"proposals: {in_measures} in measures ({counts}); {general} general demands")
    lines += [f"[yellow]warning:[/] {warning}" for warning in document.warnings]
    return lines
