"""Small ruled tables beside the text (sidetables.py), on hand-built pages: read apart, caption then
rows across their cells, after the text beside them; a table as wide as the text, or a measure's
fields table, is left to the other readers."""

from __future__ import annotations

import random

from tests.extract.handmade import page, words

from plancompare.extract.layout import layout_document
from plancompare.extract.pagedata import PageData, Word
from plancompare.extract.planreader import segment_plan
from plancompare.extract.rulegrids import edges, ruled_grids
from plancompare.extract.sidetables import side_tables
from plancompare.extract.tablecaptions import caption_below

LINE = "des mots ordinaires qui remplissent la"
CELLS = [["Année", "Places"], ["2030", "100"], ["2031", "150"]]


def _grid(
    hand: PageData, x0: float, top: float, widths: list[float], rows: list[list[str]]
) -> list[list[Word]]:
    """Ruled cells of 20 points' height from (x0, top), their texts 3 points in: the rules go into
    `hand`, the cells' words are returned."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top + 20 * i for i in range(len(rows) + 1)]
    hand.vrules += [(x, ys[0], ys[-1]) for x in xs]
    hand.hrules += [(y, xs[0], xs[-1]) for y in ys]
    return [
        words(cell, x + 3, y + 5, 9)
        for row, y in zip(rows, ys, strict=False)
        for cell, x in zip(row, xs, strict=False)
    ]


def _page(
    lines: list[list[Word]], table_at: tuple[float, float] | None, rows: list[list[str]] = CELLS
) -> PageData:
    hand = page(1, lines)
    if table_at is not None:
        x0, top = table_at
        hand.words += [w for cell in _grid(hand, x0, top, [80.0, 80.0], rows) for w in cell]
        hand.words += words("Ouverture des places", x0 + 2, top - 16, 9, bold=True)
    return hand


def test_a_table_beside_a_paragraph_is_read_after_it_row_by_row() -> None:
    """The caption level with the paragraph's second line, the cells level with the next ones: the
    paragraph is read whole, then the caption, then each row across its cells."""
    lines = [words("Mesure 1 : Héberger les victimes", 60, 60, 10, bold=True)]
    lines += [words(f"{LINE} colonne {i}", 60, 80 + 14 * i, 10) for i in range(8)]
    lines.append(words("Mesure 2 : Informer les victimes", 60, 220, 10, bold=True))
    lines.append(words("Une brochure sera traduite.", 60, 240, 10))
    _, measures, _ = segment_plan(layout_document([_page(lines, (340.0, 110.0))]))
    paragraph = " ".join(f"{LINE} colonne {i}" for i in range(8))
    assert [(m.number, m.text.split("\n\n")) for m in measures] == [
        (1, [paragraph, "Ouverture des places", "Année | Places", "2030 | 100", "2031 | 150"]),
        (2, ["Une brochure sera traduite."]),
    ]


def test_a_table_goes_before_the_first_line_below_it_that_reaches_under_it() -> None:
    lines = [words("Mesure 1 : Héberger les victimes", 60, 60, 10, bold=True)]
    lines += [words(f"{LINE} colonne {i}", 60, 80 + 14 * i, 10) for i in range(6)]
    lines.append(
        words("Pilote : direction départementale de l’emploi, du travail et des solidarités", 60, 200, 10)
    )
    layout = layout_document([_page(lines, (340.0, 110.0))])[0]
    texts = [line.text for line in layout.lines]
    assert texts.index("2031 | 150") + 1 == texts.index(
        "Pilote : direction départementale de l’emploi, du travail et des solidarités"
    )
    assert len(layout.columns) == 1  # the table's rules make no columns once it is read apart


def test_a_paragraph_going_on_below_the_table_is_read_whole_before_it() -> None:
    """The paragraph beside the table goes on across the page's width below it, at its own leading,
    in mid-sentence: the table comes after the paragraph, before the next one (spaced from it)."""
    wide = "des mots ordinaires qui remplissent toute la largeur de la page sous le tableau"
    lines = [words("Mesure 1 : Héberger les victimes", 60, 60, 10, bold=True)]
    lines += [words(f"{LINE} colonne {i}", 60, 80 + 14 * i, 10) for i in range(7)]
    lines += [words(f"{wide} {i}", 60, 178 + 14 * i, 10) for i in range(2)]
    lines.append(words("Un bilan sera présenté chaque année.", 60, 230, 10))
    _, measures, _ = segment_plan(layout_document([_page(lines, (340.0, 110.0))]))
    paragraph = " ".join([*(f"{LINE} colonne {i}" for i in range(7)), *(f"{wide} {i}" for i in range(2))])
    assert measures[0].text.split("\n\n") == [
        paragraph,
        "Ouverture des places",
        "Année | Places",
        "2030 | 100",
        "2031 | 150",
        "Un bilan sera présenté chaque année.",
    ]


NEXT = "Un bilan des places ouvertes sera présenté chaque année au comité départemental de suivi."


def _beside_and_under(under: list[Word]) -> PageData:
    """A paragraph beside a table at the right (no caption above it), `under` the table, then the
    next paragraph across the page's width."""
    hand = page(1, [words("Mesure 1 : Héberger les victimes", 60, 60, 10, bold=True)])
    hand.words += [w for i in range(7) for w in words(f"{LINE} colonne {i}", 60, 80 + 14 * i, 10)]
    hand.words += [w for cell in _grid(hand, 340.0, 96.0, [80.0, 80.0], CELLS) for w in cell]
    hand.words += under + words(NEXT, 60, 200, 10)
    return hand


def test_a_caption_under_the_table_goes_after_its_rows() -> None:
    """« Source : … » in smaller type right under the grid, level with the paragraph's last line:
    the table's, after its rows, not in the paragraph's sentence."""
    hand = _beside_and_under(words("Source : DREETS, 2030", 340, 164, 8))
    _, measures, _ = segment_plan(layout_document([hand]))
    paragraph = " ".join(f"{LINE} colonne {i}" for i in range(7))
    rows = ["Année | Places", "2030 | 100", "2031 | 150"]
    assert measures[0].text.split("\n\n") == [paragraph, *rows, "Source : DREETS, 2030", NEXT]


def test_a_line_under_the_table_in_the_texts_type_reading_as_no_caption_is_none() -> None:
    box = (340.0, 500.0, 96.0, 156.0)
    assert caption_below(words("Source : DREETS, 2030", 340, 164, 10), box) != []
    assert caption_below(words("des places ouvertes", 340, 164, 8), box) == []  # nothing beside it
    hand = _beside_and_under(words("des places ouvertes", 340, 164, 10))
    assert caption_below(hand.words, box) == []


def test_a_heading_right_above_a_table_is_no_caption() -> None:
    """A table at the left of the text, level with the text's first line, a heading right above
    both: the heading runs on past the table's width, so no part of it is the table's caption."""
    hand = page(
        1, [words("Mesure 1 : Héberger les victimes dans des places sécurisées", 60, 60, 10, bold=True)]
    )
    hand.words += [w for i in range(6) for w in words(f"{LINE} {i}", 260, 80 + 14 * i, 10)]
    hand.words += [w for cell in _grid(hand, 60.0, 78.0, [80.0, 80.0], CELLS) for w in cell]
    _, measures, _ = segment_plan(layout_document([hand]))
    assert measures[0].title == "Héberger les victimes dans des places sécurisées"
    assert measures[0].text.split("\n\n")[1:] == ["Année | Places", "2030 | 100", "2031 | 150"]


def test_a_table_as_wide_as_the_text_or_a_fields_table_is_left_to_the_other_readers() -> None:
    lines = [words(f"{LINE} colonne {i}", 60, 80 + 14 * i, 10) for i in range(6)]
    wide = _page(lines, (60.0, 200.0))
    assert side_tables(wide, wide.words)[2] == []
    fields = _page(lines, (340.0, 90.0), [["Pilote", "DGCS"], ["Calendrier", "2032"]])
    assert side_tables(fields, fields.words)[2] == []


def _plain_grids(hand: PageData) -> list[tuple[list[float], list[float]]]:
    """rulegrids.ruled_grids the plain way: every vertical rule tried against every horizontal one."""
    vrules, hrules = hand.vrules, hand.hrules
    group = list(range(len(vrules) + len(hrules)))
    for i, (x, top, bottom) in enumerate(vrules):
        for j, (y, x0, x1) in enumerate(hrules):
            if top - 2 <= y <= bottom + 2 and x0 - 2 <= x <= x1 + 2:
                old, new = group[len(vrules) + j], group[i]
                group = [new if g == old else g for g in group]
    found = []
    for g in sorted(set(group)):
        xs = edges([x for i, (x, _, _) in enumerate(vrules) if group[i] == g])
        ys = edges([y for j, (y, _, _) in enumerate(hrules) if group[len(vrules) + j] == g])
        if len(xs) >= 3 and len(ys) >= 3:
            found.append((xs, ys))
    return found


def test_grids_met_by_bisection_are_those_of_the_plain_way() -> None:
    """Rules on a coarse lattice, a point or two off it now and then, so that they meet often."""
    rng = random.Random(11)
    for _ in range(60):
        hand = page(1, [])

        def at() -> float:
            return 20.0 * rng.randint(0, 10) + rng.choice((0.0, 0.0, 1.5, -2.5))

        for _ in range(rng.randint(0, 25)):
            x, top = at(), at()
            hand.vrules.append((x, top, top + 20.0 * rng.randint(1, 4)))
            y, x0 = at(), at()
            hand.hrules.append((y, x0, x0 + 20.0 * rng.randint(1, 4)))
        assert sorted(ruled_grids(hand)) == sorted(_plain_grids(hand))
