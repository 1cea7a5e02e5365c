"""Reviews: the three-column table (plan text / observations / proposals), page after page.

Each measure is a table row: column 1 opens with its heading (« MESURE N° 5 : ... »), column 2
holds the reviewer's observations, column 3 the proposals. Rows run over page breaks (the
cells go on at the top of the next page), the header row is repeated on every page (dropped:
cell lines repeated on many pages), and priority banners and section headings are rows spanning
the table. The pages before the table hold general demands (« • ... » paragraphs).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from plancompare.extract.drafts import MeasureDraft, add_body, finish, sentence_title, title_parts
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.numbering import numbered
from plancompare.extract.paragraphs import Para, body_size, paragraphs, starts_with_bullet
from plancompare.extract.textclean import is_upper_text, join_lines, normalise_spaces
from plancompare.extract.titles import document_title
from plancompare.models import Priority, Proposal, Review, ReviewMeasure
from plancompare.text.normalise import fold, is_ask, sentences
from plancompare.text.patterns import (
    DOTTED_MEASURE_RE,
    ENUMERATOR,
    LABEL_START,
    MEASURE_RE,
    PRIORITY_RE,
    SUB_ITEM,
)

_OPEN_END = re.compile(r"[^.!?…»)]$")
# Connectives that lean on the sentence before (« now », « moreover », « to do so »): the paragraph
# they open supports the same demand. « En revanche », « Enfin », « Par ailleurs » open a new point.
_CONTINUING = re.compile(
    r"^(?:Or|De plus|En outre|Pour ce faire|Pour cela|À cet effet|A cet effet|Dès lors),\s"
)
# A review's author, when its title names it: « ... du Collectif « Ensemble contre la traite » ».
_AUTHOR = re.compile(r"\b(?:Collectif|Coalition|Plateforme|Fédération|Association|Réseau)\s+«[^»]+»")
# A short paragraph that only leads into what follows (« Cependant, », « En outre : »).
_LEAD_IN = re.compile(r"^.{1,40}[,:]$")


def author_in(title: str | None) -> str | None:
    """The review's author when its title names it (« … du Collectif « Ensemble contre la traite » »)."""
    found = _AUTHOR.search(title or "")
    return found.group(0) if found else None


def heading_match(text: str) -> re.Match[str] | None:
    """A review row's measure heading: « MESURE N° 12 : », or « MESURE 1.2 : » when the plan reviewed
    numbers its measures within its axes."""
    return MEASURE_RE.match(text) or DOTTED_MEASURE_RE.match(text)


def _key(printed: str) -> tuple[int, ...]:
    return tuple(int(part) for part in printed.split("."))


def is_table(page: PageLayout) -> bool:
    """Three columns or more, or two between table rules (« Texte du plan | Constats et
    propositions »): a plan's text runs in two columns without rules."""
    return len(page.columns) >= 3 or (page.ruled and len(page.columns) == 2)


def table_pages(layouts: list[PageLayout]) -> list[PageLayout]:
    return [p for p in layouts if is_table(p)]


def looks_like_review(layouts: list[PageLayout]) -> bool:
    """A three-column table over much of the document (a plan has one or two text columns), whose
    measure headings are in the table: a plan with a summary table in annex has them outside."""
    tables = table_pages(layouts)
    text_pages = [p for p in layouts if p.lines]
    if not tables:
        return False
    inside = sum(1 for p in tables for ln in p.lines if ln.column == 0 and heading_match(ln.text))
    outside = sum(1 for p in layouts if not is_table(p) for ln in p.lines if heading_match(ln.text))
    if outside > inside or not inside:
        return False  # a review's rows are measures: their headings are in the table
    if all(len(p.columns) == 2 for p in tables) and not _reviewer_header(tables[0]):
        return False  # « Mesure | Description »: a plan set as a table
    # Mostly table pages, or a table whose header row comes back page after page.
    return len(tables) >= 0.4 * len(text_pages) or (len(tables) >= 3 and bool(_header_keys(tables)))


_REVIEWER_WORDS = re.compile(
    r"\b(?:constat|observation|proposition|recommandation|commentaire|analyse|avis|demande|appreciation"
    r"|bilan|comment|finding|proposal|recommendation)s?\b"
)


def _reviewer_header(page: PageLayout) -> bool:
    """The second column's header names the reviewer's findings or proposals (« Constats et
    propositions du Collectif »), as a two-column review's does and a plan's table does not. A
    header repeated at the top of every page was dropped as a running line: those count too."""
    tops = [ln.text for ln in _column_tops(page) if ln.column == 1]
    return any(_REVIEWER_WORDS.search(fold(text)) for text in [*tops, *page.dropped])


def _column_tops(page: PageLayout, depth: int = 3) -> list[Line]:
    """The first lines of each column on a page: where a repeated header row sits."""
    seen: dict[int, int] = {}
    tops = []
    for line in sorted(page.lines, key=lambda ln: ln.top):
        in_table = page.table_top is None or line.bottom > page.table_top + 1
        if line.column >= 0 and in_table and seen.get(line.column, 0) < depth:
            seen[line.column] = seen.get(line.column, 0) + 1
            tops.append(line)
    return tops


def _header_keys(tables: list[PageLayout]) -> set[str]:
    """Lines at the top of the columns, repeated on many table pages: the repeated header row.

    Where the header sits in the top margin, the layout already dropped it as a running line on
    most pages; the page where the table starts lower still shows it, so dropped lines count too.
    """
    counts: Counter[str] = Counter()
    for page in tables:
        counts.update({fold(ln.text) for ln in _column_tops(page)} | {fold(t) for t in page.dropped})
    need = max(2, int(0.4 * len(tables))) if len(tables) >= 2 else 99
    return {key for key, n in counts.items() if n >= need}


# Roles of a review table's columns: the plan's text, the reviewer's observations, the proposals.
PLAN, OBSERVATIONS, PROPOSALS = 0, 1, 2


def column_roles(tables: list[PageLayout]) -> dict[int, list[int]]:
    """The role of each column of the review tables, read from what the columns hold, by number
    of columns.

    The measure headings mark the plan's column; of the columns after it, the one most written as
    asks holds the proposals (a reviewer may put them before the observations); any other column
    is the reviewer's and goes with the observations. A wider table may add a heading column
    beside the plan's text: from four columns on, a heading column holding little else has the
    plan's text beside it.
    """
    roles: dict[int, list[int]] = {}
    for n in sorted({len(p.columns) for p in tables}):
        headings, asks, sentences_seen, volume = [0] * n, [0] * n, [0] * n, [0] * n
        for page in (p for p in tables if len(p.columns) == n):
            for col in range(n):
                lines = [ln for ln in page.lines if ln.column == col]
                headings[col] += sum(1 for ln in lines if heading_match(ln.text))
                text = _column_text(lines)
                volume[col] += len(text)
                for sentence in sentences(text):
                    sentences_seen[col] += 1
                    asks[col] += is_ask(sentence)
        plan = max(range(n), key=lambda c: (headings[c], -c))
        ratio = [asks[c] / sentences_seen[c] if sentences_seen[c] else 0.0 for c in range(n)]
        after = [c for c in range(n) if c > plan]
        proposals = max(after, key=lambda c: (ratio[c], c)) if after else n - 1
        these = [PLAN if c <= plan else OBSERVATIONS for c in range(n)]
        these[proposals] = PROPOSALS
        if n > 3 and plan + 1 < proposals and volume[plan] < 0.3 * volume[plan + 1]:
            these[plan + 1] = PLAN
        roles[n] = these
    return roles


@dataclass
class _Row:
    """One measure's row, gathered over the pages it runs on."""

    heading: Line | None
    priority: str | None
    section: str | None
    cells: list[list[Line]] = field(default_factory=lambda: [[], [], []])


def _is_heading(line: Line) -> bool:
    return line.column == 0 and heading_match(line.text) is not None


def segment_review(layouts: list[PageLayout]) -> Review:
    tables = table_pages(layouts)
    if not tables:
        return Review(title=document_title(layouts))
    first_table = tables[0].number
    header = _header_keys(tables)
    state = _TableState(column_roles(tables))
    for page in layouts:
        if page.number >= first_table:
            state.read_page(page, header)
    for row in state.rows:
        for i, cell in enumerate(row.cells):
            # Two columns in one role (a wide table): one column after the other, not page by page.
            if len({ln.column for ln in cell if ln.column >= 0}) > 1:
                row.cells[i] = sorted(cell, key=lambda ln: (ln.column, ln.page, ln.top))
    rows = _attach_early_cells([r for r in state.rows if r.heading is not None or any(r.cells)])
    # A table of two columns holds the reviewer's findings and proposals in one.
    shared = all(OBSERVATIONS not in these for these in state.roles.values())
    measures, proposals, warnings = _measures(rows, shared)
    general = general_demands(layouts, first_table)
    title = document_title(layouts)
    return Review(
        title=title,
        author=author_in(title),
        priorities=state.priorities,
        measures=measures,
        proposals=general + proposals,
        warnings=warnings,
    )


class _TableState:
    """Rows, priorities and sections met so far, and the row that runs on at the next page top."""

    def __init__(self, roles: dict[int, list[int]]) -> None:
        # Column roles by number of columns (`column_roles`), for every column count of the tables.
        self.roles = roles
        self.rows: list[_Row] = []
        self.priorities: list[Priority] = []
        self.priority: Priority | None = None
        self.section: str | None = None
        self.row: _Row | None = None

    def _new_row(self, heading: Line | None) -> _Row:
        row = _Row(
            heading=heading, priority=self.priority.id if self.priority else None, section=self.section
        )
        self.rows.append(row)
        return row

    def _banner(self, line: Line, previous: tuple[str, Line] | None) -> str | None:
        """A row spanning the table: « priority », « section », or None for stray text.

        A banner line set right under the previous one, in the same size, continues its title.
        """
        if previous is not None:
            kind, above = previous
            close = line.top - above.bottom < 0.8 * above.size and abs(line.size - above.size) < 0.5
            if close and not PRIORITY_RE.match(line.text):
                if kind == "priority" and self.priority is not None:
                    self.priority.title = normalise_spaces(f"{self.priority.title} {line.text}")
                elif kind == "section" and self.section:
                    self.section = normalise_spaces(f"{self.section} {line.text}")
                    if self.priority is not None and self.priority.sections:
                        self.priority.sections[-1] = self.section
                return kind
        m = PRIORITY_RE.match(line.text)
        if m:
            self.priority = Priority(id=m.group("num"), title=normalise_spaces(m.group("rest")))
            self.priorities.append(self.priority)
            self.section = None
            return "priority"
        if is_upper_text(line.text) or line.bold:
            self.section = normalise_spaces(line.text)
            if self.priority is not None:
                self.priority.sections.append(self.section)
            return "section"
        return None

    def read_page(self, page: PageLayout, header: set[str]) -> None:
        repeated = {id(ln) for ln in _column_tops(page) if fold(ln.text) in header}
        # Some producers repeat the header row above each row that starts on a page: bold repeats go too.
        repeated |= {id(ln) for ln in page.lines if ln.bold and ln.column >= 0 and fold(ln.text) in header}
        lines = [ln for ln in page.lines if id(ln) not in repeated]
        if page.table_top is not None:
            lines = [ln for ln in lines if ln.bottom > page.table_top + 1]  # above: the pages' text
        if not is_table(page):
            # A page the table did not reach (no columns found): its text goes on in the plan column.
            for line in lines:
                if self.row is None:
                    self.row = self._new_row(None)
                self.row.cells[PLAN].append(line)
            return
        # Where each row starts on this page: after a banner, or at a measure heading.
        starts: list[tuple[float, _Row | None]] = [(float("-inf"), self.row)]
        previous: tuple[str, Line] | None = None
        for line in sorted((ln for ln in lines if ln.column < 0 or _is_heading(ln)), key=lambda ln: ln.top):
            if line.column < 0:
                kind = self._banner(line, previous)
                if kind is not None:
                    # Whatever follows a banner is a new row, until a measure heading opens one.
                    starts.append((line.bottom, self._new_row(None)))
                previous = (kind, line) if kind is not None else None
                continue
            previous = None
            starts.append((_row_top(page, line), self._new_row(line)))
        roles = self.roles[len(page.columns)]
        for line in lines:
            if line.column < 0 and (is_upper_text(line.text) or line.bold or PRIORITY_RE.match(line.text)):
                continue
            index = max(i for i, (y, _) in enumerate(starts) if y <= line.top + 0.1)
            row = starts[index][1]
            if row is not None:
                row.cells[roles[min(max(line.column, 0), len(roles) - 1)]].append(line)
        self.row = starts[-1][1]


def _row_top(page: PageLayout, heading: Line) -> float:
    """A row starts at the rule above its heading if there is one, else a little above the heading."""
    rules = [y for y, x0, x1 in page.hrules if heading.top - 2.5 * heading.size <= y <= heading.top + 1]
    return max(rules) if rules else heading.top - 0.5 * heading.size


def _attach_early_cells(rows: list[_Row]) -> list[_Row]:
    """Lines of columns 2-3 set a little above the heading of their row (top alignment) are fine;
    a headless row holding no plan text but followed by a heading row on the same page is the same
    row seen early: merge it forward."""
    out: list[_Row] = []
    for row in rows:
        if (
            out
            and row.heading is not None
            and out[-1].heading is None
            and not out[-1].cells[PLAN]
            and all(ln.page == row.heading.page for col in out[-1].cells for ln in col)
        ):
            early = out.pop()
            for i in range(3):
                row.cells[i] = early.cells[i] + row.cells[i]
        out.append(row)
    return out


def _measures(
    rows: list[_Row], shared: bool = False
) -> tuple[list[ReviewMeasure], list[Proposal], list[str]]:
    """The measures and proposals of the table's rows; `shared`: findings and proposals share the
    reviewer's column, told apart by their asks (a demand without one is a finding)."""
    measures: list[ReviewMeasure] = []
    asks: list[list[tuple[str, int]]] = []
    warnings: list[str] = []
    headed = [_heading_key(row) for row in rows]
    previous: tuple[int, ...] | None = None
    for index, row in enumerate(rows):
        lines = row.cells[PLAN]
        paras = paragraphs(lines, body_size(lines)) if lines else []
        if row.heading is not None:
            m = heading_match(row.heading.text)
            assert m is not None
            key = _key(m.group("num"))
            inserted = m.groupdict().get("inserted")
            head_para = next(p for p in paras if p.first is row.heading)
            title, leftover = title_parts(head_para, m.group("rest").strip())
            rest = paras[paras.index(head_para) + 1 :]
            if leftover:
                rest.insert(0, Para(leftover, join_lines(x.text for x in leftover)))
            before = paras[: paras.index(head_para)]
            inferred = False
        else:
            if not any(row.cells):
                continue
            # The row's place: after the previous measure, else before the next headed one (« 12 »
            # or the last part of « 1.2 »).
            following = next((k for k in headed[index + 1 :] if k is not None), None)
            if previous is None and following is not None:
                key = (*following[:-1], max(1, following[-1] - _headless_before(headed, index)))
            elif previous is not None:
                key = (*previous[:-1], previous[-1] + 1)
            else:
                key = (1,)
            title = [_inferred_title(paras)] if paras else []
            from_heading = bool(title) and not title[0].endswith("…") and is_upper_text(title[0])
            rest, before = paras, []
            inferred = True
            inserted = None
        first_page = min((ln.page for col in row.cells for ln in col), default=None)
        last_page = max((ln.page for col in row.cells for ln in col), default=None)
        draft = MeasureDraft(
            number=key[0],
            # « MESURE N° 12 bis » (inserted after 12) and « MESURE 1.2 » keep their printed number.
            label=f"{key[0]} {inserted.lower()}"
            if inserted
            else ".".join(map(str, key))
            if len(key) > 1
            else None,
            title_lines=[t for t in title if t],
            priority=row.priority,
            section=row.section,
            action=None,
            first_page=first_page or 0,
            last_page=last_page or 0,
        )
        pending: str | None = None
        for para in before + rest:
            pending = add_body(draft, para, pending)
        base = finish(draft)
        observations = _column_text(row.cells[OBSERVATIONS])
        demands = split_proposals(row.cells[PROPOSALS])
        if shared:
            findings = [text for text, _ in demands if not _asks(text)]
            observations = "\n\n".join([observations, *findings]).strip()
            demands = [(text, page) for text, page in demands if _asks(text)]
        measure = ReviewMeasure(
            **base.model_dump(exclude={"heading_inferred"}),
            observations=observations or None,
            heading_inferred=inferred,
        )
        measure.first_page, measure.last_page = first_page, last_page
        measures.append(measure)
        if inferred:
            source = "its first heading line" if from_heading else "the first sentence of its plan text"
            warnings.append(
                f"measure {measure.name} (page {first_page}) has no « MESURE N° » heading: number inferred "
                f"from its place in the table, title taken from {source}"
            )
        asks.append(demands)
        previous = key
    measures, numbering = numbered(measures)
    proposals = [
        Proposal(id=f"M{id_part(m.name)}-P{k:02d}", measure=m.number, text=text, page=page)
        for m, texts in zip(measures, asks, strict=True)
        for k, (text, page) in enumerate(texts, start=1)
    ]
    return measures, proposals, warnings + numbering


def _asks(text: str) -> bool:
    return any(is_ask(sentence) for sentence in sentences(text))


def id_part(name: str) -> str:
    """« 05 » for measure 5, « 01.02 » for 1.2, « 12bis » for 12 bis: ids that sort in the plan's order."""
    return re.sub(r"\d+", lambda d: f"{int(d.group()):02d}", name).replace(" ", "")


def _heading_key(row: _Row) -> tuple[int, ...] | None:
    m = heading_match(row.heading.text) if row.heading is not None else None
    return _key(m.group("num")) if m else None


def _headless_before(headed: list[tuple[int, ...] | None], index: int) -> int:
    """How many headless rows, from `index` on, come before the next headed one."""
    count = 0
    for n in headed[index:]:
        if n is not None:
            break
        count += 1
    return count


def _inferred_title(paras: list[Para]) -> str:
    """A headless row's title: its first upper-case heading line, without its « 1. » numbering."""
    for para in paras:
        text = para.text
        if is_upper_text(text) and not LABEL_START.match(text):
            return normalise_spaces(ENUMERATOR.sub("", text, count=1))
    # No heading line at all: the first sentence of the plan text stands in for the title.
    for para in paras:
        if para.text.strip() and not LABEL_START.match(para.text):
            return sentence_title(para.text)
    return ""


def _column_text(lines: list[Line]) -> str:
    return "\n\n".join(normalise_spaces(p.text) for p in paragraphs(lines) if p.text.strip()) if lines else ""


def split_proposals(lines: list[Line]) -> list[tuple[str, int]]:
    """Column-3 paragraphs, one proposal per demand (`group_demands`)."""
    if not lines:
        return []
    return group_demands([p for p in paragraphs(lines) if p.text.strip()])


class Paragraph(Protocol):
    """What grouping demands reads of a paragraph: its text and the pages it is on."""

    @property
    def text(self) -> str: ...
    @property
    def page(self) -> int: ...
    @property
    def last_page(self) -> int: ...


P = TypeVar("P", bound=Paragraph)


def group_demands(paras: Sequence[P]) -> list[tuple[str, int]]:
    """(text, page) of each demand in a run of paragraphs.

    A new paragraph starts a new proposal, except: the item after a lead-in ending with « : »
    stays with it; sub-items (« - l’aide ... », a dash then lower case) stay with their item;
    a short « Il s’agit de : » spelling out the paragraph before it stays with that paragraph.
    """
    groups: list[list[P]] = []
    for i, para in enumerate(paras):
        text = para.text.strip()
        if not groups:
            groups.append([para])
            continue
        prev = groups[-1][-1].text.strip()
        following = paras[i + 1].text.strip() if i + 1 < len(paras) else ""
        if (SUB_ITEM.match(text) and prev.endswith((":", ";", ","))) or (
            SUB_ITEM.match(text) and _in_sub_list(groups[-1])
        ):
            groups[-1].append(para)
        elif (
            len(groups[-1]) == 1
            and not SUB_ITEM.match(groups[-1][0].text)
            and (prev.endswith(":") or (_OPEN_END.search(prev) and starts_with_bullet(text)))
        ):
            groups[-1].append(para)  # the first item after a lead-in (« : », or an open sentence)
        elif text.endswith(":") and len(text.split()) <= 6 and SUB_ITEM.match(following):
            groups[-1].append(para)  # « Il s’agit d’aider : » and its sub-list spell out the paragraph
        elif _CONTINUING.match(text):
            groups[-1].append(para)
        elif (
            para.page != groups[-1][-1].last_page
            and starts_with_bullet(groups[-1][0].text)
            and not starts_with_bullet(text)
        ):
            groups[-1].append(para)  # a dash item cut by the page break goes on without its dash
        else:
            groups.append([para])
    return [
        ("\n\n".join(normalise_spaces(p.text) for p in group), group[0].page) for group in groups if group
    ]


def _in_sub_list(group: Sequence[Paragraph]) -> bool:
    """The group's last paragraphs are a sub-list introduced by an item ending with « : »."""
    for para in reversed(group):
        text = para.text.strip()
        if SUB_ITEM.match(text):
            continue
        return text.endswith(":")
    return False


def general_demands(layouts: list[PageLayout], first_table: int) -> list[Proposal]:
    """Bullet paragraphs before the table become G01, G02, ...; a lead-in joins the next one."""
    lines = [
        ln
        for page in layouts
        if page.number <= first_table
        for ln in page.lines
        if page.number < first_table or (page.table_top is not None and ln.bottom <= page.table_top + 1)
    ]
    return demands_in(lines, document_title(layouts) or "")


def demands_in(lines: list[Line], title: str) -> list[Proposal]:
    """The general demands of a review's opening pages (`lines`): its bullet paragraphs, from the
    first to the next heading, each with the lead-in before it."""
    if not lines:
        return []
    paras = paragraphs(lines)
    demands: list[tuple[str, int]] = []
    started = False
    lead: list[str] = []
    for para in paras:
        text = normalise_spaces(para.text)
        if not text:
            continue
        bullet = starts_with_bullet(text)
        heading = (para.bold or is_upper_text(text)) and not bullet
        if not started:
            if bullet:
                started = True
            elif _LEAD_IN.match(text) and not heading:
                lead.append(text)
                continue
            else:
                continue
        elif heading and not bullet:
            break  # the demands end at the next heading (member list, contacts)
        if normalise_spaces(text) in title:
            continue
        if _LEAD_IN.match(text) and not bullet:
            lead.append(text)
            continue
        demands.append((" ".join([*lead, text]), para.page))
        lead = []
    return [
        Proposal(id=f"G{i:02d}", measure=None, text=text, page=page)
        for i, (text, page) in enumerate(demands, start=1)
    ]
