"""A measure's fields set as a small table without rules, its cells shown only by their alignment:
a header row of field labels (« Pilote », « Partenaires », « Calendrier », each in a cell of its
own), each label's value under it; or a column of labels, each value beside its label (« Pilote »
| « préfecture », a label often centred beside a value of two lines, or wrapped in its cell).

Read with the page, the table's gutters would make the page's columns (cutting the text around it)
and its cells be read one column after the other, as text. Read apart, each label is one « Pilote :
value » line, as fieldblocks.py reads labels set over their values. Only known labels make such a
table, two of them at least, each with a value set at a place of its own (under the header's cell,
starting level with it or centred on it; or beside the labels, all values starting level), and no
value is prose (sentences after sentences): two columns of text, a list set with tab stops or a table
of figures is no such table. Its ruled twin is read here too when its grid holds nothing else (its
rules then go with it: they make none of the page's columns); a ruled table holding more is left to
the readers of rules (fieldtable.py, tableplan.py, sidetables.py)."""

from __future__ import annotations

import math
import re

from plancompare.extract.fieldblocks import FieldBlock
from plancompare.extract.headings import heading_like
from plancompare.extract.lines import Line, field_line, line_from_words, same_baseline
from plancompare.extract.pagedata import PageData, Word
from plancompare.extract.rulegrids import ruled_grids, without_rules
from plancompare.extract.textclean import is_upper_text, join_lines, normalise_spaces
from plancompare.text.patterns import LABEL_CELL

# Cells are parted by a gap of an em or more (a word space is a third of one); a label has a few words.
_CELL_GAP_EMS = 1.0
_LABEL_WORDS = 5
# A value starts within this many points of its label's start, or is centred on it as closely.
_ALIGN = 3.0
# The lines of a table follow each other closely: the next starts within this many ems of the last.
_ROW_GAP_EMS = 1.5
# What is left between two columns once their values are in: some space, more than a word space.
_GUTTER_EMS = 0.5
# A value is a name, a date, a short list; longer, or a sentence followed by another, it is prose.
_VALUE_WORDS = 40
_NEXT_SENTENCE = re.compile(r"[.!?…]\s+[A-ZÀ-ÖØ-Þ]")

Phrase = list[Word]
# A table found: its labels (a label's words, over one line or more), each one's value lines top to
# bottom, and the row after the table.
Grid = tuple[list[Phrase], list[list[Phrase]], int]
Box = tuple[float, float, float, float]  # x0, x1, top, bottom


def field_grids(page: PageData, words: list[Word]) -> tuple[PageData, list[Word], list[FieldBlock]]:
    """The page without the rules of the fields tables read here, its words without theirs, and
    the tables, each as a block of « label : value » lines, top to bottom."""
    rows = [_phrases(row) for row in same_baseline(words)]
    blocks: list[FieldBlock] = []
    taken: set[int] = set()
    grids: list[Box] | None = None  # the page's ruled grids, found when a table is ruled
    ruled: list[Box] = []
    i = 0
    while i < len(rows):
        header = _is_header(rows[i])
        found = _header_table(rows, i) if header else _label_column(rows, i)
        if found is None or not _fields(found) or _overlaps(found, taken):
            i += 1
            continue
        if _ruled(page, found):
            if not header:  # a ruled column of labels: fieldtable.py reads it between its rules
                i += 1
                continue
            grids = grids if grids is not None else [(x[0], x[-1], y[0], y[-1]) for x, y in ruled_grids(page)]
            box = _own_grid(grids, found, words)
            if box is None:
                i += 1
                continue
            ruled.append(box)
        labels, values, end = found
        taken.update(id(w) for w in _words(found))
        blocks.append(FieldBlock(_field_lines(labels, values, page.number)))
        i = end
    if not blocks:
        return page, words, []
    return without_rules(page, ruled), [w for w in words if id(w) not in taken], blocks


def _phrases(row: list[Word]) -> list[Phrase]:
    """A baseline left to right, cut where a gap of an em or more parts two cells."""
    row = sorted(row, key=lambda w: w.x0)
    out: list[Phrase] = [[row[0]]]
    for w in row[1:]:
        if w.x0 - out[-1][-1].x1 >= _CELL_GAP_EMS * max(w.size, out[-1][-1].size):
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _text(phrase: Phrase) -> str:
    return normalise_spaces(" ".join(w.text for w in phrase)).rstrip(" :")


def _is_label(phrase: Phrase) -> bool:
    return len(phrase) <= _LABEL_WORDS and bool(LABEL_CELL.fullmatch(_text(phrase)))


def _is_header(row: list[Phrase]) -> bool:
    """Two cells or more on a line, each a known field label alone (« Pilote », « Calendrier »)."""
    return len(row) >= 2 and all(_is_label(p) for p in row)


def _top(phrases: list[Phrase]) -> float:
    return min(w.top for p in phrases for w in p)


def _bottom(phrases: list[Phrase]) -> float:
    return max(w.bottom for p in phrases for w in p)


def _close(above: list[Phrase], below: list[Phrase]) -> bool:
    """Does `below` follow `above` as a table's lines follow each other, closely?"""
    return _top(below) - _bottom(above) <= _ROW_GAP_EMS * max(w.size for p in below for w in p)


def _heading(row: list[Phrase]) -> bool:
    """A heading (« Mesure 2 – … ») set close under a table is none of its cells."""
    return heading_like(line_from_words([w for p in row for w in p], 0))


def _words(grid: Grid) -> list[Word]:
    labels, values, _ = grid
    return [w for phrase in (*labels, *(p for col in values for p in col)) for w in phrase]


def _overlaps(grid: Grid, taken: set[int]) -> bool:
    """Does the table hold words of one read already (a column of labels found from below it)?"""
    return any(id(w) in taken for w in _words(grid))


def _fields(grid: Grid) -> bool:
    """Two labels or more with a value (a label left empty is left out), none of the values prose."""
    labels, values, _ = grid
    if len(labels) < 2 or sum(1 for v in values if v) < 2:
        return False
    for lines in values:
        text = " ".join(w.text for p in lines for w in p)
        if len(text.split()) > _VALUE_WORDS or _NEXT_SENTENCE.search(text):
            return False
    return True


def _header_table(rows: list[list[Phrase]], i: int) -> Grid | None:
    """The table headed by row `i`: the rows below it, close to each other, whose every phrase sits
    under one of its cells, some space left between the columns."""
    header = rows[i]
    columns: list[list[Phrase]] = [[] for _ in header]
    end = i + 1
    for row in rows[i + 1 :]:
        if not _close(rows[end - 1], row) or _is_header(row) or _heading(row):
            break
        cells = [_under(header, p) for p in row]
        if any(c is None for c in cells) or len(set(cells)) < len(cells):
            break
        placed = [list(col) for col in columns]
        for phrase, c in zip(row, cells, strict=True):
            assert c is not None
            placed[c].append(phrase)
        if not _apart(header, placed):
            break
        columns, end = placed, end + 1
    return header, columns, end


def _under(header: list[Phrase], phrase: Phrase) -> int | None:
    """The header cell the phrase sits under: starting level with it (cells aligned left), or
    centred on it (cells centred)."""
    x0, x1 = phrase[0].x0, phrase[-1].x1
    for c, cell in enumerate(header):
        if abs(x0 - cell[0].x0) <= _ALIGN or abs((x0 + x1) / 2 - (cell[0].x0 + cell[-1].x1) / 2) <= _ALIGN:
            return c
    return None


def _apart(header: list[Phrase], columns: list[list[Phrase]]) -> bool:
    """Does each column, header and values, end some space before the next one starts?"""
    for c in range(len(header) - 1):
        left = max(p[-1].x1 for p in (header[c], *columns[c]))
        right = min(p[0].x0 for p in (header[c + 1], *columns[c + 1]))
        if right - left < _GUTTER_EMS * max(w.size for w in header[c + 1]):
            return False
    return True


# A line of a column of labels: part of a label (the whole label, or one line of it wrapped in its
# cell) with, if any, the value beside it; or a value line alone (None, value).
Entry = tuple[Phrase | None, Phrase | None]


def _label_column(rows: list[list[Phrase]], i: int) -> Grid | None:
    """The table whose column of labels opens at row `i` (a label, or its first words), its values
    right of the labels, all starting level with each other; the value lines above a label alone
    may be its own (a label centred beside its value)."""
    first = rows[i][0]
    if len(rows[i]) > 2 or len(first) > _LABEL_WORDS or not LABEL_CELL.match(_text(first)):
        return None
    start = i
    while len(rows[i]) == 1 and start and _close(rows[start - 1], rows[start]):
        if not _value_line(rows[start - 1], first):
            break
        start -= 1
    entries: list[Entry] = []
    value_x: float | None = None
    label: Phrase = []  # the words of the label being read
    opened = 0  # the entry where it began
    for k in range(start, len(rows)):
        row = rows[k]
        if (k > start and not _close(rows[k - 1], row)) or _heading(row):
            break
        if len(row) == 2 and value_x is not None and row[1][0].x0 < value_x - _ALIGN:
            row = [row[0] + row[1]]  # a label's line justified in its cell: its words spread out
        if _value_line(row, first):
            entry: Entry = (None, row[0])
        elif len(row) <= 2 and abs(row[0][0].x0 - first[0].x0) <= _ALIGN and len(row[0]) <= _LABEL_WORDS:
            entry = (row[0], row[1] if len(row) == 2 else None)
            whole = bool(label) and LABEL_CELL.fullmatch(_text(label)) is not None
            if whole or not label:  # a new label, which must open with a known one's words
                if not LABEL_CELL.match(_text(row[0])):
                    break
                label, opened = [], len(entries)
            label = label + row[0]
        else:
            break
        value = entry[1]
        if value is not None and value_x is not None and abs(value[0].x0 - value_x) > _ALIGN:
            break
        value_x = value[0].x0 if value is not None and value_x is None else value_x
        entries.append(entry)
    if label and not LABEL_CELL.fullmatch(_text(label)):
        entries = entries[:opened]  # a label left unfinished: the table ends above it
    found = _owners(entries)
    return (found[0], found[1], start + len(entries)) if found is not None else None


def _value_line(row: list[Phrase], label: Phrase) -> bool:
    """A phrase alone on its line, starting right of the label, more than an em away."""
    return len(row) == 1 and row[0][0].x0 - label[-1].x1 >= _CELL_GAP_EMS * label[-1].size


def _owners(entries: list[Entry]) -> tuple[list[Phrase], list[list[Phrase]]] | None:
    """The labels (a label's parts joined: « Calendrier de » over « mise en œuvre ») and each one's
    value lines: a line alone goes to the label being read, else to the nearer of the label above
    (whose value it goes on) and the next one if that stands alone on its line (its value centred
    on it). None when a label is left unfinished (its words make no known label)."""
    labels: list[Phrase] = []
    values: list[list[Phrase]] = []
    open_label = False  # the last label's words make no known label yet
    pending: list[Phrase] = []  # value lines going to the label below them
    for t, (part, value) in enumerate(entries):
        if part is not None:
            if open_label:
                labels[-1] = labels[-1] + part
            else:
                labels.append(list(part))
                values.append(pending)
                pending = []
            if value is not None:
                values[-1].append(value)
            open_label = not LABEL_CELL.fullmatch(_text(labels[-1]))
            if open_label and len(labels[-1]) > _LABEL_WORDS:
                return None
            continue
        assert value is not None
        if open_label:
            values[-1].append(value)
            continue
        nxt = next(((p, v) for p, v in entries[t + 1 :] if p is not None), None)
        to_next = _top([nxt[0]]) - _bottom([value]) if nxt is not None and nxt[1] is None else math.inf
        to_last = _top([value]) - _bottom([(values[-1] or [labels[-1]])[-1]]) if labels else math.inf
        if pending or to_next < to_last:
            pending.append(value)
        elif labels:
            values[-1].append(value)
        else:
            return None
    if open_label or pending:
        return None
    return labels, values


def _ruled(page: PageData, grid: Grid) -> bool:
    """Is a rule drawn across the table (between two of its lines or two of its columns)?"""
    words = _words(grid)
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    return any(top < y < bottom and a < x1 and b > x0 for y, a, b in page.hrules) or any(
        x0 < x < x1 and a < bottom and b > top for x, a, b in page.vrules
    )


def _own_grid(grids: list[Box], grid: Grid, words: list[Word]) -> Box | None:
    """The ruled grid holding the table's words and no other: its rules are the table's (a ruled
    table holding more, a table of measures or a review's, is left to the rules readers)."""
    mine = {id(w) for w in _words(grid)}

    def within(w: Word, box: Box) -> bool:
        return box[0] <= (w.x0 + w.x1) / 2 <= box[1] and box[2] <= (w.top + w.bottom) / 2 <= box[3]

    for box in grids:
        inside = {id(w) for w in words if within(w, box)}
        if mine <= inside and inside <= mine:
            return box
    return None


def _field_lines(labels: list[Phrase], values_of: list[list[Phrase]], page: int) -> list[Line]:
    """« Label : value » for each label holding a value, in the table's order; a label in capitals
    is written as in prose (« Pilote »)."""
    out = []
    for label, values in zip(labels, values_of, strict=True):
        if not values:
            continue
        name = _text(label)
        if is_upper_text(name, 1):
            name = name[0] + name[1:].lower()
        lines = [line_from_words(list(p), page) for p in (label, *values)]
        out.append(field_line(f"{name} : {join_lines(line.text for line in lines[1:])}", lines, page))
    return out
