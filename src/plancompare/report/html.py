"""One self-contained HTML report: summary, a bar chart, filters, and each proposal beside the plan's
passage, with what the two share marked in both (worddiff.py).

No network and no external asset: CSS, JavaScript and the SVG chart are inline, so the file can be
mailed or opened from a USB stick. Every piece of text goes through `html.escape`.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from plancompare.models import MEASURE_VERDICTS, NOT_AN_ASK, DiffResult, ProposalResult
from plancompare.report.grouping import (
    GENERAL,
    PROPOSAL_VERDICTS,
    Group,
    adoption_rate,
    answered,
    clean,
    groups,
    measure_verdict,
    measures_cell,
    next_headings,
    proposal_measures,
    score_text,
    stale_entries,
    verdict_counts,
)
from plancompare.report.i18n import Labels, labels
from plancompare.report.worddiff import shared_html

NL = "\n"  # between blocks: the page reads (and its snapshot diffs) one block per line
COLOURS = {"adopted": "#2e7d32", "changed": "#b26a00", "dropped": "#c62828", "n-a": "#6b7280"}


def _asset(name: str) -> str:
    """The report's stylesheet and script, kept as package data files (assets/)."""
    return resources.files("plancompare.report").joinpath("assets", name).read_text(encoding="utf-8")


def _axis_key(group: Group) -> str:
    # "" is the filter's « all axes », so proposals without a priority need a key of their own.
    if group.key == GENERAL:
        return "general"
    return group.key or "none"


def _summary_table(result: DiffResult, parts: list[Group], words: Labels) -> str:
    head = "".join(f'<th class="num">{escape(words.verdict(v))}</th>' for v in PROPOSAL_VERDICTS)
    rows = []
    for group in parts:
        counts = verdict_counts(group.proposals)
        total = len(group.proposals)
        cells = "".join(f'<td class="num">{counts[v]}</td>' for v in PROPOSAL_VERDICTS)
        rows.append(
            f'<tr><td>{escape(group.label)}</td>{cells}<td class="num">{total}</td>'
            f'<td class="num">{escape(adoption_rate(counts, words))}</td></tr>'
        )
    counts = verdict_counts(result.proposals)
    total = len(result.proposals)
    cells = "".join(f'<td class="num" id="count-{v}">{counts[v]}</td>' for v in PROPOSAL_VERDICTS)
    foot = (
        f'<tr><td>{escape(words["total"])}</td>{cells}<td class="num" id="count-total">{total}</td>'
        f'<td class="num">{escape(adoption_rate(counts, words))}</td></tr>'
    )
    return (
        f'<table class="summary"><thead><tr><th>{escape(words["priority"])}</th>{head}'
        f'<th class="num">{escape(words["total"])}</th><th class="num">{escape(words["adoption_rate"])}</th>'
        f"</tr></thead>\n<tbody>{NL.join(rows)}</tbody>\n<tfoot>{foot}</tfoot></table>\n"
        f'<p class="note">{escape(words["adoption_note"])}</p>'
    )


def _chart(parts: list[Group], words: Labels) -> str:
    """Stacked horizontal bars, one per priority (its name above), widths proportional to the counts."""
    bar_w, bar_h, label_h, gap = 640, 22, 18, 10
    step = label_h + bar_h + gap
    biggest = max((len(g.proposals) for g in parts), default=1) or 1
    height = len(parts) * step + 30
    width = bar_w + 60
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(words["verdicts_by_axis"])}">'
    ]
    for row, group in enumerate(parts):
        y = row * step
        out.append(f'<text x="0" y="{y + 13}" font-size="13">{escape(group.label)}</text>')
        y += label_h
        x = 0.0
        counts = verdict_counts(group.proposals)
        for verdict in PROPOSAL_VERDICTS:
            if not counts[verdict]:
                continue
            part = bar_w * counts[verdict] / biggest
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{part:.1f}" height="{bar_h}" fill="{COLOURS[verdict]}">'
                f"<title>{escape(words.verdict(verdict))} : {counts[verdict]}</title></rect>"
            )
            if part >= 18:
                out.append(
                    f'<text x="{x + part / 2:.1f}" y="{y + 16}" text-anchor="middle" font-size="12" '
                    f'fill="#fff">{counts[verdict]}</text>'
                )
            x += part
        out.append(f'<text x="{x + 6:.1f}" y="{y + 16}" font-size="12">{len(group.proposals)}</text>')
    legend_y = len(parts) * step + 16
    x = 0
    for verdict in PROPOSAL_VERDICTS:
        out.append(f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS[verdict]}"/>')
        out.append(
            f'<text x="{x + 16}" y="{legend_y}" font-size="12">{escape(words.verdict(verdict))}</text>'
        )
        x += 140
    out.append("</svg>")
    return NL.join(out)


def _filters(result: DiffResult, parts: list[Group], words: Labels) -> str:
    buttons = [
        f'<button type="button" data-verdict="all" aria-pressed="true">{escape(words["all"])}</button>'
    ]
    for verdict in PROPOSAL_VERDICTS:
        buttons.append(
            f'<button type="button" data-verdict="{verdict}" aria-pressed="false">'
            f"{escape(words.verdict(verdict))}</button>"
        )
    options = [f'<option value="">{escape(words["all_axes"])}</option>']
    for group in parts:
        options.append(f'<option value="{escape(_axis_key(group))}">{escape(group.label)}</option>')
    return (
        f'<nav class="filters" aria-label="filters"><span>{escape(words["filter_verdict"])}</span>'
        f"{NL.join(buttons)}\n<label>{escape(words['filter_axis'])} "
        f'<select id="axis-filter">{NL.join(options)}</select></label>'
        f"\n<label>{escape(words['filter_confidence'])} "
        f'<select id="confidence-filter">{_confidence_options(words)}</select></label>'
        f"\n<label>{escape(words['sort'])} "
        f'<select id="order"><option value="document">{escape(words["sort_document"])}</option>'
        f'<option value="confidence">{escape(words["sort_confidence"])}</option></select></label>'
        f'<span><span id="shown-count">{len(result.proposals)}</span> {escape(words["shown"])}</span></nav>'
    )


def _confidence_options(words: Labels) -> str:
    """« toute », then « sous 50 % », « sous 75 % »: the verdicts an analyst should read first."""
    options = [f'<option value="1.01">{escape(words["any_confidence"])}</option>']
    for cut in (0.5, 0.75):
        label = words["below"].format(pct=words.confidence(cut))
        options.append(f'<option value="{cut}">{escape(label)}</option>')
    return "".join(options)


def _card(result: DiffResult, proposal: ProposalResult, axis: str, words: Labels) -> str:
    best = proposal.matches[0] if proposal.matches else None
    numbers = proposal_measures(proposal)
    head = [
        f'<span class="pid">{escape(proposal.id)}</span>',
        f'<span class="verdict v-{proposal.verdict}">{escape(words.verdict(proposal.verdict))}</span>',
    ]
    if numbers:
        head.append(f"<span>{escape(words['measure'])} {escape(measures_cell(result, proposal))}</span>")
        head.append(f"<span>{escape(words['score'])} {escape(score_text(proposal.score))}</span>")
    sure = words.confidence(proposal.confidence)
    head.append(f'<span class="confidence">{escape(words["confidence"])} {escape(sure)}</span>')
    if proposal.decided_by == "analyst":
        head.append(f'<span class="analyst">{escape(words["analyst"])}</span>')
    before = clean(best.base_passage or proposal.text) if best else clean(proposal.text)
    if best:
        left, right = shared_html(before, clean(best.passage), _absent(proposal))
        if best.before:
            # What the passage's opening words point back to: shown, never matched, so never marked.
            right = f'<span class="before">{escape(clean(best.before))}</span> {right}'
        [(name, title)] = next_headings(result, [best.measure])
        right_head = f"{words['measure']} {name}" + (f" – {clean(title)}" if title else "")
        if not answered(proposal):
            right_head += f" ({words['nearest']})"
    else:
        none = words["no_ask"] if proposal.verdict == NOT_AN_ASK else words["no_passage"]
        left, right = escape(before), f'<span class="muted">{escape(none)}</span>'
        right_head = words["next"]
    reasons = "".join(f"<li>{escape(line)}</li>" for line in words.reasons(proposal.reasons))
    parts = [
        f'<article class="proposal" id="p-{escape(proposal.id)}" data-verdict="{proposal.verdict}" '
        f'data-axis="{escape(axis)}" data-confidence="{proposal.confidence:.3f}">',
        f"<header>{''.join(head)}</header>",
        '<div class="pair">',
        f"<div><h4>{escape(words['proposal'])}</h4><p>{left}</p></div>",
        f"<div><h4>{escape(right_head)}</h4><p>{right}</p></div>",
        "</div>",
    ]
    if reasons:
        parts.append(f'<ul class="reasons">{reasons}</ul>')
    if best and before != clean(proposal.text):
        parts.append(
            f"<details><summary>{escape(words['full_text'])}</summary><p>{escape(clean(proposal.text))}</p></details>"
        )
    parts.append("</article>")
    return NL.join(parts)


def _absent(proposal: ProposalResult) -> list[str]:
    """The ask's distinctive words its passage lacks, as the reasons name them (« absent : … »)."""
    return [
        word.strip()
        for reason in proposal.reasons
        if reason.code in ("partial", "topic-only") and reason.base
        for word in reason.base.split(",")
    ]


def _legend(words: Labels) -> str:
    return (
        f'<p class="legend"><mark>{escape(words["legend_shared_word"])}</mark>'
        f"{escape(words.colon(''))} {escape(words['legend_shared'])}{escape(words.sep)}"
        f'<span class="absent">{escape(words["legend_absent_word"])}</span>'
        f"{escape(words.colon(''))} {escape(words['legend_absent'])}</p>"
    )


def _measures_table(result: DiffResult, words: Labels) -> str:
    rows = []
    for measure in result.measures:
        targets = "; ".join(f"{name} – {clean(title)}" for name, title in next_headings(result, measure.next))
        number = escape(measure.name)
        rows.append(
            f'<tr><td class="num">{number}</td><td>{escape(clean(measure.title))}</td>'
            f"<td>{escape(measure_verdict(measure, words))}</td><td>{escape(targets)}</td></tr>"
        )
    counts = " · ".join(
        f"{escape(words.measure_verdict(v))} {sum(1 for m in result.measures if m.verdict == v)}"
        for v in MEASURE_VERDICTS
    )
    return (
        f'<p>{counts}</p><table><thead><tr><th class="num">{escape(words["measure"])}</th>'
        f"<th>{escape(words['title_col'])}</th><th>{escape(words['verdict'])}</th>"
        f"<th>{escape(words['becomes'])}</th></tr></thead>\n<tbody>{NL.join(rows)}</tbody></table>"
    )


def _new_measures(result: DiffResult, words: Labels) -> str:
    if not result.new_measures:
        return f'<p class="muted">{escape(words["none"])}</p>'
    items = NL.join(
        f"<li><b>{escape(name)}</b> {escape(clean(title))}</li>"
        for name, title in next_headings(result, result.new_measures)
    )
    return f"<ul>{items}</ul>"


def _measure_sections(result: DiffResult, words: Labels) -> list[str]:
    return [
        f"<section><h2>{escape(words['base_measures'])}</h2>{_measures_table(result, words)}</section>",
        f"<section><h2>{escape(words['new_measures'])}</h2>{_new_measures(result, words)}</section>",
    ]


def render_html(result: DiffResult, lang: str) -> str:
    words = labels(lang)
    parts = groups(result, words)
    base = clean(result.base.title or result.base.source or words["base"])
    nxt = clean(result.next.title or result.next.source or words["next"])
    cards = []
    for group in parts:
        cards.append(f'<section class="group" data-axis="{escape(_axis_key(group))}">')
        cards.append(f"<h3>{escape(group.label)}</h3>")
        cards.extend(_card(result, p, _axis_key(group), words) for p in group.proposals)
        cards.append("</section>")
    stale = ""
    if result.stale_decisions:
        items = NL.join(
            f"<li><b>{escape(pid)}</b> {escape(why)}</li>" for pid, why in stale_entries(result, words)
        )
        stale = f"<h2>{escape(words['stale'])}</h2><p>{escape(words['stale_intro'])}</p><ul>{items}</ul>"
    if result.proposals:
        body = [
            f"<section><h2>{escape(words['summary'])}</h2>{_summary_table(result, parts, words)}",
            f"<h3>{escape(words['verdicts_by_axis'])}</h3>{_chart(parts, words)}</section>",
            stale,
            f"<section><h2>{escape(words['proposals'])}</h2><p>{escape(words['nearest_note'])}</p>",
            _filters(result, parts, words),
            _legend(words),
            f'<div id="proposals">\n{NL.join(cards)}\n</div></section>',
        ]
        script = f"<script>{_asset('report.js')}</script>"
    else:  # a plan without review: its measures only, and nothing to filter
        note = escape(words["no_proposals"])
        body = [f"<section><h2>{escape(words['summary'])}</h2><p>{note}</p></section>"]
        script = ""
    style = f"<style>{_asset('report.css')}</style>"
    return NL.join(
        [
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(words['title'])} – {escape(nxt)}</title>{style}</head><body>",
            f"<header><h1>{escape(words['title'])}</h1>",
            f'<p class="docs">{escape(words.colon(words["base"]))} {escape(base)}<br>',
            f"{escape(words.colon(words['next']))} {escape(nxt)}</p></header>",
            *body,
            *(_measure_sections(result, words) if result.measures else []),
            f"{script}</body></html>\n",
        ]
    )
