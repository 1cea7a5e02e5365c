"""A report's numbered recommendations: its summary list repeats them, chapters may number again."""

from __future__ import annotations

from plancompare.extract.recommendations import without_repeats


def test_a_summary_repeating_recommendations_in_short_keeps_the_full_text() -> None:
    found = [
        (1, "Permettre aux victimes d’être domiciliées auprès d’associations agréées, sans condition.", 3),
        (
            2,
            "Confier l’évaluation du plan à une autorité indépendante, qui en rendra compte chaque année.",
            5,
        ),
        (1, "Permettre la domiciliation des victimes auprès d’associations agréées.", 9),
        (2, "Confier l’évaluation du plan à une autorité indépendante.", 9),
    ]
    assert without_repeats(found) == found[:2]
    # A shorter mention first (a summary at the start of the report): the full text replaces it.
    assert without_repeats([found[2], found[0]]) == [found[0]]


def test_a_numbering_that_starts_again_per_chapter_keeps_both_asks() -> None:
    found = [
        (1, "Former les magistrats à l’exploitation par le travail.", 2),
        (1, "Ouvrir quarante places d’accueil éloigné pour les mineurs.", 6),
    ]
    assert without_repeats(found) == found
