"""What a proposal and its passage share, marked in both: not a redline of two different texts."""

from __future__ import annotations

from plancompare.report.worddiff import shared_html


def test_shared_words_are_marked_on_both_sides_by_stem() -> None:
    left, right = shared_html(
        "Former les agents de Pôle emploi", "Les agents de France Travail seront formés à la détection."
    )
    assert left == "<mark>Former les agents</mark> de Pôle emploi"
    assert right == "Les <mark>agents</mark> de France Travail seront <mark>formés</mark> à la détection."


def test_an_adopted_ask_in_other_words_is_not_struck_through() -> None:
    # The old redline struck « Créer 50 postes de » and « de 6 mois » out of an ask the plan took up.
    left, right = shared_html(
        "Créer 50 postes de médiateurs culturels dans un délai de 6 mois",
        "Des médiateurs culturels pourront être recrutés dans un délai d’1 an.",
    )
    assert "<del>" not in left + right and "<ins>" not in left + right
    assert left == "Créer 50 postes de <mark>médiateurs culturels dans un délai</mark> de 6 mois"
    assert (
        right
        == "Des <mark>médiateurs culturels</mark> pourront être recrutés dans un <mark>délai</mark> d’1 an."
    )


def test_case_accents_punctuation_and_function_words() -> None:
    left, right = shared_html("les Mineurs, les Étrangères isolés", "Protéger les mineurs et les etrangeres.")
    # Function words between two shared words join their mark; punctuation around it stays out.
    assert left == "les <mark>Mineurs, les Étrangères</mark> isolés"
    assert right == "Protéger les <mark>mineurs et les etrangeres</mark>."
    # A content word the other text lacks ends a mark.
    left, _ = shared_html("les mineurs, les victimes étrangères", "les mineurs et les etrangeres")
    assert left == "les <mark>mineurs</mark>, les victimes <mark>étrangères</mark>"
    assert shared_html("de la et le", "de la et le") == ("de la et le", "de la et le")  # nothing to mark


def test_text_is_escaped_and_absent_words_underlined() -> None:
    left, right = shared_html("former <des> agents & élus", "former les agents & magistrats", ["élus"])
    assert left == '<mark>former &lt;des&gt; agents</mark> &amp; <span class="absent">élus</span>'
    assert right == "<mark>former les agents</mark> &amp; magistrats"
    left, _ = shared_html("financés par l’Etat.", "financés par la région", ["Etat"])
    assert left == '<mark>financés</mark> par <span class="absent">l’Etat</span>.'


def test_empty_sides() -> None:
    assert shared_html("une proposition", "") == ("une proposition", "")
    assert shared_html("", "une mesure") == ("", "une mesure")


def test_etre_and_avoir_are_never_marked_on_their_own() -> None:
    # « sera » in the ask's framing and the plan's future tense says nothing the passage takes up.
    left, right = shared_html(
        "Le Collectif sera attentif à ce que la campagne porte sur toutes les formes.",
        "Une campagne nationale sera conduite ; elle aura lieu chaque année.",
    )
    assert left == "Le Collectif sera attentif à ce que la <mark>campagne</mark> porte sur toutes les formes."
    assert right == "Une <mark>campagne</mark> nationale sera conduite ; elle aura lieu chaque année."
