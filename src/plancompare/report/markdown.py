"""Gap tables in GitHub-flavoured markdown: the format analysts publish.

A proposal or a passage too long for a table cell shows its first words, and the whole text behind
a `<details>` in the same cell, which GitHub (and GitLab) unfold on a click: the published table
stays compact, and a reader can check every word without the CSV. The text is escaped for markdown
and HTML alike; its line breaks become `<br>`, so it never leaves its cell.
"""

from __future__ import annotations

import re

from plancompare.models import MEASURE_VERDICTS, DiffResult, Match, ProposalResult
from plancompare.report.grouping import (
    PROPOSAL_VERDICTS,
    Group,
    adoption_rate,
    clean,
    groups,
    measure_verdict,
    measures_cell,
    next_headings,
    next_name,
    one_line,
    score_text,
    shorten,
    stale_entries,
    tally,
    unbulleted,
    verdict_counts,
)
from plancompare.report.i18n import Labels, labels

TEXT_LIMIT = 140  # the first characters shown of a long proposal; the rest unfolds (<details>)
PASSAGE_LIMIT = 160
# A text at most this much longer than its limit is shown whole: a <details> would hide a few words.
SLACK = 50

# Characters markdown would read as emphasis, links, code, HTML, tables or strikethrough.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
# What would start a list, heading, quote or numbered list at the beginning of a cell.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+#>=])")


def escape(text: str) -> str:
    """Text made safe for one markdown table cell: one line, no markup, no HTML."""
    line = one_line(text)
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    line = _INLINE.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", line)


def full_text(text: str) -> str:
    """The whole text for one table cell: escaped line by line, `<br>` between its lines (blank
    lines dropped: a table is no place for them), no leading bullet."""
    return "<br>".join(escape(line) for line in unbulleted(text).splitlines() if line.strip())


def text_cell(text: str, limit: int) -> str:
    """A text for one table cell: whole when it is short (up to `limit` + `SLACK` characters), else
    its first `limit` characters as the summary of a `<details>` that holds it all."""
    if len(clean(text)) <= limit + SLACK:
        return escape(clean(text))
    return f"<details><summary>{escape(shorten(text, limit))}</summary>{full_text(text)}</details>"


def evidence_cell(match: Match) -> str:
    """A passage for one table cell; one that opens with a pronoun or a demonstrative (`Match.before`)
    is shown after what it points back to, and when that makes the cell too long, the summary is the
    passage itself."""
    if not match.before or len(clean(match.shown)) <= PASSAGE_LIMIT + SLACK:
        return text_cell(match.shown, PASSAGE_LIMIT)
    return (
        f"<details><summary>{escape(shorten(match.passage, PASSAGE_LIMIT))}</summary>"
        f"{full_text(match.shown)}</details>"
    )


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], rows: list[list[str]], align: str | None = None) -> list[str]:
    rule = align or "|" + "|".join("---" for _ in header) + "|"
    return [_row(header), rule, *(_row(r) for r in rows)]


def _summary(result: DiffResult, parts: list[Group], words: Labels) -> list[str]:
    header = [words["priority"], *(words.verdict(v) for v in PROPOSAL_VERDICTS), words["total"]]
    header.append(words["adoption_rate"])
    rows: list[list[str]] = []
    for group in parts:
        counts = verdict_counts(group.proposals)
        total = len(group.proposals)
        rows.append(
            [
                escape(group.label),
                *(str(counts[v]) for v in PROPOSAL_VERDICTS),
                str(total),
                adoption_rate(counts, words),
            ]
        )
    counts = verdict_counts(result.proposals)
    total = len(result.proposals)
    rows.append(
        [
            f"**{words['total']}**",
            *(f"**{counts[v]}**" for v in PROPOSAL_VERDICTS),
            f"**{total}**",
            f"**{adoption_rate(counts, words)}**",
        ]
    )
    return [*_table(header, rows, "|---|" + "--:|" * (len(header) - 1)), "", escape(words["adoption_note"])]


def _measure_summary(result: DiffResult, words: Labels) -> str:
    counts = {v: sum(1 for m in result.measures if m.verdict == v) for v in MEASURE_VERDICTS}
    items = [f"{words.measure_verdict(v)} {counts[v]}" for v in MEASURE_VERDICTS]
    items.append(f"{words['new_measures']} {len(result.new_measures)}")
    return f"{words.colon(words['base_measures'])} " + " · ".join(items) + "."


def _reasons(proposal: ProposalResult, words: Labels) -> str:
    return words.sep.join(escape(line) for line in words.reasons(proposal.reasons))


def _proposal_row(result: DiffResult, proposal: ProposalResult, words: Labels) -> list[str]:
    best = proposal.matches[0] if proposal.matches else None
    decided = words["analyst"] if proposal.decided_by == "analyst" else ""
    return [
        f"**{escape(proposal.id)}** {text_cell(proposal.text, TEXT_LIMIT)}",
        words.verdict(proposal.verdict),
        measures_cell(result, proposal),
        score_text(proposal.score),
        words.confidence(proposal.confidence),
        evidence_cell(best) if best else "",
        _reasons(proposal, words),
        decided,
    ]


def _measures_table(result: DiffResult, words: Labels) -> list[str]:
    header = [words["measure"], words["title_col"], words["verdict"], words["becomes"], words["score"]]
    rows = []
    for measure in result.measures:
        targets = [
            f"{name} ({escape(shorten(title, 60))})" for name, title in next_headings(result, measure.next)
        ]
        becomes = words.sep.join(targets)
        if not measure.next and measure.matches:
            # Dropped: the nearest next measure in brackets, as for a dropped proposal (not a successor).
            name, title = next_headings(result, [measure.matches[0].measure])[0]
            becomes = f"({name} – {escape(shorten(title, 60))})"
        rows.append(
            [
                measure.name,
                escape(shorten(measure.title, 90)),
                escape(measure_verdict(measure, words)),
                becomes,
                score_text(measure.score) if measure.next or measure.matches else "",
            ]
        )
    return _table(header, rows, "|--:|---|---|---|--:|")


def _next_priority(result: DiffResult, key: str | None) -> str:
    if not key:
        return ""
    title = next((p.title for p in result.next_priorities if p.id == key), None)
    return f"{key} – {shorten(title, 50)}" if title else key


def _new_measures(result: DiffResult, words: Labels) -> list[str]:
    if not result.new_measures:
        return [f"_{words['none']}_"]
    header = [words["measure"], words["title_col"], words["priority"]]
    rows = []
    for number in result.new_measures:
        found = next((m for m in result.next_measures if m.number == number), None)
        title = escape(shorten(found.title, 120)) if found else ""
        prio = escape(_next_priority(result, found.priority)) if found else ""
        rows.append([next_name(result, number), title, prio])
    return _table(header, rows, "|--:|---|---|")


def render_markdown(result: DiffResult, lang: str) -> str:
    words = labels(lang)
    parts = groups(result, words)
    base = clean(result.base.title or result.base.source or words["base"])
    nxt = clean(result.next.title or result.next.source or words["next"])
    out: list[str] = [f"# {words['title']}", ""]
    out.append(f"- {words.colon(words['base'])} {escape(base)}")
    out.append(f"- {words.colon(words['next'])} {escape(nxt)}")
    if not result.proposals:
        out += ["", f"## {words['summary']}", "", words["no_proposals"], ""]
        out += [_measure_summary(result, words), ""]
        out += [f"## {words['base_measures']}", "", *_measures_table(result, words), ""]
        out += [f"## {words['new_measures']}", "", *_new_measures(result, words), ""]
        return "\n".join(out)
    out += ["", f"## {words['summary']}", "", *_summary(result, parts, words), ""]
    if result.measures:
        out += [_measure_summary(result, words), ""]
    if result.stale_decisions:
        out += [f"### {words['stale']}", "", words["stale_intro"], ""]
        for pid, why in stale_entries(result, words):
            out.append(f"- {words.colon(f'**{escape(pid)}**')} {escape(why)}")
        out.append("")
    header = [
        words["proposal"],
        words["verdict"],
        words["next_measures"],
        words["score"],
        words["confidence"],
        words["evidence"],
        words["reasons"],
        words["decided"],
    ]
    out += [f"## {words['proposals']}", "", words["nearest_note"], ""]
    for group in parts:
        out += [f"### {escape(group.label)}", "", f"{tally(verdict_counts(group.proposals), words)}.", ""]
        rows = [_proposal_row(result, p, words) for p in group.proposals]
        out += [*_table(header, rows, "|---|---|---|--:|--:|---|---|---|"), ""]
    if result.measures:  # a report of recommendations has no measures of its own to follow
        out += [f"## {words['base_measures']}", "", *_measures_table(result, words), ""]
        out += [f"## {words['new_measures']}", "", *_new_measures(result, words), ""]
    return "\n".join(out)
