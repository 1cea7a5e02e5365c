"""The deuxcolonnes draft (corpora/deuxcolonnes: a fictional 2029-2032 plan set as a ministry brochure in two
text columns) extracts as its source says: its thirty measures under their printed numbers, whatever the
« Sommaire » lists; its four « Partie I – … » headings, which span both columns, as priorities; the italic
« Pilotes : … — Échéance : … » lines as fields; no running footer and no shaded « Repères » / « Chiffres
clés » box inside a measure.

Each measure opens with a run-in bold heading in the paragraph of its text (« Mesure 7. Titre. Les
personnes… »): its title is the bold run, its text what follows. The run-in headings, the « — » between
two fields and the shaded boxes were misread, as strict xfails, until the extractor learnt to read them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plancompare.extract.document import extract
from plancompare.models import Plan

ROOT = Path(__file__).resolve().parents[2]
DEUXCOLONNES = ROOT / "corpora" / "deuxcolonnes"
PDF = DEUXCOLONNES / "plan-2029-2032-deuxcolonnes.pdf"


def _source() -> dict[str, Any]:
    return yaml.safe_load((DEUXCOLONNES / "src" / "plan.yaml").read_text(encoding="utf-8"))


def _measures() -> list[tuple[str, dict[str, Any]]]:
    return [(part["number"], m) for part in _source()["parts"] for m in part["measures"]]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _opening(measure: dict[str, Any]) -> str:
    """The first words of a measure's own text (after its run-in heading)."""
    return _flat(measure["text"]).removeprefix("- ")[:40]


@pytest.fixture(scope="module")
def plan() -> Plan:
    extracted = extract(PDF, use_cache=False)
    assert isinstance(extracted, Plan)
    return extracted


def test_the_deuxcolonnes_draft_gives_its_30_measures_under_their_printed_numbers(plan: Plan) -> None:
    source = _source()
    # The cover's « 2029-2032 », set a little apart under the title in its type, is the title's.
    assert plan.title == source["title"]
    # « Mesure 1. » … « Mesure 30. » straight through the four parts: the printed number is the place in
    # the document. The Sommaire (the Avant-propos and the parts, with their pages) and the Avant-propos give
    # no measure; no section.
    assert [(m.number, m.label, m.priority, m.section) for m in plan.measures] == [
        (m["number"], None, part, None) for part, m in _measures()
    ]
    assert [(p.id, p.title, p.sections) for p in plan.priorities] == [
        (part["number"], part["title"], []) for part in source["parts"]
    ]
    assert plan.warnings == []


def test_the_deuxcolonnes_drafts_deadlines_are_calendars_and_no_field_line_is_in_a_text(plan: Plan) -> None:
    for got, (_, want) in zip(plan.measures, _measures(), strict=True):
        assert got.calendar == want.get("deadline"), got.number
        assert bool(got.responsible) == bool(want.get("pilots")), got.number
        assert "Pilotes :" not in got.text and "Échéance :" not in got.text, got.number


def test_no_running_footer_nor_avant_propos_in_a_measure_of_the_deuxcolonnes_draft(plan: Plan) -> None:
    source = _source()
    foreword = _flat(source["foreword"]["text"])
    for got in plan.measures:
        text = _flat(got.text)
        assert source["running_footer"] not in text, got.number
        assert foreword[:60] not in text and source["foreword"]["signature"] not in text, got.number


def test_the_deuxcolonnes_drafts_run_in_headings_give_complete_titles(plan: Plan) -> None:
    for got, (_, want) in zip(plan.measures, _measures(), strict=True):
        assert got.title == want["title"], got.number
        assert _flat(got.text).startswith(_opening(want)), got.number


def test_the_deuxcolonnes_drafts_pilotes_line_gives_the_pilots(plan: Plan) -> None:
    for got, (_, want) in zip(plan.measures, _measures(), strict=True):
        expected = [("Pilotes", want["pilots"])] if want.get("pilots") else []
        assert [(r.role, r.text) for r in got.responsible] == expected, got.number


def test_no_box_of_the_deuxcolonnes_draft_is_read_into_a_measure(plan: Plan) -> None:
    boxes = [b for part in _source()["parts"] for b in part.get("boxes", [])]
    for got in plan.measures:
        text = _flat(got.text)
        for box in boxes:
            for paragraph in box["text"].strip().split("\n\n"):
                assert _flat(paragraph) not in text, (got.number, box["title"])
