"""Page margins: running headers and footers (margin lines repeated at one place page after page),
page numbers and watermarks are taken out of the text, and the running lines dropped are kept
(a review's repeated header row may be among them)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from plancompare.extract.lines import Line
from plancompare.extract.pagedata import PageData, Word
from plancompare.text.patterns import HEADING_START, PAGE_NUMBER

# The top and bottom share of a page where running headers, footers and page numbers live.
_MARGIN_SHARE = 0.13
_DIGITS = re.compile(r"\d+")


def _margin_key(line: Line, page: PageData) -> tuple[str, str, int] | None:
    """Where and what a line in the top or bottom margin says, digits masked (page numbers vary)."""
    if line.bottom <= page.height * _MARGIN_SHARE:
        zone = "top"
    elif line.top >= page.height * (1 - _MARGIN_SHARE):
        zone = "bottom"
    else:
        return None
    return zone, _DIGITS.sub("#", line.text.lower()), round(line.top / 4)


def find_running_lines(pages: list[PageData], page_lines: list[list[Line]]) -> set[tuple[str, str, int]]:
    """Margin lines repeated at the same place on enough pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, str, int]] = Counter()
    for page, lines in zip(pages, page_lines, strict=True):
        keys = {k for line in lines if (k := _margin_key(line, page)) is not None}
        # Tolerate a point or two of drift: count each key also under its neighbours' positions.
        counts.update(keys)
    need = 2 if len(pages) <= 4 else max(3, int(0.3 * len(pages)))
    repeated: set[tuple[str, str, int]] = set()
    for key, count in counts.items():
        near = (
            count + counts.get((key[0], key[1], key[2] - 1), 0) + counts.get((key[0], key[1], key[2] + 1), 0)
        )
        if near >= need:
            repeated.update({key, (key[0], key[1], key[2] - 1), (key[0], key[1], key[2] + 1)})
    return repeated


def _is_margin_noise(line: Line, page: PageData, running: set[tuple[str, str, int]]) -> bool:
    key = _margin_key(line, page)
    if key is None or HEADING_START.match(line.text):
        # A measure heading at the top of several pages repeats once digits are masked: content.
        return False
    return key in running or bool(PAGE_NUMBER.match(line.text))


def drop_margins(
    page: PageData, phrases: list[tuple[Line, list[Word]]], running: set[tuple[str, str, int]]
) -> tuple[list[Word], list[str]]:
    """The words of the page's text, and the running lines and page numbers taken out of it."""
    keep_words: list[Word] = []
    dropped: list[str] = []
    noise = {id(line) for line, _ in phrases if _is_margin_noise(line, page, running)}
    # Running lines sit at the page's edges: nothing but other running lines between them and the edge.
    content = [line for line, _ in phrases if id(line) not in noise]
    top_zone, bottom_zone = page.height * _MARGIN_SHARE, page.height * (1 - _MARGIN_SHARE)
    upper = min((ln.top for ln in content if ln.bottom <= top_zone), default=top_zone)
    lower = max((ln.bottom for ln in content if ln.top >= bottom_zone), default=bottom_zone)
    for line, ws in phrases:
        at_edge = (line.bottom <= top_zone and line.bottom <= upper + 1) or (
            line.top >= bottom_zone and line.top >= lower - 1
        )
        if at_edge and id(line) in noise:
            dropped.append(line.text)
        else:
            keep_words.extend(ws)
    return keep_words, dropped


# Type this many times the page's text size, repeated at one place page after page: a watermark
# (« PROJET », « DOCUMENT DE TRAVAIL »), which would otherwise land in the middle of the text.
_WATERMARK_SCALE = 2.0


def without_watermarks(pages: list[PageData]) -> list[PageData]:
    def median_size(page: PageData) -> float:
        sizes = sorted(w.size for w in page.words)
        return sizes[len(sizes) // 2] if sizes else 0.0

    def key(w: Word) -> tuple[str, int, int]:
        return w.text.lower(), round(w.x0 / 4), round(w.top / 4)

    # The page's median type size, computed once per page (not once per word: a page of 4,000 lines
    # took minutes).
    large = [
        {key(w) for w in p.words if w.size >= threshold}
        for p in pages
        for threshold in (_WATERMARK_SCALE * median_size(p),)
    ]
    counts = Counter(k for keys in large for k in keys)
    need = 2 if len(pages) <= 4 else max(3, int(0.3 * len(pages)))
    marks = {k for k, n in counts.items() if n >= need}
    if not marks:
        return pages
    return [
        replace(p, words=[w for w in p.words if key(w) not in marks]) if keys & marks else p
        for p, keys in zip(pages, large, strict=True)
    ]
