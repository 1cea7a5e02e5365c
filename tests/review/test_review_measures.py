"""The review app on the base measures, through Textual's Pilot: `m` walks them (least certain first, or in
the base plan's order with another order), one key says what became of each (written to the decisions
file at once, as `decide` would), the count of next measures is checked, undo and skip work, and the app
goes there by itself once every proposal is decided."""

from __future__ import annotations

from pathlib import Path

from tests.review.pilot import press

from plancompare.judge.adapt import Adapter
from plancompare.judge.decisions import RecordedDecision, RecordedMeasure, load_decisions, save_decisions
from plancompare.review.app import ReviewApp
from plancompare.review.session import FileStore, Session


def _session(adapter: Adapter, path: Path, lang: str = "fr", only: frozenset[str] | None = None) -> Session:
    # In the review's order, so that the base measures come in the plan's order: M01, M02 …
    return Session(adapter, FileStore(path), lang=lang, only=only, order="document")


def test_by_default_the_base_measures_come_least_certain_first(adapter: Adapter, tmp_path: Path) -> None:
    session = Session(adapter, FileStore(tmp_path / "decisions.yaml"), lang="fr")
    queue = session.measure_queue()
    assert [m.confidence for m in queue] == sorted(m.confidence for m in queue)
    first = queue[0]
    assert first.number != 1  # not the plan's order
    screen = press(ReviewApp(session, "fr"), "m")
    assert f"M{first.number:02d} · mesure {first.number}" in screen
    # Skipped, it goes last.
    session.skip(f"M{first.number:02d}")
    assert session.measure_queue()[-1].number == first.number


def test_m_walks_the_base_measures_and_one_key_records_what_became_of_one(
    adapter: Adapter, tmp_path: Path
) -> None:
    path = tmp_path / "decisions.yaml"
    session = _session(adapter, path)
    first = session.result.measures[0]
    screen = press(ReviewApp(session, "fr"), "m")
    assert "Mesures : 0/23 décidées" in screen and "M01 · mesure 1" in screen
    assert " ".join(first.title.split()) in screen
    assert first.verdict == "split" and "Le tableau dit : Scindée → 1, 2 · confiance" in screen
    assert "Ses propositions : " in screen  # where its proposals went
    assert "= maintenue  r révisée  f fusionnée  x scindée  d abandonnée" in screen
    # « = » with the second candidate picked: kept, into that one measure; the file has it at once.
    candidate = session.measure_candidates(first.number)[1][0]
    screen = press(ReviewApp(session, "fr"), "m", "2", "equals_sign")
    recorded = load_decisions(path)["M01"]
    assert recorded.verdict == "kept" and [m.number for m in recorded.measures] == [candidate]
    assert f"M01 : Maintenue → {candidate} enregistrée" in screen
    assert "Mesures : 1/23 décidées" in screen and "M02 · mesure 2" in screen
    # The table reads it: the measure is the analyst's, its next measure the one picked.
    decided = _session(adapter, path).result.measures[0]
    assert decided.decided and decided.verdict == "kept" and decided.next == [candidate]
    # u takes it back, and the measure is asked again.
    screen = press(ReviewApp(session, "en"), "u")
    assert "M01" not in load_decisions(path) and "M01: decision undone" in screen
    assert "M01 · measure 1" in screen


def test_a_verdict_that_does_not_fit_its_measures_is_refused_and_nothing_written(
    adapter: Adapter, tmp_path: Path
) -> None:
    path = tmp_path / "decisions.yaml"
    session = _session(adapter, path)
    # A proposal's key on a base measure: the measure keys are named.
    screen = press(ReviewApp(session, "fr"), "m", "a")
    assert "Pour une mesure : = maintenue, r révisée" in screen
    # Split into one measure.
    screen = press(ReviewApp(session, "fr"), "m", "1", "x")
    assert "Refusé : a split base measure goes into two next-plan measures or more" in screen
    # Kept into two.
    screen = press(ReviewApp(session, "fr"), "m", "1", "2", "equals_sign")
    assert "Refusé : a kept base measure goes into one next-plan measure" in screen
    # A base measure's key on a proposal.
    screen = press(ReviewApp(session, "en"), "x")
    assert "For a proposal: a adopted, c changed, d dropped, n not an ask" in screen
    assert not path.exists()
    # Split into the two picked, dropped with none: both recorded.
    press(ReviewApp(session, "fr"), "m", "1", "2", "x", "d")
    recorded = load_decisions(path)
    picked = [n for n, *_ in session.measure_candidates(1)[:2]]
    assert recorded["M01"].verdict == "split" and [m.number for m in recorded["M01"].measures] == picked
    assert recorded["M02"].verdict == "dropped" and recorded["M02"].measures == []


def test_the_app_goes_to_the_base_measures_once_every_proposal_is_decided(
    adapter: Adapter, tmp_path: Path
) -> None:
    path = tmp_path / "decisions.yaml"
    pid = adapter.al.proposals[0].id
    session = _session(adapter, path, only=frozenset({pid}))
    screen = press(ReviewApp(session, "fr"), "d")
    assert "Toutes les propositions sont décidées : voici les mesures de référence." in screen
    assert "M01 · mesure 1" in screen
    # s leaves a measure for later; m goes back to the proposals, where nothing is left.
    screen = press(ReviewApp(session, "fr"), "m", "s")
    assert "M02 · mesure 2" in screen and session.measure_queue()[-1].number == 1
    screen = press(ReviewApp(session, "fr"), "m", "m")
    # Every proposal is decided: the app says so and stays with the measures.
    assert "Toutes les propositions sont décidées" in screen and "M02 · mesure 2" in screen


def test_a_stale_decision_on_a_base_measure_is_shown_and_asked_again(
    adapter: Adapter, tmp_path: Path
) -> None:
    path = tmp_path / "decisions.yaml"
    save_decisions(
        path, {"M01": RecordedDecision("M01", "000000000000", "kept", [RecordedMeasure(1, "Ancien titre")])}
    )
    session = _session(adapter, path, lang="en")
    assert session.current_measure().number == 1  # type: ignore[union-attr]
    screen = press(ReviewApp(session, "en"), "m")
    assert "Stale decision (Kept):" in screen and "Measures: 0/23 decided" in screen
