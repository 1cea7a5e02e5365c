"""The review app through Textual's Pilot: keys record decisions in the file at once, undo, resume
after a kill, a missing measure refused, a stale decision shown, a hand edit kept."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tests.review.pilot import press

from plancompare.judge.adapt import Adapter
from plancompare.judge.decisions import RecordedDecision, fingerprint, load_decisions, save_decisions
from plancompare.review.app import ReviewApp
from plancompare.review.session import FileStore, MissingMeasure, Session

ROOT = Path(__file__).resolve().parents[2]


def _session(adapter: Adapter, path: Path, order: str = "confidence", lang: str = "fr") -> Session:
    return Session(adapter, FileStore(path), order=order, lang=lang)


def test_keys_record_decisions_at_once_and_undo_takes_one_back(adapter: Adapter, tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    session = _session(adapter, path)
    first = session.current().id  # type: ignore[union-attr]
    press(ReviewApp(session, "fr"), "d")
    assert list(load_decisions(path)) == [first]  # written at once
    second = session.current().id  # type: ignore[union-attr]  # the queue was re-ordered
    candidates = session.candidates(second)
    screen = press(ReviewApp(session, "fr"), "k", "t", "e", "x", "t", "e", "enter", "2", "c")
    recorded = load_decisions(path)
    assert recorded[first].verdict == "dropped" and recorded[first].measures == []
    assert recorded[second].verdict == "changed"
    assert [m.number for m in recorded[second].measures] == [candidates[1].measure]
    assert recorded[second].comment == "texte"
    assert "2/141 décidées" in screen
    # u takes the last one back (the file too); a second u the first.
    app = ReviewApp(_session(adapter, path), "fr")
    asyncio.run(_press_then_check(app))  # nothing to undo in a new session
    session = _session(adapter, path)
    session.decide(session.current().id, "dropped")  # type: ignore[union-attr]
    third = session.undo_stack[-1][0]
    app = ReviewApp(session, "en")
    screen = press(app, "u")
    assert third not in load_decisions(path) and set(load_decisions(path)) == {first, second}
    assert f"{third}: decision undone" in screen


async def _press_then_check(app: ReviewApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert "Rien à annuler" in str(app.query_one("#message").render())


def test_a_restart_after_a_kill_resumes_where_the_analyst_stopped(adapter: Adapter, tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from plancompare.review.run import open_session
        s = open_session(Path({str(ROOT / "corpora/2014-2016")!r}), Path({str(ROOT / "corpora/next")!r}),
                         decisions=Path({str(path)!r}))
        for _ in range(2):
            s.decide(s.current().id, "dropped")
        print(",".join(sorted(s.decisions)), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    decided = done.stdout.strip().split(",")
    assert sorted(load_decisions(path)) == decided
    session = _session(adapter, path)
    assert session.progress().decided == 2
    assert session.current().id not in decided  # type: ignore[union-attr]
    screen = press(ReviewApp(session, "fr"))
    assert "2/141 décidées" in screen


def test_a_measure_the_plan_does_not_have_is_refused(adapter: Adapter, tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    session = _session(adapter, path)
    screen = press(ReviewApp(session, "fr"), "slash", "9", "9", "enter")
    assert "Refusé : le plan suivant n’a pas de mesure 99" in screen
    with pytest.raises(MissingMeasure, match="no measure 999"):
        session.decide(session.current().id, "adopted", [999])  # type: ignore[union-attr]
    assert not path.exists()  # nothing recorded
    # « a » after the refusal records the engine's first candidate, not 99.
    press(ReviewApp(session, "fr"), "slash", "9", "9", "enter", "a")
    (entry,) = load_decisions(path).values()
    assert entry.measures and all(m.number != 99 for m in entry.measures)


def test_a_stale_decision_is_shown_as_stale(adapter: Adapter, tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    first = adapter.al.proposals[0]
    save_decisions(path, {first.id: RecordedDecision(first.id, "000000000000", "dropped", [])})
    session = _session(adapter, path, order="document", lang="en")
    assert session.current().id == first.id  # type: ignore[union-attr]  # stale: still to decide
    screen = press(ReviewApp(session, "en"))
    assert "Stale decision (Dropped): the proposal's text changed" in screen.replace("\n", " ")


def test_a_file_edited_by_hand_while_review_runs_is_not_clobbered(adapter: Adapter, tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    session = _session(adapter, path, order="document")
    app = ReviewApp(session, "fr")
    last = adapter.al.proposals[-1]

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("d")
            await pilot.pause()
            by_hand = load_decisions(path)
            by_hand[last.id] = RecordedDecision(
                last.id, fingerprint(last.text), "dropped", [], comment="à la main"
            )
            save_decisions(path, by_hand)
            await pilot.press("d")
            await pilot.pause()

    asyncio.run(go())
    recorded = load_decisions(path)
    assert len(recorded) == 3 and recorded[last.id].comment == "à la main"
    # The hand edit is read: that proposal is no longer asked.
    assert last.id not in [p.id for p in session.queue()]


def test_each_decision_re_scores_the_rest_well_under_a_second(adapter: Adapter, tmp_path: Path) -> None:
    session = _session(adapter, tmp_path / "decisions.yaml")
    times = []
    for _ in range(12):
        started = time.perf_counter()
        session.decide(session.current().id, "dropped")  # type: ignore[union-attr]
        times.append(time.perf_counter() - started)
    assert sorted(times)[len(times) // 2] < 0.5, times


def test_not_an_ask_is_recorded_where_the_file_can_hold_it(adapter: Adapter, tmp_path: Path) -> None:
    from plancompare.models import PROPOSAL_VERDICTS

    path = tmp_path / "decisions.yaml"
    session = _session(adapter, path)
    pid = session.current().id  # type: ignore[union-attr]
    screen = press(ReviewApp(session, "fr"), "n")
    if "n-a" in PROPOSAL_VERDICTS:
        assert load_decisions(path)[pid].verdict == "n-a"
    else:  # decisions files know adopted, changed and dropped only: one clear line, nothing written
        assert "Refusé : le fichier de décisions ne sait pas encore enregistrer « Pas une demande »" in screen
        assert not path.exists()


def test_search_by_words_lists_measures_and_v_shows_a_whole_measure(adapter: Adapter, tmp_path: Path) -> None:
    session = _session(adapter, tmp_path / "decisions.yaml", lang="en")
    app = ReviewApp(session, "en")

    async def go() -> tuple[str, str]:
        async with app.run_test(size=(80, 24)) as pilot:
            for key in ("slash", *"hebergement", "enter"):
                await pilot.press(key)
            await pilot.pause()
            listed = str(app.query_one("#proposal").render())
            await pilot.press("1", "v")
            await pilot.pause()
            shown = str(app.screen.query_one("#measure-text").render())
            await pilot.press("escape")
            return listed, shown

    listed, shown = asyncio.run(go())
    found = session.search("hebergement")
    assert found and f"1 [ ] Measure {found[0].name} «" in listed
    assert found[0].title.split()[0] in shown and "Esc, v or q: close" in shown


def test_the_review_command_checks_its_options_before_opening(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from plancompare.cli import app

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["review", "--order", "alphabet"])
    assert result.exit_code == 2 and "unknown order 'alphabet'" in result.stderr
    result = CliRunner().invoke(app, ["review", "--help"])
    assert result.exit_code == 0 and "least certain first" in result.stdout


def test_a_candidate_passage_marks_the_words_it_shares_with_the_ask_not_etre_or_avoir() -> None:
    from plancompare.review.app import highlighted

    text = highlighted(
        "Une campagne nationale sera conduite ; elle aura lieu chaque année.",
        "Le Collectif sera attentif à ce que la campagne ait lieu.",
    )
    marked = [text.plain[span.start : span.end] for span in text.spans if span.style]
    assert marked == ["campagne", "lieu"]


def test_the_first_candidate_is_the_measure_the_verdict_shows(adapter: Adapter, tmp_path: Path) -> None:
    # The engine found no answer to M02-P07 (« un module national… »); the labelled drafts adopted it,
    # in their training measure. The verdict shows measure 4's passage (judge/places.py), not the
    # nearest one anywhere (a housing sentence of measure 11), and so does the review.
    session = _session(adapter, tmp_path / "decisions.yaml")
    shown = next(p for p in session.result.proposals if p.id == "M02-P07")
    assert (shown.verdict, [m.measure for m in shown.matches]) == ("adopted", [4])
    index = [p.id for p in adapter.al.proposals].index("M02-P07")
    assert adapter.al.aligned[index][1][0].measure == 11
    assert session.candidates("M02-P07")[0].measure == 4
    # A decision with no measure picked goes where the screen said.
    session.decide("M02-P07", "adopted")
    assert [m.number for m in load_decisions(tmp_path / "decisions.yaml")["M02-P07"].measures] == [4]


def test_a_candidate_is_shown_after_what_it_points_back_to_dimmed(adapter: Adapter, tmp_path: Path) -> None:
    # « À cette fin : les agents de contrôle … » does not say to what end; the sentence before does.
    from plancompare.review.views import proposal_body

    session = _session(adapter, tmp_path / "decisions.yaml")
    first = session.candidates("M01-P07")[0]
    assert first.passage.startswith("À cette fin") and first.before.startswith("Le présent plan fait")
    proposal = next(p for p in session.result.proposals if p.id == "M01-P07")
    shown = [(session.next_measures[first.measure], first.passage, first.score, first.before)]
    body = proposal_body(session, proposal, shown, [], "fr")
    at = body.plain.index(f"{first.before} {first.passage[:40]}")
    dimmed = [span for span in body.spans if span.style == "dim" and span.start == at]
    assert dimmed and body.plain[dimmed[0].start : dimmed[0].end].strip() == first.before
