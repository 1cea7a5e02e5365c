"""Opening a review or a simulation on BASE and NEXT: the inputs, config and decisions that apply."""

from __future__ import annotations

from pathlib import Path

from plancompare.errors import UsageError
from plancompare.judge.adapt import Adapter
from plancompare.judge.history import EarlierReviews
from plancompare.review.session import ORDERS, FileStore, Session
from plancompare.review.simulate import SIMULATION_ORDERS, Curve, simulate


def _adapter(base: Path | None, next_: Path | None, config: Path | None, earlier: EarlierReviews) -> Adapter:
    """The adapter of BASE and NEXT, its model's history with `earlier` reviews' decisions."""
    from plancompare.config import load_config
    from plancompare.corpus import corpus_config
    from plancompare.workflow import load_sides

    if config is not None and not config.is_file():
        raise UsageError(f"--config {config}: no such file", "check the path")
    model = earlier.model()
    base_side, next_side = load_sides(base, next_)
    cfg = load_config(config or corpus_config(next_side, base_side))
    return Adapter.build(base_side, next_side, cfg, model)


def open_session(
    base: Path | None,
    next_: Path | None,
    *,
    order: str = "confidence",
    lang: str = "fr",
    decisions: Path | None = None,
    config: Path | None = None,
    earlier: EarlierReviews | None = None,
) -> Session:
    """A session writing to `decisions` (default: NEXT's corpus folder's decisions.yaml, else BASE's)."""
    from plancompare.workflow import default_decisions_file

    if order not in ORDERS:
        raise UsageError(f"unknown order {order!r}", f"choose one of: {', '.join(ORDERS)}")
    if lang not in ("fr", "en"):
        raise UsageError(f"unknown language {lang!r}", "choose fr or en")
    earlier = earlier or EarlierReviews()
    adapter = _adapter(base, next_, config, earlier)
    target = decisions or default_decisions_file(adapter.base, adapter.next_side)
    if target is None:
        raise UsageError(
            "neither BASE nor NEXT is a corpus folder", "say where to keep decisions with --decisions"
        )
    earlier.refuse(target)
    return Session(adapter, FileStore(target), order=order, lang=lang)


def run_simulation(
    labels: Path,
    base: Path | None,
    next_: Path | None,
    *,
    orders: list[str],
    seed: int = 0,
    config: Path | None = None,
    earlier: EarlierReviews | None = None,
) -> list[Curve]:
    """One curve per order: an analyst answering from `labels` (`n-a` proposals included)."""
    from plancompare.judge.labels import load_labels

    for order in orders:
        if order not in SIMULATION_ORDERS:
            raise UsageError(f"unknown order {order!r}", f"choose one of: {', '.join(SIMULATION_ORDERS)}")
    if not labels.is_file():
        raise UsageError(f"{labels}: no such file", "pass a labels file (see corpora/next/src/labels.yaml)")
    answers = load_labels(labels)
    adapter = _adapter(base, next_, config, earlier or EarlierReviews())
    if not answers.resolve(adapter.al.proposals):
        raise UsageError(f"no proposal of BASE is labelled in {labels}", "check that LABELS fits BASE")
    return [simulate(adapter, answers, order, seed) for order in orders]
