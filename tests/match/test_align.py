"""Passage alignment: the right sentence of a long measure, no swallowing, many-to-many."""

from __future__ import annotations

from plancompare.match.aligner import PARALLEL_FROM, Aligner, align_many
from plancompare.match.units import PARALLEL_STEMS_FROM, Stems
from plancompare.models import Measure
from plancompare.text.normalise import is_ask

LONG = Measure(
    number=7,
    title="Protéger les victimes de toutes les formes de traite",
    text=(
        "L’hébergement des victimes sera renforcé par des places dédiées dans chaque région. "
        "Les victimes mineures bénéficieront d’un administrateur ad hoc désigné sans délai. "
        "La formation des enquêteurs, des magistrats et des travailleurs sociaux sera développée. "
        "Un guide national de l’identification sera diffusé à l’ensemble des services. "
        "Les associations spécialisées seront associées au suivi du plan. "
        "Les victimes étrangères recevront une information sur leurs droits au séjour."
    ),
)
SHORT = Measure(
    number=8, title="Financer la domiciliation des victimes", text="La domiciliation sera financée."
)


def aligner() -> Aligner:
    return Aligner([LONG, SHORT])


def test_a_short_ask_is_answered_by_one_sentence_of_a_long_measure() -> None:
    al = aligner()
    best = al.align(al.query("Désigner un administrateur ad hoc pour chaque mineur victime."))[0]
    assert best.measure == 7
    assert best.passage.startswith("Les victimes mineures bénéficieront d’un administrateur ad hoc")


def test_a_long_measure_does_not_swallow_an_unrelated_short_proposal() -> None:
    al = aligner()
    cands = al.align(al.query("Les tests osseux doivent être interdits pour déterminer l’âge."))
    assert all(c.score < 20 for c in cands)
    related = al.align(
        al.query("Le guide national de l’identification doit être diffusé à tous les services.")
    )
    assert related[0].score > 3 * max([c.score for c in cands] or [0.0])


def test_a_proposal_can_match_several_measures_and_order_does_not_matter() -> None:
    forward = Aligner([LONG, SHORT])
    backward = Aligner([SHORT, LONG])
    text = "Financer la domiciliation des victimes et leur hébergement dans des places dédiées."
    a = forward.align(forward.query(text))
    b = backward.align(backward.query(text))
    assert {c.measure for c in a if c.score > 20} == {7, 8}
    assert [(c.measure, c.score) for c in a] == [(c.measure, c.score) for c in b]


def test_asks_are_told_from_context() -> None:
    assert is_ask("Le Collectif demande la création de postes.")
    assert is_ask("Prévoir des référents dans chaque préfecture.")
    assert is_ask("Les associations devraient être associées.")
    assert not is_ask("En 2016, trente victimes ont été accueillies.")
    assert not is_ask("Entre 2014 et 2016, rien n’a changé.")
    # Softer ways French reviews ask.
    assert is_ask("Il appelle à ce que cette lutte soit déclarée Grande Cause Nationale.")
    assert is_ask("Il serait aussi utile de mettre en place un système d’avertissement.")
    # Other reviews' ways of asking.
    for sentence in (
        "Le Collectif préconise la création d’un fonds dédié.",
        "Il conviendrait de créer un fonds dédié.",
        "Nous appelons à la création d’un fonds dédié.",
        "Le Collectif plaide pour un fonds dédié.",
        "Nous suggérons de créer un fonds dédié.",
        "Le Collectif invite le Gouvernement à créer un fonds dédié.",
        "Nous attendons du Gouvernement qu’il crée un fonds dédié.",
    ):
        assert is_ask(sentence), sentence
    # A regret states; it does not ask.
    assert not is_ask("Le Collectif regrette l’absence de fonds dédié.")
    assert is_ask("Il est important de prendre en compte les disparités territoriales.")
    assert is_ask("Le Collectif veillera à ce que les campagnes portent sur toutes les formes.")
    assert is_ask("La carte de séjour ne peut être soumise à la présentation du passeport.")
    assert not is_ask("Le Collectif se réjouit de la création d’un premier plan.")
    assert is_ask("Il s’agit à la fois de financer des places dédiées et d’offrir des solutions adaptées.")
    assert not is_ask("Il s’agit de victimes isolées.")
    # « urgence » is no ask: « 6 places de l’appartement d’urgence » describes what exists.
    assert not is_ask("6 places de l’appartement d’urgence du Comité Contre l’Esclavage Moderne")


def test_the_ask_weighs_more_than_its_context() -> None:
    al = aligner()
    text = (
        "Les victimes étrangères reçoivent peu d’information sur leurs droits au séjour. "
        "Le Collectif demande que la domiciliation des victimes soit financée."
    )
    assert al.align(al.query(text))[0].measure == 8


def test_batches_give_the_same_candidates_with_one_or_two_processes() -> None:
    measures = [
        Measure(
            number=i + 1, title=f"Mesure {i + 1}", text=f"{LONG.text} Sujet numéro {i} : domiciliation {i}."
        )
        for i in range(30)
    ]
    al = Aligner(measures)
    items = [
        (al.query(f"Financer la domiciliation {i} des victimes mineures."), None)
        for i in range(PARALLEL_FROM)
    ]
    assert align_many(al, items, workers=2) == align_many(al, items, workers=1)


def test_texts_tokenised_over_two_processes_give_the_same_stems() -> None:
    texts = [
        f"L’œuvre n° {i} : hébergement des mineurs non accompagnés (MNA) à l’ASE."
        for i in range(PARALLEL_STEMS_FROM)
    ]
    forked, here = Stems(), Stems()
    forked.prime(texts, workers=2)
    here.prime(texts, workers=1)
    assert len(forked) == len(texts)  # filled by the workers, not lazily below
    assert [forked(t) for t in texts] == [here(t) for t in texts]
    assert forked(texts[7])[:2] == ("oeuvr", "7")


def test_a_list_item_is_shown_with_its_lead_in_and_scored_on_its_own_words() -> None:
    listed = Measure(
        number=9,
        title="Héberger chaque victime selon sa situation",
        text=(
            "Plusieurs réponses seront mobilisées selon la situation de chaque personne :\n\n"
            "• l’éloignement géographique, lorsque la sécurité de la victime l’exige ;\n\n"
            "• des places identifiées dans des centres d’hébergement généralistes ;\n\n"
            "• à défaut, et pour une courte durée, des nuitées hôtelières."
        ),
    )
    al = Aligner([LONG, listed])
    ask = "Prévoir des places identifiées dans les centres d’hébergement généralistes."
    best = al.align(al.query(ask))[0]
    assert best.measure == 9
    assert best.passage == (
        "Plusieurs réponses seront mobilisées selon la situation de chaque personne : "
        "des places identifiées dans des centres d’hébergement généralistes"
    )


def test_two_list_items_shown_together_keep_the_mark_between_them() -> None:
    # Cut apart, each item lost its « ; »: joined with a space, « … du cadre juridique intégré aux
    # cursus » would read as one sentence about the legal framework.
    listed = Measure(
        number=4,
        title="Former les professionnels",
        text=(
            "Ce socle sera :\n\n"
            "• fondé sur des études de cas, au-delà de la seule présentation du cadre juridique ;\n\n"
            "• intégré aux cursus initiaux des écoles de police et de gendarmerie ;\n\n"
            "• complété par des sessions de formation continue."
        ),
    )
    al = Aligner([LONG, listed])
    passages = [c.passage for c in al.align(al.query("Fonder les cursus initiaux sur des études de cas."))]
    assert "du cadre juridique ; intégré aux cursus initiaux" in " | ".join(passages)
    assert not any("juridique intégré" in p for p in passages)
