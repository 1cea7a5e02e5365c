"""What every report format shares: proposals grouped by priority, counts, shortened text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plancompare.models import (
    ASK_VERDICTS,
    NOT_AN_ASK,
    PROPOSAL_VERDICTS,
    DiffResult,
    MeasureResult,
    NextMeasure,
    ProposalResult,
)
from plancompare.report.i18n import Labels
from plancompare.text.patterns import BULLET_CHAR

GENERAL = "__general__"

_BULLET = re.compile(rf"^\s*(?:{BULLET_CHAR}\s*)+")
# Breaking whitespace only: French non-breaking spaces (« », before « : ») are part of the text.
_SPACES = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")


@dataclass
class Group:
    """The proposals of one base priority (or the general demands), in document order."""

    key: str
    label: str
    proposals: list[ProposalResult] = field(default_factory=list)

    def count(self, verdict: str) -> int:
        return sum(1 for p in self.proposals if p.verdict == verdict)


def clean(text: str) -> str:
    """One line of text: whitespace collapsed, a leading bullet dropped (reviews use « • »)."""
    return one_line(unbulleted(text))


def unbulleted(text: str) -> str:
    """The text without its leading bullet, its lines kept."""
    return _BULLET.sub("", text)


def one_line(text: str) -> str:
    """Runs of breaking whitespace (newlines included) become one space; no-break spaces stay."""
    return _SPACES.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary and marked with « … »."""
    line = clean(text)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def priority_of(result: DiffResult, proposal: ProposalResult) -> str | None:
    if proposal.measure is None:
        return None
    if proposal.priority:
        return proposal.priority
    for measure in result.measures:
        if measure.number == proposal.measure:
            return measure.priority
    return None


def groups(result: DiffResult, words: Labels) -> list[Group]:
    """Base priorities in plan order, then any priority only proposals name, then general demands."""
    titles = {p.id: p.title for p in result.priorities}
    by_key: dict[str, Group] = {}
    for prio in result.priorities:
        by_key[prio.id] = Group(prio.id, _priority_label(prio.id, prio.title, words))
    general = Group(GENERAL, words["general"])
    orphans = Group("", words["no_priority"])
    for proposal in result.proposals:
        if proposal.measure is None:
            general.proposals.append(proposal)
            continue
        key = priority_of(result, proposal)
        if key is None:
            orphans.proposals.append(proposal)
            continue
        if key not in by_key:
            by_key[key] = Group(key, _priority_label(key, titles.get(key), words))
        by_key[key].proposals.append(proposal)
    ordered = [g for g in by_key.values() if g.proposals]
    general.label = general_label(general.proposals, words)
    return [g for g in (*ordered, orphans, general) if g.proposals]


def general_label(proposals: list[ProposalResult], words: Labels) -> str:
    """« Demandes générales », or « Recommandations » when they are a report's numbered
    recommendations (R01, R02 …, recommendations.py)."""
    if proposals and all(re.fullmatch(r"R\d+", p.id) for p in proposals):
        return words["recommendations"]
    return words["general"]


def _priority_label(key: str, title: str | None, words: Labels) -> str:
    name = f"{words['priority']} {key}"
    return f"{name} – {clean(title)}" if title else name


def _next_measure(result: DiffResult, number: int) -> NextMeasure | None:
    return next((m for m in result.next_measures if m.number == number), None)


def next_title(result: DiffResult, number: int) -> str | None:
    found = _next_measure(result, number)
    return found.title if found is not None else None


def next_name(result: DiffResult, number: int) -> str:
    """A next-plan measure as its plan prints it (« 1.2 » in a plan numbered within its axes)."""
    found = _next_measure(result, number)
    return found.name if found is not None else str(number)


def next_headings(result: DiffResult, numbers: list[int]) -> list[tuple[str, str]]:
    """(name as printed, title) of next-plan measures; a title is empty when unknown."""
    return [(next_name(result, n), next_title(result, n) or "") for n in numbers]


def base_name(result: DiffResult, number: int) -> str:
    """A base measure as its plan prints it."""
    found = next((m for m in result.measures if m.number == number), None)
    return found.name if found is not None else str(number)


def measure_list(result: DiffResult, numbers: list[int], sep: str = ", ") -> str:
    return sep.join(next_name(result, n) for n in numbers)


def proposal_measures(proposal: ProposalResult) -> list[int]:
    """Next-plan measures of a proposal's matches, without repeats, in match order."""
    seen: list[int] = []
    for match in proposal.matches:
        if match.measure not in seen:
            seen.append(match.measure)
    return seen


def answered(proposal: ProposalResult) -> bool:
    """Whether the proposal's matches answer it (adopted, changed), or are only the nearest found
    (dropped, n-a)."""
    return proposal.verdict not in ("dropped", NOT_AN_ASK)


def measures_cell(result: DiffResult, proposal: ProposalResult) -> str:
    """The next-plan measures of a proposal; in brackets when dropped or not an ask (the nearest,
    not an answer)."""
    numbers = measure_list(result, proposal_measures(proposal))
    return numbers if not numbers or answered(proposal) else f"({numbers})"


def score_text(score: float) -> str:
    return f"{score:.0f}"


def verdict_counts(proposals: list[ProposalResult]) -> dict[str, int]:
    return {v: sum(1 for p in proposals if p.verdict == v) for v in PROPOSAL_VERDICTS}


def adoption_rate(counts: dict[str, int], words: Labels) -> str:
    """Adopted / (adopted + changed + dropped): items that ask nothing (n-a) count in no rate."""
    return words.percent(counts["adopted"], sum(counts[v] for v in ASK_VERDICTS))


def tally(counts: dict[str, int], words: Labels) -> str:
    """« Adoptée 3, Modifiée 2, Non reprise 1 », and « Sans objet 1 » when there is one."""
    shown = [v for v in PROPOSAL_VERDICTS if v in ASK_VERDICTS or counts[v]]
    return ", ".join(f"{words.verdict(v)} {counts[v]}" for v in shown)


def measure_verdict(measure: MeasureResult, words: Labels, *, comment: bool = True) -> str:
    """What became of a base measure, as a report shows it: the analyst's mark, and (`comment`) the
    analyst's comment, when an analyst decided it."""
    shown = words.measure_verdict(measure.verdict)
    if not measure.decided or measure.decision is None:
        return shown
    why = measure.decision.comment if comment else None
    return f"{shown} {words['analyst']}" + (f" – {why}" if why else "")


def stale_entries(result: DiffResult, words: Labels) -> list[tuple[str, str]]:
    """(proposal or base-measure id, why) for every stale decision, the recorded verdict first."""
    from plancompare.judge.decisions import stale_message
    from plancompare.models import is_measure_id

    recorded = result.recorded()
    entries = []
    for pid in result.stale_decisions:
        if pid not in recorded:
            entries.append((pid, stale_message(pid, words.lang)))
            continue
        decision, standing = recorded[pid]
        name = words.measure_verdict if is_measure_id(pid) else words.verdict
        engine = f"{words.colon(words['engine'])} {name(standing)}"
        entries.append((pid, f"{name(decision.verdict)} ({engine}) – {decision.stale_reason or ''}"))
    return entries
