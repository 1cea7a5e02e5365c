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
from plancompare.extract.fieldblocks import FieldBlock, field_blocks
from plancompare.extract.fieldgrids import field_grids
from plancompare.extract.fieldtable import fields_rows, one_column_lines
from plancompare.extract.lines import Line, baseline_rows, line_from_words, phrases_of
from plancompare.extract.margins import RunningLines, drop_margins, find_running_lines, without_watermarks
from plancompare.extract.pagedata import PageData, Word
from plancompare.extract.sidetables import placed, side_tables


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
    running: RunningLines,
    previous: PageLayout | None = None,
) -> PageLayout:
    """The page's lines in reading order, each tagged with its column (-1: spans the columns)."""
    keep_words, dropped = drop_margins(page, phrases, running)
    page, keep_words, tables = side_tables(page, keep_words)
    keep_words, blocks = field_blocks(keep_words, page.number)
    # Fields tables without rules, after fieldblocks has taken the labels set apart over their values.
    page, keep_words, grids = field_grids(page, keep_words)
    blocks += grids
    rows = baseline_rows(keep_words)
    bounds, ruled = column_bounds(page, rows, previous.columns if previous is not None else [])
    edges = [float("-inf"), *bounds, float("inf")]
    columns = [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]
    inserts = [(block.top, _column_of(block, columns), block.lines) for block in blocks]
    apart = [(block.x0, block.x1, block.top) for block in blocks]
    inserts += [(placed(table, apart), -1, table.lines) for table in tables]
    if len(columns) == 1:
        lines = _merged(one_column_lines(rows, page.number, page.hrules), inserts)
        mark_boxes(page, lines)
        return PageLayout(page.number, page.width, page.height, lines, columns, False, page.hrules, dropped)
    ordered = _reading_order(page, split_rows(page, rows, bounds, columns, ruled), len(columns), inserts)
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


# Lines read apart from the page's words (a field block, a side table), to go into its reading
# order: at `top`, in column `column` (-1: spanning the columns).
Insert = tuple[float, int, list[Line]]


def _column_of(block: FieldBlock, columns: list[tuple[float, float]]) -> int:
    """The column holding the whole block, or -1 when it crosses a column's edge."""
    return next((c for c, (a, b) in enumerate(columns) if a <= block.x0 and block.x1 <= b), -1)


def _merged(lines: list[Line], inserts: list[Insert]) -> list[Line]:
    """A page read in one column, each insert before its first line lower than the insert's top."""
    places = [
        (next((k for k, line in enumerate(lines) if line.top > top), len(lines)), top, block)
        for top, _, block in inserts
    ]
    out: list[Line] = []
    for k in range(len(lines) + 1):
        for _, _, block in sorted((p for p in places if p[0] == k), key=lambda p: p[1]):
            out.extend(block)
        out.extend(lines[k : k + 1])
    return out


def _reading_order(page: PageData, pieces: list[Piece], n_columns: int, inserts: list[Insert]) -> list[Line]:
    """Bands between spanning rows, one after the other; in a band, column by column, top to bottom
    (a measure's fields table: row by row); inserted lines go in at their place."""
    ordered: list[Line] = []
    band: list[Piece] = []
    band_inserts: list[Insert] = []

    def flush() -> None:
        fields = None if band_inserts else fields_rows(band, page.number, page.hrules)
        if fields is not None:
            ordered.extend(fields)
            band.clear()
            return
        for col in range(n_columns):
            lines = [(top, line_from_words(ws, page.number)) for top, c, ws in band if c == col]
            lines += [(top, line) for top, c, block in band_inserts if c == col for line in block]
            for _, line in sorted(lines, key=lambda item: item[0]):
                if line.text:
                    line.column = col
                    ordered.append(line)
        band.clear()
        band_inserts.clear()

    def span(lines: list[Line]) -> None:
        flush()
        for line in lines:
            if line.text:
                line.column = -1
                ordered.append(line)

    queue = sorted(
        [(p[0], 0, k) for k, p in enumerate(pieces)] + [(i[0], 1, k) for k, i in enumerate(inserts)]
    )
    for _, inserted, k in queue:
        if inserted:
            if inserts[k][1] == -1:
                span(inserts[k][2])
            else:
                band_inserts.append(inserts[k])
        elif pieces[k][1] == -1:
            span([line_from_words(pieces[k][2], page.number)])
        else:
            band.append(pieces[k])
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
