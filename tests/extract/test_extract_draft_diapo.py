"""The slide-deck draft (corpora/diapo: a fictional 2032-2035 plan presented to the associations as a
« diaporama » exported to PDF, 39 landscape 16:9 slides) extracts as its source says: its thirty measures
« Mesure N — Titre » under their printed numbers and complete titles, in the five axes of its dividers;
each measure's text its bullets, then the table on its slide read row by row; the « Pilote » /
« Calendrier » block at the slide's foot as its responsible body and calendar; the band's kicker
(« Axe 2 · Identifier, protéger, accompagner »), repeated over every slide of an axis, in no text.

The block (its two labels side by side, each over its value), the lone « CALENDRIER » label of a shared
slide, the kicker and the tables were misread, as strict xfails, until the extractor learnt to read them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plancompare.extract.document import extract
from plancompare.extract.fields import parse_responsibilities
from plancompare.models import Plan

ROOT = Path(__file__).resolve().parents[2]
DIAPO = ROOT / "corpora" / "diapo"
PDF = DIAPO / "plan-2032-2035-diaporama.pdf"


def _source() -> dict[str, Any]:
    return yaml.safe_load((DIAPO / "src" / "plan.yaml").read_text(encoding="utf-8"))


def _measures() -> list[tuple[int, dict[str, Any]]]:
    """(axis number, measure) in document order."""
    return [(axis["number"], m) for axis in _source()["axes"] for m in axis["measures"]]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _paragraphs(text: str) -> list[str]:
    return [_flat(part) for part in text.split("\n\n")]


def _bullets(measure: dict[str, Any]) -> list[str]:
    return [_flat(f"• {bullet}") for bullet in measure["bullets"]]


def _table(measure: dict[str, Any]) -> list[str]:
    """The table on a measure's slide as text: its caption, then each row, its cells in order."""
    table = measure.get("table")
    if not table:
        return []
    rows = [table["header"], *table["rows"]]
    return [_flat(table["caption"]), *(" | ".join(_flat(cell) for cell in row if cell) for row in rows)]


@pytest.fixture(scope="module")
def plan() -> Plan:
    extracted = extract(PDF, use_cache=False)
    assert isinstance(extracted, Plan)
    return extracted


def test_the_diapo_drafts_30_measures_come_under_their_printed_numbers_and_axes(plan: Plan) -> None:
    source = _source()
    assert (
        plan.title == "Plan national de lutte contre la traite et l’exploitation des êtres humains 2032-2035"
    )
    # The agenda, the context slides, the dividers, « Prochaines étapes » and « Merci » give no measure.
    assert [(m.number, m.label, m.title, m.priority) for m in plan.measures] == [
        (m["number"], None, m["title"], str(axis)) for axis, m in _measures()
    ]
    assert [(p.id, p.title) for p in plan.priorities] == [
        (str(axis["number"]), axis["title"]) for axis in source["axes"]
    ]
    assert plan.warnings == []


def test_the_pilote_and_calendrier_block_gives_the_pilots_and_the_calendar(plan: Plan) -> None:
    """Two labels side by side at the slide's foot, each over its value (one alone on slide 26); on a
    slide shared by two measures, « CALENDRIER » beside its value at the foot of its column."""
    for got, (_, want) in zip(plan.measures, _measures(), strict=True):
        pilot = want.get("pilote")
        assert got.responsible == (parse_responsibilities(f"Pilote : {pilot}") if pilot else []), got.number
        assert got.calendar == want.get("calendrier"), got.number
        # Neither value is a paragraph of the text, nor glued to one (a pilot may be named in a bullet).
        bullets = _bullets(want)
        for paragraph in _paragraphs(got.text):
            for value in (pilot, want.get("calendrier")):
                assert value is None or paragraph in bullets or _flat(value) not in paragraph, got.number
        text = _flat(got.text)
        assert "PILOTE" not in text and "CALENDRIER" not in text, got.number


def test_a_field_label_heads_no_section(plan: Plan) -> None:
    assert all(p.sections == [] for p in plan.priorities)
    assert all(m.section is None for m in plan.measures)


def test_the_band_kicker_is_in_no_measure(plan: Plan) -> None:
    """« Axe 2 · Identifier, protéger, accompagner » over every slide of axis 2, at the same place: page
    furniture, as a running header is."""
    kickers = [f"Axe {axis['number']} · {axis['title']}" for axis in _source()["axes"]]
    for got in plan.measures:
        text = _flat(got.text)
        assert not any(kicker in text for kicker in kickers), got.number


def test_each_measures_text_is_its_bullets_then_the_table_on_its_slide(plan: Plan) -> None:
    for got, (_, want) in zip(plan.measures, _measures(), strict=True):
        assert _paragraphs(got.text) == _bullets(want) + _table(want), got.number


def test_a_table_beside_the_bullets_is_read_after_them_row_by_row(plan: Plan) -> None:
    """11: « Ouverture des places dédiées » (year, places, cumulative) right of nine bullets; 29:
    « Ressources du fonds (M€) » by year, right of three bullets it stands level with."""
    tabled = [
        (got, want) for got, (_, want) in zip(plan.measures, _measures(), strict=True) if "table" in want
    ]
    assert [got.number for got, _ in tabled] == [11, 29]
    for got, want in tabled:
        paragraphs = _paragraphs(got.text)
        bullets = _bullets(want)
        assert paragraphs[: len(bullets)] == bullets, got.number
        assert paragraphs[len(bullets) :] == _table(want), got.number
