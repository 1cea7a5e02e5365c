"""A measure as it is read, paragraph after paragraph: its heading's title, its text, and the labelled
fields (« Pilotes : », « Instrument : », « Calendrier : ») put where they belong; finished, it is a
`Measure`. Plans (planreader.py) and review tables (reviewtable.py) fill drafts alike."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from plancompare.extract.fields import parse_responsibilities
from plancompare.extract.lines import Line
from plancompare.extract.paragraphs import Para
from plancompare.extract.textclean import is_upper_text, normalise_spaces
from plancompare.models import Measure
from plancompare.text.patterns import ANY_LABEL


@dataclass
class MeasureDraft:
    """A measure being read: what its heading gave, then its text and fields as they come."""

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
    indicators: list[str] = field(default_factory=list)
    financing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnotes, after the text
    asides: list[str] = field(default_factory=list)  # shaded boxes set in its text, kept apart
    fields_at: int | None = None  # how many paragraphs of text came before its first field

    @property
    def key(self) -> str:
        """The number as printed: what a listing of the measures repeats."""
        return self.label or str(self.number)


def title_parts(para: Para, rest: str) -> tuple[list[str], list[Line]]:
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
        if head.bold and line.lead and text.startswith(line.lead) and not ANY_LABEL.match(text):
            # A run-in heading wrapping onto this line (« Mesure 2. Agir sur les petites annonces »
            # / « en ligne. Une charte … »): its bold run ends the title, the text goes on after it.
            parts.append(line.lead)
            leftover = [replace(line, text=text[len(line.lead) :].strip(), bold=False, lead="")]
            leftover.extend(para.lines[i + 1 :])
            break
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


def runs_in(para: Para) -> bool:
    """A run-in heading: its bold run ends inside a line of its paragraph and the text goes on after it
    in regular weight (« **Mesure 4 – Former les agents.** Les agents … »), as title_parts reads it."""
    head = para.first
    if head.lead:
        return head.text.startswith(head.lead)
    for line in para.lines[1:] if head.bold else []:
        if line.lead:
            return line.text.startswith(line.lead)
        if not line.bold:
            break
    return False


def _split_labels(text: str) -> list[tuple[str, str]]:
    """« Mise en œuvre : A • Instrument : B » → [(« Mise en œuvre », « A »), (« Instrument », « B »)]."""
    matches = list(ANY_LABEL.finditer(text))
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[m.end() : end].strip().strip("•·;").strip()
        if i + 1 < len(matches):
            # « Pilotes : MIPROF — Échéance : 2030 »: the dash or bar between two fields is neither's.
            value = value.rstrip("—–|").rstrip()
        out.append((m.group("label"), value))
    return out


def _label_kind(label: str) -> str:
    low = label.lower()
    if low.startswith(("instrument", "outil")):
        return "instrument"
    if low.startswith(("calendrier", "échéan", "echéan", "echean", "délai", "delai", "quand")):
        return "calendar"
    if low.startswith("indicateur"):
        return "indicators"
    if low.startswith(("financement", "budget", "coût", "cout", "combien", "moyens")):
        return "financing"
    return "role"


def add_body(draft: MeasureDraft, para: Para, pending_label: str | None) -> str | None:
    """Put a paragraph of a measure where it belongs; returns a label still waiting for its value."""
    text = para.text
    draft.last_page = max(draft.last_page, para.last_page)
    if pending_label is not None:
        # « Calendrier : » alone on its line, in bold: its value is the next paragraph, up to the
        # next label set in it (« 2031 » / « Indicateur : … », the value in the type that follows).
        following = ANY_LABEL.search(text)
        if following is None or not text[: following.start()].strip():
            _put_label(draft, pending_label, text)
            return None
        _put_label(draft, pending_label, text[: following.start()].strip())
        return _put_labels(draft, text[following.start() :])
    first = para.first.text
    if not draft.title_lines and not ANY_LABEL.match(first):
        # « MESURE 5 » alone on its line: the title is the next paragraph.
        draft.title_lines.append(text)
        return None
    if ANY_LABEL.match(first.lstrip("•-–· ")):
        return _put_labels(draft, text.lstrip("•-–· "))
    draft.body.append(text)
    return None


def _put_labels(draft: MeasureDraft, text: str) -> str | None:
    """Each « label : value » of a paragraph opening on a label; returns the last label if its value
    is still to come."""
    parts = _split_labels(text)
    for label, value in parts:
        if value:
            _put_label(draft, label, value)
    if parts and not parts[-1][1]:
        return parts[-1][0]
    return None


def _put_label(draft: MeasureDraft, label: str, value: str) -> None:
    if draft.fields_at is None:
        draft.fields_at = len(draft.body)
    kind = _label_kind(label)
    if kind == "role":
        draft.roles.append(f"{label} : {value}")
    else:
        getattr(draft, kind).append(value)


def finish(draft: MeasureDraft) -> Measure:
    responsible = parse_responsibilities(" • ".join(draft.roles)) if draft.roles else []
    return Measure(
        number=draft.number,
        label=draft.label,
        title=_heading_title(" ".join(draft.title_lines)),
        priority=draft.priority,
        section=draft.section,
        action=draft.action,
        responsible=responsible,
        instrument=normalise_spaces(" ".join(draft.instrument)) or None,
        calendar=normalise_spaces(" ".join(draft.calendar)) or None,
        indicators=normalise_spaces(" ".join(draft.indicators)) or None,
        financing=normalise_spaces(" ".join(draft.financing)) or None,
        # A measure whose whole text is set in a shaded box (a card) has that box as its text.
        text="\n\n".join(
            normalise_spaces(t) for t in [*(draft.body or draft.asides), *draft.notes] if t.strip()
        ),
        first_page=draft.first_page,
        last_page=draft.last_page,
    )


def _heading_title(text: str) -> str:
    """A heading's title without the separators around it nor its closing full stop (a run-in
    heading « Mesure 10. Sécuriser le droit au séjour. » ends with one; an ellipsis stays)."""
    title = normalise_spaces(text).strip(" :–-")
    return title[:-1].rstrip() if title.endswith(".") and not title.endswith((". .", "..", "etc.")) else title


TITLE_WORDS = 16


def sentence_title(text: str) -> str:
    """A title for a measure printed without one: its text's first sentence, at most 16 words."""
    sentence = re.split(r"(?<=[.!?:])\s", normalise_spaces(text), maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]).rstrip(" :.,") + (" …" if len(words) > TITLE_WORDS else "")
