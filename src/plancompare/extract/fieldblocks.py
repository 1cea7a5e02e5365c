"""Field labels set apart from their values, as slides and cards set them: a small bold label
(« PILOTE », « CALENDRIER ») over its value, or beside it on its line; often several side by side,
each over its own value (two boxes at a slide's foot). Each is read as a « Pilote : value » line,
as labels are written in prose, for drafts.py to file; its words are taken out of the page before
its columns are found, for the block's small columns would make the page's, or pass for a fields
table whose labels are the block's labels and whose values are its values."""

from __future__ import annotations

from dataclasses import dataclass

from plancompare.extract.lines import Line, field_line, line_from_words, same_baseline
from plancompare.extract.pagedata import Word
from plancompare.extract.textclean import is_upper_text, join_lines
from plancompare.text.patterns import LABEL_CELL

# A label has a few words; a phrase ends at a gap wider than an em, or where the type changes.
_LABEL_WORDS = 5
_PHRASE_GAP_EMS = 1.0
# A value beside its label starts within this many ems of it; one below starts level with it, the
# first line within this many ems of the label's foot, the next ones at the value's own leading.
_MIN_BESIDE_EMS = 0.8
_BESIDE_EMS = 3.0
_BELOW_EMS = 1.2
_LEADING_EMS = 0.8
_ALIGN = 2.0  # points


@dataclass(slots=True)
class FieldBlock:
    """Labels on one line, each with its value, read as « label : value » lines left to right."""

    lines: list[Line]

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)


Phrase = list[Word]


def field_blocks(words: list[Word], page: int) -> tuple[list[Word], list[FieldBlock]]:
    """The page's words without those of its field blocks, and the blocks, top to bottom."""
    if not any(w.bold for w in words):
        return words, []
    rows = [_phrases(row) for row in _baselines(words)]
    blocks: list[FieldBlock] = []
    taken: set[int] = set()
    for i in range(len(rows)):
        found = _row_fields(rows, i, taken)
        if not found:
            continue
        taken.update(id(w) for label, values in found for phrase in (label, *values) for w in phrase)
        blocks.append(FieldBlock([_field_line(label, values, page) for label, values in found]))
    if not blocks:
        return words, []
    return [w for w in words if id(w) not in taken], blocks


def _baselines(words: list[Word]) -> list[list[Word]]:
    """Words on one baseline, whatever their size (a small label beside a larger value), top to
    bottom, each left to right."""
    return [sorted(row, key=lambda w: w.x0) for row in same_baseline(words)]


def _phrases(row: list[Word]) -> list[Phrase]:
    """A baseline cut where a wide gap or a change of type parts two phrases."""
    out: list[Phrase] = [[row[0]]]
    for w in row[1:]:
        prev = out[-1][-1]
        gap = w.x0 - prev.x1
        restyled = w.bold != prev.bold or abs(w.size - prev.size) >= 1.0
        if gap > _PHRASE_GAP_EMS * max(w.size, prev.size) or (restyled and gap > 0):
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _text(phrase: Phrase) -> str:
    return line_from_words(list(phrase), 0).text


def _is_label(phrase: Phrase) -> bool:
    return (
        len(phrase) <= _LABEL_WORDS
        and all(w.bold for w in phrase)
        and bool(LABEL_CELL.fullmatch(_text(phrase)))
    )


def _set_apart(label: Phrase, value: Phrase) -> bool:
    """Is the label set apart from its value as a slide's label is: in smaller type, or in capitals
    over a value that is not (a subheading « Calendrier » over a paragraph in smaller type is not)?"""
    if any(w.bold for w in value):
        return False
    smaller = max(w.size for w in label) <= min(w.size for w in value) - 1.0
    return smaller or (is_upper_text(_text(label), 1) and not is_upper_text(_text(value), 1))


def _row_fields(rows: list[list[Phrase]], i: int, taken: set[int]) -> list[tuple[Phrase, list[Phrase]]]:
    """The labels set apart on row `i`, each with its value beside it or, failing that, below it."""
    row = [p for p in rows[i] if not any(id(w) in taken for w in p)]
    found: list[tuple[Phrase, list[Phrase]]] = []
    for k, label in enumerate(row):
        size = max(w.size for w in label)
        # A label stands apart from what precedes it on its line (a bold word in a sentence does not).
        if not _is_label(label) or (k and label[0].x0 - row[k - 1][-1].x1 <= _PHRASE_GAP_EMS * size):
            continue
        nxt = row[k + 1] if k + 1 < len(row) else None
        if nxt is not None and not _is_label(nxt) and _beside(label, nxt):
            found.append((label, [nxt]))
            continue
        values = _values_below(rows, i, label, nxt[0].x0 if nxt is not None else float("inf"))
        if values:
            found.append((label, values))
    return found


def _beside(label: Phrase, value: Phrase) -> bool:
    """The value set on the label's line, a little apart (more than a word space, a few ems at most)."""
    size = max(w.size for w in label)
    gap = value[0].x0 - label[-1].x1
    return _MIN_BESIDE_EMS * size <= gap <= _BESIDE_EMS * size and _set_apart(label, value)


def _values_below(rows: list[list[Phrase]], i: int, label: Phrase, limit: float) -> list[Phrase]:
    """The lines of a label's value below it: phrases starting level with it, one under the other,
    short of what follows the label on its line (at `limit`); lines of other columns between them
    are passed over."""
    x0 = label[0].x0
    bottom = max(w.bottom for w in label)
    reach = _BELOW_EMS * max(w.size for w in label)
    values: list[Phrase] = []
    for row in rows[i + 1 :]:
        if min(w.top for p in row for w in p) - bottom > reach:
            break
        phrase = next((p for p in row if abs(p[0].x0 - x0) <= _ALIGN), None)
        if phrase is None:
            continue
        if min(w.top for w in phrase) - bottom > reach or max(w.x1 for w in phrase) >= limit:
            break
        if (values and any(w.bold for w in phrase)) or (not values and not _set_apart(label, phrase)):
            break
        values.append(phrase)
        bottom = max(w.bottom for w in phrase)
        reach = _LEADING_EMS * max(w.size for w in phrase)
    return values


def _field_line(label: Phrase, values: list[Phrase], page: int) -> Line:
    """« Label : value » as one field line over the label's and the value's boxes; a label in
    capitals (« PILOTE ») is written as a label is in prose (« Pilote »)."""
    name = _text(label)
    if is_upper_text(name, 1):
        name = name[0] + name[1:].lower()
    lines = [line_from_words(list(p), page) for p in (label, *values)]
    return field_line(f"{name} : {join_lines(line.text for line in lines[1:])}", lines, page)
