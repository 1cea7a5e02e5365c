"""Field labels set apart from their values (fieldblocks.py), on hand-built pages: small bold labels
side by side, each over its value (a slide's « Pilote » / « Calendrier » boxes), a label beside its
value, a value of two lines; a bold subheading over a paragraph is no field."""

from __future__ import annotations

import pytest
from tests.extract.handmade import page, words

from plancompare.extract.fieldblocks import field_blocks
from plancompare.extract.layout import layout_document
from plancompare.extract.planreader import segment_plan
from plancompare.models import Measure

TEXT = "Les services de l’État renforceront la formation des agents."


def _measures(lines: list) -> list[Measure]:
    _, measures, _ = segment_plan(layout_document([page(1, lines)]))
    return measures


@pytest.mark.parametrize(("pilot", "calendar"), [("Pilote", "Calendrier"), ("PILOTE", "CALENDRIER")])
def test_labels_side_by_side_each_over_its_value_are_the_measures_fields(pilot: str, calendar: str) -> None:
    lines = [words("Mesure 1 : Former les agents", 60, 80, 10, bold=True), words(TEXT, 60, 100, 10)]
    lines.append(words(pilot, 60, 130, 8, bold=True) + words(calendar, 320, 130, 8, bold=True))
    lines.append(words("Ministère de la Justice", 60, 142, 10) + words("Dès 2030", 320, 142, 10))
    lines.append(words("Mesure 2 : Informer les victimes", 60, 170, 10, bold=True))
    lines.append(words(TEXT, 60, 190, 10))
    measures = _measures(lines)
    assert [(m.number, m.text) for m in measures] == [(1, TEXT), (2, TEXT)]
    # A label in capitals is written as labels are in prose.
    assert [(r.role, r.text) for r in measures[0].responsible] == [("Pilote", "Ministère de la Justice")]
    assert measures[0].calendar == "Dès 2030"
    assert all(m.section is None for m in measures)


def test_a_value_goes_on_under_itself_and_a_label_may_stand_alone() -> None:
    lines = [words("Mesure 1 : Former les agents", 60, 80, 10, bold=True), words(TEXT, 60, 100, 10)]
    lines.append(words("Pilote", 60, 130, 8, bold=True))
    lines.append(words("Ministère de la Justice, ministère de", 60, 142, 10))
    lines.append(words("l’Intérieur", 60, 154, 10))
    measures = _measures(lines)
    assert measures[0].text == TEXT
    assert [r.bodies for r in measures[0].responsible] == [
        ["Ministère de la Justice", "ministère de l’Intérieur"]
    ]


def test_a_label_beside_its_value_at_a_columns_foot_is_its_measures_field() -> None:
    """Two measures side by side; « CALENDRIER » and its value on one line at the foot of the left
    one, a little apart (more than a word space, less than a table's cell gap), before the right
    measure's heading in reading order: the left measure's calendar, no section."""
    lines = []
    for x, number in ((60, 1), (320, 2)):
        lines.append(words(f"Mesure {number} : Agir", x, 80, 10, bold=True))
        lines += [words("des mots ordinaires pour remplir", x, 100 + 14 * i, 10) for i in range(12)]
    lines.append(words("CALENDRIER", 60, 290, 8, bold=True) + words("Expérimentation 2031", 116, 290, 10))
    measures = _measures(lines)
    assert [(m.number, m.calendar, m.section) for m in measures] == [
        (1, "Expérimentation 2031", None),
        (2, None, None),
    ]
    assert "CALENDRIER" not in measures[0].text and "2031" not in measures[0].text


def test_a_bold_subheading_over_a_paragraph_is_no_field() -> None:
    """« Calendrier » in bold, as large as the paragraph under it and not in capitals: a subheading
    of the text (as in a brochure), not a label set apart from a value."""
    lines = [words("Mesure 1 : Former les agents", 60, 80, 10, bold=True), words(TEXT, 60, 100, 10)]
    lines.append(words("Calendrier", 60, 124, 10, bold=True))
    lines.append(words("La brochure sera diffusée en 2031.", 60, 138, 10))
    measures = _measures(lines)
    assert measures[0].calendar is None
    assert measures[0].text.split("\n\n") == [TEXT, "Calendrier", "La brochure sera diffusée en 2031."]


def test_a_field_blocks_words_leave_the_page_before_its_columns_are_found() -> None:
    """The block's two small columns would make the page's: taken out, the page is one column."""
    body = [words(f"{TEXT} {TEXT}", 60, 100 + 14 * i, 10) for i in range(20)]
    block = [words("Pilote", 60, 400, 8, bold=True) + words("Calendrier", 320, 400, 8, bold=True)]
    block.append(words("DGCS", 60, 412, 10) + words("2032", 320, 412, 10))
    hand = page(1, [*body, *block])
    rest, blocks = field_blocks(hand.words, 1)
    assert len(rest) == len(hand.words) - 4
    assert [[line.text for line in b.lines] for b in blocks] == [["Pilote : DGCS", "Calendrier : 2032"]]
    layout = layout_document([hand])[0]
    assert len(layout.columns) == 1
    assert [line.text for line in layout.lines[-2:]] == ["Pilote : DGCS", "Calendrier : 2032"]
