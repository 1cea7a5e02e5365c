"""Small tables set beside the text (a slide's table at the right of its bullets, figures beside a
paragraph): a ruled grid with text level with it at its side. Read column by column with the page,
its caption would fall inside the line beside it and its cells, one column after another, between
the lines of the text. Read apart, as tableplan.py and fieldtable.py read tables, row by row, the
table is its caption, then its rows, each across its cells (« 2032 | 100 | 100 »); it goes after
the text beside it, before the first line below it that reaches under it (the text is back to the
page's width) or is a heading; when that line goes on with the paragraph beside the table (at its
leading, in mid-sentence), after that paragraph. Tables as wide as the text (a table of measures,
a review's, a measure's fields) have no text beside them and are left to those readers."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise

from plancompare.extract.headings import heading_like
from plancompare.extract.lines import Line, baseline_rows, line_from_words
from plancompare.extract.pagedata import PageData, Word
from plancompare.extract.rulegrids import ruled_grids, without_rules
from plancompare.extract.tablecaptions import caption_above, caption_below
from plancompare.extract.textclean import normalise_spaces
from plancompare.text.patterns import ANY_LABEL, BULLET, LABEL_CELL

_CELL_SEPARATOR = " | "


@dataclass(slots=True)
class SideTable:
    """A table read apart: its lines (caption, then rows), where it goes in the page's reading order
    (`at`: before the first line whose top is there or lower) and its box."""

    lines: list[Line]
    at: float
    box: tuple[float, float, float, float]  # x0, x1, top, bottom


def side_tables(page: PageData, words: list[Word]) -> tuple[PageData, list[Word], list[SideTable]]:
    """The page without its side tables (their rules and shades), its words without theirs, and the
    tables."""
    if not page.vrules or not page.hrules:
        return page, words, []
    tables: list[SideTable] = []
    for xs, ys in ruled_grids(page):
        box = (xs[0], xs[-1], ys[0], ys[-1])
        inside = [w for w in words if _within(w, box)]
        if not inside or not _text_beside(words, box):
            continue
        lines = _rows(inside, xs, ys, page.number)
        if all(LABEL_CELL.fullmatch(line.text.split(_CELL_SEPARATOR)[0]) for line in lines):
            continue  # a measure's fields (« Pilote | DGCS »): fieldtable.py reads them as fields
        above, below = caption_above(words, box), caption_below(words, box)
        if above:
            lines.insert(0, _table_line(above, line_from_words(list(above), page.number).text, page.number))
        if below:
            # Under the table, as printed; the text beside goes on level with it.
            lines.append(_table_line(below, line_from_words(list(below), page.number).text, page.number))
            box = (box[0], box[1], box[2], max(box[3], max(w.bottom for w in below)))
        taken = {id(w) for w in (*inside, *above, *below)}
        words = [w for w in words if id(w) not in taken]
        tables.append(SideTable(lines, 0.0, box))
    if not tables:
        return page, words, []
    for table in tables:
        table.at = _after_text(words, table.box)
    return without_rules(page, [t.box for t in tables]), words, tables


def _within(w: Word, box: tuple[float, float, float, float]) -> bool:
    x0, x1, top, bottom = box
    return x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom


def _text_beside(words: list[Word], box: tuple[float, float, float, float]) -> bool:
    """Is there text level with the grid, to its left or right?"""
    x0, x1, top, bottom = box
    return any(w.bottom > top and w.top < bottom and (w.x1 < x0 or w.x0 > x1) for w in words)


def _rows(inside: list[Word], xs: list[float], ys: list[float], page: int) -> list[Line]:
    """Each row of the grid with text, its cells left to right, as one line."""
    rows: dict[int, dict[int, list[Word]]] = {}
    for w in inside:
        row = min(max(bisect_right(ys, (w.top + w.bottom) / 2) - 1, 0), len(ys) - 2)
        col = min(max(bisect_right(xs, (w.x0 + w.x1) / 2) - 1, 0), len(xs) - 2)
        rows.setdefault(row, {}).setdefault(col, []).append(w)
    out = []
    for row in sorted(rows):
        texts, words = [], []
        for col in sorted(rows[row]):
            cell = sorted(rows[row][col], key=lambda w: (round(w.bottom), w.x0))
            texts.append(normalise_spaces(" ".join(w.text for w in cell)))
            words += cell
        out.append(_table_line(words, _CELL_SEPARATOR.join(texts), page))
    return out


def _table_line(words: list[Word], text: str, page: int) -> Line:
    """A line of a table read apart; in regular weight, for a bold header row or total is no heading."""
    line = line_from_words(list(words), page)
    return replace(line, text=text, bold=False, lead="", table_row=True)


def _after_text(words: list[Word], box: tuple[float, float, float, float]) -> float:
    """Where the table goes: before the first line below it that reaches under it (the text is back
    to the page's width) or heads what follows (« Mesure 2 »), else after the page's lines; when
    that line goes on with the paragraph beside the table, after that paragraph."""
    x0, x1, _, bottom = box
    below = [line_from_words(row, 0) for row in baseline_rows([w for w in words if w.top >= bottom])]
    for k, line in enumerate(below):
        if heading_like(line):
            return line.top - 0.5
        if line.x1 > x0 and line.x0 < x1:
            return _paragraph_end(below, k, _beside(words, box))
    return float("inf")


def _beside(words: list[Word], box: tuple[float, float, float, float]) -> list[Line]:
    """The lines of text level with the table, at its side, top to bottom."""
    x0, x1, top, bottom = box
    side = [w for w in words if w.bottom > top and w.top < bottom and (w.x1 < x0 or w.x0 > x1)]
    return [line_from_words(row, 0) for row in baseline_rows(side)]


def _paragraph_end(below: list[Line], k: int, beside: list[Line]) -> float:
    """Where the paragraph that `below[k]` is in ends (before the first line of the next one), when
    `below[k]` goes on with the paragraph beside the table: it follows the last line beside it at
    that text's own leading, opening neither a field nor a list item; else where `below[k]` is."""
    line = below[k]
    side = [*beside, *below[:k]]  # the text at the table's side, down to the line under it
    if len(side) < 2 or _opens_paragraph(line, line.x0):
        return line.top - 0.5
    leading = min(b.top - a.bottom for a, b in pairwise(side))
    slack = max(1.0, 0.2 * line.size)
    above = max((b for b in side if b.bottom <= line.top + slack), key=lambda b: b.bottom, default=None)
    if above is None or line.top - above.bottom > leading + slack:
        return line.top - 0.5
    for a, b in pairwise(below[k:]):
        if b.top - a.bottom > leading + slack or _opens_paragraph(b, line.x0):
            return b.top - 0.5
    return float("inf")


def _opens_paragraph(line: Line, left: float) -> bool:
    """A heading, a field (« Pilote : … »), a list item or a first-line indent: a paragraph of its own."""
    indented = line.x0 - left > 0.8 * line.size
    return heading_like(line) or indented or bool(ANY_LABEL.match(line.text) or BULLET.match(line.text))


def placed(table: SideTable, apart: list[tuple[float, float, float]]) -> float:
    """Where the table goes once other lines read apart are known (`apart`: x0, x1, top of each
    block, as a field block's): before the first of them below it that reaches under it, if that
    comes before the place its own page's words gave (a block's labels may stop short of it)."""
    x0, x1, _, bottom = table.box
    tops = [top - 0.5 for left, right, top in apart if top >= bottom and right > x0 and left < x1]
    return min([table.at, *tops])
