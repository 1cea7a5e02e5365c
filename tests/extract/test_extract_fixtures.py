"""Fixture PDFs in other layouts: golden JSON beside each, and checks against each fixture's source.

The golden files (tests/pdfs/<name>.golden.json) were written by the extractor and checked by hand
against tests/pdfs/src/<name>.yaml; `PLANCOMPARE_UPDATE_GOLDEN=1 pytest tests/test_extract_fixtures.py`
rewrites them after a deliberate change (review the diff before committing).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from plancompare.extract.document import extract
from plancompare.extract.fields import parse_responsibilities
from plancompare.extract.reviewyaml import load_review_yaml
from plancompare.models import Measure, Plan, Review
from plancompare.serialise import to_json

PDFS = Path(__file__).resolve().parents[1] / "pdfs"
FIXTURES = {
    "plan-two-columns": "plan",
    "plan-single-column-mesure-n": "plan",
    "plan-actions": "plan",
    "plan-designed-headings": "plan",
    "plan-numbering-restarts": "plan",
    "plan-with-summary-table": "plan",
    "plan-numbered-within-axes": "plan",
    "plan-bare-numbers": "plan",
    "plan-side-headings": "plan",
    "plan-as-table": "plan",
    "plan-as-table-unnumbered": "plan",
    "plan-footnotes": "plan",
    "plan-fiches-actions": "plan",
    "plan-sommaire-annexes": "plan",
    "plan-column-continued": "plan",
    "plan-run-in-headings": "plan",
    "plan-run-in-subheadings": "plan",
    "plan-rounded-boxes": "plan",
    "plan-engagements": "plan",
    "plan-field-blocks": "plan",
    "plan-unruled-fields": "plan",
    "plan-ruled-fields": "plan",
    "plan-plain-labels": "plan",
    "plan-side-table-continued": "plan",
    "plan-table-caption-below": "plan",
    "report-recommendations": "review",
    "review-second-renderer": "review",
    "review-no-rules": "review",
    "review-four-columns": "review",
    "review-plain-headings": "review",
    "review-proposals-second": "review",
    "review-within-axes": "review",
    "review-sections": "review",
    "review-two-columns": "review",
    "review-bis": "review",
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_golden_output(name: str) -> None:
    got = to_json(extract(PDFS / f"{name}.pdf", use_cache=False))
    golden = PDFS / f"{name}.golden.json"
    if os.environ.get("PLANCOMPARE_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_auto_layout_tells_plan_from_review(name: str) -> None:
    assert extract(PDFS / f"{name}.pdf", "auto", use_cache=False).kind == FIXTURES[name]


def _source(name: str) -> dict:
    return yaml.safe_load((PDFS / "src" / f"{name}.yaml").read_text(encoding="utf-8"))


def _heads(source: dict) -> list[tuple[int, str, str]]:
    """(number, title, axis id) of each measure of a fixture source listing its axes' measures."""
    axis = {n: p["id"] for p in source["priorities"] for n in p["measures"]}
    return [(m["number"], m["title"], axis[m["number"]]) for m in source["measures"]]


def _paragraphs(text: str) -> list[str]:
    """A source text's paragraphs with their line breaks and indents collapsed, as extracted."""
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


def _label_value(line: str | None) -> str | None:
    return line.split(":", 1)[1].strip() if line else None


@pytest.mark.parametrize(
    "name",
    [
        "plan-two-columns",
        "plan-single-column-mesure-n",
        "plan-actions",
        "plan-designed-headings",
        "plan-with-summary-table",
    ],
)
def test_plan_fixture_matches_its_source(name: str) -> None:
    source = _source(name)
    plan = extract(PDFS / f"{name}.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    assert plan.title == source["document"]["title"]
    assert [m.number for m in plan.measures] == [m["number"] for m in source["measures"]]
    assert [(p.id, p.title) for p in plan.priorities] == [(p["id"], p["title"]) for p in source["priorities"]]
    axis_of = {n: str(p["id"]) for p in source["priorities"] for n in p.get("measures") or []}
    for sections in (p.get("sections") or [] for p in source["priorities"]):
        for section in sections:
            for n in section.get("measures") or []:
                axis_of[n] = next(
                    str(p["id"]) for p in source["priorities"] if section in (p.get("sections") or [])
                )
    for got, want in zip(plan.measures, source["measures"], strict=True):
        assert got.title == want["title"]
        assert got.priority == axis_of[want["number"]]
        responsible = want.get("responsible") or want.get("implementation") or []
        lines = responsible if isinstance(responsible, list) else [responsible]
        assert got.responsible == parse_responsibilities(" • ".join(lines))
        assert got.instrument == _label_value(want.get("instrument"))
        assert got.calendar == _label_value(want.get("calendar"))
        text = "\n\n".join(" ".join(p.split()) for p in want["text"].strip().split("\n\n"))
        for action in want.get("actions") or []:
            body = "\n\n".join(" ".join(p.split()) for p in action["text"].strip().split("\n\n"))
            text += f"\n\nAction {action['id']} – {action['title']}\n\n{body}"
        assert got.text == text


def test_two_column_plan_details() -> None:
    plan = extract(PDFS / "plan-two-columns.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    everything = to_json(plan)
    # No measure from the cover or the table of contents, no running header or page number in a text.
    assert all(m.first_page is not None and m.first_page >= 3 for m in plan.measures)
    assert "2019-2021" not in "".join(m.text for m in plan.measures)
    assert "accompagnement" in everything and "accompa-" not in everything
    assert "Ac-Sé" in everything and "c’est-à-dire" in everything
    assert not any(ch in everything for ch in "\ufb01\ufb02\ufb03\u00a0")
    assert plan.measures[2].action == "Action 3.1 – Créer un module de formation en ligne"


@pytest.mark.parametrize(
    "name",
    [
        "review-second-renderer",
        "review-no-rules",
        "review-four-columns",
        "review-plain-headings",
        "review-proposals-second",
        "review-two-columns",
        "review-sections",
    ],
)
def test_second_review_fixture_matches_its_source(name: str) -> None:
    # The same table drawn with rules, with none at all (columns found from the gutters only), with
    # a fourth « Suivi » column (the reviewer's: it goes with the observations), and with headings
    # in regular weight and sentence case (« Mesure 13 – Élargir le domaine … »), with the
    # proposals' column before the observations', and in two columns, the findings and proposals
    # in one (told apart by their asks); and written in one column, measure after measure, with
    # « Nos constats » and « Nos propositions » sections (every heading printed there).
    gold = load_review_yaml(PDFS / "src" / "review-second-renderer.yaml")
    if name == "review-plain-headings":
        for m in gold.measures:
            m.title = m.title.capitalize()
    if name == "review-four-columns":
        follow_ups = {m["number"]: m["follow_up"] for m in _source("review-second-renderer")["measures"]}
        for m in gold.measures:
            m.observations = f"{m.observations}\n\n{follow_ups[m.number]}"
    review = extract(PDFS / f"{name}.pdf", use_cache=False)
    assert isinstance(review, Review)
    assert review.title == gold.title
    assert [m.number for m in review.measures] == [12, 13, 15]
    headless = name != "review-sections"
    assert [m.heading_inferred for m in review.measures] == [headless, False, False]
    for got, want in zip(review.measures[headless:], gold.measures[headless:], strict=True):
        assert (got.title, got.priority, got.section) == (want.title, want.priority, want.section)
    for got, want in zip(review.measures, gold.measures, strict=True):
        assert got.text == want.text
        assert got.observations == want.observations
        assert got.responsible == want.responsible and got.instrument == want.instrument
    assert [(p.id, p.measure, p.text) for p in review.proposals] == [
        (p.id, p.measure, p.text) for p in gold.proposals
    ]
    assert [(p.id, p.title, p.sections) for p in review.priorities] == [
        (p.id, p.title, p.sections) for p in gold.priorities
    ]


def test_numbering_that_starts_again_in_each_axis_is_made_unique() -> None:
    source = _source("plan-numbering-restarts")
    plan = extract(PDFS / "plan-numbering-restarts.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    printed = [(p["id"], n, title) for p in source["priorities"] for n, title, _ in p["measures"]]
    assert [m.number for m in plan.measures] == list(range(1, len(printed) + 1))
    assert [(m.priority, m.title) for m in plan.measures] == [(axis, title) for axis, _, title in printed]
    assert plan.warnings == [
        "measure numbers start again in each priority: measures are numbered 1 to 5 in document order "
        "(« Mesure 1 » of priority 2 is measure 3)"
    ]


def test_measures_numbered_within_their_axes_keep_the_printed_number_as_label() -> None:
    source = _source("plan-numbered-within-axes")
    plan = extract(PDFS / "plan-numbered-within-axes.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    # « Mesure 1.1 » … « Mesure 2.3 »: the printed number is the label, the place in the document the number.
    assert [(m.number, m.label, m.title) for m in plan.measures] == [
        (m["number"], m["label"], m["title"]) for m in source["measures"]
    ]
    assert [m.name for m in plan.measures] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    # The table of contents lists them by the same numbers: it is no measure.
    assert [m.first_page for m in plan.measures] == [2, 2, 2, 3, 3, 3]
    # « Action 1.2.1 » under measure 1.2 is its sub-action, not a measure of its own.
    assert plan.measures[1].action is not None and plan.measures[1].action.startswith(
        "Action 1.2.1 – Diffuser"
    )
    assert [m.calendar for m in plan.measures] == [m["calendar"].split(" : ")[1] for m in source["measures"]]
    # Axis headings in large type wrap with wider leading than the body: the title is whole.
    assert [(p.id, p.title, p.sections) for p in plan.priorities] == [
        (p["id"], p["title"], []) for p in source["priorities"]
    ]
    assert plan.warnings == [
        "measures are numbered within their axes (« 1.1 » … « 2.3 »): reports show these; in the JSON "
        "they are each measure's `label`, and `number` its place, 1 to 6"
    ]


def test_measures_headed_by_a_bold_number_alone_are_measures() -> None:
    source = _source("plan-bare-numbers")
    plan = extract(PDFS / "plan-bare-numbers.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    # « 1. Former … » in bold, no « Mesure » word anywhere; the regular-weight « 1. » « 2. » list of
    # measure 2 stays in its text.
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    for got, want in zip(plan.measures, source["measures"], strict=True):
        assert got.text == "\n\n".join(_paragraphs(want["text"]))
    assert plan.measures[3].last_page == 2 and plan.warnings == []


def test_a_report_ending_in_numbered_recommendations_is_read_as_their_list() -> None:
    source = _source("report-recommendations")
    review = extract(PDFS / "report-recommendations.pdf", use_cache=False)
    assert isinstance(review, Review)
    assert review.title == source["document"]["title"] and review.measures == []
    asks = [b for b in source["blocks"] if "number" in b]
    # Each recommendation is its boxed text (with the bold list under it); the analysis around it,
    # the heading standing alone (recommendation 4) and the closing summary's short repeats are not.
    want = ["\n\n".join([b["text"].split(" : ", 1)[-1], *b.get("items", [])]) for b in asks]
    assert [(p.id, p.measure, p.text) for p in review.proposals] == [
        (f"R{b['number']:02d}", None, text) for b, text in zip(asks, want, strict=True)
    ]
    assert review.warnings == []


def test_a_review_of_a_plan_numbered_within_its_axes_keeps_the_printed_numbers() -> None:
    usual = extract(PDFS / "review-second-renderer.pdf", use_cache=False)
    review = extract(PDFS / "review-within-axes.pdf", use_cache=False)
    assert isinstance(usual, Review) and isinstance(review, Review)
    # « MESURE N° 4.2 : »; the first row has no heading: it is 4.1, the one before 4.2.
    assert [(m.number, m.label, m.heading_inferred) for m in review.measures] == [
        (1, "4.1", True),
        (2, "4.2", False),
        (3, "4.4", False),
    ]
    for got, want in zip(review.measures, usual.measures, strict=True):
        assert (got.title, got.text, got.observations) == (want.title, want.text, want.observations)
    # Ids sort in the plan's order and name the printed number; the texts are the same proposals.
    ids = {"12": "04.01", "13": "04.02", "15": "04.04"}
    assert [(p.id, p.text) for p in review.proposals] == [
        (p.id if p.measure is None else f"M{ids[p.id[1:3]]}{p.id[3:]}", p.text) for p in usual.proposals
    ]
    assert [p.measure for p in review.proposals if p.measure is not None] == [1, 1, 1, 1, 2, 2, 3, 3, 3, 3]
    assert review.warnings[0].startswith("measure 4.1 (page 1) has no « MESURE N° » heading")


def test_headings_set_beside_their_text_open_the_text_beside_them() -> None:
    source = _source("plan-side-headings")
    plan = extract(PDFS / "plan-side-headings.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    # « MESURE 3 » and its title in a narrow bold column, the text in a wide one starting level with it.
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    for got, want in zip(plan.measures, source["measures"], strict=True):
        text, pilot = _paragraphs(want["text"])
        assert got.text == text
        assert [f"{r.role} : {r.text}" for r in got.responsible] == [pilot]


@pytest.mark.parametrize("name", ["plan-as-table", "plan-as-table-unnumbered"])
def test_a_draft_that_is_one_table_of_measures_is_read_row_by_row(name: str) -> None:
    source = _source("plan-with-summary-table")
    plan = extract(PDFS / f"{name}.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    # N° (centred in its cell) | Mesure (bold title, then text) | Pilote | Échéance; axis banners
    # across the table; the header row repeated on page 2. Unnumbered: no N° column, a row is the
    # band between two rules, numbered in document order.
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    assert [m.text for m in plan.measures] == [m["text"] for m in source["measures"]]
    assert [[(r.role, r.text) for r in m.responsible] for m in plan.measures] == [
        [("Pilote", m["responsible"][0].split(" : ", 1)[1])] for m in source["measures"]
    ]
    assert [m.calendar for m in plan.measures] == [
        m["calendar"].split(" : ", 1)[1] for m in source["measures"]
    ]
    assert [(p.id, p.title) for p in plan.priorities] == [(p["id"], p["title"]) for p in source["priorities"]]
    assert plan.measures[-1].first_page == 2
    assert plan.warnings == [
        "measures read from the rows of a table (columns: N°, Mesure, Pilote, Échéance)"
        if name == "plan-as-table"
        else "measures read from the rows of a table (columns: Mesure, Pilote, Échéance); its rows carry no "
        "number: measures are numbered 1 to 8 in document order"
    ]


def test_footnotes_are_read_apart_from_the_text_they_interrupt() -> None:
    source = _source("plan-footnotes")
    plan = extract(PDFS / "plan-footnotes.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    sup = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    for got, want in zip(plan.measures, source["measures"], strict=True):
        # Calls stay raised (« 2013¹ », not « 20131 »); the paragraph that runs over the page
        # break is whole; the notes the measure calls follow its text, numbered as superscripts.
        call = re.compile(r"\[\^(\d+)\]")
        called = [int(n) for n in call.findall(want["text"])]
        text = [call.sub(lambda m: m.group(1).translate(sup), p) for p in _paragraphs(want["text"])]
        notes = [f"{str(n).translate(sup)} {source['notes'][n]}" for n in called]
        assert got.text == "\n\n".join(text + notes)
    assert plan.measures[1].first_page == 1 and plan.measures[1].last_page == 2
    assert plan.warnings == []


def test_fiches_actions_an_inserted_bis_measure_and_fields_in_a_table_are_read() -> None:
    source = _source("plan-fiches-actions")
    plan = extract(PDFS / "plan-fiches-actions.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    # « FICHE ACTION N° 2 BIS – … » between 2 and 3: a measure of its own, labelled « 2 bis ».
    axis = {n: p["id"] for p in source["priorities"] for n in p["measures"]}
    assert [(m.number, m.name, m.title, m.priority) for m in plan.measures] == [
        (i, m["number"], m["title"], axis[m["number"]]) for i, m in enumerate(source["measures"], start=1)
    ]
    roles = ("Pilote", "Copilote", "Partenaires")
    for got, want in zip(plan.measures, source["measures"], strict=True):
        # The fields' ruled table, label and value in cells of their own, without colon, read row
        # by row into the measure's fields, none left in its text: « Indicateur(s) » and
        # « Financement » too. Page 2's table is read in one column (its rules are too short to make
        # columns), its labels centred between the two lines of their values: each row is read whole.
        fields = dict(want["fields"])
        assert got.text == "\n\n".join(_paragraphs(want["text"]))
        assert [(r.role, r.text) for r in got.responsible] == [
            (k, v) for k, v in want["fields"] if k in roles
        ]
        assert got.calendar == (fields.get("Échéance") or fields.get("Calendrier de mise en œuvre"))
        assert got.indicators == (fields.get("Indicateurs") or fields.get("Indicateur(s)"))
        assert got.financing == fields.get("Financement")
    assert plan.measures[-1].first_page == 2 and plan.measures[-1].responsible
    assert plan.warnings == [
        "measure(s) « 2 bis » inserted between whole numbers: reports show the printed numbers; in the JSON "
        "they are each measure's `label`, and `number` its place, 1 to 6"
    ]


def test_fields_tables_without_rules_are_read_as_fields_and_other_aligned_text_stays_text() -> None:
    source = _source("plan-unruled-fields")
    plan = extract(PDFS / "plan-unruled-fields.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    roles = ("Pilote", "Partenaires")
    for got, want in zip(plan.measures[:3], source["measures"][:3], strict=True):
        # A header row of labels over their values (bold or in the values' type, cells aligned left
        # or centred), or a column of labels beside their values (« Pilote » centred between the two
        # lines of its value, « Calendrier de mise en œuvre » wrapped in its cell), with no rule:
        # every label fills its field, no cell is left in the text.
        fields = dict(want["fields"])
        assert got.text == "\n\n".join(_paragraphs(want["text"]))
        assert [(r.role, r.text) for r in got.responsible] == [
            (k, v) for k, v in want["fields"] if k in roles
        ]
        assert got.calendar == (fields.get("Calendrier") or fields.get("Calendrier de mise en œuvre"))
        assert got.indicators == fields.get("Indicateur")
        assert got.financing == fields.get("Financement")
    # A list set with tab stops and a table of figures without rules, no label over them: text, each
    # line read across; a bold « Calendrier » over a paragraph is a subheading, a « Pilote : » line
    # in the text's own type a field.
    tabbed, figures = source["measures"][3], source["measures"][3]["figures"]
    assert plan.measures[3].text.split("\n\n") == [
        *_paragraphs(tabbed["text"]),
        " ".join(" ".join(row) for row in tabbed["tabbed"]),
        *_paragraphs(tabbed["after"]),
        " ".join(" ".join(row) for row in [figures["header"], *figures["rows"]]),
    ]
    assert not plan.measures[3].responsible and plan.measures[3].calendar is None
    last = source["measures"][4]
    assert plan.measures[4].text.split("\n\n") == [
        *_paragraphs(last["text"]),
        last["subheading"],
        *_paragraphs(last["after"]),
    ]
    assert [(r.role, r.text) for r in plan.measures[4].responsible] == [tuple(last["fields"][0])]
    assert plan.measures[4].calendar is None
    assert plan.warnings == []


def _twins(variant: str, original: str) -> tuple[Plan, Plan]:
    """The plans two fixtures give, the variant read without a warning: the same plan laid out
    otherwise reads the same."""
    twin = extract(PDFS / f"{variant}.pdf", use_cache=False)
    plain = extract(PDFS / f"{original}.pdf", use_cache=False)
    assert isinstance(twin, Plan) and isinstance(plain, Plan) and twin.warnings == []
    return twin, plain


def test_fields_tables_with_rules_read_as_their_twins_without() -> None:
    ruled, unruled = _twins("plan-ruled-fields", "plan-unruled-fields")
    assert (ruled.title, ruled.priorities, ruled.measures) == (
        unruled.title,
        unruled.priorities,
        unruled.measures,
    )


def test_labels_in_the_texts_own_type_give_the_fields_bold_labels_give() -> None:
    source = _source("plan-plain-labels")
    plan = extract(PDFS / "plan-plain-labels.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    by_number = {m["number"]: m for m in source["measures"]}

    def fields(m: Measure) -> tuple:
        return ([(r.role, r.text) for r in m.responsible], m.calendar, m.indicators, m.financing, m.text)

    for got in plan.measures:
        want = by_number[by_number[got.number].get("twin", got.number)]
        values = {label: value for label, value, *_ in want["fields"]}
        roles = [(k, v) for k, v, *_ in want["fields"] if k in ("Pilote", "Partenaires", "Porteur")]
        # A bold label alone on its line takes its value, not the next field's line with it.
        assert fields(got) == (
            roles,
            values.get("Calendrier") or values.get("Échéance"),
            values.get("Indicateur"),
            values.get("Financement"),
            "\n\n".join(_paragraphs(want["text"])),
        )
    # Labels in the text's own type (axis 2) give the fields their bold twins (axis 1) give.
    assert [fields(m) for m in plan.measures[3:]] == [fields(m) for m in plan.measures[:3]]
    assert plan.warnings == []


def _side_tables(name: str) -> list[tuple[Measure, str, list[str], list[str], dict]]:
    """The measures of a fixture whose measures each have a side table, with the headings its
    source lists: (measure read, its first paragraph, its other paragraphs, the table's rows as
    « a | b », the table's source)."""
    source = _source(name)
    plan = extract(PDFS / f"{name}.pdf", use_cache=False)
    assert isinstance(plan, Plan) and plan.warnings == []
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    out = []
    for got, want in zip(plan.measures, source["measures"], strict=True):
        first, *rest = _paragraphs(want["text"])
        table = want["table"]
        rows = [" | ".join(row) for row in [table["header"], *table["rows"]]]
        out.append((got, first, rest, rows, table))
    return out


def test_a_paragraph_going_on_below_a_side_table_is_read_whole_before_the_table() -> None:
    for got, first, rest, rows, table in _side_tables("plan-side-table-continued"):
        # The paragraph beside the table, whole (in measures 1 and 3 it goes on below the table in
        # mid-sentence), then the table's caption and rows, then the next paragraph.
        assert got.text.split("\n\n") == [first, table["caption"], *rows, *rest]


def test_a_caption_under_a_side_table_goes_with_its_rows() -> None:
    # Measure 6's heading, right above its table at the left of the text, is its heading whole.
    for got, first, rest, rows, table in _side_tables("plan-table-caption-below"):
        # The paragraph beside the table whole, then the rows, then the line under the table (a
        # « Source : » line, a « Tableau 2 – … » title); a paragraph's short last line under a table
        # is its paragraph's.
        below = [table["below"]] if "below" in table else []
        assert got.text.split("\n\n") == [first, *rows, *below, *rest]


def test_measures_listed_around_the_plan_are_no_measures() -> None:
    source = _source("plan-sommaire-annexes")
    plan = extract(PDFS / "plan-sommaire-annexes.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    # A « Sommaire » without dot leaders or page numbers (« Mesure 3 – … », the axes, the annexes),
    # a list of acronyms and an annex table whose N° cells print « Mesure 1 » … list the measures:
    # none of them gives one, so the measures keep their printed numbers, with no warning.
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    assert [(p.id, p.title) for p in plan.priorities] == [(p["id"], p["title"]) for p in source["priorities"]]
    for got, want in zip(plan.measures, source["measures"], strict=True):
        # The preamble after the Sommaire, the acronyms and the annex table are in no measure's text.
        assert got.text == "\n\n".join(_paragraphs(want["text"]))
        assert [f"{r.role} : {r.text}" for r in got.responsible] == want["responsible"]
        assert f"Calendrier : {got.calendar}" == want["calendar"]
        assert got.first_page == got.last_page == 2
    assert plan.warnings == []


def test_a_column_opening_with_the_end_of_an_earlier_measure_gives_it_back() -> None:
    source = _source("plan-column-continued")
    plan = extract(PDFS / "plan-column-continued.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    # Page 2's second column opens with the end of measure 3 (begun at the foot of page 1) beside
    # measure 4; page 3's with the end of measure 6, measure 7's heading left alone at the foot of
    # the first column. Each continuation is its measure's, with its « Pilote : » line.
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    for got, want in zip(plan.measures, source["measures"], strict=True):
        assert got.text == "\n\n".join(_paragraphs(want["text"].replace(" ¦ ", " ")))
        assert [f"{r.role} : {r.text}" for r in got.responsible] == want["responsible"]
    assert [(m.first_page, m.last_page) for m in plan.measures] == [
        (1, 1),
        (1, 1),
        (1, 2),
        (2, 2),
        (2, 2),
        (3, 3),
        (3, 3),
    ]
    assert plan.warnings == []


def test_a_review_written_in_sections_read_as_a_plan_keeps_its_sections_in_the_text() -> None:
    plan = extract(PDFS / "review-sections.pdf", "plan", use_cache=False)
    assert isinstance(plan, Plan) and "Nos propositions" in plan.measures[0].text


def test_pages_set_sideways_read_as_the_upright_ones() -> None:
    # plan-bare-numbers.pdf with its first page turned a quarter one way and its second the other.
    turned, upright = _twins("plan-turned-pages", "plan-bare-numbers")
    assert (turned.title, turned.priorities, turned.measures) == (
        upright.title,
        upright.priorities,
        upright.measures,
    )


def test_a_watermark_across_every_page_is_no_part_of_the_text() -> None:
    # plan-bare-numbers.pdf with « PROJET » in 54 pt light grey drawn across the middle of each page.
    marked, plain = _twins("plan-watermark", "plan-bare-numbers")
    assert (marked.priorities, marked.measures) == (plain.priorities, plain.measures)


def test_run_in_headings_give_the_bold_words_as_title_and_the_rest_as_text() -> None:
    # « Mesure 4 – Ouvrir des places d’accueil éloigné. » in bold, the text going on in regular
    # weight on the same line: the same measures as plan-bare-numbers.pdf, laid out otherwise.
    def fields(plan: Plan | Review) -> list[tuple]:
        return [(m.number, m.title, m.priority, m.text, m.responsible) for m in plan.measures]

    plan = extract(PDFS / "plan-run-in-headings.pdf", use_cache=False)
    assert isinstance(plan, Plan) and plan.warnings == []
    assert fields(plan) == fields(extract(PDFS / "plan-bare-numbers.pdf", use_cache=False))


def test_a_bold_subheading_larger_than_the_text_of_a_run_in_plan_stays_in_its_measure() -> None:
    # Run-in headings (« Mesure 2. Informer … . » opening the text) and, inside measures, « Ce qui
    # change » or « Calendrier » in bold 10.5-11 pt over a 9.5 pt text: each measure keeps the text
    # after its subheading (the subheading a paragraph of it) and its « Pilotes : » line.
    source = _source("plan-run-in-subheadings")
    plan = extract(PDFS / "plan-run-in-subheadings.pdf", use_cache=False)
    assert isinstance(plan, Plan) and plan.warnings == []
    want = [(part["number"], m) for part in source["parts"] for m in part["measures"]]
    assert [(m.number, m.title, m.priority) for m in plan.measures] == [
        (m["number"], m["title"], part) for part, m in want
    ]
    for got, (_, m) in zip(plan.measures, want, strict=True):
        assert got.text == "\n\n".join(p.removeprefix("## ") for p in _paragraphs(m["text"]))
        assert [f"{r.role} : {r.text}" for r in got.responsible] == m["responsible"]


def test_shaded_boxes_drawn_as_rounded_rectangles_are_no_measure_text() -> None:
    # « Repères » on a rounded rectangle cuts measure 2 mid-sentence; « Chiffres clés », on one with
    # two rounded corners and an outline, follows measure 3's « Pilote : » line. pdfplumber reports
    # both among the page's curves: they are boxes all the same, in no measure's text.
    source = _source("plan-rounded-boxes")
    plan = extract(PDFS / "plan-rounded-boxes.pdf", use_cache=False)
    assert isinstance(plan, Plan) and plan.warnings == []
    assert [(m.number, m.title, m.priority) for m in plan.measures] == _heads(source)
    for got, want in zip(plan.measures, source["measures"], strict=True):
        assert got.text == "\n\n".join(_paragraphs(want["text"].replace(" ¦ ", " ")))
        assert [f"{r.role} : {r.text}" for r in got.responsible] == want["responsible"]


def test_a_review_of_a_plan_with_a_bis_measure_keeps_its_proposals_apart() -> None:
    usual = extract(PDFS / "review-second-renderer.pdf", use_cache=False)
    review = extract(PDFS / "review-bis.pdf", use_cache=False)
    assert isinstance(usual, Review) and isinstance(review, Review)
    # « MESURE N° 13 BIS : » after 13: a measure of its own, its proposals M13bis-P01 …, not a
    # second set of M13-P01 ….
    assert [(m.number, m.name) for m in review.measures] == [(1, "12"), (2, "13"), (3, "13 bis")]
    assert [(p.id, p.text) for p in review.proposals] == [
        (p.id.replace("M15", "M13bis"), p.text) for p in usual.proposals
    ]
    assert "measure(s) « 13 bis » inserted between whole numbers" in review.warnings[-1]


def test_engagement_headings_and_qui_quand_lines_are_measures_and_fields() -> None:
    source = _source("plan-engagements")
    plan = extract(PDFS / "plan-engagements.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    assert plan.title == source["document"]["title"]
    # « ENGAGEMENT 3 » alone above its title, « ENGAGEMENT » alone above « 4 » in large type, and
    # « Engagement n° 5 – … » all head a measure; the bare « Quand : 2026 » before engagement 5 is
    # engagement 4's field, no section heading.
    assert [(m.number, m.title, m.priority, m.section) for m in plan.measures] == [
        (n, t, a, None) for n, t, a in _heads(source)
    ]
    assert [(p.id, p.sections) for p in plan.priorities] == [("2", [])]
    for got, want in zip(plan.measures, source["measures"], strict=True):
        # « Qui : » is a role (its wrapped line with it), « Quand : » the calendar: neither in the text.
        assert [(r.role, r.text) for r in got.responsible] == [("Qui", want["who"])]
        assert got.calendar == want["when"]
        assert got.text == "\n\n".join(_paragraphs(want["text"]))
    assert plan.warnings == []


def test_qui_in_running_text_is_no_field() -> None:
    plan = extract(PDFS / "plan-engagements.pdf", use_cache=False)
    # « … les associations (ou leurs proches) » / « qui : – vivent dans un campement ; – … »: a line
    # opening on « qui : » after a closed « ) » goes on with the sentence; only the « Qui : » line is a role.
    measure = plan.measures[-1]
    assert [r.text for r in measure.responsible] == ["conseil départemental"]
    assert measure.text.endswith(
        "(ou leurs proches) qui : – vivent dans un campement ; – n’ont aucune "
        "adresse ; – ne parlent pas le français."
    )


def test_labels_over_their_values_a_table_beside_the_text_and_axis_headers_are_read() -> None:
    source = _source("plan-field-blocks")
    plan = extract(PDFS / "plan-field-blocks.pdf", use_cache=False)
    assert isinstance(plan, Plan)
    assert plan.title == source["document"]["title"]
    assert [(m.number, m.title, m.priority, m.section) for m in plan.measures] == [
        (*head, None) for head in _heads(source)
    ]
    assert [(p.id, p.title, p.sections) for p in plan.priorities] == [
        (p["id"], p["title"], []) for p in source["priorities"]
    ]
    deadlines = ("Calendrier", "Échéance")
    for got, want in zip(plan.measures, source["measures"], strict=True):
        # The axis header over each page is in no text (measure 3's runs over a page break); the
        # table at the right of measure 2's text follows it, caption then rows across their cells.
        table = want.get("table")
        rows = [" | ".join(row) for row in [table["header"], *table["rows"]]] if table else []
        assert got.text == "\n\n".join(
            _paragraphs(want["text"]) + ([table["caption"], *rows] if table else [])
        )
        # Labels over their values, side by side or alone, or beside them; « PILOTE » written « Pilote ».
        fields = [(label.capitalize(), value) for label, value in want["fields"]]
        assert [(r.role, r.text) for r in got.responsible] == [f for f in fields if f[0] not in deadlines]
        assert got.calendar == next((value for label, value in fields if label in deadlines), None)
    assert plan.warnings == []
