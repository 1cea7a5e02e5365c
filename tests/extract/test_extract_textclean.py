"""French text cleaning: spaces, ligatures, line-end hyphenation, « N° » variants."""

from __future__ import annotations

import pytest

from plancompare.extract.textclean import clean, is_upper_text, join_lines
from plancompare.text.patterns import ANY_LABEL, DOTTED_MEASURE_RE, HEADING_WORD, MEASURE_RE, PRIORITY_RE


def test_spaces_and_ligatures() -> None:
    assert clean("Mise\u00a0en\u202fœuvre\u2009: ﬁnancement ﬂux eﬀet eﬃcace") == (
        "Mise en œuvre : financement flux effet efficace"
    )
    assert clean("« guillemets » et l’apostrophe") == "« guillemets » et l’apostrophe"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["l’accompa-", "gnement des victimes"], "l’accompagnement des victimes"),
        (["le réseau Ac-", "Sé accueille"], "le réseau Ac-Sé accueille"),
        (["c’est-", "à-dire"], "c’est-à-dire"),
        (["c’est-à-", "dire"], "c’est-à-dire"),
        (["peut-", "être"], "peut-être"),
        (["la Grande-", "Bretagne"], "la Grande-Bretagne"),
        (["vis-", "à-vis"], "vis-à-vis"),
        (["dit-", "il"], "dit-il"),
        (["lui-", "même"], "lui-même"),
        (["ces mesures-", "ci"], "ces mesures-ci"),
        (["le plan 2014-", "2016"], "le plan 2014-2016"),
        (["au-", "delà"], "au-delà"),
        (["le travail -", "forcé"], "le travail - forcé"),
        (["une ligne", "puis une autre"], "une ligne puis une autre"),
        (["coupure\u00ad", "douce"], "coupuredouce"),
    ],
)
def test_line_end_hyphens(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("heading", "number", "rest"),
    [
        ("MESURE N° 5 : ASSURER L’ACCES", "5", "ASSURER L’ACCES"),
        ("MESURE N°2 : DEVELOPPER", "2", "DEVELOPPER"),
        ("MESURE N ° 13 : CREER DES POLES", "13", "CREER DES POLES"),
        ("Mesure 5 – Renforcer", "5", "Renforcer"),
        ("Mesure n° 12. Retenir", "12", "Retenir"),
        ("Mesure N°14 - Saisir", "14", "Saisir"),
        ("Mesure nº 7 : Suivre", "7", "Suivre"),
        ("MESURE 9", "9", ""),
        ("MESURE 12  Former les agents", "12", "Former les agents"),
        ("Engagement n° 7 – Renforcer la médiation", "7", "Renforcer la médiation"),
        ("ENGAGEMENT N° 3 : AGIR", "3", "AGIR"),
        ("ENGAGEMENT 3", "3", ""),
    ],
)
def test_measure_headings(heading: str, number: str, rest: str) -> None:
    m = MEASURE_RE.match(heading)
    assert m is not None
    assert (m.group("num"), m.group("rest")) == (number, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Mesure 2014-2016 du plan",
        "mesure 5 : en minuscules",
        "Mesures 3 et 4 :",
        "Mesure 12 du plan précédent",
        "Engagement 2025 de l’État",
        "engagement 5 : en minuscules",
        "Engagements 3 et 4 :",
    ],
)
def test_not_measure_headings(text: str) -> None:
    assert MEASURE_RE.match(text) is None


def test_engagement_headings_read_as_measure_headings() -> None:
    inserted = MEASURE_RE.match("Engagement 12 bis – Protéger")
    assert inserted is not None and (inserted.group("num"), inserted.group("inserted")) == ("12", "bis")
    dotted = DOTTED_MEASURE_RE.match("Engagement 2.3 : Former")
    assert dotted is not None and dotted.group("num") == "2.3"
    assert HEADING_WORD.match("ENGAGEMENT") and HEADING_WORD.match("Engagement n°")


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Qui : MIPROF ; préfets", ["Qui"]),
        ("Quand : 2025", ["Quand"]),
        ("Qui : préfets Quand : 2026", ["Qui", "Quand"]),
        ("Pilote : DGCS • Échéance : 2027", ["Pilote", "Échéance"]),
        # Running text: « qui » and « quand » are labels only capitalised.
        ("les victimes qui : – vivent dans un campement ; – n’ont aucune adresse", []),
        ("qui : – vivent dans un campement", []),
        ("quand : la victime le demande", []),
        ("QUI : MIPROF QUAND : 2026", ["QUI", "QUAND"]),
    ],
)
def test_qui_and_quand_are_field_labels_only_capitalised(text: str, labels: list[str]) -> None:
    assert [m.group("label") for m in ANY_LABEL.finditer(text)] == labels


def test_priority_headings() -> None:
    for text, pid in [
        ("PRIORITE II – DEMANTELER", "II"),
        ("PRIORITE I : IDENTIFIER", "I"),
        ("AXE 4 – Agir", "4"),
        ("Axe stratégique 2 : Protéger", "2"),
        ("AXE STRATEGIQUE III – POURSUIVRE", "III"),
        ("Priorité n° 1 : Identifier", "1"),
    ]:
        m = PRIORITY_RE.match(text)
        assert m is not None and m.group("num") == pid


def test_upper_case_detection() -> None:
    assert is_upper_text("ALLER AU DEVANT DES VICTIMES")
    assert not is_upper_text("Aller au devant")
    assert not is_upper_text("OK")
