"""A side table's caption (sidetables.py): the line right above its grid, starting at its left
edge, or the line right under it (« Tableau 2 – Places ouvertes », « Source : DREETS, 2030 »),
starting at its left edge or centred on it; either within the grid's width and set apart from any
other text on its line: a line of the text running across the table's width, or a heading above
it, is no caption. Under the table, the line must also read as one (opening on « Tableau »,
« Source »…) or be set smaller than the text beside the table: the short last line of a paragraph
going on below the table is text."""

from __future__ import annotations

import re

from plancompare.extract.pagedata import Word

Box = tuple[float, float, float, float]  # x0, x1, top, bottom

_ALIGN = 6.0  # points: a caption starts this close to the grid's left edge
_CAPTION_EMS = 1.5  # a caption is at most this many ems above or below the grid
_APART_EMS = 1.0  # other text on a caption's line stays this many ems away from it
_CAPTION_WORD = re.compile(
    r"(?:Tableau|Table|Figure|Graphique|Illustration|Sources?|Note|Lecture|Champ|Données)\b", re.IGNORECASE
)


def caption_above(words: list[Word], box: Box) -> list[Word]:
    """The line right above the grid, within its width, starting at its left edge: its caption."""
    x0, x1, top, _ = box
    above = [w for w in words if w.bottom <= top + 1 and w.x0 >= x0 - _ALIGN and w.x1 <= x1 + _ALIGN]
    if not above:
        return []
    foot = max(w.bottom for w in above)
    line = [w for w in above if w.bottom > foot - 0.3 * w.size]
    size = max(w.size for w in line)
    if top - foot > _CAPTION_EMS * size or min(w.x0 for w in line) > x0 + _ALIGN:
        return []
    return sorted(line, key=lambda w: w.x0) if _apart(words, line) else []


def caption_below(words: list[Word], box: Box) -> list[Word]:
    """The line right under the grid, within its width, starting at its left edge or centred on
    it, reading as a caption or set smaller than the text beside the table: its caption."""
    x0, x1, top, bottom = box
    below = [w for w in words if w.top >= bottom - 1 and w.x0 >= x0 - _ALIGN and w.x1 <= x1 + _ALIGN]
    if not below:
        return []
    head = min(w.top for w in below)
    line = sorted((w for w in below if w.top < head + 0.3 * w.size), key=lambda w: w.x0)
    size = max(w.size for w in line)
    left, right = line[0].x0, max(w.x1 for w in line)
    aligned = abs(left - x0) <= _ALIGN or abs((left + right) / 2 - (x0 + x1) / 2) <= _ALIGN
    if head - bottom > _CAPTION_EMS * size or not aligned or not _apart(words, line):
        return []
    beside = sorted(w.size for w in words if w.bottom > top and w.top < bottom and (w.x1 < x0 or w.x0 > x1))
    smaller = bool(beside) and size <= beside[len(beside) // 2] - 1.0
    return line if smaller or _CAPTION_WORD.match(line[0].text) else []


def _apart(words: list[Word], line: list[Word]) -> bool:
    """Is every other word on the line's baseline an em or more away from it?"""
    taken = {id(w) for w in line}
    left, right = min(w.x0 for w in line), max(w.x1 for w in line)
    foot, size = max(w.bottom for w in line), max(w.size for w in line)
    return not any(
        id(w) not in taken
        and abs(w.bottom - foot) <= 0.3 * max(w.size, size)
        and w.x1 > left - _APART_EMS * size
        and w.x0 < right + _APART_EMS * size
        for w in words
    )
