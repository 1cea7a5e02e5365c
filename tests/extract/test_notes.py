"""Footnotes on hand-built pages: what is read as a note, and what stays the measure's text."""

from __future__ import annotations

import pytest
from tests.extract.handmade import page, words

from plancompare.extract.layout import layout_document
from plancompare.extract.pagedata import PageData
from plancompare.extract.pdf import words_from_chars
from plancompare.extract.planreader import segment_plan
from plancompare.extract.recommendations import segment_recommendations
from plancompare.text.normalise import figures, tokens

BODY = "Les agents suivront un module de formation au repérage des victimes."


def plan_page(body: list[str], foot: list[str], rule: tuple[float, float] | None = None) -> PageData:
    """A measure heading, `body` lines in 10 pt, then `foot` lines in 8 pt at the page's foot;
    `rule`: a horizontal rule from x0 to x1 just above the foot."""
    lines = [words("Mesure 1 : Former les agents", 60, 80, 10, bold=True)]
    lines += [words(text, 60, 100 + 14 * i, 10) for i, text in enumerate(body)]
    lines += [words(text, 60, 740 + 10 * i, 8) for i, text in enumerate(foot)]
    built = page(1, lines)
    if rule is not None:
        built.hrules = [(736.0, *rule)]
    return built


def measure_text(page: PageData) -> str:
    _, measures, _ = segment_plan(layout_document([page]))
    return measures[0].text


def test_a_called_note_follows_the_text_with_its_number_raised() -> None:
    page = plan_page(
        [BODY, "Trois associations ont été entendues³."], ["3 Lors de la concertation", "de mars 2024."]
    )
    assert (
        measure_text(page)
        == f"{BODY} Trois associations ont été entendues³.\n\n³ Lors de la concertation de mars 2024."
    )


@pytest.mark.parametrize(
    ("rule", "is_note"),
    [((60.0, 200.0), True), ((60.0, 535.0), False), (None, False)],
    ids=["short", "wide", "none"],
)
def test_an_uncalled_note_needs_the_short_rule_above_it(
    rule: tuple[float, float] | None, is_note: bool
) -> None:
    foot = "(1) Circulaire du 19 mai 2015."
    text = measure_text(plan_page([BODY], [foot], rule))
    assert text == (f"{BODY}\n\n¹ Circulaire du 19 mai 2015." if is_note else f"{BODY}\n\n{foot}")


def test_small_type_at_the_foot_without_a_mark_or_a_call_stays_text() -> None:
    for foot in [
        "3 associations ont été entendues en 2024.",
        "Source : enquête de 2024.",
        "1. une grille commune ;",
    ]:
        assert measure_text(plan_page([BODY], [foot])).endswith(foot)


def test_raised_small_digits_are_note_calls_and_raised_letters_stay_letters() -> None:
    def char(text: str, x: float, size: float = 10.0, rise: float = 0.0) -> dict:
        top = 100.0 - rise + (10.0 - size)
        return {
            "text": text,
            "x0": x,
            "x1": x + 0.55 * size,
            "top": top,
            "bottom": top + size,
            "size": size,
            "upright": True,
            "fontname": "DejaVuSans",
        }

    chars = [char(c, 60 + 5.5 * i) for i, c in enumerate("2013")] + [char("1", 82.2, 6.5, 3.0)]
    chars += [char(" ", 86.0), char("1", 90.0), char("e", 95.5, 6.5, 3.0), char("r", 99.1, 6.5, 3.0)]
    chars += [char(" ", 103.0), char("C", 106.0), char("O", 111.5), char("2", 117.0, 6.5, -1.5)]
    assert [w.text for w in words_from_chars(chars)] == ["2013¹", "1er", "CO2"]
    # The call is no part of the figure or the word it follows.
    assert tokens("la loi de 2013¹ protège les victimes²") == tokens("la loi de 2013 protège les victimes")
    assert figures("pendant 6 mois² au moins") == [(6.0, "mois", "6 mois")]


def test_a_recommendation_running_over_a_page_stays_whole_without_the_page_notes() -> None:
    ask = "Recommandation n° 1 : Créer un fonds d’indemnisation des victimes¹ de la traite"
    first = [
        words(ask, 60, 700, 10, bold=True),
        words("et du travail forcé, financé par les", 60, 714, 10, bold=True),
    ]
    first += [words("1 Au sens de l’article 225-4-1 du code pénal.", 60, 760, 8)]
    second = [words("avoirs confisqués aux auteurs.", 60, 80, 10, bold=True)]
    second += [words("Recommandation n° 2 : Former les magistrats.", 60, 110, 10, bold=True)]
    pages = [page(n, ls) for n, ls in ((1, first), (2, second))]
    review = segment_recommendations(layout_document(pages))
    assert review is not None
    assert [p.text for p in review.proposals] == [
        "Créer un fonds d’indemnisation des victimes¹ de la traite et du travail forcé, financé par les "
        "avoirs confisqués aux auteurs.",
        "Former les magistrats.",
    ]
