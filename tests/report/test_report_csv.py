"""CSV: one row per proposal, UTF-8 with a BOM, quoting right for Excel and for `csv` readers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from plancompare.models import DiffResult
from plancompare.report import render
from plancompare.report.csvreport import COLUMNS
from plancompare.serialise import load_model

SAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "sample-diff.json"


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_one_row_per_proposal_with_the_documented_columns() -> None:
    sample = load_model(SAMPLE, DiffResult, "diff result")
    text = render(sample, "csv", "fr")
    assert text.splitlines()[0] == "\ufeff" + ",".join(COLUMNS)
    rows = _rows(text)
    assert [r["id"] for r in rows] == [p.id for p in sample.proposals]
    by_id = {r["id"]: r for r in rows}
    assert by_id["M02-P01"] == {
        "id": "M02-P01",
        "measure": "2",
        "priority": "I",
        "verdict": "changed",
        "decided_by": "engine",
        "next_measures": "5;6",
        "score": "68.0",
        "confidence": "0.000",
        "passage": "La protection est étendue aux victimes d’exploitation sexuelle.",
        "reasons": "portée\u00a0: «\u00a0toutes les formes de traite\u00a0» → "
        "«\u00a0exploitation sexuelle\u00a0»\u00a0; "
        "acteur\u00a0: «\u00a0ministère de l’Intérieur\u00a0» → «\u00a0ministère de la Justice\u00a0»",
        "text": "# Étendre la protection à toutes les formes de traite, y compris la mendicité forcée & la "
        "criminalité forcée.",
    }
    assert by_id["M01-P02"]["decided_by"] == "analyst"
    assert by_id["G02"]["measure"] == "" and by_id["G02"]["priority"] == ""


def test_bytes_are_utf8_with_bom_and_crlf() -> None:
    sample = load_model(SAMPLE, DiffResult, "diff result")
    data = render(sample, "csv", "en").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == len(sample.proposals) + 1
    assert "d’hébergement | spécialisées".encode() in data


def test_json_format_is_the_result_itself() -> None:
    sample = load_model(SAMPLE, DiffResult, "diff result")
    text = render(sample, "json", "fr")
    assert DiffResult.model_validate(json.loads(text)) == sample
    assert text == SAMPLE.read_text(encoding="utf-8")
