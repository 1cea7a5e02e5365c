"""Analyst decisions: recorded with a fingerprint, applied while valid, reported stale otherwise."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from plancompare.errors import BadDataError, UsageError
from plancompare.files import lock_path, locked
from plancompare.judge.decisions import (
    RecordedDecision,
    RecordedMeasure,
    apply_decisions,
    fingerprint,
    load_decisions,
    record_decision,
    update_decisions,
)
from plancompare.models import DiffResult, ProposalResult
from plancompare.serialise import load_model

SAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "sample-diff.json"


def _sample() -> DiffResult:
    # The sample carries decisions already; start from the engine's own verdicts.
    result = load_model(SAMPLE, DiffResult, "diff result")
    proposals = [
        p.model_copy(update={"decision": None, "decided_by": "engine", "verdict": p.engine_verdict})
        for p in result.proposals
    ]
    return result.model_copy(update={"proposals": proposals, "stale_decisions": []})


def _proposal(result: DiffResult, pid: str) -> ProposalResult:
    return next(p for p in result.proposals if p.id == pid)


def test_fingerprint_ignores_whitespace_but_not_words() -> None:
    text = "Créer 50 postes\nde médiateurs  culturels"
    assert fingerprint(text) == fingerprint("Créer 50 postes de médiateurs culturels ")
    assert fingerprint(text) != fingerprint("Créer 60 postes de médiateurs culturels")
    assert len(fingerprint(text)) == 12 and int(fingerprint(text), 16) >= 0


def test_record_keeps_other_entries_sorted(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    record_decision(
        path, RecordedDecision("M05-P02", "aaaaaaaaaaaa", "changed", [RecordedMeasure(12, "Titre")])
    )
    record_decision(
        path, RecordedDecision("G03", "bbbbbbbbbbbb", "dropped", comment="rien", date="2026-11-20")
    )
    record_decision(path, RecordedDecision("M05-P02", "aaaaaaaaaaaa", "adopted", [RecordedMeasure(13)]))
    loaded = load_decisions(path)
    assert list(loaded) == ["G03", "M05-P02"]
    assert loaded["M05-P02"].verdict == "adopted"
    assert loaded["M05-P02"].measures == [RecordedMeasure(13, None)]
    assert loaded["G03"].date == "2026-11-20" and loaded["G03"].comment == "rien"
    text = path.read_text(encoding="utf-8")
    assert text.index("G03:") < text.index("M05-P02:")
    assert [p.name for p in tmp_path.iterdir()] == ["decisions.yaml"]  # no temporary file left


def test_a_writer_waits_for_the_lock_of_another(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    done = threading.Event()

    def write() -> None:
        record_decision(path, RecordedDecision("G01", "aaaaaaaaaaaa", "dropped"))
        done.set()

    with locked(path):
        assert lock_path(path).exists()
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.3)
        assert not done.is_set() and not path.exists()  # it waits for the lock
    writer.join(timeout=10)
    assert done.is_set() and list(load_decisions(path)) == ["G01"]
    assert [p.name for p in tmp_path.iterdir()] == ["decisions.yaml"]  # the lock file is gone


def test_a_hand_edit_saved_during_an_update_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    record_decision(path, RecordedDecision("G01", "aaaaaaaaaaaa", "dropped"))
    seen: list[list[str]] = []

    def change(decisions: dict[str, RecordedDecision]) -> None:
        seen.append(sorted(decisions))
        if len(seen) == 1:  # an analyst saves the file in an editor (no lock) meanwhile
            hand = "  G02:\n    fingerprint: bbbbbbbbbbbb\n    verdict: dropped\n"
            path.write_text(path.read_text(encoding="utf-8") + hand, encoding="utf-8")
        decisions["G03"] = RecordedDecision("G03", "cccccccccccc", "dropped")

    update_decisions(path, change)
    assert seen == [["G01"], ["G01", "G02"]]  # read again, not written over
    assert list(load_decisions(path)) == ["G01", "G02", "G03"]


def test_record_refuses_an_unknown_verdict(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        record_decision(tmp_path / "d.yaml", RecordedDecision("G01", "aaaaaaaaaaaa", "maybe"))
    assert not (tmp_path / "d.yaml").exists()


def test_valid_decision_overrides_verdict_and_keeps_engine_evidence() -> None:
    result = _sample()
    target = _proposal(result, "M12-P01")
    assert target.verdict == "changed"
    decided = RecordedDecision(
        "M12-P01",
        fingerprint(target.text),
        "adopted",
        [RecordedMeasure(9, "Politique pénale")],
        "vu",
        "C. A.",
    )
    applied = apply_decisions(result, {"M12-P01": decided})
    after = _proposal(applied, "M12-P01")
    assert (after.verdict, after.engine_verdict, after.decided_by) == ("adopted", "changed", "analyst")
    assert [m.measure for m in after.matches] == [9]
    assert after.matches[0].passage == "Une circulaire de politique pénale sera diffusée."
    assert after.decision is not None and not after.decision.stale and after.decision.author == "C. A."
    assert [r.code for r in after.reasons] == ["analyst"]
    assert applied.stale_decisions == []
    # The input result is left as it was.
    assert _proposal(result, "M12-P01").verdict == "changed"


def test_decision_on_a_measure_the_engine_did_not_match_uses_its_title() -> None:
    result = _sample()
    target = _proposal(result, "G02")
    applied = apply_decisions(
        result, {"G02": RecordedDecision("G02", fingerprint(target.text), "changed", [RecordedMeasure(8)])}
    )
    after = _proposal(applied, "G02")
    assert after.verdict == "changed"
    assert [(m.measure, m.passage, m.score) for m in after.matches] == [
        (8, "Lutter contre l’exploitation *en ligne*", 0.0)
    ]


def test_a_decision_that_an_item_is_not_an_ask_keeps_no_measure(tmp_path: Path) -> None:
    result = _sample()
    target = _proposal(result, "G01")
    path = tmp_path / "decisions.yaml"
    record_decision(path, RecordedDecision("G01", fingerprint(target.text), "n-a", comment="éloge"))
    applied = apply_decisions(result, load_decisions(path))
    after = _proposal(applied, "G01")
    assert (after.verdict, after.engine_verdict, after.decided_by) == ("n-a", "adopted", "analyst")
    assert after.matches == [] and after.decision is not None and after.decision.verdict == "n-a"


def test_changed_text_makes_a_decision_stale() -> None:
    result = _sample()
    decided = RecordedDecision("M12-P01", fingerprint("un autre texte"), "adopted", [RecordedMeasure(9)])
    applied = apply_decisions(result, {"M12-P01": decided}, lang="fr")
    after = _proposal(applied, "M12-P01")
    assert after.verdict == "changed" and after.decided_by == "engine"
    assert after.decision is not None and after.decision.stale
    assert after.decision.stale_reason.startswith("le texte de la proposition a changé")
    assert applied.stale_decisions == ["M12-P01"]


@pytest.mark.parametrize(
    ("measure", "reason"),
    [
        (RecordedMeasure(77), "measure 77 no longer exists in the next plan"),
        (
            RecordedMeasure(9, "Politique pénale renforcée"),
            "measure 9 is now « Politique pénale », it was « Politique pénale renforcée » when decided",
        ),
    ],
)
def test_missing_or_renamed_measure_makes_a_decision_stale(measure: RecordedMeasure, reason: str) -> None:
    result = _sample()
    target = _proposal(result, "M12-P01")
    applied = apply_decisions(
        result, {"M12-P01": RecordedDecision("M12-P01", fingerprint(target.text), "adopted", [measure])}
    )
    after = _proposal(applied, "M12-P01")
    assert after.verdict == "changed"
    assert after.decision is not None and after.decision.stale_reason == reason


def test_decision_for_an_unknown_proposal_is_stale() -> None:
    applied = apply_decisions(_sample(), {"M99-P01": RecordedDecision("M99-P01", "aaaaaaaaaaaa", "dropped")})
    assert applied.stale_decisions == ["M99-P01"]


@pytest.mark.parametrize(
    "content",
    [
        "decisions: [1, 2",
        "decisions:\n  G01: {verdict: maybe, fingerprint: abc}\n",
        "decisions:\n  G01: {verdict: adopted}\n",
        "decisions:\n  G01: {verdict: adopted, fingerprint: abc, measures: [douze]}\n",
        "- just a list\n",
    ],
)
def test_broken_files_are_reported(tmp_path: Path, content: str) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadDataError):
        load_decisions(path)
