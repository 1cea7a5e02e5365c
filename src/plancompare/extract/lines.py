"""Words to lines: the words on one baseline, left to right, make a line of text with its box, type
size and weight; a field label set in a cell of its own gets its colon back, and the bold words
opening a line are kept apart (a run-in heading). `Line` is what every later stage reads."""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass

from plancompare.extract.pagedata import PageData, Span, Word
from plancompare.extract.textclean import clean, symbol_bullet
from plancompare.text.patterns import LABEL_CELL


@dataclass(slots=True)
class Line(Span):
    """A line of words of one page and column, in reading order; its size is the type most of it
    is set in, its weight bold when most of its characters are."""

    page: int
    column: int = 0  # index among the page's columns; -1 for a line spanning them
    field_row: bool = False  # a row of a fields table (« Pilote : … »), read across its cells
    lead: str = ""  # the line's opening words in bold when regular ones follow (a run-in heading)
    boxed: bool = False  # set in a shaded box beside the running text (boxes.py)
    table_row: bool = False  # a table's caption or row read apart, across its cells (sidetables.py)

    @property
    def height(self) -> float:
        return self.bottom - self.top


# A field label set in a cell of its own, its value in the next (« Pilote      Ministère de la
# Justice », a table row without colon): the label is followed by at least this many ems of space.
_CELL_GAP_EMS = 2.0


def label_cell_end(words: list[Word]) -> int:
    """Index of the first value word when the line opens on a field label in a cell of its own
    (0 when it does not): the row then reads « Pilote : Ministère … », as labels are written."""
    for k in range(1, min(5, len(words))):
        if words[k].x0 - words[k - 1].x1 >= _CELL_GAP_EMS * max(words[k].size, 1.0):
            label = " ".join(w.text for w in words[:k])
            return k if LABEL_CELL.fullmatch(label) else 0
    return 0


def line_from_words(words: list[Word], page: int) -> Line:
    words.sort(key=lambda w: w.x0)
    parts: list[str] = []
    prev: Word | None = None
    bold_chars = total_chars = 0
    longest = words[0]
    value_at = label_cell_end(words)
    lead_end = 0  # length of the text in `parts` before the first regular word after bold ones
    for i, w in enumerate(words):
        if not lead_end and i and not w.bold and all(x.bold for x in words[:i]):
            lead_end = len("".join(parts))
        if i and i == value_at:
            parts.append(" : ")
        elif prev is not None and w.x0 - prev.x1 > 0.08 * max(w.size, 1.0):
            parts.append(" ")
        parts.append(w.text)
        n = len(w.text)
        total_chars += n
        if w.bold:
            bold_chars += n
        if n > len(longest.text):
            longest = w
        prev = w
    joined = "".join(parts)
    return Line(
        text=symbol_bullet(clean(joined).strip()),
        x0=words[0].x0,
        x1=max(w.x1 for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=round(longest.size, 1),  # the size most of the line is set in
        bold=bold_chars * 2 > total_chars,
        page=page,
        lead=symbol_bullet(clean(joined[:lead_end]).strip()) if lead_end else "",
    )


def same_baseline(words: list[Word]) -> list[list[Word]]:
    """Words grouped by baseline, top to bottom, each row in the order its words were met: a word
    joins a row when its baseline is within 0.3 of its size of the row's first one (no chaining)."""
    rows: list[list[Word]] = []
    ref = 0.0
    for w in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if rows and w.bottom - ref <= 0.3 * max(w.size, 1.0):
            rows[-1].append(w)
        else:
            rows.append([w])
            ref = w.bottom
    return rows


def field_line(text: str, lines: list[Line], page: int, column: int = 0) -> Line:
    """A field read across its cells or blocks (« Pilote : DGCS »), as one line spanning the lines it
    was read from, in the type of its last one."""
    return Line(
        text=text,
        x0=min(ln.x0 for ln in lines),
        x1=max(ln.x1 for ln in lines),
        top=min(ln.top for ln in lines),
        bottom=max(ln.bottom for ln in lines),
        size=lines[-1].size,
        bold=False,
        page=page,
        column=column,
        field_row=True,
    )


def baseline_rows(words: list[Word]) -> list[list[Word]]:
    """Words on one baseline, top to bottom; no chaining, so offset baselines of two columns stay apart.

    Superscripts (« 1er », note calls) are smaller and sit higher: they join the row they touch.
    """
    if not words:
        return []
    sizes = sorted(w.size for w in words)
    typical = sizes[len(sizes) // 2]
    normal = [w for w in words if w.size >= 0.75 * typical]
    small = [w for w in words if w.size < 0.75 * typical]
    rows = same_baseline(normal)
    if small:
        _join_small(rows, small, 4 * max(typical, 1.0))
    rows.sort(key=lambda r: min(x.top for x in r))
    return rows


def _join_small(rows: list[list[Word]], small: list[Word], reach: float) -> None:
    """Each small word joins the first row (in `rows`' order) that it overlaps in height and touches
    (a word's size or less from one of its words), else makes a row of its own, in place.

    The rows a word may overlap are looked up among those whose top is within `reach` above it
    (rows taller than `reach`, few, are always tried), and « touches » by bisecting each row's sorted
    word edges: the cost grows as n log n with the page's words, not with their product.
    """
    tops = [min(x.top for x in row) for row in rows]
    bottoms = [max(x.bottom for x in row) for row in rows]
    x0s = [sorted(x.x0 for x in row) for row in rows]
    x1s = [sorted(x.x1 for x in row) for row in rows]
    by_top = sorted((top, i) for i, top in enumerate(tops) if bottoms[i] - top <= reach)
    tall = {i for i, top in enumerate(tops) if bottoms[i] - top > reach}
    for w in small:
        # Twice the reach: a row rounding puts a hair past it is looked at all the same.
        start = bisect_left(by_top, (w.top - 2 * reach, -1))
        end = bisect_left(by_top, (w.bottom, len(rows) + 1), start)
        best = None
        for i in sorted([*(i for _, i in by_top[start:end]), *tall]):
            if (
                w.bottom > tops[i]
                and w.top < bottoms[i]
                and (_near(x1s[i], w.x0, w.size) or _near(x0s[i], w.x1, w.size))
            ):
                best = i
                break
        if best is None:
            best = len(rows)
            rows.append([])
            tops.append(w.top)
            bottoms.append(w.bottom)
            x0s.append([])
            x1s.append([])
            if w.bottom - w.top > reach:
                tall.add(best)
            else:
                insort(by_top, (w.top, best))
        else:
            if best not in tall and w.top < tops[best]:
                del by_top[bisect_left(by_top, (tops[best], best))]
                insort(by_top, (w.top, best))
            tops[best] = min(tops[best], w.top)
            bottoms[best] = max(bottoms[best], w.bottom)
            if best not in tall and bottoms[best] - tops[best] > reach:
                del by_top[bisect_left(by_top, (tops[best], best))]
                tall.add(best)
        rows[best].append(w)
        insort(x0s[best], w.x0)
        insort(x1s[best], w.x1)


def _near(edges: list[float], x: float, size: float) -> bool:
    """Is one of `edges` (sorted) closer than `size` to `x`? Only the nearest on each side can be."""
    i = bisect_left(edges, x)
    return (i > 0 and abs(x - edges[i - 1]) < size) or (i < len(edges) and abs(x - edges[i]) < size)


def _phrases(row: list[Word]) -> list[list[Word]]:
    """A row cut at wide gaps: the pieces a running header or a page number can be."""
    row = sorted(row, key=lambda w: w.x0)
    out: list[list[Word]] = [[row[0]]]
    for w in row[1:]:
        if w.x0 - out[-1][-1].x1 > 1.2 * max(w.size, 1.0):
            out.append([w])
        else:
            out[-1].append(w)
    return out


def phrases_of(page: PageData) -> list[tuple[Line, list[Word]]]:
    """The page's rows cut at wide gaps, each piece as a line with its words: what a running header
    or a page number can be (margins.py)."""
    return [
        (line_from_words(list(ph), page.number), ph)
        for row in baseline_rows(page.words)
        for ph in _phrases(row)
    ]
