"""Analyst decisions on the base measures: what became of a measure of the base plan (kept, revised,
merged, split or dropped, and into which next measures), over the engine's reading (judge/measures.py).

They are kept in the decisions file beside the proposals' (judge/decisions.py), under the measure's id
(« M05 »), with the fingerprint of its title: a decision is stale once that title changed, or once a
next measure it names disappeared or was renamed (the draft renumbered). Once decisions apply, each
next measure's antecedents are the base measures that continue into it, decided or not, and the new
measures are those that none continues.
"""

from __future__ import annotations

from collections import defaultdict

from plancompare.judge.decisions import RecordedDecision, fingerprint, stale_reason
from plancompare.models import MEASURE_VERDICTS, DiffResult, Match, MeasureResult, is_measure_id, measure_id


def measure_decision_problem(verdict: str, count: int) -> str | None:
    """What is wrong with deciding that a base measure became `verdict` in `count` next measures
    (none when dropped, two or more when split, one otherwise); None when nothing is."""
    if verdict not in MEASURE_VERDICTS:
        return f"unknown verdict {verdict!r} for a base measure: choose one of {', '.join(MEASURE_VERDICTS)}"
    if verdict == "dropped" and count:
        return "a dropped base measure has no next-plan measure"
    if verdict == "split" and count < 2:
        return "a split base measure goes into two next-plan measures or more"
    if verdict not in ("dropped", "split") and count != 1:
        return f"a {verdict} base measure goes into one next-plan measure"
    return None


def _decided(measure: MeasureResult, decision: RecordedDecision, titles: dict[int, str]) -> MeasureResult:
    """`measure` as the analyst decided it; the engine's evidence is kept where it found a decided
    next measure, else that measure's title stands in."""
    numbers = [] if decision.verdict == "dropped" else [m.number for m in decision.measures]
    engine = {m.measure: m for m in measure.matches}
    matches = [engine.get(n) or Match(measure=n, score=0.0, passage=titles[n]) for n in numbers]
    return measure.model_copy(
        update={
            "verdict": decision.verdict,
            "next": sorted(numbers),
            "matches": matches,
            "score": max((m.score for m in matches), default=0.0),
            "confidence": 1.0,
        }
    )


def apply_measure_decisions(
    result: DiffResult, decisions: dict[str, RecordedDecision], *, lang: str = "en"
) -> DiffResult:
    """A copy of `result` with every valid decision on a base measure applied and every stale one
    reported (`decisions` may hold the proposals' too: they are left to `apply_decisions`)."""
    on_measures = {key: d for key, d in decisions.items() if is_measure_id(key)}
    if not on_measures:
        return result
    titles = {m.number: m.title for m in result.next_measures}
    measures: list[MeasureResult] = []
    stale: list[str] = []
    for measure in result.measures:
        key = measure_id(measure.name)
        decision = on_measures.get(key)
        if decision is None:
            measures.append(measure)
            continue
        why = stale_reason(fingerprint(measure.title), decision, titles, lang, changed="title")
        record = decision.record(why)
        shown = measure if why is not None else _decided(measure, decision, titles)
        measures.append(shown.model_copy(update={"decision": record}))
        if why is not None:
            stale.append(key)
    known = {measure_id(m.name) for m in result.measures}
    stale.extend(key for key in sorted(on_measures) if key not in known)
    antecedents: dict[int, list[int]] = defaultdict(list)
    for measure in measures:
        for number in measure.next:
            antecedents[number].append(measure.number)
    next_measures = [
        m.model_copy(update={"antecedents": sorted(antecedents.get(m.number, []))})
        for m in result.next_measures
    ]
    return result.model_copy(
        update={
            "measures": measures,
            "next_measures": next_measures,
            "new_measures": [m.number for m in next_measures if not m.antecedents],
            "stale_decisions": [*result.stale_decisions, *stale],
        }
    )
