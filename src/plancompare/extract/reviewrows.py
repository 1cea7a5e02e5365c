"""A review table's rows, gathered page after page: a row starts at a measure heading in the plan's
column (or after a banner), runs on over page breaks, and its cells fill by column role; rows
spanning the table are banners (a priority, a section); the header row repeated on every page is
dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from plancompare.extract.headings import review_heading
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.reviewcolumns import PLAN, column_tops, header_keys, is_table
from plancompare.extract.textclean import is_upper_text, normalise_spaces
from plancompare.models import Priority
from plancompare.text.normalise import fold
from plancompare.text.patterns import PRIORITY_RE


@dataclass
class ReviewRow:
    """One measure's row, gathered over the pages it runs on."""

    heading: Line | None
    priority: str | None
    section: str | None
    cells: list[list[Line]] = field(default_factory=lambda: [[], [], []])


def _is_heading(line: Line) -> bool:
    return line.column == 0 and review_heading(line.text) is not None


def read_rows(
    layouts: list[PageLayout], tables: list[PageLayout], roles: dict[int, list[int]]
) -> tuple[list[ReviewRow], list[Priority]]:
    """The rows of the table that starts on `tables[0]` (its columns' roles in `roles`, by number of
    columns), in document order, and the priorities its banners open."""
    first_table = tables[0].number
    header = header_keys(tables)
    state = _TableReader(roles)
    for page in layouts:
        if page.number >= first_table:
            state.read_page(page, header)
    for row in state.rows:
        for i, cell in enumerate(row.cells):
            # Two columns in one role (a wide table): one column after the other, not page by page.
            if len({ln.column for ln in cell if ln.column >= 0}) > 1:
                row.cells[i] = sorted(cell, key=lambda ln: (ln.column, ln.page, ln.top))
    rows = _attach_early_cells([r for r in state.rows if r.heading is not None or any(r.cells)])
    return rows, state.priorities


class _TableReader:
    """Rows, priorities and sections met so far, and the row that runs on at the next page top."""

    def __init__(self, roles: dict[int, list[int]]) -> None:
        # Column roles by number of columns (`column_roles`), for every column count of the tables.
        self.roles = roles
        self.rows: list[ReviewRow] = []
        self.priorities: list[Priority] = []
        self.priority: Priority | None = None
        self.section: str | None = None
        self.row: ReviewRow | None = None

    def _new_row(self, heading: Line | None) -> ReviewRow:
        row = ReviewRow(
            heading=heading, priority=self.priority.id if self.priority else None, section=self.section
        )
        self.rows.append(row)
        return row

    def _banner(self, line: Line, previous: tuple[str, Line] | None) -> str | None:
        """A row spanning the table: « priority », « section », or None for stray text.

        A banner line set right under the previous one, in the same size, continues its title.
        """
        if previous is not None:
            kind, above = previous
            close = line.top - above.bottom < 0.8 * above.size and abs(line.size - above.size) < 0.5
            if close and not PRIORITY_RE.match(line.text):
                if kind == "priority" and self.priority is not None:
                    self.priority.title = normalise_spaces(f"{self.priority.title} {line.text}")
                elif kind == "section" and self.section:
                    self.section = normalise_spaces(f"{self.section} {line.text}")
                    if self.priority is not None and self.priority.sections:
                        self.priority.sections[-1] = self.section
                return kind
        m = PRIORITY_RE.match(line.text)
        if m:
            self.priority = Priority(id=m.group("num"), title=normalise_spaces(m.group("rest")))
            self.priorities.append(self.priority)
            self.section = None
            return "priority"
        if is_upper_text(line.text) or line.bold:
            self.section = normalise_spaces(line.text)
            if self.priority is not None:
                self.priority.sections.append(self.section)
            return "section"
        return None

    def read_page(self, page: PageLayout, header: set[str]) -> None:
        repeated = {id(ln) for ln in column_tops(page) if fold(ln.text) in header}
        # Some producers repeat the header row above each row that starts on a page: bold repeats go too.
        repeated |= {id(ln) for ln in page.lines if ln.bold and ln.column >= 0 and fold(ln.text) in header}
        lines = [ln for ln in page.lines if id(ln) not in repeated]
        if page.table_top is not None:
            lines = [ln for ln in lines if ln.bottom > page.table_top + 1]  # above: the pages' text
        if not is_table(page):
            # A page the table did not reach (no columns found): its text goes on in the plan column.
            for line in lines:
                if self.row is None:
                    self.row = self._new_row(None)
                self.row.cells[PLAN].append(line)
            return
        # Where each row starts on this page: after a banner, or at a measure heading.
        starts: list[tuple[float, ReviewRow | None]] = [(float("-inf"), self.row)]
        previous: tuple[str, Line] | None = None
        for line in sorted((ln for ln in lines if ln.column < 0 or _is_heading(ln)), key=lambda ln: ln.top):
            if line.column < 0:
                kind = self._banner(line, previous)
                if kind is not None:
                    # Whatever follows a banner is a new row, until a measure heading opens one.
                    starts.append((line.bottom, self._new_row(None)))
                previous = (kind, line) if kind is not None else None
                continue
            previous = None
            starts.append((_row_top(page, line), self._new_row(line)))
        roles = self.roles[len(page.columns)]
        for line in lines:
            if line.column < 0 and (is_upper_text(line.text) or line.bold or PRIORITY_RE.match(line.text)):
                continue
            index = max(i for i, (y, _) in enumerate(starts) if y <= line.top + 0.1)
            row = starts[index][1]
            if row is not None:
                row.cells[roles[min(max(line.column, 0), len(roles) - 1)]].append(line)
        self.row = starts[-1][1]


def _row_top(page: PageLayout, heading: Line) -> float:
    """A row starts at the rule above its heading if there is one, else a little above the heading."""
    rules = [y for y, x0, x1 in page.hrules if heading.top - 2.5 * heading.size <= y <= heading.top + 1]
    return max(rules) if rules else heading.top - 0.5 * heading.size


def _attach_early_cells(rows: list[ReviewRow]) -> list[ReviewRow]:
    """Lines of columns 2-3 set a little above the heading of their row (top alignment) are fine;
    a headless row holding no plan text but followed by a heading row on the same page is the same
    row seen early: merge it forward."""
    out: list[ReviewRow] = []
    for row in rows:
        if (
            out
            and row.heading is not None
            and out[-1].heading is None
            and not out[-1].cells[PLAN]
            and all(ln.page == row.heading.page for col in out[-1].cells for ln in col)
        ):
            early = out.pop()
            for i in range(3):
                row.cells[i] = early.cells[i] + row.cells[i]
        out.append(row)
    return out
