"""Shaded boxes: a few lines of text set on a filled rectangle, rounded or not (shades.py), beside
the running text: « Repères », « Chiffres clés », an aside of dates or figures. Their lines are
marked `boxed`: they make paragraphs of their own, and the plan reader keeps them out of the text
of the measure they interrupt, which goes on after them."""

from __future__ import annotations

from plancompare.extract.headings import heading_like
from plancompare.extract.lines import Line
from plancompare.extract.pagedata import PageData
from plancompare.text.patterns import HEADING_WORD, PRIORITY_RE, SECTION_RE

# A box holds at least this many lines (a single line on a coloured band is a heading or a banner)
# and covers at most this share of the page's height (a larger fill is a page's or a panel's ground).
_MIN_LINES = 2
_MAX_HEIGHT = 0.5
_SLACK = 1.0  # points: a line's box may overrun the fill by its rounding


def mark_boxes(page: PageData, lines: list[Line]) -> None:
    """Mark the lines set inside a shaded box of `page`, set beside text of the page's own. A fill
    holding a heading (a measure's, an axis's, a section's) is a heading band, a divider page or a
    measure's card, not a box."""
    for x0, x1, top, bottom in page.shades:
        if bottom - top > _MAX_HEIGHT * page.height:
            continue
        inside = [
            line
            for line in lines
            if line.x0 >= x0 - _SLACK
            and line.x1 <= x1 + _SLACK
            and line.top >= top - _SLACK
            and line.bottom <= bottom + _SLACK
        ]
        alone = len(lines) - len(inside) < _MIN_LINES  # nothing for it to stand beside
        if alone or len(inside) < _MIN_LINES or any(_heading(line) for line in inside):
            continue
        for line in inside:
            line.boxed = True


def _heading(line: Line) -> bool:
    text = line.text
    return bool(
        heading_like(line)
        or HEADING_WORD.match(text)
        or SECTION_RE.match(text)
        or PRIORITY_RE.match(text)
        or line.field_row
    )
