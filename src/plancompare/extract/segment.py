"""Lines to paragraphs, and a plan's paragraphs to priorities, sections and measures.

Paragraphs start at a vertical gap, a first-line indent, a bullet, a change of font, a label
line after a closed sentence, or after a short line that ends a sentence. Headings are recognised
on a paragraph's first line: « MESURE N° 5 : », « Mesure 5 – », « Action 3.2 », « PRIORITE II »,
« AXE 4 – » (in a plan with no « Mesure » heading, « Action n° 4 : » opens a measure; « MESURE »
above a line holding only « 12 » reads as « MESURE 12 »); the labels « Mise en œuvre : »,
« Pilotes : », « Instrument : », « Calendrier : » fill the measure's fields.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import pairwise
from typing import TypeVar

from plancompare.extract.fields import parse_responsibilities
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.notes import PageNotes, calls, split_notes
from plancompare.extract.textclean import is_upper_text, join_lines, normalise_spaces
from plancompare.models import Measure, Priority
from plancompare.text.patterns import (
    ACTION_MEASURE_RE,
    ACTION_RE,
    ANY_LABEL,
    BARE_NUMBER_RE,
    BULLET,
    DOTTED_ACTION_RE,
    DOTTED_MEASURE_RE,
    ENDS_WITH_PAGE,
    ENUMERATED,
    HEADING_WORD,
    MEASURE_RE,
    NUMBER_ONLY,
    NUMBERED_SECTION_RE,
    PRIORITY_RE,
    ROMAN_HEADING_RE,
    SECTION_RE,
    STOP_RE,
    TOC_LINE,
    TOC_TITLE,
)

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
    """A list item's first line: a bullet, a dash, or « 1. » / « a) »."""
    return bool(BULLET.match(text) or ENUMERATED.match(text))


def heading_like(line: Line) -> bool:
    """A line that can open a heading: one of the numbered heading patterns."""
    text = line.text
    return bool(
        MEASURE_RE.match(text)
        or PRIORITY_RE.match(text)
        or ACTION_RE.match(text)
        or DOTTED_MEASURE_RE.match(text)
    )


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

    def normal_gap(key: tuple[int, int]) -> float:
        values = sorted(gaps.get(key, []))
        return values[len(values) // 4] if len(values) >= 4 else default_gap

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
    if heading_like(b) or b.field_row or a.field_row:
        return True
    if starts_with_bullet(b.text):
        # A dash opening a line in mid-sentence is an incise (« la traite — sexuelle, ... »), not an item.
        incise = (
            b.text[0] in "-–—" and not _ITEM_BEFORE.search(a.text) and not starts_with_bullet(current[0].text)
        )
        if not incise:
            return True
    # A run-in heading's line ends in regular weight: the regular text below goes on with it.
    a_bold = a.bold and not a.lead
    if abs(a.size - b.size) >= 0.4 or (a_bold != b.bold and (a_bold or b.bold)):
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


# --- plan ---------------------------------------------------------------------------------------


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text))


def drop_toc(layouts: list[PageLayout]) -> list[Line]:
    """All lines in reading order, without tables of contents (dot leaders and page numbers)."""
    out: list[Line] = []
    for page in layouts:
        toc = [line for line in page.lines if is_toc_line(line.text)]
        if len(toc) >= 3 and len(toc) >= 0.3 * len(page.lines):
            continue  # a table-of-contents page: its entries look like headings but are not
        if any(TOC_TITLE.match(line.text) for line in page.lines[:5]):
            numbered = [line for line in page.lines if ENDS_WITH_PAGE.search(line.text)]
            if len(numbered) >= 3:
                continue  # « Sommaire » with entries ending in page numbers (no dot leaders)
        out.extend(line for line in page.lines if not is_toc_line(line.text))
    return out


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


@dataclass
class _Draft:
    number: int
    label: str | None
    title_lines: list[str]
    priority: str | None
    section: str | None
    action: str | None
    first_page: int
    last_page: int
    body: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    instrument: list[str] = field(default_factory=list)
    calendar: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnotes, after the text

    @property
    def key(self) -> str:
        """The number as printed: what a listing of the measures repeats."""
        return self.label or str(self.number)


def _title_parts(para: Para, rest: str) -> tuple[list[str], list[Line]]:
    """The heading's title (its rest plus continuation lines in the heading's style) and the leftover."""
    head = para.lines[0]
    if head.lead and head.text.startswith(head.lead) and rest:
        # A run-in heading (« Mesure 4 – Former les agents. » in bold, then the text in regular
        # weight on the same line): the title is the bold part, the text starts after it.
        after = head.text[len(head.lead) :].strip()
        title = rest[: len(rest) - len(after)].strip(" .") if rest.endswith(after) else ""
        if title and after:
            return [title], [replace(head, text=after, bold=False, lead=""), *para.lines[1:]]
    parts = [rest] if rest else []
    leftover: list[Line] = []
    upper = is_upper_text(rest) if rest else None
    for i, line in enumerate(para.lines[1:], start=1):
        text = line.text
        same_style = line.bold == head.bold and abs(line.size - head.size) < 0.5
        if ANY_LABEL.match(text) or not same_style or len(" ".join(parts)) > 300:
            leftover = para.lines[i:]
            break
        if upper is None:
            upper = is_upper_text(text)
        elif upper and not is_upper_text(text, minimum_letters=1):
            leftover = para.lines[i:]
            break
        parts.append(text)
    return parts, leftover


def _split_labels(text: str) -> list[tuple[str, str]]:
    """« Mise en œuvre : A • Instrument : B » → [(« Mise en œuvre », « A »), (« Instrument », « B »)]."""
    matches = list(ANY_LABEL.finditer(text))
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[m.end() : end].strip().strip("•·;").strip()
        out.append((m.group("label"), value))
    return out


def _label_kind(label: str) -> str:
    low = label.lower()
    if low.startswith(("instrument", "outil")):
        return "instrument"
    if low.startswith(("calendrier", "échéan", "echéan", "echean", "délai", "delai")):
        return "calendar"
    return "role"


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


def segment_plan(layouts: list[PageLayout]) -> tuple[list[Priority], list[Measure], list[str]]:
    """Priorities (with sections) and measures of a plan, plus warnings."""
    lines = join_split_headings(drop_toc([side_headings(p) for p in layouts]))
    lines, page_notes = split_notes(layouts, lines, body_size(lines))
    paras = paragraphs(lines)
    notes_after = {id(n.after): n for n in page_notes if n.after is not None}
    open_at_notes: dict[int, _Draft] = {}  # page → the measure open where its text ends
    priorities: list[Priority] = []
    drafts: list[_Draft] = []
    warnings: list[str] = []
    current: _Draft | None = None
    priority: Priority | None = None
    section: str | None = None
    action: str | None = None
    stopped = False
    pending_label: str | None = None  # « Pilotes : » alone, its value in the next paragraph
    priority_title_open = False

    measure_heading = _measure_headings(paras, body_size(lines))
    priority_heading = _priority_headings(paras, body_size(lines))

    def next_is_measure(i: int) -> bool:
        return i + 1 < len(paras) and measure_heading(paras[i + 1].first) is not None

    def take_notes(para: Para) -> None:
        if current is not None:
            for line in para.lines:
                if id(line) in notes_after:
                    open_at_notes[notes_after[id(line)].page] = current

    for i, para in enumerate(paras):
        if i and notes_after:
            take_notes(paras[i - 1])
        text = para.text
        first = para.first.text
        if m := priority_heading(para.first):
            title_parts, _ = _title_parts(para, m.group("rest").strip())
            priority = Priority(id=m.group("num"), title=normalise_spaces(" ".join(title_parts)))
            priorities.append(priority)
            priority_title_open = not title_parts
            current, section, action, stopped, pending_label = None, None, None, False, None
            continue
        if m := measure_heading(para.first):
            title_parts, leftover = _title_parts(para, m.group("rest").strip())
            inserted = m.groupdict().get("inserted")
            printed = f"{m.group('num')} {inserted.lower()}" if inserted else m.group("num")
            current = _Draft(
                number=int(printed) if printed.isdigit() else 0,
                label=None if printed.isdigit() else printed,
                title_lines=title_parts,
                priority=priority.id if priority else None,
                section=section,
                action=action,
                first_page=para.page,
                last_page=para.last_page,
            )
            drafts.append(current)
            stopped, pending_label, priority_title_open = False, None, False
            if leftover:
                _add_body(current, Para(leftover, join_lines(x.text for x in leftover)), None)
            continue
        if priority_title_open and priority is not None and (is_upper_text(text) or para.bold):
            priority.title = normalise_spaces(text)
            priority_title_open = False
            continue
        priority_title_open = False
        if m := ACTION_RE.match(first):
            label = normalise_spaces(text) if len(text) < 200 else normalise_spaces(first)
            inside = current is not None and m.group("num").startswith(f"{current.key}.")
            if inside and current is not None:
                current.action = current.action or label
                current.body.append(text)
                current.last_page = para.last_page
            else:
                action = label
                current = None
            continue
        if STOP_RE.match(first) and (is_upper_text(first) or para.bold):
            current, stopped = None, True
            continue
        is_section = SECTION_RE.match(first) or (
            next_is_measure(i)
            and (is_upper_text(text) or para.bold)
            and len(text) < 250
            and not ANY_LABEL.match(text)
        )
        if is_section and not (current is not None and not current.title_lines):
            section = normalise_spaces(text)
            action = None
            if priority is not None and section not in priority.sections:
                priority.sections.append(section)
            current = None
            continue
        if current is None or stopped:
            continue
        pending_label = _add_body(current, para, pending_label)
    if paras and notes_after:
        take_notes(paras[-1])
    _place_notes(page_notes, drafts, open_at_notes)
    measures, labelled = _numbered([_finish(d) for d in _drop_listings(drafts)])
    measures, numbering = _unique_numbers(measures)
    if not priorities:
        priorities, measures = _sections_as_priorities(measures)
    return priorities, measures, warnings + labelled + numbering


Heading = re.Match[str] | None


def prominent(line: Line, body: float) -> bool:
    """Set apart as a heading is: in bold, or in type a point or more larger than the text's."""
    return line.bold or line.size >= body + 1.0


def _measure_headings(paras: list[Para], body: float) -> Callable[[Line], Heading]:
    """How this plan heads its measures, tried in this order: « Mesure 12 », « Mesure 1.2 »,
    « Action 12 » (no « Mesure » anywhere), « Action 1.2 », and last « 12. Former … » in bold or
    large type. Numbers within axes are read at their most frequent depth (« 1.2 » are measures,
    « 1.2.3 » below them stay in their text)."""
    firsts = [p.first.text for p in paras]
    for pattern in (MEASURE_RE, DOTTED_MEASURE_RE, ACTION_MEASURE_RE, DOTTED_ACTION_RE):
        found = [m for m in map(pattern.match, firsts) if m]
        if not found:
            continue
        depths = Counter(m.group("num").count(".") for m in found)
        depth = min(depths, key=lambda d: (-depths[d], d))

        def heading(line: Line, pattern: re.Pattern[str] = pattern, depth: int = depth) -> Heading:
            m = pattern.match(line.text)
            return m if m and m.group("num").count(".") == depth else None

        return heading

    def bare(line: Line) -> Heading:
        return BARE_NUMBER_RE.match(line.text) if prominent(line, body) else None

    if _counts_up([int(m.group("num")) for m in map(bare, (p.first for p in paras)) if m]):
        return bare
    return lambda line: MEASURE_RE.match(line.text)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _priority_headings(paras: list[Para], body: float) -> Callable[[Line], Heading]:
    """How this plan heads its axes: « AXE 2 », « PRIORITÉ II »; in a plan with none, headings of a
    roman numeral alone (« II. PROTÉGER ») in bold or large type, counting I, II, III …"""
    if any(PRIORITY_RE.match(p.first.text) for p in paras):
        return lambda line: PRIORITY_RE.match(line.text)

    def roman(line: Line) -> Heading:
        return ROMAN_HEADING_RE.match(line.text) if prominent(line, body) else None

    found = [m.group("num") for m in map(roman, (p.first for p in paras)) if m]
    if len(found) >= 2 and [_roman(n) for n in found] == list(range(1, len(found) + 1)):
        return roman
    return lambda line: None


def _counts_up(numbers: list[int]) -> bool:
    """Headings numbered 1, 2, 3 … (starting again at 1 in each axis, at most one slip in five):
    measures, not a bold numbered list here and there."""
    if len(numbers) < 2 or numbers[0] != 1:
        return False
    steps = sum(1 for a, b in pairwise(numbers) if b in (a + 1, 1))
    return steps >= 0.8 * (len(numbers) - 1)


M = TypeVar("M", bound=Measure)


TITLE_WORDS = 16


def sentence_title(text: str) -> str:
    """A title for a measure printed without one: its text's first sentence, at most 16 words."""
    sentence = re.split(r"(?<=[.!?:])\s", normalise_spaces(text), maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]).rstrip(" :.,") + (" …" if len(words) > TITLE_WORDS else "")


def _numbered(measures: list[M]) -> tuple[list[M], list[str]]:
    """Measures printed « 1.1, 1.2, 2.1 … », or a « 12 bis » among 1 … N, keep what is printed as
    their label and are numbered 1 to N in document order (the JSON's `number` is a whole number,
    the key of labels files and links)."""
    if not any(m.label for m in measures):
        return measures, []
    numbered = [
        m.model_copy(update={"number": n, "label": m.label or str(m.number)})
        for n, m in enumerate(measures, start=1)
    ]
    first, last = numbered[0], numbered[-1]
    if not any("." in (m.label or "") for m in numbered):
        inserted = ", ".join(f"« {m.label} »" for m in numbered if not (m.label or "").isdigit())
        return numbered, [
            f"measure(s) {inserted} inserted between whole numbers: reports show the printed numbers; in "
            f"the JSON they are each measure's `label`, and `number` its place, 1 to {last.number}"
        ]
    return numbered, [
        f"measures are numbered within their axes (« {first.label} » … « {last.label} »): reports show "
        f"these; in the JSON they are each measure's `label`, and `number` its place, 1 to {last.number}"
    ]


def _unique_numbers(measures: list[Measure]) -> tuple[list[Measure], list[str]]:
    """Measure numbers are keys (labels, decisions, reports): a plan that starts its numbering again
    in each priority (« Axe 2 – Mesure 1 ») gets its measures numbered in document order, and says so."""
    numbers = [m.number for m in measures]
    if len(set(numbers)) == len(numbers):
        return measures, []
    restarts = [i for i in range(1, len(measures)) if measures[i].number <= measures[i - 1].number]
    if all(measures[i].priority != measures[i - 1].priority for i in restarts):
        renumbered = [m.model_copy(update={"number": n}) for n, m in enumerate(measures, start=1)]
        examples = ", ".join(
            f"« Mesure {measures[i].number} » of priority {measures[i].priority} is measure {i + 1}"
            for i in restarts[:2]
        )
        return renumbered, [
            f"measure numbers start again in each priority: measures are numbered 1 to {len(measures)} "
            f"in document order ({examples})"
        ]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    return measures, [
        f"measure number(s) {', '.join(map(str, repeated))} appear more than once: labels, decisions and "
        "reports that name them are ambiguous"
    ]


def _sections_as_priorities(measures: list[Measure]) -> tuple[list[Priority], list[Measure]]:
    """A plan with no axis heading whose measures all sit under numbered « Objectif 2 : … » (or
    « Partie II – ») headings: those are its priorities, as reports group by priority."""
    found = [NUMBERED_SECTION_RE.match(m.section or "") for m in measures]
    if not measures or not all(found):
        return [], measures
    priorities: dict[str, Priority] = {}
    for m in found:
        assert m is not None
        title = m.group("rest").strip() or m.group(0)
        if priorities.setdefault(m.group("num"), Priority(id=m.group("num"), title=title)).title != title:
            return [], measures  # one number, two headings: numbering that starts again
    return list(priorities.values()), [
        measure.model_copy(update={"priority": m.group("num"), "section": None})
        for measure, m in zip(measures, found, strict=True)
        if m is not None
    ]


def _place_notes(page_notes: list[PageNotes], drafts: list[_Draft], open_at: dict[int, _Draft]) -> None:
    """Each footnote after the text of the measure that calls it on its page, else of the measure
    open where the page's text ends (a note on a page of introduction belongs to no measure)."""
    for page in page_notes:
        on_page = [d for d in drafts if d.first_page <= page.page <= d.last_page]
        for note in page.notes:
            owner = next((d for d in on_page if note.mark in calls(d.body)), open_at.get(page.page))
            if owner is not None:
                owner.notes.append(note.text)


def _drop_listings(drafts: list[_Draft]) -> list[_Draft]:
    """A number met twice: an empty first occurrence was a listing (summary table, index), not the measure."""
    later: dict[str, int] = {}
    for i, d in enumerate(drafts):
        later[d.key] = i
    return [
        d
        for i, d in enumerate(drafts)
        if later[d.key] == i or d.body or d.roles or d.instrument or d.calendar
    ]


def _add_body(draft: _Draft, para: Para, pending_label: str | None) -> str | None:
    """Put a paragraph of a measure where it belongs; returns a label still waiting for its value."""
    text = para.text
    draft.last_page = max(draft.last_page, para.last_page)
    if pending_label is not None:
        _put_label(draft, pending_label, text)
        return None
    first = para.first.text
    if not draft.title_lines and not ANY_LABEL.match(first):
        # « MESURE 5 » alone on its line: the title is the next paragraph.
        draft.title_lines.append(text)
        return None
    if ANY_LABEL.match(first.lstrip("•-–· ")):
        parts = _split_labels(text.lstrip("•-–· "))
        for label, value in parts:
            if value:
                _put_label(draft, label, value)
        if parts and not parts[-1][1]:
            return parts[-1][0]
        return None
    draft.body.append(text)
    return None


def _put_label(draft: _Draft, label: str, value: str) -> None:
    kind = _label_kind(label)
    if kind == "instrument":
        draft.instrument.append(value)
    elif kind == "calendar":
        draft.calendar.append(value)
    else:
        draft.roles.append(f"{label} : {value}")


def _finish(draft: _Draft) -> Measure:
    responsible = parse_responsibilities(" • ".join(draft.roles)) if draft.roles else []
    return Measure(
        number=draft.number,
        label=draft.label,
        title=normalise_spaces(" ".join(draft.title_lines)).strip(" :–-"),
        priority=draft.priority,
        section=draft.section,
        action=draft.action,
        responsible=responsible,
        instrument=normalise_spaces(" ".join(draft.instrument)) or None,
        calendar=normalise_spaces(" ".join(draft.calendar)) or None,
        text="\n\n".join(normalise_spaces(t) for t in [*draft.body, *draft.notes] if t.strip()),
        first_page=draft.first_page,
        last_page=draft.last_page,
    )


def document_title(layouts: list[PageLayout]) -> str | None:
    """The first page's title: of the blocks of prominent lines (larger than the body text, else
    bold; a block ends at a wide vertical gap), the one holding the largest type, up to four lines
    (a subtitle set right under the title stays with it). A cover often carries a smaller line
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
            if last is None or line.top - last.bottom > 0.8 * last.size:
                blocks.append([line])
            else:
                blocks[-1].append(line)
        blocks = [b for b in blocks if b]
        if blocks:
            biggest = max(line.size for b in blocks for line in b)
            picked = next(b for b in blocks if max(line.size for line in b) == biggest)[:4]
            break
    if not picked:
        biggest = max(line.size for line in lines)
        picked = [line for line in lines if line.size == biggest][:3]
    return normalise_spaces(join_lines(line.text for line in picked)) or None
