"""Analyst decisions: a reviewed verdict for a proposal, kept in `decisions.yaml` and applied to diffs.

A decision records the proposal's fingerprint (sha256 of its whitespace-normalised text, 12 hex
characters) and the next-plan measures it points at (number and title). It is applied only while
both still hold; when the proposal's text changed, or a recorded measure disappeared or now has
another title (the draft was renumbered), it is reported as stale and the engine's verdict stands.

The file lives in NEXT's corpus folder (the decisions are about that plan), else in BASE's, unless
`--decisions FILE` says otherwise. Dates are whatever the analyst gives: nothing is timestamped
automatically, so reports stay reproducible.

```yaml
decisions:
  M05-P02:
    fingerprint: 3fa4c0d1e2b7
    verdict: changed
    measures:
      - number: 12
        title: Renforcer l'accès au séjour des victimes
    comment: la mesure 12 ne prévoit qu'une possibilité
    author: C. Dupont
    date: 2026-11-20
```
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plancompare.errors import BadDataError, UsageError
from plancompare.files import write_atomic
from plancompare.models import PROPOSAL_VERDICTS, Decision, DiffResult, Match, ProposalResult, Reason

FILE_NAME = "decisions.yaml"


def fingerprint(text: str) -> str:
    """First 12 hex characters of the sha256 of the text with whitespace normalised."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@dataclass
class RecordedMeasure:
    number: int
    title: str | None = None


@dataclass
class RecordedDecision:
    id: str
    fingerprint: str
    verdict: str
    measures: list[RecordedMeasure] = field(default_factory=list)
    comment: str | None = None
    author: str | None = None
    date: str | None = None

    def as_yaml(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"fingerprint": self.fingerprint, "verdict": self.verdict}
        entry["measures"] = [
            {"number": m.number, **({"title": m.title} if m.title else {})} for m in self.measures
        ]
        for key in ("comment", "author", "date"):
            value = getattr(self, key)
            if value:
                entry[key] = value
        return entry


def _bad(path: Path, what: str) -> BadDataError:
    return BadDataError(f"{path}: {what}", "fix the file or re-record the decision with `plancompare decide`")


def _measure(path: Path, pid: str, item: object) -> RecordedMeasure:
    if isinstance(item, int) and not isinstance(item, bool):
        return RecordedMeasure(item)
    if isinstance(item, dict) and isinstance(item.get("number"), int):
        title = item.get("title")
        return RecordedMeasure(item["number"], str(title) if title else None)
    raise _bad(path, f"decision {pid}: a measure must be a number or {{number, title}}")


def load_decisions(path: Path) -> dict[str, RecordedDecision]:
    """The decisions of a file, by proposal id; an absent file holds none."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise _bad(path, f"not valid YAML ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("decisions") or {}, dict):
        raise _bad(path, "expected a top-level `decisions:` mapping of proposal ids")
    found: dict[str, RecordedDecision] = {}
    for pid, entry in (data.get("decisions") or {}).items():
        if not isinstance(entry, dict):
            raise _bad(path, f"decision {pid} is not a mapping")
        verdict = entry.get("verdict")
        if verdict not in PROPOSAL_VERDICTS:
            raise _bad(path, f"decision {pid}: verdict must be one of {', '.join(PROPOSAL_VERDICTS)}")
        if not isinstance(entry.get("fingerprint"), str):
            raise _bad(path, f"decision {pid} has no fingerprint")
        date = entry.get("date")
        found[str(pid)] = RecordedDecision(
            id=str(pid),
            fingerprint=entry["fingerprint"],
            verdict=verdict,
            measures=[_measure(path, str(pid), m) for m in entry.get("measures") or []],
            comment=entry.get("comment"),
            author=entry.get("author"),
            date=None if date is None else str(date),
        )
    return found


def save_decisions(path: Path, decisions: dict[str, RecordedDecision]) -> None:
    """Write every decision, sorted by proposal id, atomically."""
    body = {"decisions": {pid: decisions[pid].as_yaml() for pid in sorted(decisions)}}
    text = "# Analyst decisions for plancompare (see `plancompare decide --help`).\n"
    text += yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    write_atomic(path, text)


def record_decision(path: Path, decision: RecordedDecision) -> None:
    """Add or replace one decision, keeping the file's other entries."""
    if decision.verdict not in PROPOSAL_VERDICTS:
        raise UsageError(
            f"unknown verdict {decision.verdict!r}", f"choose one of: {', '.join(PROPOSAL_VERDICTS)}"
        )
    decisions = load_decisions(path)
    decisions[decision.id] = decision
    save_decisions(path, decisions)


_MESSAGES = {
    "en": {
        "text": "the proposal's text changed since the decision (fingerprint {old}, now {new})",
        "gone": "measure {number} no longer exists in the next plan",
        "renamed": "measure {number} is now « {now} », it was « {was} » when decided",
        "unknown": "no proposal {pid} in the base review any more",
    },
    "fr": {
        "text": "le texte de la proposition a changé depuis la décision (empreinte {old}, désormais {new})",
        "gone": "la mesure {number} n’existe plus dans le plan suivant",
        "renamed": "la mesure {number} s’intitule désormais « {now} », elle s’intitulait « {was} »",
        "unknown": "la proposition {pid} n’existe plus dans la revue de référence",
    },
}


def _stale_reason(
    proposal: ProposalResult, decision: RecordedDecision, titles: dict[int, str], lang: str
) -> str | None:
    text = _MESSAGES["fr" if lang == "fr" else "en"]
    current = fingerprint(proposal.text)
    if current != decision.fingerprint:
        return text["text"].format(old=decision.fingerprint, new=current)
    for recorded in decision.measures:
        if recorded.number not in titles:
            return text["gone"].format(number=recorded.number)
        if recorded.title and not _same_title(recorded.title, titles[recorded.number]):
            now = " ".join(titles[recorded.number].split())
            return text["renamed"].format(number=recorded.number, now=now, was=recorded.title)
    return None


def _decided_matches(
    proposal: ProposalResult, decision: RecordedDecision, titles: dict[int, str]
) -> list[Match]:
    if decision.verdict in ("dropped", "n-a"):  # nothing answers it, or nothing was asked
        return []
    engine = {m.measure: m for m in proposal.matches}
    matches = []
    for recorded in decision.measures:
        # Keep the engine's evidence where it found that measure; else the measure's title stands in.
        matches.append(
            engine.get(recorded.number)
            or Match(measure=recorded.number, score=0.0, passage=titles[recorded.number])
        )
    return matches


def apply_decisions(
    result: DiffResult, decisions: dict[str, RecordedDecision], *, lang: str = "en"
) -> DiffResult:
    """A copy of `result` with every valid decision applied and every stale one reported."""
    titles = {m.number: m.title for m in result.next_measures}
    proposals = []
    stale: list[str] = []
    for proposal in result.proposals:
        decision = decisions.get(proposal.id)
        if decision is None:
            proposals.append(proposal)
            continue
        why = _stale_reason(proposal, decision, titles, lang)
        record = Decision(
            verdict=decision.verdict,  # type: ignore[arg-type]
            measures=[m.number for m in decision.measures] or None,
            comment=decision.comment,
            author=decision.author,
            fingerprint=decision.fingerprint,
            stale=why is not None,
            stale_reason=why,
        )
        if why is not None:
            stale.append(proposal.id)
            proposals.append(proposal.model_copy(update={"decision": record}))
            continue
        matches = _decided_matches(proposal, decision, titles)
        proposals.append(
            proposal.model_copy(
                update={
                    "verdict": decision.verdict,
                    "engine_verdict": proposal.engine_verdict,
                    "matches": matches,
                    "score": max((m.score for m in matches), default=proposal.score),
                    "reasons": [Reason(code="analyst", detail=decision.comment)],
                    "decided_by": "analyst",
                    "decision": record,
                }
            )
        )
    known = {p.id for p in result.proposals}
    stale.extend(pid for pid in sorted(decisions) if pid not in known)
    return result.model_copy(update={"proposals": proposals, "stale_decisions": stale})


def stale_message(pid: str, lang: str) -> str:
    return _MESSAGES["fr" if lang == "fr" else "en"]["unknown"].format(pid=pid)
