"""The bundled drafts laid out unlike the others (corpora/fiches, corpora/objectifs, corpora/engagements,
corpora/orientations, corpora/synthese, corpora/tableau) extract as their sources say: every measure under
its printed number, whatever lists the measures around them (a « Sommaire », an annex table, a list of
acronyms), and every field of a fiche's table in its place; the engagements draft's « Engagement n° 7 – »
headings are measure headings; the tableau draft's rows are its measures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plancompare.extract.document import extract
from plancompare.models import Plan

ROOT = Path(__file__).resolve().parents[2]
FICHES = ROOT / "corpora" / "fiches"
OBJECTIFS = ROOT / "corpora" / "objectifs"
ENGAGEMENTS = ROOT / "corpora" / "engagements"
ENGAGEMENTS_PDF = ENGAGEMENTS / "feuille-de-route-2025-2028-projet.pdf"
ORIENTATIONS = ROOT / "corpora" / "orientations"
ORIENTATIONS_PDF = ORIENTATIONS / "plan-2026-2029-version-cnse.pdf"
SYNTHESE = ROOT / "corpora" / "synthese"
SYNTHESE_PDF = SYNTHESE / "plan-2027-2030-projet-concertation.pdf"
TABLEAU = ROOT / "corpora" / "tableau"
TABLEAU_PDF = TABLEAU / "plan-2028-2031-tableau-des-mesures.pdf"


def _source(folder: Path) -> dict[str, Any]:
    return yaml.safe_load((folder / "src" / "plan.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fiches() -> Plan:
    plan = extract(FICHES / "plan-2021-2023-fiches.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    return plan


@pytest.fixture(scope="module")
def objectifs() -> Plan:
    plan = extract(OBJECTIFS / "strategie-2022-2025-avant-projet.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    return plan


def test_the_fiches_draft_gives_its_28_fiches_under_their_numbers(fiches: Plan) -> None:
    source = [f for o in _source(FICHES)["objectives"] for f in o["fiches"]]
    # Neither the Sommaire (« Fiche action n° 13 – … ») nor the « Liste des sigles » gives a fiche.
    assert [(m.number, m.label, m.title) for m in fiches.measures] == [
        (f["number"], None, f["title"]) for f in source
    ]
    assert fiches.warnings == []


def test_every_row_of_a_fiches_fields_table_is_a_field(fiches: Plan) -> None:
    source = [f for o in _source(FICHES)["objectives"] for f in o["fiches"]]
    for got, want in zip(fiches.measures, source, strict=True):
        # A value wrapped onto two lines, its label centred between them (fiches 11, 13, 16, 22,
        # 24), is read whole; « Indicateur(s) » and « Financement » are fields, not the text.
        fields = dict(want["fields"])
        roles = [(r.role, r.text) for r in got.responsible]
        assert roles == [(k, v) for k, v in want["fields"] if k in ("Pilote", "Partenaires")], got.number
        assert (got.calendar, got.indicators, got.financing) == (
            fields["Calendrier"],
            fields["Indicateur(s)"],
            fields["Financement"],
        ), got.number
        assert got.text.startswith("Constat\n\n"), got.number


def test_a_cover_title_keeps_its_years_set_a_little_apart_in_the_same_type(objectifs: Plan) -> None:
    # « … des êtres humains » / « 2022-2025 » in the same 22 pt bold, a little more than the title's
    # leading apart; the smaller « Avant-projet » further down is no part of it.
    assert (
        objectifs.title
        == "Stratégie nationale de lutte contre l’exploitation et la traite des êtres humains 2022-2025"
    )


def test_the_objectifs_draft_gives_its_20_actions_under_their_printed_numbers(objectifs: Plan) -> None:
    source = [(o["number"], a) for o in _source(OBJECTIFS)["objectives"] for a in o["actions"]]
    # « Action 1.1 » … « Action 6.4 » under « Objectif N »: neither the Sommaire nor the annex table
    # (« N° | Action | Pilote | Calendrier ») gives an action.
    assert [(m.number, m.label, m.title, m.priority) for m in objectifs.measures] == [
        (i, a["number"], a["title"], str(o)) for i, (o, a) in enumerate(source, start=1)
    ]
    for got, (_, want) in zip(objectifs.measures, source, strict=True):
        assert [f"{r.role} : {r.text}" for r in got.responsible] == [want["pilot"]]
        assert f"Calendrier : {got.calendar}" == want["calendar"]
    # The one warning says how the plan numbers its actions; no renumbering.
    assert objectifs.warnings == [
        "measures are numbered within their axes (« 1.1 » … « 6.4 »): reports show these; in the JSON "
        "they are each measure's `label`, and `number` its place, 1 to 20"
    ]


def test_the_engagements_draft_gives_its_30_engagements_under_their_printed_numbers() -> None:
    plan = extract(ENGAGEMENTS_PDF, use_cache=False)
    assert isinstance(plan, Plan)
    # The cover's « 2025-2028 », set a little apart under the title in its type, is the title's; the
    # smaller « Projet soumis à concertation » below it is not.
    assert (
        plan.title
        == "Feuille de route nationale contre la traite et l’exploitation des êtres humains 2025-2028"
    )
    source = [(a["number"], m) for a in _source(ENGAGEMENTS)["axes"] for m in a["measures"]]
    # Numbered 1 … 30 straight through the axes: the printed number is the place in the document.
    # Neither the Sommaire nor the « Liste des sigles » gives an engagement.
    # No section: a bare « Quand : 2025 » line (engagements 12, 18, 22, 27) is the engagement's field,
    # not a heading of the engagements after it.
    assert [(m.number, m.title, m.priority, m.section) for m in plan.measures] == [
        (m["number"], m["title"], axis, None) for axis, m in source
    ]
    assert [p.sections for p in plan.priorities] == [[]] * 5
    for got, (_, want) in zip(plan.measures, source, strict=True):
        # One « Qui : » line is one responsibility, role « Qui », its text the whole line (wrapped
        # onto a second line in 17 and 25), as « Pilotes : A ; B » reads; its bodies are split at « ; ».
        assert [(r.role, r.text) for r in got.responsible] == [("Qui", want["who"])], got.number
        assert got.calendar == want["when"], got.number
        assert "Qui :" not in got.text and "Quand :" not in got.text, got.number
        assert got.text.startswith("Contexte\n\n"), got.number
    assert plan.warnings == []


def test_the_orientations_draft_gives_its_26_measures_under_their_printed_numbers() -> None:
    plan = extract(ORIENTATIONS_PDF, use_cache=False)
    assert isinstance(plan, Plan)
    # The cover's « 2026-2029 » is the title's; the smaller « Version soumise au Conseil national » and
    # the boxed « Document provisoire » stamp are not.
    assert plan.title == "Plan national de lutte contre la traite des êtres humains 2026-2029"
    source = [(a["number"], m) for a in _source(ORIENTATIONS)["axes"] for m in a["measures"]]
    # « Mesure 1 – » … « Mesure 26 – » numbered straight through « Priorité 1 » … « Priorité 4 »: the
    # printed number is the place in the document; the « Introduction » gives no measure.
    assert [(m.number, m.label, m.title, m.priority, m.section) for m in plan.measures] == [
        (m["number"], None, m["title"], str(axis), None) for axis, m in source
    ]
    assert [(p.id, p.title) for p in plan.priorities] == [
        (str(a["number"]), a["title"]) for a in _source(ORIENTATIONS)["axes"]
    ]
    for got, (_, want) in zip(plan.measures, source, strict=True):
        # « Pilote : » and « Échéance : » are fields; the italic « Objectif : » line opens the text, and
        # the running footer (title and page number) is in no measure.
        assert [f"{r.role} : {r.text}" for r in got.responsible] == [want["pilot"]], got.number
        assert f"Échéance : {got.calendar}" == want["deadline"], got.number
        assert got.text.startswith(want["objective"]), got.number
        assert "Pilote :" not in got.text and "Échéance :" not in got.text, got.number
        assert "2026-2029 — version soumise" not in got.text, got.number
    assert plan.warnings == []


def _synthese_measures() -> list[tuple[str, dict[str, Any]]]:
    return [(a["number"], m) for a in _source(SYNTHESE)["axes"] for m in a["measures"]]


@pytest.fixture(scope="module")
def synthese() -> Plan:
    plan = extract(SYNTHESE_PDF, use_cache=False)
    assert isinstance(plan, Plan)
    return plan


def test_the_synthese_draft_gives_its_16_measures_under_their_printed_numbers(synthese: Plan) -> None:
    # The cover's « 2027-2030 » is the title's; the smaller « Projet soumis à concertation » and the boxed
    # « Document de travail » stamp are not.
    assert synthese.title == "Plan d’action national contre la traite des êtres humains 2027-2030"
    source = _synthese_measures()
    # « Mesure 1. » … « Mesure 16. » (a full stop after the number) numbered straight through « Axe I » …
    # « Axe III »: the printed number is the place in the document; the « Préambule » gives no measure.
    assert [(m.number, m.label, m.title, m.priority, m.section) for m in synthese.measures] == [
        (m["number"], None, m["title"], axis, None) for axis, m in source
    ]
    assert [(p.id, p.title) for p in synthese.priorities] == [
        (a["number"], a["title"]) for a in _source(SYNTHESE)["axes"]
    ]
    for got, (_, want) in zip(synthese.measures, source, strict=True):
        # « Pilotage : », « Partenaires : », « Calendrier : » and « Indicateur : » are fields; the text
        # opens on the « Constat » label, its « 1° », « 2° » … actions are one paragraph each, and the
        # running footer (title and page number) is in no measure.
        assert [f"{r.role} : {r.text}" for r in got.responsible] == [want["pilotage"], want["partenaires"]], (
            got.number
        )
        assert f"Calendrier : {got.calendar}" == want["calendrier"], got.number
        assert f"Indicateur : {got.indicators}" == want["indicateur"], got.number
        assert got.text.startswith("Constat\n\n"), got.number
        paragraphs = got.text.split("\n\n")
        for number, action in enumerate(want["actions"], start=1):
            assert " ".join(f"{number}° {action}".split()) in paragraphs, (got.number, number)
        assert "Partenaires :" not in got.text and "Calendrier :" not in got.text, got.number
        assert "2027-2030 — projet soumis" not in got.text, got.number
    assert synthese.warnings == []


def test_the_synthese_drafts_pilotage_line_is_a_responsibility(synthese: Plan) -> None:
    # « Pilotage : » names who carries the measure out, as « Pilote : » does.
    for got, (_, want) in zip(synthese.measures, _synthese_measures(), strict=True):
        assert [f"{r.role} : {r.text}" for r in got.responsible][:1] == [want["pilotage"]], got.number
        assert "Pilotage :" not in got.text, got.number


def _tableau_measures() -> list[tuple[str, dict[str, Any]]]:
    return [(a["number"], m) for a in _source(TABLEAU)["axes"] for m in a["measures"]]


@pytest.fixture(scope="module")
def tableau() -> Plan:
    plan = extract(TABLEAU_PDF, use_cache=False)
    assert isinstance(plan, Plan)
    return plan


def test_the_tableau_draft_gives_its_measures_under_their_printed_numbers(tableau: Plan) -> None:
    # The cover's title is the plan's; the smaller « Tableau des mesures (version de travail) » subtitle and
    # the boxed « Version de travail » stamp are not.
    assert tableau.title == "Plan national d’action contre la traite des êtres humains 2028-2031"
    source = _tableau_measures()
    # One ruled table « N° | Mesure | Pilote | Échéance | Indicateur », its header row repeated on each page:
    # rows 1 … 40 numbered straight through the banners « Axe 1 – … » … « Axe 4 – … », so the printed number
    # is the place in the document; the « Note de présentation » before the table gives no measure.
    assert [(m.number, m.label, m.title, m.priority, m.section) for m in tableau.measures] == [
        (m["number"], None, m["title"], axis, None) for axis, m in source
    ]
    assert [(p.id, p.title) for p in tableau.priorities] == [
        (a["number"], a["title"]) for a in _source(TABLEAU)["axes"]
    ]
    for got, (_, want) in zip(tableau.measures, source, strict=True):
        # The bold title on the cell's first line is the title, the sentences under it the text; the
        # « Pilote » cell is the one responsibility, the « Échéance » cell the calendar; neither the
        # repeated header row nor the running footer is in any measure.
        assert [(r.role, r.text) for r in got.responsible] == [("Pilote", want["pilot"])], got.number
        assert got.calendar == want["deadline"], got.number
        assert got.text == " ".join(want["text"].split()), got.number
        assert "Échéance" not in got.text and "version de travail" not in got.text, got.number
    # The table reader's one note (which columns it read), and no warning.
    assert tableau.warnings == [
        "measures read from the rows of a table (columns: N°, Mesure, Pilote, Échéance, Indicateur)"
    ]


def test_the_tableau_drafts_indicateur_column_gives_the_indicators(tableau: Plan) -> None:
    # An « Indicateur » column holds each measure's indicators, never its text.
    for got, (_, want) in zip(tableau.measures, _tableau_measures(), strict=True):
        assert got.indicators == want["indicator"], got.number
