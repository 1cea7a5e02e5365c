"""Each ask's own score scale (judge/scales.py): the engine's mean score for the ask where the
labelled drafts took it up and where they dropped it, read by the model as SCALE."""

from __future__ import annotations

from plancompare.judge.adapt import Adapter
from plancompare.judge.confidence import FEATURES, SCALE
from plancompare.judge.decisions import fingerprint
from plancompare.judge.model import model_from, model_json, shipped
from plancompare.judge.scales import fit_scales, scale_inputs
from plancompare.review.training import FIT_ON, others_scales


def test_an_ask_s_scale_is_its_mean_score_where_taken_up_and_where_dropped() -> None:
    drafts = [
        [("long", "adopted", 30.0), ("short", "dropped", 6.0), ("aside", "n-a", 40.0)],
        [("long", "dropped", 18.0), ("short", "changed", 12.0)],
        [("long", "changed", 26.0)],
    ]
    scales = fit_scales(drafts)
    # « changed » counts as taken up; « n-a » counts in neither.
    assert scales == {"long": (28.0, 2, 18.0, 1), "short": (12.0, 1, 6.0, 1)}
    # 22 is 0.6 under where « long » was taken up and 0.4 above where it was dropped (in tenths).
    assert scale_inputs(scales, "long", 22.0) == (-0.6, 0.4)
    # An ask no draft labelled, or never dropped, reads 0 where there is nothing to compare with.
    assert scale_inputs(scales, "unseen", 22.0) == (0.0, 0.0)
    assert scale_inputs(fit_scales([[("x", "adopted", 10.0)]]), "x", 15.0) == (0.5, 0.0)


def test_a_draft_s_rows_read_the_other_drafts_scales_never_its_own() -> None:
    scored = [[("a", "adopted", 20.0)], [("a", "dropped", 8.0)], [("a", "dropped", 12.0)]]
    first, second, third = others_scales(scored)
    # Draft 1 took « a » up at 20; the two others dropped it at 8 and 12: it reads 10 as the mean
    # of the drops, and no take-up.
    assert first.tolist() == [[0.0, 1.0]]
    # Draft 2 reads draft 1's take-up at 20 and draft 3's drop at 12, never its own 8.
    assert second.tolist() == [[-1.2, -0.4]]
    assert third.tolist() == [[-0.8, 0.4]]


def test_the_shipped_model_carries_the_scales_and_reads_them_for_known_asks_only(adapter: Adapter) -> None:
    model = shipped()
    columns = [FEATURES.index(f) for f in SCALE]
    # Like the history, what tells one ask from another: the general regression goes without it.
    assert model.weights[:, columns].any()
    assert model.general is not None and not model.general[:, columns].any()
    # M05-P11 (the right to asylum) was dropped by every development draft: its scale has no take-up.
    ids = [p.id for p in adapter.al.proposals]
    i = ids.index("M05-P11")
    mean_taken, taken, mean_dropped, dropped = model.scales[fingerprint(adapter.al.proposals[i].text)]
    assert (taken, dropped) == (0, len(FIT_ON)) and mean_taken == 0.0 and mean_dropped > 0
    scaled = adapter.scaled(model.scales)
    assert scaled[i] == (0.0, (adapter.signals[i].score - mean_dropped) / 10)
    # Why the scales: an ask every draft dropped may score above `match`, one every draft took up under it.
    text = {p.id: p.text for p in adapter.al.proposals}
    never = model.scales[fingerprint(text["M16-P01"])]
    always = model.scales[fingerprint(text["M03-P04"])]
    assert never[1] == 0 and never[3] == len(FIT_ON) and never[2] > adapter.cfg.match
    assert always[3] == 0 and always[1] == len(FIT_ON) and always[0] < adapter.cfg.match
    # The model's inputs hold them; with no scales (--own-history) they are 0 for every ask.
    x = adapter.matrix(adapter.judged(adapter.cfg), adapter.cfg, model)
    assert tuple(x[i, columns]) == scaled[i]
    assert adapter.scaled({}) == [(0.0, 0.0)] * len(ids)


def test_the_scales_survive_the_shipped_json() -> None:
    import json

    model = shipped()
    again = model_from(json.loads(model_json(model, {})), model.forest)
    assert again.scales == model.scales
