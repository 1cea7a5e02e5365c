"""Reasons and labels in French and English, built from the reason's fields (never the engine's note)."""

from __future__ import annotations

import pytest

from plancompare.errors import UsageError
from plancompare.models import Reason
from plancompare.report.i18n import labels

NOTE = "an English note for JSON readers"


@pytest.mark.parametrize(
    ("reason", "fr", "en"),
    [
        (
            Reason(code="figure", base="6 mois", next="1 an", detail=NOTE),
            "chiffre\u00a0: 6 mois → 1 an",
            "figure: 6 mois → 1 an",
        ),
        (
            Reason(code="modality", base="doit", next="pourra", detail=NOTE),
            "modalité\u00a0: «\u00a0doit\u00a0» → «\u00a0pourra\u00a0»",
            "modality: “doit” → “pourra”",
        ),
        (
            Reason(code="actor", base="ministère de l’Intérieur", next=None),
            "acteur\u00a0: «\u00a0ministère de l’Intérieur\u00a0» → –",
            "actor: “ministère de l’Intérieur” → –",
        ),
        (
            Reason(code="partial", base="budgets, formation", detail=NOTE),
            "partielle, absent\u00a0: budgets, formation",
            "partial, missing: budgets, formation",
        ),
        (Reason(code="topic-only", detail=NOTE), "même thème seulement", "same topic only"),
        (Reason(code="no-match", detail=NOTE), "aucune mesure correspondante", "no matching measure"),
        (
            Reason(code="analyst", detail="vu avec la MIPROF"),
            "analyste\u00a0: vu avec la MIPROF",
            "analyst: vu avec la MIPROF",
        ),
        (Reason(code="analyst"), "analyste", "analyst"),
    ],
)
def test_reasons_in_both_languages(reason: Reason, fr: str, en: str) -> None:
    assert labels("fr").reason(reason) == fr
    assert labels("en").reason(reason) == en


def test_percent_and_verdicts() -> None:
    fr, en = labels("fr"), labels("en")
    assert (fr.percent(1, 3), en.percent(1, 3), fr.percent(0, 0)) == ("33\u00a0%", "33%", "–")
    assert [fr.verdict(v) for v in ("adopted", "changed", "dropped")] == [
        "Adoptée",
        "Modifiée",
        "Non reprise",
    ]
    assert [fr.measure_verdict(v) for v in ("kept", "revised", "merged", "split", "dropped")] == [
        "Maintenue", "Révisée", "Fusionnée", "Scindée", "Abandonnée"
    ]  # fmt: skip
    assert en.measure_verdict("dropped") == "Dropped"


def test_unknown_language() -> None:
    with pytest.raises(UsageError):
        labels("de")


def test_the_same_words_are_not_shown_twice() -> None:
    # diapo M09-P05: « à titre expérimental » is a modality (an obligation asked) and a scope (a few
    # places); the JSON keeps both reasons, a reader is told once.
    both = [
        Reason(code="modality", base="doivent", next="à titre expérimental"),
        Reason(code="scope", base=None, next="à titre expérimental"),
    ]
    assert labels("fr").reasons(both) == [
        "modalité\u00a0: «\u00a0doivent\u00a0» → «\u00a0à titre expérimental\u00a0»"
    ]
    other = [both[0], Reason(code="scope", base=None, next="dans trois départements")]
    assert len(labels("en").reasons(other)) == 2
