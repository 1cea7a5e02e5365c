"""An analyst decides what became of a base measure (`plancompare decide M05 split -m 9 -m 16`), and
every report, the next measures' antecedents and the CI gate follow the decision (real PDFs, real CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.runner import invoke

from plancompare.check import compare_with_baseline
from plancompare.models import DiffResult
from plancompare.report.gate import summary_lines
from plancompare.report.i18n import labels

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "corpora" / "2014-2016"
NEXT = ROOT / "corpora" / "next"
COMMON = ("--base", BASE, "--next", NEXT)


def diff(decisions: Path, fmt: str = "json") -> str:
    code, out, err = invoke("diff", BASE, NEXT, "--format", fmt, "--decisions", decisions)
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def engine() -> DiffResult:
    code, out, err = invoke("diff", BASE, NEXT, "--format", "json")
    assert code == 0, err
    return DiffResult.model_validate_json(out)


def test_a_decided_split_is_shown_with_its_next_measures_and_their_antecedents(
    tmp_path: Path, engine: DiffResult
) -> None:
    decisions = tmp_path / "decisions.yaml"
    code, _, err = invoke(
        "decide", "M05", "split", "-m", "9", "-m", "16", "--comment", "séjour → 9, FLE → 16",
        *COMMON, "--file", decisions,
    )  # fmt: skip
    assert code == 0, err
    assert "recorded M05: split → 9, 16" in " ".join(err.split())
    assert engine.measures[4].next != [9, 16]  # the engine read it otherwise
    result = DiffResult.model_validate_json(diff(decisions))
    measure = result.measures[4]
    assert (measure.verdict, measure.next, measure.confidence, measure.decided) == (
        "split",
        [9, 16],
        1.0,
        True,
    )
    assert measure.decision is not None and measure.decision.comment == "séjour → 9, FLE → 16"
    sixteen = next(m for m in result.next_measures if m.number == 16)
    assert 5 in sixteen.antecedents and 16 not in result.new_measures
    # What the engine gave the other base measures stands.
    assert [m.verdict for m in result.measures[5:]] == [m.verdict for m in engine.measures[5:]]
    row = next(line for line in diff(decisions, "md").splitlines() if line.startswith("| 5 |"))
    assert "| Scindée ✔ analyste – séjour → 9, FLE → 16 |" in row and "16 (Accompagner les victimes" in row


def test_a_decided_drop_is_a_correction_for_the_gate_not_a_regression(
    tmp_path: Path, engine: DiffResult
) -> None:
    decisions = tmp_path / "decisions.yaml"
    assert engine.measures[15].verdict != "dropped"
    code, _, err = invoke("decide", "M16", "dropped", *COMMON, "--file", decisions)
    assert code == 0, err
    result = DiffResult.model_validate_json(diff(decisions))
    assert (result.measures[15].verdict, result.measures[15].next, result.measures[15].matches) == (
        "dropped",
        [],
        [],
    )
    findings = compare_with_baseline(result, engine)
    assert [(f.kind, f.id, f.before, f.after) for f in findings if f.id == "M16" or f.id == "16"] == [
        ("decision", "M16", engine.measures[15].verdict, "dropped")
    ]
    head, sections = summary_lines(findings, ("regressed", "dropped"), result, engine, "fr")
    assert head.startswith("Aucun écart bloquant")  # nothing fails: the drop is the analyst's
    lines = [line for _, chosen in sections for line in chosen if line.startswith("M16")]
    was = labels("fr").measure_verdict(engine.measures[15].verdict)
    assert lines == [f"M16: {was} → Abandonnée – {engine.measures[15].title}"]
    row = next(line for line in diff(decisions, "md").splitlines() if line.startswith("| 16 |"))
    assert "| Abandonnée ✔ analyste |" in row


def test_a_decision_whose_next_measure_was_renamed_is_stale_and_the_engine_stands(
    tmp_path: Path, engine: DiffResult
) -> None:
    decisions = tmp_path / "decisions.yaml"
    code, _, err = invoke("decide", "M06", "revised", "-m", "11", *COMMON, "--file", decisions)
    assert code == 0, err
    text = decisions.read_text(encoding="utf-8")
    title = next(m.title for m in engine.next_measures if m.number == 11)
    assert title in text
    decisions.write_text(
        text.replace(title, "Un autre intitulé")
        + "  M99:\n    fingerprint: 0123456789ab\n    verdict: dropped\n",
        encoding="utf-8",
    )
    result = DiffResult.model_validate_json(diff(decisions))
    measure = result.measures[5]
    assert (measure.verdict, measure.next) == (engine.measures[5].verdict, engine.measures[5].next)
    assert measure.decision is not None and measure.decision.stale and not measure.decided
    assert "la mesure 11 s’intitule désormais" in (measure.decision.stale_reason or "")
    assert result.stale_decisions == ["M06", "M99"]
    report = diff(decisions, "md")
    assert "**M06**" in report and "la mesure M99 n’existe plus dans le plan de référence" in report


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("M05", "adopted", "-m", "9"), "unknown verdict 'adopted' for a base measure"),
        (("M05", "split", "-m", "9"), "a split base measure goes into two next-plan measures or more"),
        (("M05", "kept"), "a kept base measure goes into one next-plan measure"),
        (("M16", "dropped", "-m", "29"), "a dropped base measure has no next-plan measure"),
        (("M99", "dropped"), "no base measure M99"),
        (("M05", "revised", "-m", "999"), "the next plan has no measure 999"),
    ],
)
def test_decide_on_a_base_measure_usage_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    target = tmp_path / "decisions.yaml"
    code, _, err = invoke("decide", *args, *COMMON, "--file", target)
    assert code == 2
    assert message in " ".join(err.split())
    assert not target.exists()


def test_a_proposals_verdict_written_by_hand_on_a_base_measure_is_one_clear_line(tmp_path: Path) -> None:
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        "decisions:\n  M05:\n    fingerprint: 0123456789ab\n    verdict: adopted\n", encoding="utf-8"
    )
    code, out, err = invoke("diff", BASE, NEXT, "--format", "json", "--decisions", decisions)
    assert code == 3 and not out
    assert "decision M05: verdict must be one of kept, revised, merged, split, dropped" in " ".join(
        err.split()
    )
    assert "Traceback" not in err


def test_the_base_measures_are_read_from_the_proposals_as_decided(tmp_path: Path, engine: DiffResult) -> None:
    # Two asks of base measure 2 that the engine left out, decided as taken up in next measure 35:
    # measure 2 went there too, though no decision names measure 2 itself.
    assert engine.measures[1].next == [4]
    decisions = tmp_path / "decisions.yaml"
    for pid in ("M02-P03", "M02-P05"):
        code, _, err = invoke("decide", pid, "changed", "-m", "35", *COMMON, "--file", decisions)
        assert code == 0, err
    result = DiffResult.model_validate_json(diff(decisions))
    measure = result.measures[1]
    assert (measure.verdict, measure.next, measure.decided) == ("split", [4, 35], False)
    assert 2 in next(m for m in result.next_measures if m.number == 35).antecedents
    # One decision is not evidence enough to move a measure (as for the engine: two asks answered).
    decisions.unlink()
    invoke("decide", "M02-P03", "changed", "-m", "35", *COMMON, "--file", decisions)
    assert DiffResult.model_validate_json(diff(decisions)).measures[1].next == [4]
