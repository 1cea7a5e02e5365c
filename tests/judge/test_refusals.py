"""What a plan leaves out of its scope, refuses in part or grants on a condition: the ask is not
adopted on the sentence that gives the rest."""

from __future__ import annotations

import pytest

from plancompare.judge.reasons import change_reasons
from plancompare.models import Measure
from plancompare.text.commitment import is_commitment, is_refusal


def codes(ask: str, passage: str, measure: Measure | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(r.code, r.base, r.next) for r in change_reasons(ask, passage, measure)]


@pytest.mark.parametrize(
    "sentence",
    [
        "La formation initiale des magistrats n’entre pas dans le champ de la présente stratégie.",
        "Les dispositifs de logement de droit commun n’entrent pas dans le champ du présent plan.",
        "Les actions de plaidoyer sont hors du champ de cet appel à projets.",
        "L’hébergement d’urgence ne relève pas du présent plan.",
        "Ces ateliers ne donnent lieu à aucun financement de l’État.",
        "Le présent contrat ne modifie pas les règles du regroupement familial.",
        "Les frais de traduction en sont exclus.",
    ],
)
def test_what_the_plan_leaves_out_of_its_scope_answers_no_ask(sentence: str) -> None:
    assert is_refusal(sentence) and not is_commitment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Who they are, not what the plan leaves out.
        "Un accueil adapté à ces jeunes, qui ne relèvent pas du dispositif national, sera expérimenté.",
        # Everyone included.
        "Aucune victime n’en est exclue, quelle que soit la forme de son exploitation.",
    ],
)
def test_a_relative_clause_or_an_inclusion_is_no_refusal(sentence: str) -> None:
    assert not is_refusal(sentence) and is_commitment(sentence)


def _measure(text: str) -> Measure:
    return Measure(number=6, title="Sensibiliser les élèves", text=text)


def test_a_part_of_the_ask_refused_in_the_measure_is_a_change() -> None:
    ask = (
        "Les associations souhaitent intervenir dans les lycées et recevoir des financements pour ces "
        "actions de sensibilisation."
    )
    given = "Les associations agréées interviennent dans les lycées aux côtés des enseignants."
    refusal = "Ces interventions ne donnent lieu à aucun financement au titre du présent plan."
    assert codes(ask, given, _measure(f"{given} {refusal}")) == [("scope", "financements", refusal)]
    # Without the refusal, the same passage still pays for nothing, and says nothing of it.
    assert codes(ask, given, _measure(given)) == [("scope", "financements", None)]


def test_one_word_of_the_ask_in_a_refusal_that_does_not_govern_it_is_no_change() -> None:
    ask = "La carte de séjour doit ouvrir droit à l’exercice d’une activité salariée."
    given = "La carte autorise son titulaire à exercer une activité salariée."
    refusal = "Le droit d’asile demeure régi par son propre code, que le présent plan ne modifie pas."
    assert codes(ask, given, _measure(f"{given} {refusal}")) == []


def test_two_words_of_the_ask_refused_are_a_change() -> None:
    ask = "Un module sur la traite doit être ajouté à la formation des enseignants."
    given = "La traite sera inscrite au programme d’éducation civique."
    refusal = "Les enseignants recevront un guide ; nous n’ajouterons pas de module à leur formation."
    reason = codes(ask, given, _measure(f"{given} {refusal}"))[0]
    assert reason[:2] == ("scope", "enseignants, module, formation")


@pytest.mark.parametrize(
    ("ask", "passage", "asked", "given"),
    [
        (
            "Le préfet doit créer systématiquement un groupe de pilotage dans chaque département.",
            "Lorsqu’il l’estime nécessaire, le préfet constitue un groupe de pilotage.",
            "systématiquement",
            "Lorsqu’il l’estime nécessaire",
        ),
        (
            "Toutes les victimes doivent avoir accès à un hébergement sans conditions.",
            "Les victimes ont un accès immédiat aux centres d’hébergement, dans la limite des places "
            "disponibles.",
            "sans conditions",
            "dans la limite des places disponibles",
        ),
        (
            "Toute situation individuelle doit faire l’objet d’une évaluation de l’intérêt de l’enfant.",
            "Lorsqu’un mineur est placé hors de son département, une évaluation de son intérêt précède la "
            "décision.",
            "Toute situation",
            "Lorsqu’un mineur est placé hors de son département",
        ),
    ],
)
def test_a_condition_where_none_was_asked_is_a_change(ask: str, passage: str, asked: str, given: str) -> None:
    assert codes(ask, passage) == [("scope", asked, given)]


def test_an_unconditional_measure_given_as_asked_is_no_change() -> None:
    assert (
        codes(
            "Toute situation individuelle doit faire l’objet d’une évaluation.",
            "Chaque mineur fait l’objet d’une évaluation individuelle avant toute décision.",
        )
        == []
    )


def test_every_type_of_trafficking_asked_and_two_forms_given_is_a_change() -> None:
    assert codes(
        "Un module national incluant les différents types de traite doit être créé.",
        "Un module national traite de l’exploitation sexuelle et de l’exploitation par le travail.",
    )[0][:2] == ("scope", "les différents types de traite")


def test_help_without_payment_where_funding_was_asked_is_a_change() -> None:
    assert codes(
        "Des financements spécifiques doivent être prévus pour les associations qui forment.",
        "Les associations apportent leur concours aux formations sans contrepartie financière.",
    ) == [("modality", "financements", "sans contrepartie financière")]
