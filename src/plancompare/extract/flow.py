"""The document's lines as one flow in reading order, made ready for paragraphs: tables of contents
dropped (their entries look like headings), a heading word and its number set on two lines joined
(« MESURE » / « 12 »), and headings set in a side column read before the text beside them."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from plancompare.extract.headings import heading_like
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.text.patterns import ENDS_WITH_PAGE, HEADING_WORD, NUMBER_ONLY, TOC_LINE, TOC_TITLE


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text))


def drop_toc(layouts: list[PageLayout]) -> list[Line]:
    """All lines in reading order, without tables of contents (dot leaders and page numbers)."""
    out: list[Line] = []
    for page in layouts:
        toc = [line for line in page.lines if is_toc_line(line.text)]
        if len(toc) >= 3 and len(toc) >= 0.3 * len(page.lines):
            continue  # a table-of-contents page: its entries look like headings but are not
        if any(TOC_TITLE.match(line.text) for line in page.lines[:5]):
            numbered = [line for line in page.lines if ENDS_WITH_PAGE.search(line.text)]
            if len(numbered) >= 3:
                continue  # « Sommaire » with entries ending in page numbers (no dot leaders)
        out.extend(line for line in page.lines if not is_toc_line(line.text))
    return out


def join_split_headings(lines: list[Line]) -> list[Line]:
    """« MESURE » and a line holding only its number, right below it in the same column, read as
    one heading line (« MESURE 12 »): the title that follows stays a line of its own."""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if (
            above is not None
            and HEADING_WORD.match(above.text)
            and NUMBER_ONLY.match(line.text)
            and line.page == above.page
            and line.column == above.column
            and 0 <= line.top - above.bottom < 2 * max(above.size, line.size)
        ):
            out[-1] = replace(
                above,
                text=f"{above.text} {line.text}",
                x1=max(above.x1, line.x1),
                bottom=line.bottom,
                size=max(above.size, line.size),
            )
            continue
        out.append(line)
    return out


def side_headings(page: PageLayout) -> PageLayout:
    """A designed plan may set each measure's heading in a narrow column beside its text. Read
    column by column, every heading of the page would come before every text: each heading block
    is read before the text that starts beside it instead. A side column holds measure headings,
    is mostly bold, and holds far less text than the column to its right."""
    for c in range(len(page.columns) - 1):
        side = [ln for ln in page.lines if ln.column == c]
        beside = [ln for ln in page.lines if ln.column == c + 1]
        starts = [ln.top for ln in side if heading_like(ln)]
        if (
            not starts
            or sum(ln.bold for ln in side) < 0.8 * len(side)
            or sum(len(ln.text) for ln in side) >= 0.5 * sum(len(ln.text) for ln in beside)
        ):
            continue
        anchors = sorted(starts + [ln.top for ln in page.lines if ln.column < 0])
        return replace(page, lines=sorted(page.lines, key=partial(_beside, anchors=anchors, side=c)))
    return page


def _beside(line: Line, anchors: list[float], side: int) -> tuple[float, int, int, float]:
    """Reading order on a page with side headings: by the block (heading or spanning line) a line
    starts beside, the side column first within it."""
    if line.column < 0:
        return (line.top, 0, -1, line.top)
    anchor = max((a for a in anchors if a <= line.top + 1), default=float("-inf"))
    return (anchor, 0 if line.column == side else 1, line.column, line.top)
