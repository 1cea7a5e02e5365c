"""A review's table: which pages hold it (three columns, or two between rulings), whether the
document is a review at all, the header row repeated at the top of its pages, and what each
column holds (the plan's text, the reviewer's observations, the proposals), read from what the
columns say rather than from their places."""

from __future__ import annotations

import re
from collections import Counter

from plancompare.extract.headings import review_heading
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.paragraphs import paragraph_text
from plancompare.text.normalise import fold, is_ask, sentences


def is_table(page: PageLayout) -> bool:
    """Three columns or more, or two between table rules (« Texte du plan | Constats et
    propositions »): a plan's text runs in two columns without rules."""
    return len(page.columns) >= 3 or (page.ruled and len(page.columns) == 2)


def table_pages(layouts: list[PageLayout]) -> list[PageLayout]:
    return [p for p in layouts if is_table(p)]


def looks_like_review(layouts: list[PageLayout]) -> bool:
    """A three-column table over much of the document (a plan has one or two text columns), whose
    measure headings are in the table: a plan with a summary table in annex has them outside."""
    tables = table_pages(layouts)
    text_pages = [p for p in layouts if p.lines]
    if not tables:
        return False
    inside = sum(1 for p in tables for ln in p.lines if ln.column == 0 and review_heading(ln.text))
    outside = sum(1 for p in layouts if not is_table(p) for ln in p.lines if review_heading(ln.text))
    if outside > inside or not inside:
        return False  # a review's rows are measures: their headings are in the table
    if all(len(p.columns) == 2 for p in tables) and not _reviewer_header(tables[0]):
        return False  # « Mesure | Description »: a plan set as a table
    # Mostly table pages, or a table whose header row comes back page after page.
    return len(tables) >= 0.4 * len(text_pages) or (len(tables) >= 3 and bool(header_keys(tables)))


_REVIEWER_WORDS = re.compile(
    r"\b(?:constat|observation|proposition|recommandation|commentaire|analyse|avis|demande|appreciation"
    r"|bilan|comment|finding|proposal|recommendation)s?\b"
)


def _reviewer_header(page: PageLayout) -> bool:
    """The second column's header names the reviewer's findings or proposals (« Constats et
    propositions du Collectif »), as a two-column review's does and a plan's table does not. A
    header repeated at the top of every page was dropped as a running line: those count too."""
    tops = [ln.text for ln in column_tops(page) if ln.column == 1]
    return any(_REVIEWER_WORDS.search(fold(text)) for text in [*tops, *page.dropped])


def column_tops(page: PageLayout, depth: int = 3) -> list[Line]:
    """The first lines of each column on a page: where a repeated header row sits."""
    seen: dict[int, int] = {}
    tops = []
    for line in sorted(page.lines, key=lambda ln: ln.top):
        in_table = page.table_top is None or line.bottom > page.table_top + 1
        if line.column >= 0 and in_table and seen.get(line.column, 0) < depth:
            seen[line.column] = seen.get(line.column, 0) + 1
            tops.append(line)
    return tops


def header_keys(tables: list[PageLayout]) -> set[str]:
    """Lines at the top of the columns, repeated on many table pages: the repeated header row.

    Where the header sits in the top margin, the layout already dropped it as a running line on
    most pages; the page where the table starts lower still shows it, so dropped lines count too.
    """
    counts: Counter[str] = Counter()
    for page in tables:
        counts.update({fold(ln.text) for ln in column_tops(page)} | {fold(t) for t in page.dropped})
    need = max(2, int(0.4 * len(tables))) if len(tables) >= 2 else 99
    return {key for key, n in counts.items() if n >= need}


# Roles of a review table's columns: the plan's text, the reviewer's observations, the proposals.
PLAN, OBSERVATIONS, PROPOSALS = 0, 1, 2


def column_roles(tables: list[PageLayout]) -> dict[int, list[int]]:
    """The role of each column of the review tables, read from what the columns hold, by number
    of columns.

    The measure headings mark the plan's column; of the columns after it, the one most written as
    asks holds the proposals (a reviewer may put them before the observations); any other column
    is the reviewer's and goes with the observations. A wider table may add a heading column
    beside the plan's text: from four columns on, a heading column holding little else has the
    plan's text beside it.
    """
    roles: dict[int, list[int]] = {}
    for n in sorted({len(p.columns) for p in tables}):
        headings, asks, sentences_seen, volume = [0] * n, [0] * n, [0] * n, [0] * n
        for page in (p for p in tables if len(p.columns) == n):
            for col in range(n):
                lines = [ln for ln in page.lines if ln.column == col]
                headings[col] += sum(1 for ln in lines if review_heading(ln.text))
                text = paragraph_text(lines)
                volume[col] += len(text)
                for sentence in sentences(text):
                    sentences_seen[col] += 1
                    asks[col] += is_ask(sentence)
        plan = max(range(n), key=lambda c: (headings[c], -c))
        ratio = [asks[c] / sentences_seen[c] if sentences_seen[c] else 0.0 for c in range(n)]
        after = [c for c in range(n) if c > plan]
        proposals = max(after, key=lambda c: (ratio[c], c)) if after else n - 1
        these = [PLAN if c <= plan else OBSERVATIONS for c in range(n)]
        these[proposals] = PROPOSALS
        if n > 3 and plan + 1 < proposals and volume[plan] < 0.3 * volume[plan + 1]:
            these[plan + 1] = PLAN
        roles[n] = these
    return roles
