"""A measure's fields set as a table of two columns (« Pilote | Ministère de la Justice »,
« Calendrier | 2025 »): its band is read row by row as « label : value » lines, as labels are
written in prose, instead of column by column; on a page read in one column (the table's rules too
short to make columns), a label alone on its line takes the value lines beside it."""

from __future__ import annotations

from collections.abc import Callable

from plancompare.extract.columns import Piece
from plancompare.extract.lines import Line, field_line, label_cell_end, line_from_words
from plancompare.extract.pagedata import Word
from plancompare.extract.textclean import join_lines, normalise_spaces
from plancompare.text.patterns import LABEL_CELL

# A fields table's label cell: a few words, in a column narrower than this share of the table.
_LABEL_WORDS = 4
_LABEL_SHARE = 0.4


def fields_rows(band: list[Piece], page: int, hrules: list[tuple[float, float, float]]) -> list[Line] | None:
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
        lines = [line_from_words(ws, page) for ws in labels + values]
        out.append(_row_line(_cell_text(labels, page), lines, len(labels), page))
    return out


def _cell_text(pieces: list[list[Word]], page: int) -> str:
    return normalise_spaces(" ".join(line_from_words(list(ws), page).text for ws in pieces)).rstrip(" :")


Cells = list[tuple[list[list[Word]], list[list[Word]]]]


def _field_cells(
    left: list[Piece],
    right: list[Piece],
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


def one_column_lines(
    rows: list[list[Word]], page: int, hrules: list[tuple[float, float, float]]
) -> list[Line]:
    """The lines of a page read in one column. A fields table whose rules were too short to make
    the page's columns (a small table above a page of text) is read here: a label alone on its row
    (« Indicateur(s) », set in its cell beside a value of two lines, often centred between them)
    takes the value lines beside it, above and below, and reads « label : value » as one row."""
    lines = [line_from_words(r, page) for r in rows]
    labels = {i: _label_end(r) for i, r in enumerate(rows)}
    labels = {i: k for i, k in labels.items() if k}
    alone = [i for i, k in labels.items() if k == len(rows[i])]
    values_x = [rows[i][k].x0 for i, k in labels.items() if k < len(rows[i])]
    beside = [rows[j][0].x0 for i in alone for j in (i - 1, i + 1) if 0 <= j < len(rows) and j not in labels]
    if not alone or not (values_x or beside):
        return [ln for ln in lines if ln.text]
    x = min(values_x or beside)
    label_x1 = max(rows[i][k - 1].x1 for i, k in labels.items())
    if x - label_x1 < _CELL_GAP * rows[alone[0]][0].size:
        return [ln for ln in lines if ln.text]

    def value_only(row: list[Word]) -> bool:
        return abs(row[0].x0 - x) < 3

    owner: dict[int, int] = {}  # value row → its label row
    heads: set[int] = set()  # the label rows of the tables read here
    for run in _runs(rows, labels, value_only):
        found = [i for i in run if i in labels]
        if not any(i in alone for i in found):
            continue
        heads.update(found)
        for j in (j for j in run if j not in labels):
            owner[j] = min(found, key=lambda i: (_distance(rows[i], rows[j], hrules, label_x1), i > j))
    out: list[Line] = []
    for i, line in enumerate(lines):
        if i in owner or not line.text:
            continue
        if i not in heads:
            out.append(line)
            continue
        k = labels[i]
        parts = [line_from_words(rows[i][k:], page)] if k < len(rows[i]) else []
        parts += [lines[j] for j in owner if owner[j] == i]
        parts.sort(key=lambda ln: ln.top)
        out.append(_field_line(line_from_words(rows[i][:k], page), parts, page))
    return out


# A label's cell is set apart from its value's by this many ems at least (as lines.label_cell_end),
# and a label alone on its line (« Calendrier de mise en œuvre ») has at most this many words.
_CELL_GAP = 2.0
_ALONE_WORDS = 5


def _label_end(row: list[Word]) -> int:
    """How many words open the row as a field label in a cell of its own: the words before a gap
    of two ems (its value beside it), or the whole row (a label alone); 0 when it opens on none."""
    row.sort(key=lambda w: w.x0)
    if end := label_cell_end(row):
        return end
    alone = len(row) <= _ALONE_WORDS and LABEL_CELL.fullmatch(normalise_spaces(" ".join(w.text for w in row)))
    return len(row) if alone else 0


def _runs(
    rows: list[list[Word]], labels: dict[int, int], value_only: Callable[[list[Word]], bool]
) -> list[list[int]]:
    """Consecutive rows of the table: label rows and rows holding only a value."""
    runs: list[list[int]] = [[]]
    for i, row in enumerate(rows):
        if i in labels or value_only(row):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _distance(
    label: list[Word], value: list[Word], hrules: list[tuple[float, float, float]], label_x1: float
) -> tuple[int, float]:
    """How far a value row is from a label row: first the rules between them (a ruled table's rows),
    then the distance between their middles."""

    def middle(row: list[Word]) -> float:
        return (min(w.top for w in row) + max(w.bottom for w in row)) / 2

    a, b = sorted((middle(label), middle(value)))
    x0 = min(w.x0 for w in label)
    rules = sum(1 for y, r0, r1 in hrules if a < y < b and r0 <= x0 + 2 and r1 >= label_x1)
    return rules, b - a


def _field_line(label: Line, parts: list[Line], page: int) -> Line:
    """« label : value » as one row of a fields table."""
    named = label.text.rstrip(" :") if join_lines(p.text for p in parts) else label.text
    return _row_line(named, [label, *parts], 1, page)


def _row_line(label: str, lines: list[Line], n_label: int, page: int) -> Line:
    """One row of a fields table as a line « label : value » (its first `n_label` lines are the label
    cell's) spanning the lines it was read from."""
    value = join_lines(ln.text for ln in lines[n_label:])
    return field_line(f"{label} : {value}" if value else label, lines, page)
