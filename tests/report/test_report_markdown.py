"""Markdown gap tables: what GitHub shows must be the text, in the right cells, in both languages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from plancompare.models import DiffResult, ProposalResult
from plancompare.report import render
from plancompare.report.grouping import shorten
from plancompare.report.markdown import escape
from plancompare.serialise import load_model

SAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "sample-diff.json"

# CommonMark plus GFM tables and strikethrough: what github.com renders.
GFM = MarkdownIt("commonmark").enable("table").enable("strikethrough")


@pytest.fixture
def sample() -> DiffResult:
    return load_model(SAMPLE, DiffResult, "diff result")


def _cells(markdown: str) -> list[list[str]]:
    """The text content of every body row of every table, as a browser would show it."""
    rendered = GFM.render(markdown)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", rendered, flags=re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells])
    return rows


@pytest.mark.parametrize(
    "text",
    [
        "51. mesures prioritaires",
        "- liste",
        "+ plus",
        "# titre",
        "> citation",
        "a | b",
        "*gras* et _italique_ et ~~barré~~",
        "[lien](http://example.org) et `code`",
        "<script>alert(1)</script> & &amp;",
        "back\\slash",
        "ligne 1\nligne 2",
    ],
)
def test_escaped_text_renders_as_itself_in_one_cell(text: str) -> None:
    table = f"| a | b |\n|---|---|\n| {escape(text)} | x |\n"
    rows = _cells(table)
    assert rows[1] == [" ".join(text.split()), "x"]
    assert "\n" not in escape(text)


def test_every_row_has_as_many_cells_as_its_header(sample: DiffResult) -> None:
    for lang in ("fr", "en"):
        markdown = render(sample, "md", lang)
        rendered = GFM.render(markdown)
        for table in re.findall(r"<table>(.*?)</table>", rendered, flags=re.S):
            header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
            for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], flags=re.S):
                assert len(re.findall(r"<td[ >]", row)) == header


def test_proposal_rows_show_the_text_verdict_measures_and_reasons(sample: DiffResult) -> None:
    rows = {r[0].split(" ", 1)[0]: r for r in _cells(render(sample, "md", "fr")) if r and "-P" in r[0][:8]}
    row = rows["M01-P01"]
    assert (
        row[0]
        == "M01-P01 51. Créer 50 postes de médiateurs culturels dans un délai de 6 mois, financés par l’État."
    )
    assert row[1:5] == ["Modifiée", "3", "74", "0\u00a0%"]
    assert (
        row[6]
        == "chiffre\u00a0: 6 mois → 1 an\u00a0; modalité\u00a0: «\u00a0doit\u00a0» → «\u00a0pourra\u00a0»"
    )
    tricky = rows["M01-P02"]
    assert (
        tricky[0] == "M01-P02 Former les agents de <Pôle emploi> aux indicateurs_de_traite [fiche] `réflexe`."
    )
    assert tricky[7] == "✔ analyste"
    assert rows["M02-P01"][2] == "5, 6"
    # A dropped proposal's nearest measure is shown in brackets: it is not an answer.
    assert rows["M12-P01"][1:3] == ["Non reprise", "(9)"]


def test_english_labels(sample: DiffResult) -> None:
    markdown = render(sample, "md", "en")
    cells = _cells(markdown)
    assert ["Priority", "Adopted", "Changed", "Dropped", "Not an ask", "Total", "Adoption rate"] in cells
    assert "### General demands" in markdown
    assert any(r[:2] == ["1", "ALLER AU DEVANT DES VICTIMES"] and r[2] == "Split" for r in cells)
    assert "figure: 6 mois → 1 an; modality: “doit” → “pourra”" in markdown
    for french in ("Adoptée", "Non reprise", "Demandes générales", "Maintenue"):
        assert french not in markdown


def test_groups_follow_base_priorities_then_general_demands(sample: DiffResult) -> None:
    markdown = render(sample, "md", "fr")
    headings = re.findall(r"^### (.*)$", markdown, flags=re.M)
    assert headings == [
        "Décisions d’analyste périmées",
        "Priorité I – IDENTIFIER ET ACCOMPAGNER LES VICTIMES DE LA TRAITE",
        "Priorité II – DEMANTELER LES RESEAUX",
        "Demandes générales",
    ]
    summary = _cells(markdown)[1:5]
    assert summary[0][1:] == ["1", "2", "0", "0", "3", "33\u00a0%"]
    assert summary[2][0] == "Demandes générales"
    assert summary[3][1:] == ["2", "2", "2", "1", "7", "33\u00a0%"]


def test_items_that_ask_nothing_count_in_no_adoption_rate(sample: DiffResult) -> None:
    markdown = render(sample, "md", "fr")
    cells = _cells(markdown)
    assert cells[0] == [
        "Priorité",
        "Adoptée",
        "Modifiée",
        "Non reprise",
        "Sans objet",
        "Total",
        "Taux d’adoption",
    ]
    # General demands: G01 adopted, G02 dropped, G03 praise: 1 / (1 + 0 + 1), not 1 / 3.
    assert cells[3] == ["Demandes générales", "1", "0", "1", "1", "3", "50\u00a0%"]
    assert "Taux d’adoption = adoptées / (adoptées + modifiées + non reprises)" in markdown
    assert "Adoptée 1, Modifiée 0, Non reprise 1, Sans objet 1." in markdown
    rows = {r[0].split(" ", 1)[0]: r for r in cells if r and r[0].startswith("G0")}
    assert rows["G03"][1:3] == ["Sans objet", ""]
    assert rows["G03"][6] == "aucune demande repérée (constat ?)"
    # Nothing but items that ask nothing: no rate at all.
    only = sample.model_copy(update={"proposals": [p for p in sample.proposals if p.id == "G03"]})
    assert _cells(render(only, "md", "en"))[1] == ["General demands", "0", "0", "0", "1", "1", "–"]


def test_the_nearest_measure_of_an_item_that_is_not_an_ask_is_in_brackets(sample: DiffResult) -> None:
    praise = sample.proposals[0].model_copy(update={"verdict": "n-a"})
    result = sample.model_copy(update={"proposals": [praise]})
    row = next(r for r in _cells(render(result, "md", "en")) if r[0].startswith("G01"))
    assert row[1:3] == ["Not an ask", "(1)"]


def test_measures_and_new_measures_tables(sample: DiffResult) -> None:
    cells = _cells(render(sample, "md", "fr"))
    assert [
        "1",
        "ALLER AU DEVANT DES VICTIMES",
        "Scindée",
        "3 (Recruter des médiateurs culturels)\u00a0; 4 (Former les agents)",
        "72",
    ] in cells
    assert ["12", "VEILLER A CE QUE L’INCRIMINATION DE TRAITE SOIT RETENUE", "Abandonnée", "", ""] in cells
    assert ["8", "Lutter contre l’exploitation *en ligne*", "2"] in cells


def test_stale_decisions_are_listed_with_their_reason(sample: DiffResult) -> None:
    markdown = render(sample, "md", "fr")
    stale = markdown.split("### Décisions d’analyste périmées", 1)[1].split("## ", 1)[0]
    assert "**M12-P01**\u00a0: Adoptée (moteur\u00a0: Non reprise)" in stale


def test_long_texts_show_their_first_words_and_unfold_whole(sample: DiffResult) -> None:
    long_text = "Le Collectif demande " + "que les victimes soient protégées " * 20
    proposal = sample.proposals[0].model_copy(update={"text": long_text})
    result = sample.model_copy(update={"proposals": [proposal]})
    markdown = render(result, "md", "fr")
    line = next(line for line in markdown.splitlines() if line.startswith("| **G01**"))
    cell = line.split(" | ")[0]
    summary, body = _details(GFM.render(markdown))[0]
    assert summary.endswith("…") and len(summary) < 145
    assert body == long_text.strip()
    assert cell.startswith("| **G01** <details><summary>Le Collectif demande que les victimes")
    # A text a little over the limit is shown whole: a <details> would only hide a few words.
    shortish = proposal.model_copy(update={"text": long_text[:185]})
    markdown = render(sample.model_copy(update={"proposals": [shortish]}), "md", "fr")
    assert "<details>" not in markdown and long_text[:185].strip() in markdown


# What a review may hold: a table pipe, HTML, markdown, a numbered list, line and paragraph breaks.
TRICKY = (
    "• Le Collectif demande | que <script>alert('x')</script> & « <b>gras</b> » soient traités :\n"
    "- 51. des places *non mixtes* [ici](http://example.org) dans   chaque département ;\n"
    "\n"
    "- un financement `pérenne` de l’État, ~~barré~~ \\ et des <details>fermées</details>, "
    "<!-- commentaire --> | fin."
)
TRICKY_SHOWN = (
    "Le Collectif demande | que <script>alert('x')</script> & « <b>gras</b> » soient traités :\n"
    "- 51. des places *non mixtes* [ici](http://example.org) dans chaque département ;\n"
    "- un financement `pérenne` de l’État, ~~barré~~ \\ et des <details>fermées</details>, "
    "<!-- commentaire --> | fin."
)


def _details(rendered: str) -> list[tuple[str, str]]:
    """(summary, body) of every <details> GitHub would show: text as a reader sees it, <br> as a
    newline; fails if anything but <br> is HTML inside."""
    found = []
    for summary, body in re.findall(
        r"<details><summary>(.*?)</summary>(.*?)</details>", rendered, flags=re.S
    ):
        assert re.findall(r"<[^>]*>", summary) == []
        assert set(re.findall(r"<[^>]*>", body)) <= {"<br>"}
        found.append((html.unescape(summary), html.unescape(body.replace("<br>", "\n"))))
    return found


def test_a_long_cell_with_pipes_html_and_newlines_renders_safely_in_its_cell(sample: DiffResult) -> None:
    proposal = sample.proposals[0]
    passage = proposal.matches[0].model_copy(update={"passage": TRICKY})
    tricky = proposal.model_copy(update={"text": TRICKY, "matches": [passage]})
    result = sample.model_copy(update={"proposals": [tricky]})
    markdown = render(result, "md", "fr")
    line = next(line for line in markdown.splitlines() if line.startswith("| **G01**"))
    assert line.count("<details><summary>") == 2  # the proposal and the passage
    rendered = GFM.render(markdown)
    # One row, seven cells: nothing broke out of its cell.
    table = next(t for t in re.findall(r"<table>(.*?)</table>", rendered, flags=re.S) if "G01" in t)
    [row] = re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], flags=re.S)
    assert len(re.findall(r"<td[ >]", row)) == 8
    # No HTML of the text is interpreted: only the report's own tags.
    assert set(re.findall(r"</?(\w+)", row)) == {"td", "strong", "details", "summary", "br"}
    [(summary, body), (summary2, body2)] = _details(row)
    assert body == body2 == TRICKY_SHOWN
    assert (summary, summary2) == (shorten(TRICKY, 140), shorten(TRICKY, 160))


def test_output_is_deterministic(sample: DiffResult) -> None:
    assert render(sample, "md", "fr") == render(sample, "md", "fr")


def test_proposal_without_priority_goes_to_its_measures_priority(sample: DiffResult) -> None:
    orphan = ProposalResult(
        id="M02-P09",
        measure=2,
        text="Sans priorité recopiée",
        verdict="dropped",
        engine_verdict="dropped",
        score=0,
    )
    result = sample.model_copy(update={"proposals": [*sample.proposals, orphan]})
    markdown = render(result, "md", "en")
    section = markdown.split("### Priority I", 1)[1].split("### ", 1)[0]
    assert "**M02-P09**" in section
