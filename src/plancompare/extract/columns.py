"""Columns of a page: from the table rulings when a page has long vertical rules, otherwise from
the word positions (a vertical strip that almost no line crosses, with text on both sides over the
same height, is a gutter); a page that holds one column of a table going on keeps the previous
page's columns. Rows are then cut at the gutters; a row crossing one spans the columns."""

from __future__ import annotations

from itertools import groupby

from plancompare.extract.lines import Line
from plancompare.extract.pdf import PageData, Word

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


def _gap_columns(lines: list[Line], words_by_line: list[list[Word]]) -> list[float]:
    """Gutters from word positions: wide strips few lines cross, with text on both sides.

    Full-width text above a table without rules (a title, a few paragraphs) crosses its gutters:
    the page is also read from each paragraph break down, and the reading with the most gutters
    wins, as long as it keeps most of the page's lines.
    """
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    sizes = sorted(line.size for line in lines)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    best: list[float] = []
    for k in range(len(order)):
        if k and len(order) - k < max(6, 0.4 * len(order)):
            break
        if k and lines[order[k]].top - lines[order[k - 1]].bottom < 0.8 * body:
            continue  # inside a paragraph
        found = _gutters([lines[i] for i in order[k:]], [words_by_line[i] for i in order[k:]])
        if len(found) > len(best):
            best = found
    return best


def _gutters(lines: list[Line], words_by_line: list[list[Word]]) -> list[float]:
    if len(lines) < 6:
        return []
    sizes = sorted(line.size for line in lines)
    body_size = sizes[len(sizes) // 2]
    min_gap = max(8.0, 1.0 * body_size)
    allowed = max(2, int(0.05 * len(lines)))  # a few titles or banners may cross the gutter
    gutters = [
        g for g in _open_strips(words_by_line, allowed, min_gap) if _both_sides_used(g, lines, words_by_line)
    ]
    return gutters


def _open_strips(words_by_line: list[list[Word]], allowed: int, min_gap: float) -> list[float]:
    """Middles of the strips, `min_gap` points wide or more, that at most `allowed` words cross,
    between the leftmost and the rightmost word (points counted whole, as `int` truncates them).

    A sweep over the words' sorted edges: its cost grows with the number of words, not with the
    width they span (a character set at x = 1e9 is as cheap as any other).
    """
    edges: dict[int, int] = {}  # point where the number of words crossing changes → the change
    left = right = None
    for words in words_by_line:
        for w in words:
            start, end = int(w.x0), int(w.x1) + 1  # a word covers the points int(x0) to int(x1)
            edges[start] = edges.get(start, 0) + 1
            edges[end] = edges.get(end, 0) - 1
            left = start if left is None or start < left else left
            right = end if right is None or end > right else right
    if left is None or right is None or right <= left:
        return []
    strips: list[float] = []
    crossing = 0
    opened: int | None = None  # where the strip being swept began (None: inside text)
    for x in sorted(edges):
        if x >= right:
            break
        crossing += edges[x]
        if crossing <= allowed:
            if opened is None:
                opened = x
        elif opened is not None:
            if x - opened >= min_gap and opened > left:
                strips.append((opened + x) / 2)
            opened = None
    # A strip still open at the right edge touches it: no gutter.
    return strips


def _both_sides_used(x: float, lines: list[Line], words_by_line: list[list[Word]]) -> bool:
    """Text on both sides of `x` over overlapping heights, each side a real share of the text."""
    left_ink = right_ink = 0.0
    left_rows: list[tuple[float, float]] = []
    right_rows: list[tuple[float, float]] = []
    for line, words in zip(lines, words_by_line, strict=True):
        lw = sum(w.x1 - w.x0 for w in words if w.x1 <= x)
        rw = sum(w.x1 - w.x0 for w in words if w.x0 >= x)
        left_ink += lw
        right_ink += rw
        if lw:
            left_rows.append((line.top, line.bottom))
        if rw:
            right_rows.append((line.top, line.bottom))
    total = left_ink + right_ink
    if not total or min(left_ink, right_ink) < 0.08 * total or min(len(left_rows), len(right_rows)) < 3:
        return False
    lt, lb = min(t for t, _ in left_rows), max(b for _, b in left_rows)
    rt, rb = min(t for t, _ in right_rows), max(b for _, b in right_rows)
    overlap = min(lb, rb) - max(lt, rt)
    return overlap > 0.3 * min(lb - lt, rb - rt)


def _bridges(row: list[Word], x: float) -> bool:
    """Text on both sides of the gutter at `x` with only a word space between: one line across it."""
    left = max((w.x1 for w in row if (w.x0 + w.x1) / 2 < x), default=None)
    right = min((w.x0 for w in row if (w.x0 + w.x1) / 2 >= x), default=None)
    if left is None or right is None:
        return False
    return right - left < 0.8 * max(w.size for w in row)


def _vrule_at(page: PageData, x: float, top: float, bottom: float) -> bool:
    mid = (top + bottom) / 2
    return any(abs(rx - x) < 4 and rt - 2 <= mid <= rb + 2 for rx, rt, rb in page.vrules)


def column_bounds(
    page: PageData, rows: list[list[Word]], previous: list[tuple[float, float]]
) -> tuple[list[float], bool]:
    """x of the page's inner column edges, and whether they come from table rulings. `previous`: the
    columns of the page before."""
    row_lines = [_row_box(r, page.number) for r in rows]
    bounds = _ruled_columns(page, row_lines)
    ruled = bool(bounds)
    if not ruled:
        bounds = _gap_columns(row_lines, rows)
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
    for row in rows:
        top = min(w.top for w in row)
        bottom = max(w.bottom for w in row)
        spans = any(w.x0 < b - 1 and w.x1 > b + 1 for w in row for b in bounds)
        if not ruled and not spans:
            spans = any(_bridges(row, b) for b in bounds)
        if ruled and not spans:
            # In a table, a row no inner rule passes through is a merged cell (banner).
            spans = not any(_vrule_at(page, b, top, bottom) for b in bounds)
        if spans:
            pieces.append((top, -1, row))
            continue
        buckets: dict[int, list[Word]] = {}
        for w in row:
            centre = (w.x0 + w.x1) / 2
            col = next(i for i, (a, b) in enumerate(columns) if a <= centre < b)
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
