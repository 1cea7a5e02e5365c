"""A measure's fields set as a table of two columns (« Pilote | Ministère de la Justice »,
« Calendrier | 2025 »): its band is read row by row as « label : value » lines, as labels are
written in prose, instead of column by column."""

from __future__ import annotations

from plancompare.extract.columns import Piece
from plancompare.extract.lines import Line, line_from_words
from plancompare.extract.pdf import Word
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
