"""The confidence model may weaken a verdict it finds less probable than a weaker one, and make an
adoption only where it is all but sure; each verdict it moves says so and keeps the engine's
evidence."""

from __future__ import annotations

import pytest

from plancompare.judge.numeric import np
from plancompare.judge.weigh import weighed, weighed_verdict
from plancompare.match.scoring import Candidate
from plancompare.models import Reason
from plancompare.text.normalise import fold, stem
from plancompare.text.patterns import PREFIX


def _p(adopted: float, changed: float, dropped: float, na: float = 0.0) -> np.ndarray:
    return np.array([adopted, changed, dropped, na])


@pytest.mark.parametrize(
    ("engine", "probabilities", "shown"),
    [
        ("changed", _p(0.1, 0.3, 0.6), "dropped"),  # the near miss the labels most often drop
        ("changed", _p(0.1, 0.6, 0.3), "changed"),
        ("dropped", _p(0.1, 0.6, 0.3), "changed"),
        ("adopted", _p(0.85, 0.1, 0.05), "adopted"),
        # An adoption must lead by the margin, and be at least 0.8 probable (ADOPTION_FLOOR) for an ask
        # the model has seen: a false « Adoptée » is the worst error.
        ("adopted", _p(0.6, 0.3, 0.1), "changed"),
        ("adopted", _p(0.79, 0.01, 0.2), "dropped"),
        ("adopted", _p(0.8, 0.1, 0.1), "adopted"),
        ("adopted", _p(0.5, 0.3, 0.2), "changed"),
        ("adopted", _p(0.3, 0.4, 0.3), "changed"),
        ("adopted", _p(0.3, 0.2, 0.5), "dropped"),
        # An adoption the thresholds did not give only where « adopted » leads every other verdict
        # by MODEL_ADOPTION_LEAD (0.85):
        ("dropped", _p(0.7, 0.1, 0.2), "dropped"),
        ("dropped", _p(0.88, 0.04, 0.08), "dropped"),
        ("changed", _p(0.7, 0.2, 0.1), "changed"),
        ("changed", _p(0.85, 0.1, 0.05), "changed"),
        ("dropped", _p(0.9, 0.05, 0.05), "adopted"),
        ("changed", _p(0.92, 0.04, 0.04), "adopted"),
        # « n-a » is a rule on the text (no sentence asks anything): the model leaves it alone.
        ("n-a", _p(0.1, 0.1, 0.7, 0.1), "n-a"),
        # A tie keeps the engine's verdict.
        ("changed", _p(0.2, 0.4, 0.4), "changed"),
        ("dropped", _p(0.2, 0.4, 0.4), "dropped"),
    ],
)
def test_the_model_weakens_and_adopts_only_when_all_but_sure(
    engine: str, probabilities: np.ndarray, shown: str
) -> None:
    assert weighed_verdict(engine, probabilities) == shown


def _cand(measure: int, score: float) -> Candidate:
    return Candidate(
        measure=measure,
        score=score,
        rank=score,
        passage="Une étude sur l’hébergement des victimes sera conduite.",
        base_passage="Créer des places d’hébergement sécurisé dédiées aux victimes de traite.",
        coverage=0.3,
        missing=tuple(stem(fold(w))[:PREFIX] for w in ("places", "sécurisé")),
    )


def test_a_moved_verdict_says_why_and_keeps_the_engine_s_passage() -> None:
    cands = [_cand(4, 21.0), _cand(7, 18.0)]
    judged = [
        ("changed", 21.0, cands[:1], [Reason(code="partial", base="places")]),
        ("changed", 21.0, cands[:1], [Reason(code="partial", base="places")]),
    ]
    probabilities = np.array([_p(0.1, 0.3, 0.6), _p(0.1, 0.6, 0.3)])
    moved, kept = weighed(judged, probabilities, [cands, cands])  # type: ignore[arg-type]
    assert kept == judged[1]
    verdict, score, evidence, reasons = moved
    assert (verdict, score) == ("dropped", 21.0)
    assert [c.measure for c in evidence] == [4]  # the nearest passage, as for any dropped proposal
    assert [r.code for r in reasons] == ["topic-only", "weighed"]
    assert reasons[0].base == "places, sécurisé"  # the ask's words the passage lacks
    assert (reasons[1].base, reasons[1].next) == ("changed", "dropped")
    assert "p = 0.60" in (reasons[1].detail or "") and "p = 0.30" in (reasons[1].detail or "")


def test_the_model_s_own_adoption_keeps_the_passage_and_says_what_the_drafts_gave_the_ask() -> None:
    cands = [_cand(4, 12.0), _cand(7, 10.0)]
    judged = [("dropped", 12.0, [], [Reason(code="topic-only", base="places")])]
    ((verdict, score, evidence, reasons),) = weighed(
        judged,  # type: ignore[arg-type]
        np.array([_p(0.9, 0.05, 0.05)]),
        [cands],
        None,
        [(8, 1, 0, 0)],
    )
    assert (verdict, score, [c.measure for c in evidence]) == ("adopted", 12.0, [4])
    # No reason of what is missing: only the weighing, with what the drafts gave the ask.
    assert [(r.code, r.base, r.next) for r in reasons] == [("weighed", "dropped", "adopted")]
    assert reasons[0].labelled == {"adopted": 8, "changed": 1}
    # Without the drafts' labels (an ask never labelled), the field is absent.
    ((_, _, _, bare),) = weighed(judged, np.array([_p(0.1, 0.6, 0.3)]), [cands])  # type: ignore[arg-type]
    assert bare[-1].labelled is None


def test_an_adoption_short_of_the_margin_says_so() -> None:
    cands = [_cand(4, 30.0)]
    judged = [("adopted", 30.0, cands, [])]
    new = np.array([False])  # an ask never labelled: no floor, only the margin
    ((verdict, _, _, reasons),) = weighed(judged, np.array([_p(0.5, 0.3, 0.2)]), [cands], new)  # type: ignore[arg-type]
    assert verdict == "changed"
    detail = reasons[-1].detail or ""
    assert "does not lead" in detail and "p = 0.50" in detail and "p = 0.30" in detail, detail
    assert "more often" not in detail


def test_an_adoption_short_of_the_floor_says_so() -> None:
    cands = [_cand(4, 30.0)]
    judged = [("adopted", 30.0, cands, [])]
    ((verdict, _, _, reasons),) = weighed(judged, np.array([_p(0.7, 0.2, 0.1)]), [cands])  # type: ignore[arg-type]
    assert verdict == "changed"
    weighing = reasons[-1]
    assert (weighing.code, weighing.base, weighing.next) == ("weighed", "adopted", "changed")
    detail = weighing.detail or ""
    assert "less probable than the 0.8 an adoption needs" in detail and "p = 0.70" in detail, detail
    assert "p = 0.20" in detail and "does not lead" not in detail
    # Just short of the floor: never « p = 0.80 » beside « less probable than the 0.8 ».
    ((_, _, _, reasons),) = weighed(judged, np.array([_p(0.7996, 0.1004, 0.1)]), [cands])  # type: ignore[arg-type]
    assert "(p = 0.799) is less probable than the 0.8" in (reasons[-1].detail or ""), reasons[-1].detail


@pytest.mark.parametrize(
    ("engine", "probabilities", "shown"),
    [
        # The model tells changed from dropped no better than the thresholds for an ask it never
        # saw labelled: those verdicts stay the engine's.
        ("changed", _p(0.1, 0.3, 0.6), "changed"),
        ("dropped", _p(0.1, 0.6, 0.3), "dropped"),
        # An adoption is still weighed on the same terms, and gives way to changed, never dropped.
        ("adopted", _p(0.6, 0.3, 0.1), "adopted"),
        ("adopted", _p(0.5, 0.3, 0.2), "changed"),
        ("adopted", _p(0.3, 0.1, 0.6), "changed"),
        ("n-a", _p(0.1, 0.1, 0.7, 0.1), "n-a"),
    ],
)
def test_an_ask_the_model_never_saw_is_weighed_only_where_it_is_adopted(
    engine: str, probabilities: np.ndarray, shown: str
) -> None:
    assert weighed_verdict(engine, probabilities, adoptions_only=True) == shown


def test_a_new_ask_s_adoption_says_which_verdict_outweighs_it() -> None:
    cands = [_cand(4, 30.0)]
    judged = [("adopted", 30.0, cands, []), ("changed", 21.0, cands, [])]
    probabilities = np.array([_p(0.35, 0.05, 0.6), _p(0.1, 0.2, 0.7)])
    known = np.array([False, False])
    first, second = weighed(judged, probabilities, [cands, cands], known)  # type: ignore[arg-type]
    assert first[0] == "changed" and second == judged[1]
    weighing = first[3][-1]
    assert (weighing.code, weighing.base, weighing.next) == ("weighed", "adopted", "changed")
    assert "p = 0.60" in (weighing.detail or "") and "p = 0.35" in (weighing.detail or "")
