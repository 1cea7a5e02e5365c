"""Bad input through the real CLI: one line on stderr, exit 3 (2 for usage), no output file."""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tests.extract.mutants import KINDS, mutants
from typer.testing import CliRunner

from plancompare.cli import app
from plancompare.extract.document import extract

PDFS = Path(__file__).resolve().parents[1] / "pdfs"


def run(*args: object):  # -> typer.testing.Result
    return CliRunner().invoke(app, ["extract", *(str(a) for a in args)])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-pdf.pdf", "not-a-pdf.pdf is not a PDF file (it is a web page)"),
        ("truncated.pdf", "truncated.pdf is a damaged or truncated PDF"),
        ("encrypted.pdf", "encrypted.pdf is encrypted with a password"),
        ("scanned-no-text.pdf", "has no text layer (it looks like a scan: images but no text)"),
        ("no-measures.pdf", "no measures found in no-measures.pdf"),
        (
            "undecodable-text.pdf",
            "117 of its 2420 characters cannot be decoded (fonts without a Unicode map). run OCR on it",
        ),
    ],
)
def test_bad_pdf_exits_3_with_one_line_and_no_output(name: str, message: str, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run(PDFS / name, "-o", out)
    assert result.exit_code == 3, result.output
    assert message in result.stderr
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "plancompare-cache"] == []


def test_a_pdf_restricted_by_an_owner_password_only_is_read() -> None:
    # Official PDFs are often encrypted with no password to open them, only restrictions on
    # copying: that is not an error, and it reads as the unrestricted file does.
    restricted = extract(PDFS / "restricted.pdf", use_cache=False)
    plain = extract(PDFS / "plan-single-column-mesure-n.pdf", use_cache=False)
    assert restricted.measures == plain.measures
    assert [m.number for m in restricted.measures] == [12, 13, 14, 15]


def test_scan_hint_names_ocr(tmp_path: Path) -> None:
    result = run(PDFS / "scanned-no-text.pdf")
    assert "run OCR first, e.g. ocrmypdf in.pdf out.pdf" in result.stderr


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run(tmp_path / "nowhere.pdf", "-o", out)
    assert result.exit_code == 2
    assert "nowhere.pdf does not exist" in result.stderr
    assert not out.exists()


def test_output_may_not_overwrite_the_input(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    data = (PDFS / "plan-single-column-mesure-n.pdf").read_bytes()
    pdf.write_bytes(data)
    result = run(pdf, "-o", pdf)
    assert result.exit_code == 2
    assert "refusing to write" in result.stderr
    assert pdf.read_bytes() == data


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so no `except Exception` in the extractor can hide it."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"extraction took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# Plans from both PDF producers (reportlab: ASCII85 over Flate; fpdf2: Flate) and reviews (a table,
# a table of two columns); each fixture's mutants are seeded, every kind taken in turn.
FUZZED = (
    "plan-single-column-mesure-n.pdf",
    "plan-actions.pdf",
    "review-second-renderer.pdf",
    "review-two-columns.pdf",
)
MUTANTS_PER_KIND = 12


@pytest.mark.slow
@pytest.mark.parametrize("name", FUZZED)
def test_fuzzed_pdfs_give_a_result_or_a_clean_error(name: str, tmp_path: Path) -> None:
    """Mutants of a good fixture of every kind (tests/extract/mutants.py) through `plancompare
    extract -o`: exit 0 with the JSON written, or exit 3 with one line and no output; never a
    traceback, never a hang (20 s each), never a file left behind."""
    good = (PDFS / name).read_bytes()
    count = MUTANTS_PER_KIND * len(KINDS)
    outcomes: dict[str, int] = {}
    slowest = 0.0
    for label, data in mutants(good, count, seed=20170309 + FUZZED.index(name)):
        path = tmp_path / f"fuzz-{label}.pdf"
        out = tmp_path / "out.json"
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            with time_limit(20):
                result = run(path, "--no-cache", "-o", out)
        except Hang:
            pytest.fail(f"mutation {label} of {name} hung the extractor")
        slowest = max(slowest, time.perf_counter() - start)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"mutation {label} of {name} raised {result.exception!r}"
        )
        assert result.exit_code in (0, 3), (label, result.output)
        assert "Traceback" not in result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        if result.exit_code == 0:
            assert not errors and json.loads(out.read_text(encoding="utf-8"))["measures"] is not None
            out.unlink()
        else:
            assert len(errors) == 1 and result.stderr.endswith(errors[0] + "\n"), (label, result.stderr)
            assert not out.exists()
        path.unlink()
        assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["plancompare-cache"]), label
        outcomes[f"exit {result.exit_code}"] = outcomes.get(f"exit {result.exit_code}", 0) + 1
    print(f"\nfuzz {name}: {dict(sorted(outcomes.items()))}; slowest {slowest:.2f} s")
    assert sum(outcomes.values()) == count
    assert len(outcomes) == 2  # the mutations do break the file, and some still read


@pytest.mark.parametrize(
    ("content", "what", "hint"),
    [
        (
            b"PK\x03\x04word/document.xml",
            "it is a Word, OpenDocument or other ZIP file",
            "soffice --headless",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "it is an old Word or Office file", "export it as PDF"),
        (b"{\\rtf1\\ansi Plan", "it is an RTF document", "export it as PDF"),
        (
            b"<!DOCTYPE html><html><body>Acc\xc3\xa8s refus\xc3\xa9",
            "it is a web page",
            "download the PDF itself",
        ),
        (b"", "it is empty", "download or export the file again"),
    ],
    ids=["docx", "doc", "rtf", "html", "empty"],
)
def test_a_file_that_is_not_a_pdf_is_named_for_what_it_is(
    content: bytes, what: str, hint: str, tmp_path: Path
) -> None:
    # Saved under a .pdf name, as a failed download or a mis-saved export often is.
    path = tmp_path / "plan.pdf"
    path.write_bytes(content)
    result = run(path)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: plan.pdf is not a PDF file ({what}). ")
    assert hint in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_word_document_given_to_diff_asks_for_its_pdf(tmp_path: Path) -> None:
    path = tmp_path / "projet.docx"
    path.write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(app, ["diff", str(path), str(path)])
    assert result.exit_code == 2
    assert "projet.docx is a word-processor document, not a PDF. export it as PDF" in result.stderr
