"""The base measures follow the proposals as an analyst decided them: their evidence is where the
analyst says each ask went, and once every ask of a base measure is decided, a next measure the texts
alone put beside the best one stays only if an ask went there."""

from __future__ import annotations

from pathlib import Path

from plancompare.judge.adapt import Adapter
from plancompare.judge.decisions import RecordedDecision, RecordedMeasure, fingerprint
from plancompare.judge.labels import load_labels

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "corpora" / "next" / "src" / "labels.yaml"


def _as_labelled(adapter: Adapter, prefix: str, leave_out: str | None = None) -> dict[str, RecordedDecision]:
    """The bundled labels' verdicts for the proposals of one base measure, as an analyst's decisions."""
    gold = load_labels(LABELS).resolve(adapter.al.proposals)
    return {
        p.id: RecordedDecision(
            p.id, fingerprint(p.text), gold[p.id][0], [RecordedMeasure(n) for n in gold[p.id][1]]
        )
        for p in adapter.al.proposals
        if p.id.startswith(prefix) and p.id != leave_out
    }


def test_once_every_ask_of_a_base_measure_is_decided_it_goes_only_where_they_went(adapter: Adapter) -> None:
    # The engine reads 2014 measure 5 (residence) as split into 9 (residence) and 15 (resources);
    # the coalition's asks on it went to 9, 16, 22 and 5, none to 15, and the labels say « revised → 9 ».
    engine = adapter.result().measures[4]
    assert (engine.verdict, engine.next) == ("split", [9, 15])
    decided = adapter.result(_as_labelled(adapter, "M05-")).measures[4]
    assert (decided.verdict, decided.next) == ("revised", [9])
    assert not decided.decided  # read from the proposals: no decision on the measure itself
    # One ask left to the engine: the texts' reading stands.
    partly = adapter.result(_as_labelled(adapter, "M05-", leave_out="M05-P13")).measures[4]
    assert partly.next == [9, 15]


def test_with_no_decision_the_base_measures_are_the_engine_s(adapter: Adapter) -> None:
    other = _as_labelled(adapter, "M02-")
    engine, decided = adapter.result(), adapter.result(other)
    # Decisions on measure 2's asks leave measure 5 as the engine read it.
    assert decided.measures[4] == engine.measures[4]
