"""An ask the model takes up where the engine found no answer shows its passage in the measure most
like those that took it up in the labelled drafts (judge/places.py), not the nearest one anywhere."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plancompare.config import MatchConfig
from plancompare.corpus import load_side
from plancompare.judge.decisions import fingerprint
from plancompare.judge.model import model_from, model_json, shipped
from plancompare.judge.numeric import np
from plancompare.judge.places import PLACE_WORDS, Placer, fit_places
from plancompare.judge.weigh import weighed
from plancompare.match.scoring import Candidate
from plancompare.models import Measure, Reason
from plancompare.review.training import FIT_ON

ROOT = Path(__file__).resolve().parents[2]

TRAINING = "Un module de formation commun aux policiers, aux gendarmes et aux magistrats sera créé."
HOUSING = "Des places d’hébergement sécurisé seront créées dans chaque région pour les victimes."
ASK = "Un module national incluant les différents types de traite doit être créé."


def _measure(number: int, text: str, title: str = "Mesure") -> Measure:
    return Measure(number=number, title=title, text=text)


def _cand(measure: int, rank: float, passage: str) -> Candidate:
    return Candidate(
        measure=measure, score=rank, rank=rank, passage=passage, base_passage=ASK, coverage=0.2, missing=()
    )


def _places() -> dict[str, dict[str, float]]:
    # Two labelled drafts: both took the ask up in their training measure, worded their own way.
    first = [_measure(1, TRAINING, "Former les professionnels"), _measure(2, HOUSING, "Héberger")]
    second = [
        _measure(1, "Les écoles de service public dispenseront une formation initiale aux agents."),
        _measure(2, "Un logement sera proposé aux victimes à la sortie de l’hébergement."),
    ]
    return fit_places(
        [(first, [(fingerprint(ASK), [first[0]])]), (second, [(fingerprint(ASK), [second[0]])])]
    )


def test_an_ask_s_places_are_the_words_of_the_measures_that_took_it_up() -> None:
    places = _places()
    assert list(places) == [fingerprint(ASK)]
    words = places[fingerprint(ASK)]
    assert {"modul", "format", "ecol"} <= set(words) and not {"heberg", "log"} & set(words)
    assert len(words) <= PLACE_WORDS
    assert _places() == places  # the same drafts, the same places


def test_the_first_candidate_is_the_one_in_the_measure_like_the_ask_s_places() -> None:
    plan = [_measure(4, TRAINING, "Former"), _measure(11, HOUSING, "Héberger")]
    placer = Placer(plan)
    # The housing sentence shares « créé » with the ask and ranks first; the training measure is where
    # the drafts took the ask up.
    cands = [_cand(11, 42.8, HOUSING), _cand(4, 36.4, TRAINING)]
    place = _places()[fingerprint(ASK)]
    assert [c.measure for c in placer.placed(cands, place)] == [4, 11]
    # An ask the drafts never took up keeps the engine's order.
    assert placer.placed(cands, None) == cands
    # Far down the ranking, a like measure does not win: only the first PLACE_CANDIDATES compete.
    far = [
        _cand(11, 42.8, HOUSING),
        *(_cand(20 + i, 40.0 - i, HOUSING) for i in range(5)),
        _cand(4, 30.0, TRAINING),
    ]
    assert placer.placed(far, place)[0].measure == 11


def test_the_model_s_adoption_of_a_dropped_ask_shows_the_placed_passage() -> None:
    cands = [_cand(11, 42.8, HOUSING), _cand(4, 36.4, TRAINING)]
    judged = [("dropped", 16.9, cands[:1], [Reason(code="topic-only", base="module")])]
    sure = np.array([[0.96, 0.02, 0.01, 0.01]])
    ((verdict, score, evidence, reasons),) = weighed(
        judged,  # type: ignore[arg-type]
        sure,
        [cands],
        None,
        [(9, 0, 0, 0)],
        [[cands[1], cands[0]]],
    )
    assert verdict == "adopted" and [c.measure for c in evidence] == [4]
    assert score == 36.4  # the score of the passage shown, not the engine's best
    assert [r.code for r in reasons] == ["weighed"] and "measure 4" in (reasons[0].detail or "")
    # A verdict the engine judged keeps the passage it read, wherever the drafts took the ask up.
    changed = [("changed", 30.0, cands[:1], [Reason(code="partial", base="national")])]
    ((_, _, kept, _),) = weighed(changed, sure, [cands], None, [(9, 0, 0, 0)], [[cands[1], cands[0]]])  # type: ignore[arg-type]
    assert [c.measure for c in kept] == [11]


def test_the_shipped_model_carries_the_places_of_the_asks_its_drafts_took_up() -> None:
    model = shipped()
    base = load_side(ROOT / "corpora" / "2014-2016")
    asks = {fingerprint(p.text) for r in base.reviews for p in r.proposals}
    # Every ask some draft of the fit adopted or changed, and no other.
    taken = {fp for fp, counts in model.history.items() if counts[0] + counts[1]}
    assert set(model.places) == taken and taken <= asks and len(FIT_ON) > 1
    assert all(0 < len(words) <= PLACE_WORDS for words in model.places.values())
    # Shipped as data, read back to the byte.
    data = model_json(model, {})
    assert model_from(__import__("json").loads(data), model.forest).places == model.places


def test_a_dropped_ask_shows_its_nearest_passage_in_the_measure_like_the_ask_s_places() -> None:
    cfg = MatchConfig()  # match 16, topic 10
    training = _cand(4, 36.4, TRAINING)
    cands = [_cand(11, 42.8, HOUSING), training]
    engine = [("dropped", 12.0, cands[:1], [Reason(code="topic-only", base="module", detail="measure 11")])]
    dropped = np.array([[0.05, 0.1, 0.85, 0.0]])
    for score, code in ((12.0, "topic-only"), (4.0, "no-match")):
        placed = [[replace(training, score=score), cands[0]]]
        ((verdict, shown, evidence, reasons),) = weighed(engine, dropped, [cands], None, None, placed, cfg)  # type: ignore[arg-type]
        # Still dropped, beside the training measure, and why in the engine's terms for that passage.
        assert (verdict, shown, [c.measure for c in evidence]) == ("dropped", score, [4])
        assert [r.code for r in reasons] == [code]
        assert "measure 4" in (reasons[0].detail or "")
    # A placed passage that scores as an answer is not the engine's reading: its nearest stays shown.
    placed = [[replace(training, score=30.0), cands[0]]]
    ((_, _, evidence, reasons),) = weighed(engine, dropped, [cands], None, None, placed, cfg)  # type: ignore[arg-type]
    assert [c.measure for c in evidence] == [11] and reasons == engine[0][3]
