"""Columns of a page: from the table rulings when a page has long vertical rules, otherwise from
the word positions (a vertical strip that almost no line crosses, with text on both sides over the
same height, is a gutter); a page that holds one column of a table going on keeps the previous
page's columns. Rows are then cut at the gutters; a row crossing one spans the columns."""

from __future__ import annotations

import math
from bisect import bisect_right
from itertools import groupby

from plancompare.extract.gutters import gap_columns
from plancompare.extract.lines import Line
from plancompare.extract.pagedata import PageData, Word

Piece = tuple[float, int, list[Word]]  # (top, column, words): a row's words in one column; -1 spans


def _row_box(words: list[Word], page: int) -> Line:
    """A row's extent only (no text): enough to find columns, much cheaper than a full line."""
    return Line(
        text="",
        x0=min(w.x0 for w in words),
        x1=max(w.x1 for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=words[0].size,
        bold=False,
        page=page,
    )


def _ruled_columns(page: PageData, lines: list[Line]) -> list[float]:
    """x of the table's inner column edges: long vertical rules between the outer ones.

    The outer rules (the table's frame) are no column edge, unless text lies beyond them; a page
    where only one column has text still gets the table's columns.
    """
    if not lines:
        return []
    body_top = min(line.top for line in lines)
    body_bottom = max(line.bottom for line in lines)
    height = max(body_bottom - body_top, 0.15 * page.height)
    by_x: dict[int, float] = {}
    for x, top, bottom in page.vrules:
        key = round(x / 3)
        by_x[key] = by_x.get(key, 0.0) + max(0.0, min(bottom, body_bottom) - max(top, body_top))
    xs: list[float] = []
    for x in sorted(k * 3.0 for k, length in by_x.items() if length >= 0.25 * height):
        if not xs or x - xs[-1] >= 12:
            xs.append(x)
    if len(xs) < 2:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    inner = xs[1:-1]
    inner += [x for x in (xs[0], xs[-1]) if left + 10 < x < right - 10]
    return sorted(inner)


def _bridges(row: list[Word], x: float) -> bool:
    """Text on both sides of the gutter at `x` with only a word space between: one line across it."""
    left = max((w.x1 for w in row if (w.x0 + w.x1) / 2 < x), default=None)
    right = min((w.x0 for w in row if (w.x0 + w.x1) / 2 >= x), default=None)
    if left is None or right is None:
        return False
    return right - left < 0.8 * max(w.size for w in row)


def _rule_spans(page: PageData, bounds: list[float]) -> dict[float, list[tuple[float, float]]]:
    """For each column edge, the heights its vertical rules cover (2 points of slack either end),
    merged and sorted: a row's middle is looked up by bisection, not against every rule of the page
    (a ruled table of a thousand rows has thousands)."""
    spans: dict[float, list[tuple[float, float]]] = {}
    for x in bounds:
        merged: list[tuple[float, float]] = []
        for start, end in sorted((rt - 2, rb + 2) for rx, rt, rb in page.vrules if abs(rx - x) < 4):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        spans[x] = merged
    return spans


def _vrule_at(spans: list[tuple[float, float]], top: float, bottom: float) -> bool:
    """Does a rule of the edge whose merged `spans` these are pass the row's middle?"""
    mid = (top + bottom) / 2
    i = bisect_right(spans, (mid, math.inf)) - 1
    return i >= 0 and spans[i][0] <= mid <= spans[i][1]


def column_bounds(
    page: PageData, rows: list[list[Word]], previous: list[tuple[float, float]]
) -> tuple[list[float], bool]:
    """x of the page's inner column edges, and whether they come from table rulings. `previous`: the
    columns of the page before."""
    row_lines = [_row_box(r, page.number) for r in rows]
    bounds = _ruled_columns(page, row_lines)
    ruled = bool(bounds)
    if not ruled:
        bounds = gap_columns(row_lines, rows)
    if not bounds and len(previous) > 1 and row_lines:
        # A page holding one column of a table that goes on (a long cell): the previous page's
        # columns still hold if no line crosses them.
        inherited = [b for _, b in previous[:-1]]
        if not any(w.x0 < b - 1 and w.x1 > b + 1 for row in rows for w in row for b in inherited):
            bounds = inherited
    return bounds, ruled


def split_rows(
    page: PageData,
    rows: list[list[Word]],
    bounds: list[float],
    columns: list[tuple[float, float]],
    ruled: bool,
) -> list[Piece]:
    """Every row split at the gutters; a word that straddles a gutter makes its row span."""
    pieces: list[Piece] = []
    rule_spans = _rule_spans(page, bounds) if ruled else {}
    edges = [a for a, _ in columns[1:]]  # columns are consecutive: each starts where one ends
    for row in rows:
        top = min(w.top for w in row)
        bottom = max(w.bottom for w in row)
        spans = any(w.x0 < b - 1 and w.x1 > b + 1 for w in row for b in bounds)
        if not ruled and not spans:
            spans = any(_bridges(row, b) for b in bounds)
        if ruled and not spans:
            # In a table, a row no inner rule passes through is a merged cell (banner).
            spans = not any(_vrule_at(rule_spans[b], top, bottom) for b in bounds)
        if spans:
            pieces.append((top, -1, row))
            continue
        buckets: dict[int, list[Word]] = {}
        for w in row:
            col = bisect_right(edges, (w.x0 + w.x1) / 2)  # the column holding its centre
            buckets.setdefault(col, []).append(w)
        for col, ws in buckets.items():
            pieces.append((top, col, ws))
    return pieces


def table_top(page: PageData, bounds: list[float], ruled: bool, ordered: list[Line]) -> float | None:
    """Where the columns begin: the top of the rules between them, or of the first band (lines
    between spanning lines) with text in two columns or more (a lone centred line under a title is
    not the top of a table)."""
    if ruled:
        tops = [t for x, t, _ in page.vrules if any(abs(x - b) < 4 for b in bounds)]
        return min(tops) if tops else None
    for in_columns, run in groupby(ordered, key=lambda ln: ln.column >= 0):
        cell_lines = list(run)
        if in_columns and len({ln.column for ln in cell_lines}) >= 2:
            return min(ln.top for ln in cell_lines)
    return None
