"""Gutters from word positions (columns.py, a page without table rulings): vertical strips that few
words cross, with text on both sides over the same height.

Full-width text above a table without rules (a title, a few paragraphs) crosses its gutters: the
page is read from its top and from each paragraph break down, and the reading with the most
gutters wins, as long as it keeps most of the page's lines. Each reading sweeps the words' sorted
edges, so its cost grows with the number of words, never with the width they span (a character
at x = 1e9 costs what any other does). A page with many paragraph breaks (a long or dense page)
would be swept once per break: it is read bottom up instead, the lines above each break added to
counts kept in trees (a segment tree of the words crossing each strip, Fenwick trees of the ink and
the rows on either side of a point), n log n in its words. Both ways give the same gutters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable

from plancompare.extract.lines import Line
from plancompare.extract.pagedata import Word

# Readings × words above which a page is read bottom up (below it, sweeping each reading is faster).
_SWEEP_BUDGET = 150_000


def gap_columns(lines: list[Line], words_by_line: list[list[Word]]) -> list[float]:
    """x of the gutters of the page whose rows are `lines` (their boxes) and `words_by_line`."""
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    sizes = sorted(line.size for line in lines)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    starts = _reading_starts(lines, order, body)
    if len(starts) * sum(len(ws) for ws in words_by_line) <= _SWEEP_BUDGET:
        return _swept(lines, words_by_line, order, starts)
    return _bottom_up(lines, words_by_line, order, starts)


def _reading_starts(lines: list[Line], order: list[int], body: float) -> list[int]:
    """Where readings start, as ranks in `order`: the top, then each paragraph break while the
    reading keeps most of the page's lines."""
    starts = []
    for k in range(len(order)):
        if k and len(order) - k < max(6, 0.4 * len(order)):
            break
        if k and lines[order[k]].top - lines[order[k - 1]].bottom < 0.8 * body:
            continue  # inside a paragraph
        starts.append(k)
    return starts


def _swept(
    lines: list[Line], words_by_line: list[list[Word]], order: list[int], starts: list[int]
) -> list[float]:
    best: list[float] = []
    for k in starts:
        found = gutters([lines[i] for i in order[k:]], [words_by_line[i] for i in order[k:]])
        if len(found) > len(best):
            best = found
    return best


def _thresholds(sizes: list[float]) -> tuple[float, int]:
    """The width a gutter needs (an em of the body text, 8 points at least) and how many words may
    cross it (a few titles or banners), for a reading of lines of these sizes (sorted)."""
    return max(8.0, 1.0 * sizes[len(sizes) // 2]), max(2, int(0.05 * len(sizes)))


def gutters(lines: list[Line], words_by_line: list[list[Word]]) -> list[float]:
    """The gutters of one reading: its open strips with text on both sides."""
    if len(lines) < 6:
        return []
    min_gap, allowed = _thresholds(sorted(line.size for line in lines))
    return [
        g for g in open_strips(words_by_line, allowed, min_gap) if both_sides_used(g, lines, words_by_line)
    ]


def _span(w: Word) -> tuple[int, int]:
    """The points a word covers, counted whole (as `int` truncates them): start, end (excluded)."""
    return int(w.x0), int(w.x1) + 1


def open_strips(words_by_line: list[list[Word]], allowed: int, min_gap: float) -> list[float]:
    """Middles of the strips, `min_gap` points wide or more, that at most `allowed` words cross,
    between the leftmost and the rightmost word (a strip touching either is no gutter)."""
    edges: dict[int, int] = {}  # point where the number of words crossing changes → the change
    left = right = None
    for words in words_by_line:
        for w in words:
            start, end = _span(w)
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
    return strips


def both_sides_used(x: float, lines: list[Line], words_by_line: list[list[Word]]) -> bool:
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
    if min(len(left_rows), len(right_rows)) < 3:
        return False
    lt, lb = min(t for t, _ in left_rows), max(b for _, b in left_rows)
    rt, rb = min(t for t, _ in right_rows), max(b for _, b in right_rows)
    return _sides_agree(left_ink, right_ink, lt, lb, rt, rb)


def _sides_agree(left_ink: float, right_ink: float, lt: float, lb: float, rt: float, rb: float) -> bool:
    """Each side a real share of the ink, the two sides' rows overlapping in height."""
    total = left_ink + right_ink
    if not total or min(left_ink, right_ink) < 0.08 * total:
        return False
    overlap = min(lb, rb) - max(lt, rt)
    return overlap > 0.3 * min(lb - lt, rb - rt)


def _bottom_up(
    lines: list[Line], words_by_line: list[list[Word]], order: list[int], starts: list[int]
) -> list[float]:
    """The readings from the lowest break up, each adding the lines above the previous one."""
    points = sorted({p for words in words_by_line for w in words for p in _span(w)})
    leaf = {p: i for i, p in enumerate(points)}
    crossing = _Crossing(len(points))
    sides = _Sides(words_by_line)
    sizes: list[float] = []
    left = right = None
    best: list[float] = []
    added = len(order)  # the reading so far holds the lines order[added:]
    for k in reversed(starts):
        for i in order[k:added]:
            for w in words_by_line[i]:
                start, end = _span(w)
                crossing.add(leaf[start], leaf[end])
                left = start if left is None or start < left else left
                right = end if right is None or end > right else right
            insort(sizes, lines[i].size)
            sides.add(lines[i], words_by_line[i])
        added = k
        found: list[float] = []
        if len(sizes) >= 6 and left is not None and right is not None and left < right:
            min_gap, allowed = _thresholds(sizes)
            found = [
                g
                for g in crossing.strips(points, leaf[left], leaf[right], allowed, min_gap)
                if sides.both_used(g)
            ]
        if len(found) >= len(best):  # ties go to the higher reading, as when read top down
            best = found
    return best


class _Crossing:
    """How many words cross each strip between two word edges (leaves), under range additions: a
    segment tree keeping each node's pending addition and its subtree's least and greatest count."""

    def __init__(self, leaves: int) -> None:
        self.size = 1
        while self.size < max(leaves, 1):
            self.size *= 2
        self.plus = [0] * (2 * self.size)
        self.low = [0] * (2 * self.size)
        self.high = [0] * (2 * self.size)

    def add(self, start: int, end: int) -> None:
        """One more word over leaves start to end (excluded); end before start takes one off
        between them, as a difference array would."""
        if start < end:
            self._add(start, end, 1)
        elif end < start:
            self._add(end, start, -1)

    def _add(self, lo: int, hi: int, d: int) -> None:
        plus, low, high = self.plus, self.low, self.high
        lo += self.size
        hi += self.size
        first, last = lo, hi - 1
        while lo < hi:
            if lo & 1:
                plus[lo] += d
                low[lo] += d
                high[lo] += d
                lo += 1
            if hi & 1:
                hi -= 1
                plus[hi] += d
                low[hi] += d
                high[hi] += d
            lo >>= 1
            hi >>= 1
        for v in (first >> 1, last >> 1):
            while v:
                low[v] = plus[v] + min(low[2 * v], low[2 * v + 1])
                high[v] = plus[v] + max(high[2 * v], high[2 * v + 1])
                v >>= 1

    def first(self, lo: int, hi: int, allowed: int, crossed: bool) -> int | None:
        """The first leaf from lo (to hi, excluded) that more than `allowed` words cross (`crossed`)
        or at most `allowed` (not `crossed`); None when there is none."""
        return self._first(1, 0, self.size, lo, hi, allowed, crossed, 0)

    def _first(
        self, v: int, a: int, b: int, lo: int, hi: int, allowed: int, crossed: bool, above: int
    ) -> int | None:
        if b <= lo or a >= hi:
            return None
        if (self.high[v] + above <= allowed) if crossed else (self.low[v] + above > allowed):
            return None
        if b - a == 1:
            return a
        mid = (a + b) // 2
        above += self.plus[v]
        found = self._first(2 * v, a, mid, lo, hi, allowed, crossed, above)
        return found if found is not None else self._first(2 * v + 1, mid, b, lo, hi, allowed, crossed, above)

    def strips(self, points: list[int], lo: int, hi: int, allowed: int, min_gap: float) -> list[float]:
        """`open_strips` of the words added, between leaves lo and hi (their leftmost and rightmost
        edges)."""
        out: list[float] = []
        at = lo
        while True:
            opened = self.first(at, hi, allowed, crossed=False)
            if opened is None:
                break
            closed = self.first(opened, hi, allowed, crossed=True)
            if closed is None:
                break  # open to the right edge: no gutter
            if points[closed] - points[opened] >= min_gap and opened > lo:
                out.append((points[opened] + points[closed]) / 2)
            at = closed
        return out


class _Fenwick:
    """Prefix folds (sum, min or max) of values added at positions 0 … n-1."""

    def __init__(self, n: int, fold: Callable[[float, float], float], empty: float) -> None:
        self.tree = [empty] * (n + 1)
        self.fold = fold
        self.empty = empty

    def add(self, i: int, value: float) -> None:
        tree, fold = self.tree, self.fold
        i += 1
        while i < len(tree):
            tree[i] = fold(tree[i], value)
            i += i & -i

    def prefix(self, n: int) -> float:
        """The fold of the values at positions 0 … n-1."""
        tree, fold = self.tree, self.fold
        out = self.empty
        while n > 0:
            out = fold(out, tree[n])
            n -= n & -n
        return out


def _sum(a: float, b: float) -> float:
    return a + b


class _Sides:
    """`both_sides_used` for the lines added so far, by position: the ink of the words ending left
    of a point (by their right edge) and of those starting right of it (by their left edge, counted
    from the right), and the rows holding such a word (of some width), with their extent."""

    def __init__(self, words_by_line: list[list[Word]]) -> None:
        self.ends = sorted({w.x1 for words in words_by_line for w in words})
        self.starts = sorted({-w.x0 for words in words_by_line for w in words})
        n, m = len(self.ends), len(self.starts)
        inf = float("inf")
        self.left_ink, self.right_ink = _Fenwick(n, _sum, 0.0), _Fenwick(m, _sum, 0.0)
        self.left_rows, self.right_rows = _Fenwick(n, _sum, 0), _Fenwick(m, _sum, 0)
        self.left_top, self.right_top = _Fenwick(n, min, inf), _Fenwick(m, min, inf)
        self.left_bottom, self.right_bottom = _Fenwick(n, max, -inf), _Fenwick(m, max, -inf)

    def add(self, line: Line, words: list[Word]) -> None:
        first_end = last_start = None  # the row's leftmost right edge and rightmost left edge
        for w in words:
            width = w.x1 - w.x0
            self.left_ink.add(bisect_left(self.ends, w.x1), width)
            self.right_ink.add(bisect_left(self.starts, -w.x0), width)
            if width:
                first_end = w.x1 if first_end is None or w.x1 < first_end else first_end
                last_start = w.x0 if last_start is None or w.x0 > last_start else last_start
        if first_end is not None and last_start is not None:
            i = bisect_left(self.ends, first_end)
            self.left_rows.add(i, 1)
            self.left_top.add(i, line.top)
            self.left_bottom.add(i, line.bottom)
            j = bisect_left(self.starts, -last_start)
            self.right_rows.add(j, 1)
            self.right_top.add(j, line.top)
            self.right_bottom.add(j, line.bottom)

    def both_used(self, x: float) -> bool:
        n = bisect_right(self.ends, x)  # words with x1 <= x
        m = bisect_right(self.starts, -x)  # words with x0 >= x
        if min(self.left_rows.prefix(n), self.right_rows.prefix(m)) < 3:
            return False
        return _sides_agree(
            self.left_ink.prefix(n),
            self.right_ink.prefix(m),
            self.left_top.prefix(n),
            self.left_bottom.prefix(n),
            self.right_top.prefix(m),
            self.right_bottom.prefix(m),
        )
