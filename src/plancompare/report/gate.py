"""The CI gate's summary (`plancompare check`): a headline and one line per finding, as markdown for
$GITHUB_STEP_SUMMARY or as plain text for the terminal."""

from __future__ import annotations

from plancompare.check import Finding, failures
from plancompare.judge.decisions import stale_message
from plancompare.models import DiffResult, is_measure_id
from plancompare.report.grouping import shorten
from plancompare.report.i18n import Labels, labels
from plancompare.report.markdown import escape

_TITLES = {
    "fr": {
        "title": "Contrôle par rapport à la référence revue",
        "ok": "Aucun écart bloquant ({kinds}).",
        "failed": "{n} écart(s) bloquant(s) ({kinds}).",
        "regressed": "Propositions en recul",
        "dropped": "Mesures désormais abandonnées",
        "new-drops": "Nouvelles propositions non reprises",
        "stale": "Décisions périmées",
        "stale_line": "{id} (décision : {decided}, non appliquée ; verdict retenu : {now}) – {why}",
        "decision": "Décisions d’analyste",
        "improved": "Propositions en progrès (pour information)",
        "n-a": "Propositions devenues ou n’étant plus sans objet (pour information)",
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
        "stale": "Stale decisions",
        "stale_line": "{id} (decision: {decided}, not applied; verdict kept: {now}) – {why}",
        "decision": "Analyst decisions",
        "improved": "Improved proposals (information)",
        "n-a": "Proposals now or no longer read as not an ask (information)",
        "gone": "Proposals no longer in the review (information)",
        "versions": "Baseline: engine {old}; current: engine {new}.",
        "measure": "measure",
    },
}
_ORDER = ("regressed", "dropped", "new-drops", "stale", "decision", "improved", "n-a", "gone")


def _verdict_name(words: Labels, finding: Finding, verdict: str | None) -> str:
    """`verdict` in words: a base measure's (a measure newly dropped, or a decision on « M05 »), or a
    proposal's."""
    if verdict is None:
        return "–"
    on_measure = finding.kind == "dropped" or is_measure_id(finding.id)
    return words.measure_verdict(verdict) if on_measure else words.verdict(verdict)


def _stale_line(finding: Finding, words: Labels, text: dict[str, str], lang: str) -> str:
    """A decision not applied: why (its proposal's text or a measure changed), and what stands."""
    if finding.after is None:  # its proposal is no longer in the review
        return f"{finding.id} – {stale_message(finding.id, lang)}"
    return text["stale_line"].format(
        id=finding.id,
        decided=_verdict_name(words, finding, finding.before),
        now=_verdict_name(words, finding, finding.after),
        why=shorten(finding.text, 160),
    )


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
            if kind == "stale":
                lines.append(_stale_line(f, words, text, lang))
                continue
            label = f"{text['measure']} {f.id}" if kind == "dropped" else f.id
            change = f"{_verdict_name(words, f, f.before)} → {_verdict_name(words, f, f.after)}"
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
