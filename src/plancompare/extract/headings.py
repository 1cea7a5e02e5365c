"""Headings: which lines head a measure or an axis. A plan heads its measures one way (« Mesure 12 »,
« Mesure 1.2 », « Action 12 », « Action 1.2 », or a bare « 12. » in bold or large type) and its axes
another (« AXE 2 », « PRIORITÉ II », or a bare roman « II. »): each is found once from the
paragraphs' first lines, then read on every line."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from plancompare.extract.lines import Line
from plancompare.extract.numbering import counts_up
from plancompare.text.patterns import (
    ACTION_MEASURE_RE,
    ACTION_RE,
    BARE_NUMBER_RE,
    DOTTED_ACTION_RE,
    DOTTED_MEASURE_RE,
    MEASURE_RE,
    NUMERO,
    NUMERO_MEASURE_RE,
    PRIORITY_RE,
    ROMAN_HEADING_RE,
    SECTION_RE,
)

Heading = re.Match[str] | None


def heading_like(line: Line) -> bool:
    """A line that can open a heading: one of the numbered heading patterns."""
    text = line.text
    return bool(
        MEASURE_RE.match(text)
        or PRIORITY_RE.match(text)
        or ACTION_RE.match(text)
        or DOTTED_MEASURE_RE.match(text)
    )


def prominent(line: Line, body: float) -> bool:
    """Set apart as a heading is: in bold, or in type a point or more larger than the text's."""
    return line.bold or line.size >= body + 1.0


def measure_headings(firsts: list[Line], body: float, group: str | None = None) -> Callable[[Line], Heading]:
    """How this plan heads its measures, tried in this order: « Mesure 12 », « Mesure 1.2 »,
    « Action 12 » (no « Mesure » anywhere), « Action 1.2 », and last « 12. Former … » in bold or
    large type. Numbers within axes are read at their most frequent depth (« 1.2 » are measures,
    « 1.2.3 » below them stay in their text). `firsts`: the first lines of the plan's paragraphs;
    `group`: the word heading the groups of measures (group_word), whose headings are no measure's."""
    if group is not None:
        firsts = [line for line in firsts if _word_of(line) != group]
        inner = measure_headings(firsts, body)
        return lambda line: None if _word_of(line) == group else inner(line)
    for pattern in (MEASURE_RE, DOTTED_MEASURE_RE, ACTION_MEASURE_RE, DOTTED_ACTION_RE):
        found = [m for m in (pattern.match(line.text) for line in firsts) if m]
        if not found:
            continue
        depths = Counter(m.group("num").count(".") for m in found)
        depth = min(depths, key=lambda d: (-depths[d], d))

        def heading(line: Line, pattern: re.Pattern[str] = pattern, depth: int = depth) -> Heading:
            m = pattern.match(line.text)
            return m if m and m.group("num").count(".") == depth else None

        return heading

    for number_pattern in (NUMERO_MEASURE_RE, BARE_NUMBER_RE):

        def bare(line: Line, pattern: re.Pattern[str] = number_pattern) -> Heading:
            return pattern.match(line.text) if prominent(line, body) else None

        if counts_up([int(m.group("num")) for m in map(bare, firsts) if m]):
            return bare
    return lambda line: MEASURE_RE.match(line.text)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def priority_headings(firsts: list[Line], body: float, group: str | None = None) -> Callable[[Line], Heading]:
    """How this plan heads its axes: « AXE 2 », « PRIORITÉ II »; in a plan with none, the headings of
    its word for a group of measures (`group`, see group_word: « Engagement 2 – » over « Mesure N »),
    else headings of a roman numeral alone (« II. PROTÉGER ») in bold or large type, counting I, II,
    III … `firsts`: the first lines of the plan's paragraphs."""
    if any(PRIORITY_RE.match(line.text) for line in firsts):
        return lambda line: PRIORITY_RE.match(line.text)
    if group is not None:
        return lambda line: (
            _WORD_HEADING.match(line.text) if _word_of(line) == group and prominent(line, body) else None
        )

    def roman(line: Line) -> Heading:
        return ROMAN_HEADING_RE.match(line.text) if prominent(line, body) else None

    found = [m.group("num") for m in map(roman, firsts) if m]
    if len(found) >= 2 and [_roman(n) for n in found] == list(range(1, len(found) + 1)):
        return roman
    return lambda line: None


# « Engagement 2 – Protéger », « CHANTIER III : », « Objectif n° 4. »: a heading word, its number, a
# separator and the title, the heading's word as group `kind` (an axis heading's groups).
_WORD_HEADING = re.compile(
    rf"^(?P<kind>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{{2,}}|[A-ZÀ-ÖØ-Þ]{{3,}})\s+(?:{NUMERO}\s*)?"
    r"(?P<num>\d{1,2}|[IVX]{1,4})(?:\s*[:–—\-.]\s*|\s*$)(?P<rest>.*)$"
)


def _word_of(line: Line) -> str | None:
    """The heading word opening the line (« engagement » for « Engagement 2 – … »), folded."""
    m = _WORD_HEADING.match(line.text)
    return m.group("kind").casefold() if m else None


def group_word(firsts: list[Line], body: float) -> str | None:
    """The word a plan without « Axe » or « Priorité » heads its groups of measures with, when it is
    not the measures' own: « Engagement 1 – … » over « Mesure 1 » … « Mesure 6 », « Engagement 2 – »
    over « Mesure 7 » …, whatever the word (Engagement, Chantier, Volet …). A word is a group's when its
    bold or large headings, each followed by measure headings, count 1, 2, 3 … while the measures under
    them count on (its headings in a row, a listing of the groups, count for nothing). Words read
    otherwise already (sections, actions) are left to their reading."""
    if any(PRIORITY_RE.match(line.text) for line in firsts):
        return None
    heads = [
        (word, m.group("num"))
        for line in firsts
        if (m := _WORD_HEADING.match(line.text))
        and prominent(line, body)
        and (word := m.group("kind").casefold())
        and not (SECTION_RE.match(line.text) or ACTION_RE.match(line.text))
    ]
    words = [word for word, _ in Counter(word for word, _ in heads).most_common()]
    return next((w for w in words for m in words if w != m and _groups(heads, w, m)), None)


def _groups(heads: list[tuple[str, str]], word: str, measure: str) -> bool:
    """`word`'s headings each open a run of `measure` headings, numbered 1, 2, 3 … (roman or not),
    and the measures count up through them."""
    order = [(w, n) for w, n in heads if w in (word, measure)]
    groups: list[str] = []
    measures: list[int] = []
    for i, (w, n) in enumerate(order):
        if w == word and i + 1 < len(order) and order[i + 1][0] == measure:
            groups.append(n)
        elif w == measure and groups and n.isdigit():
            measures.append(int(n))
    numbers = [int(n) if n.isdigit() else _roman(n) for n in groups]
    return (
        len(numbers) >= 2
        and numbers == list(range(1, len(numbers) + 1))
        and len(measures) > len(numbers)
        and counts_up(measures)
    )


def review_heading(text: str) -> re.Match[str] | None:
    """A review row's measure heading: « MESURE N° 12 : », or « MESURE 1.2 : » when the plan reviewed
    numbers its measures within its axes."""
    return MEASURE_RE.match(text) or DOTTED_MEASURE_RE.match(text)
