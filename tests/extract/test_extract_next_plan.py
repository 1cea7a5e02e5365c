"""The sample next-plan draft (corpora/next/): its measures come out as its source says.

The PDF is typeset from corpora/next/src/plan.yaml (cover, table of contents, axis pages, two
columns, running header and footer); extraction must give back the same measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz

from plancompare.extract.document import extract
from plancompare.extract.fields import parse_responsibilities
from plancompare.models import Plan

ROOT = Path(__file__).resolve().parents[2]
NEXT_PDF = ROOT / "corpora" / "next" / "plan-2017-2019-projet.pdf"
NEXT_YAML = ROOT / "corpora" / "next" / "src" / "plan.yaml"


def _label_value(line: str | None) -> str | None:
    return line.split(":", 1)[1].strip() if line else None


def _paragraphs(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


@pytest.fixture(scope="module")
def source() -> dict:
    return yaml.safe_load(NEXT_YAML.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan() -> Plan:
    result = extract(NEXT_PDF, "auto", use_cache=False)
    assert isinstance(result, Plan)
    return result


def _measures(source: dict) -> list[tuple[str, dict]]:
    return [(str(axis["id"]), m) for axis in source["axes"] for m in axis["measures"]]


def test_measure_numbers_titles_and_axes(plan: Plan, source: dict) -> None:
    expected = _measures(source)
    assert [m.number for m in plan.measures] == [m["number"] for _, m in expected]
    assert [(m.title, m.priority) for m in plan.measures] == [(m["title"], axis) for axis, m in expected]
    assert [(p.id, p.title) for p in plan.priorities] == [(str(a["id"]), a["title"]) for a in source["axes"]]
    assert plan.title and source["title"].startswith(plan.title)  # the cover reads « ... 2017-2019 »


def test_pilots_partners_instrument_calendar(plan: Plan, source: dict) -> None:
    for got, (_, want) in zip(plan.measures, _measures(source), strict=True):
        roles = " • ".join(x for x in (want.get("pilots"), want.get("partners")) if x)
        assert got.responsible == parse_responsibilities(roles), got.number
        assert got.instrument == _label_value(want.get("instrument")), got.number
        assert got.calendar == _label_value(want.get("calendar")), got.number
        assert got.action == want.get("action"), got.number


def test_measure_text(plan: Plan, source: dict) -> None:
    scores = []
    exact = 0
    for got, (_, want) in zip(plan.measures, _measures(source), strict=True):
        expected = _paragraphs(want["text"])
        scores.append(fuzz.ratio(got.text, expected))
        exact += got.text == expected
    print(f"\nnext plan text: {exact}/{len(scores)} measures exact, min similarity {min(scores):.1f}")
    assert min(scores) >= 98
    assert exact >= 0.9 * len(scores)


def test_pages_are_in_order(plan: Plan) -> None:
    pages = [(m.first_page, m.last_page) for m in plan.measures]
    assert all(a is not None and b is not None and a <= b for a, b in pages)
    assert [a for a, _ in pages] == sorted(a for a, _ in pages)
    assert plan.measures[0].first_page is not None and plan.measures[0].first_page > 2  # after cover and TOC


def test_a_cover_line_above_the_title_is_not_the_title() -> None:
    # The held-out draft's cover reads « PREMIER MINISTRE » in smaller type above the title.
    heldout = ROOT / "corpora" / "heldout" / "plan-2018-2020.pdf"
    plan = extract(heldout)
    assert isinstance(plan, Plan)
    assert plan.title == (
        "Plan national de mobilisation contre l’exploitation et la traite des êtres humains 2018-2020"
    )
