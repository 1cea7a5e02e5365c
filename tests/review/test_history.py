"""How the labelled drafts treated each ask is among the confidence model's inputs (HISTORY), read
without a draft's own labels when the model is fit."""

from __future__ import annotations

from pathlib import Path

from plancompare.corpus import load_side
from plancompare.judge.adapt import Adapter
from plancompare.judge.confidence import CLASSES, FEATURES, HISTORY
from plancompare.judge.decisions import fingerprint
from plancompare.judge.model import history_rates, shipped
from plancompare.judge.numeric import np
from plancompare.review.training import FIT_ON, label_counts, others_history

ROOT = Path(__file__).resolve().parents[2]
ADOPTED, CHANGED, DROPPED = (CLASSES.index(v) for v in ("adopted", "changed", "dropped"))


def test_an_ask_s_history_is_the_share_of_each_verdict_drawn_toward_all_asks_shares() -> None:
    counts = {"always": (4, 0, 0, 0), "never": (0, 0, 4, 0)}
    rates = history_rates(counts, ["always", "never", "unseen"])
    assert np.allclose(rates.sum(axis=1), 1.0)
    assert rates[0].argmax() == ADOPTED and rates[0][ADOPTED] > 0.85
    assert rates[1].argmax() == DROPPED and rates[1][ADOPTED] < 0.15
    # An ask no draft labelled gets the shares over all asks: half adopted, half dropped here.
    assert np.allclose(rates[2], [0.5, 0.0, 0.5, 0.0])


def test_a_draft_s_rows_read_the_other_drafts_labels_never_its_own() -> None:
    asks = [["a", "b"], ["a", "b"], ["a"]]
    ys = [np.array([ADOPTED, DROPPED]), np.array([DROPPED, DROPPED]), np.array([DROPPED])]
    first, second, third = others_history(asks, ys)
    # Draft 1 adopted « a », the two others dropped it: draft 1 reads « a » as dropped elsewhere.
    assert first[0].argmax() == DROPPED
    # Draft 2 reads one adoption and one drop of « a » (drafts 1 and 3), and among all asks there one
    # label in three is an adoption: (1 + 1/3) / (2 + 1).
    assert np.isclose(second[0][ADOPTED], (1 + 1 / 3) / 3) and second[0][ADOPTED] > second[1][ADOPTED]
    assert np.isclose(third[0][ADOPTED], (1 + 1 / 4) / 3)
    assert label_counts(list(zip(asks, ys, strict=True))) == {"a": (1, 0, 2, 0), "b": (0, 0, 2, 0)}


def test_the_shipped_model_carries_each_bundled_ask_s_labels_in_the_drafts_it_was_fit_on() -> None:
    model = shipped()
    base = load_side(ROOT / "corpora" / "2014-2016")
    asks = [p.text for r in base.reviews for p in r.proposals]
    seen = [sum(model.history[fingerprint(t)]) for t in asks]
    # Every ask was labelled once in each draft of the fit (twice when the review writes it twice).
    assert min(seen) >= len(FIT_ON) and all(n % len(FIT_ON) == 0 for n in seen)
    # The general regression, for asks never labelled, gives the history no weight.
    assert model.general is not None
    assert not model.general[:, [FEATURES.index(f) for f in HISTORY]].any()


def test_an_ask_the_drafts_adopted_is_more_probably_adopted_than_one_they_dropped() -> None:
    model = shipped()
    x = np.zeros((2, len(FEATURES)))
    x[:, FEATURES.index("bias")] = 1.0
    x[:, FEATURES.index("verdict_adopted")] = 1.0
    columns = [FEATURES.index(f) for f in HISTORY]
    x[0, columns] = [0.9, 0.05, 0.05, 0.0]
    x[1, columns] = [0.05, 0.05, 0.9, 0.0]
    p = model.probabilities(x)
    assert p[0][ADOPTED] > p[1][ADOPTED] and p[1][DROPPED] > p[0][DROPPED]


def test_a_base_measure_s_history_is_the_share_of_drafts_that_gave_it_the_verdict_it_reads() -> None:
    from plancompare.judge.model import measure_share
    from plancompare.review.training import measure_counts

    title = "Développer la formation des professionnels"
    fp = fingerprint(title)
    counts = measure_counts([{fp: "revised"}, {fp: "revised"}, {fp: "revised"}, {fp: "split"}])
    assert counts == {fp: (0, 3, 0, 1, 0)}
    assert measure_share(counts, title, "revised") == (3 + 0.5) / (4 + 1)
    assert measure_share(counts, title, "dropped") == 0.5 / 5
    # A base measure no draft labelled (another plan's) reads one half, whatever its verdict.
    assert measure_share(counts, "Une autre mesure", "kept") == 0.5


def test_the_shipped_model_carries_each_bundled_base_measure_s_labels() -> None:
    model = shipped()
    base = load_side(ROOT / "corpora" / "2014-2016")
    assert base.plan is not None
    seen = [sum(model.measure_history[fingerprint(m.title)]) for m in base.plan.measures]
    assert len(seen) == 23 and set(seen) == {len(FIT_ON)}


def test_the_model_reads_how_like_the_verdict_s_measure_is_to_where_the_drafts_put_the_ask(
    adapter: Adapter,
) -> None:
    model = shipped()
    place = FEATURES.index("place")
    # Like the history, what tells one ask from another: the general regression goes without it.
    assert model.weights[:, place].any()
    assert model.general is not None and not model.general[:, place].any()
    judged = adapter.judged(adapter.cfg)
    likeness = adapter.likeness(judged, model.places)
    ids = [p.id for p in adapter.al.proposals]
    # M02-P07 (« un module national… ») was dropped by the engine beside a housing sentence of measure 11;
    # the drafts took it up in their training measures, which measure 4 of this plan is like.
    i = ids.index("M02-P07")
    assert judged[i][2][0].measure == 11
    fp = fingerprint(adapter.al.proposals[i].text)
    like = adapter.placer.likeness(model.places[fp])
    assert likeness[i] == like[11] < like[4]
    # With no places (another review's asks, or --own-history), the input is 0 for every ask.
    assert adapter.likeness(judged, {}) == [0.0] * len(ids)
