"""Footnotes: the notes at a page's foot are read apart from the text they interrupt.

Left in the flow, a note lands between the last line of a page and the first of the next: it cuts
a sentence that goes on over the page in two and reads as a paragraph of the measure (« 1 Loi
n° 2013-711 du 5 août 2013 … »). A note is told from a last paragraph in small type by its mark
(« 1 », « ¹ », « (1) », « * ») and by what confirms it: the page calls that note in its text
(« 2013¹ », see pdf.SUPERSCRIPT_DIGITS), or a short rule separates the notes from the text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.pdf import SUPERSCRIPT_DIGITS
from plancompare.extract.textclean import join_lines, normalise_spaces

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_PLAIN = str.maketrans(_SUPERSCRIPTS, "0123456789")
# A note's mark: a number (plain, superscript or in brackets) or asterisks, then its text.
# « 1. » and « 1) » open list items, not notes.
_MARK = re.compile(
    rf"^(?:(?P<sup>[{_SUPERSCRIPTS}]{{1,2}})\s*|(?P<num>\d{{1,2}})\s+|\((?P<bnum>\d{{1,2}})\)\s*|(?P<star>\*{{1,3}})\s*)"
    r"(?=[^\W\d_]|«)"
)
_CALL = re.compile(
    rf"(?<=\w)(?P<sup>[{_SUPERSCRIPTS}]{{1,2}})|\((?P<num>\d{{1,2}})\)|(?<=\w)(?P<star>\*{{1,3}})"
)
# Notes are set smaller than the text they annotate (8 or 9 points under 10-12): label lines a
# point smaller than the text are not notes.
SMALLER = 0.85
# The separator above the notes is short: a rule across the column would be a table's or a frame's.
_SEPARATOR_SHARE = 0.45


@dataclass(frozen=True)
class Note:
    mark: str | None  # « 1 », « * »: what the text calls it by
    text: str  # as printed, its number written as a superscript (« ¹ Loi n° … »)


@dataclass(frozen=True)
class PageNotes:
    """The notes of one page and the last text line before them in reading order (what they follow)."""

    page: int
    after: Line | None
    notes: list[Note]


def _mark_of(m: re.Match[str]) -> str:
    """« 1 » for « ¹ », « 1 », « (1) »; « * » for « * » (of a mark or of a call)."""
    g = m.groupdict()
    return (g["sup"] or "").translate(_TO_PLAIN) or g.get("num") or g.get("bnum") or g["star"]


def _mark(text: str) -> str | None:
    m = _MARK.match(text)
    return None if m is None else _mark_of(m)


def calls(texts: Iterable[str]) -> set[str]:
    """The note marks the texts call: « 2013¹ » calls note 1, « victimes (2) » note 2, « délit* » *."""
    return {_mark_of(m) for text in texts for m in _CALL.finditer(text)}


def _separated(page: PageLayout, floor: float, top: float, x0: float) -> bool:
    """A short rule between the text's last line and the notes, starting near the notes' left edge."""
    return any(
        floor - 2 <= y <= top + 1 and rx1 - rx0 < _SEPARATOR_SHARE * page.width and abs(rx0 - x0) < 20
        for y, rx0, rx1 in page.hrules
    )


def _notes(lines: list[Line]) -> list[Note]:
    """One text per note: a line with a mark opens a note, other lines go on with the one before.
    The mark is written as a superscript, so the note reads as a note and its number is no figure."""
    groups: list[list[str]] = []
    for line in lines:
        mark = _mark(line.text)
        if mark is not None or not groups:
            groups.append([line.text])
        else:
            groups[-1].append(line.text)
    out = []
    for group in groups:
        text = normalise_spaces(join_lines(group))
        m = _MARK.match(text)
        mark = None if m is None else _mark_of(m)
        if m is not None and mark is not None and mark[0].isdigit():
            text = f"{mark.translate(SUPERSCRIPT_DIGITS)} {text[m.end() :]}"
        out.append(Note(mark, text))
    return out


def _page_notes(page: PageLayout, lines: list[Line], body: float) -> list[Line]:
    """The lines of `lines` (one page's, in reading order) that are its footnotes."""
    small = [ln for ln in lines if ln.size <= SMALLER * body]
    if not small:
        return []
    normal = [ln for ln in lines if ln.size > SMALLER * body]
    floors = _floors(normal, small)
    below = [ln for ln, floor in zip(small, floors, strict=True) if ln.top >= floor - 1]
    if not below:
        return []
    first = min(below, key=lambda ln: (ln.top, ln.x0))
    mark = _mark(first.text)
    if mark is None:
        return []
    confirmed = (
        first.text[0] in _SUPERSCRIPTS
        or mark in calls(ln.text for ln in normal)
        or _separated(page, floors[small.index(first)], first.top, first.x0)
    )
    return below if confirmed else []


def _floors(normal: list[Line], small: list[Line]) -> list[float]:
    """For each small line, the lowest bottom among the normal lines over the same width (0 when
    there is none): a column may end higher than its neighbour's notes.

    Read in order of the small lines' right edges, the normal lines starting left of it added as
    they come, in a Fenwick tree of the greatest bottom by right edge: n log n on a page of any
    length, where comparing every pair took minutes on a page of thousands of lines."""
    ends = sorted({-n.x1 for n in normal})  # right edges, greatest first
    tree = [-math.inf] * (len(ends) + 1)
    starting = sorted(normal, key=lambda n: n.x0)
    added = 0
    out = [0.0] * len(small)
    for k in sorted(range(len(small)), key=lambda k: small[k].x1):
        line = small[k]
        while added < len(starting) and starting[added].x0 < line.x1:
            n = starting[added]
            i = bisect_left(ends, -n.x1) + 1
            while i < len(tree):
                tree[i] = max(tree[i], n.bottom)
                i += i & -i
            added += 1
        i = bisect_left(ends, -line.x0)  # normal lines ending right of its left edge
        floor = -math.inf
        while i > 0:
            floor = max(floor, tree[i])
            i -= i & -i
        out[k] = floor if floor != -math.inf else 0.0
    return out


def split_notes(
    layouts: list[PageLayout], lines: list[Line], body: float
) -> tuple[list[Line], list[PageNotes]]:
    """`lines` (the document's flow) without its footnotes, and each page's notes with the text line
    they follow. `body` is the text's type size."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    noted: set[int] = set()
    found: list[tuple[int, list[Line]]] = []
    for page in layouts:
        notes = _page_notes(page, by_page.get(page.number, []), body)
        if notes:
            noted |= {id(ln) for ln in notes}
            found.append((page.number, notes))
    if not found:
        return lines, []
    kept = [ln for ln in lines if id(ln) not in noted]
    last_on: dict[int, Line] = {ln.page: ln for ln in kept}
    pages = sorted(last_on)
    out: list[PageNotes] = []
    for number, notes in found:
        # The last text line on this page or, for a page of notes only, on the pages before it.
        i = bisect_right(pages, number)
        out.append(PageNotes(number, last_on[pages[i - 1]] if i else None, _notes(notes)))
    return kept, out
