"""The press-kit draft (corpora/dossier: a fictional « Plan national contre la traite des êtres humains
2030-2033 » published as a « dossier de presse ») extracts as a user needs it: its 25 measures under their
printed numbers « Mesure 1 » … « Mesure 25 », with their complete bold titles, their paragraph and
« Ce qui change » line as text, « Quand » as the calendar, and nothing from the cover, « Le mot de la
ministre », « Les chiffres clés » or « Ce que nous avons déjà fait » read as a measure.

The coloured « Engagement 1 – … » banners over the measures are its priorities, not measures, and the
boxed « Contacts presse » block after the last measure is no part of it (these were misread, as strict
xfails, until the extractor learnt to read them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plancompare.extract.document import extract
from plancompare.models import Plan

ROOT = Path(__file__).resolve().parents[2]
DOSSIER = ROOT / "corpora" / "dossier"
DOSSIER_PDF = DOSSIER / "plan-2030-2033-dossier-de-presse.pdf"
NBSP = "\u00a0"


def _source() -> dict[str, Any]:
    return yaml.safe_load((DOSSIER / "src" / "plan.yaml").read_text(encoding="utf-8"))


def _measures() -> list[tuple[int, dict[str, Any]]]:
    """(engagement number, measure) in document order."""
    return [(e["number"], m) for e in _source()["engagements"] for m in e["measures"]]


def _banners() -> list[tuple[int, str]]:
    return [(e["number"], e["title"]) for e in _source()["engagements"]]


def _flat(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def _text(measure: dict[str, Any]) -> str:
    """What the measure's text should be: its paragraph, then the « Pour qui » and « Ce qui change »
    lines (the extractor has no field for either: « Ce qui change » states a commitment and belongs to
    the text; « Pour qui » names a public, not a responsible body)."""
    return "\n\n".join(
        [
            _flat(measure["text"]),
            _flat(f"Pour qui : {measure['pour_qui']}"),
            _flat(f"Ce qui change : {measure['ce_qui_change']}"),
        ]
    )


def _paragraphs(text: str) -> str:
    return "\n\n".join(_flat(part) for part in text.split("\n\n"))


@pytest.fixture(scope="module")
def dossier() -> Plan:
    plan = extract(DOSSIER_PDF, use_cache=False)
    assert isinstance(plan, Plan)
    return plan


def test_the_dossier_drafts_25_measures_come_under_their_printed_numbers_with_complete_titles(
    dossier: Plan,
) -> None:
    assert dossier.title == "Plan national contre la traite des êtres humains 2030-2033"
    source = _measures()
    # The engagement banners are no measures (test_the_engagement_banners_give_no_measure).
    measures = dossier.measures
    assert [(m.number, m.label, m.title) for m in measures] == [
        (m["number"], None, m["title"]) for _, m in source
    ]
    for got, (_, want) in zip(measures, source, strict=True):
        # « Quand : » is the calendar, out of the text.
        assert got.calendar == _flat(want["quand"]), got.number
        assert "Quand :" not in got.text, got.number
        assert got.responsible == [], got.number
        assert not got.heading_inferred, got.number
        assert _paragraphs(got.text) == _text(want), got.number


def test_nothing_outside_the_measures_is_read_as_a_measure(dossier: Plan) -> None:
    """The minister's word, the key figures (big numbers: « 2 410 », « 28 % », « 412 ») and the
    past-tense achievements give no measure, and none of their sentences enters a measure."""
    source = _source()
    assert {m.number for m in dossier.measures} == set(range(1, 26))
    outside = [
        *source["achievements"]["items"],
        *(_flat(p) for p in source["minister"]["text"].split("\n\n") if p.strip()),
        *(f"{item['figure']} {item['label']}" for item in source["figures"]["items"]),
    ]
    for measure in dossier.measures:
        flat = _flat(f"{measure.title} {measure.text}")
        for sentence in outside:
            assert _flat(sentence)[:60] not in flat, (measure.number, sentence)
        for heading in ("Le mot de la ministre", "Les chiffres clés", "Ce que nous avons déjà fait"):
            assert heading not in flat, (measure.number, heading)


def test_the_engagement_banners_give_no_measure(dossier: Plan) -> None:
    assert [m.number for m in dossier.measures] == list(range(1, 26))
    assert dossier.warnings == []


def test_the_engagement_banners_are_the_priorities(dossier: Plan) -> None:
    assert [(p.id, p.title, p.sections) for p in dossier.priorities] == [
        (str(number), title, []) for number, title in _banners()
    ]
    wanted = {m["number"]: str(engagement) for engagement, m in _measures()}
    assert {m.number: m.priority for m in dossier.measures} == wanted
    assert all(m.section is None for m in dossier.measures)


def test_the_press_contacts_are_not_part_of_the_last_measure(dossier: Plan) -> None:
    last = dossier.measures[-1]
    assert last.number == 25
    assert _paragraphs(last.text) == _text(_measures()[-1][1])
