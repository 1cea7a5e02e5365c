"""Page layout: running headers and footers dropped, columns found, lines in reading order.

Columns come from the table rulings when a page has long vertical rules, otherwise from the
word positions: a vertical strip that (almost) no text line crosses, with text on both sides
over the same height, is a gutter. Lines that do cross a gutter span the columns (titles,
banners) and cut the page into bands read one after the other, each band column by column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import accumulate, groupby

from plancompare.extract.pdf import PageData, Word
from plancompare.extract.textclean import clean, join_lines, normalise_spaces, symbol_bullet
from plancompare.text.patterns import HEADING_START, LABEL_CELL, PAGE_NUMBER

# The top and bottom share of a page where running headers, footers and page numbers live.
_MARGIN_SHARE = 0.13
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    column: int = 0  # index among the page's columns; -1 for a line spanning them
    field_row: bool = False  # a row of a fields table (« Pilote : … »), read across its cells
    lead: str = ""  # the line's opening words in bold when regular ones follow (a run-in heading)

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class PageLayout:
    number: int
    width: float
    height: float
    lines: list[Line]  # reading order
    columns: list[tuple[float, float]]  # x extents, left to right
    ruled: bool  # columns come from table rulings
    hrules: list[tuple[float, float, float]]
    dropped: list[str] = field(default_factory=list)  # running headers/footers and page numbers removed
    table_top: float | None = None  # where the columns begin (text above spans the page)


# A field label set in a cell of its own, its value in the next (« Pilote      Ministère de la
# Justice », a table row without colon): the label is followed by at least this many ems of space.
_CELL_GAP_EMS = 2.0


def _label_cell(words: list[Word]) -> int:
    """Index of the first value word when the line opens on a field label in a cell of its own
    (0 when it does not): the row then reads « Pilote : Ministère … », as labels are written."""
    for k in range(1, min(5, len(words))):
        if words[k].x0 - words[k - 1].x1 >= _CELL_GAP_EMS * max(words[k].size, 1.0):
            label = " ".join(w.text for w in words[:k])
            return k if LABEL_CELL.fullmatch(label) else 0
    return 0


def _line_from_words(words: list[Word], page: int) -> Line:
    words.sort(key=lambda w: w.x0)
    parts: list[str] = []
    prev: Word | None = None
    bold_chars = total_chars = 0
    longest = words[0]
    value_at = _label_cell(words)
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


def _margin_key(line: Line, page: PageData) -> tuple[str, str, int] | None:
    """Where and what a line in the top or bottom margin says, digits masked (page numbers vary)."""
    if line.bottom <= page.height * _MARGIN_SHARE:
        zone = "top"
    elif line.top >= page.height * (1 - _MARGIN_SHARE):
        zone = "bottom"
    else:
        return None
    return zone, _DIGITS.sub("#", line.text.lower()), round(line.top / 4)


def find_running_lines(pages: list[PageData], page_lines: list[list[Line]]) -> set[tuple[str, str, int]]:
    """Margin lines repeated at the same place on enough pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, str, int]] = Counter()
    for page, lines in zip(pages, page_lines, strict=True):
        keys = {k for line in lines if (k := _margin_key(line, page)) is not None}
        # Tolerate a point or two of drift: count each key also under its neighbours' positions.
        counts.update(keys)
    need = 2 if len(pages) <= 4 else max(3, int(0.3 * len(pages)))
    repeated: set[tuple[str, str, int]] = set()
    for key, count in counts.items():
        near = (
            count + counts.get((key[0], key[1], key[2] - 1), 0) + counts.get((key[0], key[1], key[2] + 1), 0)
        )
        if near >= need:
            repeated.update({key, (key[0], key[1], key[2] - 1), (key[0], key[1], key[2] + 1)})
    return repeated


def _is_margin_noise(line: Line, page: PageData, running: set[tuple[str, str, int]]) -> bool:
    key = _margin_key(line, page)
    if key is None or HEADING_START.match(line.text):
        # A measure heading at the top of several pages repeats once digits are masked: content.
        return False
    return key in running or bool(PAGE_NUMBER.match(line.text))


# --- columns ------------------------------------------------------------------------------------


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
    left = int(min(line.x0 for line in lines))
    right = int(max(line.x1 for line in lines)) + 1
    width = right - left
    if width <= 0:
        return []
    delta = [0] * (width + 2)
    for words in words_by_line:
        for w in words:
            delta[max(int(w.x0) - left, 0)] += 1
            delta[min(int(w.x1) - left + 1, width + 1)] -= 1
    crossing = list(accumulate(delta))
    sizes = sorted(line.size for line in lines)
    body_size = sizes[len(sizes) // 2]
    min_gap = max(8.0, 1.0 * body_size)
    allowed = max(2, int(0.05 * len(lines)))  # a few titles or banners may cross the gutter
    gutters: list[float] = []
    i = 0
    while i < width:
        if crossing[i] <= allowed:
            j = i
            while j < width and crossing[j] <= allowed:
                j += 1
            if j - i >= min_gap and i > 0 and j < width:
                gutters.append(left + (i + j) / 2)
            i = j
        else:
            i += 1
    return [g for g in gutters if _both_sides_used(g, lines, words_by_line)]


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


def _page_phrases(page: PageData) -> list[tuple[Line, list[Word]]]:
    return [
        (_line_from_words(list(ph), page.number), ph) for row in _rows(page.words) for ph in _phrases(row)
    ]


def layout_page(
    page: PageData,
    phrases: list[tuple[Line, list[Word]]],
    running: set[tuple[str, str, int]],
    previous: PageLayout | None = None,
) -> PageLayout:
    """The page's lines in reading order, each tagged with its column (-1: spans the columns)."""
    keep_words: list[Word] = []
    dropped: list[str] = []
    noise = {id(line) for line, _ in phrases if _is_margin_noise(line, page, running)}
    # Running lines sit at the page's edges: nothing but other running lines between them and the edge.
    content = [line for line, _ in phrases if id(line) not in noise]
    top_zone, bottom_zone = page.height * _MARGIN_SHARE, page.height * (1 - _MARGIN_SHARE)
    upper = min((ln.top for ln in content if ln.bottom <= top_zone), default=top_zone)
    lower = max((ln.bottom for ln in content if ln.top >= bottom_zone), default=bottom_zone)
    for line, ws in phrases:
        at_edge = (line.bottom <= top_zone and line.bottom <= upper + 1) or (
            line.top >= bottom_zone and line.top >= lower - 1
        )
        if at_edge and id(line) in noise:
            dropped.append(line.text)
        else:
            keep_words.extend(ws)
    rows = _rows(keep_words)
    row_lines = [_row_box(r, page.number) for r in rows]
    bounds = _ruled_columns(page, row_lines)
    ruled = bool(bounds)
    if not ruled:
        bounds = _gap_columns(row_lines, rows)
    if not bounds and previous is not None and len(previous.columns) > 1 and row_lines:
        # A page holding one column of a table that goes on (a long cell): the previous page's
        # columns still hold if no line crosses them.
        inherited = [b for _, b in previous.columns[:-1]]
        if not any(w.x0 < b - 1 and w.x1 > b + 1 for row in rows for w in row for b in inherited):
            bounds = inherited
    edges = [float("-inf"), *bounds, float("inf")]
    columns = [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]
    if len(columns) == 1:
        lines = [ln for ln in (_line_from_words(r, page.number) for r in rows) if ln.text]
        return PageLayout(page.number, page.width, page.height, lines, columns, False, page.hrules, dropped)
    # Split every row at the gutters; a word that straddles a gutter makes its row span.
    pieces: list[tuple[float, int, list[Word]]] = []  # (top, column, words)
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
    # Reading order: bands between spanning rows; in a band, column by column, top to bottom.
    ordered: list[Line] = []
    band: list[tuple[float, int, list[Word]]] = []

    def flush() -> None:
        fields = _fields_rows(band, page.number, page.hrules)
        if fields is not None:
            ordered.extend(fields)
            band.clear()
            return
        for col in range(len(columns)):
            for _, _, ws in sorted((p for p in band if p[1] == col), key=lambda p: p[0]):
                line = _line_from_words(ws, page.number)
                if line.text:
                    line.column = col
                    ordered.append(line)
        band.clear()

    for piece in sorted(pieces, key=lambda p: p[0]):
        if piece[1] == -1:
            flush()
            line = _line_from_words(piece[2], page.number)
            if line.text:
                line.column = -1
                ordered.append(line)
        else:
            band.append(piece)
    flush()
    if ruled:
        tops = [t for x, t, _ in page.vrules if any(abs(x - b) < 4 for b in bounds)]
        table_top = min(tops) if tops else None
    else:
        # The first band (lines between spanning lines) with text in two columns or more: a lone
        # centred line under a title is not the top of a table.
        table_top = None
        for in_columns, run in groupby(ordered, key=lambda ln: ln.column >= 0):
            cell_lines = list(run)
            if in_columns and len({ln.column for ln in cell_lines}) >= 2:
                table_top = min(ln.top for ln in cell_lines)
                break
    return PageLayout(
        page.number, page.width, page.height, ordered, columns, ruled, page.hrules, dropped, table_top
    )


# A fields table's label cell: a few words, in a column narrower than this share of the table.
_LABEL_WORDS = 4
_LABEL_SHARE = 0.4


def _fields_rows(
    band: list[tuple[float, int, list[Word]]], page: int, hrules: list[tuple[float, float, float]]
) -> list[Line] | None:
    """A band of two columns whose left cells are short labels beside their values (« Pilote |
    Ministère de la Justice », « Indicateurs | … »), one of them a known field: a measure's fields
    table, read row by row as « label : value » lines. None for any other band (a text in two
    columns, a table of measures, a review, headings beside their text): read column by column."""
    if not band or any(col > 1 for _, col, _ in band):
        return None
    left = sorted((p for p in band if p[1] == 0), key=lambda p: p[0])
    right = sorted((p for p in band if p[1] == 1), key=lambda p: p[0])
    if not left or not right:
        return None
    if any(len(ws) > _LABEL_WORDS or not any(ch.isalpha() for w in ws for ch in w.text) for _, _, ws in left):
        return None
    left_x0, left_x1 = min(w.x0 for _, _, ws in left for w in ws), max(w.x1 for _, _, ws in left for w in ws)
    right_x1 = max(w.x1 for _, _, ws in right for w in ws)
    if left_x1 - left_x0 > _LABEL_SHARE * (right_x1 - left_x0):
        return None
    rows = _field_cells(left, right, hrules, left_x0, left_x1)
    if rows is None or not any(LABEL_CELL.fullmatch(_cell_text(labels, page)) for labels, _ in rows):
        return None
    out = []
    for labels, values in rows:
        lines = [_line_from_words(ws, page) for ws in labels + values]
        value = join_lines(ln.text for ln in lines[len(labels) :])
        label = _cell_text(labels, page)
        out.append(
            Line(
                text=f"{label} : {value}" if value else label,
                x0=min(ln.x0 for ln in lines),
                x1=max(ln.x1 for ln in lines),
                top=min(ln.top for ln in lines),
                bottom=max(ln.bottom for ln in lines),
                size=lines[-1].size,
                bold=False,
                page=page,
                column=0,
                field_row=True,
            )
        )
    return out


def _cell_text(pieces: list[list[Word]], page: int) -> str:
    return normalise_spaces(" ".join(_line_from_words(list(ws), page).text for ws in pieces)).rstrip(" :")


Cells = list[tuple[list[list[Word]], list[list[Word]]]]


def _field_cells(
    left: list[tuple[float, int, list[Word]]],
    right: list[tuple[float, int, list[Word]]],
    hrules: list[tuple[float, float, float]],
    left_x0: float,
    left_x1: float,
) -> Cells | None:
    """(label pieces, value pieces) of each row. Rows are the bands between the rules across the
    label column when the table is ruled (a label is often centred beside a value of several
    lines); else a label level with a value line opens a row, and one below it without a value
    is its wrapped end."""
    top = min(p[0] for p in (*left, *right))
    bottom = max(w.bottom for _, _, ws in (*left, *right) for w in ws)
    cuts = sorted(y for y, x0, x1 in hrules if x0 <= left_x0 + 2 and x1 >= left_x1 - 2 and top < y < bottom)
    if cuts:
        bands = [float("-inf"), *cuts, float("inf")]
        rows: Cells = [([], []) for _ in range(len(bands) - 1)]
        for pieces, side in ((left, 0), (right, 1)):
            for _, _, ws in pieces:
                mid = (min(w.top for w in ws) + max(w.bottom for w in ws)) / 2
                rows[next(i for i in range(len(rows)) if bands[i] <= mid < bands[i + 1])][side].append(ws)
        rows = [r for r in rows if r[0] or r[1]]
        return rows if all(labels for labels, _ in rows) else None
    level = 0.5 * max(w.size for _, _, ws in (*left, *right) for w in ws)
    rows = []
    for piece_top, _, ws in left:
        if any(abs(rt - piece_top) < level for rt, _, _ in right):
            rows.append(([ws], []))
        elif rows:
            rows[-1][0].append(ws)
        else:
            return None
    starts = [min(w.top for w in labels[0]) for labels, _ in rows]
    for piece_top, _, ws in right:
        at = max((i for i, t in enumerate(starts) if t - level <= piece_top), default=None)
        if at is None:
            return None  # text beside nothing: not a fields table
        rows[at][1].append(ws)
    return rows


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words on one baseline, top to bottom; no chaining, so offset baselines of two columns stay apart.

    Superscripts (« 1er », note calls) are smaller and sit higher: they join the row they touch.
    """
    if not words:
        return []
    sizes = sorted(w.size for w in words)
    typical = sizes[len(sizes) // 2]
    normal = [w for w in words if w.size >= 0.75 * typical]
    small = [w for w in words if w.size < 0.75 * typical]
    rows: list[list[Word]] = []
    ref = 0.0
    for w in sorted(normal, key=lambda w: (w.bottom, w.x0)):
        if rows and w.bottom - ref <= 0.3 * max(w.size, 1.0):
            rows[-1].append(w)
        else:
            rows.append([w])
            ref = w.bottom
    for w in small:
        best = None
        for row in rows:
            top, bottom = min(x.top for x in row), max(x.bottom for x in row)
            near = any(abs(w.x0 - x.x1) < w.size or abs(x.x0 - w.x1) < w.size for x in row)
            if w.bottom > top and w.top < bottom and near:
                best = row
                break
        if best is None:
            rows.append([w])
        else:
            best.append(w)
    rows.sort(key=lambda r: min(x.top for x in r))
    return rows


# Type this many times the page's text size, repeated at one place page after page: a watermark
# (« PROJET », « DOCUMENT DE TRAVAIL »), which would otherwise land in the middle of the text.
_WATERMARK_SCALE = 2.0


def _without_watermarks(pages: list[PageData]) -> list[PageData]:
    def median_size(page: PageData) -> float:
        sizes = sorted(w.size for w in page.words)
        return sizes[len(sizes) // 2] if sizes else 0.0

    def key(w: Word) -> tuple[str, int, int]:
        return w.text.lower(), round(w.x0 / 4), round(w.top / 4)

    large = [{key(w) for w in p.words if w.size >= _WATERMARK_SCALE * median_size(p)} for p in pages]
    counts = Counter(k for keys in large for k in keys)
    need = 2 if len(pages) <= 4 else max(3, int(0.3 * len(pages)))
    marks = {k for k, n in counts.items() if n >= need}
    if not marks:
        return pages
    return [
        replace(p, words=[w for w in p.words if key(w) not in marks]) if keys & marks else p
        for p, keys in zip(pages, large, strict=True)
    ]


def layout_document(pages: list[PageData]) -> list[PageLayout]:
    pages = _without_watermarks(pages)
    phrases = [_page_phrases(p) for p in pages]
    running = find_running_lines(pages, [[line for line, _ in ph] for ph in phrases])
    layouts: list[PageLayout] = []
    for page, page_phrases in zip(pages, phrases, strict=True):
        layouts.append(layout_page(page, page_phrases, running, layouts[-1] if layouts else None))
    return layouts
