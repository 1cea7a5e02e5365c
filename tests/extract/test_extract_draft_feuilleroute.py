"""The first-person roadmap draft (corpora/feuilleroute: a fictional « Feuille de route nationale de lutte
contre la traite des êtres humains 2036-2039 », A4, one column, 17 pages) should extract as its source
says: its twenty-nine measures « N° 7 · Titre court » under their printed numbers and titles, in the four
« Ambition I » … « Ambition IV » parts; each measure's text its commitments (« Ce que nous ferons »), the
italic « Pourquoi » paragraph and the inline fields line « Qui ? … · Quand ? … · Combien ? … » apart, the
line giving its responsible bodies, calendar and financing; and nothing from the cover, « Le mot de la
ministre », the « Sommaire » (which lists every measure as « N° 7 · Titre ….. 5 ») or the annex table
« Nos engagements en un coup d’œil » read as a measure.

As the draft arrived, the extractor read none of it: « N° 7 · » was none of the measure headings it
knew (« Mesure 5 », « MESURE N° 5 : », « Action 1.2 », « Fiche action 3 », « Engagement n° 7 – », a bold
bare « 12. »), nor « Ambition II » an axis heading, nor « Qui ? » a field's label; and the title was
taken for its years alone, « 2036-2039 », set larger than its words. These tests were strict xfails until
the extractor learnt them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from tests.extract.draftpdf import flat, page_texts, plan_of

ROOT = Path(__file__).resolve().parents[2]
FEUILLE = ROOT / "corpora" / "feuilleroute"
PDF = FEUILLE / "feuille-de-route-2036-2039.pdf"
TITLE = "Feuille de route nationale de lutte contre la traite des êtres humains 2036-2039"


def _source() -> dict[str, Any]:
    return yaml.safe_load((FEUILLE / "src" / "plan.yaml").read_text(encoding="utf-8"))


def _measures() -> list[tuple[str, dict[str, Any]]]:
    """(ambition numeral, measure) in document order."""
    return [(a["number"], m) for a in _source()["ambitions"] for m in a["measures"]]


def _heading(measure: dict[str, Any]) -> str:
    return f"N° {measure['number']} · {measure['title']}"


def _commitments(measure: dict[str, Any]) -> list[str]:
    """A measure's commitments as printed: each paragraph, each lead sentence, each dash item."""
    out: list[str] = []
    for item in measure["do"]:
        if isinstance(item, str):
            out.append(item)
            continue
        if item.get("lead"):
            out.append(item["lead"])
        out.extend(f"– {sub}" for sub in item["items"])
    return [flat(text) for text in out]


# ---- the draft itself ---------------------------------------------------------------------------------


def test_the_pdf_prints_each_heading_in_the_sommaire_and_in_the_body() -> None:
    """The Sommaire lists every measure under the heading it has in the body (« N° 7 · Titre »), and the
    annex table names every measure again: the two places a reader of headings must not take for
    measures."""
    pages = page_texts(PDF, 16)
    sommaire = next(i for i, text in enumerate(pages) if text.startswith("Sommaire"))
    annex = next(i for i, text in enumerate(pages) if text.startswith("Nos engagements en un coup d’œil"))
    body = " ".join(pages[sommaire + 1 : annex])
    for _, measure in _measures():
        heading = flat(_heading(measure))
        assert heading in " ".join(pages[sommaire : sommaire + 2]), measure["number"]
        assert body.count(heading) == 1, measure["number"]
        # a title may wrap in its cell: its first words open the row, after its number
        opening = " ".join(measure["title"].split()[:3])
        assert f"{measure['number']} {opening}" in pages[annex], measure["number"]


def test_the_pdf_carries_each_measures_reasons_commitments_and_fields_line() -> None:
    text = " ".join(page_texts(PDF, 16))
    for _, measure in _measures():
        assert flat(measure["why"]) in text, measure["number"]
        for commitment in _commitments(measure):
            assert commitment in text, measure["number"]
        fields = [f"Qui ? {measure['qui']}", f"Quand ? {measure['quand']}"]
        fields += [f"Combien ? {measure['combien']}"] if measure.get("combien") else []
        assert flat(" · ".join(fields)) in text, measure["number"]


# ---- what the extractor reads ---------------------------------------------------------------------------


def test_the_29_measures_come_under_their_printed_numbers_titles_and_ambitions() -> None:
    plan = plan_of(PDF)
    assert plan.title == TITLE
    assert [(m.number, m.label, m.title, m.priority) for m in plan.measures] == [
        (m["number"], None, m["title"], ambition) for ambition, m in _measures()
    ]
    assert [(p.id, p.title) for p in plan.priorities] == [
        (a["number"], a["title"]) for a in _source()["ambitions"]
    ]
    assert plan.warnings == []


def test_nothing_from_the_cover_the_ministers_word_the_sommaire_or_the_annex_is_a_measure() -> None:
    plan = plan_of(PDF)
    assert [m.number for m in plan.measures] == list(range(1, 30))
    source = _source()
    furniture = [
        source["minister"]["title"],
        source["sommaire_title"],
        source["annex"]["title"],
        *(flat(p)[:60] for p in source["minister"]["paragraphs"]),
        *(flat(a["intro"])[:60] for a in source["ambitions"]),
    ]
    for got in plan.measures:
        text = flat(got.text)
        assert "....." not in text, got.number
        assert not any(flat(words) in text for words in furniture), got.number


def test_each_measures_text_holds_its_commitments_and_not_its_fields_line() -> None:
    plan = plan_of(PDF)
    for got, (_, want) in zip(plan.measures, _measures(), strict=True):
        text = flat(got.text)
        for commitment in _commitments(want):
            assert commitment in text, got.number
        assert "Qui ?" not in text and "Quand ?" not in text, got.number


def test_the_fields_line_gives_the_responsible_bodies_the_calendar_and_the_financing() -> None:
    plan = plan_of(PDF)
    for got, (_, want) in zip(plan.measures, _measures(), strict=True):
        assert [flat(r.text) for r in got.responsible] == [flat(want["qui"])], got.number
        assert got.calendar == want["quand"], got.number
        assert got.financing == want.get("combien"), got.number
