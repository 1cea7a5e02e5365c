"""Plans drafted as one table of measures (« N° | Mesure | Pilote | Échéance »), read row by row.

A draft circulated for consultation is often no prose plan but a table: a row per measure, its
number alone in the first column, its title (often in bold) and text in a wide column, then the
pilot and the deadline; axis banners span the table. With no « Mesure 5 » heading anywhere, the
plan reader finds nothing; this one reads the rows. A row is the band between two horizontal rules
(the number is often centred in its cell, not at its top); without rules, a row runs from its
number down to the next. The columns' roles come from the header row's words.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from plancompare.extract.drafts import sentence_title
from plancompare.extract.fields import parse_responsibilities
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.numbering import counts_up, unique_numbers
from plancompare.extract.paragraphs import body_size, paragraphs
from plancompare.extract.textclean import is_upper_text, normalise_spaces
from plancompare.models import Measure, Priority
from plancompare.text.normalise import fold
from plancompare.text.patterns import NUMBER_CELL, PRIORITY_RE

_TEXT_HEAD = re.compile(r"mesure|engagement|intitul|action|descri|libell|contenu|objet", re.IGNORECASE)
_ROLE_HEAD = re.compile(r"pilot|responsab|porteur|mise en (?:œ|oe)uvre|partenaire|acteur", re.IGNORECASE)
_CALENDAR_HEAD = re.compile(r"[ée]ch[ée]an|calendrier|d[ée]lai|date|horizon", re.IGNORECASE)
_PRIORITY_HEAD = re.compile(r"^(?:axe|priorit)", re.IGNORECASE)
_INDICATOR_HEAD = re.compile(r"indicat", re.IGNORECASE)


def segment_table_plan(layouts: list[PageLayout]) -> tuple[list[Priority], list[Measure], list[str]] | None:
    """Priorities, measures and warnings of a plan that is a table of measures, or None."""
    tables = [p for p in layouts if len(p.columns) >= 2]
    numbers = [
        (page, ln) for page in tables for ln in page.lines if ln.column >= 0 and NUMBER_CELL.match(ln.text)
    ]
    if not numbers:
        return _unnumbered(tables)
    by_column = Counter(ln.column for _, ln in numbers)
    num_col = min(by_column, key=lambda c: (-by_column[c], c))
    numbers = [(page, ln) for page, ln in numbers if ln.column == num_col]
    if not counts_up([_number(ln) for _, ln in numbers]):
        return None
    first_page = numbers[0][0]
    first_row = _bands(first_page, [ln for p, ln in numbers if p is first_page])[0]
    above: dict[int, list[str]] = {}
    for ln in sorted(first_page.lines, key=lambda ln: ln.top):
        if ln.column >= 0 and ln.bottom <= first_row.top + 1 and _in_table(first_page, ln):
            above.setdefault(ln.column, []).append(ln.text)
    header = {col: normalise_spaces(" ".join(texts)) for col, texts in above.items()}
    roles = _roles(header, first_page, num_col)
    if "text" not in roles.values():
        return None
    repeated = {fold(text) for texts in above.values() for text in texts}
    priorities: list[Priority] = []
    priority: Priority | None = None
    rows: list[_Row] = []
    for page in tables:
        bands = _bands(page, [ln for p, ln in numbers if p is page])
        first_top = min((b.top for b in bands), default=float("inf"))
        # Above the page's first row: the header row, repeated, or a row going on from the last page.
        lines = [
            ln
            for ln in page.lines
            if _in_table(page, ln) and not (ln.top < first_top and fold(ln.text) in repeated)
        ]
        for line in sorted(lines, key=lambda ln: ln.top):
            if line.column < 0:
                m = PRIORITY_RE.match(line.text)
                if m:
                    priority = Priority(id=m.group("num"), title=normalise_spaces(m.group("rest")))
                    priorities.append(priority)
                continue
            band = next((b for b in bands if b.top - 1 <= line.top and line.bottom <= b.bottom + 1), None)
            if band is not None:
                if not rows or rows[-1].anchor is not band.number:
                    rows.append(_Row(_number(band.number), band.number, priority.id if priority else None))
                rows[-1].lines.append(line)
            elif rows and line.top < first_top:
                rows[-1].lines.append(line)  # the row goes on at the top of this page
    measures = [_measure(row, roles) for row in rows]
    if not measures:
        return None
    measures, warnings = unique_numbers(measures)
    names = ", ".join(header[c] for c in sorted(header))
    return priorities, measures, [f"measures read from the rows of a table (columns: {names})", *warnings]


@dataclass
class _Band:
    top: float
    bottom: float
    number: Line


@dataclass
class _Row:
    number: int
    anchor: object  # what opened the row (its number's line, or its band): a row is one anchor's
    priority: str | None
    lines: list[Line] = field(default_factory=list)


def _number(line: Line) -> int:
    m = NUMBER_CELL.match(line.text)
    assert m is not None
    return int(m.group("num"))


def _in_table(page: PageLayout, line: Line) -> bool:
    return page.table_top is None or line.bottom > page.table_top + 1


def _roles(header: dict[int, str], page: PageLayout, num_col: int) -> dict[int, str]:
    """column → « text », « calendar », « indicators », « priority » or a role label (« Pilote »),
    from the header;
    without a header word for it, the widest column holds the text."""
    roles: dict[int, str] = {}
    for col, text in header.items():
        if col == num_col:
            continue
        if _CALENDAR_HEAD.search(text):
            roles[col] = "calendar"
        elif _INDICATOR_HEAD.search(text):
            roles[col] = "indicators"
        elif _ROLE_HEAD.search(text):
            roles[col] = text.rstrip(" :")
        elif _PRIORITY_HEAD.search(text):
            roles[col] = "priority"
        elif _TEXT_HEAD.search(text) and "text" not in roles.values():
            roles[col] = "text"
    if "text" not in roles.values():
        widths = {
            c: min(b, page.width) - max(a, 0.0)
            for c, (a, b) in enumerate(page.columns)
            if c != num_col and c not in roles
        }
        if widths:
            roles[max(widths, key=lambda c: (widths[c], -c))] = "text"
    return roles


def _bands(page: PageLayout, number_lines: list[Line]) -> list[_Band]:
    """Each row starting on the page: between the horizontal rules around its number, else from
    its number down to the next one."""
    rules = sorted({round(y, 1) for y, _, _ in page.hrules})
    out: list[_Band] = []
    ordered = sorted(number_lines, key=lambda ln: ln.top)
    for i, line in enumerate(ordered):
        above = [y for y in rules if y <= line.top + 0.5]
        below = [y for y in rules if y >= line.bottom - 0.5]
        if above and below:
            out.append(_Band(above[-1], below[0], line))
        else:
            bottom = ordered[i + 1].top - 0.5 if i + 1 < len(ordered) else float("inf")
            out.append(_Band(line.top - 0.5, bottom, line))
    return out


def _cell_text(lines: list[Line]) -> str:
    return normalise_spaces(" ".join(ln.text for ln in sorted(lines, key=lambda ln: (ln.page, ln.top))))


def _measure(row: _Row, roles: dict[int, str]) -> Measure:
    cells: dict[str, list[Line]] = {}
    for line in row.lines:
        role = roles.get(line.column)
        if role is not None:
            cells.setdefault(role, []).append(line)
    text_lines = sorted(cells.pop("text", []), key=lambda ln: (ln.page, ln.top))
    paras = [p for p in paragraphs(text_lines, body_size(text_lines)) if p.text.strip()] if text_lines else []
    body = [normalise_spaces(p.text) for p in paras]
    title = ""
    if len(paras) > 1 and (paras[0].bold or is_upper_text(paras[0].text)):
        title, body = body[0], body[1:]  # a title set apart above the text
    elif body:
        title = sentence_title(body[0])
    texts = {role: _cell_text(lines) for role, lines in cells.items()}
    calendar = texts.pop("calendar", None)
    indicators = texts.pop("indicators", None)
    priority = row.priority
    if prio := texts.pop("priority", None):
        m = PRIORITY_RE.match(prio)
        priority = m.group("num") if m else prio.split()[0]
    responsible = parse_responsibilities(
        " • ".join(f"{role} : {text}" for role, text in texts.items() if text)
    )
    pages = [ln.page for ln in row.lines]
    return Measure(
        number=row.number,
        title=title,
        priority=priority,
        responsible=responsible,
        calendar=calendar or None,
        indicators=indicators or None,
        text="\n\n".join(body),
        first_page=min(pages),
        last_page=max(pages),
    )


# --- tables that number no row ------------------------------------------------------------------


def _cuts(page: PageLayout) -> list[float]:
    """The heights of the table's horizontal rules on a page (cell borders), top to bottom."""
    top = page.table_top if page.table_top is not None else 0.0
    return sorted({round(y, 1) for y, _, _ in page.hrules if y >= top - 1})


def _unnumbered(tables: list[PageLayout]) -> tuple[list[Priority], list[Measure], list[str]] | None:
    """A ruled table of measures whose rows carry no number (« Mesure | Pilote | Échéance »): a
    row is the band between two rules; the header must name the measures' column and a pilot's or
    a deadline's, so that no other table is taken for one. Numbered 1 to N in document order."""
    ruled = [p for p in tables if p.ruled and len(_cuts(p)) >= 3]
    if not ruled:
        return None
    first = ruled[0]
    header = _ruled_header(first)
    roles = _roles(header, first, -1)
    named = [c for c, text in header.items() if _TEXT_HEAD.search(text) and roles.get(c) == "text"]
    if not named or not any(r != "text" and r != "priority" for r in roles.values()):
        return None
    priorities, rows = _ruled_rows(ruled, roles, {fold(text) for text in header.values()})
    measures = [_measure(row, roles) for row in rows]
    if len(measures) < 2:
        return None
    names = ", ".join(header[c] for c in sorted(header))
    return (
        priorities,
        measures,
        [
            f"measures read from the rows of a table (columns: {names}); its rows carry no number: "
            f"measures are numbered 1 to {len(measures)} in document order"
        ],
    )


def _ruled_header(first: PageLayout) -> dict[int, str]:
    """column → header text: the first band between two rules with text in two columns or more."""
    header: dict[int, str] = {}
    for a, b in itertools.pairwise(_cuts(first)):
        cells = [ln for ln in first.lines if ln.column >= 0 and a - 1 <= ln.top and ln.bottom <= b + 1]
        if len({ln.column for ln in cells}) >= 2:
            for ln in sorted(cells, key=lambda ln: ln.top):
                header[ln.column] = normalise_spaces(f"{header.get(ln.column, '')} {ln.text}")
            break
    return header


def _ruled_rows(
    ruled: list[PageLayout], roles: dict[int, str], repeated: set[str]
) -> tuple[list[Priority], list[_Row]]:
    """The priorities the table's banners open, and its rows: the bands between rules holding text
    in the measures' column; a band at a page's top goes on with the row before. `repeated`: the
    header row's folded texts, dropped where the header comes back."""
    priorities: list[Priority] = []
    priority: Priority | None = None
    rows: list[_Row] = []
    for page in ruled:
        for band in itertools.pairwise([float("-inf"), *_cuts(page), float("inf")]):
            lines = sorted(
                (
                    ln
                    for ln in page.lines
                    if _in_table(page, ln) and band[0] - 1 <= ln.top and ln.bottom <= band[1] + 1
                ),
                key=lambda ln: ln.top,
            )
            if not lines or all(fold(ln.text) in repeated for ln in lines):
                continue
            banners = [ln for ln in lines if ln.column < 0]
            if banners:
                m = PRIORITY_RE.match(banners[0].text)
                if m:
                    priority = Priority(id=m.group("num"), title=normalise_spaces(m.group("rest")))
                    priorities.append(priority)
                continue
            if band[0] == float("-inf") and rows:
                rows[-1].lines += lines  # a row going on from the previous page
            elif any(roles.get(ln.column) == "text" for ln in lines):
                rows.append(_Row(len(rows) + 1, band, priority.id if priority else None, lines))
    return priorities, rows
