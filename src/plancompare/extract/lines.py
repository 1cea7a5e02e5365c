"""Words to lines: the words on one baseline, left to right, make a line of text with its box, type
size and weight; a field label set in a cell of its own gets its colon back, and the bold words
opening a line are kept apart (a run-in heading). `Line` is what every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass

from plancompare.extract.pdf import PageData, Span, Word
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
