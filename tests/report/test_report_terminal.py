"""Terminal report: one screen by default, every proposal with --all, text kept as written."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from plancompare.models import DiffResult
from plancompare.report import render
from plancompare.report.terminal import renderables
from plancompare.serialise import load_model

SAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "sample-diff.json"


def _sample() -> DiffResult:
    return load_model(SAMPLE, DiffResult, "diff result")


def test_default_view_is_a_summary_and_one_line_per_measure() -> None:
    text = render(_sample(), "term", "fr")
    lines = text.splitlines()
    assert all(len(line) <= 120 for line in lines)
    assert any(
        "Demandes générales" in line and "│       1 │        0 │           1 │" in line for line in lines
    )
    row = next(line for line in lines if line.startswith("│      1 │ ALLER AU DEVANT"))
    assert "Scindée → 3, 4" in row and "P02✔" in row and "P01" in row
    assert "Que les parquets" not in text  # proposal texts wait for --all
    assert "7 propositions au total" in text


def test_items_that_ask_nothing_get_a_column_only_when_there_are_some() -> None:
    sample = _sample()
    text = render(sample, "term", "fr")
    assert "Sans objet" in text and "G03" in text
    assert "Taux d’adoption = adoptées / (adoptées + modifiées + non reprises)" in " ".join(text.split())
    row = next(line for line in text.splitlines() if line.startswith("│ Demandes générales"))
    assert row.split("│")[2:] == [
        "       1 ",
        "        0 ",
        "           1 ",
        "          1 ",
        "     3 ",
        "            50\u00a0% ",
        "",
    ]
    asks = sample.model_copy(update={"proposals": [p for p in sample.proposals if p.verdict != "n-a"]})
    assert "Sans objet" not in render(asks, "term", "fr")


def test_all_lists_every_proposal_with_its_evidence() -> None:
    text = render(_sample(), "term", "en", show_all=True)
    for pid in ("G01", "G02", "M01-P01", "M01-P02", "M02-P01", "M12-P01"):
        assert f"│ {pid}" in text
    # Square brackets are text, not rich markup.
    assert "[fiche]" in text
    assert "✔ analyst" in text
    assert "figure: 6 mois" in text


def test_stale_decisions_are_shown() -> None:
    text = render(_sample(), "term", "fr")
    assert "Décisions d’analyste périmées" in text
    assert "M12-P01\u00a0: Adoptée (moteur\u00a0: Non reprise)" in text


def test_output_has_no_colour_codes_and_is_deterministic() -> None:
    first = render(_sample(), "term", "en", show_all=True)
    assert "\x1b[" not in first
    assert first == render(_sample(), "term", "en", show_all=True)


def test_verdicts_are_coloured_on_a_terminal() -> None:
    console = Console(width=120, force_terminal=True, color_system="standard", file=io.StringIO())
    for item in renderables(_sample(), "fr"):
        console.print(item)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    for colour, word in (
        ("32", "Adoptée"),
        ("33", "Modifiée"),
        ("31", "Non reprise"),
        ("90", "Sans objet"),
        ("31", "Abandonnée"),
    ):
        assert re.search(rf"\x1b\[(1;)?{colour}m{word}", text), word
    assert re.search(r"\x1b\[32mP02✔", text)  # ids coloured by their verdict too
