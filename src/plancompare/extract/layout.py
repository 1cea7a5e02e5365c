"""Page layout: margins dropped, columns found, lines in reading order.

Each page's words become lines (lines.py); running headers, footers, page numbers and watermarks
go (margins.py); columns come from rulings or gutters (columns.py). Lines that cross a gutter span
the columns (titles, banners) and cut the page into bands read one after the other, each band
column by column, or row by row when it is a measure's fields table (fieldtable.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plancompare.extract.boxes import mark_boxes
from plancompare.extract.columns import Piece, column_bounds, split_rows, table_top
from plancompare.extract.fieldtable import fields_rows, one_column_lines
from plancompare.extract.lines import Line, baseline_rows, line_from_words, phrases_of
from plancompare.extract.margins import drop_margins, find_running_lines, without_watermarks
from plancompare.extract.pagedata import PageData, Word


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


def layout_page(
    page: PageData,
    phrases: list[tuple[Line, list[Word]]],
    running: set[tuple[str, str, int]],
    previous: PageLayout | None = None,
) -> PageLayout:
    """The page's lines in reading order, each tagged with its column (-1: spans the columns)."""
    keep_words, dropped = drop_margins(page, phrases, running)
    rows = baseline_rows(keep_words)
    bounds, ruled = column_bounds(page, rows, previous.columns if previous is not None else [])
    edges = [float("-inf"), *bounds, float("inf")]
    columns = [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]
    if len(columns) == 1:
        lines = one_column_lines(rows, page.number, page.hrules)
        mark_boxes(page, lines)
        return PageLayout(page.number, page.width, page.height, lines, columns, False, page.hrules, dropped)
    ordered = _reading_order(page, split_rows(page, rows, bounds, columns, ruled), len(columns))
    mark_boxes(page, ordered)
    return PageLayout(
        page.number,
        page.width,
        page.height,
        ordered,
        columns,
        ruled,
        page.hrules,
        dropped,
        table_top(page, bounds, ruled, ordered),
    )


def _reading_order(page: PageData, pieces: list[Piece], n_columns: int) -> list[Line]:
    """Bands between spanning rows, one after the other; in a band, column by column, top to bottom
    (a measure's fields table: row by row)."""
    ordered: list[Line] = []
    band: list[Piece] = []

    def flush() -> None:
        fields = fields_rows(band, page.number, page.hrules)
        if fields is not None:
            ordered.extend(fields)
            band.clear()
            return
        for col in range(n_columns):
            for _, _, ws in sorted((p for p in band if p[1] == col), key=lambda p: p[0]):
                line = line_from_words(ws, page.number)
                if line.text:
                    line.column = col
                    ordered.append(line)
        band.clear()

    for piece in sorted(pieces, key=lambda p: p[0]):
        if piece[1] == -1:
            flush()
            line = line_from_words(piece[2], page.number)
            if line.text:
                line.column = -1
                ordered.append(line)
        else:
            band.append(piece)
    flush()
    return ordered


def layout_document(pages: list[PageData]) -> list[PageLayout]:
    pages = without_watermarks(pages)
    phrases = [phrases_of(p) for p in pages]
    running = find_running_lines(pages, [[line for line, _ in ph] for ph in phrases])
    layouts: list[PageLayout] = []
    for page, page_phrases in zip(pages, phrases, strict=True):
        layouts.append(layout_page(page, page_phrases, running, layouts[-1] if layouts else None))
    return layouts
