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

import datetime as dt
import hashlib
import os
import unicodedata
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plancompare.errors import BadDataError, OutputError, UsageError, printable
from plancompare.files import load_yaml, locked, write_atomic
from plancompare.models import (
    MEASURE_VERDICTS,
    PROPOSAL_VERDICTS,
    Decision,
    DiffResult,
    Match,
    ProposalResult,
    Reason,
    is_measure_id,
)


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

    def record(self, stale_reason: str | None) -> Decision:
        """The decision as a result carries it, stale when `stale_reason` says why."""
        return Decision(
            verdict=self.verdict,  # type: ignore[arg-type]
            measures=[m.number for m in self.measures] or None,
            comment=self.comment,
            author=self.author,
            fingerprint=self.fingerprint,
            stale=stale_reason is not None,
            stale_reason=stale_reason,
        )

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
    return BadDataError(
        f"{printable(path)}: {what}", "fix the file or re-record the decision with `plancompare decide`"
    )


# The fields of an entry, and of a measure of an entry; any other is a typo (`verdcit:`) to report.
FIELDS = ("fingerprint", "verdict", "measures", "comment", "author", "date")
MEASURE_FIELDS = ("number", "title")


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(path: Path, pid: str, key: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise _bad(path, f"decision {pid}: {key} must be text, not {value!r} (put it in quotes)")


def _measure(path: Path, pid: str, item: object) -> RecordedMeasure:
    if _whole(item):
        return RecordedMeasure(item)  # type: ignore[arg-type]
    if isinstance(item, dict) and _whole(item.get("number")):
        unknown = sorted(str(k) for k in item if k not in MEASURE_FIELDS)
        if unknown:
            raise _bad(path, f"decision {pid}: a measure has unknown field(s) {', '.join(unknown)}")
        title = _text(path, pid, "a measure's title", item.get("title"))
        return RecordedMeasure(item["number"], title or None)
    raise _bad(path, f"decision {pid}: a measure must be a number or {{number, title}}, not {item!r}")


def _date(path: Path, pid: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):  # YAML reads 2026-11-20 as a date
        return value.isoformat()
    if isinstance(value, str):
        with suppress(ValueError):
            dt.datetime.fromisoformat(value)
            return value
    raise _bad(path, f"decision {pid}: date {value!r} is not a date (write it as YYYY-MM-DD)")


def verdicts_for(key: str) -> tuple[str, ...]:
    """The verdicts a decision on `key` may give: a base measure's (« M05 »: kept … dropped) or a
    proposal's (« M05-P02 », « G03 »: adopted … n-a)."""
    return MEASURE_VERDICTS if is_measure_id(key) else PROPOSAL_VERDICTS


def _decision(path: Path, pid: str, entry: object) -> RecordedDecision:
    """One entry, every field checked: a hand edit of the wrong type is one line, never a traceback."""
    if not isinstance(entry, dict):
        raise _bad(path, f"decision {pid} is not a mapping")
    unknown = sorted(str(k) for k in entry if k not in FIELDS)
    if unknown:
        known = ", ".join(FIELDS)
        raise _bad(path, f"decision {pid}: unknown field(s) {', '.join(unknown)} (known: {known})")
    verdict = entry.get("verdict")
    allowed = verdicts_for(pid)
    if verdict not in allowed:
        raise _bad(path, f"decision {pid}: verdict must be one of {', '.join(allowed)}")
    if not isinstance(entry.get("fingerprint"), str) or not entry["fingerprint"]:
        raise _bad(path, f"decision {pid} has no fingerprint (the 12 hex characters `decide` writes)")
    measures = entry.get("measures")
    if measures is not None and not isinstance(measures, list):
        raise _bad(path, f"decision {pid}: measures must be a list, not {measures!r}")
    return RecordedDecision(
        id=pid,
        fingerprint=entry["fingerprint"],
        verdict=verdict,
        measures=[_measure(path, pid, m) for m in measures or []],
        comment=_text(path, pid, "comment", entry.get("comment")),
        author=_text(path, pid, "author", entry.get("author")),
        date=_date(path, pid, entry.get("date")),
    )


def load_decisions(path: Path) -> dict[str, RecordedDecision]:
    """The decisions of a file, by proposal id; an absent file holds none."""
    if not path.exists():
        return {}
    data = load_yaml(path, "fix the file or re-record the decision with `plancompare decide`")
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("decisions") or {}, dict):
        raise _bad(path, "expected a top-level `decisions:` mapping of proposal and base-measure ids")
    entries = data.get("decisions") or {}
    return {str(pid): _decision(path, str(pid), entry) for pid, entry in entries.items()}


def decisions_text(decisions: dict[str, RecordedDecision]) -> str:
    """The file's text: every decision, sorted by proposal id."""
    body = {"decisions": {pid: decisions[pid].as_yaml() for pid in sorted(decisions)}}
    text = "# Analyst decisions for plancompare (see `plancompare decide --help`).\n"
    return text + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)


def save_decisions(path: Path, decisions: dict[str, RecordedDecision]) -> None:
    """Write every decision, sorted by proposal id, atomically (the caller holds the lock: see
    `update_decisions`)."""
    write_atomic(path, decisions_text(decisions))


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _bad(path, f"cannot read it ({exc.strerror or exc})") from exc


def update_decisions(path: Path, change: Callable[[dict[str, RecordedDecision]], None]) -> None:
    """Read the decisions of `path`, let `change` edit them, write them back: the read-modify-write of
    every writer (`decide`, and any command to come that records decisions).

    Writers hold the file's lock (`files.locked`) from the read to the write, so two of them run at
    once take turns and neither loses the other's decision. A hand edit takes no lock: when one is
    saved while this runs, the file is read again and `change` applied to it, rather than written over.
    """
    # Beside the file itself: every name it is written under (a link, another current folder) meets
    # the same lock.
    with locked(Path(os.path.realpath(path))):
        for _ in range(20):
            before = _contents(path)
            decisions = load_decisions(path)
            change(decisions)
            text = decisions_text(decisions)
            if _contents(path) != before:
                continue  # saved by hand meanwhile: start again from what it holds now
            write_atomic(path, text)
            return
    raise OutputError(
        f"{printable(path)} kept changing while plancompare was writing it",
        "close the editor that keeps saving it, then record the decision again",
    )


def record_decision(path: Path, decision: RecordedDecision) -> None:
    """Add or replace one decision, keeping the file's other entries (and any written meanwhile)."""
    allowed = verdicts_for(decision.id)
    if decision.verdict not in allowed:
        raise UsageError(f"unknown verdict {decision.verdict!r}", f"choose one of: {', '.join(allowed)}")

    def add(decisions: dict[str, RecordedDecision]) -> None:
        decisions[decision.id] = decision

    update_decisions(path, add)


_MESSAGES = {
    "en": {
        "text": "the proposal's text changed since the decision (fingerprint {old}, now {new})",
        "gone": "measure {number} no longer exists in the next plan",
        "renamed": "measure {number} is now « {now} », it was « {was} » when decided",
        "unknown": "no proposal {pid} in the base review any more",
        "title": "the base measure's title changed since the decision (fingerprint {old}, now {new})",
        "unknown measure": "no base measure {pid} in the base plan any more",
    },
    "fr": {
        "text": "le texte de la proposition a changé depuis la décision (empreinte {old}, désormais {new})",
        "gone": "la mesure {number} n’existe plus dans le plan suivant",
        "renamed": "la mesure {number} s’intitule désormais « {now} », elle s’intitulait « {was} »",
        "unknown": "la proposition {pid} n’existe plus dans la revue de référence",
        "title": (
            "l’intitulé de la mesure de référence a changé depuis la décision "
            "(empreinte {old}, désormais {new})"
        ),
        "unknown measure": "la mesure {pid} n’existe plus dans le plan de référence",
    },
}


def stale_reason(
    current: str, decision: RecordedDecision, titles: dict[int, str], lang: str, changed: str = "text"
) -> str | None:
    """Why `decision` no longer applies, or None: the fingerprint of what it was recorded on is now
    `current` (`changed`: « text » of a proposal, « title » of a base measure), or a next measure it
    names is gone or renamed (`titles`: the next plan's)."""
    text = _MESSAGES["fr" if lang == "fr" else "en"]
    if current != decision.fingerprint:
        return text[changed].format(old=decision.fingerprint, new=current)
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
        why = stale_reason(fingerprint(proposal.text), decision, titles, lang)
        record = decision.record(why)
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
    # Decisions on base measures are applied apart (judge/decided_measures.py).
    stale.extend(pid for pid in sorted(decisions) if pid not in known and not is_measure_id(pid))
    return result.model_copy(update={"proposals": proposals, "stale_decisions": stale})


def stale_message(pid: str, lang: str) -> str:
    """Why the decision on `pid` applies to nothing: no such proposal, or no such base measure."""
    key = "unknown measure" if is_measure_id(pid) else "unknown"
    return _MESSAGES["fr" if lang == "fr" else "en"][key].format(pid=pid)
