"""The report in a terminal: rich tables coloured by verdict.

By default one screen: the counts by priority, then one line per base measure listing which of its
proposals were adopted, changed or dropped. `--all` lists every proposal with its evidence.
"""

from __future__ import annotations

import io
import re

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from plancompare.models import ASK_VERDICTS, MEASURE_VERDICTS, DiffResult, ProposalResult, ProposalVerdict
from plancompare.report.grouping import (
    PROPOSAL_VERDICTS,
    adoption_rate,
    clean,
    general_label,
    groups,
    measure_list,
    measure_verdict,
    measures_cell,
    score_text,
    shorten,
    stale_entries,
    verdict_counts,
)
from plancompare.report.i18n import Labels, labels

UNSURE = 0.5  # below this confidence a proposal's row is dimmed

STYLES = {"adopted": "green", "changed": "yellow", "dropped": "red", "n-a": "bright_black"}
MEASURE_STYLES = {"kept": "green", "revised": "yellow", "merged": "cyan", "split": "cyan", "dropped": "red"}


def _verdict(words: Labels, verdict: str) -> Text:
    return Text(words.verdict(verdict), style=STYLES[verdict])


_MEASURE_PART = re.compile(r"(^|-)M\d+(?:\.\d+)*-")


def _short_id(proposal: ProposalResult) -> str:
    # « M05-P02 » reads « P02 » on its measure's line, a second review's « r2-M05-P02 » « r2-P02 ».
    return _MEASURE_PART.sub(r"\1", proposal.id) if proposal.measure is not None else proposal.id


def _verdicts(result: DiffResult) -> tuple[ProposalVerdict, ...]:
    """The verdict columns: adopted, changed, dropped, and n-a when some item is not an ask (the
    terminal's one screen has no room for a column of zeros)."""
    if any(p.verdict not in ASK_VERDICTS for p in result.proposals):
        return PROPOSAL_VERDICTS
    return ASK_VERDICTS


def _summary(result: DiffResult, words: Labels) -> Table:
    verdicts = _verdicts(result)
    table = Table(title=words["summary"], title_justify="left", expand=False)
    table.add_column(words["priority"], overflow="fold", max_width=60)
    for verdict in verdicts:
        table.add_column(_verdict(words, verdict), justify="right")
    table.add_column(words["total"], justify="right")
    table.add_column(words["adoption_rate"], justify="right")
    for group in groups(result, words):
        counts = verdict_counts(group.proposals)
        total = len(group.proposals)
        table.add_row(
            Text(shorten(group.label, 56)),
            *(str(counts[v]) for v in verdicts),
            str(total),
            adoption_rate(counts, words),
        )
    counts = verdict_counts(result.proposals)
    total = len(result.proposals)
    table.add_section()
    table.add_row(
        Text(words["total"], style="bold"),
        *(Text(str(counts[v]), style="bold") for v in verdicts),
        Text(str(total), style="bold"),
        Text(adoption_rate(counts, words), style="bold"),
    )
    if len(verdicts) > len(ASK_VERDICTS):
        table.caption = words["adoption_note"]
        table.caption_justify = "left"
    return table


def _measure_line(result: DiffResult, words: Labels) -> Text:
    line = Text(words.colon(words["base_measures"]) + " ")
    for index, verdict in enumerate(MEASURE_VERDICTS):
        if index:
            line.append(" · ")
        count = sum(1 for m in result.measures if m.verdict == verdict)
        line.append(f"{words.measure_verdict(verdict)} {count}", style=MEASURE_STYLES[verdict])
    line.append(f" · {words['new_measures']} {len(result.new_measures)}")
    return line


def _ids(proposals: list[ProposalResult], verdict: str) -> Text:
    chosen = [p for p in proposals if p.verdict == verdict]
    text = Text()
    for index, proposal in enumerate(chosen):
        if index:
            text.append(" ")
        text.append(_short_id(proposal) + ("✔" if proposal.decided_by == "analyst" else ""))
    text.stylize(STYLES[verdict])
    return text


def _by_measure(result: DiffResult, words: Labels) -> Table:
    title = words["by_measure"] if result.proposals else words["base_measures"]
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column(words["measure"], justify="right")
    table.add_column(words["title_col"], max_width=34, no_wrap=True, overflow="ellipsis")
    table.add_column(words["becomes"])
    verdicts = _verdicts(result) if result.proposals else ()  # a plan without review: no proposals
    for verdict in verdicts:
        table.add_column(_verdict(words, verdict), overflow="fold")
    by_measure: dict[int | None, list[ProposalResult]] = {}
    for proposal in result.proposals:
        by_measure.setdefault(proposal.measure, []).append(proposal)
    for measure in result.measures:
        becomes = Text(measure_verdict(measure, words, comment=False), style=MEASURE_STYLES[measure.verdict])
        if measure.next:
            becomes.append(f" → {measure_list(result, measure.next)}")
        own = by_measure.get(measure.number, [])
        table.add_row(
            measure.name,
            Text(clean(measure.title)),
            becomes,
            *(_ids(own, v) for v in verdicts),
        )
    general = by_measure.get(None, [])
    if general:
        table.add_section()
        label = general_label(general, words)
        key = "R" if label == words["recommendations"] else "G"  # the ids' letter
        table.add_row(key, Text(label), "", *(_ids(general, v) for v in verdicts))
    return table


def _every_proposal(result: DiffResult, words: Labels) -> Table:
    table = Table(title=words["proposals"], title_justify="left", expand=True, show_lines=True)
    table.add_column(words["id"], no_wrap=True)
    table.add_column(words["verdict"], no_wrap=True)
    table.add_column(words["measure"], justify="right")
    table.add_column(words["score"], justify="right")
    table.add_column(words["conf"], justify="right", no_wrap=True)
    table.add_column(words["proposal"], ratio=3)
    table.add_column(words["evidence"], ratio=3)
    table.add_column(words["reasons"], ratio=2)
    for proposal in result.proposals:
        best = proposal.matches[0] if proposal.matches else None
        verdict = _verdict(words, proposal.verdict)
        if proposal.decided_by == "analyst":
            verdict.append(f"\n{words['analyst']}", style="bold")
        table.add_row(
            proposal.id,
            verdict,
            measures_cell(result, proposal),
            score_text(proposal.score),
            words.confidence(proposal.confidence),
            Text(shorten(proposal.text, 220)),
            # What the passage points back to, when there is room for the passage after it.
            Text(shorten(best.shown if len(best.shown) <= 220 else best.passage, 220) if best else ""),
            Text("\n".join(words.reasons(proposal.reasons))),
            # A verdict the engine is unsure of is dimmed, so that the sure ones read first.
            style="dim" if proposal.confidence < UNSURE else None,
        )
    return table


def _stale(result: DiffResult, words: Labels) -> Text:
    text = Text(words["stale"] + "\n", style="bold red")
    text.append(words["stale_intro"])
    for pid, why in stale_entries(result, words):
        text.append(f"\n  {words.colon(pid)} {why}")
    return text


def renderables(result: DiffResult, lang: str, *, show_all: bool = False) -> list[RenderableType]:
    words = labels(lang)
    base = clean(result.base.title or result.base.source or words["base"])
    nxt = clean(result.next.title or result.next.source or words["next"])
    header = Text()
    header.append(words["title"], style="bold")
    header.append(f"\n{words.colon(words['base'])} {base}\n{words.colon(words['next'])} {nxt}")
    if not result.proposals:
        return [header, Text(words["no_proposals"]), _measure_line(result, words), _by_measure(result, words)]
    items: list[RenderableType] = [header, _summary(result, words)]
    if result.measures:  # a report of recommendations has no measures of its own to follow
        items.append(_measure_line(result, words))
    if result.stale_decisions:
        items.append(_stale(result, words))
    if show_all:
        items.append(_every_proposal(result, words))
        items.append(Text(words["nearest_note"], style="dim"))
    else:
        items.append(_by_measure(result, words))
        items.append(Text(words["more_rows"].format(n=len(result.proposals)), style="dim"))
    return items


def render_terminal(result: DiffResult, lang: str, *, show_all: bool = False, width: int = 120) -> str:
    """Plain text (no colour) at a fixed width: what snapshots and pipes get."""
    console = Console(width=width, force_terminal=False, color_system=None, record=True, file=io.StringIO())
    console.print(Group(*renderables(result, lang, show_all=show_all)))
    # Rich pads titles to the full width; trailing blanks only make snapshot diffs noisy.
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"
