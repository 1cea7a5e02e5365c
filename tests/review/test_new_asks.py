"""Asks the confidence model was never fit on (another review, an ask reworded) are read by its general
regression, which does not know how the labelled drafts treated each ask (judge/model.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plancompare.config import load_config
from plancompare.corpus import corpus_config, load_side
from plancompare.judge.adapt import Adapter
from plancompare.judge.confidence import ASK_WRITING, CLASSES, FEATURES, MEASURE_FEATURES
from plancompare.judge.decisions import fingerprint
from plancompare.judge.model import Model, shipped
from plancompare.judge.numeric import np
from plancompare.judge.softmax import probabilities

ROOT = Path(__file__).resolve().parents[2]


def _model(known: set[str]) -> Model:
    width = len(FEATURES)
    weights, general = np.zeros((4, width)), np.zeros((4, width))
    weights[CLASSES.index("adopted"), 0] = 3.0
    general[CLASSES.index("dropped"), 0] = 3.0
    return Model(
        FEATURES,
        CLASSES,
        weights,
        MEASURE_FEATURES,
        np.zeros((1, len(MEASURE_FEATURES))),
        {},
        history={fingerprint(t): (1, 0, 0, 0) for t in known},
        general=general,
    )


def test_an_ask_the_model_was_not_fit_on_is_read_by_the_general_regression() -> None:
    model = _model({"Créer un fonds d’indemnisation."})
    texts = ["Créer un  fonds d’indemnisation.", "Créer un fonds d’indemnisation des victimes."]
    known = model.knows(texts)
    # Spacing is not wording: the first is the ask the model knows; the second is another ask.
    assert known.tolist() == [True, False]
    p = model.probabilities(np.ones((2, len(FEATURES))), known)
    assert [CLASSES[i] for i in p.argmax(axis=1)] == ["adopted", "dropped"]
    # With no mask (or a model with no general regression), every ask is read as known.
    assert model.probabilities(np.ones((2, len(FEATURES)))).argmax(axis=1).tolist() == [0, 0]
    assert replace(model, general=None).knows(texts).all()


def test_the_shipped_model_knows_the_bundled_review_s_asks_and_reads_no_other_by_how_it_is_written() -> None:
    model = shipped()
    base = load_side(ROOT / "corpora" / "2014-2016")
    asks = [p.text for r in base.reviews for p in r.proposals]
    assert len(asks) == 141 and model.knows(asks).all()
    assert not model.knows(["Le Collectif demande un référent traite dans chaque préfecture."]).any()
    assert model.general is not None and model.temperature >= 1.0
    # The general regression gives no weight to the ask's length or how it is written.
    assert not model.general[:, [FEATURES.index(f) for f in ASK_WRITING]].any()


def test_a_reworded_ask_gets_the_general_regression_s_probabilities_and_the_rest_are_unchanged() -> None:
    base = load_side(ROOT / "corpora" / "2014-2016")
    nxt = load_side(ROOT / "corpora" / "next")
    review = base.reviews[0]
    target = next(p for p in review.proposals if p.id == "M07-P03")
    reworded = target.model_copy(update={"text": target.text.replace("palette", "gamme")})
    proposals = [reworded if p.id == target.id else p for p in review.proposals]
    edited = replace(base, reviews=[review.model_copy(update={"proposals": proposals}), *base.reviews[1:]])
    cfg = load_config(corpus_config(nxt, base))
    before, after = Adapter.build(base, nxt, cfg), Adapter.build(edited, nxt, cfg)
    _, p_before = before.weigh(before.cfg)
    judged, p_after = after.weigh(after.cfg)
    row = [p.id for p in after.al.proposals].index(target.id)
    model = shipped()
    assert model.general is not None
    x = after.matrix(after.judged(after.cfg), after.cfg, after.model)
    assert np.allclose(p_after[row], probabilities(x[row : row + 1], model.general)[0])
    others = [i for i in range(len(p_after)) if i != row]
    assert np.allclose(p_after[others], p_before[others])
    # And the result carries that ask's confidence like any other.
    result = after.result()
    shown = next(p for p in result.proposals if p.id == target.id)
    assert shown.confidence == round(float(p_after[row][CLASSES.index(judged[row][0])]), 3)
