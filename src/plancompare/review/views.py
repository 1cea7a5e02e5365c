"""What the review app draws for one proposal or one base measure: the item, the engine's reading,
and the candidate next measures with the words their passages share with it marked."""

from __future__ import annotations

import re

from rich.text import Text

from plancompare.models import PROPOSAL_VERDICTS, Decision, Measure, MeasureResult, ProposalResult, measure_id
from plancompare.report.i18n import labels
from plancompare.review.session import Session
from plancompare.review.texts import decimal, texts
from plancompare.text.normalise import marked_tokens

_WORD = re.compile(r"[\w’'-]+|[^\w’'-]+")
# The base measure's text as the screen opens it: the title and this much say what it was about, and
# an 80 × 24 terminal still shows its candidates; `v` shows a candidate's whole text.
BASE_TEXT = 300

# measure, passage, score, and what the passage points back to (`Match.before`, shown dimmed)
Shown = list[tuple[Measure, str | None, float | None, str]]


def highlighted(passage: str, ask: str) -> Text:
    """`passage` with the words it shares with `ask` (same stems) in bold."""
    wanted = set(marked_tokens(ask))
    out = Text()
    for piece in _WORD.findall(passage):
        shared = piece[0].isalnum() and bool(wanted & set(marked_tokens(piece)))
        out.append(piece, style="bold yellow" if shared else "")
    return out


def _clipped(text: str, title: str, size: int) -> str:
    """`text` from after its opening `title` (« 1. ALLER AU DEVANT… », already shown), cut to `size`."""
    flat, heading = " ".join(text.split()), " ".join(title.split())
    at = flat.find(heading, 0, len(heading) + 12)
    flat = flat[at + len(heading) :].lstrip(" .:–-") if at >= 0 else flat
    if len(flat) <= size:
        return flat
    return flat[:size].rsplit(" ", 1)[0] + " …"


def _candidates(body: Text, shown: Shown, picked: list[int], ask: str, t: dict[str, str]) -> None:
    if not shown:
        body.append("\n" + t["no_candidate"], style="dim")
    for i, (m, passage, score, before) in enumerate(shown):
        box = "[x]" if m.number in picked else "[ ]"
        name = " ".join(m.title.split())
        name = name if len(name) <= 40 else name[:39] + "…"
        line = (
            t["candidate"].format(key=i + 1, box=box, name=m.name, title=name, score=f"{score:g}")
            if score is not None
            else t["search_result"].format(key=i + 1, box=box, name=m.name, title=name)
        )
        body.append("\n" + line, style="bold cyan" if m.number in picked else "cyan")
        if passage:
            body.append("\n  ")
            if before:
                body.append(f"{before} ", style="dim")
            body.append_text(highlighted(passage, ask))


def _stale(body: Text, decision: Decision | None, verdict: str, t: dict[str, str]) -> None:
    if decision is not None and decision.stale:
        body.append("\n" + t["stale"].format(verdict=verdict, reason=decision.stale_reason), style="bold red")


def proposal_body(session: Session, p: ProposalResult, shown: Shown, picked: list[int], lang: str) -> Text:
    """A proposal with its base measure, the engine's verdict, confidence and reasons, and candidates."""
    t = texts(lang)
    base = session.adapter.base
    title = next((m.title for m in base.plan.measures if m.number == p.measure), "")
    where = t["general"] if p.measure is None else t["base_measure"].format(number=p.measure)
    body = Text(f"{p.id}", style="bold")
    body.append(f" · {where}" + (f" « {' '.join(title.split())} »" if title else ""), style="dim")
    body.append(f"\n{p.text}\n\n")
    body.append(
        t["engine"].format(verdict=t[p.verdict], confidence=decimal(p.confidence, lang)), style="bold"
    )
    words = labels(lang)
    reasons = words.sep.join(words.reasons(p.reasons))
    if reasons:
        body.append("\n" + t["reasons"].format(reasons=reasons), style="dim")
    if p.decision is not None:
        _stale(body, p.decision, t[p.decision.verdict], t)
    body.append("\n")
    _candidates(body, shown, picked, p.text, t)
    return body


def base_text(session: Session, m: MeasureResult) -> str:
    """The base measure's whole text (its title when the plan gives no more)."""
    found = next((b for b in session.adapter.base.plan.measures if b.number == m.number), None)
    return found.text if found is not None and found.text else m.title


def measure_body(session: Session, m: MeasureResult, shown: Shown, picked: list[int], lang: str) -> Text:
    """A base measure: its title and the opening of its text, what the table says it became, where
    its proposals went, and the candidate next measures."""
    t, words = texts(lang), labels(lang)
    body = Text(measure_id(m.name), style="bold")
    body.append(" · " + t["base_measure"].format(number=m.name), style="dim")
    body.append(f"\n{' '.join(m.title.split())}", style="bold")
    text = base_text(session, m)
    body.append(f"\n{_clipped(text, m.title, BASE_TEXT)}\n\n")
    became = words.measure_verdict(m.verdict)
    names = ", ".join(session.next_measures[n].name for n in m.next if n in session.next_measures)
    line = t["table_reads"].format(
        verdict=became + (f" → {names}" if names else ""), confidence=decimal(m.confidence, lang)
    )
    body.append(line, style="bold")
    counts = [
        f"{words.verdict(v)} {n}"
        for v in PROPOSAL_VERDICTS
        if (n := sum(p.verdict == v for p in session.result.proposals if p.measure == m.number))
    ]
    if counts:
        where = ", ".join(f"{session.next_measures[n].name} ({k})" for n, k in session.taken_up(m.number))
        went = t["went"].format(
            counts=" · ".join(counts), where=f" ; {t['taken_in']} {where}" if where else ""
        )
        body.append("\n" + went, style="dim")
    if m.decision is not None:
        _stale(body, m.decision, words.measure_verdict(m.decision.verdict), t)
    body.append("\n")
    _candidates(body, shown, picked, text, t)
    return body
