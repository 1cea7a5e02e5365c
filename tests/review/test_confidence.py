"""Confidence and adaptation: the engine's result untouched with no decision, probabilities on every
verdict, and the same decisions giving the same bytes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from plancompare.judge.adapt import Adapter, fit_thresholds
from plancompare.judge.confidence import CLASSES
from plancompare.judge.decisions import RecordedDecision, RecordedMeasure, fingerprint
from plancompare.judge.diff import compare, result_of
from plancompare.judge.forest import forest_from, forest_json
from plancompare.judge.model import DATA, FOREST_DATA, model_from, model_json, shipped
from plancompare.judge.numeric import np
from plancompare.serialise import to_json
from plancompare.workflow import run_diff

ROOT = Path(__file__).resolve().parents[2]


def _decisions(adapter: Adapter, count: int) -> dict[str, RecordedDecision]:
    """`count` decisions that contradict the engine (dropped ↔ taken up), as an analyst's would."""
    out = {}
    for p, (_, cands) in list(zip(adapter.al.proposals, adapter.al.aligned, strict=True))[:count]:
        verdict = "dropped" if adapter.judged(adapter.cfg)[len(out)][0] != "dropped" else "changed"
        measures = [] if verdict == "dropped" else [RecordedMeasure(cands[0].measure)]
        out[p.id] = RecordedDecision(p.id, fingerprint(p.text), verdict, measures)
    return out


def test_the_engine_result_is_compare_s(adapter: Adapter) -> None:
    judged = adapter.judged(adapter.cfg)
    ours = result_of(adapter.base, adapter.next_side, adapter.al, judged, adapter.cfg)
    assert ours == compare(adapter.base, adapter.next_side, adapter.cfg)


def test_with_no_decision_the_engine_s_verdicts_are_weighed_and_have_a_confidence(adapter: Adapter) -> None:
    result = adapter.result({})
    engine = compare(adapter.base, adapter.next_side, adapter.cfg)
    assert result.settings.adapted_on == 0
    assert result.settings.thresholds == engine.settings.thresholds
    pairs = list(zip(engine.proposals, result.proposals, strict=True))
    moved = [(e, r) for e, r in pairs if e.verdict != r.verdict]
    # The model moves some verdicts, and says so; every other proposal is the engine's, to the byte.
    # It adopts only where it is all but sure (weigh.MODEL_ADOPTION_LEAD), and never leaves « n-a ».
    assert moved
    for e, r in moved:
        assert (e.verdict, r.verdict) in {
            ("adopted", "changed"),
            ("adopted", "dropped"),
            ("changed", "dropped"),
            ("dropped", "changed"),
            ("changed", "adopted"),
            ("dropped", "adopted"),
        }
        weighing = [x for x in r.reasons if x.code == "weighed"]
        assert [(x.base, x.next) for x in weighing] == [(e.verdict, r.verdict)]
        # The reason says what the model knew of the ask: how the labelled drafts judged it.
        assert weighing[0].labelled and set(weighing[0].labelled) <= set(CLASSES)
        if r.verdict == "adopted":
            assert r.confidence >= 0.8
        # The engine's passage stays the evidence; where the engine found no answer and the model takes
        # the ask up, the passage is in the measure most like where the drafts took it up (places.py).
        placed = adapter.placed()[[p.id for p in adapter.al.proposals].index(r.id)][0]
        taken_up = e.verdict == "dropped" and r.verdict in ("adopted", "changed")
        assert r.matches and r.matches[0].measure == (placed.measure if taken_up else e.matches[0].measure)
    strip = {"confidence"}
    unmoved = [(e, r) for e, r in pairs if e.verdict == r.verdict]
    # A proposal still dropped may show its nearest passage in the measure most like where the drafts
    # took its ask up (places.py): the passage, its score and why it does not answer are then its own.
    placed = [(e, r) for e, r in unmoved if r.verdict == "dropped" and r.matches != e.matches]
    assert placed
    for _, r in placed:
        first = adapter.placed()[[p.id for p in adapter.al.proposals].index(r.id)][0]
        assert [m.measure for m in r.matches] == [first.measure] and r.score == first.score
        assert r.reasons[0].code in ("topic-only", "no-match")
    strip = {"confidence", "matches", "score", "reasons"}
    assert all(r.model_dump(exclude=strip) == e.model_dump(exclude=strip) for e, r in placed)
    same = [(e, r) for e, r in unmoved if (e, r) not in placed]
    assert all(r.model_dump(exclude={"confidence"}) == e.model_dump(exclude={"confidence"}) for e, r in same)
    for item in [*result.proposals, *result.measures]:
        assert 0.0 < item.confidence < 1.0
        assert round(item.confidence, 3) == item.confidence
    # Lower confidence where fewer verdicts are right: a no-match is surer than a near miss.
    assert len({p.confidence for p in result.proposals}) > 20


def test_the_library_s_compare_is_what_diff_shows(adapter: Adapter) -> None:
    from plancompare import compare as public_compare

    assert public_compare(adapter.base, adapter.next_side, adapter.cfg) == adapter.result({})


def test_decisions_override_adapt_and_give_the_same_bytes(adapter: Adapter) -> None:
    decisions = _decisions(adapter, 30)
    first = to_json(adapter.result(decisions, lang="fr"))
    again = Adapter(adapter.base, adapter.next_side, adapter.cfg, adapter.al, adapter.signals)
    assert to_json(again.result(dict(reversed(decisions.items())), lang="fr")) == first
    result = json.loads(first)
    assert result["settings"]["adapted_on"] == 30
    decided = [p for p in result["proposals"] if p["decided_by"] == "analyst"]
    assert len(decided) == 30 and all(p["confidence"] == 1.0 for p in decided)
    # Thirty contradictions move the confidence of the other proposals.
    plain = {p.id: p.confidence for p in adapter.result({}).proposals}
    assert any(p["confidence"] != plain[p["id"]] for p in result["proposals"] if p["decided_by"] == "engine")


def test_thresholds_move_only_as_far_as_decisions_are_worth() -> None:
    from plancompare.config import MatchConfig
    from plancompare.judge.confidence import Signals

    def sig(score: float) -> Signals:
        return Signals("x", score, 0, 0, 0, 0, False, True, 10, 10, False, False, 0, 0.5, (), *[False] * 6)

    prior = MatchConfig(match=16.0, adopt=22.0, topic=10.0)
    assert fit_thresholds([], prior, 0.1) == prior
    # One decision that a 0.5-point move gets right is not worth more than... it is worth 1 > 0.05.
    moved = fit_thresholds([(sig(16.2), "dropped")], prior, 0.1)
    assert 16.2 < moved.match <= 17 and moved.topic == round(10 / 16 * moved.match, 2)
    # A decision far from the prior does not pay for a 12-point move at 0.1 a point.
    assert fit_thresholds([(sig(28.0), "dropped")], prior, 0.1) == prior


def test_run_diff_reads_the_decisions_file_and_adapts(tmp_path: Path) -> None:
    from plancompare.judge.decisions import save_decisions

    base, nxt = ROOT / "corpora" / "2014-2016", ROOT / "corpora" / "next"
    plain = run_diff(base, nxt, decisions=None)
    assert plain.result.settings.adapted_on == 0
    target = tmp_path / "decisions.yaml"
    adapter = Adapter.build(plain.base_side, plain.next_side, load_cfg(plain))
    save_decisions(target, _decisions(adapter, 12))
    runs = [to_json(run_diff(base, nxt, decisions=target).result) for _ in range(2)]
    assert runs[0] == runs[1]
    assert json.loads(runs[0])["settings"]["adapted_on"] == 12


def load_cfg(run):  # type: ignore[no-untyped-def]
    from plancompare.config import load_config
    from plancompare.corpus import corpus_config

    return load_config(corpus_config(run.next_side, run.base_side))


def test_the_shipped_model_reads_back_to_the_same_bytes() -> None:
    folder = ROOT / "src" / "plancompare" / "judge"
    text = (folder / DATA).read_text(encoding="utf-8")
    trees = (folder / FOREST_DATA).read_text(encoding="utf-8")
    data = json.loads(text)
    forest = forest_from(json.loads(trees))
    assert model_json(model_from(data, forest), data["note"]) == text
    assert forest_json(forest) == trees
    assert "corpora/heldout" not in data["note"]["fit_on"]
    model = shipped()
    assert model.weights.shape == (4, len(model.features))
    assert model.forest is not None and 0 < model.blend < 1
    # The trees answer for every class, and the blend gives probabilities.
    assert set(model.forest.tree_class.tolist()) == {0, 1, 2, 3}
    x = np.zeros((2, len(model.features)))
    assert np.allclose(model.probabilities(x).sum(axis=1), 1.0)


@pytest.mark.slow
def test_the_shipped_coefficients_are_what_the_fit_script_gives() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/fit_confidence.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_decision_settles_the_review_s_repetition_of_the_same_ask(adapter: Adapter) -> None:
    # The coalition wrote « Ces campagnes doivent permettre de sensibiliser le public… » twice under
    # measure 3 (M03-P04 and M03-P07). Deciding one settles the other, and it is shown last in review.
    from plancompare.judge.twins import TWIN_CONFIDENCE, twins
    from plancompare.report import render

    text = {p.id: p.text for p in adapter.al.proposals}
    decided = {
        "M03-P04": RecordedDecision("M03-P04", fingerprint(text["M03-P04"]), "changed", [RecordedMeasure(6)])
    }
    before = {p.id: p for p in adapter.result().proposals}
    after = {p.id: p for p in adapter.result(decided, lang="fr").proposals}
    assert before["M03-P07"].verdict != "changed"
    twin = after["M03-P07"]
    assert (twin.verdict, twin.decided_by, twin.confidence) == ("changed", "engine", TWIN_CONFIDENCE)
    assert [m.measure for m in twin.matches] == [6]
    assert [(r.code, r.base) for r in twin.reasons] == [("twin", "M03-P04")]
    # M03-P03 and M03-P06 are twins too, of another ask: this decision leaves them to the engine.
    assert after["M03-P06"].verdict == before["M03-P06"].verdict
    assert twins(list(after.values())) == {
        "M03-P03": ["M03-P06"], "M03-P06": ["M03-P03"], "M03-P04": ["M03-P07"], "M03-P07": ["M03-P04"]
    }  # fmt: skip
    table = render(adapter.result(decided, lang="fr"), "md", lang="fr")
    assert "même demande que M03-P04 (analyste)" in table


def test_the_same_words_under_another_measure_are_no_twins() -> None:
    from plancompare.judge.twins import twins
    from plancompare.models import ProposalResult

    ask = "La MIPROF doit être impliquée dans la mise en œuvre de cette mesure."
    rows = [
        ProposalResult(
            id=f"M0{n}-P01", measure=n, text=ask, verdict="dropped", engine_verdict="dropped", score=0
        )
        for n in (8, 9)
    ]
    assert twins(rows) == {}


def test_the_kind_of_the_ask_is_read_whatever_the_plan_says(adapter: Adapter) -> None:
    """Money, the law, every case, a reminder: what the ask asks shifts how likely each verdict is."""
    from plancompare.judge.confidence import ASK_KINDS, FEATURES, ask_kinds, features

    kinds = {p.text: s.kinds for p, s in zip(adapter.al.proposals, adapter.signals, strict=True) if s.kinds}
    assert any("ask_money" in k for k in kinds.values())
    assert any("ask_all" in k for k in kinds.values())
    assert set(ASK_KINDS) == {"ask_money", "ask_law", "ask_plea", "ask_all"}
    assert ask_kinds("Des financements doivent être prévus dans chaque département.") == (
        "ask_money",
        "ask_all",
    )
    assert ask_kinds("Le Collectif rappelle l’importance de modifier la loi.") == ("ask_law", "ask_plea")
    assert ask_kinds("Un module de formation doit être créé.") == ()
    # Each kind is one input of the model, 1 when the ask is of it.
    s = next(s for s in adapter.signals if "ask_all" in s.kinds)
    x = dict(zip(FEATURES, features(s, "adopted", adapter.cfg), strict=True))
    assert x["ask_all"] == 1.0


def test_how_the_ask_is_written_is_read_from_the_review_s_own_proposals(adapter: Adapter) -> None:
    """Several demands or sentences, parts set out, examples, hedging: partly answered more often."""
    from plancompare.judge.confidence import FEATURES, ask_shape, features

    plain = ask_shape("Un module de formation doit être créé.")
    assert plain == {"demands": 1, "stops": 1, "marked": False, "examples": False, "hedged": False}
    # The 2017 review's M05-P09: a demand, and more asked in brackets.
    brackets = ask_shape(
        "Il y a besoin de référent traite des êtres humains dans les préfectures (avec une formation "
        "obligatoire sur la traite des êtres humains)."
    )
    assert (brackets["demands"], brackets["marked"]) == (2, True)
    listed = ask_shape(
        "Le Collectif rappelle l’importance de la formation des personnels en contact avec les mineurs "
        "tels que l’ASE, la PJJ, les magistrats. Il espère que cette question sera traitée."
    )
    assert (listed["stops"], listed["examples"], listed["hedged"]) == (2, True, True)
    # Read for every proposal of the bundled review, and given to the model as inputs.
    shaped = [s for s in adapter.signals if s.demands > 1 and s.marked]
    assert shaped
    x = dict(zip(FEATURES, features(shaped[0], "changed", adapter.cfg), strict=True))
    assert x["ask_marked"] == 1.0 and x["ask_demands"] == shaped[0].demands / 3
