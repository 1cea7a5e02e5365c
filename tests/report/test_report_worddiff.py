"""Word-level differences between a proposal's sentence and the plan's passage."""

from __future__ import annotations

from plancompare.report.worddiff import diff_words, side_by_side_html


def test_changed_words_are_deleted_and_inserted() -> None:
    ops = diff_words("Créer 50 postes dans un délai de 6 mois", "Créer 50 postes dans un délai d’1 an")
    assert ops == [("equal", "Créer 50 postes dans un délai"), ("delete", "de 6 mois"), ("insert", "d’1 an")]


def test_case_accents_and_punctuation_do_not_count_as_changes() -> None:
    ops = diff_words("les mineurs, les Victimes étrangères", "Les mineurs les victimes etrangeres.")
    assert [op for op, _ in ops] == ["equal"]
    assert ops[0][1] == "Les mineurs les victimes etrangeres."


def test_html_sides_are_escaped_and_marked() -> None:
    left, right = side_by_side_html("former <des> agents & élus", "former les agents & magistrats")
    assert left == "former <del>&lt;des&gt;</del> agents &amp; <del>élus</del>"
    assert right == "former <ins>les</ins> agents &amp; <ins>magistrats</ins>"


def test_empty_sides() -> None:
    assert diff_words("", "une mesure") == [("insert", "une mesure")]
    assert side_by_side_html("une proposition", "") == ("<del>une proposition</del>", "")
