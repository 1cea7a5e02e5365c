"""Page margins: running headers and footers (margin lines repeated at one place page after page),
headers naming the part a page is in (a slide's kicker « Axe 2 · Protéger », changing with the
axis), page numbers and watermarks are taken out of the text, and the running lines dropped are
kept (a review's repeated header row may be among them). A number set as the next line of the text
above it (a field's value wrapped at the foot of the page) is that text's, no page number."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from plancompare.extract.lines import Line
from plancompare.extract.pagedata import PageData, Word
from plancompare.text.patterns import HEADING_START, PAGE_NUMBER

# The top and bottom share of a page where running headers, footers and page numbers live.
_MARGIN_SHARE = 0.13
_DIGITS = re.compile(r"\d+")
Key = tuple[str, str, int]  # zone, text (lower case), place (a quarter of its top)


def _margin_key(line: Line, page: PageData, masked: bool = True) -> Key | None:
    """Where and what a line in the top or bottom margin says, digits masked (page numbers vary)
    unless `masked` is False."""
    if line.bottom <= page.height * _MARGIN_SHARE:
        zone = "top"
    elif line.top >= page.height * (1 - _MARGIN_SHARE):
        zone = "bottom"
    else:
        return None
    text = line.text.lower()
    return zone, _DIGITS.sub("#", text) if masked else text, round(line.top / 4)


# Where a part's header sits: zone, place (a quarter of its top), the edge it is aligned on and
# that edge's x (a quarter of it).
Slot = tuple[str, int, str, int]


@dataclass(frozen=True, slots=True)
class RunningLines:
    """The margin lines that are page furniture: `masked`, repeated at one place on many pages once
    their digits are masked (a running header, « Page 3 »); `parts`, part headers: lines repeated
    word for word at a place where the words change from part to part (« Axe 1 · Prévenir » over
    the slides of axis 1, « Axe 2 · Protéger » over those of axis 2), each too rare alone."""

    masked: set[Key] = field(default_factory=set)
    parts: set[tuple[Slot, str]] = field(default_factory=set)


def find_running_lines(pages: list[PageData], page_lines: list[list[Line]]) -> RunningLines:
    """Margin lines repeated at the same place on enough pages: running headers and footers."""
    if len(pages) < 2:
        return RunningLines()
    counts: Counter[Key] = Counter()
    placed: Counter[tuple[Slot, str]] = Counter()
    for page, lines in zip(pages, page_lines, strict=True):
        keys = {k for line in lines if (k := _margin_key(line, page)) is not None}
        counts.update(keys)
        placed.update({k for line in lines for k in _slot_keys(line, page)})
    need = 2 if len(pages) <= 4 else max(3, int(0.3 * len(pages)))
    repeated: set[Key] = set()
    for key in counts:
        # Tolerate a point or two of drift: count each key also under its neighbours' positions.
        near = counts[key] + sum(counts.get((key[0], key[1], key[2] + d), 0) for d in (-1, 1))
        if near >= need:
            repeated.update({(key[0], key[1], key[2] + d) for d in (-1, 0, 1)})
    return RunningLines(repeated, _part_headers(placed, need))


def _slot_keys(line: Line, page: PageData) -> list[tuple[Slot, str]]:
    """The line's text at each of its slots (by its left edge, its right edge, its centre)."""
    key = _margin_key(line, page, masked=False)
    if key is None:
        return []
    zone, text, place = key
    edges = (("left", line.x0), ("right", line.x1), ("centre", (line.x0 + line.x1) / 2))
    return [((zone, place, edge, round(x / 4)), text) for edge, x in edges]


def _part_headers(placed: Counter[tuple[Slot, str]], need: int) -> set[tuple[Slot, str]]:
    """Lines repeated word for word at a slot holding two such texts or more, on `need` pages
    together: a header that changes with the part. A table's header row repeated on every page puts
    one text at each slot, and is left to the other rules."""

    def near(slot: Slot, text: str) -> int:
        zone, place, edge, x = slot
        return sum(placed.get(((zone, place + d, edge, x), text), 0) for d in (-1, 0, 1))

    repeated = [(slot, text) for slot, text in placed if near(slot, text) >= 2]
    texts: dict[Slot, set[str]] = {}
    pages: Counter[Slot] = Counter()
    for slot, text in repeated:
        texts.setdefault(slot, set()).add(text)
        pages[slot] += placed[slot, text]
    parts: set[tuple[Slot, str]] = set()
    for slot, text in repeated:
        if len(texts[slot]) >= 2 and pages[slot] >= need:
            zone, place, edge, x = slot
            parts.update(((zone, place + d, edge, x + e), text) for d in (-1, 0, 1) for e in (-1, 0, 1))
    return parts


def _is_margin_noise(line: Line, page: PageData, running: RunningLines, lines: list[Line]) -> bool:
    key = _margin_key(line, page)
    if key is None:
        return False
    if any(k in running.parts for k in _slot_keys(line, page)):
        return True  # the same words at the same place page after page: no heading, though it may read as one
    if HEADING_START.match(line.text):
        # A measure heading at the top of several pages repeats once digits are masked: content.
        return False
    if key in running.masked:
        return True
    return bool(PAGE_NUMBER.match(line.text)) and not _continues_text(line, lines)


# A line continues the one above it when it starts at its left edge (within this many points), in
# its type, at most this many times its type size below it: the next line of the same paragraph.
_ALIGNED = 1.0
_LINE_GAP = 0.8


def _continues_text(line: Line, lines: list[Line]) -> bool:
    """A number set as the next line of a line of text (« … · Échéance : » over « 2040 », a field's
    value wrapped in its panel at the foot of the page): the text's own, not a page number."""
    for above in lines:
        if above is line or PAGE_NUMBER.match(above.text):
            continue
        gap = line.top - above.bottom
        if (
            -1.0 <= gap <= _LINE_GAP * above.size
            and abs(line.x0 - above.x0) <= _ALIGNED
            and abs(line.size - above.size) < 0.5
        ):
            return True
    return False


def drop_margins(
    page: PageData, phrases: list[tuple[Line, list[Word]]], running: RunningLines
) -> tuple[list[Word], list[str]]:
    """The words of the page's text, and the running lines and page numbers taken out of it."""
    keep_words: list[Word] = []
    dropped: list[str] = []
    lines = [line for line, _ in phrases]
    noise = {id(line) for line in lines if _is_margin_noise(line, page, running, lines)}
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
