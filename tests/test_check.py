"""The CI gate's comparison with a reviewed baseline (the CLI and docs/ci.md are in test_cli_check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.check import compare_with_baseline, failures, parse_fail_on, summary_markdown
from plancompare.errors import UsageError
from plancompare.models import DiffResult
from plancompare.serialise import load_model

SAMPLE = Path(__file__).parent / "snapshots" / "sample-diff.json"


def _sample() -> DiffResult:
    return load_model(SAMPLE, DiffResult, "diff result")


def _with(result: DiffResult, **verdicts: str) -> DiffResult:
    proposals = [
        p.model_copy(update={"verdict": verdicts.get(p.id.replace("-", "_"), p.verdict)})
        for p in result.proposals
    ]
    return result.model_copy(update={"proposals": proposals})


def test_same_result_has_no_findings() -> None:
    assert compare_with_baseline(_sample(), _sample()) == []


def test_adopted_to_changed_and_changed_to_dropped_regress() -> None:
    baseline = _sample()
    current = _with(baseline, G01="changed", M01_P01="dropped", G02="adopted")
    found = {(f.kind, f.id, f.before, f.after) for f in compare_with_baseline(current, baseline)}
    assert found == {
        ("regressed", "G01", "adopted", "changed"),
        ("regressed", "M01-P01", "changed", "dropped"),
        ("improved", "G02", "dropped", "adopted"),
    }


def test_measure_newly_dropped_and_new_proposal_dropped() -> None:
    baseline = _sample()
    measures = [
        m.model_copy(update={"verdict": "dropped", "next": []}) if m.number == 2 else m
        for m in baseline.measures
    ]
    extra = baseline.proposals[1].model_copy(update={"id": "G17"})
    current = baseline.model_copy(update={"measures": measures, "proposals": [*baseline.proposals, extra]})
    findings = compare_with_baseline(current, baseline)
    assert [(f.kind, f.id) for f in findings] == [("new-drops", "G17"), ("dropped", "2")]
    assert [f.id for f in failures(findings, ("regressed", "dropped"))] == ["2"]
    assert [f.id for f in failures(findings, ("new-drops",))] == ["G17"]


def test_fail_on_is_validated() -> None:
    assert parse_fail_on("regressed, new-drops") == ("regressed", "new-drops")
    for bad in ("", "regresed", "dropped,everything"):
        with pytest.raises(UsageError):
            parse_fail_on(bad)


def test_markdown_summary_lists_the_regressions() -> None:
    baseline = _sample()
    current = _with(baseline, G01="dropped")
    text = summary_markdown(compare_with_baseline(current, baseline), ("regressed",), current, baseline, "fr")
    assert "1 écart(s) bloquant(s) (regressed)." in text
    assert "### Propositions en recul" in text
    assert "- G01: Adoptée → Non reprise – Le Collectif appelle" in text
    english = summary_markdown([], ("regressed",), baseline, baseline, "en")
    assert "Nothing that fails the check (regressed)." in english
