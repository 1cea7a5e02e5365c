"""A review session: the proposals still to decide, in order, and the decisions as they are made.

`review` (the terminal app) and `simulate` (an analyst replayed from a labels file) both drive a
`Session`. Each decision goes to the store at once (a decisions file: `judge.decisions.
record_decision`, which re-reads the file and keeps its other entries, so a hand edit made meanwhile
is kept), then the remaining proposals are re-judged with what the decisions teach (`judge.adapt`)
and re-ordered. A session started on a file that holds decisions resumes: decided proposals are not
asked again.

Once the proposals are decided, the base measures are: what became of each (kept, revised, merged,
split or dropped, and into which next measures), the engine's reading corrected where it is wrong.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from plancompare.errors import UsageError
from plancompare.judge.adapt import Adapter
from plancompare.judge.decided_measures import measure_decision_problem
from plancompare.judge.decisions import (
    RecordedDecision,
    RecordedMeasure,
    fingerprint,
    load_decisions,
    record_decision,
    update_decisions,
)
from plancompare.match.aligner import Candidate
from plancompare.models import (
    NOT_AN_ASK,
    PROPOSAL_VERDICTS,
    DiffResult,
    Measure,
    MeasureResult,
    ProposalResult,
    measure_id,
)

ORDERS = ("confidence", "document", "measure")
CANDIDATES = 3
MEASURE_CANDIDATES = 5  # a base measure split in three, and two more to choose from


class MissingMeasure(UsageError):
    """A decision or a search named a measure the next plan does not have."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"the next plan has no measure {name}",
            "give its number as the plan prints it (see the candidates)",
        )
        self.name = name


class Store(Protocol):
    """Where decisions live: `load` reads them all, `put` writes one, `remove` takes one out."""

    def load(self) -> dict[str, RecordedDecision]: ...

    def put(self, decision: RecordedDecision) -> None: ...

    def remove(self, pid: str) -> None: ...


@dataclass
class FileStore:
    """A decisions file (`decisions.yaml`), re-read before every write."""

    path: Path

    def load(self) -> dict[str, RecordedDecision]:
        return load_decisions(self.path)

    def put(self, decision: RecordedDecision) -> None:
        record_decision(self.path, decision)

    def remove(self, pid: str) -> None:
        def drop(decisions: dict[str, RecordedDecision]) -> None:
            decisions.pop(pid, None)

        # Under the file's lock, as `decide` writes: an undo never loses another writer's decision.
        update_decisions(self.path, drop)


@dataclass
class MemoryStore:
    """Decisions kept in memory (`simulate`)."""

    decisions: dict[str, RecordedDecision] = field(default_factory=dict)

    def load(self) -> dict[str, RecordedDecision]:
        return dict(self.decisions)

    def put(self, decision: RecordedDecision) -> None:
        self.decisions[decision.id] = decision

    def remove(self, pid: str) -> None:
        self.decisions.pop(pid, None)


@dataclass(frozen=True)
class Progress:
    decided: int
    total: int
    estimated_accuracy: float  # mean over proposals of 1 (decided) or the verdict's confidence


@dataclass
class Session:
    adapter: Adapter
    store: Store
    order: str = "confidence"
    lang: str = "fr"
    seed: int = 0
    only: frozenset[str] | None = None  # the proposals to walk (all when None)
    result: DiffResult = field(init=False)
    decisions: dict[str, RecordedDecision] = field(init=False)
    skipped: list[str] = field(default_factory=list)
    undo_stack: list[tuple[str, RecordedDecision | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.order not in (*ORDERS, "random"):
            raise UsageError(f"unknown order {self.order!r}", f"choose one of: {', '.join(ORDERS)}")
        self.refresh()

    # --- state -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the decisions and re-judge the proposals with them."""
        self.decisions = self.store.load()
        self.result = self.adapter.result(self.decisions, lang=self.lang)
        self._by_id = {p.id: p for p in self.result.proposals}

    def is_decided(self, pid: str) -> bool:
        proposal = self._by_id.get(pid)
        if proposal is None:
            return False
        if proposal.decided_by == "analyst":
            return True
        decision = self.decisions.get(pid)
        return (
            decision is not None
            and decision.verdict == NOT_AN_ASK
            and decision.fingerprint == fingerprint(proposal.text)
        )

    def walked(self) -> list[ProposalResult]:
        return [p for p in self.result.proposals if self.only is None or p.id in self.only]

    def queue(self) -> list[ProposalResult]:
        """The proposals still to decide, in the session's order (skipped ones last)."""
        todo = [p for p in self.walked() if not self.is_decided(p.id)]
        if self.order == "confidence":
            todo.sort(key=lambda p: (p.confidence, p.id))
        elif self.order == "measure":
            todo.sort(key=lambda p: (p.matches[0].measure if p.matches else 10**9, p.id))
        elif self.order == "random":
            rng = random.Random(self.seed)
            fixed = sorted(p.id for p in self.walked())
            rank = {pid: i for i, pid in enumerate(rng.sample(fixed, len(fixed)))}
            todo.sort(key=lambda p: rank[p.id])
        skipped = {pid: i for i, pid in enumerate(self.skipped)}
        return sorted(todo, key=lambda p: skipped.get(p.id, -1))

    def current(self) -> ProposalResult | None:
        queue = self.queue()
        return queue[0] if queue else None

    def progress(self) -> Progress:
        walked = self.walked()
        decided = [p for p in walked if self.is_decided(p.id)]
        total = len(walked)
        estimate = (
            sum(1.0 if self.is_decided(p.id) else p.confidence for p in walked) / total if total else 1.0
        )
        return Progress(len(decided), total, estimate)

    # --- what the analyst sees -------------------------------------------------------------------

    @property
    def next_measures(self) -> dict[int, Measure]:
        return self.adapter.al.next_by_number

    def candidates(self, pid: str, count: int = CANDIDATES) -> list[Candidate]:
        """The engine's best candidates for a proposal, one per next measure; first the one of the
        measure its verdict shows (the model may show another than the engine's first, judge/places.py),
        so that a decision with no measure picked goes where the screen said."""
        for p, (_, cands) in zip(self.adapter.al.proposals, self.adapter.al.aligned, strict=True):
            if p.id == pid:
                shown = self._by_id[pid].matches[:1]
                first = [c for c in cands if shown and c.measure == shown[0].measure][:1]
                return [*first, *(c for c in cands if c not in first)][:count]
        return []

    def measure_named(self, name: str) -> Measure:
        """A next measure by the number its plan prints (« 12 », « 1.2 »); a clear error if none."""
        wanted = " ".join(name.split()).lower()
        for m in self.next_measures.values():
            if m.name.lower() == wanted or (wanted.isdigit() and m.label is None and m.number == int(wanted)):
                return m
        raise MissingMeasure(" ".join(name.split()))

    def search(self, text: str, count: int = CANDIDATES) -> list[Measure]:
        """A measure number, or the measures sharing most of these words (their stems)."""
        from plancompare.text.normalise import tokens

        stripped = text.strip()
        if stripped and (stripped[0].isdigit()):
            return [self.measure_named(stripped)]
        wanted = set(tokens(stripped, content_only=True))
        if not wanted:
            return []
        scored = []
        for m in self.next_measures.values():
            have = set(tokens(f"{m.title} {m.text}"))
            shared = len(wanted & have)
            if shared:
                scored.append((-shared, m.number, m))
        return [m for *_, m in sorted(scored, key=lambda t: (t[0], t[1]))[:count]]

    # --- deciding ----------------------------------------------------------------------------------

    def decide(
        self,
        pid: str,
        verdict: str,
        measures: list[int] | None = None,
        *,
        comment: str | None = None,
        author: str | None = None,
    ) -> RecordedDecision:
        """Record a decision at once; the remaining proposals are re-judged."""
        proposal = self._by_id.get(pid)
        if proposal is None:
            raise UsageError(f"no proposal {pid}", "see the ids in `plancompare diff --all`")
        if verdict not in PROPOSAL_VERDICTS:
            raise UsageError(f"unknown verdict {verdict!r}", f"choose one of: {', '.join(PROPOSAL_VERDICTS)}")
        numbers = self._known(measures)
        if verdict in ("dropped", NOT_AN_ASK):
            numbers = []
        elif not numbers:
            first = self.candidates(pid, 1)
            if not first:
                raise UsageError(f"an {verdict} proposal needs its next-plan measure(s)", "pick a measure")
            numbers = [first[0].measure]
        decision = RecordedDecision(
            id=pid,
            fingerprint=fingerprint(proposal.text),
            verdict=verdict,
            measures=self._named(numbers),
            comment=comment or None,
            author=author,
        )
        return self._record(decision)

    def _known(self, measures: list[int] | None) -> list[int]:
        """The measure numbers given, once each; a clear error for one the next plan lacks."""
        numbers = list(dict.fromkeys(measures or []))
        missing = [n for n in numbers if n not in self.next_measures]
        if missing:
            raise MissingMeasure(", ".join(map(str, missing)))
        return numbers

    def _named(self, numbers: list[int]) -> list[RecordedMeasure]:
        """Next measures as a decision records them: with their titles, to tell a renumbering."""
        return [RecordedMeasure(n, " ".join(self.next_measures[n].title.split())) for n in numbers]

    def _record(self, decision: RecordedDecision) -> RecordedDecision:
        """Write `decision` at once (undo brings back the entry it replaces), then re-judge."""
        previous = self.store.load().get(decision.id)
        self.store.put(decision)
        self.undo_stack.append((decision.id, previous))
        if decision.id in self.skipped:
            self.skipped.remove(decision.id)
        self.refresh()
        return decision

    def undo(self) -> str | None:
        """Take back the last decision of this session (the entry it replaced comes back)."""
        if not self.undo_stack:
            return None
        pid, previous = self.undo_stack.pop()
        if previous is None:
            self.store.remove(pid)
        else:
            self.store.put(previous)
        self.refresh()
        return pid

    def skip(self, pid: str) -> None:
        """Leave a proposal or a base measure (its id, « M05 ») for later in this session: it goes to the
        end of its queue."""
        if pid in self.skipped:
            self.skipped.remove(pid)
        self.skipped.append(pid)

    # --- base measures ---------------------------------------------------------------------------

    def measure_queue(self) -> list[MeasureResult]:
        """The base measures still to decide (skipped ones last): least certain first in the
        « confidence » order, since their confidence reads how the labelled drafts treated each
        (README, « Confidence »: area under the curve 0.78 on the drafts it was not fit on); in the
        base plan's order otherwise."""
        todo = [m for m in self.result.measures if not m.decided]
        if self.order == "confidence":
            todo.sort(key=lambda m: (m.confidence, m.number))
        skipped = {mid: i for i, mid in enumerate(self.skipped)}
        return sorted(todo, key=lambda m: skipped.get(measure_id(m.name), -1))

    def current_measure(self) -> MeasureResult | None:
        queue = self.measure_queue()
        return queue[0] if queue else None

    def measure_progress(self) -> Progress:
        measures = self.result.measures
        decided = sum(m.decided for m in measures)
        estimate = (
            sum(1.0 if m.decided else m.confidence for m in measures) / len(measures) if measures else 1.0
        )
        return Progress(decided, len(measures), estimate)

    def taken_up(self, number: int) -> list[tuple[int, int]]:
        """(next measure, how many) of base measure `number`'s proposals it takes up (adopted or
        changed, by the first measure that answers them), as the table now reads; most first."""
        counts = Counter(
            p.matches[0].measure
            for p in self.result.proposals
            if p.measure == number and p.verdict in ("adopted", "changed") and p.matches
        )
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def measure_candidates(
        self, number: int, count: int = MEASURE_CANDIDATES
    ) -> list[tuple[int, str | None, float | None, str]]:
        """The next measures base measure `number` may have become, with the passage and score that
        put them there and what the passage points back to (`Match.before`): those the table names
        now, the engine's other matches, then the measures that take up most of its proposals (no
        passage)."""
        measure = self._base_measure(number)
        found = {m.measure: (m.passage, m.score, m.before or "") for m in measure.matches}
        none: tuple[str | None, float | None, str] = (None, None, "")
        shown = {n: found.get(n, none) for n in measure.next}
        for n, evidence in found.items():
            shown.setdefault(n, evidence)
        for n, _ in self.taken_up(number):
            shown.setdefault(n, none)
        return [(n, *evidence) for n, evidence in shown.items()][:count]

    def _base_measure(self, number: int) -> MeasureResult:
        for m in self.result.measures:
            if m.number == number:
                return m
        raise UsageError(
            f"no base measure {number}", "see the base measures in `plancompare diff --format md`"
        )

    def decide_measure(
        self,
        number: int,
        verdict: str,
        measures: list[int] | None = None,
        *,
        comment: str | None = None,
        author: str | None = None,
    ) -> RecordedDecision:
        """Record what became of base measure `number`; with no measure picked, the ones the table
        names now (the first of them unless split), else its first candidate."""
        measure = self._base_measure(number)
        numbers = self._known(measures)
        if verdict == "dropped":
            numbers = []
        elif not numbers:
            named = measure.next or [n for n, *_ in self.measure_candidates(number, 1)]
            numbers = named if verdict == "split" else named[:1]
        problem = measure_decision_problem(verdict, len(numbers))
        if problem is not None:
            raise UsageError(problem, "pick the next measures with 1-5, or / to find one")
        decision = RecordedDecision(
            id=measure_id(measure.name),
            fingerprint=fingerprint(measure.title),
            verdict=verdict,
            measures=self._named(numbers),
            comment=comment or None,
            author=author,
        )
        return self._record(decision)
