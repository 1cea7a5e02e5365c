"""The document's lines as one flow in reading order, made ready for paragraphs: tables of contents
dropped, with or without dot leaders (their entries look like headings), a heading word and its
number set on two lines joined (« MESURE » / « 12 »), headings set in a side column read before the
text beside them, and a column opening with the end of an earlier measure given back to it."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from plancompare.extract.headings import heading_like
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.text.patterns import (
    ACTION_RE,
    ANY_LABEL,
    BULLET,
    DOTTED_MEASURE_RE,
    ENDS_WITH_PAGE,
    HEADING_WORD,
    MEASURE_RE,
    NUMBER_ONLY,
    NUMBERED_SECTION_RE,
    PRIORITY_RE,
    SECTION_RE,
    STOP_RE,
    TOC_LINE,
    TOC_TITLE,
)


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text))


def drop_toc(layouts: list[PageLayout]) -> list[Line]:
    """All lines in reading order, without tables of contents: pages of dot leaders and page
    numbers, lines with dot leaders, and a « Sommaire » listing the headings without them."""
    out: list[Line] = []
    sommaire: _Sommaire | None = None  # a « Sommaire » going on from the page before
    for page in layouts:
        toc = [line for line in page.lines if is_toc_line(line.text)]
        titled = any(TOC_TITLE.match(line.text) for line in page.lines[:5])
        numbered = [line for line in page.lines if ENDS_WITH_PAGE.search(line.text)]
        if (len(toc) >= 3 and len(toc) >= 0.3 * len(page.lines)) or (titled and len(numbered) >= 3):
            # A table-of-contents page (dot leaders, or « Sommaire » with entries ending in page
            # numbers): its entries look like headings but are not. It may go on over the next page.
            sommaire = _listed_page(page, sommaire)
            continue
        kept, sommaire = _without_sommaire(page, sommaire)
        out.extend(line for line in kept if not is_toc_line(line.text))
    return out


class _Sommaire:
    """A table of contents being read: the headings it listed (« Mesure 3 », « AXE 1 »), by the
    axis they were listed under when it lists its axes (their numbering may start again in each),
    and its last entry."""

    def __init__(self) -> None:
        self.listed: set[tuple[str, ...]] = set()
        self.axis: tuple[str, ...] = ()
        self.by_axis: bool | None = None  # measures listed under axes: known at the first one
        self.last: Line | None = None

    def entry(self, line: Line) -> bool | None:
        """Whether `line` is the next entry: True, False for the text after the table (prose), None
        for a heading it listed already (the text's own: its first heading is listed above)."""
        key = _listed_key(line, self.axis if self.by_axis else ())
        if key is not None and key[0] != "axis" and self.by_axis is None:
            self.by_axis = bool(self.axis)
            key = _listed_key(line, self.axis if self.by_axis else ())
        if key is not None:
            if key in self.listed:
                return None
            self.listed.add(key)
            if key[0] == "axis":
                self.axis = key
        elif not _entry_text(line, self.last):
            return False
        self.last = line
        return True


def _without_sommaire(page: PageLayout, going_on: _Sommaire | None) -> tuple[list[Line], _Sommaire | None]:
    """The page's lines without the entries of a « Sommaire » (or « Table des matières ») that
    lists the headings without dot leaders: from its title, every line that is a heading, a short
    line (« Préambule », « Annexes ») or an entry's wrapped end, up to the first line of prose or
    the first heading it listed already (the plan itself starts). A table that fills its page to
    the foot goes on at the top of the next one. Returns the lines kept and the table still open."""
    lines = page.lines
    sommaire, start = going_on, 0
    if sommaire is None:
        title = next((i for i, line in enumerate(lines) if TOC_TITLE.match(line.text)), None)
        if title is None:
            return lines, None
        sommaire, start = _Sommaire(), title + 1
    end = start
    while end < len(lines) and (found := sommaire.entry(lines[end])):
        end += 1
    if end < len(lines):
        if found is None:
            # The plan starts at a heading listed already: an axis heading right above it on this
            # page, which a table listing only the measures did not list, is the plan's too.
            while end > start and PRIORITY_RE.match(lines[end - 1].text):
                end -= 1
        return lines[: start - (going_on is None)] + lines[end:], None
    return lines[: start - (going_on is None)], sommaire if _fills(page) else None


def _listed_page(page: PageLayout, going_on: _Sommaire | None) -> _Sommaire | None:
    """A page of a table of contents, left out whole: the headings it lists, and the table still
    open when it fills the page to its foot."""
    sommaire = going_on or _Sommaire()
    for line in page.lines:
        sommaire.entry(line)
    return sommaire if _fills(page) else None


def _fills(page: PageLayout) -> bool:
    """Text down to the page's foot: a table of contents there may go on over the next page."""
    return max((line.bottom for line in page.lines), default=0.0) >= 0.75 * page.height


def _listed_key(line: Line, axis: tuple[str, ...]) -> tuple[str, ...] | None:
    """What a heading names (« axis 1 », « measure 3 » of the axis listed last), to tell a second
    listing of it from a first; None for a line that is no heading."""
    text = line.text
    if m := PRIORITY_RE.match(text) or NUMBERED_SECTION_RE.match(text):
        return ("axis", text.split()[0].lower(), m.group("num"))
    for kind, pattern in (("measure", MEASURE_RE), ("measure", DOTTED_MEASURE_RE), ("action", ACTION_RE)):
        if m := pattern.match(text):
            return (kind, *axis, m.group("num"), (m.groupdict().get("inserted") or "").lower())
    return None


_SHORT_ENTRY_WORDS = 8


def _entry_text(line: Line, last: Line | None) -> bool:
    """A line of a table of contents that names no numbered heading: a heading it lists
    (« Préambule », « Annexe 1 – Tableau récapitulatif »), a page number's line, or the wrapped end
    of the entry above it (set right below it, opening in lower case)."""
    text = line.text
    if is_toc_line(text) or ENDS_WITH_PAGE.search(text) or SECTION_RE.match(text) or STOP_RE.match(text):
        return True
    if len(text.split()) <= _SHORT_ENTRY_WORDS and not _CLOSED.search(text):
        return True
    wraps = last is not None and line.top - last.bottom < last.height and abs(line.size - last.size) < 0.5
    return wraps and text[:1].islower()


_CLOSED = re.compile(r"[.!?…:;]\s*[»)]?$")


def continued_columns(lines: list[Line]) -> list[Line]:
    """A column (or a page) may open with the end of a measure begun earlier, set beside another
    measure that starts first in reading order: its first line continues a sentence (lower case)
    that the line before it in reading order does not (that one closed its sentence, or is a heading
    or a field), while an earlier sentence was left open right before a heading. The continuation
    belongs to the measure it continues: its lines go back after that open sentence, its fields
    (« Pilote : ») with them. After a heading left alone at a column's foot (its text set after the
    continuation), only the continuation's sentence and fields go back."""
    out = list(lines)
    i = 1
    while i < len(out):
        line, before = out[i], out[i - 1]
        if (
            (line.page, line.column) == (before.page, before.column)
            or not _continues(line)
            or _goes_on(before, line)
        ):
            i += 1
            continue
        target = _left_open(out, i)
        if target is None:
            i += 1
            continue
        end = _continuation_end(out, i)
        out[target + 1 : end] = out[i:end] + out[target + 1 : i]
        i = end
    return out


def _continues(line: Line) -> bool:
    """A line going on with a sentence begun above it: it opens in lower case (no heading, no item)."""
    text = line.text
    return (
        text[:1].islower()
        and not (line.field_row or line.table_row)
        and not heading_like(line)
        and not BULLET.match(text)
    )


def _same_style(a: Line, b: Line) -> bool:
    return a.bold == b.bold and abs(a.size - b.size) < 0.5


def _open(line: Line) -> bool:
    """A line of text whose sentence goes on after it."""
    return not (
        _CLOSED.search(line.text)
        or heading_like(line)
        or line.field_row
        or line.table_row
        or ANY_LABEL.match(line.text)
    )


def _goes_on(before: Line, line: Line) -> bool:
    """`line` continues the sentence of the line before it (the usual flow over a column break)."""
    return _open(before) and _same_style(before, line)


# How far back a sentence left open may be continued: the page before the continuation's.
_PAGES_BACK = 1


def _left_open(lines: list[Line], i: int) -> int | None:
    """The last line of text, before line `i`, whose sentence was left open by a heading right after
    it (in the style of line `i`): where the continuation goes back."""
    line = lines[i]
    for j in range(i - 2, -1, -1):
        candidate = lines[j]
        if candidate.page < line.page - _PAGES_BACK:
            return None
        if heading_like(lines[j + 1]) and _open(candidate) and _same_style(candidate, line):
            return j
    return None


def _continuation_end(lines: list[Line], i: int) -> int:
    """Where the continuation opening line `i`'s column ends: at the column's end or its next
    heading; when the heading before it stands alone (its text follows the continuation), at the
    first paragraph after the continued sentence and its fields."""
    start = lines[i]
    head = i - 1
    while head >= 0 and not heading_like(lines[head]) and lines[head].bold:
        head -= 1
    alone = head >= 0 and heading_like(lines[head])
    k, closed, fields = i, False, False
    while k < len(lines):
        line = lines[k]
        if (line.page, line.column) != (start.page, start.column) or heading_like(line):
            break
        label = bool(ANY_LABEL.match(line.text))
        opens = not line.text[:1].islower()
        if k > i and alone and opens and not label and (closed or fields):
            break
        fields = fields or label
        closed = bool(_CLOSED.search(line.text))
        k += 1
    return k


def join_split_headings(lines: list[Line]) -> list[Line]:
    """« MESURE » and a line holding only its number, right below it in the same column, read as
    one heading line (« MESURE 12 »): the title that follows stays a line of its own."""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if (
            above is not None
            and HEADING_WORD.match(above.text)
            and NUMBER_ONLY.match(line.text)
            and line.page == above.page
            and line.column == above.column
            and 0 <= line.top - above.bottom < 2 * max(above.size, line.size)
        ):
            out[-1] = replace(
                above,
                text=f"{above.text} {line.text}",
                x1=max(above.x1, line.x1),
                bottom=line.bottom,
                size=max(above.size, line.size),
            )
            continue
        out.append(line)
    return out


def side_headings(page: PageLayout) -> PageLayout:
    """A designed plan may set each measure's heading in a narrow column beside its text. Read
    column by column, every heading of the page would come before every text: each heading block
    is read before the text that starts beside it instead. A side column holds measure headings,
    is mostly bold, and holds far less text than the column to its right."""
    for c in range(len(page.columns) - 1):
        side = [ln for ln in page.lines if ln.column == c]
        beside = [ln for ln in page.lines if ln.column == c + 1]
        starts = [ln.top for ln in side if heading_like(ln)]
        if (
            not starts
            or sum(ln.bold for ln in side) < 0.8 * len(side)
            or sum(len(ln.text) for ln in side) >= 0.5 * sum(len(ln.text) for ln in beside)
        ):
            continue
        anchors = sorted(starts + [ln.top for ln in page.lines if ln.column < 0])
        return replace(page, lines=sorted(page.lines, key=partial(_beside, anchors=anchors, side=c)))
    return page


def _beside(line: Line, anchors: list[float], side: int) -> tuple[float, int, int, float]:
    """Reading order on a page with side headings: by the block (heading or spanning line) a line
    starts beside, the side column first within it."""
    if line.column < 0:
        return (line.top, 0, -1, line.top)
    anchor = max((a for a in anchors if a <= line.top + 1), default=float("-inf"))
    return (anchor, 0 if line.column == side else 1, line.column, line.top)
