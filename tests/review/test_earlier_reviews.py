"""An earlier review's decisions (`--history FILE`) count in the confidence model's history: beside
the labelled drafts' labels, or instead of them with `--own-history`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.runner import invoke

from plancompare.corpus import load_side
from plancompare.errors import EXIT_UNREADABLE, EXIT_USAGE, UsageError
from plancompare.judge.confidence import CLASSES, MEASURE_VERDICTS
from plancompare.judge.decisions import RecordedDecision, fingerprint, save_decisions
from plancompare.judge.history import decided_counts, with_history
from plancompare.judge.model import shipped
from plancompare.models import DiffResult

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "corpora" / "2014-2016"
# A draft the model was not fit on, where the engine finds no answer to M03-P04 (campaigns that make
# the public aware of trafficking), an ask every draft of the fit adopted: the shipped model calls it
# adopted on their memory alone.
DRAFT = ROOT / "corpora" / "diapo"
ASK = "M03-P04"


def _ask_text() -> str:
    side = load_side(BASE)
    return next(p.text for r in side.reviews for p in r.proposals if p.id == ASK)


def test_each_decision_counts_once_for_its_ask_or_its_base_measure() -> None:
    decisions = [
        RecordedDecision(id="M01-P01", fingerprint="aaa", verdict="dropped"),
        RecordedDecision(id="M01-P02", fingerprint="aaa", verdict="adopted"),
        RecordedDecision(id="G01", fingerprint="bbb", verdict="n-a"),
        RecordedDecision(id="M01", fingerprint="ccc", verdict="merged"),
    ]
    asks, measures = decided_counts(decisions)
    dropped, adopted, na = (CLASSES.index(v) for v in ("dropped", "adopted", "n-a"))
    assert asks["aaa"][dropped] == 1 and asks["aaa"][adopted] == 1 and sum(asks["aaa"]) == 2
    assert asks["bbb"][na] == 1
    assert measures == {"ccc": tuple(int(v == "merged") for v in MEASURE_VERDICTS)}


def test_decisions_add_to_the_drafts_history_or_replace_it() -> None:
    model = shipped()
    known = next(iter(model.history))
    decision = RecordedDecision(id="M01-P01", fingerprint=known, verdict="dropped")
    added = with_history(model, [decision])
    assert sum(added.history[known]) == sum(model.history[known]) + 1
    assert len(added.history) == len(model.history) and added.added == 1
    own = with_history(model, [decision], own=True)
    assert own.added == 1 and own.own
    assert own.history == {known: tuple(int(c == "dropped") for c in CLASSES)}
    assert own.measure_history == {}
    # Where the labelled drafts took each ask up is theirs too: set aside with their counts.
    assert model.places and added.places == model.places and own.places == {}
    # The asks the model knows are those of its history: with its own, only the one decided.
    assert own.knows(["any other ask"]).tolist() == [False]


@pytest.fixture(scope="module")
def dropped_before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The decisions file of an earlier review that found the ask dropped."""
    path = tmp_path_factory.mktemp("earlier") / "decisions.yaml"
    decision = RecordedDecision(id=ASK, fingerprint=fingerprint(_ask_text()), verdict="dropped")
    save_decisions(path, {ASK: decision})
    return path


def _verdict(*args: str | Path) -> tuple[str, DiffResult]:
    code, out, err = invoke("diff", BASE, DRAFT, "--format", "json", *args)
    assert code == 0, err
    result = DiffResult.model_validate(json.loads(out))
    return next(p.verdict for p in result.proposals if p.id == ASK), result


def test_an_earlier_review_s_decision_outweighs_the_fictional_drafts_memory(dropped_before: Path) -> None:
    shipped_verdict, plain = _verdict()
    assert shipped_verdict == "adopted"  # on the labelled drafts' memory: the engine dropped it
    assert plain.settings.history_from == 0
    own_verdict, own = _verdict("--history", dropped_before, "--own-history")
    assert own_verdict != "adopted"
    assert own.settings.history_from == 1 and own.settings.own_history
    assert not plain.settings.own_history
    reason = next(p for p in own.proposals if p.id == ASK).reasons
    assert not any(r.code == "weighed" and r.next == "adopted" for r in reason)


def test_history_files_that_cannot_teach_are_refused(tmp_path: Path, dropped_before: Path) -> None:
    code, _, err = invoke("diff", BASE, DRAFT, "--history", tmp_path / "absent.yaml")
    assert code == EXIT_USAGE and "--history" in err and "no such file" in err and "Traceback" not in err
    empty = tmp_path / "empty.yaml"
    empty.write_text("decisions: {}\n", encoding="utf-8")
    code, _, err = invoke("diff", BASE, DRAFT, "--history", empty)
    assert code == EXIT_UNREADABLE and "no decision" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("decisions: [\n", encoding="utf-8")
    code, _, err = invoke("diff", BASE, DRAFT, "--history", broken)
    assert code == EXIT_UNREADABLE and str(broken.name) in err
    # This review's own decisions file is applied, never learnt from as an earlier one.
    code, _, err = invoke("diff", BASE, DRAFT, "--decisions", dropped_before, "--history", dropped_before)
    assert code == EXIT_USAGE and "own decisions file" in err


def test_a_file_given_twice_counts_once(dropped_before: Path) -> None:
    from plancompare.judge.history import load_history

    assert (
        len(
            load_history(
                [dropped_before, dropped_before.parent / ".." / dropped_before.parent.name / "decisions.yaml"]
            )
        )
        == 1
    )


def test_a_review_learns_from_an_earlier_one_and_never_from_itself(
    dropped_before: Path, tmp_path: Path
) -> None:
    from plancompare.judge.history import EarlierReviews
    from plancompare.review.run import open_session

    earlier = EarlierReviews((dropped_before,), own=True)
    session = open_session(BASE, DRAFT, decisions=tmp_path / "decisions.yaml", earlier=earlier)
    assert session.result.settings.history_from == 1
    assert next(p for p in session.result.proposals if p.id == ASK).verdict != "adopted"
    with pytest.raises(UsageError, match="own decisions file"):
        open_session(BASE, DRAFT, decisions=dropped_before, earlier=earlier)


def test_the_review_app_says_what_the_model_remembers(dropped_before: Path, tmp_path: Path) -> None:
    from tests.review.pilot import press

    from plancompare.judge.history import EarlierReviews
    from plancompare.review.app import ReviewApp
    from plancompare.review.run import open_session

    def screen(earlier: EarlierReviews, lang: str) -> str:
        session = open_session(BASE, DRAFT, decisions=tmp_path / f"{lang}.yaml", earlier=earlier, lang=lang)
        return press(ReviewApp(session, lang))

    assert "Revues antérieures : 1 décision comptée, seules (--own-history)" in screen(
        EarlierReviews((dropped_before,), own=True), "fr"
    )
    assert "Earlier reviews: 1 decision counted, beside the labelled drafts'" in screen(
        EarlierReviews((dropped_before,)), "en"
    )
    assert "every ask read as new" in screen(EarlierReviews(own=True), "en")
    # The shipped memory alone: nothing to say.
    assert "Earlier reviews" not in screen(EarlierReviews(), "en")
