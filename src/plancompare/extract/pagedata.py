"""What the PDF boundary (pdf.py) gives the layout: the words of a page with their boxes, type size
and weight, and the page's size, rulings, counts and damage."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Span:
    """Text set at one place on a page: its box (points from the page's top left), type size and
    weight; a word as the PDF sets it (`Word`) or a line of words (`lines.Line`)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True)
class Word(Span):
    """A word as the PDF sets it: characters on one baseline with no space or gap between them."""


@dataclass(slots=True)
class PageData:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    vrules: list[tuple[float, float, float]] = field(default_factory=list)  # (x, top, bottom)
    hrules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    shades: list[tuple[float, float, float, float]] = field(
        default_factory=list
    )  # filled: x0, x1, top, bottom
    chars: int = 0
    images: int = 0
    undecoded: int = 0  # characters whose font has no Unicode map (pdfminer's « (cid:12) »)
    damage: str | None = None  # why the page cannot be read in full (read_pages)
    text_lost: bool = False  # the damage loses text (not only, perhaps, alters it)
