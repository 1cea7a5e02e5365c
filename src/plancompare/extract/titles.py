"""A document's title: on its first page, the block of lines set largest (else in bold) before
the first heading, a cover's smaller line above it left out, a subtitle giving the plan's years to a
title without them kept; and the author a review's title names."""

from __future__ import annotations

import re

from plancompare.extract.headings import heading_like
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.paragraphs import body_size
from plancompare.extract.textclean import join_lines, normalise_spaces

# A review's author, when its title names it: « ... du Collectif « Ensemble contre la traite » ».
_AUTHOR = re.compile(r"\b(?:Collectif|Coalition|Plateforme|Fédération|Association|Réseau)\s+«[^»]+»")


def document_title(layouts: list[PageLayout]) -> str | None:
    """The first page's title: of the blocks of prominent lines (larger than the body text, else
    bold; a block ends at a wide vertical gap, up to a line of its type when the next line is in the
    same type), the one holding the largest type, up to four lines (a subtitle set right under the
    title stays with it). A cover often carries a smaller line
    above the title (« PREMIER MINISTRE », « RÉPUBLIQUE FRANÇAISE », a ministry): it is skipped."""
    if not layouts or not layouts[0].lines:
        return None
    lines = layouts[0].lines
    body = body_size([line for page in layouts[:5] for line in page.lines])
    picked: list[Line] = []
    for set_apart in (lambda ln: ln.size >= body + 1.5, lambda ln: ln.bold):
        blocks: list[list[Line]] = []
        for line in lines:
            if heading_like(line):
                break
            if not set_apart(line):
                blocks.append([])
                continue
            last = blocks[-1][-1] if blocks and blocks[-1] else None
            if last is None or line.top - last.bottom > _reach(last, line):
                blocks.append([line])
            else:
                blocks[-1].append(line)
        blocks = [b for b in blocks if b]
        if blocks:
            biggest = max(line.size for b in blocks for line in b)
            k = next(i for i, b in enumerate(blocks) if max(line.size for line in b) == biggest)
            picked = blocks[k][:4]
            if k and all(_YEARS.match(line.text) for line in picked):
                # « 2036-2039 » set largest under the title's words: the years close the title.
                picked = [*blocks[k - 1][:4], *picked]
            picked += period_subtitle(lines, picked[-1], body) if not _has_year(picked) else []
            break
    if not picked:
        biggest = max(line.size for line in lines)
        picked = [line for line in lines if line.size == biggest][:3]
    return normalise_spaces(join_lines(line.text for line in picked)) or None


_YEARS = re.compile(r"^\s*(?:19|20)\d\d(?:\s*[-–—/]\s*(?:19|20)\d\d)?\s*$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A plan's period closing a line: « … des êtres humains 2040-2042 », « … pour les années 2044 à 2046 ».
_ENDS_IN_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–—/]|\s(?:à|a|au)\s)\s*(?:19|20)\d\d\s*\.?$")
# How many lines a subtitle naming the plan may run to.
_SUBTITLE_LINES = 3


def _has_year(lines: list[Line]) -> bool:
    return any(_YEAR.search(line.text) for line in lines)


def period_subtitle(lines: list[Line], last: Line, body: float) -> list[Line]:
    """The subtitle that names the plan a title without years is about (« RELEVÉ DE DÉCISIONS » over
    « Séance du … — Plan national de lutte … 2040-2042 »): the lines right under the title's `last`
    one (each within reach of the one above, in the body's type or larger, no heading), up to the one
    ending in the plan's period, a few lines at most; none when no such line closes them."""
    at = next(i for i, line in enumerate(lines) if line is last)
    out: list[Line] = []
    for line in lines[at + 1 : at + 1 + _SUBTITLE_LINES]:
        if heading_like(line) or line.size < body or line.top - last.bottom > _reach(last, line):
            break
        out.append(line)
        if _ENDS_IN_PERIOD.search(join_lines(ln.text for ln in out)):
            return out
        last = line
    return []


# How far below a title's line the next one may start and still be the title, in its type size: a
# line in the same type (« 2025-2028 » set a little apart under the title's words) reaches further.
_GAP = 0.8
_SAME_TYPE_GAP = 1.0


def _reach(last: Line, line: Line) -> float:
    same_type = abs(line.size - last.size) < 0.5 and line.bold == last.bold
    return (_SAME_TYPE_GAP if same_type else _GAP) * last.size


def author_in(title: str | None) -> str | None:
    """The review's author when its title names it (« … du Collectif « Ensemble contre la traite » »)."""
    found = _AUTHOR.search(title or "")
    return found.group(0) if found else None
