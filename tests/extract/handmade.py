"""Pages built by hand for the layout tests: words set at given places (0.55 em per character),
lines of them on an A4 page."""

from __future__ import annotations

from plancompare.extract.pagedata import PageData, Word

WIDTH, HEIGHT = 595.0, 842.0


def words(text: str, x: float, top: float, size: float = 9.0, bold: bool = False) -> list[Word]:
    """One line of words starting at x, 0.55 em per character."""
    out = []
    for token in text.split():
        width = 0.55 * size * len(token)
        out.append(Word(token, x, x + width, top, top + size, size, bold))
        x += width + 0.3 * size
    return out


def page(number: int, lines: list[list[Word]]) -> PageData:
    """Page `number` holding the words of `lines`, with enough characters to count as text."""
    return PageData(
        number=number, width=WIDTH, height=HEIGHT, words=[w for line in lines for w in line], chars=500
    )
