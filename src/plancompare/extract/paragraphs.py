"""Lines to paragraphs. A paragraph starts at a vertical gap, a first-line indent, a bullet, a change
of size or weight, a heading, a label line after a closed sentence, or after a short line that
ends a sentence; it goes on over a column or page break unless the last line closed a sentence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from plancompare.extract.headings import heading_like
from plancompare.extract.lines import Line
from plancompare.extract.textclean import join_lines, normalise_spaces
from plancompare.text.patterns import ANY_LABEL, BULLET, ENUMERATED

_ENDS_SENTENCE = re.compile(r"[.!?:;»)…]$")
_ITEM_BEFORE = re.compile(r"[.!?:;»)…]\s*$")
_CLOSES = re.compile(r"[.!?…]\s*[»)]?$")


@dataclass(slots=True)
class Para:
    lines: list[Line]
    text: str = ""

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def last_page(self) -> int:
        return self.lines[-1].page

    @property
    def bold(self) -> bool:
        return self.lines[0].bold


def starts_with_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def _listed(text: str) -> bool:
    """A list item's first line (a bullet, a dash, or « 1. » / « a) »), or a field's (« Qui : … »):
    lines indented below it are its hanging indent, no new paragraph."""
    return bool(BULLET.match(text) or ENUMERATED.match(text) or ANY_LABEL.match(text))


def body_size(lines: list[Line]) -> float:
    sizes = sorted(line.size for line in lines)
    return sizes[len(sizes) // 2] if sizes else 10.0


def paragraphs(lines: list[Line], body: float | None = None) -> list[Para]:
    """Group a flow of lines (reading order, possibly across columns and pages) into paragraphs."""
    if not lines:
        return []
    size = body or body_size(lines)
    # Normal line spacing and the right edge of each column, per page and column.
    gaps: dict[tuple[int, int], list[float]] = {}
    left: dict[tuple[int, int], float] = {}
    right: dict[tuple[int, int], float] = {}
    for a, b in pairwise(lines):
        if a.page == b.page and a.column == b.column and 0 <= b.top - a.bottom < 3 * size:
            gaps.setdefault((a.page, a.column), []).append(b.top - a.bottom)
    for line in lines:
        key = (line.page, line.column)
        left[key] = min(left.get(key, line.x0), line.x0)
        right[key] = max(right.get(key, line.x1), line.x1)
    all_gaps = sorted(g for v in gaps.values() for g in v)
    default_gap = all_gaps[len(all_gaps) // 4] if all_gaps else 0.2 * size

    normal_gaps: dict[tuple[int, int], float] = {}  # each column's, computed once (not once a line)

    def normal_gap(key: tuple[int, int]) -> float:
        if key not in normal_gaps:
            values = sorted(gaps.get(key, []))
            normal_gaps[key] = values[len(values) // 4] if len(values) >= 4 else default_gap
        return normal_gaps[key]

    result: list[Para] = []
    current: list[Line] = []
    for line in lines:
        if current and _breaks(current, line, size, normal_gap, left, right):
            result.append(Para(current))
            current = []
        current.append(line)
    if current:
        result.append(Para(current))
    for para in result:
        para.text = join_lines(line.text for line in para.lines)
    return result


def _breaks(
    current: list[Line],
    b: Line,
    size: float,
    normal_gap: Callable[[tuple[int, int]], float],
    left: dict[tuple[int, int], float],
    right: dict[tuple[int, int], float],
) -> bool:
    """Does line `b` open a new paragraph after the lines of `current`?"""
    a = current[-1]
    key = (b.page, b.column)
    if heading_like(b) or b.field_row or a.field_row or a.boxed != b.boxed or a.table_row or b.table_row:
        return True
    if starts_with_bullet(b.text):
        # A dash opening a line in mid-sentence is an incise (« la traite — sexuelle, ... »), not an item.
        incise = (
            b.text[0] in "-–—" and not _ITEM_BEFORE.search(a.text) and not starts_with_bullet(current[0].text)
        )
        if not incise:
            return True
    # A run-in heading's line ends in regular weight: the regular text below goes on with it; and a
    # line opening in bold under a bold one carries on its bold run (a run-in heading wrapping).
    a_bold = a.bold and not a.lead
    b_bold = b.bold or (a_bold and bool(b.lead) and not ANY_LABEL.match(b.text))
    if abs(a.size - b.size) >= 0.4 or (a_bold != b_bold and (a_bold or b_bold)):
        return True
    col_width = max(right.get(key, b.x1) - left.get(key, b.x0), 1.0)
    short = a.x1 < right.get((a.page, a.column), a.x1) - 0.3 * col_width
    if a.page != b.page or a.column != b.column:
        # A paragraph goes on in the next column or page unless the last line closed it and the
        # next one opens a sentence.
        return bool(_CLOSES.search(a.text)) and (b.text[:1].isupper() or b.text[:1].isdigit())
    gap = b.top - a.bottom
    # Leading grows with the type: a heading in large type wraps with wider gaps than the body's.
    leading = normal_gap(key) * max(1.0, min(a.size, b.size) / size)
    if gap > leading + max(1.0, 0.2 * min(a.size, b.size)) or gap < -0.5 * size:
        return True
    if ANY_LABEL.match(b.text) and _ENDS_SENTENCE.search(a.text):
        return True  # « Pilote : … » set right under the text it closes
    col_left = left.get(key, b.x0)
    indent = 0.8 * b.size
    if ENUMERATED.match(b.text) and (_ITEM_BEFORE.search(a.text) or ENUMERATED.match(current[0].text)):
        return True  # « 2. La qualité ... » after a closed sentence or another numbered item
    if b.x0 - col_left > indent and a.x0 - col_left < indent / 2 and not _listed(a.text):
        # A first-line indent (not the hanging indent of a list item's continuation lines).
        first = current[0]
        if not (_listed(first.text) and b.x0 >= first.x0):
            return True
    # A short line that ends a sentence, then a capital: a paragraph without spacing.
    return bool(
        short and _ENDS_SENTENCE.search(a.text) and b.text[:1].isupper() and a.x1 - a.x0 < 0.6 * col_width
    )


def paragraph_text(lines: list[Line]) -> str:
    """The lines' paragraphs, spaces normalised, a blank line between two."""
    return "\n\n".join(normalise_spaces(p.text) for p in paragraphs(lines) if p.text.strip()) if lines else ""
