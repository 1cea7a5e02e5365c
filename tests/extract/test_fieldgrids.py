"""Fields tables without rules (fieldgrids.py), on hand-built pages: a header row of labels over
their values, a column of labels beside them; two columns of prose under label subheadings, a list
set with tab stops, a table of figures and a ruled table are no such table."""

from __future__ import annotations

from tests.extract.handmade import page, words

from plancompare.extract.fieldgrids import field_grids
from plancompare.extract.layout import layout_document
from plancompare.extract.pagedata import PageData, Word
from plancompare.extract.planreader import segment_plan
from plancompare.models import Measure

TEXT = "Les services de l’État renforceront la formation des agents."
PROSE = "Les agents suivront une formation. Ils sauront orienter les victimes."


def _measures(lines: list[list[Word]]) -> list[Measure]:
    _, measures, _ = segment_plan(layout_document([page(1, lines)]))
    return measures


def _grid_texts(hand: PageData) -> list[list[str]]:
    _, _, blocks = field_grids(hand, hand.words)
    return [[line.text for line in block.lines] for block in blocks]


def _opening(last_line: str) -> list[list[Word]]:
    """A measure heading and its paragraph, whose last line is short (it fits in a first column)."""
    return [
        words("Mesure 1 : Former les agents", 60, 80, 10, bold=True),
        words(TEXT, 60, 100, 10),
        words(last_line, 60, 114, 10),
    ]


def _assert_fields_read(fields: list[list[Word]]) -> None:
    """`fields` (measure 1 from `_opening`, then its fields block), then measure 2: measure 1 keeps
    its paragraph whole and has the block's pilots and calendar as fields."""
    lines = [
        *fields,
        words("Mesure 2 : Informer les victimes", 60, 200, 10, bold=True),
        words(TEXT, 60, 220, 10),
    ]
    measures = _measures(lines)
    assert [(m.number, m.text) for m in measures] == [(1, f"{TEXT} sans délai."), (2, TEXT)]
    assert [r.bodies for r in measures[0].responsible] == [
        ["ministère de la Justice", "ministère de l’Intérieur"]
    ]
    assert measures[0].calendar == "2031"


def test_a_header_row_of_labels_over_their_values_is_a_fields_table() -> None:
    lines = _opening("sans délai.")
    lines.append(words("Pilote", 60, 140, 9, bold=True) + words("Calendrier", 240, 140, 9, bold=True))
    lines.append(words("ministère de la Justice,", 60, 153, 9) + words("2031", 240, 153, 9))
    lines.append(words("ministère de l’Intérieur", 60, 164, 9))
    _assert_fields_read(lines)


def test_a_column_of_labels_beside_their_values_is_a_fields_table() -> None:
    """« Pilote » centred between the two lines of its value, « Calendrier » level with its own;
    before, their gutter made the page's columns and the paragraph's short last line fell into the
    labels' column."""
    lines = _opening("sans délai.")
    lines.append(words("ministère de la Justice,", 160, 136, 9))
    lines.append(words("Pilote", 60, 142, 9, bold=True))
    lines.append(words("ministère de l’Intérieur", 160, 148, 9))
    lines.append(words("Calendrier", 60, 164, 9, bold=True) + words("2031", 160, 164, 9))
    _assert_fields_read(lines)


def test_two_columns_of_prose_under_label_subheadings_are_no_fields_table() -> None:
    lines = [words("Pilotage", 60, 100, 10, bold=True) + words("Calendrier", 320, 100, 10, bold=True)]
    for i in range(3):
        lines.append(words(PROSE[:40], 60, 114 + 12 * i, 10) + words(PROSE[:40], 320, 114 + 12 * i, 10))
    lines.append(words(PROSE[40:], 60, 150, 10) + words(PROSE[40:], 320, 150, 10))
    assert _grid_texts(page(1, lines)) == []


def test_a_list_set_with_tab_stops_or_a_table_of_figures_is_no_fields_table() -> None:
    lines = [words("Année", 80, 100, 10) + words("Places", 160, 100, 10) + words("Ville", 240, 100, 10)]
    for i, (year, places, town) in enumerate([("2031", "20", "Lyon"), ("2032", "15", "Grenoble")]):
        lines.append(words(year, 80, 114 + 12 * i, 10) + words(places, 160, 114 + 12 * i, 10))
        lines[-1] += words(town, 240, 114 + 12 * i, 10)
    # Labels in a tabbed list of one row each, values at no common place: no table either.
    lines.append(words("Pilote", 80, 200, 10) + words("préfecture", 160, 200, 10))
    lines.append(words("Calendrier", 80, 240, 10) + words("2031", 200, 240, 10))
    assert _grid_texts(page(1, lines)) == []


def _ruled_grid(hand: PageData, xs: list[float], ys: list[float]) -> None:
    hand.vrules += [(x, ys[0], ys[-1]) for x in xs]
    hand.hrules += [(y, xs[0], xs[-1]) for y in ys]


def test_a_ruled_header_row_of_labels_is_read_and_its_rules_go_with_it() -> None:
    """No other reader reads a header row of labels over their values: ruled, its grid holding it
    alone, it is read here and its rules make none of the page's columns."""
    lines = [words("Pilote", 60, 140, 9, bold=True) + words("Calendrier", 240, 140, 9, bold=True)]
    lines.append(words("ministère de la Justice", 60, 153, 9) + words("2031", 240, 153, 9))
    unruled = page(1, lines)
    assert _grid_texts(unruled) == [["Pilote : ministère de la Justice", "Calendrier : 2031"]]
    ruled = page(1, lines)
    _ruled_grid(ruled, [55.0, 235.0, 400.0], [136.0, 151.0, 166.0])
    assert _grid_texts(ruled) == [["Pilote : ministère de la Justice", "Calendrier : 2031"]]
    assert field_grids(ruled, ruled.words)[0].vrules == []
    # A rule across the table that makes no grid of its own: left to the rules readers.
    crossed = page(1, lines)
    crossed.hrules = [(150.0, 55.0, 400.0)]
    assert _grid_texts(crossed) == []
    # A grid holding more than the table (a table of measures under it): left to them too.
    more = page(1, [*lines, words("Mesure 1 Former les agents", 60, 170, 9)])
    _ruled_grid(more, [55.0, 235.0, 400.0], [136.0, 151.0, 166.0, 181.0])
    assert _grid_texts(more) == []


def test_a_ruled_column_of_labels_is_left_to_the_rules_readers() -> None:
    lines = [words("Pilote", 60, 140, 9, bold=True) + words("ministère de la Justice", 160, 140, 9)]
    lines.append(words("Calendrier", 60, 155, 9, bold=True) + words("2031", 160, 155, 9))
    ruled = page(1, lines)
    _ruled_grid(ruled, [55.0, 155.0, 400.0], [136.0, 151.0, 166.0])
    assert _grid_texts(ruled) == []
