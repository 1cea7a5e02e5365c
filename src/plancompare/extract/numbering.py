"""Measure numbers: whether headings count up 1, 2, 3 … (measures, not a numbered list), and
numbers made keys: a plan numbering « 1.2 » or « 12 bis » keeps what it prints as a label and is
numbered 1 to N, a plan starting again at 1 in each axis is numbered in document order; each case
says so in a warning."""

from __future__ import annotations

from itertools import pairwise
from typing import TypeVar

from plancompare.models import Measure


def counts_up(numbers: list[int]) -> bool:
    """Headings numbered 1, 2, 3 … (starting again at 1 in each axis, at most one slip in five):
    measures, not a bold numbered list here and there."""
    if len(numbers) < 2 or numbers[0] != 1:
        return False
    steps = sum(1 for a, b in pairwise(numbers) if b in (a + 1, 1))
    return steps >= 0.8 * (len(numbers) - 1)


M = TypeVar("M", bound=Measure)


def numbered(measures: list[M]) -> tuple[list[M], list[str]]:
    """Measures printed « 1.1, 1.2, 2.1 … », or a « 12 bis » among 1 … N, keep what is printed as
    their label and are numbered 1 to N in document order (the JSON's `number` is a whole number,
    the key of labels files and links)."""
    if not any(m.label for m in measures):
        return measures, []
    renumbered = [
        m.model_copy(update={"number": n, "label": m.label or str(m.number)})
        for n, m in enumerate(measures, start=1)
    ]
    first, last = renumbered[0], renumbered[-1]
    if not any("." in (m.label or "") for m in renumbered):
        inserted = ", ".join(f"« {m.label} »" for m in renumbered if not (m.label or "").isdigit())
        return renumbered, [
            f"measure(s) {inserted} inserted between whole numbers: reports show the printed numbers; in "
            f"the JSON they are each measure's `label`, and `number` its place, 1 to {last.number}"
        ]
    return renumbered, [
        f"measures are numbered within their axes (« {first.label} » … « {last.label} »): reports show "
        f"these; in the JSON they are each measure's `label`, and `number` its place, 1 to {last.number}"
    ]


def unique_numbers(measures: list[Measure]) -> tuple[list[Measure], list[str]]:
    """Measure numbers are keys (labels, decisions, reports): a plan that starts its numbering again
    in each priority (« Axe 2 – Mesure 1 ») gets its measures numbered in document order, and says so."""
    numbers = [m.number for m in measures]
    if len(set(numbers)) == len(numbers):
        return measures, []
    restarts = [i for i in range(1, len(measures)) if measures[i].number <= measures[i - 1].number]
    if all(measures[i].priority != measures[i - 1].priority for i in restarts):
        renumbered = [m.model_copy(update={"number": n}) for n, m in enumerate(measures, start=1)]
        examples = ", ".join(
            f"« Mesure {measures[i].number} » of priority {measures[i].priority} is measure {i + 1}"
            for i in restarts[:2]
        )
        return renumbered, [
            f"measure numbers start again in each priority: measures are numbered 1 to {len(measures)} "
            f"in document order ({examples})"
        ]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    return measures, [
        f"measure number(s) {', '.join(map(str, repeated))} appear more than once: labels, decisions and "
        "reports that name them are ambiguous"
    ]
