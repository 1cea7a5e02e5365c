"""Reviews written in sections, on hand-made plans: which sections are read, and when a plan stays a plan."""

from __future__ import annotations

from plancompare.extract.sectionreview import sectioned_review
from plancompare.models import Measure, Plan

PLAN_TEXT = "Des places d’hébergement seront créées pour les victimes."


def plan(*texts: str) -> Plan:
    return Plan(
        title="Bilan",
        measures=[
            Measure(number=n, title=f"Mesure {n}", text=t, first_page=n) for n, t in enumerate(texts, 1)
        ],
    )


def test_sections_give_text_observations_proposals_and_closing_general_demands() -> None:
    first = "\n\n".join(
        [
            PLAN_TEXT,
            "CONSTATS ET OBSERVATIONS",
            "Les places manquent.",
            "Nos propositions :",
            "Créer 50 places d’hébergement sécurisé.",
            "Il est nécessaire de mieux accueillir les victimes mineures :",
            "- former les équipes ;",
            "- ouvrir les places aux mineurs.",
        ]
    )
    second = "\n\n".join(
        [
            "Les enquêteurs seront formés.",
            "Analyse : la formation reste rare.",
            "Recommandations : rendre la formation obligatoire.",
            "Propositions générales",
            "Rattacher la lutte contre la traite au Premier ministre.",
        ]
    )
    review = sectioned_review(plan(first, second), [])
    assert review is not None
    assert [(m.text, m.observations) for m in review.measures] == [
        (PLAN_TEXT, "Les places manquent."),
        ("Les enquêteurs seront formés.", "la formation reste rare."),
    ]
    assert [(p.id, p.measure, p.text) for p in review.proposals] == [
        ("G01", None, "Rattacher la lutte contre la traite au Premier ministre."),
        ("M01-P01", 1, "Créer 50 places d’hébergement sécurisé."),
        (
            "M01-P02",
            1,
            "Il est nécessaire de mieux accueillir les victimes mineures :\n\n- former les équipes ;"
            "\n\n- ouvrir les places aux mineurs.",
        ),
        ("M02-P01", 2, "rendre la formation obligatoire."),
    ]


def test_a_plan_with_a_proposals_section_in_one_measure_of_many_stays_a_plan() -> None:
    # « Recommandations du GRETA » under one measure of four is the plan's text, not a review's section.
    asked = f"{PLAN_TEXT}\n\nRecommandations du GRETA :\n\nMieux protéger les victimes."
    assert sectioned_review(plan(asked, PLAN_TEXT, PLAN_TEXT, PLAN_TEXT), []) is None
    assert sectioned_review(plan(asked, asked, PLAN_TEXT, PLAN_TEXT), []) is not None
