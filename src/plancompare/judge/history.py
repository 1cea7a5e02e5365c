"""Earlier reviews' decisions as the confidence model's history (`--history FILE`).

The shipped model knows how its labelled drafts treated each ask of the 2017 review and each of its
base measures (model.py, `history` and `measure_history`). Those drafts are fictional next plans,
written to develop and measure the engine. An analyst who has reviewed an earlier draft of the plan
now read, or another plan against the same review, knows better: each decision of those decisions
files counts as one more label of its ask (by the fingerprint of the ask's text) or of its base
measure (by its title's), beside the drafts' or, with `own`, instead of them. An ask that neither
holds is read as one the model has never seen (the `general` regression).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from plancompare.errors import BadDataError, UsageError
from plancompare.judge.confidence import CLASSES, MEASURE_VERDICTS
from plancompare.judge.decisions import RecordedDecision, load_decisions
from plancompare.judge.model import Model, shipped
from plancompare.models import is_measure_id

Counts = dict[str, tuple[int, ...]]


def tally(pairs: Iterable[tuple[str, int]], width: int) -> Counts:
    """fingerprint → how many times each class (an index below `width`) was paired with it, sorted."""
    counts: dict[str, list[int]] = {}
    for fp, index in pairs:
        counts.setdefault(fp, [0] * width)[index] += 1
    return {fp: tuple(c) for fp, c in sorted(counts.items())}


def decided_counts(decisions: Iterable[RecordedDecision]) -> tuple[Counts, Counts]:
    """The asks' and the base measures' labels that `decisions` give (one per decision)."""
    decisions = list(decisions)
    asks = ((d.fingerprint, CLASSES.index(d.verdict)) for d in decisions if not is_measure_id(d.id))
    measures = (
        (d.fingerprint, MEASURE_VERDICTS.index(d.verdict))
        for d in decisions
        if is_measure_id(d.id) and d.verdict in MEASURE_VERDICTS
    )
    return tally(asks, len(CLASSES)), tally(measures, len(MEASURE_VERDICTS))


def _added(a: Counts, b: Counts, width: int) -> Counts:
    none = (0,) * width
    return {
        k: tuple(x + y for x, y in zip(a.get(k, none), b.get(k, none), strict=True)) for k in sorted({*a, *b})
    }


def load_history(paths: list[Path]) -> list[RecordedDecision]:
    """Every decision of the decisions files `paths`, in their order, each file once however often
    it is given; a missing file, or one that holds no decision, is refused (it would teach nothing,
    and is most likely the wrong file)."""
    out: list[RecordedDecision] = []
    seen: set[Path] = set()
    for path in paths:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        if not path.is_file():
            raise UsageError(
                f"--history {path}: no such file", "pass the decisions.yaml of an earlier review"
            )
        decisions = load_decisions(path)
        if not decisions:
            raise BadDataError(
                f"--history {path}: no decision in the file",
                "pass a decisions file that `plancompare review` or `decide` wrote",
            )
        out += [decisions[pid] for pid in sorted(decisions)]
    return out


def with_history(model: Model, decisions: list[RecordedDecision], *, own: bool = False) -> Model:
    """`model` with `decisions` (of earlier reviews) counted in its history: beside the labelled
    drafts', or instead of them when `own`."""
    asks, measures = decided_counts(decisions)
    if not own:
        asks = _added(model.history, asks, len(CLASSES))
        measures = _added(model.measure_history, measures, len(MEASURE_VERDICTS))
    # Their own: the labelled drafts' places and scales of the asks (places.py, scales.py) are set aside
    # with their counts.
    return replace(
        model,
        history=asks,
        measure_history=measures,
        places={} if own else model.places,
        scales={} if own else model.scales,
        added=len(decisions),
        own=own,
    )


@dataclass(frozen=True)
class EarlierReviews:
    """The decisions files of earlier reviews to learn from (`--history`), and whether they are the
    whole of the model's history (`--own-history`)."""

    files: tuple[Path, ...] = ()
    own: bool = False

    @classmethod
    def of(cls, files: list[Path] | None, own: bool = False) -> EarlierReviews:
        return cls(tuple(files or ()), own)

    def model(self) -> Model | None:
        """The shipped model with the files' decisions counted in its history (instead of the labelled
        drafts' when `own`; `own` alone: no history at all); None, the shipped model as it is, when
        neither is asked for."""
        if not self.files and not self.own:
            return None
        return with_history(shipped(), load_history(list(self.files)), own=self.own)

    def refuse(self, decisions: Path | None) -> None:
        """The decisions file of the review at hand is applied, not learnt from as an earlier one:
        it would count its decisions twice, and a review would learn from itself."""
        if decisions is None:
            return
        for path in self.files:
            if path.resolve() == decisions.resolve():
                raise UsageError(
                    f"--history {path} is this review's own decisions file",
                    "pass the decisions of an earlier review (another draft or plan)",
                )
