"""Golden reports on the bundled corpora, in French and English (tests/snapshots/corpora-*), and on
the hand-made sample in every format (tests/snapshots/sample-*).

A change to a gap table shows as a readable diff of these files. To accept one, regenerate them with
`UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/report/test_report_snapshots.py`, read the result as
an analyst would, and commit it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plancompare.models import DiffResult
from plancompare.report import render
from plancompare.serialise import load_model
from plancompare.workflow import run_diff

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "tests" / "snapshots"
CASES = [
    ("md", "fr", False, "corpora-fr.md"),
    ("md", "en", False, "corpora-en.md"),
    ("csv", "fr", False, "corpora-fr.csv"),
    ("csv", "en", False, "corpora-en.csv"),
    ("term", "fr", False, "corpora-term-fr.txt"),
    ("term", "en", False, "corpora-term-en.txt"),
    ("term", "fr", True, "corpora-term-all-fr.txt"),
]
# The hand-made sample (sample-diff.json): every verdict (an item that is not an ask too), analyst
# and stale decisions, text that looks like markup; in every format.
SAMPLE_CASES = [
    ("md", "fr", False, "sample-fr.md"),
    ("md", "en", False, "sample-en.md"),
    ("csv", "fr", False, "sample-fr.csv"),
    ("term", "fr", False, "sample-term-fr.txt"),
    ("term", "en", True, "sample-term-all-en.txt"),
    ("html", "fr", False, "sample-fr.html"),
]


@pytest.fixture(scope="module")
def result() -> DiffResult:
    # As `plancompare diff` runs it: the corpus folder's decisions.yaml, if any, is applied.
    run = run_diff(
        ROOT / "corpora" / "2014-2016", ROOT / "corpora" / "next", lang=None, config=None, decisions=None
    )
    return run.result


@pytest.fixture(scope="module")
def sample() -> DiffResult:
    return load_model(SNAPSHOTS / "sample-diff.json", DiffResult, "diff result")


def _check(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    data = text.encode("utf-8")
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_bytes(data)
        return
    assert path.exists(), f"missing {path}: run with UPDATE_SNAPSHOTS=1, read it, commit it"
    expected = path.read_bytes()
    assert data.decode("utf-8").splitlines() == expected.decode("utf-8").splitlines()
    assert data == expected


@pytest.mark.parametrize(("fmt", "lang", "show_all", "name"), CASES, ids=[c[3] for c in CASES])
def test_report_matches_its_snapshot(
    result: DiffResult, fmt: str, lang: str, show_all: bool, name: str
) -> None:
    first = render(result, fmt, lang, show_all=show_all)
    assert render(result, fmt, lang, show_all=show_all) == first
    _check(name, first)


@pytest.mark.parametrize(("fmt", "lang", "show_all", "name"), SAMPLE_CASES, ids=[c[3] for c in SAMPLE_CASES])
def test_sample_report_matches_its_snapshot(
    sample: DiffResult, fmt: str, lang: str, show_all: bool, name: str
) -> None:
    _check(name, render(sample, fmt, lang, show_all=show_all))


def test_readme_excerpt_is_the_current_gap_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Reports\n", 1)[1].split("\n## ", 1)[0]
    table_lines = [line for line in section.splitlines() if line.startswith("| ")]
    excerpt = [line for line in table_lines if "Priorité" in line or line.startswith("| **")]
    assert len(excerpt) >= 5, "README's « Reports » section should show part of the French gap table"
    snapshot = (SNAPSHOTS / "corpora-fr.md").read_text(encoding="utf-8").splitlines()
    stale = [line for line in excerpt if line not in snapshot]
    assert stale == [], "README's gap-table excerpt differs from tests/snapshots/corpora-fr.md: refresh it"


def test_the_readme_shows_the_bundled_report_as_it_prints() -> None:
    """README's « Reports » excerpt (summary rows and the first proposals) is cut from the French
    markdown report of the bundled corpora: every row of it is a row of that report."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Reports\n", 1)[1].split("\n## ", 1)[0]
    report = set((SNAPSHOTS / "corpora-fr.md").read_text(encoding="utf-8").splitlines())
    rows = [line for line in section.splitlines() if line.startswith(("| Priorité", "| Demandes", "| **"))]
    assert len(rows) >= 5
    assert [row for row in rows if row not in report] == []
