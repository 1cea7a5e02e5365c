"""Acronyms and set phrases: a plan that writes « l’ASE » answers a proposal about « l’Aide
Sociale à l’Enfance », and one document's own « long form (ACR) » counts for the other."""

from __future__ import annotations

from plancompare.align import Aligner
from plancompare.glossary import defined_acronyms
from plancompare.models import Measure

OTHER = Measure(
    number=2,
    title="Former les enquêteurs",
    text="Les enquêteurs et les magistrats suivront une formation commune sur la traite des enfants.",
)


def best(measures: list[Measure], ask: str, base_texts: tuple[str, ...] = ()) -> tuple[int, float]:
    al = Aligner(measures, base_texts)
    top = al.align(al.query(ask))[0]
    return top.measure, top.score


def test_an_acronym_in_the_plan_answers_the_long_form_in_the_proposal() -> None:
    plan = [
        Measure(
            number=1,
            title="Protéger les mineurs",
            text="Chaque mineur victime sera confié à l’ASE sans délai.",
        ),
        OTHER,
    ]
    measure, score = best(
        plan, "Les mineurs victimes doivent être pris en charge par l’Aide Sociale à l’Enfance."
    )
    assert measure == 1
    lowered = [
        Measure(number=1, title="Protéger les mineurs", text="Chaque mineur victime sera confié sans délai."),
        OTHER,
    ]
    assert (
        score
        > best(lowered, "Les mineurs victimes doivent être pris en charge par l’Aide Sociale à l’Enfance.")[1]
        + 10
    )


def test_an_acronym_a_document_defines_is_read_in_the_other() -> None:
    plan = [
        Measure(number=1, title="Loger les victimes", text="Le DNAPV proposera une place à chaque victime."),
        OTHER,
    ]
    ask = "Chaque victime doit avoir une place du dispositif national d’accueil et de protection des victimes"
    mention = "Le dispositif national d’accueil et de protection des victimes est saturé."
    without = best(plan, ask, (mention,))[1]
    definition = "Le dispositif national d’accueil et de protection des victimes (DNAPV) est saturé."
    measure, score = best(plan, ask, (definition,))
    assert measure == 1 and score > without + 10


def test_set_phrases_of_the_same_meaning_meet() -> None:
    plan = [
        Measure(number=1, title="Séjour", text="Une carte de séjour d’un an sera délivrée aux victimes."),
        Measure(number=2, title="Séjour", text="Un titre de transport sera délivré aux victimes."),
    ]
    assert best(plan, "Délivrer un titre de séjour aux victimes.")[0] == 1


def test_only_definitions_whose_initials_spell_the_acronym_are_learned() -> None:
    text = (
        "les mineurs non accompagnés (MNA), l’Office central pour la répression de la traite des êtres "
        "humains (OCRTEH), la Mission interministérielle pour la protection des femmes (MIPROF), "
        "l’article 4 (art. 4), la commission (CNCDH), l’ADA (allocation de demandeur d’asile), "
        "le PNR (voir plus haut)"
    )
    assert defined_acronyms(text) == {
        "MNA": "mineurs non accompagnés",
        "OCRTEH": "Office central pour la répression de la traite des êtres humains",
        "ADA": "allocation de demandeur d asile",
    }
