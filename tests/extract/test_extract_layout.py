"""Layout on hand-built pages (positioned words): running lines, columns, reading order."""

from __future__ import annotations

import pytest
from tests.extract.handmade import page, words

from plancompare.extract.layout import layout_document
from plancompare.extract.pagedata import PageData, Word
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


def _plan_page(number: int, axes: list[tuple[str, list[str]]], top: float = 80.0) -> list[list]:
    """Lines of a page of a plan: each axis heading, then each measure heading and its text."""
    lines, y = [], top
    for axis, headings in axes:
        lines.append(words(axis, 60, y, 12, bold=True))
        y += 22
        for heading in headings:
            lines.append(words(heading, 60, y, 10, bold=True))
            lines.append(
                words("Les services de l’État renforceront la formation des agents.", 60, y + 16, 10)
            )
            y += 38
    return lines


@pytest.mark.parametrize("page_numbers", [False, True])
def test_a_sommaire_of_actions_numbered_within_objectives_gives_no_action(page_numbers: bool) -> None:
    # Page 1: a title of several lines, then « Sommaire » (not among the page's first five lines),
    # entries « Action 1.1 – … » without dot leaders, with or without page numbers, then a preamble.
    lines = [
        words(f"Stratégie nationale ligne {i} du titre", 60, 60 + 16 * i, 14, bold=True) for i in range(5)
    ]
    lines.append(words("Sommaire", 60, 150, 12, bold=True))
    entries = ["Objectif 1 – Prévenir", "Action 1.1 – Former les agents", "Action 1.2 – Informer le public"]
    entries += ["Objectif 2 – Protéger", "Action 2.1 – Héberger les victimes"]
    for i, entry in enumerate(entries):
        number = words(str(2 + i // 3), 500, 170 + 14 * i, 10) if page_numbers else []
        lines.append(words(entry, 60, 170 + 14 * i, 10) + number)
    lines.append(
        words("Le présent plan prolonge l’action engagée depuis 2019 par les services de l’État", 60, 260, 10)
    )
    lines.append(
        words("et par les associations, qui en suivront la mise en œuvre avec les préfets.", 60, 274, 10)
    )
    body = _plan_page(
        2,
        [
            ("Objectif 1 – Prévenir", ["Action 1.1 – Former les agents", "Action 1.2 – Informer le public"]),
            ("Objectif 2 – Protéger", ["Action 2.1 – Héberger les victimes"]),
        ],
    )
    priorities, measures, warnings = segment_plan(layout_document([page(1, lines), page(2, body)]))
    assert [(m.number, m.label, m.title, m.priority, m.first_page) for m in measures] == [
        (1, "1.1", "Former les agents", "1", 2),
        (2, "1.2", "Informer le public", "1", 2),
        (3, "2.1", "Héberger les victimes", "2", 2),
    ]
    assert [p.id for p in priorities] == ["1", "2"]
    assert [m.text for m in measures] == ["Les services de l’État renforceront la formation des agents."] * 3
    assert warnings == [
        "measures are numbered within their axes (« 1.1 » … « 2.1 »): reports show these; in the JSON they "
        "are each measure's `label`, and `number` its place, 1 to 3"
    ]


def test_a_sommaire_filling_its_page_goes_on_at_the_top_of_the_next() -> None:
    # « Sommaire » lists the measures only (no axis, no leader, no page number) over two full pages;
    # the plan opens on page 3 with an axis heading the Sommaire did not list, then its first measure.
    def heading(n: int) -> str:
        return f"Mesure {n} – Former les agents du service"

    first = [words("Sommaire", 60, 60, 12, bold=True)]
    first += [words(heading(n), 60, 80 + 14 * i, 10) for i, n in enumerate(range(1, 51))]
    second = [words(heading(n), 60, 80 + 14 * i, 10) for i, n in enumerate(range(51, 101))]
    body = _plan_page(3, [("AXE 1 – PRÉVENIR", [heading(n) for n in range(1, 13)])])
    body += _plan_page(3, [("AXE 2 – PROTÉGER", [heading(n) for n in range(13, 19)])], top=80 + 22 + 12 * 38)
    layouts = layout_document([page(1, first), page(2, second), page(3, body)])
    priorities, measures, warnings = segment_plan(layouts)
    assert [(m.number, m.priority, m.first_page) for m in measures] == [
        (n, "1" if n <= 12 else "2", 3) for n in range(1, 19)
    ]
    assert [p.id for p in priorities] == ["1", "2"] and warnings == []


def test_an_index_after_the_measures_gives_no_measure() -> None:
    lines = _plan_page(1, [("AXE 1 – PRÉVENIR", ["Mesure 1 – Former les agents", "Mesure 2 – Informer"])])
    # « INDEX » then entries naming the measures again, in another order.
    lines.append(words("INDEX", 60, 200, 12, bold=True))
    lines.append(words("Mesure 2 – Informer : information du public", 60, 220, 10))
    lines.append(words("Mesure 1 – Former les agents : formation", 60, 234, 10))
    priorities, measures, warnings = segment_plan(layout_document([page(1, lines)]))
    assert [(m.number, m.title) for m in measures] == [(1, "Former les agents"), (2, "Informer")]
    assert [p.id for p in priorities] == ["1"]
    assert [m.text for m in measures] == ["Les services de l’État renforceront la formation des agents."] * 2
    assert warnings == []


def test_a_sommaire_of_a_plan_numbering_again_in_each_axis_is_read_whole() -> None:
    # The Sommaire lists « Mesure 1 » under each axis: a heading listed again under another axis is
    # still an entry, and the plan after it is numbered in document order, as it would be without it.
    axes = [("AXE 1 – PRÉVENIR", ["Mesure 1 – Former", "Mesure 2 – Informer"])]
    axes += [("AXE 2 – PROTÉGER", ["Mesure 1 – Héberger", "Mesure 2 – Soigner"])]
    lines = [words("Sommaire", 60, 60, 12, bold=True)]
    entries = [entry for axis, headings in axes for entry in (axis, *headings)]
    lines += [words(entry, 60, 80 + 14 * i, 10) for i, entry in enumerate(entries)]
    lines.append(
        words("Le présent plan prolonge l’action engagée depuis 2019 par les services de l’État", 60, 180, 10)
    )
    priorities, measures, warnings = segment_plan(
        layout_document([page(1, lines), page(2, _plan_page(2, axes))])
    )
    assert [(m.number, m.title, m.priority, m.first_page) for m in measures] == [
        (1, "Former", "1", 2),
        (2, "Informer", "1", 2),
        (3, "Héberger", "2", 2),
        (4, "Soigner", "2", 2),
    ]
    assert [p.id for p in priorities] == ["1", "2"]
    assert warnings == [
        "measure numbers start again in each priority: measures are numbered 1 to 4 in document order "
        "(« Mesure 1 » of priority 2 is measure 3)"
    ]


@pytest.mark.parametrize("heading", ["Liste des abréviations", "GLOSSAIRE", "Lexique"])
def test_a_list_of_acronyms_in_large_type_ends_the_measures(heading: str) -> None:
    lines = _plan_page(1, [("AXE 1 – PRÉVENIR", ["Mesure 1 – Former les agents", "Mesure 2 – Informer"])])
    # In large regular type, not bold: still the heading that ends the measures.
    lines.append(words(heading, 60, 200, 14))
    lines.append(words("ASE Aide sociale à l’enfance", 60, 222, 10))
    lines.append(
        words("OCRTEH Office central pour la répression de la traite des êtres humains", 60, 236, 10)
    )
    _, measures, warnings = segment_plan(layout_document([page(1, lines)]))
    assert [m.text for m in measures] == ["Les services de l’État renforceront la formation des agents."] * 2
    assert warnings == []


@pytest.mark.parametrize("word", ["Engagement", "Chantier", "VOLET"])
def test_a_word_numbering_groups_of_measures_heads_the_priorities(word: str) -> None:
    """« Engagement 2 – … » over « Mesure 3 », « Mesure 4 »: whatever its word, a heading numbering
    groups of the measures is their priority, not a measure; an overview listing the groups first
    (« Engagement 1 – … (mesures 1 et 2) », no measure under it) gives no second priority."""
    groups = ((1, "Titre du premier groupe", (1, 2)), (2, "Titre du second groupe", (3, 4)))
    lines = [
        words(f"{word} {g} – {title} (mesures {n[0]} et {n[1]})", 60, 60 + 16 * g, 10, bold=True)
        for g, title, n in groups
    ]
    y = 120.0
    for group, title, numbers in groups:
        lines.append(words(f"{word} {group} – {title}", 60, y, 14, bold=True))
        y += 24
        for n in numbers:
            lines.append(words(f"Mesure {n}", 60, y, 10, bold=True))
            lines.append(words("Former les agents", 60, y + 14, 12, bold=True))
            lines.append(
                words("Les services de l’État renforceront la formation des agents.", 60, y + 32, 10)
            )
            y += 52
    priorities, measures, warnings = segment_plan(layout_document([page(1, lines)]))
    assert [(p.id, p.title, p.sections) for p in priorities] == [
        ("1", "Titre du premier groupe", []),
        ("2", "Titre du second groupe", []),
    ]
    assert [(m.number, m.priority, m.title) for m in measures] == [
        (n, str(g), "Former les agents") for g, _, numbers in groups for n in numbers
    ]
    assert warnings == []


def test_a_heading_as_large_as_the_measures_after_the_last_one_is_not_its_text() -> None:
    """« Contacts presse » (or « Pour en savoir plus ») in bold, as large as a measure's title, after
    the last measure: closing matter, not the measure's text; a bold subheading in the text's type
    inside a measure stays in its text."""
    lines = [words("Mesure 1", 60, 80, 10, bold=True), words("Former les agents", 60, 96, 13, bold=True)]
    lines.append(words("Les services de l’État renforceront la formation des agents.", 60, 120, 10))
    lines.append(words("Objectifs", 60, 144, 10, bold=True))
    lines.append(words("Un module sera créé pour tous les agents.", 60, 160, 10))
    lines.append(words("Contacts presse", 70, 200, 14, bold=True))
    lines.append(words("Service de presse : 01 40 00 00 00", 70, 224, 10))
    lines.append(words("presse@ministere.example.gouv.fr", 70, 240, 10))
    _, measures, _ = segment_plan(layout_document([page(1, lines)]))
    assert [(m.number, m.title) for m in measures] == [(1, "Former les agents")]
    assert measures[0].text == (
        "Les services de l’État renforceront la formation des agents.\n\nObjectifs\n\n"
        "Un module sera créé pour tous les agents."
    )


def _run_in(top: float, bold: str, regular: str = "") -> list:
    """A line opening with `bold` words, then `regular` ones (a run-in heading's line)."""
    line = words(bold, 60, top, 9.5, bold=True) if bold else []
    if regular:
        line += words(regular, line[-1].x1 + 0.3 * 9.5 if line else 60, top, 9.5)
    return line


def test_a_run_in_heading_wrapping_over_lines_gives_its_bold_run_as_title() -> None:
    """« **Mesure 1. Agir sur les petites annonces / en ligne.** Une charte … »: the title is the bold
    run after the number, whatever line it ends on, without its closing full stop; the text starts
    after it. A bold run ending with its line gives the same."""
    lines = [
        _run_in(80, "Mesure 1. Agir sur les petites annonces"),
        _run_in(92, "en ligne.", "Une charte sera proposée aux plateformes."),
        _run_in(104, "", "Elle sera signée en 2030."),
        _run_in(128, "Mesure 2. Faire connaître toutes les"),
        _run_in(140, "formes d’exploitation.", "Une campagne"),
        _run_in(152, "", "nationale sera diffusée chaque année."),
        _run_in(176, "Mesure 3. Mettre à l’abri sans délai."),
        _run_in(188, "", "Toute personne exploitée sera mise à l’abri."),
    ]
    # A text long enough to be the page's body type.
    lines += [
        words("Les services de l’État renforceront la formation des agents.", 60, 220 + 12 * i, 9.5)
        for i in range(6)
    ]
    _, measures, _ = segment_plan(layout_document([page(1, [line for line in lines if line])]))
    assert [(m.number, m.title, m.text.split("\n\n")[0]) for m in measures] == [
        (
            1,
            "Agir sur les petites annonces en ligne",
            "Une charte sera proposée aux plateformes. Elle sera signée en 2030.",
        ),
        (
            2,
            "Faire connaître toutes les formes d’exploitation",
            "Une campagne nationale sera diffusée chaque année.",
        ),
        (3, "Mettre à l’abri sans délai", "Toute personne exploitée sera mise à l’abri."),
    ]


@pytest.mark.parametrize("size", [10.5, 11.0, 12.0])
def test_a_bold_subheading_larger_than_the_text_stays_in_a_run_in_measure(size: float) -> None:
    """In a plan whose headings run in (« **Mesure 1. Former les agents.** Les services … »), a bold
    subheading set larger than the text (« Ce qui change ») is the measure's text, not a heading
    closing it: only the next measure heading or a part heading does."""
    text = "Les services de l’État renforceront la formation des agents."
    lines = [
        _run_in(80, "Mesure 1. Former les agents.", "Un module commun sera créé."),
        words(text, 60, 92, 9.5),
        words("Ce qui change", 60, 112, size, bold=True),
        words("Le module sera obligatoire dès 2030.", 60, 130, 9.5),
        words(text, 60, 142, 9.5),
        words("Pilote : MIPROF", 60, 160, 9.5),
        _run_in(184, "Mesure 2. Informer les victimes.", "Une brochure sera traduite."),
        words(text, 60, 196, 9.5),
        words("Calendrier", 60, 216, size, bold=True),
        words("La brochure sera diffusée en 2031.", 60, 234, 9.5),
        words("Partie II – Protéger", 60, 264, 14, bold=True),
        words(text, 60, 290, 9.5),
        _run_in(314, "Mesure 3. Héberger les victimes.", "Dix places seront ouvertes."),
        words(text, 60, 326, 9.5),
    ]
    _, measures, _ = segment_plan(layout_document([page(1, lines)]))
    assert [(m.number, m.title, m.text) for m in measures] == [
        (
            1,
            "Former les agents",
            f"Un module commun sera créé. {text}\n\nCe qui change\n\n"
            f"Le module sera obligatoire dès 2030.\n\n{text}",
        ),
        (
            2,
            "Informer les victimes",
            f"Une brochure sera traduite. {text}\n\nCalendrier\n\nLa brochure sera diffusée en 2031.",
        ),
        (3, "Héberger les victimes", f"Dix places seront ouvertes. {text}"),
    ]
    assert [(r.role, r.text) for r in measures[0].responsible] == [("Pilote", "MIPROF")]


@pytest.mark.parametrize("dash", ["—", "–", "|"])
def test_a_dash_between_two_fields_on_a_line_belongs_to_neither(dash: str) -> None:
    """« Pilotes : MIPROF ; DGCS — Échéance : 2030 »: two fields on one line, the dash separating them."""
    lines = [words("Mesure 1 : Former les agents", 60, 80, 10, bold=True)]
    lines.append(words("Les services de l’État renforceront la formation des agents.", 60, 96, 10))
    lines.append(words(f"Pilotes : MIPROF ; DGCS {dash} Échéance : 2030", 60, 120, 10))
    _, measures, _ = segment_plan(layout_document([page(1, lines)]))
    assert [(r.role, r.text) for r in measures[0].responsible] == [("Pilotes", "MIPROF ; DGCS")]
    assert measures[0].calendar == "2030"


def test_a_shaded_box_is_kept_out_of_the_measure_it_interrupts() -> None:
    """« Repères » and its statements on a filled rectangle, set in the middle of a measure's text
    (which resumes after it, in mid-sentence) and after another measure: no measure reads the box,
    and the interrupted sentence is read whole. Fields set in a shaded panel stay fields, and a
    measure whose whole text is in a shaded card keeps it."""
    text = "Les services de l’État renforceront la formation des agents."
    lines = [words("Mesure 1 : Former les agents", 60, 80, 10, bold=True)]
    lines.append(words("Un module commun sera créé pour les policiers et", 60, 96, 10))
    box = [words("Repères", 70, 122, 10, bold=True), words("2016 : une loi a été votée.", 70, 136, 9)]
    lines += [*box, words("2019 : un deuxième plan a été adopté.", 70, 148, 9)]
    lines.append(words("les gendarmes en 2030.", 60, 174, 10))
    lines.append(words("Mesure 2 : Informer les victimes", 60, 200, 10, bold=True))
    lines.append(words(text, 60, 216, 10))
    lines.append(words("Pilote : ministère de l’Intérieur", 70, 240, 10))
    lines.append(words("Calendrier : 2030", 70, 254, 10))
    lines.append(words("Chiffres clés", 70, 286, 10, bold=True))
    lines.append(words("1 200 victimes ont été identifiées en 2027.", 70, 300, 9))
    lines.append(words("Mesure 3 : Héberger les victimes", 60, 330, 10, bold=True))
    lines += [words(text, 70, 346 + 12 * i, 10) for i in range(2)]
    shaded = page(1, lines)
    shaded.shades = [(65.0, 400.0, 118.0, 162.0), (65.0, 400.0, 236.0, 268.0), (65.0, 400.0, 282.0, 314.0)]
    shaded.shades.append((65.0, 400.0, 342.0, 372.0))  # measure 3's card: its whole text
    _, measures, _ = segment_plan(layout_document([shaded]))
    assert [(m.number, m.text) for m in measures] == [
        (1, "Un module commun sera créé pour les policiers et les gendarmes en 2030."),
        (2, text),
        (3, f"{text} {text}"),
    ]
    assert [(r.role, r.text) for r in measures[1].responsible] == [("Pilote", "ministère de l’Intérieur")]
    assert measures[1].calendar == "2030"


def _part_page(number: int, header: str, heading: str) -> PageData:
    """A page under a header naming its part, at the top left, then a measure's heading and text."""
    lines = [words(header, 60, 30, 8), words(heading, 60, 80, 10, bold=True)]
    lines += [words(BODY, 60, 100 + 14 * i, 10) for i in range(10)]
    return page(number, lines)


def test_a_header_naming_the_part_the_page_is_in_is_no_text() -> None:
    """« Axe 1 · Prévenir » over the pages of axis 1, « Axe 2 · Protéger » over those of axis 2: each
    too rare to be a running header, and read as a heading; at one place, changing with the part,
    they are page furniture, and end no measure's text."""
    pages = [_part_page(n, "Axe 1 · Prévenir", f"Mesure {n} : Agir sur le point {n}") for n in (1, 2, 3)]
    pages += [_part_page(n, "Axe 2 · Protéger", f"Mesure {n} : Agir sur le point {n}") for n in (4, 5, 6)]
    layouts = layout_document(pages)
    assert [layout.lines[0].text for layout in layouts] == [
        f"Mesure {n} : Agir sur le point {n}" for n in range(1, 7)
    ]
    _, measures, _ = segment_plan(layouts)
    assert [m.text for m in measures] == [" ".join([BODY] * 10)] * 6


def test_a_table_header_repeated_at_the_top_of_every_page_stays() -> None:
    """A header row « N° | Mesure | Pilote » at the top of every page: one text at each place, no part
    header; its « Mesure » cell, heading-like, keeps the row in the text as before."""
    pages = []
    for n in range(1, 7):
        lines = [words("N°", 60, 30, 8, bold=True) + words("Mesure", 120, 30, 8, bold=True)]
        lines[0] += words("Pilote", 400, 30, 8, bold=True)
        lines += [words(BODY, 60, 100 + 14 * i, 10) for i in range(10)]
        pages.append(page(n, lines))
    assert [layout.lines[0].text for layout in layout_document(pages)] == ["N° Mesure Pilote"] * 6


def test_a_field_label_left_alone_before_a_measure_heads_no_section() -> None:
    """« CALENDRIER » alone at the foot of a measure (its value set elsewhere), in bold capitals right
    before the next measure's heading, as a section heading would be: a field label is none."""
    lines = [words("Mesure 1 : Former les agents", 60, 80, 10, bold=True), words(BODY, 60, 100, 10)]
    lines.append(words("CALENDRIER", 60, 130, 8, bold=True))
    lines.append(words("Mesure 2 : Informer les victimes", 60, 160, 10, bold=True))
    lines.append(words(BODY, 60, 180, 10))
    priorities, measures, _ = segment_plan(layout_document([page(1, lines)]))
    assert [m.section for m in measures] == [None, None]
    assert all(p.sections == [] for p in priorities)


def test_closing_matter_after_a_run_in_plan_s_last_measure_is_not_its_text() -> None:
    """A brochure whose headings run in closes on « Contacts presse » or « Pour en savoir plus »: the
    measures are over there, as after « Annexes » (a subheading inside a measure stays its text)."""
    text = "Les services de l’État renforceront la formation des agents."
    for closing in ("Contacts presse", "Pour en savoir plus"):
        lines = [
            _run_in(80, "Mesure 1. Former les agents.", "Un module commun sera créé."),
            words(text, 60, 92, 9.5),
            words("Ce qui change", 60, 112, 11, bold=True),
            words("Le module sera obligatoire dès 2030.", 60, 130, 9.5),
            words(closing, 60, 170, 12, bold=True),
            words("Service de presse du ministère : 01 00 00 00 00", 60, 188, 9.5),
        ]
        _, measures, _ = segment_plan(layout_document([page(1, lines)]))
        kept = f"Un module commun sera créé. {text}\n\nCe qui change\n\nLe module sera obligatoire dès 2030."
        assert [(m.number, m.text) for m in measures] == [(1, kept)], closing


def _foot_page(number: int, foot: list[list[Word]]) -> PageData:
    lines = [words(BODY, 60, 100 + 14 * i, 10) for i in range(40)]
    lines.append(words(f"{number}", 290, 812, 8))
    return page(number, lines + foot)


def test_a_fields_value_wrapped_into_the_bottom_margin_is_no_page_number() -> None:
    """« Pilote : … · Échéance : » at the foot of a page, its value « 2030 » alone on the next line, at
    its left edge, in its type: the line's own, not a page number (the page's own number goes)."""
    fields = [words("Pilote : préfets · Échéance :", 60, 746, 8.5), words("2030", 60, 759, 8.5)]
    layouts = layout_document([_foot_page(1, fields), _foot_page(2, []), _foot_page(3, [])])
    texts = [line.text for line in layouts[0].lines]
    assert texts[-2:] == ["Pilote : préfets · Échéance :", "2030"]
    assert [layout.dropped for layout in layouts] == [["1"], ["2"], ["3"]]


def test_a_number_set_apart_from_the_text_or_in_another_type_is_a_page_number() -> None:
    """A page's number alone at the foot of a one-page document (no running line to learn from): at
    the text's left edge but well below its last line, in a smaller type right under it, or centred
    right under it, it is page furniture still."""
    body = [words(BODY, 60, 100 + 14 * i, 10) for i in range(40)]
    last = words("Pilote : préfets · Échéance : 2030", 60, 746, 10)
    for number in (words("7", 60, 780, 10), words("7", 60, 759, 8), words("7", 290, 759, 10)):
        layout = layout_document([page(1, [*body, last, number])])[0]
        assert layout.dropped == ["7"]
        assert layout.lines[-1].text == "Pilote : préfets · Échéance : 2030"
