"""Layout on hand-built pages (positioned words): running lines, columns, reading order."""

from __future__ import annotations

import pytest
from tests.extract.handmade import page, words

from plancompare.extract.layout import layout_document
from plancompare.extract.pdf import PageData
from plancompare.extract.planreader import segment_plan

BODY = "des mots ordinaires pour remplir la colonne"


def two_column_page(number: int, heading: str) -> PageData:
    lines = [words("Plan national 2017-2019 – projet", 60, 30, 8), words(f"Page {number}", 280, 810, 8)]
    lines.append(words(heading, 60, 80, 10, bold=True))
    lines.append(words("Pilotes : ministère de la Justice", 60, 100))
    for i in range(40):
        lines.append(words(BODY, 60, 120 + 14 * i))
        lines.append(words(BODY, 320, 80 + 14 * i))
    return page(number, lines)


def test_running_lines_go_and_headings_at_page_tops_stay() -> None:
    pages = [two_column_page(n, f"Mesure {n} – Agir sur le point {n}") for n in range(1, 6)]
    layouts = layout_document(pages)
    for layout in layouts:
        texts = [line.text for line in layout.lines]
        assert not any("2017-2019" in t or t.startswith("Page ") for t in texts)
        assert texts[0].startswith(f"Mesure {layout.number} ")
        assert len(layout.columns) == 2
        # Column 1 is read before column 2.
        columns = [line.column for line in layout.lines]
        assert columns == sorted(columns)
    _, measures, _ = segment_plan(layouts)
    assert [m.number for m in measures] == [1, 2, 3, 4, 5]
    assert measures[0].title == "Agir sur le point 1"
    assert measures[0].responsible[0].bodies == ["ministère de la Justice"]


def test_full_width_title_splits_the_columns_into_bands() -> None:
    lines = [words("TITRE QUI TRAVERSE TOUTE LA PAGE DE GAUCHE A DROITE ET ENCORE", 60, 60, 12, bold=True)]
    for i in range(20):
        lines.append(words(BODY, 60, 100 + 14 * i))
        lines.append(words(BODY, 320, 100 + 14 * i))
    layout = layout_document([page(1, lines)])[0]
    assert layout.lines[0].column == -1
    assert [ln.column for ln in layout.lines[1:]] == [0] * 20 + [1] * 20


def test_single_column_page_has_one_column() -> None:
    lines = [words(BODY + " " + BODY, 60, 100 + 14 * i) for i in range(30)]
    layout = layout_document([page(1, lines)])[0]
    assert len(layout.columns) == 1
    assert len(layout.lines) == 30


def _flow(texts: list[str], gaps: dict[int, float] | None = None, page_break_at: int | None = None) -> list:
    from plancompare.extract.lines import Line

    out = []
    top = 100.0
    page = 1
    for i, text in enumerate(texts):
        if i == page_break_at:
            page, top = 2, 100.0
        top += (gaps or {}).get(i, 0.0)
        out.append(Line(text, 60, 60 + 5 * len(text), top, top + 9, 9.0, False, page))
        top += 11.5
    return out


def test_paragraph_breaks() -> None:
    from plancompare.extract.paragraphs import paragraphs

    texts = [
        "La formation des professionnels est la clé de l’accompa-",
        "gnement des victimes de la traite des êtres humains sous",
        "toutes ses formes — sexuelle, par le travail, servitude",
        "— et sera déclinée selon les publics concernés partout.",
        "Ce socle sera :",
        "• conçu avec les associations spécialisées qui",
        "interviendront dans les sessions",
        "• fondé sur des cas pratiques.",
        "Un nouveau paragraphe après un espace plus grand que",
        "les autres, qui continue sur la page suivante sans",
        "coupure de paragraphe.",
    ]
    paras = [p.text for p in paragraphs(_flow(texts, gaps={4: 6.0, 8: 6.0}, page_break_at=10))]
    assert paras == [
        "La formation des professionnels est la clé de l’accompagnement des victimes de la traite des êtres "
        "humains sous toutes ses formes — sexuelle, par le travail, servitude — et sera déclinée selon les "
        "publics concernés partout.",
        "Ce socle sera :",
        "• conçu avec les associations spécialisées qui interviendront dans les sessions",
        "• fondé sur des cas pratiques.",
        "Un nouveau paragraphe après un espace plus grand que les autres, qui continue sur la page suivante "
        "sans coupure de paragraphe.",
    ]


@pytest.mark.parametrize(
    "glyph", ["\uf0b7", "\uf0a7", "\uf0d8", "\ufffd", "•"], ids=["F0B7", "F0A7", "F0D8", "FFFD", "bullet"]
)
def test_symbol_font_bullets_open_list_items(glyph: str) -> None:
    # Word's Symbol/Wingdings bullets: private-use code points, or undecoded, in many PDFs.
    lines = [
        words("Mesure 1 : Former les agents", 60, 80, 10, bold=True),
        words("Le module comprendra :", 60, 100, 10),
    ]
    lines += [words(f"{glyph} les indicateurs de chaque forme d’exploitation ;", 60, 114, 10)]
    lines += [words(f"{glyph} les droits des victimes.", 60, 128, 10)]
    _, measures, _ = segment_plan(layout_document([page(1, lines)]))
    assert measures[0].text.split("\n\n") == [
        "Le module comprendra :",
        "• les indicateurs de chaque forme d’exploitation ;",
        "• les droits des victimes.",
    ]


def test_a_field_label_in_a_cell_of_its_own_reads_as_a_label_and_a_sentence_does_not() -> None:
    lines = [
        words("Mesure 1 : Former les agents", 60, 80, 10, bold=True),
        words("Un module sera créé.", 60, 100, 10),
    ]
    # « Partenaires sociaux … » opens a sentence (word spacing); « Pilote » and « Calendrier » sit
    # in cells of their own, their values two ems away or more.
    lines.append(words("Partenaires sociaux et associations y seront associés.", 60, 114, 10))
    lines.append(words("Pilote", 60, 140, 10, bold=True) + words("Ministère de la Justice", 160, 140, 10))
    lines.append(words("Calendrier", 60, 154, 10, bold=True) + words("2025-2026", 160, 154, 10))
    _, measures, _ = segment_plan(layout_document([page(1, lines)]))
    assert measures[0].text.split("\n\n") == [
        "Un module sera créé.",
        "Partenaires sociaux et associations y seront associés.",
    ]
    assert [(r.role, r.text) for r in measures[0].responsible] == [("Pilote", "Ministère de la Justice")]
    assert measures[0].calendar == "2025-2026"


def test_numbered_objectives_are_the_priorities_of_a_plan_without_axes() -> None:
    lines, y = [], 80.0
    for objective, numbers in ((1, (1, 2)), (2, (3,))):
        lines.append(words(f"Objectif {objective} : Titre de l’objectif {objective}", 60, y, 12, bold=True))
        y += 22
        for n in numbers:
            lines.append(words(f"Mesure {n} : Former les agents", 60, y, 10, bold=True))
            lines.append(
                words("Les services de l’État renforceront la formation des agents.", 60, y + 16, 10)
            )
            y += 38
    priorities, measures, warnings = segment_plan(layout_document([page(1, lines)]))
    assert [(p.id, p.title) for p in priorities] == [
        ("1", "Titre de l’objectif 1"),
        ("2", "Titre de l’objectif 2"),
    ]
    assert [(m.number, m.priority, m.section) for m in measures] == [
        (1, "1", None),
        (2, "1", None),
        (3, "2", None),
    ]
    assert warnings == []


def test_axes_numbered_in_roman_alone_are_priorities_when_no_axis_word_is_used() -> None:
    lines, y = [], 80.0
    for numeral, numbers in (("I", (1, 2)), ("II", (3,))):
        lines.append(words(f"{numeral}. AXE DU PLAN NUMÉRO {numeral}", 60, y, 12, bold=True))
        y += 22
        for n in numbers:
            lines.append(words(f"Mesure {n} : Former les agents", 60, y, 10, bold=True))
            # A regular-weight « I. » inside a measure is its text, not an axis.
            text = "I. Les services de l’État formeront les agents." if n == 2 else "Un module sera créé."
            lines.append(words(text, 60, y + 16, 10))
            y += 38
    priorities, measures, _ = segment_plan(layout_document([page(1, lines)]))
    assert [(p.id, p.title) for p in priorities] == [
        ("I", "AXE DU PLAN NUMÉRO I"),
        ("II", "AXE DU PLAN NUMÉRO II"),
    ]
    assert [(m.number, m.priority) for m in measures] == [(1, "I"), (2, "I"), (3, "II")]
    assert measures[1].text == "I. Les services de l’État formeront les agents."
