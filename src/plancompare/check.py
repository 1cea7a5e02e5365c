"""The CI gate: compare a fresh diff with a reviewed baseline (a saved `diff --format json`).

Findings, by kind (the names `--fail-on` takes):

- `regressed`: a proposal the baseline had adopted is now changed or dropped, or changed → dropped;
- `dropped`: a base measure the baseline had kept, revised, merged or split is now dropped;
- `new-drops`: a proposal absent from the baseline is dropped.

Improvements (dropped → changed → adopted) and proposals gone from the review are listed for
information and never fail the check.
"""

from __future__ import annotations

from dataclasses import dataclass

from plancompare.errors import UsageError
from plancompare.models import DiffResult
from plancompare.report.grouping import shorten
from plancompare.report.i18n import Labels, labels
from plancompare.report.markdown import escape

KINDS = ("regressed", "dropped", "new-drops")
DEFAULT_FAIL_ON = ("regressed", "dropped")
_RANK = {"adopted": 2, "changed": 1, "dropped": 0}


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS, or "improved" / "gone" (information only)
    id: str  # proposal id, or « measure 5 »
    before: str | None
    after: str | None
    text: str


def parse_fail_on(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise UsageError(
            f"--fail-on: unknown kind {', '.join(unknown) or '(empty)'}",
            f"use a comma-separated list of: {', '.join(KINDS)}",
        )
    return kinds


def compare_with_baseline(current: DiffResult, baseline: DiffResult) -> list[Finding]:
    """Every difference that matters between a reviewed baseline and the current result."""
    findings: list[Finding] = []
    before = {p.id: p for p in baseline.proposals}
    for proposal in current.proposals:
        old = before.get(proposal.id)
        if old is None:
            if proposal.verdict == "dropped":
                findings.append(Finding("new-drops", proposal.id, None, proposal.verdict, proposal.text))
            continue
        if _RANK[proposal.verdict] < _RANK[old.verdict]:
            findings.append(Finding("regressed", proposal.id, old.verdict, proposal.verdict, proposal.text))
        elif _RANK[proposal.verdict] > _RANK[old.verdict]:
            findings.append(Finding("improved", proposal.id, old.verdict, proposal.verdict, proposal.text))
    now_ids = {p.id for p in current.proposals}
    for old in baseline.proposals:
        if old.id not in now_ids:
            findings.append(Finding("gone", old.id, old.verdict, None, old.text))
    measures_before = {m.number: m for m in baseline.measures}
    for measure in current.measures:
        old_measure = measures_before.get(measure.number)
        if old_measure and old_measure.verdict != "dropped" and measure.verdict == "dropped":
            findings.append(
                Finding("dropped", measure.name, old_measure.verdict, measure.verdict, measure.title)
            )
    return findings


def failures(findings: list[Finding], fail_on: tuple[str, ...]) -> list[Finding]:
    return [f for f in findings if f.kind in fail_on]


_TITLES = {
    "fr": {
        "title": "Contrôle par rapport à la référence revue",
        "ok": "Aucun écart bloquant ({kinds}).",
        "failed": "{n} écart(s) bloquant(s) ({kinds}).",
        "regressed": "Propositions en recul",
        "dropped": "Mesures désormais abandonnées",
        "new-drops": "Nouvelles propositions non reprises",
        "improved": "Propositions en progrès (pour information)",
        "gone": "Propositions absentes de la revue actuelle (pour information)",
        "versions": "Référence : moteur {old} ; actuel : moteur {new}.",
        "measure": "mesure",
    },
    "en": {
        "title": "Check against the reviewed baseline",
        "ok": "Nothing that fails the check ({kinds}).",
        "failed": "{n} finding(s) fail the check ({kinds}).",
        "regressed": "Regressed proposals",
        "dropped": "Measures now dropped",
        "new-drops": "New proposals dropped",
        "improved": "Improved proposals (information)",
        "gone": "Proposals no longer in the review (information)",
        "versions": "Baseline: engine {old}; current: engine {new}.",
        "measure": "measure",
    },
}
_ORDER = ("regressed", "dropped", "new-drops", "improved", "gone")


def _verdict_name(words: Labels, kind: str, verdict: str | None) -> str:
    if verdict is None:
        return "–"
    return words.measure_verdict(verdict) if kind == "dropped" else words.verdict(verdict)


def summary_lines(
    findings: list[Finding], fail_on: tuple[str, ...], current: DiffResult, baseline: DiffResult, lang: str
) -> tuple[str, list[tuple[str, list[str]]]]:
    """The headline and, per kind, one line per finding (plain text, not escaped)."""
    words = labels(lang)
    text = _TITLES[lang]
    failing = failures(findings, fail_on)
    kinds = ", ".join(fail_on)
    head = text["failed"].format(n=len(failing), kinds=kinds) if failing else text["ok"].format(kinds=kinds)
    if baseline.settings.engine != current.settings.engine:
        head += " " + text["versions"].format(old=baseline.settings.engine, new=current.settings.engine)
    sections = []
    for kind in _ORDER:
        chosen = [f for f in findings if f.kind == kind]
        if not chosen:
            continue
        lines = []
        for f in chosen:
            label = f"{text['measure']} {f.id}" if kind == "dropped" else f.id
            change = f"{_verdict_name(words, kind, f.before)} → {_verdict_name(words, kind, f.after)}"
            lines.append(f"{label}: {change} – {shorten(f.text, 100)}")
        sections.append((text[kind], lines))
    return head, sections


def summary_markdown(
    findings: list[Finding], fail_on: tuple[str, ...], current: DiffResult, baseline: DiffResult, lang: str
) -> str:
    head, sections = summary_lines(findings, fail_on, current, baseline, lang)
    out = [f"## {_TITLES[lang]['title']}", "", escape(head), ""]
    for title, lines in sections:
        out += [f"### {title}", "", *(f"- {escape(line)}" for line in lines), ""]
    return "\n".join(out)


def summary_text(
    findings: list[Finding], fail_on: tuple[str, ...], current: DiffResult, baseline: DiffResult, lang: str
) -> str:
    head, sections = summary_lines(findings, fail_on, current, baseline, lang)
    out = [head]
    for title, lines in sections:
        out += ["", f"{title}:", *(f"  {line}" for line in lines)]
    return "\n".join(out) + "\n"
