"""The document's title read on hand-built first pages (titles.py)."""

from __future__ import annotations

from tests.extract.handmade import page, words

from plancompare.extract.layout import layout_document
from plancompare.extract.titles import document_title

BODY = "Le Comité a pris connaissance du bilan du programme précédent et des contributions reçues."


def _cover(title: str, subtitle: list[str]) -> str | None:
    lines = [words(title, 190, 130, 17, bold=True)]
    lines += [words(text, 80, 156 + 16 * i, 10.5) for i, text in enumerate(subtitle)]
    lines += [words(BODY, 60, 260 + 14 * i, 10) for i in range(20)]
    return document_title(layout_document([page(1, lines)]))


def test_a_subtitle_ending_in_the_plans_years_completes_a_title_without_them() -> None:
    """« RELEVÉ DE DÉCISIONS » names no plan; the subtitle set right under it, in the body's type,
    does, closing on the plan's period: it is part of the title, over the lines it wraps to."""
    subtitle = ["Séance du 3 mars 2030 — Programme régional contre", "l’exploitation des mineurs 2031-2033"]
    assert _cover("RELEVÉ DE DÉCISIONS", subtitle) == (
        "RELEVÉ DE DÉCISIONS Séance du 3 mars 2030 — Programme régional contre "
        "l’exploitation des mineurs 2031-2033"
    )


def test_a_subtitle_not_ending_in_a_period_or_under_a_title_with_years_stays_out() -> None:
    assert _cover("RELEVÉ DE DÉCISIONS", ["Séance du 3 mars 2030"]) == "RELEVÉ DE DÉCISIONS"
    assert _cover("RELEVÉ DE DÉCISIONS", ["Projet soumis à concertation"]) == "RELEVÉ DE DÉCISIONS"
    title = "Programme régional 2031-2033"
    assert _cover(title, ["Compte rendu de la séance — programme 2031-2033"]) == title


def test_a_period_written_with_a_completes_the_title_too() -> None:
    """« pour les années 2044 à 2046 »: French writes a period with « à » as often as with a dash."""
    subtitle = ["valant plan régional contre l’exploitation des mineurs", "pour les années 2031 à 2033"]
    assert _cover("CONTRAT-CADRE", subtitle) == (
        "CONTRAT-CADRE valant plan régional contre l’exploitation des mineurs pour les années 2031 à 2033"
    )
    assert _cover("CONTRAT-CADRE", ["conclu entre 12 et 14 partenaires"]) == "CONTRAT-CADRE"
