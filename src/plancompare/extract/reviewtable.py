"""Reviews set as a table (plan text / observations / proposals), page after page: each row is a
measure of the plan reviewed, with the reviewer's observations and proposals beside it.

Each measure is a table row: column 1 opens with its heading (« MESURE N° 5 : ... »), column 2
holds the reviewer's observations, column 3 the proposals. Rows run over page breaks (the
cells go on at the top of the next page), the header row is repeated on every page (dropped:
cell lines repeated on many pages), and priority banners and section headings are rows spanning
the table (reviewrows.py); the columns' roles come from what they hold (reviewcolumns.py). The
pages before the table hold general demands (« • ... » paragraphs, demands.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from plancompare.extract.demands import general_demands, split_proposals
from plancompare.extract.drafts import MeasureDraft, add_body, finish, sentence_title, title_parts
from plancompare.extract.headings import review_heading
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.numbering import numbered
from plancompare.extract.paragraphs import Para, body_size, paragraph_text, paragraphs
from plancompare.extract.reviewcolumns import OBSERVATIONS, PLAN, PROPOSALS, column_roles, table_pages
from plancompare.extract.reviewrows import ReviewRow, read_rows
from plancompare.extract.textclean import is_upper_text, join_lines, normalise_spaces
from plancompare.extract.titles import author_in, document_title
from plancompare.models import Proposal, Review, ReviewMeasure, id_part
from plancompare.text.normalise import is_ask, sentences
from plancompare.text.patterns import ENUMERATOR, LABEL_START


def _key(printed: str) -> tuple[int, ...]:
    return tuple(int(part) for part in printed.split("."))


def segment_review(layouts: list[PageLayout]) -> Review:
    tables = table_pages(layouts)
    if not tables:
        return Review(title=document_title(layouts))
    roles = column_roles(tables)
    rows, priorities = read_rows(layouts, tables, roles)
    # A table of two columns holds the reviewer's findings and proposals in one.
    shared = all(OBSERVATIONS not in these for these in roles.values())
    measures, proposals, warnings = _measures(rows, shared)
    general = general_demands(layouts, tables[0].number)
    title = document_title(layouts)
    return Review(
        title=title,
        author=author_in(title),
        priorities=priorities,
        measures=measures,
        proposals=general + proposals,
        warnings=warnings,
    )


@dataclass
class _PlanCell:
    """What a row's plan column gives its measure: the number, title and text paragraphs."""

    key: tuple[int, ...]  # « 12 » → (12,), « 1.2 » → (1, 2)
    inserted: str | None  # « bis » of « MESURE N° 12 bis »
    title: list[str]
    paras: list[Para]
    inferred: bool = False  # a row without a heading: number from its place, title from its text
    title_from_heading: bool = False  # (inferred) the title is a heading line, not a first sentence


def _measures(
    rows: list[ReviewRow], shared: bool = False
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
            plan = _headed(row.heading, paras)
        elif any(row.cells):
            plan = _headless(paras, _place(headed, index, previous))
        else:
            continue
        measure, demands = _review_measure(row, plan, shared)
        measures.append(measure)
        if plan.inferred:
            source = (
                "its first heading line" if plan.title_from_heading else "the first sentence of its plan text"
            )
            warnings.append(
                f"measure {measure.name} (page {measure.first_page}) has no « MESURE N° » heading: number "
                f"inferred from its place in the table, title taken from {source}"
            )
        asks.append(demands)
        previous = plan.key
    measures, numbering = numbered(measures)
    proposals = [
        Proposal(id=f"M{id_part(m.name)}-P{k:02d}", measure=m.number, text=text, page=page)
        for m, texts in zip(measures, asks, strict=True)
        for k, (text, page) in enumerate(texts, start=1)
    ]
    return measures, proposals, warnings + numbering


def _headed(heading: Line, paras: list[Para]) -> _PlanCell:
    """A row under a measure heading: its number and title are the heading's; the paragraphs before
    the heading's (set a little above it) and after it are the text."""
    m = review_heading(heading.text)
    assert m is not None
    head_para = next(p for p in paras if p.first is heading)
    title, leftover = title_parts(head_para, m.group("rest").strip())
    rest = paras[paras.index(head_para) + 1 :]
    if leftover:
        rest.insert(0, Para(leftover, join_lines(x.text for x in leftover)))
    before = paras[: paras.index(head_para)]
    return _PlanCell(_key(m.group("num")), m.groupdict().get("inserted"), title, before + rest)


def _place(
    headed: list[tuple[int, ...] | None], index: int, previous: tuple[int, ...] | None
) -> tuple[int, ...]:
    """A headless row's number: after the previous measure, else before the next headed one (« 12 »
    or the last part of « 1.2 »)."""
    following = next((k for k in headed[index + 1 :] if k is not None), None)
    if previous is None and following is not None:
        return (*following[:-1], max(1, following[-1] - _headless_before(headed, index)))
    if previous is not None:
        return (*previous[:-1], previous[-1] + 1)
    return (1,)


def _headless(paras: list[Para], key: tuple[int, ...]) -> _PlanCell:
    """A row without a heading: numbered `key`, titled by its first heading line or sentence."""
    title = [_inferred_title(paras)] if paras else []
    from_heading = bool(title) and not title[0].endswith("…") and is_upper_text(title[0])
    return _PlanCell(key, None, title, paras, inferred=True, title_from_heading=from_heading)


def _review_measure(
    row: ReviewRow, plan: _PlanCell, shared: bool
) -> tuple[ReviewMeasure, list[tuple[str, int]]]:
    """The row's measure (its plan text and fields, the reviewer's observations) and its demands."""
    key, inserted = plan.key, plan.inserted
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
        title_lines=[t for t in plan.title if t],
        priority=row.priority,
        section=row.section,
        action=None,
        first_page=first_page or 0,
        last_page=last_page or 0,
    )
    pending: str | None = None
    for para in plan.paras:
        pending = add_body(draft, para, pending)
    observations = paragraph_text(row.cells[OBSERVATIONS])
    demands = split_proposals(row.cells[PROPOSALS])
    if shared:
        findings = [text for text, _ in demands if not _asks(text)]
        observations = "\n\n".join([observations, *findings]).strip()
        demands = [(text, page) for text, page in demands if _asks(text)]
    measure = ReviewMeasure(
        **finish(draft).model_dump(exclude={"heading_inferred"}),
        observations=observations or None,
        heading_inferred=plan.inferred,
    )
    measure.first_page, measure.last_page = first_page, last_page
    return measure, demands


def _asks(text: str) -> bool:
    return any(is_ask(sentence) for sentence in sentences(text))


def _heading_key(row: ReviewRow) -> tuple[int, ...] | None:
    m = review_heading(row.heading.text) if row.heading is not None else None
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
