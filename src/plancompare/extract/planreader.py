"""A plan's paragraphs to priorities, sections and measures.

The paragraphs are read in order: an axis heading (« PRIORITÉ II », « AXE 4 – ») opens a priority,
a measure heading (headings.py) opens a measure, « Action 3.2 » an action within it or before the
next ones, a heading in capitals or bold just before a measure opens a section, and « Annexes » or
a summary table ends the measures. Everything else is the open measure's text or fields
(drafts.py); footnotes go after the text of the measure that calls them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from plancompare.extract.drafts import MeasureDraft, add_body, finish, runs_in, title_parts
from plancompare.extract.flow import continued_columns, drop_toc, join_split_headings, side_headings
from plancompare.extract.headings import group_word, measure_headings, priority_headings, prominent
from plancompare.extract.layout import PageLayout
from plancompare.extract.notes import PageNotes, calls, split_notes
from plancompare.extract.numbering import numbered, unique_numbers
from plancompare.extract.paragraphs import Para, body_size, paragraphs
from plancompare.extract.textclean import is_upper_text, join_lines, normalise_spaces
from plancompare.models import Measure, Priority
from plancompare.text.patterns import (
    ACTION_RE,
    ANY_LABEL,
    LABEL_CELL,
    NUMBERED_SECTION_RE,
    SECTION_RE,
    STOP_RE,
)


def segment_plan(layouts: list[PageLayout]) -> tuple[list[Priority], list[Measure], list[str]]:
    """Priorities (with sections) and measures of a plan, plus warnings."""
    lines = join_split_headings(drop_toc([side_headings(p) for p in layouts]))
    lines, page_notes = split_notes(layouts, lines, body_size(lines))
    lines = continued_columns(lines)
    reader = _PlanReader(paragraphs(lines), body_size(lines), page_notes)
    reader.read()
    _place_notes(page_notes, reader.drafts, reader.open_at_notes)
    measures, labelled = numbered([finish(d) for d in _drop_closing(_drop_listings(reader.drafts))])
    measures, numbering = unique_numbers(measures)
    priorities = reader.priorities
    if not priorities:
        priorities, measures = _sections_as_priorities(measures)
    return priorities, measures, labelled + numbering


class _PlanReader:
    """The paragraphs of a plan read in order: the axis, section and action met last, the measure
    open, and the drafts of the measures read so far."""

    def __init__(self, paras: list[Para], body: float, page_notes: list[PageNotes]) -> None:
        self.paras = paras
        firsts = [p.first for p in paras]
        self.body = body
        group = group_word(firsts, body)
        self.measure_heading = measure_headings(firsts, body, group)
        self.priority_heading = priority_headings(firsts, body, group)
        # Most measure headings open their text's first paragraph (« **Mesure 7. Titre.** Les … »):
        # the plan sets no heading above its text, and no bold line in it is one (_closes_measure).
        heads = [p for p in paras if self.measure_heading(p.first)]
        self.run_in = sum(map(runs_in, heads)) * 2 > len(heads)
        self.notes_after = {id(n.after): n for n in page_notes if n.after is not None}
        self.open_at_notes: dict[int, MeasureDraft] = {}  # page → the measure open where its text ends
        self.priorities: list[Priority] = []
        self.drafts: list[MeasureDraft] = []
        self.current: MeasureDraft | None = None
        self.priority: Priority | None = None
        self.section: str | None = None
        self.action: str | None = None
        self.stopped = False
        self.pending_label: str | None = None  # « Pilotes : » alone, its value in the next paragraph
        self.priority_title_open = False
        self.heading_size = 0.0  # the type of the open measure's heading and title, the largest
        self.resumes = False  # a box just interrupted the open measure's text in mid-sentence

    def read(self) -> None:
        for i, para in enumerate(self.paras):
            if i and self.notes_after:
                self._take_notes(self.paras[i - 1])
            self._read(i, para)
        if self.paras and self.notes_after:
            self._take_notes(self.paras[-1])

    def _read(self, i: int, para: Para) -> None:
        first = para.first.text
        resumes, self.resumes = self.resumes, False
        if m := self.priority_heading(para.first):
            if not (self.stopped and self._listed(m)):
                self._open_priority(para, m)
        elif m := self.measure_heading(para.first):
            if not (self.stopped and self._listed(m)):
                self._open_measure(para, m)
        elif self._priority_title(para):
            pass
        elif m := ACTION_RE.match(first):
            self._open_action(para, m)
        elif self._aside(para):
            pass
        elif self._ends_measures(para):
            self.current, self.stopped = None, True
        elif self._is_section(i, para) and not (self.current is not None and not self.current.title_lines):
            self._open_section(para.text)
        elif self._closes_measure(para):
            self.current = None
        elif self.current is not None and not self.stopped:
            if not self.current.title_lines:
                self.heading_size = max(self.heading_size, para.first.size)
            if resumes and para.text[:1].islower():
                # The sentence a box interrupted goes on after it: one paragraph again.
                self.current.body[-1] = join_lines([self.current.body[-1], para.text])
                self.current.last_page = max(self.current.last_page, para.last_page)
            else:
                self.pending_label = add_body(self.current, para, self.pending_label)

    def _aside(self, para: Para) -> bool:
        """A shaded box's paragraph (boxes.py) in an open measure: kept apart from its text, which
        goes on after the box (its field lines, « Pilote : … » set in a shaded panel, are fields)."""
        current = self.current
        # A field line wrapped in its panel may go on from a separator (« · Échéance : 2040 »).
        label = ANY_LABEL.match(para.first.text.lstrip("•-–· "))
        if not para.first.boxed or label or self.pending_label is not None:
            return False
        if current is None or not current.title_lines or self.stopped:
            return False
        current.asides.append(para.text)
        current.last_page = max(current.last_page, para.last_page)
        self.resumes = bool(current.body) and not _OPEN_SENTENCE_CLOSED.search(current.body[-1])
        return True

    def _closes_measure(self, para: Para) -> bool:
        """A short bold heading in type larger than the text's and as large as the open measure's
        own heading (« Contacts presse », « Pour en savoir plus » after the last measure): matter
        outside the measures, not the measure's text (its own subheadings are set smaller than its
        title; a bold line in the text's type may be a run-in heading's or a lead-in). Never in a
        run-in plan: its measure headings are set in the text's type, so no subheading is smaller
        than them (« Ce qui change » a little larger than the text is the measure's); only a measure
        or part heading ends a measure there."""
        first = para.first
        return bool(
            not self.run_in
            and self.current is not None
            and self.current.title_lines
            and not self.stopped
            and first.bold
            and first.size >= max(self.heading_size, self.body + 1.0)
            and len(para.text) <= _STOP_LENGTH
            and not ANY_LABEL.match(para.text)
        )

    def _ends_measures(self, para: Para) -> bool:
        """« Annexes », « Sigles et abréviations », « Tableau récapitulatif des mesures »: a short
        heading in capitals, bold or large type after which the measures are over."""
        first = para.first.text
        heading = is_upper_text(first) or prominent(para.first, self.body)
        return bool(STOP_RE.match(first)) and heading and len(para.text) <= _STOP_LENGTH

    def _listed(self, m: re.Match[str]) -> bool:
        """After the measures (an annex, a list of acronyms, an index), a heading of an axis or a
        measure read already is a listing of it (« Mesure 3 » in a summary table), not a second one."""
        number = m.group("num")
        if "kind" in m.groupdict():
            return any(p.id == number for p in self.priorities)
        inserted = m.groupdict().get("inserted")
        printed = f"{number} {inserted.lower()}" if inserted else number
        return any(d.key == printed for d in self.drafts)

    def _take_notes(self, para: Para) -> None:
        """The page whose text ends in `para` gives its notes to the measure open there."""
        if self.current is not None:
            for line in para.lines:
                if id(line) in self.notes_after:
                    self.open_at_notes[self.notes_after[id(line)].page] = self.current

    def _open_priority(self, para: Para, m: re.Match[str]) -> None:
        title, _ = title_parts(para, m.group("rest").strip())
        priority = Priority(id=m.group("num"), title=normalise_spaces(" ".join(title)))
        # The same axis heading twice (listed before the plan, then the plan's): one priority.
        self.priority = next((p for p in self.priorities if p == priority), priority)
        if self.priority is priority:
            self._replace_listed(priority)
        self.priority_title_open = not title
        self.current, self.section, self.action, self.stopped, self.pending_label = (
            None,
            None,
            None,
            False,
            None,
        )

    def _replace_listed(self, priority: Priority) -> None:
        """A new axis, or the heading of one listed before with another title (an overview « Axe 2 –
        Protéger (mesures 7 à 12) » that headed no measure nor section): the heading replaces it."""
        for i, listed in enumerate(self.priorities):
            headed = listed.sections or any(d.priority == listed.id for d in self.drafts)
            if listed.id == priority.id and not headed:
                self.priorities[i] = priority
                return
        self.priorities.append(priority)

    def _open_measure(self, para: Para, m: re.Match[str]) -> None:
        title, leftover = title_parts(para, m.group("rest").strip())
        inserted = m.groupdict().get("inserted")
        printed = f"{m.group('num')} {inserted.lower()}" if inserted else m.group("num")
        self.current = MeasureDraft(
            number=int(printed) if printed.isdigit() else 0,
            label=None if printed.isdigit() else printed,
            title_lines=title,
            priority=self.priority.id if self.priority else None,
            section=self.section,
            action=self.action,
            first_page=para.page,
            last_page=para.last_page,
        )
        self.drafts.append(self.current)
        self.heading_size = max(line.size for line in para.lines)
        self.stopped, self.pending_label, self.priority_title_open = False, None, False
        if leftover:
            add_body(self.current, Para(leftover, join_lines(x.text for x in leftover)), None)

    def _priority_title(self, para: Para) -> bool:
        """The paragraph after an axis heading without a title, in capitals or bold: its title."""
        is_title = self.priority_title_open and (is_upper_text(para.text) or para.bold)
        self.priority_title_open = False
        if is_title and self.priority is not None:
            self.priority.title = normalise_spaces(para.text)
            return True
        return False

    def _open_action(self, para: Para, m: re.Match[str]) -> None:
        """« Action 3.2 » inside measure 3 is its action; any other opens an action of the next ones."""
        text = para.text
        label = normalise_spaces(text) if len(text) < 200 else normalise_spaces(para.first.text)
        current = self.current
        if current is not None and m.group("num").startswith(f"{current.key}."):
            current.action = current.action or label
            current.body.append(text)
            current.last_page = para.last_page
        else:
            self.action = label
            self.current = None

    def _is_section(self, i: int, para: Para) -> bool:
        """« Section 2 – », « Objectif 3 : », or a short heading in capitals or bold before a measure;
        never a field line or label."""
        text = para.text
        next_is_measure = (
            i + 1 < len(self.paras) and self.measure_heading(self.paras[i + 1].first) is not None
        )
        if ANY_LABEL.match(text) or LABEL_CELL.fullmatch(normalise_spaces(text)):
            # A field line (« Quand : 2025 », bold as a heading) is the measure's, and so is a field
            # label left alone (« CALENDRIER » at a column's foot, its value read elsewhere).
            return False
        return bool(
            SECTION_RE.match(para.first.text)
            or (next_is_measure and (is_upper_text(text) or para.bold) and len(text) < 250)
        )

    def _open_section(self, text: str) -> None:
        self.section = normalise_spaces(text)
        self.action = None
        if self.priority is not None and self.section not in self.priority.sections:
            self.priority.sections.append(self.section)
        self.current = None


# A paragraph's end that closes its sentence (a box after it does not interrupt one).
_OPEN_SENTENCE_CLOSED = re.compile(r"[.!?…:;]\s*[»)]?$")

# A heading ending the measures (« Annexe 2 – Sigles et abréviations ») is short: a paragraph in bold
# opening with « Index » or « Annexe » and going on is text.
_STOP_LENGTH = 120


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


def _place_notes(
    page_notes: list[PageNotes], drafts: list[MeasureDraft], open_at: dict[int, MeasureDraft]
) -> None:
    """Each footnote after the text of the measure that calls it on its page, else of the measure
    open where the page's text ends (a note on a page of introduction belongs to no measure)."""
    for page in page_notes:
        on_page = [d for d in drafts if d.first_page <= page.page <= d.last_page]
        for note in page.notes:
            owner = next((d for d in on_page if note.mark in calls(d.body)), open_at.get(page.page))
            if owner is not None:
                owner.notes.append(note.text)


def _drop_listings(drafts: list[MeasureDraft]) -> list[MeasureDraft]:
    """A number met twice: an empty first occurrence was a listing (a table of contents, a summary
    table, an index), not the measure; and so was the occurrence right after two such entries or
    more, the listing's last entry, which took the text after the listing (a preamble) for its own."""
    later: dict[str, int] = {}
    for i, d in enumerate(drafts):
        later[d.key] = i
    kept: list[MeasureDraft] = []
    entries = 0  # listing entries in a row just before
    for i, d in enumerate(drafts):
        listed = later[d.key] != i and (not _read_something(d) or entries >= 2)
        entries = entries + 1 if listed else 0
        if not listed:
            kept.append(d)
    return kept


# A plan whose measures each end on their fields, at least this many of them.
_FIELDS_LAST = 3


def _drop_closing(drafts: list[MeasureDraft]) -> list[MeasureDraft]:
    """In a plan whose every measure ends on its fields after its text (« Pilote : … · Échéance : … »),
    what comes after the last measure's fields is the document's closing (« Le Comité se réunira de
    nouveau… », a signature), not that measure's text."""
    if len(drafts) < _FIELDS_LAST or not all(d.fields_at == len(d.body) for d in drafts[:-1]):
        return drafts
    last = drafts[-1]
    # Its own text before its fields too: a measure whose fields open it (a fiche's table) has its
    # text after them.
    if not last.fields_at or last.fields_at >= len(last.body):
        return drafts
    return [*drafts[:-1], replace(last, body=last.body[: last.fields_at])]


def _read_something(draft: MeasureDraft) -> bool:
    """A measure with text or fields: no entry of a listing of the measures."""
    return bool(
        draft.body
        or draft.asides
        or draft.roles
        or draft.instrument
        or draft.calendar
        or draft.indicators
        or draft.financing
    )
