"""Pages that cannot be read are never skipped in silence (#14 item 4): a damaged page is named in a
warning, a page that gave no text too, and a PDF with half its pages or more unreadable is exit 3.

Each damaged PDF is a fixture with bytes changed, written in tmp_path."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pdfplumber
from tests.extract.tinypdf import content_stream, pdf, plan_page
from typer.testing import CliRunner

from plancompare.cli import app

PDFS = Path(__file__).resolve().parents[1] / "pdfs"


def extract_cli(path: Path, *args: str):  # -> typer.testing.Result
    return CliRunner().invoke(app, ["extract", str(path), "--no-cache", *args])


def write(tmp_path: Path, name: str, data: bytes | bytearray) -> Path:
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def with_page_content_broken(name: str, page: int) -> bytearray:
    """The fixture with the deflated data of page `page`'s content stream overwritten with junk
    (its length kept): pdfminer inflates nothing of it, and says nothing."""
    data = bytearray((PDFS / name).read_bytes())
    start, end = content_stream(bytes(data), page)
    data[start + 2 : end - 2] = bytes((i * 37) % 256 for i in range(end - start - 4))
    return data


def test_a_page_whose_content_stream_is_damaged_is_named(tmp_path: Path) -> None:
    # The case: page 1 of three unreadable gave 2 of 5 measures, exit 0 and no word.
    path = write(tmp_path, "plan.pdf", with_page_content_broken("plan-actions.pdf", 1))
    result = extract_cli(path)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [m["number"] for m in document["measures"]] == [4, 5]
    warning = (
        "damaged PDF: page 1 of 3 (content stream cut short or corrupt): measures on it may be missing, "
        "cut or altered; download or export the file again"
    )
    assert document["warnings"] == [warning]
    assert f"warning: {warning}" in result.stderr


def test_half_the_pages_unreadable_is_exit_3(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    path = write(tmp_path, "plan.pdf", with_page_content_broken("plan-side-headings.pdf", 1))
    result = extract_cli(path, "-o", str(out))
    assert result.exit_code == 3
    assert result.stderr == (
        "error: plan.pdf is a damaged PDF: page 1 of 2 (content stream cut short or corrupt) cannot be read, "
        "so its measures cannot be trusted. download or export the file again\n"
    )
    assert not out.exists()


def test_half_the_pages_unreadable_is_exit_3_not_a_scan(tmp_path: Path) -> None:
    # Page 1 of 2 lost its text (half the document): the damage is said, not « run OCR ».
    path = write(tmp_path, "plan.pdf", with_page_content_broken("plan-fiches-actions.pdf", 1))
    result = extract_cli(path)
    assert result.exit_code == 3
    assert (
        "is a damaged PDF: page 1 of 2 (content stream cut short or corrupt) cannot be read" in result.stderr
    )
    assert "OCR" not in result.stderr


def test_a_page_the_reader_fails_on_is_named_and_the_others_read(tmp_path: Path) -> None:
    # Page 2 (the contents page) names a filter no reader knows: reading it raises.
    data = bytearray((PDFS / "plan-two-columns.pdf").read_bytes())
    start, _ = content_stream(bytes(data), 2)
    at = data.rfind(b"/FlateDecode", 0, start)
    data[at : at + 12] = b"/FlateDecodx"
    result = extract_cli(write(tmp_path, "plan.pdf", data))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert len(document["measures"]) == 7
    assert document["warnings"] == [
        "damaged PDF: page 2 of 4 (the PDF reader failed: PDFNotImplementedError): measures on it may be "
        "missing, cut or altered; download or export the file again"
    ]


def test_a_page_missing_from_the_file_is_named_and_the_others_keep_their_numbers(tmp_path: Path) -> None:
    data = bytearray((PDFS / "plan-two-columns.pdf").read_bytes())
    with pdfplumber.open(io.BytesIO(bytes(data))) as document:
        objid = document.pages[2].page_obj.pageid
    table = re.search(rb"(?<!start)xref\r?\n0 \d+\r?\n", bytes(data))
    assert table is not None
    entry = table.end() + 20 * objid  # page 3's entry in the cross-reference table: offset 0
    data[entry : entry + 10] = b"0000000000"
    result = extract_cli(write(tmp_path, "plan.pdf", data))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["source"]["pages"] == 4
    assert [(m["number"], m["first_page"]) for m in document["measures"]] == [(7, 4)]
    assert document["warnings"][0].startswith("damaged PDF: page 3 of 4 (page missing from the file): ")


def test_a_content_stream_failing_only_its_checksum_warns_without_failing(tmp_path: Path) -> None:
    # Inflated in full, the text is there (perhaps altered): named, never exit 3, even alone.
    data = bytearray((PDFS / "plan-fiches-actions.pdf").read_bytes())
    _, end = content_stream(bytes(data), 1)
    data[end - 2] ^= 0xFF  # the stream's last byte, of its Adler-32 checksum
    result = extract_cli(write(tmp_path, "plan.pdf", data))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert len(document["measures"]) == 6
    assert (
        "page 1 of 2 (content stream failing its checksum: text may be altered)" in document["warnings"][-1]
    )


def test_a_damaged_font_is_named(tmp_path: Path) -> None:
    # A font program that does not inflate: pdfminer takes other glyph widths and says nothing.
    data = bytearray((PDFS / "plan-two-columns.pdf").read_bytes())
    font = re.search(rb"/Length1 \d+\s*>>\s*stream\r?\n", bytes(data))
    assert font is not None
    data[font.end() + 3000] ^= 0x5A
    result = extract_cli(write(tmp_path, "plan.pdf", data))
    assert result.exit_code == 0, result.output
    assert "(font data damaged: text may be misplaced or misread)" in json.loads(result.stdout)["warnings"][0]


def test_a_page_that_gave_no_text_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path, "plan.pdf", pdf([plan_page(range(1, 3)), (595.0, 842.0, []), plan_page(range(3, 5))])
    )
    result = extract_cli(path)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [m["number"] for m in document["measures"]] == [1, 2, 3, 4]
    assert document["warnings"] == [
        "page 2 of 3 gave no text: blank, or their text could not be read (measures on them would be missing)"
    ]


def test_diff_prints_the_damage_of_its_inputs(tmp_path: Path) -> None:
    next_plan = write(tmp_path, "next.pdf", with_page_content_broken("plan-numbered-within-axes.pdf", 3))
    result = CliRunner().invoke(
        app, ["diff", str(PDFS / "review-second-renderer.pdf"), str(next_plan), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "warning: next.pdf: damaged PDF: page 3 of 3 (content stream cut short or corrupt): measures on it "
        "may be missing, cut or altered" in result.stderr
    )
